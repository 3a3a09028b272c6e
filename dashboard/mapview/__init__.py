"""The map: a folium.Map whose drawing is done by ``static/js/shymkent-map.js``. The only package that
imports folium.

Python sends data, the browser draws it:

- ``data.py`` turns a filtered ``View`` into compact rows (places, lines, the opening view's bounds);
- ``build_map`` makes a folium.Map that loads Leaflet, the map script and its stylesheet from the
  app's own static folder (``dashboard/static``, served at ``/app/static``) and calls
  ``ShymkentMap.init(map, data, options)``. The country outlines (175 KB) are a static file the
  script fetches, not part of the map's script;
- ``command_layer`` is how the page talks to a map already in the browser (select a place and fly
  to it, start picking a point) without sending the map again: st_folium evaluates a
  ``feature_group_to_add`` whenever its text changes, and keys the component by the map's script,
  which does not change with the selection.

Offline by design: folium's default CDN scripts (Leaflet, jQuery, Bootstrap, ...) are replaced by
the app's own files; OpenStreetMap tiles are the only outside request, and only when the user
switches them on. Article text never goes into the map: labels are place names and counts, put
into the page by the script with ``textContent``.
"""

from __future__ import annotations

import filecmp
import functools
import hashlib
import json
import logging
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from dashboard.mapview import geometry
from dashboard.mapview.data import cached_map_data, map_data, place_names, priority
from dashboard.mapview.style import KIND_STYLES, ROLE_COLOURS
from dashboard.models import LINK_KINDS
from dashboard.settings import LEAFLET_DIR, STATIC_DIR
from dashboard.viewstate import View

__all__ = ["KIND_STYLES", "ROLE_COLOURS", "STATIC_DIR", "build_map", "command_layer", "geometry",
           "install_leaflet", "map_data", "place_names", "priority", "static_url"]

log = logging.getLogger(__name__)

LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                 "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")
MAP_JS = "js/shymkent-map.js"
MAP_CSS = "css/shymkent-map.css"
COUNTRIES = "geo/countries_110m.geojson"
LAND = {"color": "#9aa7b1", "weight": 0.6, "fillColor": "#f7f5ef", "fillOpacity": 1.0, "interactive": False}
OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
OUTLINE_ATTRIBUTION = "Country outlines: Natural Earth (public domain)"
ZOOM_SNAP = 0.25  # fine steps, so the opening view fits the places closely


def install_leaflet(dest: Path = LEAFLET_DIR) -> list[Path]:
    """Copy Leaflet's files from the pinned xstatic-leaflet package into the served static folder, where
    they are missing or differ. The repository holds no copy (the folder is git-ignored): the package is
    the one source, and a new pin brings its files with the next start. Returns the files written."""
    import xstatic.pkg.leaflet as xleaflet

    written = []
    for rel in LEAFLET_FILES:
        source, target = Path(xleaflet.BASE_DIR) / rel, dest / rel
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(source, tmp)
        tmp.replace(target)  # a browser fetching the file meanwhile gets the old or the new one, whole
        written.append(target)
    return written


@functools.cache
def _leaflet_ready() -> bool:
    """Leaflet installed once per process (the first map). False, and logged, when the folder is read-only
    and holds no copy: the map would be blank, which the log then explains."""
    try:
        install_leaflet()
        return True
    except OSError as err:
        log.error("cannot install Leaflet into %s (%s): the map cannot draw", LEAFLET_DIR, err)
        return False


@functools.lru_cache(maxsize=16)
def _version(rel: str) -> str:
    try:
        return hashlib.sha256((STATIC_DIR / rel).read_bytes()).hexdigest()[:10]
    except OSError:
        return "0"


def static_url(prefix: str, rel: str) -> str:
    """The URL of a static file, with its content hash so a browser never runs an old copy."""
    return f"{prefix.rstrip('/')}/{rel}?v={_version(rel)}"


