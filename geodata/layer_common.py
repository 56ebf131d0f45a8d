"""Helpers shared by the thematic layer build steps (bus lines, pipelines, ports, areas)."""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry

from geodata import sources

GEODATA_DIR = Path(__file__).resolve().parent

#: Stop spec: (name, country) or (name, country, (lon, lat) hint to pick between homonyms).
Stop = tuple


def border_lines(out_dir: Path = GEODATA_DIR) -> dict[str, BaseGeometry]:
    """Return the land border lines {"NL-BE": ..., "NL-DE": ...} from ``borders.geojson``."""
    data = json.loads((out_dir / "borders.geojson").read_text(encoding="utf-8"))
    by_id = {f["properties"]["id"]: shape(f["geometry"]) for f in data["features"]}
    return {"NL-BE": by_id["border:nl-be"], "NL-DE": by_id["border:nl-de"]}


def stop_point(stop: Stop) -> tuple[float, float]:
    """Return the gazetteer coordinate of one stop."""
    name, cc, *hint = stop
    return sources.place(name, cc, near=hint[0] if hint else None)


def route(stops: list[Stop]) -> LineString:
    """Return a schematic LineString through the gazetteer coordinates of the stops."""
    return LineString([stop_point(s) for s in stops])


def crossed_borders(geom: BaseGeometry, lines: dict[str, BaseGeometry]) -> list[str]:
    """Return the borders ("NL-BE", "NL-DE") that a line geometry crosses."""
    return [code for code, line in lines.items() if geom.intersects(line)]


def snap_to_border(lon: float, lat: float, line: BaseGeometry) -> Point:
    """Return the point of the border line nearest to (lon, lat)."""
    return line.interpolate(line.project(Point(lon, lat)))


def require_crossing(fid: str, geom: BaseGeometry, border: str, lines: dict[str, BaseGeometry]) -> None:
    """Fail the build when a cross-border line does not cross every border it claims."""
    got = crossed_borders(geom, lines)
    for code in border.split(";"):
        if code not in got:
            raise ValueError(f"{fid}: route does not cross {code} (crosses {got}); add the crossing town as a vertex")


def simplify_polygons(geom: BaseGeometry, tolerance: float = 0.0005) -> BaseGeometry:
    """Simplify a (multi)polygon for storage, keeping it valid and dropping specks."""
    small = shapely.make_valid(shapely.simplify(geom, tolerance, preserve_topology=True))
    polys = [g for g in getattr(small, "geoms", [small]) if g.geom_type == "Polygon" and g.area > tolerance**2]
    polys = [p for g in polys for p in ([g] if g.geom_type == "Polygon" else g.geoms)]
    return shapely.MultiPolygon(polys) if len(polys) != 1 else polys[0]


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygon parts of a geometry (drop lines/points left by overlays)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    return shapely.union_all([g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")])


# ---------------------------------------------------------------------------------------------
# The feature-text contract shared by every point and line layer (DESIGN.md "Languages"):
# id, name_nl, name_en, border, description_nl, description_en, source, geometry_quality,
# geometry_note_nl, geometry_note_en. Texts are the project's own words; ``source`` lists public
# references a reader can open, separated by " ; ".
# ---------------------------------------------------------------------------------------------

#: The 2020 progress letter on cross-border cooperation (GROS).
KST_32851_69 = "Kamerstuk 32 851, nr. 69 (BZK, 13 juli 2020), https://zoek.officielebekendmakingen.nl/kst-32851-69.html"
#: The 2021 look-back letter; its Kamerstuk number could not be confirmed, so it is cited by title.
LETTER_2021 = (
    "Kamerbrief grensoverschrijdende samenwerking, terugblik en vooruitblik (BZK, 2021), "
    "https://www.rijksoverheid.nl/documenten/kamerstukken"
)

QUALITIES = ("exact", "generalised", "approximate", "schematic")


def texts(
    *,
    name: tuple[str, str],
    description: tuple[str, str],
    note: tuple[str, str],
) -> dict[str, str]:
    """Return the bilingual text properties; every argument is ``(nl, en)``, none may be empty."""
    out = {
        "name_nl": name[0],
        "name_en": name[1],
        "description_nl": description[0],
        "description_en": description[1],
        "geometry_note_nl": note[0],
        "geometry_note_en": note[1],
    }
    empty = [key for key, value in out.items() if not value.strip()]
    if empty:
        raise ValueError(f"empty text properties: {empty}")
    return out


def join_sources(*refs: str) -> str:
    """Join public references into one ``source`` string (" ; " between them, no duplicates)."""
    seen: list[str] = []
    for ref in refs:
        for part in ref.split(" ; "):
            if part.strip() and part.strip() not in seen:
                seen.append(part.strip())
    return " ; ".join(seen)
