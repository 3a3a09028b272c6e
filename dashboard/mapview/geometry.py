"""Great circles, bends and the opening view's bounds: plain numbers, no folium.

The browser draws every line from its two ends with the same formula (``arc`` in
``static/js/shymkent-map.js``), so these functions are what the tests check it against.
"""

from __future__ import annotations

import math
from collections import defaultdict

from dashboard.models import LINK_KINDS, Location

EARTH_RADIUS_KM = 6371.0088
MAX_STEPS = 64
STEP_KM = 300.0  # a point every 300 km: smooth at any zoom the outlines are drawn for, half the work of 150
BEND = 0.06  # times the line's length, per step aside


def great_circle(a: Location, b: Location, *, max_step_km: float = STEP_KM) -> list[list[float]]:
    """Points along the great circle from ``a`` to ``b``, longitudes unwrapped so a line that crosses
    the antimeridian does not jump across the whole map."""
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


def line_siblings(links) -> dict[tuple[str, str], list[str]]:
    """(home key, partner key) -> the kinds of line between them, strongest kind first."""
    kinds: dict[tuple[str, str], list[str]] = defaultdict(list)
    for other in links:
        kinds[(other.home.key, other.partner.key)].append(other.kind)
    order = {k: i for i, k in enumerate(LINK_KINDS)}
    return {pair: sorted(ks, key=lambda k: order.get(k, 9)) for pair, ks in kinds.items()}


def line_side(lk, siblings: dict[tuple[str, str], list[str]]) -> int:
    """0, +1, -1, +2, ...: which way and how far the line bends away from its siblings."""
    kinds = siblings.get((lk.home.key, lk.partner.key), [lk.kind])
    idx = kinds.index(lk.kind) if lk.kind in kinds else 0
    return 0 if idx == 0 else (1 if idx % 2 else -1) * ((idx + 1) // 2)


def line_path(lk, siblings: dict[tuple[str, str], list[str]]) -> list[list[float]]:
    """The drawn path of a line: the great circle, bent aside when the same two places have lines of
    several kinds (the strongest kind stays straight)."""
    return bend(great_circle(lk.home, lk.partner), BEND * line_side(lk, siblings))


def bounds(points) -> list[list[float]] | None:
    """[[south, west], [north, east]] of (lat, lon) pairs, or None for none."""
    pts = list(points)
    if not pts:
        return None
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
