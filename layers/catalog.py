"""Load the geodata files into validated ``MapFeature`` objects and display-ready GeoJSON."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from i18n import LANGUAGES, fact_key
from layers.specs import LAYERS, LayerSpec

#: Display coordinates are rounded to 1e-5 degrees (about 1 m).
DISPLAY_GRID = 1e-5
#: The feature-text contract (DESIGN.md, "Languages"): every feature names and describes itself in both
#: languages, says where its facts come from and how good its geometry is.
REQUIRED_PROPERTIES = (
    "id",
    "name_nl",
    "name_en",
    "border",
    "description_nl",
    "description_en",
    "source",
    "geometry_quality",
)
QUALITIES = ("exact", "generalised", "approximate", "schematic")
#: Properties that are not facts to list in the panel: the text contract, and keys only the
#: map's style reads. Every other property is a fact with a label (``i18n.fact_key``).
NOT_FACTS = frozenset(
    {*REQUIRED_PROPERTIES, "name", "description", "geometry_note", "geometry_note_nl", "geometry_note_en", "kind"}
    | {"country", "minzoom"}
)


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
        """The English name (ids, logs, exports); the interface uses :meth:`name_in`."""
        return self.name_in("en")

    def name_in(self, lang: str) -> str:
        """The feature's name in ``lang`` ("nl" or "en"), falling back to the other language.

        >>> MapFeature("x:1", "x", {"name_nl": "Haven", "name_en": "Port"}, None).name_in("nl")
        'Haven'
        """
        return self._text("name", lang)

    def description_in(self, lang: str) -> str:
        """The feature's description in ``lang``, falling back to the other language."""
        return self._text("description", lang)

    def _text(self, key: str, lang: str) -> str:
        other = "en" if lang == "nl" else "nl"
        for candidate in (f"{key}_{lang}", f"{key}_{other}", key):
            value = self.properties.get(candidate)
            if value not in (None, ""):
                return str(value)
        return ""

    def facts(self, lang: str) -> list[tuple[str, Any]]:
        """The feature's facts to list, in file order: ``(text key of the label, value)``; a fact
        given per language (``product_nl``/``product_en``) appears once, in ``lang``."""
        out = []
        for key, value in self.properties.items():
            if key in NOT_FACTS or value in (None, "") or key.endswith("_en" if lang == "nl" else "_nl"):
                continue
            out.append((fact_key(key), value))
        return out

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
        return self._display_by_id.get(feature_id)

    @functools.cached_property
    def _display_by_id(self) -> dict[str, dict[str, Any]]:
        return {f["properties"]["id"]: f for collection in self.display.values() for f in collection["features"]}


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
    if props["geometry_quality"] not in QUALITIES:
        raise GeodataError(
            f"{filename}: feature {props['id']!r} has unknown geometry_quality {props['geometry_quality']!r}"
        )
    try:
        geometry = shape(raw["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise GeodataError(f"{filename}: feature {props['id']!r} has no readable geometry ({exc})") from None
    return MapFeature(str(props["id"]), spec.kind, dict(props), geometry)


def display_collection(features: list[MapFeature], tolerance: float, grid: float = DISPLAY_GRID) -> dict[str, Any]:
    """Return a small, language-free FeatureCollection: simplified geometry and what the map needs.

    Each geometry is simplified on its own with ``preserve_topology`` (areas of one layer
    overlap, so they are not a coverage); at display tolerances the seams stay sub-pixel.
    Properties: ``id``, ``n`` (name in each language), ``q`` (geometry quality), ``a`` (anchor,
    lat/lon, for the badge), ``km`` (measured length of a land border). The browser escapes
    the names itself (it sets them as text), so no HTML is made here.
    """
    out = []
    for feature in features:
        geom = feature.geometry
        if tolerance and geom.geom_type != "Point":
            geom = shapely.simplify(geom, tolerance, preserve_topology=True)
        geom = shapely.set_precision(geom, grid)
        out.append({"type": "Feature", "properties": _display_properties(feature), "geometry": mapping(geom)})
    return {"type": "FeatureCollection", "features": out}


def _display_properties(feature: MapFeature) -> dict[str, Any]:
    props: dict[str, Any] = {
        "id": feature.id,
        "n": {lang: feature.name_in(lang) for lang in LANGUAGES},
        "q": feature.quality,
        "a": list(feature.anchor_latlon),
    }
    if feature.properties.get("kind") == "land_border":
        props["km"] = round(float(feature.properties["length_km"]), 1)
    return props
