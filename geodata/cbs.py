"""Dutch municipalities, COROP regions and provinces of 2024 from the CBS inputs in ``geodata/inputs/cbs-2024``.

The inputs are CBS / Kadaster "gebiedsindelingen, gegeneraliseerd" (CC BY 4.0), simplified to about
100 m by cartomap/nl; see ``geodata/inputs/cbs-2024/PROVENANCE.md``. Some source polygons are invalid
(Hardenberg/Ommen, Schouwen-Duiveland, Overig Zeeland, Zeeland): every geometry is repaired with
``shapely.make_valid`` on reading.

Two levels of use:

* :func:`municipalities`, :func:`source_union`, :func:`corop_members`, :func:`province_members`:
  the source polygons as they are (json + shapely only, so the tests can use them).
* :func:`fitted_municipalities` (build only): every municipality clipped to the project's own Dutch
  land (``sources.country_land("NL")``, the land the borders and the base map come from), with the thin
  seams between the generalised CBS outline and that land's border and coast given to the nearest
  municipality. Areas built from these pieces share their edges with each other and with the national
  border, and big waters that CBS leaves out (Oosterschelde, Veerse Meer, Grevelingen, IJsselmeer) stay
  out even where the OSM land polygons count them as land.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

INPUT_DIR = Path(__file__).resolve().parent / "inputs" / "cbs-2024"

#: Upstream of the inputs (cited in SOURCES.md and in the features' ``source``).
UPSTREAM = "https://github.com/cartomap/nl (wgs84/, commit 01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6)"
ATTRIBUTION = "Bron: CBS / Kadaster (PDOK), CC BY 4.0; vereenvoudigd door cartomap/nl"

#: A seam between the CBS outline and the project's land is filled when its mean width
#: (2 * area / perimeter) is below this many metres; wider pieces are water bodies CBS leaves out.
SEAM_WIDTH_M = 450.0
#: ... and when it lies within this many metres of a municipality.
SEAM_REACH_M = 600.0


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygon parts of a geometry (``make_valid`` may add lines or points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()


@functools.cache
def _read(layer: str) -> dict[str, tuple[str, BaseGeometry]]:
    data = json.loads((INPUT_DIR / f"{layer}_2024.geojson").read_text(encoding="utf-8"))
    out = {}
    for f in data["features"]:
        p = f["properties"]
        out[p["statcode"]] = (p["statnaam"], polygonal(shapely.make_valid(shape(f["geometry"]))))
    return dict(sorted(out.items()))


def municipalities() -> dict[str, BaseGeometry]:
    """Return the 342 municipalities of 2024 by CBS name (e.g. ``"Bergen (L.)"``), repaired."""
    return {name: geom for name, geom in _read("gemeente").values()}


def corops() -> dict[str, tuple[str, BaseGeometry]]:
    """Return the 40 COROP regions: code (``CR01``) -> (name, geometry)."""
    return _read("coropgebied")


def provinces() -> dict[str, BaseGeometry]:
    """Return the 12 provinces by CBS name."""
    return {name: geom for name, geom in _read("provincie").values()}


def _members(regions: dict[str, BaseGeometry]) -> dict[str, list[str]]:
    """Municipalities per region, by the region holding a municipality's representative point."""
    out: dict[str, list[str]] = {key: [] for key in regions}
    for name, geom in municipalities().items():
        point = geom.representative_point()
        (key,) = [k for k, g in regions.items() if g.covers(point)]
        out[key].append(name)
    return out


@functools.cache
def corop_members() -> dict[str, list[str]]:
    """Return COROP code -> its 2024 municipalities (every municipality lies in one COROP region).

    >>> sorted(corop_members()["CR39"])[:3]
    ['Beek (L.)', 'Beekdaelen', 'Brunssum']
    """
    return _members({code: geom for code, (_name, geom) in corops().items()})


@functools.cache
def province_members() -> dict[str, list[str]]:
    """Return province name -> its 2024 municipalities.

    >>> len(province_members()["Zeeland"])
    13
    """
    return _members(provinces())


def check_names(names: list[str]) -> None:
    """Fail with the unknown names when a member list names no 2024 municipality."""
    known = municipalities()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise KeyError(f"not a 2024 municipality in the CBS input: {unknown}")


