"""The page's index (catalog.py): filters, counts, roles, the panels' pages of articles, the timeline, the
downloads and the same article twice. Every rule is checked on the index built in memory and on the same
articles read back from a SQLite library (the page's way), which must agree."""

from __future__ import annotations

import csv
import io
import itertools
import json
from dataclasses import replace

import pytest
from _mapdata import VERSION, build_dataset, catalog_of, stored
from places import ASTANA, HELSINKI, MARIBOR, SHYMKENT, STEVENAGE, TOKYO

from dashboard import viewstate as vs
from dashboard.catalog import Catalog, day_number, day_text
from dashboard.library import codec
from dashboard.models import AnalyzedArticle, Article, Dataset, Mention, Place

BUILDS = ["memory", "library"]


@pytest.fixture(scope="module", params=BUILDS)
def catalog(request, tmp_path_factory):
    return catalog_of(build_dataset(), request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="module", params=BUILDS)
def hostile(request, tmp_path_factory):
    return catalog_of(build_dataset(hostile=True), request.param, tmp_path_factory.mktemp("hostile"))


def keys(view):
    return {p.location.key for p in view.places}


def test_unfiltered_view_has_every_place_line_and_role(catalog):
    view = catalog.view(vs.Filters())
    assert view.counts() == {"articles": 4, "places": 7, "countries": 5, "links": 5}
    roles = {p.location.name: p.role for p in view.places}
    assert roles["Shymkent"] == "home" and roles["Turkistan Region"] == "home"
    assert roles["Stevenage"] == roles["Maribor"] == roles["Helsinki"] == "partner"
    assert roles["Astana"] == roles["Tokyo"] == "mentioned"
    shym = view.place(SHYMKENT.key)
    assert shym.article_count == 2 and shym.mention_count == 4  # two articles, mentioned 4 times
    assert shym.first_date == "2021-06-10"
    counts = [p.article_count for p in view.places]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2  # most articles first
    visit = view.link(vs.link_id("visit", shym.location, STEVENAGE))
    assert visit.count == 1 and visit.evidence_count == 1 and visit.first_date == "2021-06-10"
    assert view.place(STEVENAGE.key).surfaces == ("Стивенейдж",)


def test_unticking_a_kind_removes_its_lines_and_greys_partners(catalog):
    view = catalog.view(vs.Filters(kinds=("partnership", "meeting")))
    assert {lk.kind for lk in view.links} == {"partnership", "meeting"}
    assert view.place(STEVENAGE.key).role == "partner"  # still a partnership
    view = catalog.view(vs.Filters(kinds=("meeting",)))
    assert view.place(STEVENAGE.key).role == "mentioned"
    assert view.place(MARIBOR.key).role == "partner"  # Maribor: a meeting too


def test_date_range_keeps_dated_items_inside_and_drops_undated(catalog):
    view = catalog.view(vs.Filters(date_from="2022-01-01", date_to="2023-12-31"))
    assert view.article_count == 1
    assert keys(view) == {MARIBOR.key, SHYMKENT.key}
    assert TOKYO.key in keys(catalog.view(vs.Filters()))  # undated Tokyo without a range
    assert catalog.date_bounds() == ("2021-06-10", "2024-11-20")


def test_language_and_country_filters(catalog):
    kk = catalog.view(vs.Filters(langs=("kk",)))
    assert kk.article_count == 1 and HELSINKI.key in keys(kk)
    gb = catalog.view(vs.Filters(countries=("GB",)))
    # The line's other end stays on the map: a line is about both ends.
    assert keys(gb) == {STEVENAGE.key, SHYMKENT.key}
    assert {lk.kind for lk in gb.links} == {"partnership", "visit"}
    assert catalog.place_countries() == ["FI", "GB", "JP", "KZ", "SI"]


