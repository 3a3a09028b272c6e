"""The folium map and what it sends to the browser: offline assets, the JavaScript in static files,
rows for places and lines, safe names, the opening view's bounds, commands, geometry."""

from __future__ import annotations

import filecmp
import json
import re
from pathlib import Path

import pytest
from _mapdata import HOSTILE, build_dataset
from places import HELSINKI, MARIBOR, SHYMKENT, STEVENAGE, TOKYO, TURKISTAN_REGION, loc

from dashboard import mapview
from dashboard import viewstate as vs
from dashboard.catalog import Catalog
from dashboard.mapview import geometry

URL = re.compile(r"""(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s"'`)<>]*""", re.IGNORECASE)
STATIC = mapview.STATIC_DIR


@pytest.fixture(scope="module")
def view():
    return Catalog.of_dataset(build_dataset(hostile=True)).view(vs.Filters())


def render(fmap) -> str:
    return fmap.get_root().render()


def init_args(page: str) -> tuple[dict, dict]:
    """The two JSON arguments of ShymkentMap.init(map, data, options) in a rendered page."""
    start = page.index("window.ShymkentMap.init(")
    decoder = json.JSONDecoder()
    rest = page[page.index(",", start) + 1:].lstrip()
    data, end = decoder.raw_decode(rest)
    rest = rest[end:].lstrip()[1:].lstrip()
    options, _ = decoder.raw_decode(rest)
    return data, options


def code_only(text: str) -> str:
    """Source without its comments (they may cite an upstream issue's address)."""
    return re.sub(r"(?m)(^|\s)//[^\n]*", "", re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL))


def test_map_uses_only_local_assets_and_makes_no_outside_request(view):
    page = render(mapview.build_map(view, asset_prefix="/app/static"))
    assert 'src="/app/static/leaflet/leaflet.js"' in page
    assert re.search(r'src="/app/static/js/shymkent-map\.js\?v=[0-9a-f]{10}"', page)
    assert re.search(r'href="/app/static/css/shymkent-map\.css\?v=[0-9a-f]{10}"', page)
    assert URL.findall(page) == []  # no CDN, no tiles
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_the_map_script_lives_in_static_files_without_outside_addresses():
    js = code_only((STATIC / "js" / "shymkent-map.js").read_text(encoding="utf-8"))
    css = code_only((STATIC / "css" / "shymkent-map.css").read_text(encoding="utf-8"))
    assert "ShymkentMap" in js
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink  # names reach the page as text only
    assert [u for u in URL.findall(js) if "w3.org/2000/svg" not in u] == []
    assert URL.findall(css) == []


def test_country_outlines_are_a_static_file_not_part_of_the_script(view):
    page = render(mapview.build_map(view))
    _, options = init_args(page)
    assert options["countriesUrl"].startswith("/app/static/geo/countries_110m.geojson?v=")
    outlines = json.loads((STATIC / "geo" / "countries_110m.geojson").read_text(encoding="utf-8"))
    assert {"Kazakhstan", "United Kingdom", "Slovenia", "Finland"} <= {
        f["properties"]["name"] for f in outlines["features"]}
    assert "Kazakhstan" not in page and len(page) < 40_000  # the 175 KB outlines are not in it


