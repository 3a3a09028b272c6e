"""A larger library: 1,000 synthetic articles (tests/bench/corpus.py), about 830 places. At the opening
view the 50 places with the most articles can each be clicked at their centre; the rest are spread or
grouped (a group's disc zooms in)."""

from __future__ import annotations

import sys

import pytest
from _browser import ROOT, start_server, stop_server
from _mappage import click_map, debug, panel_title, settled, wait_for_map

pytestmark = pytest.mark.browser

sys.path.insert(0, str(ROOT / "tests" / "bench"))
from corpus import write_corpus  # noqa: E402

TOP = 50
COLD_BUILD_MS = 900_000


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory, chromium_path):
    tmp = tmp_path_factory.mktemp("corpus1000")
    server = start_server(write_corpus(1000, tmp / "articles"), tmp)
    yield server
    stop_server(server)


def test_the_fifty_busiest_places_can_be_clicked_at_the_opening_view(corpus_server, new_page, artifacts):
    w = new_page(corpus_server)
    # The first load analyses the 1,000 articles (minutes on a busy 2-core machine).
    d = wait_for_map(w.page, min_places=500, timeout_ms=COLD_BUILD_MS)
    size = d["size"]
    # debug() lists places in the map's own order: most articles first (what gets a spot first).
    top = d["places"][:TOP]
    assert len(top) == TOP
    assert not [p["key"] for p in top if p["grouped"]], "a busy place was grouped at the opening view"
    for p in top:
        assert 0 <= p["x"] <= size["x"] and 0 <= p["y"] <= size["y"], p
    assert d["groups"], "830 places on one screen: some should be grouped"
    w.page.screenshot(path=artifacts / "dashboard-1000-opening-view.png")
    for p in top:
        click_map(w.page, p["x"], p["y"])
        panel_title(w.page, f"place:{p['key']}").wait_for()
    assert round(settled(w.page)["zoom"], 3) == round(d["zoom"], 3)

    # A group's disc zooms in on its places.
    group = max(d["groups"], key=lambda g: len(g["members"]))
    click_map(w.page, group["x"], group["y"])
    w.page.wait_for_function("z => { const f = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
                             " return f.contentWindow.ShymkentMap.debug().zoom > z; }", arg=d["zoom"])
    assert debug(w.page)["zoom"] > d["zoom"]