def test_a_text_search_keeps_only_the_articles_it_found(catalog):
    view = catalog.view(vs.Filters(articles=("en1", "no-such-article")))
    assert view.article_count == 1 and keys(view) == {MARIBOR.key, SHYMKENT.key}
    assert catalog.view(vs.Filters(articles=())).counts()["places"] == 0
    assert catalog.shown_names(vs.Filters(langs=("ru",)), ["en1", "ru1"]) == ["ru1"]
    assert [a.article.title for a in catalog.articles(["ru1"])] == ["Шымкент и Стивенейдж отметили годовщину"]


def test_validate_selection_drops_what_the_filters_hide(catalog):
    view = catalog.view(vs.Filters(langs=("en",)))
    assert vs.validate_selection(view, vs.Selection("place", MARIBOR.key))
    assert vs.validate_selection(view, vs.Selection("place", STEVENAGE.key)) is None
    assert vs.validate_selection(view, vs.Selection("link", "nope")) is None


def test_place_hits_highlight_the_places_mention(catalog):
    [hit], total = catalog.place_hits(vs.Filters(), STEVENAGE.key)
    assert total == 1 and hit.article.id == "ru1"
    assert hit.snippet.hit == "Стивенейдж"
    assert hit.snippet.before == "Делегация Шымкента посетила "  # the body only, not the headline
    assert "<mark>Стивенейдж</mark>" in vs.snippet_html(hit.snippet)
    assert len(hit.marks) == 2  # both mentions are marked in the full text
    body = vs.marked_body_html(hit.article, hit.marks)
    assert body.count("<mark>") == 2 and "Шымкент и Стивенейдж отметили" not in body  # no title


def test_a_panel_reads_one_page_newest_first_and_counts_the_rest(catalog):
    hits, total = catalog.place_hits(vs.Filters(), SHYMKENT.key, limit=1)
    assert total == 2 and [h.article.id for h in hits] == ["en1"]  # 2023 before 2021
    hits, _ = catalog.place_hits(vs.Filters(), SHYMKENT.key, offset=1, limit=5)
    assert [h.article.id for h in hits] == ["ru1"]
    assert catalog.place_hits(vs.Filters(), "gn:0") == ([], 0)
    for f in (vs.Filters(), vs.Filters(kinds=("meeting",)), vs.Filters(countries=("GB",))):
        view = catalog.view(f)  # a panel lists exactly the articles its marker or line counts
        for p in view.places:
            assert catalog.place_hits(f, p.location.key, limit=100)[1] == p.article_count
        for lk in view.links:
            assert catalog.link_hits(f, lk.id, limit=100)[1] == lk.evidence_count


def test_link_hits_show_the_evidence_sentence(catalog):
    view = catalog.view(vs.Filters())
    lid = next(lk.id for lk in view.links if lk.kind == "partnership")
    [hit], total = catalog.link_hits(vs.Filters(), lid)
    assert total == 1 and hit.date == "2021-06-10"
    assert hit.snippet.hit.startswith("Стороны подписали") and hit.snippet.hit.endswith("Стивенейджем.")
    assert catalog.link_hits(vs.Filters(), "not a line id") == ([], 0)


def test_hostile_text_is_escaped_for_html_markdown_and_latex(hostile):
    hits, _ = hostile.place_hits(vs.Filters(), HELSINKI.key)
    hit = next(h for h in hits if h.article.id == "evil")
    for rendered in (vs.esc(hit.article.title), vs.snippet_html(hit.snippet),
                     vs.marked_body_html(hit.article, hit.marks)):
        assert "<img" not in rendered and "</script" not in rendered
        assert "${" not in rendered and "`" not in rendered and "\\" not in rendered


def test_timeline_counts_relations_by_month(catalog):
    rows = catalog.timeline(vs.Filters())
    assert {"month": "2021-06", "kind": "partnership", "count": 1} in rows
    assert {"month": "2023-03", "kind": "meeting", "count": 1} in rows
    assert catalog.timeline(vs.Filters(countries=("JP",))) == []  # undated article, no line
    no_lines = catalog.timeline(vs.Filters(kinds=()))  # no line shown: articles by month
    assert no_lines == [{"month": m, "kind": "articles", "count": 1} for m in ("2021-06", "2023-03", "2024-11")]


