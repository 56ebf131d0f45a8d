"""The files the browser fetches for the map: one compact JSON per layer, the base map, water
and place labels, each published once under a content-addressed URL (see :mod:`layers.assets`).

Data flows one way: geodata files → :class:`~layers.catalog.Catalog` (validated, simplified)
→ here (styled, serialised) → the browser. Nothing here depends on the interface language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from layers import basemap, registry
from layers.assets import WEB_DIR, publish, publish_web_file
from layers.catalog import Catalog
from layers.specs import LAYERS

#: Optional data files in the geodata folder: drawn when present.
WATER_FILE = "water.geojson"
#: Place labels: (file, zoom from which the browser fetches it). Villages load only when zoomed in.
PLACES_FILES = (("places.geojson", 0), ("places_detail.geojson", 10))


@dataclass(frozen=True)
class MapFiles:
    """URLs of everything the map loads, by role, and the folder they were published in."""

    static_dir: Path
    script: str
    css: str
    base: str
    layers: Mapping[str, str]
    water: str | None = None
    places: tuple[tuple[str, float], ...] = field(default_factory=tuple)  # (url, fetch from zoom)


def compact_json(data: Any) -> bytes:
    """Serialise for the wire: no spaces, UTF-8, keys sorted (identical input, identical bytes)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def styled_layer(catalog: Catalog, kind: str) -> dict[str, Any]:
    """Return layer ``kind``'s display collection with each feature's Leaflet style (``s``)."""
    style = registry.style(kind)
    features = []
    for feature in catalog.display[kind]["features"]:
        source = catalog.features[feature["properties"]["id"]]
        features.append({**feature, "properties": {**feature["properties"], "s": style(source.properties)}})
    return {"type": "FeatureCollection", "features": features}


def _styled_file(path: Path, style: Any, keep: tuple[str, ...] = ("id", "kind", "minzoom")) -> dict[str, Any]:
    """A background file with each feature's style and only the properties the map reads."""
    data = json.loads(path.read_text(encoding="utf-8"))
    features = [
        {
            **f,
            "properties": {
                **{k: f["properties"][k] for k in keep if k in f["properties"]},
                "s": style(f["properties"]),
            },
        }
        for f in data["features"]
    ]
    return {"type": "FeatureCollection", "features": features}


def _labels(path: Path) -> dict[str, Any]:
    """Place labels as the map reads them: name (and names by language), rank, the zoom they show from."""
    data = json.loads(path.read_text(encoding="utf-8"))
    keep = ("name", "n", "rank", "minzoom")
    features = [
        {
            "type": "Feature",
            "properties": {k: f["properties"][k] for k in keep if k in f["properties"]},
            "geometry": f["geometry"],
        }
        for f in data["features"]
    ]
    return {"type": "FeatureCollection", "features": features}


def publish_map_files(catalog: Catalog, geodata_dir: Path, static_dir: Path) -> MapFiles:
    """Write every file the map needs into ``static_dir`` (once per content) and return their URLs."""
    layers = {
        spec.kind: publish(static_dir, f"{spec.kind}.json", compact_json(styled_layer(catalog, spec.kind)))
        for spec in LAYERS
    }
    base = basemap.load(geodata_dir / "basemap.geojson")
    for feature in base["features"]:
        feature["properties"]["s"] = basemap.base_style(feature["properties"])
    water_path = geodata_dir / WATER_FILE
    water = (
        publish(static_dir, "water.json", compact_json(_styled_file(water_path, basemap.water_style)))
        if water_path.exists()
        else None
    )
    places = tuple(
        (publish(static_dir, name.replace(".geojson", ".json"), compact_json(_labels(geodata_dir / name))), zoom)
        for name, zoom in PLACES_FILES
        if (geodata_dir / name).exists()
    )
    base_url = publish(static_dir, "basemap.json", compact_json(base))
    first_view = [base_url, *([water] if water else []), *(url for url, zoom in places if zoom == 0)]
    first_view += [layers[spec.kind] for spec in LAYERS if spec.show]
    return MapFiles(
        static_dir=static_dir,
        script=publish(static_dir, "map.js", map_script(first_view)),
        css=publish_web_file(static_dir, "map.css"),
        base=base_url,
        layers=layers,
        water=water,
        places=places,
    )


def map_script(prefetch: list[str]) -> bytes:
    """The map's script (``layers/web/map.js``), ending with a request for the ``prefetch`` URLs.

    It is the first script the map loads: the data of the first view then downloads while
    Leaflet is still on its way (the scripts load one after another).

    >>> map_script(["/app/static/app/1/basemap.json"]).decode().splitlines()[-1]
    'window.bp.prefetch(["/app/static/app/1/basemap.json"]);'
    """
    return (WEB_DIR / "map.js").read_bytes().rstrip() + b"\nwindow.bp.prefetch(" + compact_json(prefetch) + b");\n"
