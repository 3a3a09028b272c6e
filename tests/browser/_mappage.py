"""Helpers to read and click the dashboard's map like a user, in a Playwright page.

The map script (dashboard/static/js/shymkent-map.js) reports where it drew everything through
``ShymkentMap.debug()``: container pixels of every place marker (after spreading) and of each line's
middle. Tests click those points with the real mouse (or a tap) on the iframe, so Leaflet decides
what was hit, exactly as for a user.
"""

from __future__ import annotations

from _browser import MAP_FRAME

READY = "html[data-shymkent-ready]"


def map_frame(page):
    """The frame holding the map (its iframe is replaced when the map's data change)."""
    for frame in page.frames:
        try:
            if frame.evaluate("() => !!(window.ShymkentMap && window.ShymkentMap.debug())"):
                return frame
        except Exception:  # noqa: S112 -- a frame being replaced
            continue
    return None


def debug(page) -> dict | None:
    """The map's state, or None while there is no map (its frame is being replaced)."""
    frame = map_frame(page)
    try:
        return frame.evaluate("() => window.ShymkentMap.debug()") if frame else None
    except Exception:  # the frame was detached between finding and asking it
        return None


def wait_for_map(page, *, min_places: int = 1, timeout_ms: float | None = None) -> dict:
    """Until the map has drawn at least ``min_places`` markers, the page around it has filled in (the
    sidebar comes after the map, and the map refits to its new width) and the map has stopped moving
    (two reads agree)."""
    page.frame_locator(MAP_FRAME).locator(READY).wait_for(state="attached", timeout=timeout_ms)
    page.get_by_test_id("stSidebar").get_by_text("Filters").wait_for(state="attached", timeout=timeout_ms)
    page.wait_for_function(
        f"""() => {{ const f = document.querySelector('{MAP_FRAME}');
                    const m = f && f.contentWindow && f.contentWindow.ShymkentMap;
                    const d = m && m.debug();
                    return !!d && d.places.length >= {min_places}; }}""")
    return settled(page)


def settled(page, *, reads: int = 40) -> dict:
    """The map's state once two reads 300 ms apart agree (a flight or a zoom has ended)."""
    previous = None
    for _ in range(reads):
        current = debug(page)
        if current and previous and _view(current) == _view(previous):
            return current
        previous = current
        page.wait_for_timeout(300)
    return current


def _view(d: dict) -> tuple:
    return (round(d["zoom"], 3), round(d["center"]["lat"], 5), round(d["center"]["lng"], 5),
            tuple((round(p["x"]), round(p["y"])) for p in d["places"]))


def place(d: dict, key: str) -> dict:
    return next(p for p in d["places"] if p["key"] == key)


def find_place(d: dict, name: str) -> dict | None:
    return next((p for p in d["places"] if p["names"].split(" · ")[0] == name), None)


def click_map(page, x: float, y: float, *, tap: bool = False) -> None:
    """A click (or a tap) at container pixel (x, y) of the map."""
    frame_el = page.locator(MAP_FRAME)
    frame_el.scroll_into_view_if_needed()
    box = frame_el.bounding_box()
    if tap:
        page.touchscreen.tap(box["x"] + x, box["y"] + y)
    else:
        page.mouse.click(box["x"] + x, box["y"] + y)


def panel_title(page, selection: str):
    """The side panel's heading for a selection ("place:<key>" or "link:<id>")."""
    return page.locator(f'h3.panel-title[data-selection="{selection}"]')


def set_view(page, lat: float, lng: float, zoom: float) -> dict:
    """Move the map as a user zooming in on a spot would (for lines crowded at world scale)."""
    map_frame(page).evaluate("([lat, lng, z]) => { window.map.setView([lat, lng], z, {animate: false}); }",
                             [lat, lng, zoom])
    return settled(page)