def test_downloads_of_the_filtered_view(catalog):
    f = vs.Filters(countries=("GB",))
    view = catalog.view(f)
    rows = list(csv.DictReader(io.StringIO(vs.places_csv(view, catalog.article_names_by_place(f)))))
    assert {r["name"] for r in rows} == {"Stevenage", "Shymkent"}
    stevenage = next(r for r in rows if r["name"] == "Stevenage")
    assert float(stevenage["lon"]) == -0.2  # a negative number is not "neutralised"
    assert stevenage["article_ids"] == "ru1" and stevenage["articles"] == "1"
    links = list(csv.DictReader(io.StringIO(vs.links_csv(view, catalog.article_names_by_line(f)))))
    assert {r["kind"] for r in links} == {"partnership", "visit"}
    assert {r["article_ids"] for r in links} == {"ru1"}
    geo = json.loads(vs.places_geojson(view, {}))
    assert {f["properties"]["name"] for f in geo["features"]} == {"Stevenage", "Shymkent"}
    point = next(f for f in geo["features"] if f["properties"]["name"] == "Stevenage")
    assert point["geometry"]["coordinates"] == [-0.2, 51.9]
    lines = json.loads(vs.links_geojson(view, {}))
    assert all(f["geometry"]["type"] == "LineString" for f in lines["features"])


def test_the_review_reads_spellings_and_sources_from_the_index(catalog):
    assert catalog.place_forms(STEVENAGE.key) == (("Стивенейдж", "ru"),)
    assert catalog.place_forms("gn:0") == ()
    assert catalog.place_sources(ASTANA.key) == {"gazetteer"}
    assert catalog.title("en1") == "Maribor delegation in Shymkent"


@pytest.mark.parametrize("how", BUILDS)
def test_the_same_text_twice_is_counted_once(how, tmp_path):
    ds = build_dataset()
    first = ds.articles[1]
    # the same body under another header: a different file, the same article
    twin_text = "Another headline\n\n" + first.article.text.split("\n\n", 1)[1]
    shift = len("Another headline") - len(first.article.title)
    twin = replace(first, article=replace(first.article, id="copy", path="copy.txt", text=twin_text,
                                          title="Another headline",
                                          body_ranges=tuple((s + shift, e + shift) for s, e in
                                                            first.article.body_ranges)),
                   places=(), links=())
    assert twin.article.content_key == first.article.content_key
    catalog = catalog_of(replace(ds, articles=(*ds.articles, twin)), how, tmp_path)
    assert catalog.view(vs.Filters()).article_count == 4
    copy = next(s for s in catalog.skipped if "copy" in s.path)
    assert "counted once" in copy.reason and "en1" in copy.reason


def test_an_analysis_that_failed_is_listed_not_counted(tmp_path):
    library = stored(build_dataset(), f"sqlite:///{tmp_path}/l.db")
    added = library.add_article("Broken words here.", name="broken-one", origin="upload")
    library.save_analysis(added.article.id, VERSION, {"format": 1, "failed": "the parser gave up"})
    catalog = Catalog.of_library(library, VERSION)
    assert catalog.view(vs.Filters()).article_count == 4
    assert [(s.path, s.reason) for s in catalog.skipped] == [("library:broken-one", "the parser gave up")]


def test_the_library_and_memory_builds_agree_on_every_filter(tmp_path):
    ds = build_dataset(hostile=True)
    memory, library = catalog_of(ds, "memory", tmp_path), catalog_of(ds, "library", tmp_path)
    for kinds, langs, countries, (lo, hi) in itertools.product(
            [("partnership", "visit", "meeting"), ("visit",), ()], [(), ("ru",), ("en", "kk")],
            [(), ("GB",), ("FI", "JP")], [(None, None), ("2022-01-01", None), (None, "2022-06-30")]):
        f = vs.Filters(date_from=lo, date_to=hi, kinds=kinds, langs=langs, countries=countries)
        assert memory.view(f) == library.view(f), f
        assert memory.timeline(f) == library.timeline(f), f
    assert list(memory.unresolved_rows()) == list(library.unresolved_rows())


