"""Rail, information points, place labels and water: the committed files keep their promises.

Reads only the GeoJSON files in ``geodata/`` (json + shapely + pyproj); no build dependencies.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from i18n import TEXTS, fact_key

ROOT = Path(__file__).resolve().parents[1]
GEODATA = ROOT / "geodata"
GEOD = Geod(ellps="WGS84")

RAIL_IDS = {
    "rail:groningen-leer",
    "rail:amsterdam-berlin",
    "rail:arnhem-oberhausen",
    "rail:venlo-dusseldorf",
    "rail:eindhoven-dusseldorf",
    "rail:heerlen-aachen",
    "rail:maastricht-liege",
    "rail:roosendaal-antwerpen",
    "rail:hsl-rotterdam-antwerpen",
    "rail:enschede-munster",
    "rail:nijmegen-kleve",
}
GIP_IDS = {
    "gip:aachen-eurode",
    "gip:maastricht",
    "gip:bad-nieuweschans",
    "gip:enschede-gronau",
    "gip:kleve",
    "gip:monchengladbach",
}
#: The text contract of every point and line layer.
CONTRACT = (
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
CONTRACT_FILES = ("borders", "bus_lines", "pipelines", "ports", "rail", "info_points")
#: Keys the panel shows elsewhere (title, text, source line, quality) or that only style the map.
NOT_FACTS = set(CONTRACT) | {"kind"}


@cache
def load(name: str) -> dict:
    return json.loads((GEODATA / f"{name}.geojson").read_text(encoding="utf-8"))


def features(name: str) -> list[dict]:
    return load(name)["features"]


@cache
def border_lines() -> dict[str, object]:
    by_id = {f["properties"]["id"]: shape(f["geometry"]) for f in features("borders")}
    return {"NL-BE": by_id["border:nl-be"], "NL-DE": by_id["border:nl-de"]}


# ------------------------------------------------------------------------------------------ contract


@pytest.mark.parametrize("name", CONTRACT_FILES)
def test_every_feature_speaks_both_languages_and_cites_a_public_source(name: str) -> None:
    for f in features(name):
        p = f["properties"]
        for key in CONTRACT:
            assert str(p.get(key, "")).strip(), (p["id"], key)
        assert p["geometry_quality"] in {"exact", "generalised", "approximate", "schematic"}
        assert p["name_nl"] != "" and p["description_nl"] != p["description_en"], p["id"]
        assert re.search(r"https?://", p["source"]) or "Kamerstuk" in p["source"], p["id"]
        for value in p.values():
            assert isinstance(value, (str, int, float)), (p["id"], value)


@pytest.mark.parametrize("name", CONTRACT_FILES)
def test_every_shown_fact_has_a_label_in_both_languages(name: str) -> None:
    for f in features(name):
        for key in set(f["properties"]) - NOT_FACTS:
            nl, en = TEXTS[fact_key(key)]
            assert nl.strip() and en.strip(), key


def test_no_citation_points_into_the_internal_reference() -> None:
    pattern = re.compile(r"layer-facts|\.\./shared")
    hits = []
    for folder in ("geodata", "layers", "i18n"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".md", ".geojson"} and "build_regio_deals" not in path.name:
                if "build_interreg" in path.name:  # area builders are rebuilt in another branch
                    continue
                hits += [
                    f"{path.name}:{i}" for i, line in enumerate(path.open(encoding="utf-8"), 1) if pattern.search(line)
                ]
    assert not hits, hits


# ------------------------------------------------------------------------------------------ rail


def test_rail_has_the_required_lines_and_each_crosses_its_border() -> None:
    by_id = {f["properties"]["id"]: f for f in features("rail")}
    assert set(by_id) >= RAIL_IDS
    lines = border_lines()
    for fid, f in by_id.items():
        p = f["properties"]
        geom = shape(f["geometry"])
        assert geom.geom_type in ("LineString", "MultiLineString"), fid
        assert p["geometry_quality"] == "schematic", fid
        assert p["status"] in ("running", "planned", "out_of_service"), fid
        assert p["stations"].count(" – ") >= 1, fid
        for code in p["border"].split(";"):
            assert geom.intersects(lines[code]), (fid, code)


def test_rail_statuses_are_honest() -> None:
    status = {f["properties"]["id"]: f["properties"]["status"] for f in features("rail")}
    assert status["rail:nijmegen-kleve"] == "out_of_service"
    assert status["rail:eindhoven-dusseldorf"] == "planned"
    assert status["rail:amsterdam-berlin"] == "running"


# ------------------------------------------------------------------------------------------ info points


def test_info_points_are_approximate_points_near_their_border() -> None:
    by_id = {f["properties"]["id"]: f for f in features("info_points")}
    assert set(by_id) >= GIP_IDS
    lines = border_lines()
    for fid, f in by_id.items():
        geom = shape(f["geometry"])
        assert geom.geom_type in ("Point", "MultiPoint"), fid
        assert f["properties"]["geometry_quality"] == "approximate"
        assert f["properties"]["host"]
        assert geom.distance(lines[f["properties"]["border"]]) < 0.6, fid  # within ~40 km of its border


# ------------------------------------------------------------------------------------------ places


def mercator_px(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    scale = 256 * 2**zoom
    s = math.sin(math.radians(lat))
    return (lon + 180.0) / 360.0 * scale, (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale


@cache
def places() -> tuple[list[dict], dict]:
    head = load("places")
    return features("places") + features("places_detail"), head["label_box"]


def test_places_have_ids_ranks_and_zooms() -> None:
    feats, _box = places()
    assert len(feats) > 500
    ids = [f["properties"]["id"] for f in feats]
    assert len(ids) == len(set(ids))
    for f in feats:
        p = f["properties"]
        assert re.fullmatch(r"place:\d+", p["id"])
        assert p["rank"] in ("city", "town", "village")
        assert 6 <= p["minzoom"] <= 14
        assert 2.5 <= f["geometry"]["coordinates"][0] <= 8.0 and 49.9 <= f["geometry"]["coordinates"][1] <= 53.8
    first = [f for f in features("places") if f["properties"]["minzoom"] <= 7]
    assert {"Amsterdam", "Rotterdam", "Antwerpen", "Keulen", "Den Haag"} <= {f["properties"]["name"] for f in first}
    english = {f["properties"].get("n", {}).get("en") for f in first}
    assert {"Antwerp", "Cologne", "The Hague"} <= english


def test_place_names_are_local_or_the_languages_own() -> None:
    feats, _box = places()
    names = {f["properties"]["name"] for f in feats}
    assert not names & {"The Hague", "Antwerp", "Brussels", "Ostend", "Ibbenbueren"}  # GeoNames' English or ASCII
    for f in feats:
        if "n" in f["properties"]:
            n = f["properties"]["n"]
            assert set(n) == {"nl", "en"} and n["nl"] == f["properties"]["name"] and n["nl"] != n["en"]
    assert all(f["properties"]["minzoom"] >= 10 for f in features("places_detail"))


@pytest.mark.parametrize("zoom", range(6, 15))
def test_place_labels_never_overlap(zoom: int) -> None:
    feats, box = places()
    shown = [f for f in feats if f["properties"]["minzoom"] <= zoom]
    boxes = []
    for f in shown:
        lon, lat = f["geometry"]["coordinates"]
        x, y = mercator_px(lon, lat, zoom)
        longest = max([f["properties"]["name"], *f["properties"].get("n", {}).values()], key=len)  # either language
        hw = box["char_px"] * len(longest) / 2 + box["pad_px"]
        hh = box["height_px"] / 2 + box["pad_px"]
        boxes.append(shapely.box(x - hw, y - hh, x + hw, y + hh))
    tree = shapely.STRtree(boxes)
    left, right = tree.query(boxes, predicate="intersects")
    overlaps = [(i, j) for i, j in zip(left, right, strict=True) if i < j and boxes[i].intersection(boxes[j]).area > 0]
    assert not overlaps, [(shown[i]["properties"]["name"], shown[j]["properties"]["name"]) for i, j in overlaps[:5]]


def test_first_view_is_small() -> None:
    first = [f for f in features("places") if f["properties"]["minzoom"] <= 7]
    size = sum(len(json.dumps(f, separators=(",", ":"), ensure_ascii=False)) for f in first)
    assert size < 10_000, size
    assert (GEODATA / "places.geojson").stat().st_size < 200_000


# ------------------------------------------------------------------------------------------ water


@cache
def water() -> dict[str, object]:
    return {f["properties"]["id"]: shape(f["geometry"]) for f in features("water")}


@pytest.mark.parametrize(
    ("lat", "lon", "what"),
    [
        (52.75, 5.35, "IJsselmeer"),
        (52.55, 5.2, "Markermeer"),
        (51.6, 3.9, "Oosterschelde"),
        # 51.42 N 3.75 E lies on the north shore in OSM (about 700 m inland), so test mid-channel
        (51.40, 3.75, "Westerschelde"),
        (53.35, 5.5, "Wadden Sea"),
        (53.28, 7.22, "Dollard"),
        (51.75, 4.3, "Haringvliet"),
    ],
)
def test_water_bodies_are_water_in_the_file_and_on_the_base_map(lat: float, lon: float, what: str) -> None:
    point = Point(lon, lat)
    polygons = [g for fid, g in water().items() if not fid.startswith("water:river-")]
    assert any(g.contains(point) for g in polygons), what
    basemap = [shape(f["geometry"]) for f in features("basemap")]
    assert not any(g.contains(point) for g in basemap), f"{what} is land on the base map"


def test_the_waal_at_nijmegen_is_drawn() -> None:
    # the river line (WDBII) lies within a few hundred metres of the Waal at the Waalbrug
    waal = water()["water:river-waal"]
    point = Point(5.8665, 51.8535)
    near = nearest_points(waal, point)[0]
    metres = GEOD.inv(point.x, point.y, near.x, near.y)[2]
    assert metres < 400, metres


def test_rivers_have_zoom_and_width_hints() -> None:
    rivers = [f for f in features("water") if f["properties"]["kind"] == "river"]
    names = {f["properties"]["name_en"] for f in rivers}
    assert {"Rhine", "Waal", "Meuse", "IJssel", "Scheldt"} <= names
    for f in rivers:
        assert f["properties"]["minzoom"] >= 0 and f["properties"]["width"] > 0


def test_water_file_is_small() -> None:
    assert (GEODATA / "water.geojson").stat().st_size < 250_000
