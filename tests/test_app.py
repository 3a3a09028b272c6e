"""The page's logic without a browser (streamlit.testing.v1.AppTest): filters, URL state,
selection, the article panel, uploads. The dataset is hand-built (tests/_mapdata.py) so these tests
are about the page, not about extraction; one upload test goes through the real pipeline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import streamlit as st
from _mapdata import HOSTILE, build_dataset
from places import HELSINKI, SHYMKENT, STEVENAGE
from streamlit.testing.v1 import AppTest

from dashboard import ingest, pipeline
from dashboard import viewstate as vs
from dashboard.library import codec
from dashboard.library.store import Library

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture
def articles_dir(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    monkeypatch.setenv("SHYMKENT_ARTICLES_DIR", str(folder))
    monkeypatch.setenv("SHYMKENT_DATA_DIR", str(tmp_path / "data"))  # a library of its own
    monkeypatch.delenv("SHYMKENT_GEOCODE_ONLINE", raising=False)
    monkeypatch.setenv("SHYMKENT_DEFER_PAGE", "0")  # no browser map to say it has drawn
    st.cache_resource.clear()
    return folder


@pytest.fixture
def fake_build(monkeypatch, articles_dir):
    """The library holds the hand-built dataset (with the hostile article), analysed as the page's extractor
    version, besides what the test adds; an empty file in the folder is skipped. The geocoders the page makes
    are recorded."""
    (articles_dir / "broken.txt").write_bytes(b"")
    return serve(monkeypatch, build_dataset(hostile=True))


def serve(monkeypatch, dataset):
    """The page's library holds ``dataset``'s articles, analysed as they are given (no extraction)."""
    calls = []
    real_context, real_add = ingest.analysis_context, Library.add_article  # a test may break add_article later

    def analysis_context(library, **kwargs):
        geocoder, version = real_context(library, **kwargs)
        calls.append({**kwargs, "geocoder": geocoder})
        for analyzed in dataset.articles:
            a = analyzed.article
            added = real_add(library, a.text, name=a.id, origin="upload", title=a.title, date=a.date, url=a.url)
            if not added.duplicate:
                library.save_analysis(added.article.id, version, codec.encode(analyzed))
        return geocoder, version

    monkeypatch.setattr(ingest, "analysis_context", analysis_context)
    return calls


def fake_analysis(monkeypatch, **changes):
    """Adding an article analyses it as the hand-built Maribor article, under its own id and title."""
    def analyze(article, *, geocoder, gazetteer=None):
        base = build_dataset().articles[1]
        return replace(base, article=replace(base.article, id=article.id, title=article.title, path=article.path,
                                             **changes))

    monkeypatch.setattr(pipeline, "analyze", analyze)


def run(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at) -> dict[str, int]:
    return {m.label: int(m.value) for m in at.metric}


def html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_page_loads_with_counts_and_skipped_files(fake_build):
    at = run()
    assert metrics(at) == {"Articles": 5, "Places": 7, "Countries": 5, "Links": 6}
    assert fake_build and fake_build[0]["geocoder"].online is False  # offline unless switched on
    assert any("could not be loaded" in e.label for e in at.expander)
    assert "broken.txt" in html(at) and "the file is empty" in html(at)
    assert "Click a place or a line" in at.info[0].value
    assert dict(at.query_params) == {}  # the default view has a plain URL


def test_unticking_a_kind_filters_lines_and_goes_into_the_url(fake_build):
    at = run()
    at.checkbox(key="kind_visit").uncheck().run()
    assert metrics(at)["Links"] == 3
    assert at.query_params["kinds"] == "partnership,meeting"


def test_language_and_country_filters(fake_build):
    at = run()
    at.multiselect(key="langs").select("kk").run()
    assert metrics(at)["Articles"] == 1
    at.multiselect(key="langs").unselect("kk").run()
    at.multiselect(key="countries").select("GB").run()
    assert metrics(at)["Places"] == 2  # Stevenage and the Kazakh end of its lines
    assert at.query_params["countries"] == "GB"


def test_search_forgives_spelling_and_a_hit_selects_the_place(fake_build):
    at = run()
    at.text_input(key="query").input("Стивенидж").run()
    assert metrics(at)["Places"] == 7  # the search finds; it does not filter the map
    hit = at.button(key=f"hit:{STEVENAGE.key}")
    assert "Stevenage" in hit.label
    hit.click().run()
    assert at.query_params["place"] == STEVENAGE.key
    assert "Шымкент и Стивенейдж отметили годовщину" in html(at)
    assert at.session_state["_map_cmd"]["select"] == ("place", STEVENAGE.key)  # the map flies there
    assert at.session_state["_map_cmd"]["fly"] is True


def test_search_says_when_no_place_matches(fake_build):
    at = run()
    at.text_input(key="query").input("Xyzzyville").run()
    assert any("No place matches" in i.value for i in at.info)
    assert metrics(at)["Places"] == 7


def test_bad_url_values_are_ignored_with_a_note(fake_build):
    at = run({"kinds": "bogus", "zoom": "99", "center": "1,2", "place": "gn:0"})
    assert all(at.checkbox(key=f"kind_{k}").value for k in ("partnership", "visit", "meeting"))
    assert metrics(at)["Links"] == 6
    [warning] = at.warning
    for fragment in ("kinds=bogus", "zoom=99", "place=gn:0"):
        assert fragment in warning.value.replace("\\", "")
    assert "kinds" not in at.query_params and "zoom" not in at.query_params


def test_a_url_view_goes_to_the_map_and_a_place_in_it_is_drawn_without_flying(fake_build):
    at = run({"place": STEVENAGE.key, "zoom": "7.5", "center": "51.9,-0.2"})
    assert at.session_state["_map_initial_view"] == {"zoom": 7.5, "center": [51.9, -0.2]}
    assert at.session_state["_map_cmd"]["select"] == ("place", STEVENAGE.key)
    assert at.session_state["_map_cmd"]["fly"] is False
    assert at.query_params["zoom"] == "7.5" and at.query_params["center"] == "51.9000,-0.2000"
    at = run({"place": STEVENAGE.key})
    assert at.session_state["_map_cmd"]["fly"] is True  # no view in the URL: fly to the place


def test_clicking_a_relation_selects_its_line(fake_build):
    at = run({"place": STEVENAGE.key})
    lid = f"partnership|{SHYMKENT.key}|{STEVENAGE.key}"
    at.button(key=f"rel:{lid}").click().run()
    assert at.query_params["link"] == lid
    assert "<mark>Стороны подписали меморандум" in html(at)


def test_selecting_a_place_shows_its_articles_with_the_mention_marked(fake_build):
    at = run()
    at.selectbox(key="pick_place:None").select(STEVENAGE.key).run()
    page = html(at)
    assert "Шымкент и Стивенейдж отметили годовщину" in page
    assert "<mark>Стивенейдж</mark>" in page
    relations = [b.label.replace("\\", "") for b in at.button if b.key and b.key.startswith("rel:")]
    assert relations == ["partnership: Shymkent (1 article)", "visit: Shymkent (1 article)"]
    assert at.query_params["place"] == STEVENAGE.key


def test_url_restores_a_filtered_selected_view(fake_build):
    lid = f"partnership|{SHYMKENT.key}|{STEVENAGE.key}"
    at = run({"kinds": "partnership", "langs": "ru", "link": lid})
    assert at.checkbox(key="kind_visit").value is False
    assert metrics(at) == {"Articles": 1, "Places": 3, "Countries": 2, "Links": 1}
    page = html(at)
    assert "<mark>Стороны подписали меморандум" in page  # the evidence sentence


def test_selection_hidden_by_filters_is_dropped(fake_build):
    at = run({"langs": "kk", "place": STEVENAGE.key})
    assert "place" not in at.query_params
    assert at.info  # back to the hint


def test_hostile_article_is_escaped_in_the_panel(fake_build):
    at = run({"place": HELSINKI.key})  # Helsinki: the hostile article mentions it
    page = html(at)
    assert "Title &#60;img src=x onerror=alert(1)&#62;" in page
    assert "<img" not in page and "</script" not in page and "${" not in page and "`" not in page
    for md in at.markdown:  # nothing from an article reaches markdown
        assert "onerror" not in md.value


def test_downloads_offer_the_filtered_view(fake_build):
    at = run({"countries": "GB"})
    labels = {b.proto.label for b in at.get("download_button")}
    assert labels == {"Places (CSV)", "Places (GeoJSON)", "Relations (CSV)", "Relations (GeoJSON)"}


def test_upload_is_analysed_shown_and_kept_in_the_library(fake_build, articles_dir, monkeypatch):
    fake_analysis(monkeypatch)
    at = run()
    at.file_uploader(key="upload").set_value(("../../evil name.txt", b"Maribor and Shymkent.", "text/plain"))
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert not at.exception
    assert any("Added" in s.value for s in at.success)
    assert metrics(at)["Articles"] == 6
    assert [p.name for p in articles_dir.iterdir()] == ["broken.txt"]  # the library keeps it, not a file (Cloud)
    st.cache_resource.clear()  # a restart: a new process, the same library
    again = run()
    assert metrics(again)["Articles"] == 6
    assert [a.name for a in ingest.open_library().articles()][-1] == "evil_name"  # a safe name


def test_upload_of_a_wrong_type_or_size_is_refused_with_a_reason(fake_build, articles_dir, monkeypatch):
    fake_analysis(monkeypatch)
    at = run()
    big = b"a" * (vs.MAX_UPLOAD_BYTES + 1)
    at.file_uploader(key="upload").set_value(("big.txt", big, "text/plain"))
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert any("at most" in e.value for e in at.error)
    assert metrics(at)["Articles"] == 5


def test_when_the_library_cannot_take_an_article_the_page_says_so_and_keeps_its_view(fake_build, monkeypatch):
    from dashboard.errors import LibraryError
    from dashboard.library.store import Library

    fake_analysis(monkeypatch)
    at = run()

    def locked(self, *args, **kwargs):
        raise LibraryError(self.shown_url, "the database is busy (locked by another writer for too long)")

    monkeypatch.setattr(Library, "add_article", locked)
    at.text_area(key="pasted").input("Maribor delegation visited Shymkent.")
    at.text_input(key="add_title").input(f"Pasted {HOSTILE}")
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert not at.exception
    assert any("could not be kept in the library" in e.value and "busy" in e.value for e in at.error)
    assert metrics(at)["Articles"] == 5


def test_empty_submission_explains_what_to_do(fake_build):
    at = run()
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert any("Choose a .txt file or paste" in e.value for e in at.error)


def test_upload_through_the_real_pipeline(articles_dir):
    """No fakes: a Russian article naming Maribor goes through the pipeline and onto the map."""
    at = run()
    text = ("Делегация из Марибора посетила Шымкент\n\n"
            "Шымкент, 3 марта 2024 года. Делегация словенского города Марибор посетила Шымкент. "
            "Стороны обсудили сотрудничество в сфере туризма.\n").encode()
    at.file_uploader(key="upload").set_value(("maribor.txt", text, "text/plain"))
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at)["Articles"] == 1
    assert metrics(at)["Places"] >= 2  # Shymkent and Maribor


def test_an_added_later_article_widens_a_full_date_range(fake_build, monkeypatch):
    fake_analysis(monkeypatch, date="2030-01-01")
    at = run()
    at.text_area(key="pasted").input("Maribor delegation visited Shymkent.")
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert metrics(at)["Articles"] == 6  # not hidden by the old end date
    assert "to" not in at.query_params


def test_a_hostile_upload_name_is_shown_as_text(fake_build, articles_dir):
    # (A .pdf never reaches the page: st.file_uploader(type=["txt"]) refuses it, in the browser and
    # on the server. An empty .txt with a markdown name does, and is refused by check_upload.)
    at = run()
    at.file_uploader(key="upload").set_value(("![x](http://evil.example/p.png).txt", b"", "text/plain"))
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    [error] = at.error
    assert "is empty" in error.value
    assert "](" not in error.value and "![" not in error.value
    assert [p.name for p in articles_dir.iterdir()] == ["broken.txt"]  # nothing written


def test_the_same_article_uploaded_again_is_recognised_by_its_text(fake_build, articles_dir, monkeypatch):
    fake_analysis(monkeypatch)
    at = run()
    text = "Maribor delegation in Shymkent\n\nA delegation from Maribor visited Shymkent on Monday.\n"
    at.file_uploader(key="upload").set_value(("first.txt", text.encode(), "text/plain"))
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert metrics(at)["Articles"] == 6
    at.file_uploader(key="upload").set_value(("again.txt", text.replace(" visited ", "  visited ").upper().encode(),
                                               "text/plain"))
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    [warning] = at.warning
    assert "Already in the library" in warning.value and "first" in warning.value
    assert metrics(at)["Articles"] == 6


KETTLEWICK = ("Shymkent delegation visits Kettlewick\n\nA delegation of Shymkent visited the town of Kettlewick "
              "in England on 3 March 2024. The mayor of Shymkent and the mayor of Kettlewick signed a memorandum "
              "on twinning.\n")


@pytest.fixture
def overrides_file(tmp_path, monkeypatch):
    path = tmp_path / "overrides.csv"
    path.write_text("# test overrides\nname,lang,lat,lon,kind,country,note\n", encoding="utf-8")
    monkeypatch.setenv("SHYMKENT_OVERRIDES", str(path))
    return path


def test_a_pasted_articles_unplaced_name_is_named_then_corrected_from_the_page(articles_dir, overrides_file):
    """No fakes: the pipeline leaves "Kettlewick" unplaced; the page says so, lists it under Needs review,
    and a point picked on the map becomes an override that the rebuilt library uses at once."""
    at = run()
    at.text_area(key="pasted").input(KETTLEWICK)
    at.button(key="FormSubmitter:add_article-Add the article").click().run()
    assert any("Kettlewick" in w.value and "could not be placed" in w.value for w in at.warning), \
        [w.value for w in at.warning]
    assert "Kettlewick" in unplaced_names(at)
    places_before = metrics(at)["Places"]

    at.selectbox(key="correct_choice:0").select("name:en:kettlewick").run()
    at.button(key="pick_on_map").click().run()
    assert at.session_state["_map_cmd"]["pick"] == "Kettlewick"  # the map asks for a click
    # What the map's callback stores after a click in pick mode (the browser test clicks for real).
    at.session_state["picked_point"] = (51.95, -1.4)
    at.run()
    assert at.text_input(key="pick_country").value == "GB"  # the country under the point
    at.button(key="save_point").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert overrides_file.read_text(encoding="utf-8") == "# test overrides\nname,lang,lat,lon,kind,country,note\n"
    [row] = [c for c in ingest.open_library().corrections() if c.name == "Kettlewick"]  # kept in the library
    assert (row.lang, row.lat, row.lon, row.kind, row.country) == ("en", 51.95, -1.4, "city", "GB")
    assert metrics(at)["Places"] == places_before + 1
    assert at.query_params["place"] == "ovr:51.95000,-1.40000"
    assert "Kettlewick" not in unplaced_names(at)


def unplaced_names(at) -> list[str]:
    """The names in the "Not placed" table under Needs review (its first column)."""
    import re

    body = next((h for h in html(at).split('<div class="data-table') if h.startswith(" review-unplaced")), "")
    return re.findall(r"<tr><td>([^<]*)</td>", body)


def test_a_correction_chosen_from_the_gazetteer_and_a_library_that_cannot_take_it(fake_build, overrides_file,
                                                                                  monkeypatch):
    from dashboard.errors import LibraryError
    from dashboard.library.store import Library

    at = run({"place": HELSINKI.key})
    at.button(key="correct_this").click().run()
    assert at.selectbox(key="correct_choice:0").value == f"place:{HELSINKI.key}"
    assert at.text_input(key="gaz_query").value == "Helsinki"
    at.text_input(key="gaz_query").input("Стивенидж").run()
    assert at.radio(key="gaz_choice").value == STEVENAGE.key

    def unreachable(self, rows):
        raise LibraryError(self.shown_url, "cannot use the database: connection refused")

    monkeypatch.setattr(Library, "add_corrections", unreachable)
    at.button(key="save_gazetteer").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("could not be saved in the library" in w.value and "refused" in w.value for w in at.warning)
    [download] = [b for b in at.get("download_button") if b.proto.label.startswith("Download the overrides")]
    offered = at.session_state["_overrides_download"]
    assert offered.startswith("# test overrides\n") and "Хельсинки,kk" in offered and f",{STEVENAGE.key}" in offered


def test_a_sessions_first_run_sends_the_map_first_and_the_rest_once_it_has_drawn(fake_build, monkeypatch):
    monkeypatch.setenv("SHYMKENT_DEFER_PAGE", "1")
    at = run()
    assert not at.metric and not at.sidebar.checkbox and not at.selectbox  # only the title and the map so far
    assert "Click a place" in at.info[0].value
    at.run()
    assert not at.metric  # nothing has said the map is up
    # What app._on_map_change sets when the map's script sends "#quiet" (it has drawn and the user
    # left it alone a moment; the browser tests go through the real callback).
    at.session_state["_rerun_app"] = True
    at.run()
    assert at.session_state["_page_complete"] is True
    assert metrics(at)["Articles"] == 5 and len(at.sidebar.checkbox) == 3
    assert at.selectbox(key="pick_place:None") is not None


@pytest.mark.parametrize(("url", "shown"), [("https://kazinform.kz/news/1?a=1&b=2", True),
                                            ("http://example.org/x", True),
                                            ("javascript:alert(1)", False), ("data:text/html,<b>x</b>", False),
                                            ("https://exa mple.org/", False), ("//example.org/x", False)])
def test_the_source_link_is_shown_only_for_http_addresses(monkeypatch, articles_dir, url, shown):
    from dataclasses import replace

    ds = build_dataset()
    ru1 = ds.articles[0]
    cut = ("the article has 120,000 characters of text; only the first 50,000 are analysed",)
    ru1 = replace(ru1, article=replace(ru1.article, url=url, warnings=cut))
    serve(monkeypatch, replace(ds, articles=(ru1, *ds.articles[1:])))
    at = run({"place": STEVENAGE.key})
    page = html(at)
    assert ('class="article-source"' in page) is shown
    assert "javascript" not in page and "data:text" not in page
    if shown:
        assert f'href="{vs.esc(url)}"' in page and 'rel="noopener noreferrer"' in page
    assert "first 50,000" in page  # the note that the text was cut


def test_one_upload_limit_everywhere(fake_build):
    at = run()
    [uploader] = at.get("file_uploader")
    assert uploader.proto.max_upload_size_mb == vs.UPLOAD_LIMIT_MB == 1
    assert any(f"at most {vs.UPLOAD_LIMIT_MB} MB" in c.value for c in at.caption)
    assert f"at most {vs.UPLOAD_LIMIT_MB} MB" in vs.check_upload("big.txt", vs.MAX_UPLOAD_BYTES + 1)
    import tomllib

    config = tomllib.loads((Path(APP).parent.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == vs.UPLOAD_LIMIT_MB


def test_a_page_added_by_its_address_is_on_the_map_once(articles_dir, monkeypatch):
    """No fakes: a page served locally (tests/test_fetch.py writes it) is fetched, analysed and shown;
    adding it again adds nothing. Without the setting, its loopback address is refused with a reason."""
    import threading
    from http.server import ThreadingHTTPServer

    from test_fetch import Handler

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.seen = []
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{srv.server_port}/twinning"
    try:
        at = run()
        at.text_input(key="add_address").input(url)
        at.button(key="FormSubmitter:add_url-Add the page").click().run()
        assert any("private, loopback" in e.value for e in at.error), [e.value for e in at.error]
        monkeypatch.setenv("SHYMKENT_ALLOW_PRIVATE_URLS", "1")
        at.text_input(key="add_address").input(url)
        at.button(key="FormSubmitter:add_url-Add the page").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert any("Shymkent and Stevenage renew their twinning" in s.value for s in at.success)
        assert metrics(at)["Articles"] == 1 and metrics(at)["Links"] >= 1
        at.text_input(key="add_address").input(url)
        at.button(key="FormSubmitter:add_url-Add the page").click().run()
        assert any("Already in the library" in w.value for w in at.warning)
        assert metrics(at)["Articles"] == 1
    finally:
        srv.shutdown()


def test_the_text_search_keeps_matching_articles_and_highlights_the_words(articles_dir):
    (articles_dir / "a.txt").write_text("Shymkent delegation in Stevenage\n\nA delegation of Shymkent visited "
                                        "Stevenage and signed a memorandum on twinning.\n", encoding="utf-8")
    (articles_dir / "b.txt").write_text("Делегация Шымкента в Сеуле\n\nДелегация Шымкента посетила Сеул.\n",
                                        encoding="utf-8")
    at = run()
    assert metrics(at)["Articles"] == 2
    at.sidebar.text_input(key="text_search").input("memorandum").run()
    assert metrics(at)["Articles"] == 1
    assert "<mark>memorandum</mark>" in html(at)
    assert at.query_params["text"] == ["memorandum"] or at.query_params["text"] == "memorandum"
    shared = run({"text": "memorandum"})  # the search is part of a shared link
    assert metrics(shared)["Articles"] == 1
    at.sidebar.text_input(key="text_search").input("<script>x").run()
    assert metrics(at)["Articles"] == 0 and "<script>x" not in html(at)


def test_a_library_named_in_the_secrets_is_opened_through_st_connection(articles_dir, tmp_path, monkeypatch):
    """Streamlit Cloud's convention: [connections.library] url = "..." in the app's secrets file."""
    (articles_dir / "a.txt").write_text("Shymkent delegation in Stevenage\n\nA delegation of Shymkent visited "
                                        "Stevenage and signed a memorandum on twinning.\n", encoding="utf-8")
    target = tmp_path / "hosted.sqlite"
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(f'[connections.library]\nurl = "sqlite:///{target}"\n',
                                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # Streamlit reads .streamlit/secrets.toml from the working folder
    st.secrets._reset()
    try:
        at = run()
        assert metrics(at)["Articles"] == 1
        assert [a.name for a in ingest.open_library(f"sqlite:///{target}").articles()] == ["a"]
    finally:
        st.secrets._reset()  # the next test reads no secrets file again
        st.cache_resource.clear()
