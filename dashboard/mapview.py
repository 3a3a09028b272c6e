"""The map: a folium.Map built from a filtered ``View``. The only module that imports folium.

Offline by design: folium's default CDN scripts (Leaflet, jQuery, Bootstrap, Font Awesome, ...) are
replaced by the Leaflet files the app serves itself (``dashboard/static/leaflet``, copied from
xstatic-leaflet), markers are CircleMarkers and lines PolyLines so Leaflet core is all the page
needs, and the default basemap is country outlines shipped in ``geodata/``. OpenStreetMap tiles
are the only outside request, and only when the user switches them on.

Safety: folium puts tooltip text into the page as HTML inside a JavaScript template literal, so
every label goes through ``label_html`` (HTML-escaped, and `` ` `` ``$`` ``\\`` ``{`` ``}`` as
character references). Article text never goes into the map at all: labels are place names and
counts, and the side panel shows the articles.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import math
import shutil
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from geographiclib.geodesic import Geodesic
from jinja2 import Template

from dashboard.models import LANGS, LINK_KINDS, Location
from dashboard.viewstate import (
    ROLE_LABELS,
    SELECTION_TAG,
    LinkSummary,
    PlaceSummary,
    Selection,
    View,
    marker_radius,
)

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).with_name("static")
COUNTRIES_FILE = Path(__file__).resolve().parent.parent / "geodata" / "countries_110m.geojson"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                 "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")

ROLE_COLOURS = {"home": "#0a6e99", "partner": "#d1495b", "mentioned": "#8a8f98"}
# Colour and dash both differ per kind, so the legend works without colour vision too.
KIND_STYLES = {
    "partnership": {"color": "#1b9e77", "dash_array": None},
    "visit": {"color": "#7b52ab", "dash_array": "10 7"},
    "meeting": {"color": "#e08e0b", "dash_array": "2 7"},
}
_DRAW_ORDER = {"mentioned": 0, "partner": 1, "home": 2}
SEA = "#dcebf5"
LAND = {"color": "#9aa7b1", "weight": 0.6, "fillColor": "#f7f5ef", "fillOpacity": 1.0}
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
OUTLINE_ATTRIBUTION = "Country outlines: Natural Earth (public domain)"


# ---------------------------------------------------------------- assets -------------------------

def vendor_static(dest: Path = STATIC_DIR) -> list[Path]:
    """Copy Leaflet from the xstatic-leaflet package into ``dest/leaflet`` (run when upgrading)."""
    import xstatic.pkg.leaflet as xleaflet  # only needed to refresh the committed copy

    written = []
    for rel in LEAFLET_FILES:
        target = dest / "leaflet" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(xleaflet.BASE_DIR) / rel, target)
        written.append(target)
    return written


def _use_local_assets(m: folium.Map, prefix: str) -> None:
    """Point the map at the app's own Leaflet copy; drop every CDN script and stylesheet."""
    prefix = prefix.rstrip("/")
    m.default_js = [("leaflet", f"{prefix}/leaflet/leaflet.js")]
    m.default_css = [("leaflet_css", f"{prefix}/leaflet/leaflet.css")]


@functools.lru_cache(maxsize=2)
def load_countries(path: Path = COUNTRIES_FILE) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        log.warning("no country outlines (%s): the map shows only places and lines", err)
        return None


# ---------------------------------------------------------------- text in the map ----------------

_TEMPLATE_UNSAFE = {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}


def label_html(text: object) -> str:
    """Text for a tooltip: HTML-escaped, and safe inside folium's JS template literal.

    The characters that end or interpolate a template literal (`` ` `` ``${`` ``\\``) and the braces
    of Jinja/streamlit-folium placeholders become character references: Leaflet turns them back
    into the same characters as text when it sets the tooltip's innerHTML."""
    out = html.escape(str(text), quote=True)
    for ch, ref in _TEMPLATE_UNSAFE.items():
        out = out.replace(ch, ref)
    return out.replace("\n", " ").replace("\r", " ").replace("\u2028", " ").replace("\u2029", " ")


def _tooltip(lines: Sequence[str], selection: Selection) -> folium.Tooltip:
    body = "<br>".join(label_html(line) for line in lines if line)
    # The tag is the only thing st_folium hands back (as the tooltip's textContent): hidden, parsed
    # by viewstate.selection_from_text. Keys hold no spaces, quotes or angle brackets.
    tag = label_html(f" {SELECTION_TAG}{selection.kind}:{selection.id}")
    return folium.Tooltip(f'{body}<span style="display:none">{tag}</span>', sticky=True)