def test_an_article_named_only_by_a_demonym_is_behind_its_line():
    """A partner the article named only as "Finnish" is at a line's end: the panel shows the evidence."""
    text = "Visit\n\nThe akim of Shymkent received a Finnish delegation.\n"
    art = Article(id="d", path="d.txt", text=text, title="Visit", date="2025-01-02", lang="en", source=None,
                  body_ranges=((7, len(text) - 1),))
    s = text.index("Shymkent")
    evidence = Mention(text[7:len(text) - 1], 7, len(text) - 1)
    from dashboard.models import Link
    analyzed = AnalyzedArticle(article=art, places=(Place(SHYMKENT, "gazetteer", (Mention("Shymkent", s, s + 8),)),),
                               links=(Link("visit", SHYMKENT, HELSINKI, None, evidence),))
    catalog = Catalog.of_dataset(Dataset(articles=(analyzed,)))
    view = catalog.view(vs.Filters())
    assert view.place(HELSINKI.key).article_count == 1 and view.place(HELSINKI.key).mention_count == 0
    [hit], _ = catalog.place_hits(vs.Filters(), HELSINKI.key)
    assert hit.marks == ((evidence.start, evidence.end),)


def test_a_place_written_inside_a_quoted_name_is_highlighted_too():
    text = ("Делегация Шымкента посетила Стивенейдж.\n"
            "Гости побывали на заводе «Стивенейдж Моторс», который поставляет автобусы в Шымкент.")
    start = text.index("Стивенейдж")
    article = Article(id="q", path="q.txt", text=text, lang="ru", title="t", date="2025-05-01", source=None,
                      body_ranges=((0, len(text)),))
    place = Place(location=STEVENAGE, source="gazetteer",
                  mentions=(Mention("Стивенейдж", start, start + len("Стивенейдж")),))
    catalog = Catalog.of_dataset(Dataset(articles=(AnalyzedArticle(article=article, places=(place,)),)))
    [hit], _ = catalog.place_hits(vs.Filters(), STEVENAGE.key)
    assert len(hit.marks) == 2  # the place, and its name inside «Стивенейдж Моторс»
    assert vs.marked_body_html(hit.article, hit.marks).count("<mark>Стивенейдж</mark>") == 2


@pytest.mark.parametrize(("text", "number"), [("2024-05-01", 20240501), (None, 0), ("2024-5-1", 0), ("", 0),
                                              ("abcd-ef-gh", 0)])
def test_days_are_numbers_that_keep_their_order(text, number):
    assert day_number(text) == number
    assert day_text(number) == (text if number else None)


