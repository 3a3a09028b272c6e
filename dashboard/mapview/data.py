"""What the browser draws: a filtered ``View`` as compact JSON rows for ``static/js/shymkent-map.js``.

Rows, not folium elements: 10,000 articles give about 1,700 places and 11,000 lines, and one folium
element per marker cost 1-2 kB of script each. The rows grow with places and lines, never with
articles (no article text goes into the map; the side panel shows the articles).

Names are sent as plain strings and the script only ever puts them into the page with
``textContent``: a place named ``<img onerror=...>`` shows those characters and runs nothing. The
JSON itself is made safe inside a ``<script>`` by ``htmlsafe_json_dumps`` (``<``, ``>``, ``&``, ``'``
as ``\\u`` escapes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from dashboard.mapview import geometry
from dashboard.mapview.style import KIND_STYLES, ROLE_COLOURS
from dashboard.models import LANGS, LINK_KINDS, Location
from dashboard.viewstate import ROLE_LABELS, View, link_id, marker_radius

_ROLE_ORDER = ("home", "partner", "mentioned")
# The Kazakh side, then its partners, then mere mentions: who gets the free spot when markers crowd.
_ROLE_RANK = {"home": 0, "partner": 1, "mentioned": 2}


def place_names(loc: Location) -> list[str]:
    """The place's name in the article languages, main name first, without repeats."""
    names = [loc.name, *(n for lg, n in loc.names if lg in LANGS)]
    return list(dict.fromkeys(n for n in names if n))


def articles_label(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''}"


def priority(view: View):
    """Places in the order the browser places them: most articles first, the Kazakh side before partners."""
    return sorted(view.places, key=lambda p: (-p.article_count, _ROLE_RANK.get(p.role, 3), p.location.key))


def map_data(view: View, *, kinds: Sequence[str] = LINK_KINDS) -> dict:
    """Everything the map script draws for ``view``.

    places: [lat, lon, radius, role, names, detail, key, first date]
    lines:  [home place, partner place, kind, count, weight, side, first date, last date, id]
    ``fit`` is the opening view: the Kazakh side and its partners (every place when there is no line).
    """
    ordered = priority(view)
    index = {p.location.key: i for i, p in enumerate(ordered)}
    roles = [r for r in _ROLE_ORDER if any(p.role == r for p in ordered)]
    role_idx = {r: i for i, r in enumerate(roles)}
    places = [[round(p.location.lat, 5), round(p.location.lon, 5), marker_radius(p.article_count),
               role_idx[p.role], " · ".join(place_names(p.location)),
               f"{ROLE_LABELS[p.role]}, {articles_label(p.article_count)}", p.location.key,
               p.first_date or ""] for p in ordered]

    siblings = geometry.line_siblings(view.links)
    present = [k for k in LINK_KINDS if any(lk.kind == k for lk in view.links)]
    present += sorted({lk.kind for lk in view.links} - set(present))
    kind_idx = {k: i for i, k in enumerate(present)}
    lines = []
    for lk in sorted(view.links, key=lambda x: (-x.count, x.id)):
        if lk.home.key not in index or lk.partner.key not in index:
            continue  # Catalog.view puts both ends on the map; a hand-made View may not
        lines.append([index[lk.home.key], index[lk.partner.key], kind_idx[lk.kind], lk.count,
                      geometry.line_weight(lk.count), geometry.line_side(lk, siblings),
                      lk.first_date or "", lk.last_date or "",
                      lk.id if lk.id != link_id(lk.kind, lk.home, lk.partner) else ""])

    ends = [p for p in ordered if p.role in ("home", "partner")] or ordered
    return {
        "places": places,
        "roles": [{"name": r, "label": ROLE_LABELS[r], "color": ROLE_COLOURS[r]} for r in roles],
        "lines": lines,
        "kinds": [{"name": k, **_kind_style(k)} for k in present],
        "legendKinds": [{"name": k, **_kind_style(k)} for k in LINK_KINDS if k in kinds],
        "legendRoles": [{"name": r, "label": ROLE_LABELS[r], "color": ROLE_COLOURS[r]} for r in _ROLE_ORDER],
        "fit": geometry.bounds((p.location.lat, p.location.lon) for p in ends),
        "arc": {"bend": geometry.BEND, "radiusKm": geometry.EARTH_RADIUS_KM, "stepKm": geometry.STEP_KM,
                "maxSteps": geometry.MAX_STEPS},
    }


def _kind_style(kind: str) -> dict:
    style = KIND_STYLES.get(kind, {"color": "#555555", "dash_array": None})
    return {"color": style["color"], "dash": style["dash_array"]}


_CACHE: OrderedDict[tuple[int, tuple[str, ...]], tuple[View, dict]] = OrderedDict()
_LOCK = threading.Lock()


def cached_map_data(view: View, kinds: Sequence[str]) -> dict:
    """``map_data`` once per View object and legend: the page rebuilds the map on every rerun from
    the same cached View, and 11,000 lines took a second. Keyed by identity (the entry holds the
    view, so its id is not reused while cached)."""
    key = (id(view), tuple(kinds))
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] is view:
            _CACHE.move_to_end(key)
            return hit[1]
    data = map_data(view, kinds=kinds)
    with _LOCK:
        _CACHE[key] = (view, data)
        while len(_CACHE) > 8:
            _CACHE.popitem(last=False)
    return data
