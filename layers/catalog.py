"""Load the geodata files into validated ``MapFeature`` objects and display-ready GeoJSON."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from i18n import LANGUAGES, t
from layers.specs import LAYERS, LayerSpec

#: Display coordinates are rounded to 1e-5 degrees (about 1 m).
DISPLAY_GRID = 1e-5
REQUIRED_PROPERTIES = ("id", "name", "border", "source", "geometry_quality")


class GeodataError(ValueError):
    """A geodata file does not follow the data model; the message names file and feature."""


@dataclass(frozen=True)
class MapFeature:
    """One clickable thing on the map: a border, bus line, pipeline, port or area."""

    id: str
    layer: str
    properties: Mapping[str, Any]
    geometry: BaseGeometry = field(repr=False)

    @property
    def name(self) -> str:
        return str(self.properties["name"])

    @property
    def borders(self) -> tuple[str, ...]:
        return tuple(b for b in str(self.properties["border"]).split(";") if b)

    @property
    def quality(self) -> str:
        return str(self.properties["geometry_quality"])

    @property
    def anchor_latlon(self) -> tuple[float, float]:
        """A point on the feature (lat, lon): where its badge goes and what the tour zooms to."""
        geom = self.geometry
        if geom.geom_type in ("LineString", "MultiLineString"):
            point = shapely.line_interpolate_point(shapely.line_merge(geom), 0.5, normalized=True)
            if point.is_empty:
                point = geom.representative_point()
        else:
            point = geom.representative_point()
        return (round(point.y, 5), round(point.x, 5))

    @property
    def bounds_latlon(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """((south, west), (north, east)) in Leaflet order."""
        west, south, east, north = self.geometry.bounds
        return ((south, west), (north, east))


@dataclass(frozen=True)
class Catalog:
    """All map features, by id and by layer, plus the simplified GeoJSON each layer draws."""

    features: Mapping[str, MapFeature]
    display: Mapping[str, dict[str, Any]]
    #: {feature id: (lat, lon)} of every feature's anchor point (badges, tour).
    anchors: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def layer(self, kind: str) -> list[MapFeature]:
        return [f for f in self.features.values() if f.layer == kind]

    def get(self, feature_id: str | None) -> MapFeature | None:
        return self.features.get(feature_id) if feature_id else None

    def display_feature(self, feature_id: str) -> dict[str, Any] | None:
        """Return the simplified GeoJSON feature drawn for ``feature_id`` (for highlights)."""
        feature = self.features.get(feature_id)
        if feature is None:
            return None
        return next(f for f in self.display[feature.layer]["features"] if f["properties"]["id"] == feature_id)


def load_catalog(geodata_dir: Path, layers: Iterable[LayerSpec] = LAYERS) -> Catalog:
    """Read every registered layer file, validate it and prepare its display geometry."""
    features: dict[str, MapFeature] = {}
    display: dict[str, dict[str, Any]] = {}
    for spec in layers:
        path = geodata_dir / spec.filename
        loaded = [_to_feature(raw, spec, path.name) for raw in _read_features(path)]
        for feature in loaded:
            if feature.id in features:
                raise GeodataError(f"{path.name}: duplicate feature id {feature.id!r}")
            features[feature.id] = feature
        display[spec.kind] = display_collection(loaded, spec.tolerance, spec.grid)
    return Catalog(features, display, {fid: f.anchor_latlon for fid, f in features.items()})


def _read_features(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GeodataError(f"missing geodata file {path}; rebuild with `python -m geodata.build`") from None
    except json.JSONDecodeError as exc:
        raise GeodataError(f"{path.name} is not valid JSON: {exc}") from None
    if data.get("type") != "FeatureCollection":
        raise GeodataError(f"{path.name} must be a GeoJSON FeatureCollection")
    return data["features"]


def _to_feature(raw: dict[str, Any], spec: LayerSpec, filename: str) -> MapFeature:
    props = raw.get("properties") or {}
    missing = [key for key in REQUIRED_PROPERTIES if props.get(key) in (None, "")]
    if missing:
        raise GeodataError(f"{filename}: feature {props.get('id', '?')!r} lacks {', '.join(missing)}")
    if not str(props["id"]).startswith(spec.id_prefix):
        raise GeodataError(f"{filename}: id {props['id']!r} must start with {spec.id_prefix!r}")
    try:
        geometry = shape(raw["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise GeodataError(f"{filename}: feature {props['id']!r} has no readable geometry ({exc})") from None
    return MapFeature(str(props["id"]), spec.kind, dict(props), geometry)


def display_collection(features: list[MapFeature], tolerance: float, grid: float = DISPLAY_GRID) -> dict[str, Any]:
    """Return a small FeatureCollection: simplified geometry and only what the map needs.

    Each geometry is simplified on its own with ``preserve_topology`` (areas of one layer
    overlap, so they are not a coverage); at display tolerances the seams stay sub-pixel.
    Properties are reduced to the id, the style keys and an HTML-escaped tooltip.
    """
    out = []
    for feature in features:
        geom = feature.geometry
        if tolerance and geom.geom_type != "Point":
            geom = shapely.simplify(geom, tolerance, preserve_topology=True)
        geom = shapely.set_precision(geom, grid)
        # A top-level id lets folium key its style map on it instead of adding one to the dict.
        out.append(
            {"type": "Feature", "id": feature.id, "properties": _display_properties(feature), "geometry": mapping(geom)}
        )
    return {"type": "FeatureCollection", "features": out}


#: Properties that style functions read; copied verbatim (they are vocabulary values, not user text).
STYLE_KEYS = ("status", "kind", "border", "geometry_quality", "country")


def _display_properties(feature: MapFeature) -> dict[str, Any]:
    props = {"id": feature.id, **{f"tip_{lang}": tooltip_html(feature, lang) for lang in LANGUAGES}}
    props.update({key: str(feature.properties[key]) for key in STYLE_KEYS if key in feature.properties})
    return props


def tooltip_html(feature: MapFeature, lang: str = "nl") -> str:
    """Return the hover text: the escaped name, plus a note when the geometry is not exact."""
    note = t(f"quality_tip.{feature.quality}", lang) if feature.quality != "exact" else ""
    name = feature.properties.get("name_nl") if lang == "nl" and feature.properties.get("name_nl") else feature.name
    text = f"<b>{html.escape(str(name))}</b>"
    if feature.properties.get("kind") == "land_border":
        text += f" · {float(feature.properties['length_km']):.1f} km"
    if note:
        text += f"<br><i>{html.escape(note)}</i>"
    return text
