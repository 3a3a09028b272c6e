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
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from dashboard.models import LANGS, LINK_KINDS, Location
from dashboard.viewstate import (
    ROLE_LABELS,
    SELECTION_TAG,
    LinkSummary,
    PlaceSummary,
    Selection,
    View,
    link_id,
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
# The selection: a dark ring around a place, a yellow glow along a line. Drawn by the browser on a
# click (_ClickSelect) and by selection_layer for a selection made elsewhere (a picker, a URL).
RING = {"color": "#111111", "weight": 3, "extra_radius": 5}
GLOW = {"color": "#ffd400", "extra_weight": 8, "opacity": 0.55}
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


@functools.lru_cache(maxsize=2)
def countries_script(path: Path = COUNTRIES_FILE) -> str | None:
    """The outlines as a JSON literal for the map's script, made once per process. Not a
    folium.GeoJson: that walked all 177 outlines for bounds and styles on every rerun (60% of a
    rerun with the five seeds)."""
    countries = load_countries(path)
    if not countries:
        return None
    text = json.dumps(countries, separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # safe in <script>


class _Outlines(MacroElement):
    """Country outlines on a canvas (177 SVG paths were the slowest part of drawing the page)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.geoJSON({{ this.data }}, {style: function () { return {{ this.style|tojson }}; }, interactive: false,
                   renderer: L.canvas({padding: 0.5})}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, data: str):
        super().__init__()
        self._name = "Outlines"
        self.data, self.style = data, LAND


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


def _tooltip_html(lines: Sequence[str], selection: Selection) -> str:
    body = "<br>".join(label_html(line) for line in lines if line)
    # The tag is the only thing st_folium hands back (as the tooltip's textContent): hidden, parsed
    # by viewstate.selection_from_text. Keys hold no spaces, quotes or angle brackets.
    tag = label_html(f" {SELECTION_TAG}{selection.kind}:{selection.id}")
    return f'{body}<span style="display:none">{tag}</span>'


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

EARTH_RADIUS_KM = 6371.0088
MAX_STEPS = 128
STEP_KM = 150.0


def great_circle(a: Location, b: Location, *, max_step_km: float = STEP_KM) -> list[list[float]]:
    """Points along the great circle from ``a`` to ``b``, longitudes unwrapped so a line that crosses
    the antimeridian does not jump across the whole map.

    On a sphere: at map scale the same curve as the ellipsoid's geodesic, and the browser draws each
    line from its two ends with the same formula (``arc`` in ``_Lines``), so the selection glow drawn
    from these points lies exactly on it."""
    p1, l1, p2, l2 = (math.radians(x) for x in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    d = 2 * math.asin(min(1.0, math.sqrt(h)))
    steps = max(2, min(MAX_STEPS, int(d * EARTH_RADIUS_KM / max_step_km) + 1))
    sin_d = math.sin(d)
    points: list[list[float]] = []
    prev_lon = None
    for i in range(steps + 1):
        f = i / steps
        if sin_d < 1e-9:  # the same point, or antipodes (no single great circle): straight
            lat, lon = a.lat + (b.lat - a.lat) * f, a.lon + (b.lon - a.lon) * f
        else:
            ka, kb = math.sin((1 - f) * d) / sin_d, math.sin(f * d) / sin_d
            x = ka * math.cos(p1) * math.cos(l1) + kb * math.cos(p2) * math.cos(l2)
            y = ka * math.cos(p1) * math.sin(l1) + kb * math.cos(p2) * math.sin(l2)
            z = ka * math.sin(p1) + kb * math.sin(p2)
            lat, lon = math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))
        if i == 0:
            lat, lon = a.lat, a.lon
        if prev_lon is not None:
            while lon - prev_lon > 180:
                lon -= 360
            while lon - prev_lon < -180:
                lon += 360
        prev_lon = lon
        points.append([round(lat, 4), round(lon, 4)])
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


def line_side(lk: LinkSummary, siblings: dict[tuple[str, str], list[str]]) -> int:
    """0, +1, -1, +2, ...: which way and how far the line bends away from its siblings."""
    kinds = siblings.get((lk.home.key, lk.partner.key), [lk.kind])
    idx = kinds.index(lk.kind) if lk.kind in kinds else 0
    return 0 if idx == 0 else (1 if idx % 2 else -1) * ((idx + 1) // 2)


BEND = 0.06  # times the line's length, per step aside


def line_path(lk: LinkSummary, siblings: dict[tuple[str, str], list[str]]) -> list[list[float]]:
    """The drawn path of a line: the great circle, bent aside when the same two places have lines of
    several kinds (the strongest kind stays straight). ``siblings`` comes from ``line_siblings``."""
    return bend(great_circle(lk.home, lk.partner), BEND * line_side(lk, siblings))


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
        outlines = countries_script()
        if outlines:
            m.add_child(_Outlines(outlines))
            m.add_child(_Attribution(OUTLINE_ATTRIBUTION))

    if view.places or view.links:
        m.add_child(_ClickSelect())
    # Lines before markers: a line on top would take the clicks meant for a marker.
    lines, styles, body = _layers(view)
    if view.links:
        m.add_child(_Lines(lines))
    if view.places:
        m.add_child(_Places(styles, body))
    if view.places or view.links:
        m.add_child(_Legend([k for k in LINK_KINDS if k in kinds]))
    bounds = _bounds(view)
    if bounds:
        m.fit_bounds(bounds, padding=(30, 30), max_zoom=7)
    return m


# ---------------------------------------------------------------- markers and lines --------------
# Why not one folium element per marker and line: each cost 0.8-1.9 kB of script and a template
# render, and st_folium renames every element's variable on every rerun. 10,000 articles give about
# 1,700 markers and 11,000 lines: 20+ MB of script and tens of seconds per click. Now a marker is one
# short statement and a line a row of numbers that one loop draws; both grow with places and links,
# never with articles (no article text or list goes into the map).

class _ClickSelect(MacroElement):
    """Draws the selection ring in the browser the moment a place or line is clicked, so the page
    need not send the map again to show it (st_folium re-sends the whole map whenever its
    ``feature_group_to_add`` changes). A ring from selection_layer replaces it."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (m) {
        var ring = null, RING = {{ this.ring|tojson }}, GLOW = {{ this.glow|tojson }};
        function clear() { if (ring) { m.removeLayer(ring); ring = null; } }
        window.shymkentSelect = function (layer) {
          clear();
          if (!layer) return;
          var o = {interactive: false, className: "shymkent-selected"};
          ring = layer.getLatLng
            ? new L.CircleMarker(layer.getLatLng(), Object.assign({radius: layer.getRadius() + RING.extra_radius,
                                 color: RING.color, weight: RING.weight, fill: false}, o))
            : new L.Polyline(layer.getLatLngs(), Object.assign({color: GLOW.color, opacity: GLOW.opacity,
                             weight: layer.options.weight + GLOW.extra_weight}, o));
          ring.addTo(m);
        };
        window.shymkentClicked = function (e) {
          window.shymkentSelect(e.target);
          setTimeout(tellNow, 0);  // after st_folium's own click handler has noted the click
        };
        // st_folium tells Streamlit of a click 250 ms late (a debounce meant for panning). Tell it
        // now, the very value st_folium will compute (its __GLOBAL_DATA__), and note it as sent,
        // so its own call finds nothing new. Anything unexpected: leave it to st_folium.
        var SENT = ["last_object_clicked", "last_object_clicked_tooltip"];
        function tellNow() {
          var g = window.__GLOBAL_DATA__, S = window.Streamlit;
          if (!g || !S || !g.returned_objects || g.wrap_longitude) return;
          if (g.returned_objects.some(function (k) { return SENT.indexOf(k) < 0; })) return;
          var data = {};
          SENT.forEach(function (k) { if (g.returned_objects.indexOf(k) >= 0) data[k] = g[k]; });
          if (JSON.stringify(g.previous_data) !== JSON.stringify(data)) {
            g.previous_data = data;
            S.setComponentValue(data);
          }
        }
        m.on("layeradd", function (e) {
          var cls = e.layer !== ring && e.layer.options && e.layer.options.className;
          if (cls && String(cls).indexOf("shymkent-selected") >= 0) clear();
        });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "ClickSelect"
        self.ring, self.glow = RING, GLOW


class _Places(MacroElement):
    """One ``L.circleMarker`` statement per place, with its (escaped) tooltip and a shared style per role."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (m) {
        var S = {{ this.styles }};
        {{ this.body }}
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, styles: str, body: str):
        super().__init__()
        self._name = "Places"
        self.styles, self.body = styles, body


def place_statements(view: View) -> tuple[str, str]:
    """The markers' shared styles (JSON) and one statement per place, in drawing order."""
    roles = {p.role for p in view.places}
    styles = json.dumps({
        role: {"className": f"shymkent-place role-{role}", "color": "#ffffff", "weight": 1.5, "fill": True,
               "fillColor": ROLE_COLOURS[role], "fillOpacity": 0.65 if role == "mentioned" else 0.9}
        for role in ROLE_COLOURS if role in roles})
    # The Kazakh side on top of partners on top of mere mentions; within a role big markers
    # first, so small ones stay visible and clickable.
    ordered = sorted(view.places, key=lambda x: (_DRAW_ORDER.get(x.role, 0), -len(x.article_ids),
                                                  x.location.key))
    body = "\n".join(
        f"L.circleMarker([{p.location.lat}, {p.location.lon}], "
        f"Object.assign({json.dumps({'radius': marker_radius(len(p.article_ids))})}, S[{json.dumps(p.role)}]))"
        f".addTo(m).on(\"click\", window.shymkentClicked)"
        f".bindTooltip(`{_tooltip_html(place_label(p), Selection('place', p.location.key))}`, "
        f'{{"sticky": true}});'
        for p in ordered)
    return styles, body


_LAYER_CACHE: OrderedDict[int, tuple] = OrderedDict()
_LAYER_LOCK = threading.Lock()


def _layers(view: View) -> tuple[str, str, str]:
    """(lines JSON, marker styles, marker statements) of a view, made once per View object: the
    page rebuilds the map on every rerun from the same cached View, and 11,000 lines took a second.
    Keyed by identity (the entry holds the view, so its id is not reused while cached)."""
    with _LAYER_LOCK:
        hit = _LAYER_CACHE.get(id(view))
        if hit is not None and hit[0] is view:
            _LAYER_CACHE.move_to_end(id(view))
            return hit[1:]
    lines = str(htmlsafe_json_dumps(line_data(view))) if view.links else ""
    styles, body = place_statements(view) if view.places else ("", "")
    with _LAYER_LOCK:
        _LAYER_CACHE[id(view)] = (view, lines, styles, body)
        while len(_LAYER_CACHE) > 8:
            _LAYER_CACHE.popitem(last=False)
    return lines, styles, body


class _Lines(MacroElement):
    """Every line as a row of numbers; the browser computes its arc (``great_circle`` + ``bend``,
    the same formula) and its tooltip from the escaped names. Drawn strongest first."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (m) {
        var D = {{ this.data_json }};
        var R = Math.PI / 180;
        function arc(a, b, offset) {
          var p1 = a[0] * R, l1 = a[1] * R, p2 = b[0] * R, l2 = b[1] * R;
          var h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                  + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((l2 - l1) / 2), 2);
          var d = 2 * Math.asin(Math.min(1, Math.sqrt(h))), sd = Math.sin(d);
          var steps = Math.max(2, Math.min(D.maxSteps, Math.floor(d * D.radiusKm / D.stepKm) + 1));
          var pts = [], prev = null;
          for (var i = 0; i <= steps; i++) {
            var f = i / steps, lat, lon;
            if (sd < 1e-9) { lat = a[0] + (b[0] - a[0]) * f; lon = a[1] + (b[1] - a[1]) * f; }
            else {
              var ka = Math.sin((1 - f) * d) / sd, kb = Math.sin(f * d) / sd;
              var x = ka * Math.cos(p1) * Math.cos(l1) + kb * Math.cos(p2) * Math.cos(l2);
              var y = ka * Math.cos(p1) * Math.sin(l1) + kb * Math.cos(p2) * Math.sin(l2);
              var z = ka * Math.sin(p1) + kb * Math.sin(p2);
              lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / R; lon = Math.atan2(y, x) / R;
            }
            if (i === 0) { lat = a[0]; lon = a[1]; }
            if (prev !== null) { while (lon - prev > 180) lon -= 360; while (lon - prev < -180) lon += 360; }
            prev = lon; pts.push([lat, lon]);
          }
          if (!offset) return pts;
          var n = pts.length - 1, dlat = pts[n][0] - pts[0][0], dlon = pts[n][1] - pts[0][1];
          return pts.map(function (p, j) {
            var k = offset * Math.sin(Math.PI * j / n);
            return [p[0] - dlon * k, p[1] + dlat * k];
          });
        }
        D.lines.forEach(function (r) {
          var a = D.ends[r[0]], b = D.ends[r[1]], k = D.kinds[r[2]], n = r[3];
          var period = r[6] ? (r[7] && r[7] !== r[6] ? r[6] + " \u2013 " + r[7] : r[6]) : "";
          var tip = a[2] + " \u2014 " + b[2] + "<br>" + k.name + ", " + n + " article" + (n !== 1 ? "s" : "") +
            (period ? ", " + period : "") + '<span style="display:none"> ' + D.tag +
            (r[8] || (k.name + "|" + a[3] + "|" + b[3])) + "</span>";
          L.polyline(arc(a, b, D.bend * r[5]), {color: k.color, dashArray: k.dash, weight: r[4], opacity: 0.85,
                     className: k.className}).addTo(m).on("click", window.shymkentClicked)
            .bindTooltip(tip, {sticky: true});
        });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, data_json: str):
        super().__init__()
        self._name = "Lines"
        self.data_json = data_json  # htmlsafe JSON (as jinja's tojson): safe inside the <script>


def line_data(view: View) -> dict:
    """What ``_Lines`` sends: line ends (escaped names), kinds, and one row per line
    [home, partner, kind, count, weight, side, first date, last date(, id)], strongest first."""
    siblings = line_siblings(view)
    ends: dict[str, int] = {}
    end_rows: list[list] = []
    kinds: dict[str, int] = {}
    kind_rows: list[dict] = []

    def end(loc: Location) -> int:
        if loc.key not in ends:
            ends[loc.key] = len(end_rows)
            end_rows.append([loc.lat, loc.lon, label_html(loc.name), label_html(loc.key)])
        return ends[loc.key]

    def kind(name: str) -> int:
        if name not in kinds:
            style = KIND_STYLES.get(name, {"color": "#555", "dash_array": None})
            kinds[name] = len(kind_rows)
            kind_rows.append({"name": label_html(name), "color": style["color"], "dash": style["dash_array"],
                              "className": label_html(f"shymkent-link kind-{name}")})
        return kinds[name]

    rows = []
    for lk in sorted(view.links, key=lambda x: -x.count):
        row = [end(lk.home), end(lk.partner), kind(lk.kind), lk.count, line_weight(lk.count),
               line_side(lk, siblings), label_html(lk.first_date or ""), label_html(lk.last_date or "")]
        if lk.id != link_id(lk.kind, lk.home, lk.partner):
            row.append(label_html(lk.id))
        rows.append(row)
    # Escaped once here: the tooltip is HTML (tojson makes the JSON safe inside the <script>).
    return {"ends": end_rows, "kinds": kind_rows, "lines": rows, "tag": label_html(f"{SELECTION_TAG}link:"),
            "bend": BEND, "radiusKm": EARTH_RADIUS_KM, "stepKm": STEP_KM, "maxSteps": MAX_STEPS}


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
            [p.location.lat, p.location.lon], radius=marker_radius(len(p.article_ids)) + RING["extra_radius"],
            color=RING["color"], weight=RING["weight"], fill=False, class_name="shymkent-selected")).add_to(group)
        return group
    if selection.kind == "link" and (lk := view.link(selection.id)):
        _inert(folium.PolyLine(
            line_path(lk, line_siblings(view)), color=GLOW["color"], opacity=GLOW["opacity"],
            weight=line_weight(lk.count) + GLOW["extra_weight"], class_name="shymkent-selected")).add_to(group)
        return group
    return None


def clear_selection_layer() -> folium.FeatureGroup:
    """Takes away the ring the browser drew on a click (after "Clear the selection")."""
    group = folium.FeatureGroup(name="selection", control=False)
    group.add_child(_Script("if (window.shymkentSelect) { window.shymkentSelect(null); }"))
    return group


class _Script(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.code }}
        {% endmacro %}
    """)

    def __init__(self, code: str):
        super().__init__()
        self._name = "Script"
        self.code = code


def _inert(layer):
    """Leaflet's ``interactive: false``; folium's path_options drops that keyword, so set it here."""
    layer.options["interactive"] = False
    return layer
