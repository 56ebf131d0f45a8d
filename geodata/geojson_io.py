"""Deterministic GeoJSON writing shared by the build steps (RFC 7946, WGS84)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shapely
from pyproj import Geod
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

GEOD = Geod(ellps="WGS84")

#: Coordinates are stored on a 1e-6 degree grid (about 0.1 m): full source detail, no float noise.
STORE_GRID = 1e-6


def length_km(geom: BaseGeometry) -> float:
    """Return the geodesic length of a (multi)line or ring outline on the WGS84 ellipsoid."""
    return GEOD.geometry_length(geom) / 1000.0


def area_km2(geom: BaseGeometry) -> float:
    """Return the geodesic area of a (multi)polygon in square kilometres."""
    area, _perimeter = GEOD.geometry_area_perimeter(shapely.orient_polygons(geom))
    return abs(area) / 1e6


def feature(geom: BaseGeometry, properties: dict[str, Any]) -> dict[str, Any]:
    """Return a GeoJSON Feature with counter-clockwise exteriors (RFC 7946 section 3.1.6)."""
    geom = shapely.set_precision(geom, STORE_GRID)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        geom = shapely.orient_polygons(geom)
    return {"type": "Feature", "properties": properties, "geometry": mapping(geom)}


def write_collection(path: Path, features: list[dict[str, Any]], **members: Any) -> None:
    """Write a FeatureCollection with features sorted by id, one feature per line."""
    features = sorted(features, key=lambda f: f["properties"]["id"])
    head = {"type": "FeatureCollection", **members}
    lines = [json.dumps(f, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for f in features]
    text = (
        json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "features": [\n' + ",\n".join(lines) + "\n]}\n"
    )
    path.write_text(text, encoding="utf-8")
