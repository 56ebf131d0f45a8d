"""Layers: every registered layer builds and renders; display data is small, escaped and faithful."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import shape

from layers import basemap, registry
from layers.catalog import GeodataError, load_catalog
from layers.mapview import build_map

GEODATA = Path(__file__).resolve().parents[1] / "geodata"
GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(GEODATA)


@pytest.mark.parametrize("spec", registry.LAYERS, ids=lambda s: s.kind)
def test_every_layer_builds_renders_and_documents_itself(spec, catalog) -> None:
    group = spec.build(catalog.display[spec.kind], "en")
    assert group.layer_name
    assert spec.build.__doc__ and spec.legend("en")
    html = build_map(catalog, basemap.load(GEODATA / "basemap.geojson"), "en").get_root().render()
    assert catalog.layer(spec.kind)[0].id in html


def test_unknown_layer_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known: \\['borders'"):
        registry.get("railways")


@pytest.mark.parametrize("feature_id", ["border:nl-be", "border:nl-de"])
def test_display_simplification_keeps_border_length(catalog, feature_id: str) -> None:
    full = GEOD.geometry_length(catalog.get(feature_id).geometry)
    shown = GEOD.geometry_length(shape(catalog.display_feature(feature_id)["geometry"]))
    assert abs(shown - full) / full < 0.005


def geodata_with_first_port(tmp_path: Path, **properties: str) -> Path:
    """A copy of geodata/ whose first port has ``properties`` changed."""
    for path in GEODATA.glob("*.geojson"):
        shutil.copy(path, tmp_path)
    ports = json.loads((tmp_path / "ports.geojson").read_text())
    ports["features"][0]["properties"].update(properties)
    (tmp_path / "ports.geojson").write_text(json.dumps(ports))
    return tmp_path


def test_display_properties_hold_only_escaped_text(tmp_path: Path) -> None:
    catalog = load_catalog(geodata_with_first_port(tmp_path, name_en="<img src=x onerror=alert(1)>"))
    tip = catalog.display["ports"]["features"][0]["properties"]["tip_en"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in tip and "<img" not in tip
    assert set(catalog.display["ports"]["features"][0]["properties"]) <= {
        "id",
        "tip_nl",
        "tip_en",
        "status",
        "kind",
        "border",
        "geometry_quality",
        "country",
    }


def test_bad_geodata_is_refused_with_file_and_feature(tmp_path: Path) -> None:
    with pytest.raises(GeodataError, match=r"ports\.geojson: id 'harbour:x' must start with 'port:'"):
        load_catalog(geodata_with_first_port(tmp_path, id="harbour:x"))
