"""Filters, URL state, selection tags, snippets, downloads and upload names: the page's rules."""

from __future__ import annotations

import csv
import io
import json

import pytest
from _mapdata import build_dataset
from places import HELSINKI, MARIBOR, SHYMKENT, STEVENAGE

from dashboard import viewstate as vs
from dashboard.models import LINK_KINDS


@pytest.fixture(scope="module")
def dataset():
    return build_dataset()


def keys(view):
    return {p.location.key for p in view.places}


def test_unfiltered_view_has_every_place_line_and_role(dataset):
    view = vs.filter_view(dataset, vs.Filters())
    assert view.counts() == {"articles": 4, "places": 7, "countries": 5, "links": 5}
    roles = {p.location.name: p.role for p in view.places}
    assert roles["Shymkent"] == "home" and roles["Turkistan Region"] == "home"
    assert roles["Stevenage"] == roles["Maribor"] == roles["Helsinki"] == "partner"
    assert roles["Astana"] == roles["Tokyo"] == "mentioned"
    shym = view.place(SHYMKENT.key)
    assert shym.article_ids == ("ru1", "en1")  # two articles, mentioned 4 times
    assert shym.mention_count == 4
    visit = view.link(vs.link_id("visit", shym.location, STEVENAGE))
    assert visit.count == 1 and visit.first_date == "2021-06-10"


def test_unticking_a_kind_removes_its_lines_and_greys_partners(dataset):
    view = vs.filter_view(dataset, vs.Filters(kinds=("partnership", "meeting")))
    assert {lk.kind for lk in view.links} == {"partnership", "meeting"}
    assert view.place(STEVENAGE.key).role == "partner"  # still a partnership
    view = vs.filter_view(dataset, vs.Filters(kinds=("meeting",)))
    assert view.place(STEVENAGE.key).role == "mentioned"
    assert view.place(MARIBOR.key).role == "partner"  # Maribor: a meeting too


def test_date_range_keeps_dated_items_inside_and_drops_undated(dataset):
    view = vs.filter_view(dataset, vs.Filters(date_from="2022-01-01", date_to="2023-12-31"))
    assert [a.article.id for a in view.articles] == ["en1"]
    assert keys(view) == {MARIBOR.key, SHYMKENT.key}
    assert "gn:1850147" in keys(vs.filter_view(dataset, vs.Filters()))  # undated Tokyo without a range


def test_language_and_country_filters(dataset):
    kk = vs.filter_view(dataset, vs.Filters(langs=("kk",)))
    assert [a.article.id for a in kk.articles] == ["kk1"]
    gb = vs.filter_view(dataset, vs.Filters(countries=("GB",)))
    # The line's other end stays on the map: a line is about both ends.
    assert keys(gb) == {STEVENAGE.key, SHYMKENT.key}
    assert {lk.kind for lk in gb.links} == {"partnership", "visit"}


def test_query_params_round_trip():
    state = vs.ViewState(
        vs.Filters(date_from="2020-01-01", date_to="2024-12-31", kinds=("partnership", "meeting"),
                   langs=("ru", "kk"), countries=("GB",)),
        vs.Selection("link", f"partnership|{SHYMKENT.key}|{STEVENAGE.key}"), "osm", 6.5, (51.9022, -0.2026),
        "Стивенейдж", "меморандум Stevenage")
    params = vs.state_to_params(state)
    assert params["kinds"] == "partnership,meeting" and params["link"].startswith("partnership|")
    assert params["text"] == "меморандум Stevenage"
    assert params["zoom"] == "6.5" and params["center"] == "51.9022,-0.2026"
    assert vs.parse_params(params) == (state, [])
    assert vs.state_to_params(vs.ViewState()) == {}  # the default view has a plain URL
    assert vs.state_from_params({"kinds": "none"}).filters.kinds == ()


@pytest.mark.parametrize("params", [
    {"from": "2020-13-45x", "kinds": "bogus", "langs": "xx,<b>", "countries": "gbr,../", "tiles": "evil"},
    {"q": "x" * 5000, "place": "has space"},
    {"langs": ["ru", "en"], "from": []},
    {"zoom": "nan", "center": "1e9,2"},
    {"zoom": "3", "center": "91,0"},
    {"from": "2024-02-30", "to": "2020-01-01", "zoom": "4"},
])
def test_malformed_query_params_fall_back_to_defaults(params):
    state = vs.state_from_params(params)
    assert state.basemap == "outline"
    assert state.selection is None
    assert state.filters.date_from is None
    assert set(state.filters.langs) <= {"en", "ru", "kk"}
    assert state.filters.countries == ()
    assert len(state.query) <= 100
    assert state.filters.kinds in (LINK_KINDS, ())
    assert state.zoom is None and state.center is None


