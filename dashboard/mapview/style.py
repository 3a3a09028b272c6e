"""Colours and dashes shared by the map, its legend and the page's timeline."""

ROLE_COLOURS = {"home": "#0a6e99", "partner": "#d1495b", "mentioned": "#8a8f98"}
# Colour and dash both differ per kind, so the legend works without colour vision too.
KIND_STYLES: dict[str, dict[str, str | None]] = {
    "partnership": {"color": "#1b9e77", "dash_array": None},
    "visit": {"color": "#7b52ab", "dash_array": "10 7"},
    "meeting": {"color": "#e08e0b", "dash_array": "2 7"},
}
