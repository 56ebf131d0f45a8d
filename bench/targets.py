"""The features to click: a fixed, seeded list of borders, lines, points and areas, and where to
click each one at the map's first view.

Candidate points come from the feature's display geometry (a point along a line, the point
itself, points inside a polygon). A candidate is used only if a hit test in the page (the
element under that point belongs to that feature's Leaflet layer) says a click there would
select the feature in *every* map app measured; features with no such point are left out and
listed. The order interleaves the kinds, so each kind is spread over the whole run.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

KINDS = ("border", "line", "point", "area")


def kind_of(feature: Any) -> str:
    geom = feature.geometry.geom_type
    if feature.layer == "borders" and geom in ("LineString", "MultiLineString"):
        return "border"
    if geom in ("LineString", "MultiLineString"):
        return "line"
    if geom in ("Point", "MultiPoint"):
        return "point"
    return "area"


def candidates(display_geometry: Any) -> list[tuple[float, float]]:
    """(lat, lon) points on the feature as drawn, best first."""
    import shapely
    from shapely.geometry import Point

    geom = display_geometry
    kind = geom.geom_type
    if kind in ("LineString", "MultiLineString"):
        line = shapely.line_merge(geom)
        points = [shapely.line_interpolate_point(line, f, normalized=True) for f in (0.37, 0.5, 0.63, 0.25, 0.8)]
        if line.geom_type == "MultiLineString":
            longest = max(line.geoms, key=lambda g: g.length)
            points += [shapely.line_interpolate_point(longest, f, normalized=True) for f in (0.4, 0.6)]
        return [(p.y, p.x) for p in points if not p.is_empty]
    if kind == "Point":
        return [(geom.y, geom.x)]
    if kind == "MultiPoint":
        return [(p.y, p.x) for p in geom.geoms][:3]
    rep = geom.representative_point()
    west, south, east, north = geom.bounds
    steps = [k / 10 for k in range(1, 10)]
    grid = [Point(west + (east - west) * i, south + (north - south) * j) for i in steps for j in steps]
    inner = sorted((p for p in grid if geom.contains(p)), key=lambda p: p.distance(rep))
    return [(rep.y, rep.x)] + [(p.y, p.x) for p in inner[:20]]


def ordered(catalog: Any, seed: int = 20260) -> list[str]:
    """Every clickable feature, shuffled with ``seed`` within its kind, kinds interleaved."""
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = {k: [] for k in KINDS}
    for fid in sorted(catalog.features):
        feature = catalog.features[fid]
        if catalog.display_feature(fid) is None:
            continue
        by_kind[kind_of(feature)].append(fid)
    for ids in by_kind.values():
        rng.shuffle(ids)
    out: list[str] = []
    for group in itertools.zip_longest(*(by_kind[k] for k in KINDS)):
        out.extend(fid for fid in group if fid)
    return out


def plan(catalog: Any, tabs: dict[str, Any], layers_on: set[str], count: int, seed: int = 20260) -> dict[str, Any]:
    """Pick ``count`` features that a click selects in every tab; the click point per tab."""
    from shapely.geometry import shape

    chosen: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    for fid in ordered(catalog, seed):
        if len(chosen) >= count:
            break
        feature = catalog.features[fid]
        if feature.layer not in layers_on:
            continue
        points = candidates(shape(catalog.display_feature(fid)["geometry"]))
        offsets = (0, -12) if kind_of(feature) == "point" else (0,)
        where: dict[str, tuple[float, float, float]] = {}
        for name, tab in tabs.items():
            for (lat, lon), dy in itertools.product(points, offsets):
                if tab.hit(lat, lon, dy)["id"] == fid:
                    where[name] = (lat, lon, dy)
                    break
        if len(where) == len(tabs):
            chosen.append({"feature": fid, "kind": kind_of(feature), "name": feature.name_in("nl"), "at": where})
        else:
            left_out.append({"feature": fid, "hit_in": sorted(where)})
    if chosen:  # the warm-up click (not timed) is an ordinary feature, so both borders are timed
        chosen.insert(0, chosen.pop())
    kinds = {k: sum(1 for c in chosen[1:] if c["kind"] == k) for k in KINDS}
    return {"targets": chosen, "left_out": left_out, "kinds": kinds}
