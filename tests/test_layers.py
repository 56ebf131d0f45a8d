"""Layers: every registered layer builds and renders; display data is small, escaped and faithful."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import shape

from i18n import TEXTS
from layers import mapdata, registry, specs
from layers.catalog import GeodataError, load_catalog
from layers.mapview import build_map, map_config

GEODATA = Path(__file__).resolve().parents[1] / "geodata"
GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(GEODATA)


@pytest.mark.parametrize("spec", specs.LAYERS, ids=lambda s: s.kind)
def test_every_layer_is_styled_published_and_in_the_legend(spec, catalog, tmp_path: Path) -> None:
    module = registry.MODULES[spec.kind]
    assert module.__doc__ and module.LEGEND
    assert all(e.key in TEXTS for e in module.LEGEND) and f"layer.{spec.kind}" in TEXTS
    styled = mapdata.styled_layer(catalog, spec.kind)
    assert styled["features"] and all("color" in f["properties"]["s"] for f in styled["features"])
    files = mapdata.publish_map_files(catalog, GEODATA, tmp_path)
    published = json.loads((tmp_path / files.layers[spec.kind].removeprefix("/app/static/")).read_text())
    assert {f["properties"]["id"] for f in published["features"]} == {f.id for f in catalog.layer(spec.kind)}
    config = map_config(files, catalog)
    assert spec.kind in {layer["kind"] for layer in config["layers"]}


def test_the_map_script_does_not_depend_on_language_or_state(catalog, tmp_path: Path) -> None:
    files = mapdata.publish_map_files(catalog, GEODATA, tmp_path)
    first = build_map(files, catalog).get_root().render()
    assert build_map(files, catalog).get_root().render().count("bp.init") == first.count("bp.init") == 1
    assert "Landsgrenzen" in first and "National borders" in first  # both languages, switched in the browser


def test_unknown_layer_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known: \\['borders'"):
        specs.get("railways")


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


def test_display_properties_are_small_and_language_free(tmp_path: Path) -> None:
    catalog = load_catalog(geodata_with_first_port(tmp_path, name_en="<img src=x onerror=alert(1)>"))
    props = catalog.display["ports"]["features"][0]["properties"]
    assert set(props) <= {"id", "n", "q", "a", "km"}
    assert props["n"]["en"] == "<img src=x onerror=alert(1)>"  # plain text: the browser sets it as text


def test_bad_geodata_is_refused_with_file_and_feature(tmp_path: Path) -> None:
    with pytest.raises(GeodataError, match=r"ports\.geojson: id 'harbour:x' must start with 'port:'"):
        load_catalog(geodata_with_first_port(tmp_path, id="harbour:x"))


def test_vendored_files_are_replaced_whole_never_rewritten_in_place(tmp_path: Path) -> None:
    """Two servers may start at once, and a page may be loading Leaflet meanwhile: a file is copied
    beside its target and renamed over it, so a reader never sees half of one."""
    from layers.assets import VENDOR_FILES, ensure_vendor_assets

    written = ensure_vendor_assets(tmp_path)
    assert len(written) == len(VENDOR_FILES)
    assert ensure_vendor_assets(tmp_path) == []  # up to date: nothing written
    source, relative = VENDOR_FILES[0]
    target = tmp_path / "vendor" / relative
    target.write_bytes(b"stale")
    with target.open("rb") as reader:  # a page loading the old file while a server starts
        assert ensure_vendor_assets(tmp_path) == [target]
        assert reader.read() == b"stale"  # its file was not truncated under it
    assert target.read_bytes() == source.read_bytes()
    assert not [p for p in tmp_path.rglob("*.tmp")]
