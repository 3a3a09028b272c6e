"""The timeline beside the downloads: a stacked-bar SVG from viewstate.timeline rows, escaped."""

from __future__ import annotations

from dashboard import viewstate as vs

COLOURS = {"partnership": "#1b9e77", "visit": "#7b52ab"}


def test_one_bar_part_per_month_and_kind_with_its_count():
    rows = [{"month": "2023-01", "kind": "visit", "count": 2},
            {"month": "2023-01", "kind": "partnership", "count": 1},
            {"month": "2023-04", "kind": "visit", "count": 4}]
    svg = vs.timeline_svg(rows, COLOURS)
    assert svg.count("<rect") == 3
    assert "2023-01 · visit: 2" in svg and "2023-04 · visit: 4" in svg
    assert svg.index("partnership") < svg.rindex("visit")  # legend in the colours' order
    assert 'fill="#7b52ab"' in svg


def test_text_from_the_data_is_escaped():
    rows = [{"month": "<script>", "kind": "<img src=x onerror=alert(1)>", "count": 1}]
    svg = vs.timeline_svg(rows, COLOURS)
    assert "<script>" not in svg and "<img" not in svg
    assert "&#60;img" in svg


def test_no_rows_no_chart():
    assert vs.timeline_svg([], COLOURS) == ""