def test_bad_url_values_are_ignored_with_a_note_each():
    state, notes = vs.parse_params({"kinds": "bogus", "zoom": "99", "center": "abc", "langs": "ru,xx",
                                    "tiles": "evil", "foo": "1"})
    assert state.filters.kinds == LINK_KINDS  # kinds=bogus does not untick every kind
    assert state.filters.langs == ("ru",)
    assert (state.zoom, state.center, state.basemap) == (None, None, "outline")
    joined = " ".join(notes)
    for fragment in ("kinds=bogus", "zoom=99", "center=abc", "langs=xx", "tiles=evil", "'foo'"):
        assert fragment in joined, (fragment, notes)
    partly, notes = vs.parse_params({"kinds": "visit,bogus"})
    assert partly.filters.kinds == ("visit",) and notes == [
        "kinds=bogus was ignored: the kinds are partnership, visit, meeting (or none)."]
    assert vs.parse_params({"zoom": "5"})[1] == [
        "zoom and center go together in the URL; the map opens fitted to the places."]
    assert vs.parse_params({"kinds": "none", "zoom": "5.25", "center": "43.3,68.3"}) == (
        vs.ViewState(vs.Filters(kinds=()), zoom=5.25, center=(43.3, 68.3)), [])


def test_a_picked_point_is_read_from_the_maps_message():
    assert vs.point_from_text("ab12.3 #pick=43.12345,-69.5") == (43.12345, -69.5)
    assert vs.point_from_text("#pick=95,0") is None
    assert vs.point_from_text("#sel=place:gn:1") is None and vs.point_from_text(None) is None


def test_selection_tag_is_read_from_tooltip_text():
    text = f"Stevenage · Стивенейдж\npartner, 2 articles #sel=place:{STEVENAGE.key}"
    assert vs.selection_from_text(text) == vs.Selection("place", STEVENAGE.key)
    spoof = "Evil #sel=place:gn:1 name, 1 article #sel=link:visit|gn:1|gn:2"
    assert vs.selection_from_text(spoof) == vs.Selection("link", "visit|gn:1|gn:2")
    assert vs.selection_from_text("no tag here") is None
    assert vs.selection_from_text(None) is None


def test_validate_selection_drops_what_the_filters_hide(dataset):
    view = vs.filter_view(dataset, vs.Filters(langs=("en",)))
    assert vs.validate_selection(view, vs.Selection("place", MARIBOR.key))
    assert vs.validate_selection(view, vs.Selection("place", STEVENAGE.key)) is None
    assert vs.validate_selection(view, vs.Selection("link", "nope")) is None


def test_place_hits_highlight_the_places_mention(dataset):
    view = vs.filter_view(dataset, vs.Filters())
    [hit] = vs.place_hits(view, STEVENAGE.key)
    assert hit.article.id == "ru1"
    assert hit.snippet.hit == "Стивенейдж"
    assert hit.snippet.before == "Делегация Шымкента посетила "  # the body only, not the headline
    assert "<mark>Стивенейдж</mark>" in vs.snippet_html(hit.snippet)
    assert len(hit.marks) == 2  # both mentions are marked in the full text
    body = vs.marked_body_html(hit.article, hit.marks)
    assert body.count("<mark>") == 2 and "Шымкент и Стивенейдж отметили" not in body  # no title


def test_link_hits_show_the_evidence_sentence(dataset):
    view = vs.filter_view(dataset, vs.Filters())
    lid = next(lk.id for lk in view.links if lk.kind == "partnership")
    [hit] = vs.link_hits(view, lid)
    assert hit.snippet.hit.startswith("Стороны подписали") and hit.snippet.hit.endswith("Стивенейджем.")


def test_hostile_text_is_escaped_for_html_markdown_and_latex():
    ds = build_dataset(hostile=True)
    view = vs.filter_view(ds, vs.Filters())
    hit = next(h for h in vs.place_hits(view, HELSINKI.key) if h.article.id == "evil")
    for rendered in (vs.esc(hit.article.title), vs.snippet_html(hit.snippet),
                     vs.marked_body_html(hit.article, hit.marks)):
        assert "<img" not in rendered and "</script" not in rendered
        assert "${" not in rendered and "`" not in rendered and "\\" not in rendered
    assert vs.esc("a<b>&\"'") == "a&#60;b&#62;&#38;&#34;&#39;"


def test_snippet_is_cut_at_spaces_with_ellipses():
    text = "word " * 100 + "TARGET" + " tail" * 100
    start = text.index("TARGET")
    s = vs.snippet(text, start, start + 6, context=30)
    assert s.hit == "TARGET"
    assert s.before.startswith("… word") and s.before.endswith("word ")
    assert s.after.startswith(" tail") and s.after.endswith(" …")
    short = vs.snippet("Visit to Maribor.", 9, 16)
    assert (short.before, short.hit, short.after) == ("Visit to ", "Maribor", ".")