class _Init(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        window.ShymkentMap.init({{ this._parent.get_name() }}, {{ this.data }}, {{ this.options }});
        {% endmacro %}
    """)

    def __init__(self, data: str, options: str):
        super().__init__()
        self._name = "ShymkentInit"
        self.data, self.options = data, options


_JSON_CACHE: dict[int, tuple[dict, str]] = {}


def _data_json(data: dict) -> str:
    """The rows as JSON that is safe inside a <script>, made once per data object."""
    hit = _JSON_CACHE.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1]
    text = str(htmlsafe_json_dumps(data, dumps=functools.partial(json.dumps, separators=(",", ":"),
                                                                   ensure_ascii=False)))
    if len(_JSON_CACHE) > 16:
        _JSON_CACHE.clear()
    _JSON_CACHE[id(data)] = (data, text)
    return text


def build_map(view: View, *, basemap: str = "outline", asset_prefix: str = "/app/static",
              kinds: Sequence[str] = LINK_KINDS, height: int = 600,
              initial_view: Mapping | None = None, epoch: int = 0) -> folium.Map:
    """The map of ``view``. Independent of the selection, so selecting keeps the browser's map.

    ``initial_view`` ({"zoom": z, "center": [lat, lon]}) replaces the fitted opening view: a shared
    URL's, or the user's own when a filter changes the map. A new ``epoch`` ("Reset the view") makes
    a new script, so the browser builds the map afresh."""
    _leaflet_ready()
    data = cached_map_data(view, tuple(kinds))
    fit = data["fit"]
    centre = [(fit[0][0] + fit[1][0]) / 2, (fit[0][1] + fit[1][1]) / 2] if fit else [35.0, 60.0]
    m = folium.Map(location=centre, zoom_start=3, tiles=None, control_scale=False, world_copy_jump=False,
                   height=height, zoom_snap=ZOOM_SNAP, zoom_delta=0.5, min_zoom=1)
    prefix = asset_prefix.rstrip("/")
    m.default_js = [("leaflet", f"{prefix}/leaflet/leaflet.js"), ("shymkent_map", static_url(prefix, MAP_JS))]
    m.default_css = [("leaflet_css", f"{prefix}/leaflet/leaflet.css"),
                     ("shymkent_map_css", static_url(prefix, MAP_CSS))]
    options = {
        "countriesUrl": static_url(prefix, COUNTRIES),
        "land": LAND,
        "outlineAttribution": OUTLINE_ATTRIBUTION,
        "tiles": {"url": OSM_URL, "attribution": OSM_ATTRIBUTION} if basemap == "osm" else None,
        "view": _clean_view(initial_view),
        "epoch": int(epoch),
    }
    m.add_child(_Init(_data_json(data), str(htmlsafe_json_dumps(options))))
    return m


def _clean_view(view: Mapping | None) -> dict | None:
    if not view:
        return None
    try:
        zoom = float(view["zoom"])
        lat, lon = (float(x) for x in view["center"])
    except (KeyError, TypeError, ValueError):
        return None
    return {"zoom": round(zoom, 2), "center": [round(lat, 5), round(lon, 5)]}


class _Command(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        if (window.ShymkentMap) { window.ShymkentMap.command({{ this.command }}); }
        {% endmacro %}
    """)

    def __init__(self, command: str):
        super().__init__()
        self._name = "ShymkentCommand"
        self.command = command


def command_layer(*, seq: int, select: tuple[str, str] | None = None, fly: bool = False,
                  pick: str | None = None) -> folium.FeatureGroup:
    """A message to the map in the browser: draw the selection (and fly to it), or pick a point.

    Run by st_folium whenever its text changes; ``seq`` makes each new command different."""
    command = {"seq": seq, "select": {"kind": select[0], "id": select[1]} if select else None,
               "fly": bool(fly), "pick": pick}
    group = folium.FeatureGroup(name="command", control=False)
    group.add_child(_Command(str(htmlsafe_json_dumps(command))))
    return group