def place_names(loc: Location) -> list[str]:
    """The place's name in the article languages, main name first, without repeats."""
    names = [loc.name, *(n for lg, n in loc.names if lg in LANGS)]
    return list(dict.fromkeys(n for n in names if n))


def place_label(p: PlaceSummary) -> list[str]:
    n = len(p.article_ids)
    return [" · ".join(place_names(p.location)),
            f"{ROLE_LABELS[p.role]}, {n} article{'s' if n != 1 else ''}"]


def link_label(lk: LinkSummary) -> list[str]:
    period = lk.first_date or ""
    if lk.last_date and lk.last_date != lk.first_date:
        period = f"{lk.first_date} – {lk.last_date}"
    n = lk.count
    return [f"{lk.home.name} — {lk.partner.name}",
            f"{lk.kind}, {n} article{'s' if n != 1 else ''}" + (f", {period}" if period else "")]


# ---------------------------------------------------------------- geometry -----------------------

def great_circle(a: Location, b: Location, *, max_step_km: float = 150.0) -> list[list[float]]:
    """Points along the shortest path on the WGS84 ellipsoid, longitudes unwrapped so a line that
    crosses the antimeridian does not jump across the whole map."""
    line = Geodesic.WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    steps = max(2, min(128, int(line.s13 / (max_step_km * 1000)) + 1))
    points: list[list[float]] = []
    prev_lon = None
    for i in range(steps + 1):
        pos = line.Position(line.s13 * i / steps)
        lon = pos["lon2"]
        if prev_lon is not None:
            while lon - prev_lon > 180:
                lon -= 360
            while lon - prev_lon < -180:
                lon += 360
        prev_lon = lon
        points.append([round(pos["lat2"], 4), round(lon, 4)])
    return points


def bend(points: list[list[float]], offset: float) -> list[list[float]]:
    """Push a line sideways by ``offset`` times its length at the middle, none at the ends, so two
    kinds of relation between the same places show as two arcs instead of one on top of the other."""
    if not offset or len(points) < 3:
        return points
    (lat0, lon0), (lat1, lon1) = points[0], points[-1]
    dlat, dlon = lat1 - lat0, lon1 - lon0
    n = len(points) - 1
    out = []
    for i, (lat, lon) in enumerate(points):
        k = offset * math.sin(math.pi * i / n)
        out.append([round(lat - dlon * k, 4), round(lon + dlat * k, 4)])
    return out


def line_weight(count: int) -> float:
    return round(2.5 + 1.5 * (count - 1) ** 0.5, 1) if count > 1 else 2.5


def line_path(lk: LinkSummary, siblings: dict[tuple[str, str], list[str]]) -> list[list[float]]:
    """The drawn path of a line: the great circle, bent aside when the same two places have lines of
    several kinds (the strongest kind stays straight). ``siblings`` comes from ``line_siblings``."""
    kinds = siblings.get((lk.home.key, lk.partner.key), [lk.kind])
    idx = kinds.index(lk.kind) if lk.kind in kinds else 0
    # 0, +1, -1, ... times a small fraction of the line's length
    side = 0 if idx == 0 else (1 if idx % 2 else -1) * ((idx + 1) // 2)
    return bend(great_circle(lk.home, lk.partner), 0.06 * side)


def line_siblings(view: View) -> dict[tuple[str, str], list[str]]:
    kinds: dict[tuple[str, str], list[str]] = defaultdict(list)
    for other in view.links:
        kinds[(other.home.key, other.partner.key)].append(other.kind)
    order = {k: i for i, k in enumerate(LINK_KINDS)}
    return {pair: sorted(ks, key=lambda k: order.get(k, 9)) for pair, ks in kinds.items()}


def _bounds(view: View) -> list[list[float]] | None:
    pts = [(p.location.lat, p.location.lon) for p in view.places]
    if not pts:
        return None
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# ---------------------------------------------------------------- the map ------------------------

class _Legend(MacroElement):
    """A Leaflet control with the role and kind keys. Its HTML is built here from constants only."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "shymkent-legend");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, kinds: Sequence[str]):
        super().__init__()
        self._name = "Legend"
        rows = [f'<div><span class="dot" style="background:{ROLE_COLOURS[r]}"></span>{label}</div>'
                for r, label in ROLE_LABELS.items()]
        for kind in kinds:
            style = KIND_STYLES[kind]
            dash = style["dash_array"] or "none"
            rows.append(
                f'<div><svg width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" '
                f'stroke="{style["color"]}" stroke-width="3" stroke-dasharray="{dash}"/></svg>{kind}</div>')
        self.html = "".join(rows)


_CSS = f"""<style>
.leaflet-container {{ background: {SEA}; }}
.shymkent-legend {{ background: rgba(255,255,255,.92); padding: 6px 8px; border-radius: 4px;
  font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); }}
