"""Checks on the committed line and point layers (bus lines, pipelines, ports); areas: test_geodata_areas.py.

Reads only the GeoJSON files in ``geodata/`` with json + shapely; no build dependencies.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

GEODATA = Path(__file__).resolve().parent.parent / "geodata"

LAYERS = {
    "bus_lines.geojson": "bus",
    "pipelines.geojson": "pipeline",
    "ports.geojson": "port",
}

REQUIRED_IDS = """
bus:350-maastricht-aachen bus:42-brugge-breskens bus:62-maastricht-tongeren bus:20a-maastricht-hasselt
bus:22-sint-niklaas-hulst bus:1-venlo-kaldenkirchen bus:sb58-emmerich-nijmegen bus:c11-aalten-bocholt
bus:snelbus-groningen-leer bus:44-aachen-heerlen bus:364-roermond-heinsberg bus:19-hulst-antwerpen-breda
pipeline:rrp pipeline:rapl pipeline:arg-ethylene pipeline:dow-terneuzen-antwerp-botlek pipeline:h2-sas-van-gent-zelzate
pipeline:delta-rhine-corridor pipeline:gts-oude-statenzijl pipeline:gts-winterswijk pipeline:gts-zevenaar
pipeline:gts-bocholtz pipeline:gts-zelzate pipeline:gts-hilvarenbeek pipeline:gts-zandvliet
port:north-sea-port-vlissingen port:north-sea-port-terneuzen port:north-sea-port-gent port:antwerp-bruges
port:rotterdam port:moerdijk port:groningen-seaports-delfzijl port:groningen-seaports-eemshaven port:emden
port:duisburg
""".split()  # noqa: SIM905

#: The bilingual text contract of every layer.
REQUIRED_PROPS = (
    "id",
    "name_nl",
    "name_en",
    "border",
    "description_nl",
    "description_en",
    "source",
    "geometry_quality",
    "geometry_note_nl",
    "geometry_note_en",
)
LAYER_PROPS = {
    "bus": ("line", "termini", "crossing", "status"),
    "pipeline": ("product_nl", "product_en", "operator", "status", "kind"),
    "port": ("operator",),
}
GEOM_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
BORDERS = {"NL-BE", "NL-DE", "NL-BE;NL-DE"}
#: 50 m in degrees (latitude ~51 N: 1 degree lon ~ 70 km, lat ~ 111 km); use the stricter longitude scale.
M50 = 50 / 111_000


@cache
def load(name: str) -> dict:
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@cache
def borders() -> dict[str, object]:
    feats = {f["properties"]["id"]: shape(f["geometry"]) for f in load("borders.geojson")["features"]}
    return {"NL-BE": feats["border:nl-be"], "NL-DE": feats["border:nl-de"]}


@cache
def basemap() -> dict[str, object]:
    return {f["properties"]["id"]: shape(f["geometry"]) for f in load("basemap.geojson")["features"]}


def features(name: str) -> list[dict]:
    return load(name)["features"]


def all_coords(geom: dict) -> list:
    return shapely.get_coordinates(shape(geom)).tolist()


@pytest.mark.parametrize("name", LAYERS)
def test_rfc7946_shape(name: str) -> None:
    data = load(name)
    assert data["type"] == "FeatureCollection"
    assert data["features"], name
    for f in data["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] in GEOM_TYPES
        geom = shape(f["geometry"])
        assert geom.is_valid, (f["properties"]["id"], shapely.is_valid_reason(geom))
        assert not geom.is_empty
        for lon, lat in all_coords(f["geometry"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert 2 <= lon <= 10 and 49 <= lat <= 54.5, (f["properties"]["id"], lon, lat)


@pytest.mark.parametrize("name", LAYERS)
def test_ids_and_properties(name: str) -> None:
    prefix = LAYERS[name]
    ids = [f["properties"]["id"] for f in features(name)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for f in features(name):
        p = f["properties"]
        assert p["id"].startswith(prefix + ":"), p["id"]
        required = REQUIRED_PROPS
        for key in required + LAYER_PROPS[prefix]:
            assert key in p and str(p[key]).strip(), (p["id"], key)
        assert p["border"] in BORDERS, p["id"]
        assert p["geometry_quality"] in {"exact", "generalised", "approximate", "schematic"}, p["id"]
        for value in p.values():
            assert isinstance(value, (str, int, float)), (p["id"], value)


def test_required_ids_exist() -> None:
    have = {f["properties"]["id"] for name in LAYERS for f in features(name)}
    missing = [i for i in REQUIRED_IDS if i not in have]
    assert not missing, missing


def test_counts() -> None:
    assert len(features("bus_lines.geojson")) >= 25
    assert len(features("pipelines.geojson")) >= 10
    assert len(features("ports.geojson")) >= 8
    pipes = [f for f in features("pipelines.geojson") if f["properties"]["kind"] == "pipeline"]
    assert len(pipes) >= 6


def test_bus_lines_cross_their_border() -> None:
    lines = borders()
    both = {"NL-BE", "NL-DE"}
    for f in features("bus_lines.geojson"):
        p = f["properties"]
        geom = shape(f["geometry"])
        assert geom.geom_type in ("LineString", "MultiLineString")
        assert p["geometry_quality"] == "schematic"
        assert p["status"] in ("running", "discontinued")
        crossed = {code for code in both if geom.intersects(lines[code])}
        assert crossed, p["id"]
        assert set(p["border"].split(";")) <= crossed, (p["id"], crossed)


def test_pipelines_cross_or_sit_on_the_border() -> None:
    lines = borders()
    for f in features("pipelines.geojson"):
        p = f["properties"]
        geom = shape(f["geometry"])
        assert p["status"] in ("operating", "planned")
        if p["kind"] == "pipeline":
            assert geom.geom_type in ("LineString", "MultiLineString")
            for code in p["border"].split(";"):
                assert geom.intersects(lines[code]), (p["id"], code)
        else:
            assert p["kind"] == "interconnection_point"
            assert geom.geom_type == "Point"
            assert min(geom.distance(lines[c]) for c in p["border"].split(";")) < M50, p["id"]


def test_pipeline_statuses() -> None:
    by_id = {f["properties"]["id"]: f["properties"] for f in features("pipelines.geojson")}
    assert by_id["pipeline:delta-rhine-corridor"]["status"] == "planned"
    assert by_id["pipeline:rrp"]["status"] == "operating"


def test_ports_are_points() -> None:
    for f in features("ports.geojson"):
        assert f["geometry"]["type"] == "Point"


def test_file_sizes_sane() -> None:
    total = sum((GEODATA / name).stat().st_size for name in LAYERS)
    assert total < 3_000_000, total