def test_a_restart_reads_the_kept_snapshot_and_a_change_makes_a_new_one(tmp_path, caplog):
    ds = build_dataset(hostile=True)
    library = stored(ds, f"sqlite:///{tmp_path}/l.db")
    first = Catalog.of_library(library, VERSION)
    state = library.index_state(VERSION)
    assert library.snapshot(VERSION, state) is not None
    again = Catalog.of_library(library, VERSION)  # as a restarted server: from the snapshot
    for f in (vs.Filters(), vs.Filters(countries=("GB",)), vs.Filters(langs=("kk",), date_from="2022-01-01")):
        assert again.view(f) == first.view(f) and again.timeline(f) == first.timeline(f)
    assert [h.marks for h in again.place_hits(vs.Filters(), SHYMKENT.key)[0]] == \
        [h.marks for h in first.place_hits(vs.Filters(), SHYMKENT.key)[0]]
    assert list(again.unresolved_rows()) == list(first.unresolved_rows())
    assert again.place_forms(STEVENAGE.key) == first.place_forms(STEVENAGE.key)

    text = "Visit\n\nThe akim of Shymkent went to Stevenage again.\n"
    art = Article(id="new", path="new.txt", text=text, title="Visit", date="2025-03-03", lang="en", source=None,
                  body_ranges=((7, len(text) - 1),))
    s = text.index("Stevenage")
    added = library.add_article(text, name="new", origin="upload")
    library.save_analysis(added.article.id, VERSION, codec.encode(AnalyzedArticle(
        article=art, places=(Place(STEVENAGE, "gazetteer", (Mention("Stevenage", s, s + 9),)),))))
    assert library.index_state(VERSION) != state  # the kept snapshot no longer matches
    after = Catalog.of_library(library, VERSION)
    assert after.view(vs.Filters()).place(STEVENAGE.key).article_count == 2

    with library.engine.begin() as conn:  # a snapshot this program cannot read is not trusted
        conn.exec_driver_sql("UPDATE index_snapshots SET data = x'00'")
    with caplog.at_level("WARNING"):
        read = Catalog.of_library(library, VERSION)
    assert read.view(vs.Filters()) == after.view(vs.Filters()) and "unreadable" in caplog.text


def _another(name: str, body: str, day: str) -> AnalyzedArticle:
    """An article of our own naming Shymkent and Stevenage, analysed by hand."""
    text = f"{name}\n\n{body}\n"
    art = Article(id=name, path=f"{name}.txt", text=text, title=name, date=day, lang="en", source=None,
                  body_ranges=((len(name) + 2, len(text) - 1),))
    places = tuple(Place(loc, "gazetteer", (Mention(word, text.index(word), text.index(word) + len(word)),))
                   for loc, word in ((SHYMKENT, "Shymkent"), (STEVENAGE, "Stevenage")))
    return AnalyzedArticle(article=art, places=places)


def test_articles_added_since_are_read_alone_and_give_what_a_full_read_gives(tmp_path, monkeypatch):
    from dashboard.library.store import Library

    library = stored(build_dataset(hostile=True), f"sqlite:///{tmp_path}/l.db")
    before = Catalog.of_library(library, VERSION)
    fresh = _another("fresh", "The deputy akim of Shymkent flew to Stevenage for the school exchange.", "2025-04-04")
    twin = _another("twin", "The deputy akim of Shymkent flew to Stevenage for the school exchange.", "2025-04-04")
    for analyzed in (fresh, twin):  # the twin: the same words under another headline
        added = library.add_article(analyzed.article.text, name=analyzed.article.id, origin="upload")
        library.save_analysis(added.article.id, VERSION, codec.encode(analyzed))
    asked = []
    real = Library.index_articles
    monkeypatch.setattr(Library, "index_articles", lambda self, v, *, after=0: asked.append(after) or real(
        self, v, after=after))
    grown = Catalog.of_library(library, VERSION, previous=before)
    assert asked == [max(before.row_ids.tolist())]  # only the articles after those it had
    full = Catalog._of_rows(library, VERSION)
    for f in (vs.Filters(), vs.Filters(countries=("GB",)), vs.Filters(date_from="2025-01-01")):
        assert grown.view(f) == full.view(f)
    assert grown.view(vs.Filters()).place(STEVENAGE.key).article_count == 2  # ru1 and fresh; the twin once
    assert [s.reason for s in grown.skipped if "twin" in s.path] == ["the same text as library:fresh: counted once"]
    assert before.view(vs.Filters()).place(STEVENAGE.key).article_count == 1  # the shared one is not changed
    assert Catalog.of_library(library, VERSION).view(vs.Filters()) == full.view(vs.Filters())  # its snapshot

    library.remove([library.find(text=fresh.article.text).id])  # not only added: everything is read again
    asked.clear()
    after_removal = Catalog.of_library(library, VERSION, previous=grown)
    assert asked == [0] and after_removal.view(vs.Filters()).place(STEVENAGE.key).article_count == 2
