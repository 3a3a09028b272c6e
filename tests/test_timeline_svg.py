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


def test_each_drawn_bar_part_is_marked_with_its_month_kind_and_count():
    rows = [{"month": "2023-01", "kind": "visit", "count": 2},
            {"month": "2023-01", "kind": "partnership", "count": 0},  # nothing to draw
            {"month": "2023-04", "kind": "partnership", "count": 5}]
    svg = vs.timeline_svg(rows, COLOURS)
    assert svg.count('class="timeline-bar"') == svg.count("<rect") == 2
    assert 'data-month="2023-01" data-kind="visit" data-count="2"' in svg
    assert 'data-month="2023-04" data-kind="partnership" data-count="5"' in svg


def test_data_cannot_leave_its_attribute_or_break_the_markdown_block():
    # The page renders this through st.markdown(unsafe_allow_html=True): a quote would end a data
    # attribute, and a blank line would end the raw HTML block and turn the rest into markdown.
    rows = [{"month": "2023-01", "kind": 'x" onmouseover="alert(1)\n\n# heading', "count": 1}]
    svg = vs.timeline_svg(rows, COLOURS)
    assert "\n" not in svg
    assert '"' not in svg.split('data-kind="', 1)[1].split('" data-count', 1)[0]
    assert 'onmouseover="' not in svg and "&#34; onmouseover=" in svg  # text inside the value
