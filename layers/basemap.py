"""The offline base map: land, the three countries and water, plus optional online tiles.

The offline map is always drawn (in a pane below the tiles), so choosing an online base map
never leaves a blank map when the connection drops: the tiles simply cover it while they load.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEA_COLOR = "#cfe3f3"
RIVER_COLOR = "#9cc3e4"
FILLS = {"basemap:land": "#f4f1ea", "basemap:nl": "#fbfaf6", "basemap:be": "#efece3", "basemap:de": "#efece3"}


@dataclass(frozen=True)
class TileSource:
    """An online base map offered in the layer control (never needed, never loaded unless chosen)."""

    key: str  # text key of its name
    url: str
    attribution: str
    max_native_zoom: int = 19


#: PDOK's BRT-Achtergrondkaart (the Dutch government's standard base map, CC BY 4.0) and OSM.
TILES: tuple[TileSource, ...] = (
    TileSource(
        "layer.pdok",
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
        'Kaartgegevens © <a href="https://www.kadaster.nl">Kadaster</a> (BRT-Achtergrondkaart, CC BY 4.0)',
    ),
    TileSource(
        "layer.osm",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
)


def load(path: Path) -> dict[str, Any]:
    """Read the basemap file, land first so that the countries are drawn over it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"].sort(key=lambda f: f["properties"]["id"] != "basemap:land")
    return data


def base_style(properties: Mapping[str, Any]) -> dict[str, Any]:
    """Leaflet style of a base-map feature (land and the three countries)."""
    fid = properties.get("id", "")
    return {
        "color": "#a9a39a",
        "weight": 0 if fid == "basemap:land" else 0.8,
        "fillColor": FILLS.get(fid, "#f4f1ea"),
        "fillOpacity": 1.0,
    }


def water_style(properties: Mapping[str, Any]) -> dict[str, Any]:
    """Leaflet style of a water feature: lakes and estuaries filled like the sea, rivers as lines."""
    if properties.get("kind") == "river":
        return {"color": RIVER_COLOR, "weight": float(properties.get("width", 2)), "opacity": 1.0, "fill": False}
    return {"color": SEA_COLOR, "weight": 0.5, "fillColor": SEA_COLOR, "fillOpacity": 1.0}
