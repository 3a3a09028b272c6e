"""URL state, selection tags, snippets, escaping, downloads and upload names: the page's rules (filtering and
counting are tested in test_catalog.py)."""

from __future__ import annotations

import csv
import io

import pytest
from _mapdata import build_dataset
from places import SHYMKENT, STEVENAGE

from dashboard import viewstate as vs
from dashboard.models import LINK_KINDS


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



def test_hostile_names_in_csv_downloads_are_neutralised():
    ds = build_dataset(hostile=True)
    evil = ds.articles[-1]
    bad = evil.places[0].location.__class__(key="ovr:x", name="=HYPERLINK(\"http://x\")", kind="city",
                                            country=None, lat=0.0, lon=0.0)
    view = vs.View(places=(vs.PlaceSummary(bad, "mentioned", 1, 1),))
    row = next(csv.DictReader(io.StringIO(vs.places_csv(view, {"ovr:x": ["=evil"]}))))
    assert row["article_ids"] == "'=evil"
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



def test_md_text_leaves_no_markdown_html_or_latex():
    out = vs.md_text("![x](http://evil.example/p.png) <b>$x$</b> :smile: **bold**\nline")
    assert "![" not in out and "](" not in out and "<b>" not in out and "$x$" not in out
    assert ":smile:" not in out and "**" not in out and "\n" not in out
    assert out.replace("\\", "") == "![x](http://evil.example/p.png) <b>$x$</b> :smile: **bold** line"
