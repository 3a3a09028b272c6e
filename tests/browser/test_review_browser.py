"""Review and correct in a real browser: an article's unplaced name is named, listed under "Needs
review", placed by clicking the map, and stays placed after the server restarts (the correction and the
pasted article are kept in the library, a SQLite file in the server's data folder)."""

from __future__ import annotations

import pytest
from _browser import MAP_FRAME, start_server, stop_server
from _mappage import click_map, find_place, map_frame, panel_title, settled, wait_for_map

from dashboard.library.store import Library

pytestmark = pytest.mark.browser

KETTLEWICK = ("Shymkent delegation visits Kettlewick\n\nA delegation of Shymkent visited the town of Kettlewick "
              "in England on 3 March 2024. The mayor of Shymkent and the mayor of Kettlewick signed a memorandum "
              "on twinning.\n")
POINT = (51.95, -1.4)


@pytest.fixture(scope="module")
def review_folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    articles = tmp / "articles"
    articles.mkdir()
    (articles / "maribor.txt").write_text(
        "Maribor delegation in Shymkent\n\ndate: 2023-03-02\n\nA delegation from Maribor visited Shymkent. "
        "The mayor of Shymkent met the guests from Maribor.\n", encoding="utf-8")
    overrides = tmp / "overrides.csv"
    overrides.write_text("# overrides for this test\nname,lang,lat,lon,kind,country,note\n", encoding="utf-8")
    return tmp, articles, overrides


def choose_to_correct(page, typed: str) -> None:
    box = page.get_by_role("combobox", name="Name or place to correct")
    box.scroll_into_view_if_needed()
    box.click()
    page.keyboard.type(typed)


def start(review_folder, monkeypatch):
    tmp, articles, overrides = review_folder
    monkeypatch.setenv("SHYMKENT_OVERRIDES", str(overrides))
    return start_server(articles, tmp)


def test_an_unplaced_name_is_placed_from_the_map_and_stays_placed_after_a_restart(review_folder, new_page,
                                                                                  monkeypatch, artifacts):
    _, articles, overrides = review_folder
    server = start(review_folder, monkeypatch)
    try:
        w = new_page(server)
        wait_for_map(w.page)
        w.page.get_by_text("Add an article").click()
        w.page.get_by_label("…or paste the text").fill(KETTLEWICK)
        w.page.get_by_role("button", name="Add the article").click()
        named = w.page.get_by_text("could not be placed")
        named.wait_for()
        assert "Kettlewick" in named.inner_text()

        choose_to_correct(w.page, "Kettlewick")
        w.page.get_by_role("option", name="“Kettlewick” (English): not placed").click()
        w.page.get_by_role("button", name="Pick the point on the map").click()
        notice = w.page.frame_locator(MAP_FRAME).locator('.shymkent-notice[data-notice="pick"]')
        notice.wait_for()
        assert "Kettlewick" in notice.inner_text()
        frame = map_frame(w.page)
        frame.evaluate("([lat, lng]) => { window.map.setView([lat, lng], 6, {animate: false}); }", list(POINT))
        settled(w.page)
        x, y = frame.evaluate("([lat, lng]) => { const p = window.map.latLngToContainerPoint([lat, lng]);"
                              " return [p.x, p.y]; }", list(POINT))
        click_map(w.page, x, y)
        w.page.get_by_text("Point: 51.9").wait_for()
        w.page.get_by_role("button", name="Save: this point").click()
        # the rebuilt library shows it, selected; its key holds the point the map sent (5 decimals). Read
        # from the page, not from the map frame's last message: a rerun may replace that frame first.
        title = w.page.locator('h3.panel-title[data-selection^="place:ovr:"]').first
        title.wait_for()
        key = title.get_attribute("data-selection").removeprefix("place:")
        lat, lon = key.removeprefix("ovr:").split(",")
        assert abs(float(lat) - POINT[0]) < 0.05 and abs(float(lon) - POINT[1]) < 0.05
        w.page.get_by_text("Saved").first.wait_for()
        d = wait_for_map(w.page)
        assert find_place(d, "Kettlewick")["key"] == key, [p["names"] for p in d["places"]]
        assert overrides.read_text(encoding="utf-8").endswith("note\n")  # the shipped file is left alone
        library = Library(f"sqlite:///{review_folder[0] / 'data' / 'library.sqlite'}")
        assert [(c.name, c.lang, f"{c.lat:.5f}", f"{c.lon:.5f}", c.kind, c.country) for c in library.corrections()] \
            == [("Kettlewick", "en", lat, lon, "city", "GB")]
        library.engine.dispose()
        w.page.screenshot(path=artifacts / "dashboard-corrected.png", full_page=True)
    finally:
        stop_server(server)

    server = start(review_folder, monkeypatch)  # a restart: the library carries the article and the correction
    try:
        w = new_page(server)
        d = wait_for_map(w.page)
        kettlewick = find_place(d, "Kettlewick")
        assert kettlewick and kettlewick["key"] == key
        click_map(w.page, kettlewick["x"], kettlewick["y"])
        panel_title(w.page, f"place:{key}").wait_for()
        choose_to_correct(w.page, "Kettlewick")
        w.page.wait_for_timeout(500)
        assert w.page.get_by_role("option", name="“Kettlewick” (English): not placed").count() == 0
    finally:
        stop_server(server)
