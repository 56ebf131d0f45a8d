"""Contract of geodata/borders.geojson and basemap.geojson (foundation issue)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import shape

GEODATA = Path(__file__).resolve().parents[1] / "geodata"
GEOD = Geod(ellps="WGS84")


def load(name: str) -> dict:
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def borders() -> dict[str, dict]:
    return {f["properties"]["id"]: f for f in load("borders.geojson")["features"]}


def test_feature_collection_follows_rfc7946(borders: dict[str, dict]) -> None:
    data = load("borders.geojson")
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946: WGS84 only, no crs member
    ids = [f["properties"]["id"] for f in data["features"]]
    assert len(ids) == len(set(ids))
    for feature in data["features"]:
        geom = shape(feature["geometry"])
        assert geom.is_valid, feature["properties"]["id"]
        west, south, east, north = geom.bounds
        assert west > 3.0 and east < 7.5 and south > 50.5 and north < 53.6
        if geom.geom_type == "Polygon":  # exterior counter-clockwise (RFC 7946 3.1.6)
            assert shapely.is_ccw(geom.exterior)
        for key in (
            "id",
            "name_nl",
            "name_en",
            "border",
            "description_nl",
            "description_en",
            "geometry_note_nl",
            "geometry_note_en",
            "source",
            "geometry_quality",
            "length_km",
        ):
            assert feature["properties"].get(key) not in (None, ""), (feature["properties"]["id"], key)


@pytest.mark.parametrize(("feature_id", "official_km"), [("border:nl-be", 460), ("border:nl-de", 580)])
def test_land_border_length_within_two_percent(borders: dict[str, dict], feature_id: str, official_km: float) -> None:
    line = shape(borders[feature_id]["geometry"])
    measured = GEOD.geometry_length(line) / 1000
    assert abs(measured - official_km) / official_km < 0.02, measured
    assert borders[feature_id]["properties"]["length_km"] == pytest.approx(measured, abs=0.1)
    # the official round figure is kept beside the measured one, with its source
    assert borders[feature_id]["properties"]["official_length_km"] == official_km
    assert "2021" in borders[feature_id]["properties"]["official_length_source"]


def test_borders_end_at_the_sea(borders: dict[str, dict]) -> None:
    be = shape(borders["border:nl-be"]["geometry"])
    de = shape(borders["border:nl-de"]["geometry"])
    zwin, dollard, vaalserberg = (
        shapely.Point(3.3662, 51.3692),
        shapely.Point(7.2089, 53.2432),
        shapely.Point(6.0210, 50.7543),
    )
    assert min(shapely.Point(be.coords[0]).distance(p) for p in (zwin, vaalserberg)) < 0.001
    assert shapely.Point(be.coords[-1]).distance(zwin) < 0.001
    assert shapely.Point(de.coords[0]).distance(dollard) < 0.001


def test_baarle_enclaves_on_both_sides(borders: dict[str, dict]) -> None:
    enclaves = [f for f in borders.values() if f["properties"].get("kind") == "enclave"]
    belgian = [f for f in enclaves if f["properties"]["country"] == "BE"]
    dutch = [f for f in enclaves if f["properties"]["country"] == "NL"]
    # 22 Belgian enclaves (two touching ones form one polygon) and 8 Dutch ones.
    assert len(belgian) == 21
    assert len(dutch) == 8
    h8 = borders["border:baarle-be-02"]["properties"]
    assert h8["official_code"] == "H8" and h8["area_km2"] == pytest.approx(0.4188, abs=0.002)
    h1 = shape(borders["border:baarle-be-01"]["geometry"])
    assert len(h1.interiors) == 6  # six Dutch counter-enclaves inside H1
    counter = [shape(f["geometry"]) for f in dutch]
    h1_outline = shapely.Polygon(h1.exterior)
    assert sum(h1_outline.contains(c.representative_point()) for c in counter) == 6


def test_basemap_has_land_and_three_countries() -> None:
    ids = {f["properties"]["id"] for f in load("basemap.geojson")["features"]}
    assert ids == {"basemap:land", "basemap:nl", "basemap:be", "basemap:de"}
    assert (GEODATA / "basemap.geojson").stat().st_size < 400_000