def test_csv_neutralises_formulas_but_keeps_numbers():
    assert vs.csv_cell("=1+1") == "'=1+1"
    assert vs.csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert vs.csv_cell("+7 727") == "'+7 727"
    assert vs.csv_cell("-2") == "'-2"
    assert vs.csv_cell(-0.2) == -0.2
    assert vs.csv_cell("Stevenage") == "Stevenage"


def test_downloads_of_the_filtered_view(dataset):
    view = vs.filter_view(dataset, vs.Filters(countries=("GB",)))
    rows = list(csv.DictReader(io.StringIO(vs.places_csv(view))))
    assert {r["name"] for r in rows} == {"Stevenage", "Shymkent"}
    stevenage = next(r for r in rows if r["name"] == "Stevenage")
    assert float(stevenage["lon"]) == -0.2  # a negative number is not "neutralised"
    links = list(csv.DictReader(io.StringIO(vs.links_csv(view))))
    assert {r["kind"] for r in links} == {"partnership", "visit"}
    geo = json.loads(vs.places_geojson(view))
    assert {f["properties"]["name"] for f in geo["features"]} == {"Stevenage", "Shymkent"}
    point = next(f for f in geo["features"] if f["properties"]["name"] == "Stevenage")
    assert point["geometry"]["coordinates"] == [-0.2, 51.9]
    lines = json.loads(vs.links_geojson(view))
    assert all(f["geometry"]["type"] == "LineString" for f in lines["features"])


def test_hostile_names_in_csv_downloads_are_neutralised():
    ds = build_dataset(hostile=True)
    evil = ds.articles[-1]
    bad = evil.places[0].location.__class__(key="ovr:x", name="=HYPERLINK(\"http://x\")", kind="city",
                                            country=None, lat=0.0, lon=0.0)
    view = vs.View(places=(vs.PlaceSummary(bad, "mentioned", ("evil",), 1),))
    row = next(csv.DictReader(io.StringIO(vs.places_csv(view))))
    assert row["name"].startswith("'=")


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "passwd.txt"),
    ("/abs/path/article.txt", "article.txt"),
    ("C:\\Users\\x\\news.TXT", "news.txt"),
    ("..", "article.txt"),
    ("Шымкент новости 2024.txt", "Шымкент_новости_2024.txt"),
    (".hidden.txt", "hidden.txt"),
])
def test_safe_file_name_never_leaves_the_folder(name, expected):
    assert vs.safe_file_name(name) == expected


def test_upload_limits_explain_themselves():
    assert vs.check_upload("a.txt", 10) is None
    assert "only plain-text" in vs.check_upload("a.pdf", 10).lower()
    assert "at most" in vs.check_upload("a.txt", vs.MAX_UPLOAD_BYTES + 1)
    assert "empty" in vs.check_upload("a.txt", 0)


def test_timeline_counts_relations_by_month(dataset):
    rows = vs.timeline(vs.filter_view(dataset, vs.Filters()))
    assert {"month": "2021-06", "kind": "partnership", "count": 1} in rows
    assert {"month": "2023-03", "kind": "meeting", "count": 1} in rows
    only_tokyo = vs.filter_view(dataset, vs.Filters(countries=("JP",)))
    assert vs.timeline(only_tokyo) == []  # undated article, no line


def test_md_text_leaves_no_markdown_html_or_latex():
    out = vs.md_text("![x](http://evil.example/p.png) <b>$x$</b> :smile: **bold**\nline")
    assert "![" not in out and "](" not in out and "<b>" not in out and "$x$" not in out
    assert ":smile:" not in out and "**" not in out and "\n" not in out
    assert out.replace("\\", "") == "![x](http://evil.example/p.png) <b>$x$</b> :smile: **bold** line"


def test_a_place_written_inside_a_quoted_name_is_highlighted_too():
    from dashboard.models import AnalyzedArticle, Article, Dataset, Mention, Place

    text = ("Делегация Шымкента посетила Стивенейдж.\n"
            "Гости побывали на заводе «Стивенейдж Моторс», который поставляет автобусы в Шымкент.")
    body = (0, len(text))
    start = text.index("Стивенейдж")
    article = Article(id="q", path="q.txt", text=text, lang="ru", title="t", date="2025-05-01", source=None,
                      body_ranges=(body,))
    place = Place(location=STEVENAGE, source="gazetteer",
                  mentions=(Mention("Стивенейдж", start, start + len("Стивенейдж")),))
    data = Dataset(articles=(AnalyzedArticle(article=article, places=(place,), unresolved=(), links=(),
                                             demonyms=()),))
    [hit] = vs.place_hits(vs.filter_view(data, vs.Filters()), STEVENAGE.key)
    assert len(hit.marks) == 2  # the place, and its name inside «Стивенейдж Моторс»
    assert vs.marked_body_html(hit.article, hit.marks).count("<mark>Стивенейдж</mark>") == 2
