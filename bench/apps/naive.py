"""The naive baseline: the app's first-view layers drawn the obvious way with folium.

Full-detail GeoJSON files, one ``folium.GeoJson`` each with folium's defaults (no styles, no
simplification), the map rebuilt on every run and handed to ``st_folium`` with its defaults
(every value returned, so a click sends the clicked feature back with its geometry), and the
app's panel (same HTML, same record store) beside it. Leaflet and jQuery are served by this
server (``./static/vendor``), so it runs offline like the app. Records: ``OBSTACLES_CSV``.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import folium  # noqa: E402
import streamlit as st  # noqa: E402
from branca.element import MacroElement  # noqa: E402
from jinja2 import Template  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from layers.catalog import load_catalog  # noqa: E402
from records import Border, CsvStore, RecordIndex  # noqa: E402
from ui import panel  # noqa: E402

GEODATA = ROOT / "geodata"
#: What the app draws on its first view: base map, water, then its switched-on layers.
FILES = (
    "basemap.geojson",
    "water.geojson",
    "regio_deals.geojson",
    "borders.geojson",
    "pipelines.geojson",
    "rail.geojson",
    "bus_lines.geojson",
    "ports.geojson",
    "info_points.geojson",
)
VENDOR = "/app/static/vendor"


class _IconPath(MacroElement):
    _template = Template(
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = {{ this.path|tojson }};{% endmacro %}"
    )

    def __init__(self, path):
        super().__init__()
        self._name = "IconPath"
        self.path = path


class OfflineMap(folium.Map):
    """folium.Map with Leaflet and jQuery from this server instead of a CDN."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_js = [("leaflet", f"{VENDOR}/leaflet/leaflet.js"), ("jquery", f"{VENDOR}/jquery/jquery.min.js")]
        self.default_css = [("leaflet_css", f"{VENDOR}/leaflet/leaflet.css")]
        _IconPath(f"{VENDOR}/leaflet/images/").add_to(self)


@st.cache_data
def geojson(name):
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@st.cache_resource
def catalog():
    return load_catalog(GEODATA)


@st.cache_resource
def store():
    cat = catalog()
    return CsvStore(os.environ.get("OBSTACLES_CSV", ROOT / "obstacles.csv"), known_feature_ids=frozenset(cat.features))


st.set_page_config(page_title="Naive", layout="wide")
records = store()
index = RecordIndex(records.snapshot().summaries)

m = OfflineMap(tiles=None)
for name in FILES:
    folium.GeoJson(geojson(name), name=name).add_to(m)
m.fit_bounds([[50.67, 3.28], [53.32, 7.31]])  # the app's home view

map_col, panel_col = st.columns([5, 2])
with map_col:
    out = st_folium(m, key="map", height=700, use_container_width=True)
clicked = (((out or {}).get("last_active_drawing") or {}).get("properties") or {}).get("id")
if clicked:
    st.session_state["selected"] = clicked

with panel_col:
    feature = catalog().get(st.session_state.get("selected"))
    if feature is None:
        st.info("Klik op een grens, lijn, punt of gebied.")
    else:
        tied = index.for_feature(feature.id)
        sections = [(f"Belemmeringen en initiatieven ({len(tied)})", tied)]
        if feature.layer == "borders":
            for border in feature.borders:
                others = index.on_border(Border.parse(border), exclude=tied)
                sections.append((f"Hele grens {border} ({len(others)})", others))
        shown = list(dict.fromkeys(s.id for _, listed in sections for s in listed[:10]))
        full = records.get(shown)
        history = {i: records.history(i) for i in shown}
        parts = [panel.PANEL_CSS, panel.feature_card(feature, "nl")]
        parts += [panel.records_section(title, listed, full, history, "nl", 10) for title, listed in sections]
        st.html("".join(parts))