.shymkent-legend .dot {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin: 0 8px 0 2px; }}
.shymkent-legend svg {{ vertical-align: middle; margin-right: 4px; }}
</style>"""


def build_map(view: View, *, basemap: str = "outline", asset_prefix: str = "/app/static",
              kinds: Sequence[str] = LINK_KINDS, height: int = 600) -> folium.Map:
    """Markers and lines of ``view``. Independent of the selection, so selecting reuses the map."""
    m = folium.Map(location=[42.3, 69.6], zoom_start=3, tiles=None, world_copy_jump=False,
                   prefer_canvas=False, control_scale=True, height=height)
    _use_local_assets(m, asset_prefix)
    m.get_root().header.add_child(Element(_CSS), name="shymkent_css")
    if basemap == "osm":
        folium.TileLayer("OpenStreetMap", attr=OSM_ATTRIBUTION, max_zoom=19).add_to(m)
    else:
        countries = load_countries()
        if countries:
            # On a canvas: 177 outlines as SVG paths are the slowest part of drawing the page.
            folium.GeoJson(countries, name="countries", style_function=lambda _f: LAND,
                           interactive=False, control=False,
                           renderer=folium.JsCode("L.canvas({padding: 0.5})")).add_to(m)
            m.add_child(_Attribution(OUTLINE_ATTRIBUTION))

    # Lines before markers: a line on top would take the clicks meant for a marker.
    siblings = line_siblings(view)
    for lk in sorted(view.links, key=lambda x: -x.count):
        style = KIND_STYLES.get(lk.kind, {"color": "#555", "dash_array": None})
        folium.PolyLine(
            line_path(lk, siblings), color=style["color"], dash_array=style["dash_array"],
            weight=line_weight(lk.count), opacity=0.85,
            tooltip=_tooltip(link_label(lk), Selection("link", lk.id)),
            class_name=f"shymkent-link kind-{lk.kind}",
        ).add_to(m)
    # The Kazakh side on top of partners on top of mere mentions; within a role big markers first,
    # so small ones stay visible and clickable.
    for p in sorted(view.places, key=lambda x: (_DRAW_ORDER.get(x.role, 0), -len(x.article_ids),
                                                 x.location.key)):
        folium.CircleMarker(
            [p.location.lat, p.location.lon], radius=marker_radius(len(p.article_ids)),
            color="#ffffff", weight=1.5, fill=True, fill_color=ROLE_COLOURS[p.role],
            fill_opacity=0.65 if p.role == "mentioned" else 0.9,
            tooltip=_tooltip(place_label(p), Selection("place", p.location.key)),
            class_name=f"shymkent-place role-{p.role}",
        ).add_to(m)
    if view.places or view.links:
        m.add_child(_Legend([k for k in LINK_KINDS if k in kinds]))
    bounds = _bounds(view)
    if bounds:
        m.fit_bounds(bounds, padding=(30, 30), max_zoom=7)
    return m


class _Attribution(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
        {% endmacro %}
    """)

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text = text


def selection_layer(view: View, selection: Selection | None) -> folium.FeatureGroup | None:
    """A ring around the selected place or a glow along the selected line, added on top of the
    cached map (st_folium's feature_group_to_add) so selecting does not reload the map.
    Not interactive: clicks go through to the marker or line below."""
    if selection is None:
        return None
    group = folium.FeatureGroup(name="selection", control=False)
    if selection.kind == "place" and (p := view.place(selection.id)):
        _inert(folium.CircleMarker(
            [p.location.lat, p.location.lon], radius=marker_radius(len(p.article_ids)) + 5,
            color="#111111", weight=3, fill=False, class_name="shymkent-selected")).add_to(group)
        return group
    if selection.kind == "link" and (lk := view.link(selection.id)):
        _inert(folium.PolyLine(
            line_path(lk, line_siblings(view)), color="#ffd400", weight=line_weight(lk.count) + 8,
            opacity=0.55, class_name="shymkent-selected")).add_to(group)
        return group
    return None


def _inert(layer):
    """Leaflet's ``interactive: false``; folium's path_options drops that keyword, so set it here."""
    layer.options["interactive"] = False
    return layer
