"""What the three area layers (Regio Deals, Interreg, Euregios) share: geometry fitting and the property contract.

Every area feature carries ``id``, ``name_nl``, ``name_en``, ``name`` (the English name, kept while
the catalog reads it), ``border``, ``description_nl``, ``description_en``, ``source`` (public
references only), ``geometry_quality`` (``generalised`` | ``approximate`` | ...),
``geometry_note_nl``, ``geometry_note_en`` and layer facts with snake_case keys. A fact key ending in
``_nl`` / ``_en`` is text in that language (its label is ``prop.<key without the suffix>``); every
other fact is language-neutral (numbers, codes, proper names). ``area_km2`` is always measured on
the stored geometry (geodesic, WGS84).
"""

from __future__ import annotations

import re
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from geodata import cbs, sources
from geodata import layer_common as lc
from geodata.geojson_io import area_km2, feature

QUALITIES = ("exact", "generalised", "approximate", "schematic")

#: Stored polygons are simplified at this tolerance (degrees, about 20–35 m): well inside the 100 m of
#: the CBS generalisation, and it keeps the files small. The app simplifies further for display.
STORE_TOLERANCE = 0.0003

CBS_NOTE_NL = (
    "CBS-gemeentegrenzen 2024 (gegeneraliseerd, ca. 100 m), samengevoegd en passend gemaakt op de eigen grens en kust."
)
CBS_NOTE_EN = (
    "CBS 2024 municipal boundaries (generalised to about 100 m), merged and fitted to the map's own border and coast."
)

#: Areas whose quality is exact or generalised must stay within this share of their source union.
MAX_AREA_DEVIATION = 0.01


#: The large cross-border areas (Interreg, Euregios) are stored at this coarser tolerance (about 70–110 m,
#: the scale of the CBS generalisation), which keeps their files near 200 KB.
LARGE_TOLERANCE = 0.001


def simplify(geom: BaseGeometry, tolerance: float = STORE_TOLERANCE) -> BaseGeometry:
    return lc.simplify_polygons(cbs.polygonal(geom), tolerance)


def fit_foreign(parts: list[BaseGeometry], code: str) -> BaseGeometry:
    """Clip Belgian or German source polygons to that country's land and fill the seam slivers along
    the Dutch border, so that they meet the Dutch pieces on the border line."""
    land = sources.country_land(code)
    lines = lc.border_lines()
    corridor = shapely.union_all([line.buffer(0.01) for line in lines.values()])
    region = shapely.union_all([shapely.make_valid(p) for p in parts])
    clipped = cbs.polygonal(region.intersection(land))
    seam = cbs.polygonal(land.intersection(corridor).difference(clipped))
    near = region.buffer(0.003)
    extra = [p for p in getattr(seam, "geoms", [seam]) if not p.is_empty and p.within(near)]
    return cbs.polygonal(shapely.union_all([clipped, *extra]))


def check_area(fid: str, geom: BaseGeometry, source: BaseGeometry, quality: str) -> float:
    """Return the relative area difference to the source union; fail when it is too large for the label."""
    ours, theirs = area_km2(geom), area_km2(source)
    dev = (ours - theirs) / theirs
    if quality in ("exact", "generalised") and abs(dev) > MAX_AREA_DEVIATION:
        raise ValueError(f"{fid}: {ours:.0f} km² differs {dev:+.1%} from its source union ({theirs:.0f} km²)")
    print(f"  {fid}: {ours:,.0f} km² ({quality}); source union {theirs:,.0f} km² ({dev:+.2%})")
    return dev


def area_feature(
    geom: BaseGeometry,
    *,
    fid: str,
    name_nl: str,
    name_en: str,
    border: str,
    description_nl: str,
    description_en: str,
    source: str,
    quality: str,
    note_nl: str,
    note_en: str,
    facts: dict[str, Any],
) -> dict[str, Any]:
    """Return one area feature following the contract in this module's docstring."""
    if quality not in QUALITIES:
        raise ValueError(f"{fid}: unknown geometry_quality {quality!r}")
    if border not in ("NL-BE", "NL-DE", "NL-BE;NL-DE"):
        raise ValueError(f"{fid}: bad border {border!r}")
    if not re.search(r"https?://|Kamerstuk", source) or "../" in source:
        raise ValueError(f"{fid}: source must cite a public reference (an address or a Kamerstuk)")
    props: dict[str, Any] = {
        "id": fid,
        "name": name_en,
        "name_nl": name_nl,
        "name_en": name_en,
        "border": border,
        "description_nl": description_nl,
        "description_en": description_en,
        "source": source,
        "geometry_quality": quality,
        "geometry_note_nl": note_nl,
        "geometry_note_en": note_en,
    }
    for key, value in facts.items():
        if value in (None, ""):
            continue
        props[key] = value
    props["area_km2"] = round(area_km2(geom))
    return feature(geom, props)
