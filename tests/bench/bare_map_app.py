"""The floor for the dashboard benchmark: a bare ``st_folium`` page with N CircleMarkers and nothing else.

    BENCH_MARKERS=500 streamlit run <copy of this file next to a static/ folder holding leaflet/>

Same Streamlit, same component, same local Leaflet and the same number of markers as the project's
map, but no basemap, lines, sidebar, panel or analysis: whatever the dashboard costs above this page
is its own. bench_dashboard.py copies this file into a temporary folder beside a link to
dashboard/static, because Streamlit serves static/ from next to the script it runs.
"""

from __future__ import annotations

import os
import random

import folium
import streamlit as st
from streamlit_folium import st_folium

MARKERS = int(os.environ.get("BENCH_MARKERS", "10"))
HEIGHT = 620

st.set_page_config(page_title="bare st_folium", layout="wide")
rng = random.Random(7)  # the same points on every run
fmap = folium.Map(location=[42.3, 69.6], zoom_start=3, tiles=None)
fmap.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]  # offline, as the dashboard
fmap.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
for i in range(MARKERS):
    folium.CircleMarker([rng.uniform(-50, 65), rng.uniform(-120, 150)], radius=6, fill=True,
                        tooltip=f"marker {i}").add_to(fmap)
st_folium(fmap, key="map", height=HEIGHT, use_container_width=True,
          returned_objects=["last_object_clicked_tooltip"])