def test_osm_tiles_only_when_asked_and_with_attribution(view):
    _, options = init_args(render(mapview.build_map(view, basemap="osm")))
    assert options["tiles"]["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "openstreetmap.org/copyright" in options["tiles"]["attribution"]
    assert init_args(render(mapview.build_map(view)))[1]["tiles"] is None


def test_leaflet_is_installed_from_the_pinned_package_and_repaired(tmp_path):
    import xstatic.pkg.leaflet as xleaflet

    dest = tmp_path / "leaflet"
    assert len(mapview.install_leaflet(dest)) == len(mapview.LEAFLET_FILES)
    for rel in mapview.LEAFLET_FILES:
        assert filecmp.cmp(dest / rel, Path(xleaflet.BASE_DIR) / rel, shallow=False), rel
    (dest / "leaflet.js").write_text("tampered", encoding="utf-8")
    assert mapview.install_leaflet(dest) == [dest / "leaflet.js"]  # a changed file is put right, only it
    assert mapview.install_leaflet(dest) == []


def test_the_served_leaflet_is_the_packages_after_a_map_is_built(view):
    import xstatic.pkg.leaflet as xleaflet

    mapview.build_map(view)
    for rel in mapview.LEAFLET_FILES:
        assert filecmp.cmp(STATIC / "leaflet" / rel, Path(xleaflet.BASE_DIR) / rel, shallow=False), rel


def test_one_row_per_place_and_per_line_most_cited_first(view):
    data, _ = init_args(render(mapview.build_map(view)))
    assert len(data["places"]) == len(view.places) and len(data["lines"]) == len(view.links)
    keys = [row[6] for row in data["places"]]
    assert keys[0] == SHYMKENT.key  # 3 articles: placed first, so it keeps its spot when markers crowd
    articles = [view.place(k).article_count for k in keys]
    assert articles == sorted(articles, reverse=True)
    shym = data["places"][0]
    assert shym[2] == vs.marker_radius(3) and data["roles"][shym[3]]["name"] == "home"
    for home, partner, kind, count, *_ in data["lines"]:
        lk = view.link(f"{data['kinds'][kind]['name']}|{keys[home]}|{keys[partner]}")
        assert lk is not None and lk.count == count


def test_the_opening_view_fits_the_kazakh_side_and_its_partners_not_mere_mentions(view):
    data, _ = init_args(render(mapview.build_map(view)))
    (south, west), (north, east) = data["fit"]
    assert west <= STEVENAGE.lon and east >= SHYMKENT.lon and north >= HELSINKI.lat
    assert east < TOKYO.lon  # Tokyo is only mentioned: it does not stretch the opening view
    only_mentions = vs.View(places=(vs.PlaceSummary(TOKYO, "mentioned", 1, 1),))
    assert mapview.map_data(only_mentions)["fit"] == [[TOKYO.lat, TOKYO.lon], [TOKYO.lat, TOKYO.lon]]


def test_place_first_dates_come_from_articles_and_lines(view):
    data, _ = init_args(render(mapview.build_map(view)))
    first = {row[6]: row[7] for row in data["places"]}  # what the playback reads
    assert first[SHYMKENT.key] == "2021-06-10" and first[MARIBOR.key] == "2023-03-02"
    assert first[TURKISTAN_REGION.key] == "2024-11-20"
    assert first[TOKYO.key] == ""  # undated: appears only when playback shows every date


def test_names_go_as_json_text_safe_inside_a_script_tag():
    evil = loc("ovr:evil", f"Evil {HOSTILE}", "city", "KZ", 43.0, 69.0)
    page = render(mapview.build_map(vs.View(places=(vs.PlaceSummary(evil, "mentioned", 1, 1),))))
    script = page[page.index("window.ShymkentMap.init("):]
    assert "<img" not in script and "</script" not in script.split("</script>")[0]
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in script  # escaped JSON, decoded as text by the script
    data, _ = init_args(page)
    assert data["places"][0][4] == f"Evil {HOSTILE}"  # the name itself arrives unchanged


def test_map_script_does_not_depend_on_selection(view):
    """st_folium keys the component by the map's script: the selection goes as a separate command,
    or every click would reload the map."""
    from streamlit_folium import _get_map_string, generate_js_hash

    hashes = {generate_js_hash(_get_map_string(mapview.build_map(view)), "map") for _ in range(3)}
    assert len(hashes) == 1
    a = mapview.command_layer(seq=1, select=("place", STEVENAGE.key), fly=True)
    b = mapview.command_layer(seq=2, select=("place", STEVENAGE.key), fly=True)
    text_a = render_command(a)
    assert '"kind": "place"' in text_a and STEVENAGE.key in text_a and '"fly": true' in text_a
    assert render_command(a) != render_command(b)  # a repeated choice is a new command


def render_command(group) -> str:
    child = next(iter(group._children.values()))
    return child._template.module.script(child)


def test_initial_view_and_reset_epoch_change_the_script(view):
    plain = render(mapview.build_map(view))
    at = render(mapview.build_map(view, initial_view={"zoom": 6.5, "center": [51.9, -0.2]}))
    assert init_args(at)[1]["view"] == {"zoom": 6.5, "center": [51.9, -0.2]}
    assert init_args(plain)[1]["view"] is None
    assert init_args(render(mapview.build_map(view, initial_view={"zoom": "x"})))[1]["view"] is None
    assert init_args(render(mapview.build_map(view, epoch=2)))[1]["epoch"] == 2


def test_legend_lists_only_the_ticked_kinds():
    view = Catalog.of_dataset(build_dataset()).view(vs.Filters(kinds=("partnership", "meeting")))
    data = mapview.map_data(view, kinds=("partnership", "meeting"))
    assert [k["name"] for k in data["legendKinds"]] == ["partnership", "meeting"]
    assert {k["name"] for k in data["kinds"]} == {"partnership", "meeting"}


def test_great_circle_is_geodesic_and_unwrapped():
    pts = geometry.great_circle(SHYMKENT, STEVENAGE)
    assert pts[0] == [SHYMKENT.lat, SHYMKENT.lon] and pts[-1] == [STEVENAGE.lat, STEVENAGE.lon]
    assert max(p[0] for p in pts) > 52.5  # bows north of both ends, as a great circle does
    tokyo_to_la = geometry.great_circle(loc("a", "Tokyo", "city", "JP", 35.7, 139.7),
                                        loc("b", "LA", "city", "US", 34.05, -118.24))
    lons = [p[1] for p in tokyo_to_la]
    assert all(abs(b - a) < 30 for a, b in zip(lons, lons[1:], strict=False))  # no jump across the map
    assert lons[-1] > 180  # continues east past the antimeridian


def test_lines_of_several_kinds_between_two_places_bend_apart(view):
    siblings = geometry.line_siblings(view.links)
    sides = {lk.kind: geometry.line_side(lk, siblings) for lk in view.links
             if {lk.home.key, lk.partner.key} == {SHYMKENT.key, STEVENAGE.key}}
    assert sides == {"partnership": 0, "visit": 1}
    bent = geometry.line_path(next(lk for lk in view.links if lk.kind == "visit" and lk.partner.key == STEVENAGE.key),
                              siblings)
    straight = geometry.great_circle(SHYMKENT, STEVENAGE)
    assert bent[0] == straight[0] and bent[-1] == straight[-1] and bent[len(bent) // 2] != straight[len(bent) // 2]


def test_empty_view_gives_a_map_without_rows():
    data, options = init_args(render(mapview.build_map(vs.View())))
    assert data["places"] == [] and data["lines"] == [] and data["fit"] is None