def source_union(names: list[str]) -> BaseGeometry:
    """Return the union of the source polygons of ``names`` (repaired, not clipped)."""
    check_names(names)
    known = municipalities()
    return shapely.union_all([known[n] for n in names])


# ---------------------------------------------------------------------------------------------
# Build only: fit the municipalities to the project's land.
# ---------------------------------------------------------------------------------------------

_LAT0 = 52.0
_KM_PER_DEG = 111.2


def _metric(geom: BaseGeometry) -> BaseGeometry:
    """A local equirectangular copy in kilometres (good enough to measure seam widths)."""
    k = math.cos(math.radians(_LAT0))
    return shapely.transform(geom, lambda xy: xy * [k * _KM_PER_DEG, _KM_PER_DEG])


def _width_m(poly: BaseGeometry) -> float:
    m = _metric(poly)
    return 2000.0 * m.area / m.length if m.length else 0.0


def fit_to_land(regions: dict[str, BaseGeometry], land: BaseGeometry, step: float = 0.001) -> dict[str, BaseGeometry]:
    """Clip ``regions`` (a partition with shared edges) to ``land`` and fill the thin seams.

    Pieces of ``land`` that no region covers are seams when they are thin (mean width below
    ``SEAM_WIDTH_M``) and near a region; each seam is split among the regions by nearest outline
    (a Voronoi split of points sampled every ``step`` degrees along the regions' outlines).
    Thick pieces (water bodies the regions leave out) stay uncovered.
    """
    import numpy as np

    keys = list(regions)
    clipped = [polygonal(shapely.make_valid(regions[k]).intersection(land)) for k in keys]
    covered = shapely.union_all(clipped)
    rest = polygonal(land.difference(covered))
    reach = SEAM_REACH_M / 1000.0 / _KM_PER_DEG
    near = covered.buffer(reach)
    seams = [
        p
        for p in getattr(rest, "geoms", [rest])
        if not p.is_empty and _width_m(p) < SEAM_WIDTH_M and p.intersects(near) and p.within(near.buffer(reach))
    ]
    if not seams:
        return dict(zip(keys, clipped, strict=True))
    seam = shapely.union_all(seams)
    zone = seam.buffer(2 * reach)
    pts, owner = [], []
    for i, g in enumerate(clipped):
        if not g.intersects(zone):
            continue
        outline = g.boundary.intersection(zone)
        if outline.is_empty:
            continue
        lines = [ln for ln in getattr(outline, "geoms", [outline]) if ln.length > 0]
        for ln in lines:
            n = max(2, int(ln.length / step) + 1)
            for p in shapely.line_interpolate_point(ln, np.linspace(0, 1, n), normalized=True):
                pts.append(p)
                owner.append(i)
    coords = np.round(shapely.get_coordinates(np.array(pts)), 7)
    first: dict[tuple[float, float], int] = {}
    for (x, y), i in zip(coords.tolist(), owner, strict=True):
        first.setdefault((x, y), i)
    cells = shapely.voronoi_polygons(
        shapely.MultiPoint(list(first)), extend_to=zone.envelope.buffer(0.05), ordered=True
    )
    add: dict[int, list[BaseGeometry]] = {}
    for cell, i in zip(cells.geoms, first.values(), strict=True):
        add.setdefault(i, []).append(cell)
    out = {}
    for i, k in enumerate(keys):
        if i in add:
            extra = polygonal(shapely.union_all(add[i]).intersection(seam))
            out[k] = polygonal(shapely.make_valid(shapely.union_all([clipped[i], extra])))
        else:
            out[k] = clipped[i]
    return out


def fitted_municipalities() -> dict[str, BaseGeometry]:
    """Return every 2024 municipality fitted to ``sources.country_land("NL")`` (build only, cached)."""
    from geodata import sources

    @sources._disk_cached("cbs2024_fitted_municipalities")
    def compute() -> dict[str, BaseGeometry]:
        return fit_to_land(municipalities(), sources.country_land("NL"))

    return compute()


def fitted_union(names: list[str]) -> BaseGeometry:
    """Return the union of the fitted municipalities ``names`` (build only)."""
    check_names(names)
    fitted = fitted_municipalities()
    return polygonal(shapely.union_all([fitted[n] for n in names]))
