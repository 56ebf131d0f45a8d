"""The offline base map: land and the three countries drawn from a small GeoJSON file.

It is a base layer (radio button); OpenStreetMap tiles are offered beside it for users
who are online, and are never loaded unless chosen.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import folium

from i18n import t

KIND = "basemap"
SEA_COLOR = "#cfe3f3"
FILLS = {"basemap:land": "#f4f1ea", "basemap:nl": "#fbfaf6", "basemap:be": "#efece3", "basemap:de": "#efece3"}


def load(path: Path) -> dict[str, Any]:
    """Read the basemap file, land first so that the countries are drawn over it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"].sort(key=lambda f: f["properties"]["id"] != "basemap:land")
    return data


def _style(feature: dict[str, Any]) -> dict[str, Any]:
    fid = feature["properties"]["id"]
    return {
        "color": "#a9a39a",
        "weight": 0 if fid == "basemap:land" else 0.8,
        "fillColor": FILLS.get(fid, "#f4f1ea"),
        "fillOpacity": 1.0,
        "interactive": False,
    }


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the offline base layer (not clickable)."""
    group = folium.FeatureGroup(name=t("layer.basemap", lang), overlay=False, control=True, show=True)
    folium.GeoJson(collection, style_function=_style, interactive=False, control=False).add_to(group)
    return group


def online_tiles(lang: str = "nl") -> folium.TileLayer:
    """OpenStreetMap tiles as an optional base layer: only requested when a user picks it."""
    return folium.TileLayer(
        "OpenStreetMap",
        name=t("layer.osm", lang),
        overlay=False,
        control=True,
        show=False,
    )
