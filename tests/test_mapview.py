"""The folium map: offline assets, markers and lines, safe tooltips, selection layer."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from _mapdata import HOSTILE, build_dataset
from places import SHYMKENT, STEVENAGE, loc

from dashboard import mapview
from dashboard import viewstate as vs

URL = re.compile(r"""(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s"'`)<>]*""", re.IGNORECASE)


@pytest.fixture(scope="module")
def view():
    return vs.filter_view(build_dataset(hostile=True), vs.Filters())


def render(fmap) -> str:
    return fmap.get_root().render()


def test_map_uses_only_local_assets_and_makes_no_outside_request(view):
    page = render(mapview.build_map(view, asset_prefix="/app/static"))
    assert 'src="/app/static/leaflet/leaflet.js"' in page
    assert 'href="/app/static/leaflet/leaflet.css"' in page
    assert URL.findall(page) == []  # no CDN, no tiles
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_osm_tiles_only_when_asked_and_with_attribution(view):
    page = render(mapview.build_map(view, basemap="osm"))
    assert "tile.openstreetmap.org" in page
    assert "openstreetmap.org/copyright" in page and "contributors" in page


def test_static_leaflet_matches_the_xstatic_package():
    import xstatic.pkg.leaflet as xleaflet

    for rel in mapview.LEAFLET_FILES:
        shipped = mapview.STATIC_DIR / "leaflet" / rel
        assert shipped.is_file(), f"{shipped} missing: run mapview.vendor_static()"
        assert filecmp.cmp(shipped, Path(xleaflet.BASE_DIR) / rel, shallow=False), rel


def test_basemap_outlines_are_shipped():
    countries = mapview.load_countries()
    assert countries["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in countries["features"]}
    assert {"Kazakhstan", "United Kingdom", "Slovenia", "Finland"} <= names


def test_one_marker_per_place_one_line_per_relation_lines_first(view):
    fmap = mapview.build_map(view)
    page = render(fmap)
    assert page.count("L.circleMarker(") == len(view.places)
    # Lines are rows of data drawn by one loop (their size grows with links, not articles).
    assert len(mapview.line_data(view)["lines"]) == len(view.links)
    assert page.rfind("L.polyline(") < page.find("L.circleMarker(")  # markers on top get the clicks
    assert "shymkent-legend" in page
    assert "fitBounds" in page


def test_markers_sized_by_articles_and_coloured_by_role(view):
    page = render(mapview.build_map(view))
    home = mapview.ROLE_COLOURS["home"]
    shym = view.place(SHYMKENT.key)
    assert f'"fillColor": "{home}"' in page
    assert f'"radius": {vs.marker_radius(len(shym.article_ids))}' in page
    assert vs.marker_radius(3) > vs.marker_radius(1)
    assert vs.marker_radius(2618) == vs.MAX_MARKER_RADIUS


def test_lines_coloured_by_kind_and_only_the_kinds_shown():
    view = vs.filter_view(build_dataset(), vs.Filters(kinds=("partnership", "meeting")))
    page = render(mapview.build_map(view, kinds=("partnership", "meeting")))
    assert "kind-visit" not in page
    assert "kind-partnership" in page and "kind-meeting" in page
    assert mapview.KIND_STYLES["visit"]["color"] not in page.split("shymkent-legend")[0]


def test_tooltip_escapes_html_and_template_literal_syntax():
    evil = loc("ovr:evil", f"Evil {HOSTILE}", "city", "KZ", 43.0, 69.0)
    place = vs.PlaceSummary(evil, "mentioned", ("a",), 1)
    page = render(mapview.build_map(vs.View(places=(place,))))
    start = page.index("bindTooltip(")
    literal = page[page.index("`", start) + 1: page.index("`", page.index("`", start) + 1)]
    assert "<img" not in literal and "</script" not in literal
    assert "${" not in literal and "\\" not in literal
    assert "&lt;img src=x onerror=alert(1)&gt;" in literal
    assert "#sel=place:ovr:evil" in literal


def test_label_html_handles_every_dangerous_character():
    out = mapview.label_html("a`b${c}\\d<e>&\"'\u2028")
    assert out == "a&#96;b&#36;&#123;c&#125;&#92;d&lt;e&gt;&amp;&quot;&#x27; "


def test_great_circle_is_geodesic_and_unwrapped():
    pts = mapview.great_circle(SHYMKENT, STEVENAGE)
    assert pts[0] == [SHYMKENT.lat, SHYMKENT.lon] and pts[-1] == [STEVENAGE.lat, STEVENAGE.lon]
    assert max(p[0] for p in pts) > 52.5  # bows north of both ends, as a great circle does
    tokyo_to_la = mapview.great_circle(loc("a", "Tokyo", "city", "JP", 35.7, 139.7),
                                         loc("b", "LA", "city", "US", 34.05, -118.24))
    lons = [p[1] for p in tokyo_to_la]
    assert all(abs(b - a) < 30 for a, b in zip(lons, lons[1:], strict=False))  # no jump across the map
    assert lons[-1] > 180  # continues east past the antimeridian


def test_selection_layer_is_separate_and_not_interactive(view):
    assert mapview.selection_layer(view, None) is None
    assert mapview.selection_layer(view, vs.Selection("place", "nope")) is None
    ring = mapview.selection_layer(view, vs.Selection("place", STEVENAGE.key))
    [marker] = ring._children.values()
    assert marker.options["interactive"] is False
    assert '"interactive": false' in render(mapview.build_map(view).add_child(ring))
    lid = next(lk.id for lk in view.links if lk.kind == "partnership")
    assert mapview.selection_layer(view, vs.Selection("link", lid)) is not None


def test_map_script_does_not_depend_on_selection(view):
    """st_folium keys the component by the map's script: states that differ only in their selection
    must give the same script (the selection is drawn as a separate layer), or every click reloads the map."""
    from streamlit_folium import _get_map_string, generate_js_hash

    dataset = build_dataset(hostile=True)
    lid = next(lk.id for lk in view.links)
    selections = [None, vs.Selection("place", STEVENAGE.key), vs.Selection("place", SHYMKENT.key),
                  vs.Selection("link", lid)]
    hashes, rings = set(), set()
    for selection in selections:
        state = vs.ViewState(selection=selection)
        shown = vs.filter_view(dataset, state.filters)
        hashes.add(generate_js_hash(_get_map_string(mapview.build_map(shown, basemap=state.basemap)), "map"))
        ring = mapview.selection_layer(shown, selection)
        rings.add(None if ring is None else tuple(str(getattr(child, "location", getattr(child, "locations", "")))
                                                  for child in ring._children.values()))
    assert len(hashes) == 1
    assert len(rings) == len(selections)  # the selections do differ, in the separate layer only


def test_empty_view_gives_a_world_map():
    page = render(mapview.build_map(vs.View()))
    assert "L.circleMarker(" not in page and "fitBounds" not in page
