"""Build ``regio_deals.geojson``: Regio Deals (national-regional deals of the Dutch government) in border regions.

One feature per region; later rounds are facts of the same feature. The area is the union of the
partner municipalities, mapped onto the 2024 municipalities of the CBS input (``geodata/cbs.py``),
fitted to the project's own border and coast. :data:`DEALS` is plain data (json + shapely only), so
the tests can rebuild every area from the CBS input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geodata import areas, cbs
from geodata.geojson_io import write_collection

SELECTION_R2 = "https://www.rijksoverheid.nl/actueel/nieuws/2018/11/16/ruim-200-miljoen-euro-voor-12-regio-deals"
SELECTION_R3 = "https://www.kennisvoorkrimp.nl/nieuws-over-krimp/14-regiodeals-vastgesteld"
TRANCHE_R3 = "https://www.binnenlandsbestuur.nl/ruimte-en-milieu/180-miljoen-euro-derde-en-laatste-tranche-regiodeals"
BORDER_LETTER = "Kamerstuk 32 851, nr. 75 (BZK, 13 May 2022): https://zoek.officielebekendmakingen.nl/kst-32851-75.html"

TWENTE = [
    "Almelo",
    "Borne",
    "Dinkelland",
    "Enschede",
    "Haaksbergen",
    "Hellendoorn",
    "Hengelo (O.)",
    "Hof van Twente",
    "Losser",
    "Oldenzaal",
    "Rijssen-Holten",
    "Tubbergen",
    "Twenterand",
    "Wierden",
]
ACHTERHOEK = [
    "Aalten",
    "Berkelland",
    "Bronckhorst",
    "Doetinchem",
    "Montferland",
    "Oost Gelre",
    "Oude IJsselstreek",
    "Winterswijk",
]
PARKSTAD = ["Beekdaelen", "Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal"]
BRAINPORT = [
    "Asten",
    "Bergeijk",
    "Best",
    "Bladel",
    "Cranendonck",
    "Deurne",
    "Eersel",
    "Eindhoven",
    "Geldrop-Mierlo",
    "Gemert-Bakel",
    "Heeze-Leende",
    "Helmond",
    "Laarbeek",
    "Nuenen, Gerwen en Nederwetten",
    "Oirschot",
    "Reusel-De Mierden",
    "Someren",
    "Son en Breugel",
    "Valkenswaard",
    "Veldhoven",
    "Waalre",
]

#: Per deal: municipalities (CBS 2024 names, the area drawn), rounds as (round, year, state contribution
#: in € million or None when not found, title or ""), texts in both languages, public sources.
#: ``uncertain``: drawn municipalities whose membership is not confirmed by the sources.
#: ``quality``: "generalised" when the drawn set is the deal's partner set, "approximate" when it is assumed.
DEALS: list[dict[str, Any]] = [
    dict(
        slug="achterhoek",
        name_nl="Regio Deal Achterhoek",
        name_en="Regio Deal Achterhoek",
        border="NL-DE",
        municipalities=ACHTERHOEK,
        rounds=[("2", 2019, 20.0, ""), ("5", 2024, 25.0, "Hoger springen, krachtiger landen")],
        text_nl="De eerste Regio Deal die werd afgerond (2019–2022, 86 projecten), voor de landelijke Achterhoek "
        "aan de Duitse grens. Uit de deal kwam geld voor het Grenslandcollege in Winterswijk, een technische "
        "mbo-plusopleiding voor Nederlandse en Duitse jongeren. In 2024 volgde een tweede deal tot eind 2027, "
        "waarvoor ook Montferland weer aansloot. Met de provincie Gelderland.",
        text_en="The first Regio Deal to be completed (2019–2022, 86 projects), for the rural Achterhoek on the "
        "German border. It helped fund the Grenslandcollege in Winterswijk, a technical vocational course for "
        "Dutch and German students. A second deal followed in 2024, running to the end of 2027, for which "
        "Montferland rejoined. With the province of Gelderland.",
        source="https://8rhk.nl/category/uncategorized/page/6/ ; "
        "https://streekgids.online/regionaal/achterhoek-rondt-als-eerste-regio-deal-succesvol-af/ ; "
        "https://www.omroepgelderland.nl/nieuws/2422959/Voormalige-burgemeesterskamer-raadhuis-Winterswijk-wordt-technieklokaal ; "  # noqa: E501
        "https://www.streekgids.nl/achterhoek-regionaal-nieuws/achterhoek-krijgt-25-miljoen-euro-voor-nieuwe-regio-deal/ ; "  # noqa: E501
        + SELECTION_R2,
    ),
    dict(
        slug="twente",
        name_nl="Regio Deal Twente",
        name_en="Regio Deal Twente",
        border="NL-DE",
        municipalities=TWENTE,
        rounds=[("2", 2019, 30.0, ""), ("4", 2023, 25.0, "")],
        text_nl="Deal voor de economie en de grensoverschrijdende arbeidsmarkt van Twente, met alle veertien "
        "Twentse gemeenten, de provincie Overijssel en de Twente Board; met de bijdragen van de regio ging het "
        "om €150 mln. Voorbeeldproject is GrensWerk in Gronau, dat werkzoekenden en werkgevers aan beide "
        "kanten van de grens adviseert. In 2023 kwam er een tweede deal.",
        text_en="Deal for Twente's economy and cross-border labour market, with all fourteen Twente "
        "municipalities, the province of Overijssel and the Twente Board; with the region's own money it came "
        "to €150 m. Its showcase is GrensWerk in Gronau, which advises job seekers and employers on both sides "
        "of the border. A second deal followed in 2023.",
        source="https://www.roskam.nl/home/nieuws/5597-regio-deal-van-150-miljoen-voor-twente-ondertekening-na-de-zomer.html ; "  # noqa: E501
        "http://grenswerk.eu/nederlands/grenswerk-werkzaamheden-krijgen-een-vervolg.html ; "
        "https://www.gelderlander.nl/enschede/opnieuw-lukt-het-twente-miljoenen-los-te-peuteren-in-den-haag-25-miljoen-euro-voor-deze-drie-doelen~a0b7306b/ ; "  # noqa: E501
        + SELECTION_R2,
    ),
    dict(
        slug="parkstad-limburg",
        name_nl="Regio Deal Parkstad Limburg",
        name_en="Regio Deal Parkstad Limburg",
        border="NL-DE",
        municipalities=PARKSTAD,
        rounds=[("2", 2019, 40.0, ""), ("4", 2023, 25.0, "")],
        text_nl="Deal voor het voormalige mijngebied Parkstad bij Aken, in ronde 2 met de hoogst mogelijke "
        "rijksbijdrage (€40 mln, samen met de regio €80 mln) en in 2023 verlengd. Sterke banden met Aken, "
        "onder meer via de elektrificatie van het spoor Heerlen–Aken. Met de provincie Limburg.",
        text_en="Deal for the former coal-mining area of Parkstad next to Aachen, with the largest possible state "
        "contribution in round 2 (€40 m, €80 m with the region) and renewed in 2023. Close ties with Aachen, "
        "among them the electrification of the Heerlen–Aachen railway. With the province of Limburg.",
        source="https://www.elkeregiotelt.nl/alle-regio-deals/parkstad-limburg ; "
        "https://heerlen.nieuws.nl/nieuws/81171/rijksoverheid-provincie-parkstad-deal-80-miljoen/ ; "
        "https://www.1limburg.nl/nieuws/2137034/regio-deals-45-miljoen-naar-parkstad-en-zuid-limburg ; " + SELECTION_R2,
    ),
    dict(
        slug="zuid-limburg",
        name_nl="Regio Deal Zuid-Limburg 'Ingenieus, Groen en Gezond'",
        name_en="Regio Deal South Limburg 'Ingenieus, Groen en Gezond'",
        border="NL-BE;NL-DE",
        municipalities=[
            "Beek (L.)",
            "Beekdaelen",
            "Eijsden-Margraten",
            "Gulpen-Wittem",
            "Maastricht",
            "Meerssen",
            "Sittard-Geleen",
            "Stein (L.)",
            "Vaals",
            "Valkenburg aan de Geul",
        ],
        rounds=[("4", 2023, 20.0, "Ingenieus, Groen en Gezond")],
        uncertain=["Beekdaelen"],
        text_nl="Deal uit ronde 4 (getekend op 1 november 2023) voor Zuid-Limburg tussen België en Duitsland; "
        "de regio verdubbelt de rijksbijdrage. Een van de programmalijnen gaat over de grensoverschrijdende "
        "kenniseconomie en arbeidsmarkt. Beekdaelen staat in de bron bij deze deal, hoewel het ook een "
        "Parkstadgemeente is.",
        text_en="Round-4 deal (signed on 1 November 2023) for South Limburg between Belgium and Germany; the "
        "region matches the state money. One programme line covers the cross-border knowledge economy and "
        "labour market. The source lists Beekdaelen for this deal although it is also a Parkstad municipality.",
        source="https://www.sittard-geleen.nl/actueel/Home/Nieuwsoverzicht/40_miljoen_euro_voor_een_groen_en_gezond_Zuid_Limburg ; "  # noqa: E501
        "https://parkstad-limburg.nl/2023/02/22/zuid-limburg-krijgt-met-twee-regio-deals-45-miljoen-euro-van-het-rijk-om-te-investeren-in-brede-welvaart/",
    ),
    dict(
        slug="zuid-en-oost-drenthe",
        name_nl="Regio Deal Zuid- en Oost-Drenthe",
        name_en="Regio Deal South and East Drenthe",
        border="NL-DE",
        municipalities=["Aa en Hunze", "Borger-Odoorn", "Coevorden", "Emmen", "Hardenberg", "Hoogeveen"],
        rounds=[("2", 2019, 20.0, ""), ("4", 2023, 30.0, "Gelijke kansen")],
        text_nl="Deal voor werk, wonen en welzijn in het zuidoosten van Drenthe en in het Overijsselse Hardenberg, "
        "langs de Duitse grens (eerste ronde €40 mln met de regio, 24 startprojecten). De vervolgdeal 'Gelijke "
        "kansen' (2023–2026, €60 mln in totaal) is gesloten zonder Aa en Hunze. Met de provincies Drenthe en "
        "Overijssel.",
        text_en="Deal on work, housing and welfare in south-east Drenthe and Hardenberg (Overijssel) along the "
        "German border (first round €40 m with the region, 24 starting projects). The follow-up 'Gelijke "
        "kansen' (2023–2026, €60 m in all) was made without Aa en Hunze. With the provinces of Drenthe and "
        "Overijssel.",
        source="https://www.rtvdrenthe.nl/nieuws/146680/Gemeenten-provincie-en-staat-willen-veertig-miljoen-investeren-in-Zuidoost-Drenthe ; "  # noqa: E501
        "https://www.kennisvoorkrimp.nl/nieuws-over-krimp/eerste-projecten-regio-deal-zuid-en-oost-drenthe-van-start ; "
        "https://www.coevorden.nl/verlenging-regiodeal-gelijke-kansen-in-zuid-en-oost-drenthe ; " + SELECTION_R2,
    ),
    dict(
        slug="oost-groningen",
        name_nl="Regio Deal Oost-Groningen 'Van Leefbaarheid naar Toekomstkracht'",
        name_en="Regio Deal East Groningen 'Van Leefbaarheid naar Toekomstkracht'",
        border="NL-DE",
        municipalities=["Oldambt", "Pekela", "Stadskanaal", "Veendam", "Westerwolde"],
        rounds=[("3", 2020, 15.0, "Van Leefbaarheid naar Toekomstkracht")],
        not_drawn_nl="de vroegere gemeente Menterwolde, sinds 2018 deel van Midden-Groningen",
        not_drawn_en="the former municipality of Menterwolde, part of Midden-Groningen since 2018",
        text_nl="Deal uit ronde 3 voor Oost-Groningen, een krimpregio aan de Duitse grens. Partners zijn ook de "
        "provincie Groningen en het vroegere Menterwolde, dat nu bij Midden-Groningen hoort; dat deel staat niet "
        "op de kaart omdat de grenzen van 2024 het niet meer apart tonen.",
        text_en="Round-3 deal for East Groningen, a shrinking region on the German border. The province of "
        "Groningen and the former Menterwolde, now part of Midden-Groningen, are partners too; that part is "
        "not drawn because the 2024 boundaries no longer show it separately.",
        source=SELECTION_R3 + " ; " + TRANCHE_R3,
    ),
    dict(
        slug="noord-limburg",
        name_nl="Regio Deal Noord-Limburg",
        name_en="Regio Deal North Limburg",
        border="NL-DE",
        municipalities=[
            "Beesel",
            "Bergen (L.)",
            "Gennep",
            "Horst aan de Maas",
            "Mook en Middelaar",
            "Peel en Maas",
            "Venlo",
            "Venray",
        ],
        rounds=[("3", 2020, 17.5, ""), ("5", 2024, 10.0, "")],
        text_nl="Deal voor Noord-Limburg langs de Duitse grens (2020–2023, 18 projecten, samen ongeveer €58 mln); "
        "een gezond grensoverschrijdend ondernemersklimaat is een van de vijf thema's, met de Brightlands "
        "Campus Greenport Venlo. Met de provincie Limburg; in 2024 verlengd.",
        text_en="Deal for North Limburg along the German border (2020–2023, 18 projects, about €58 m in all); "
        "a healthy cross-border business climate is one of its five themes, with the Brightlands Campus "
        "Greenport Venlo. With the province of Limburg; renewed in 2024.",
        source="https://omroepvenlo.nl/nieuws/artikel/rijk-heeft-175-miljoen-over-voor-regiodeal-noord-limburg ; "
        "https://crossroadslimburg.com/regio-deal-noord-limburg-akkoord/ ; "
        "https://www.venray.nl/regio-deal-regio-noord-limburg-toegekend",
    ),
    dict(
        slug="zeeuws-vlaanderen",
        name_nl="Regio Deal Zeeuws-Vlaanderen 'Zeeuwen zelf aan zet'",
        name_en="Regio Deal Zeeuws-Vlaanderen 'Zeeuwen zelf aan zet'",
        border="NL-BE",
        municipalities=["Hulst", "Sluis", "Terneuzen"],
        rounds=[("3", 2020, 7.5, "Zeeuwen zelf aan zet")],
        text_nl="Deal voor Zeeuws-Vlaanderen, de Nederlandse strook ten zuiden van de Westerschelde aan de "
        "Vlaamse grens (getekend 13 juni 2020, loopt tot 2025; €20 mln met regio en bedrijven, 18 projecten). "
        "Projecten zijn onder meer Grenspark Groot Saeftinghe, zorg en rechtshulp over de grens en een "
        "expatcentrum in Terneuzen. Met de provincie Zeeland en de Economic Board Zeeland.",
        text_en="Deal for Zeeuws-Vlaanderen, the Dutch strip south of the Western Scheldt on the Flemish border "
        "(signed 13 June 2020, running to 2025; €20 m with the region and businesses, 18 projects). Projects "
        "include the Groot Saeftinghe border park, cross-border care and legal help, and an expat centre in "
        "Terneuzen. With the province of Zeeland and the Economic Board Zeeland.",
        source="https://zoek.officielebekendmakingen.nl/stcrt-2021-86.html ; "
        "https://www.gemeentehulst.nl/de_Gemeente/Nieuws/Archief:gkBPBGbGSZKo_-t0L1UG0Q/Half_miljoen_regiodeal_subsidie_voor_project_Versterk_de_Scheldekust ; "  # noqa: E501
        + BORDER_LETTER,
    ),
    dict(
        slug="north-sea-port-district",
        name_nl="Regio Deal North Sea Port District",
        name_en="Regio Deal North Sea Port District",
        border="NL-BE",
        municipalities=["Borsele", "Terneuzen", "Vlissingen"],
        rounds=[("4", 2023, 30.0, "")],
        text_nl="Deal uit ronde 4 voor de Nederlandse gemeenten van het havengebied North Sea Port (ongeveer €80 mln "
        "in totaal): een gezondere leefomgeving, talent aantrekken en vervoer over de grens. Het havengebied "
        "loopt in België door in Zelzate, Evergem en Gent; die delen vallen buiten de deal en de kaart.",
        text_en="Round-4 deal for the Dutch municipalities of the North Sea Port area (about €80 m in all): a "
        "healthier living environment, attracting talent and cross-border transport. The port area continues "
        "into Zelzate, Evergem and Ghent in Belgium; those parts are outside the deal and the map.",
        source="https://www.terneuzen.nl/Onze_Organisatie/Actueel/Nieuws/Nieuwsarchief_2023/Januari_februari_maart/Zeeland_ontvangt_30_miljoen_voor_nieuwe_Regio_Deal ; "  # noqa: E501
        "https://www.bndestem.nl/zeeland/zeeland-krijgt-30-miljoen-euro-uit-den-haag-voor-verbetering-van-de-leefbaarheid-in-het-havengebied~a9a88f30/",
    ),
    dict(
        slug="zeeland",
        name_nl="Regio Deals Zeeland",
        name_en="Regio Deals Zeeland",
        border="NL-BE",
        province="Zeeland",
        rounds=[("1", 2018, 35.0, "Regio Deal Zeeland"), ("6", 2025, 13.0, "Zeeuwse aanpak vitale regio's")],
        text_nl="Twee deals voor de hele provincie Zeeland. De eerste (getekend in juli 2018, €70 mln met de regio) "
        "steunt dertien projecten van het investeringsprogramma 'Zeeland in Stroomversnelling 2.0', met als "
        "grootste post het voortgezet onderwijs in Zeeuws-Vlaanderen. 'Zeeuwse aanpak vitale regio's' uit ronde 6 "
        "(2025) richt zich vooral op Zeeuws-Vlaanderen aan de Belgische grens. Op de kaart staat het land van de "
        "dertien Zeeuwse gemeenten, zonder Oosterschelde, Veerse Meer en Grevelingen.",
        text_en="Two deals for the whole province of Zeeland. The first (signed in July 2018, €70 m with the region) "
        "backs thirteen projects of the 'Zeeland in Stroomversnelling 2.0' investment programme, the largest "
        "being secondary schooling in Zeeuws-Vlaanderen. 'Zeeuwse aanpak vitale regio's' from round 6 (2025) "
        "aims mainly at Zeeuws-Vlaanderen on the Belgian border. The map shows the land of the thirteen Zeeland "
        "municipalities, without the Oosterschelde, Veerse Meer and Grevelingen.",
        source="https://www.rijksoverheid.nl/onderwerpen/regio-deals/de-regio-deals-van-10-regios/regio-deal-zeeland ; "
        "https://www.omroepzeeland.nl/nieuws/106860/Zeeland-en-het-Rijk-zijn-eruit-dit-is-hoe-de-miljoenen-besteed-worden ; "  # noqa: E501
        "https://openrijk.nl/en/provincies/provincie-zeeland/artikel/regio-deal-zeeuwse-aanpak-vitale-regios-krijgt-groen-licht/regional-deal-zeeland-approach-vital-regions-gets-green-light",
    ),
    dict(
        slug="brainport-eindhoven",
        name_nl="Regio Deals Brainport Eindhoven / Zuidoost-Brabant",
        name_en="Regio Deals Brainport Eindhoven / South-East Brabant",
        border="NL-BE",
        municipalities=BRAINPORT,
        rounds=[("1", 2018, 130.0, "Brainport Eindhoven"), ("5", 2024, 20.0, "Thuis in Brainport")],
        text_nl="Deals voor de 21 gemeenten van de Metropoolregio Eindhoven, die aan de Belgische Kempen grenst. "
        "Dat we dit als grensregiodeal tellen is onze eigen inschatting: de bronnen noemen het geen grensdeal.",
        text_en="Deals for the 21 municipalities of the Eindhoven metropolitan region, which borders the Belgian "
        "Kempen. Counting it as a border-region deal is our own reading: the sources do not call it one.",
        source="https://metropoolregioeindhoven.nl/actueel/ons-nieuws/informatiebrief-over-aanvraag-regio-deal-4e-tranche ; "  # noqa: E501
        "https://www.brabant.nl/subsites/brede-welvaart/nieuws/2024/regio-deals-west-en-zuidoost-brabant-goedgekeurd-vervolgproces-van-start",
    ),
    dict(
        slug="midden-en-west-brabant",
        name_nl="Regio Deals Midden- en West-Brabant / West-Brabant",
        name_en="Regio Deals Central and West Brabant / West Brabant",
        border="NL-BE",
        corop=["CR33", "CR34"],
        rounds=[("2", 2019, None, ""), ("5", 2024, 15.0, "West-Brabants welvaren")],
        quality="approximate",
        text_nl="Deals voor Midden- en West-Brabant (ronde 2) en de Regio West-Brabant (ronde 5, 'West-Brabants "
        "welvaren'), met grensgemeenten als Baarle-Nassau en Zundert. Welke gemeenten meedoen en hoeveel het Rijk "
        "in ronde 2 gaf, is niet gevonden; de kaart toont daarom de COROP-gebieden West- en Midden-Noord-Brabant.",
        text_en="Deals for Central and West Brabant (round 2) and the West Brabant region (round 5, 'West-Brabants "
        "welvaren'), with border municipalities such as Baarle-Nassau and Zundert. The partner municipalities "
        "and the round-2 amount were not found, so the map shows the COROP regions of West and Central Brabant.",
        source="https://www.rvo.nl/onderwerpen/regio-deals/tweede-tranche ; "
        "https://www.omroepbrabant.nl/nieuws/4416722/het-rijk-deelt-uit-miljoenen-voor-een-betere-leefbaarheid",
    ),
    dict(
        slug="midden-limburg",
        name_nl="Regio Deal Midden-Limburg",
        name_en="Regio Deal Central Limburg",
        border="NL-BE;NL-DE",
        municipalities=["Echt-Susteren", "Leudal", "Maasgouw", "Nederweert", "Roerdalen", "Roermond", "Weert"],
        rounds=[("6", 2024, None, "")],
        uncertain=["Echt-Susteren", "Maasgouw", "Weert"],
        quality="approximate",
        text_nl="Deal uit ronde 6 (convenant van 14 november 2024) voor Midden-Limburg, het smalle deel van de "
        "provincie tussen België en Duitsland. De bron noemt Nederweert, Roerdalen, Roermond en Leudal 'en "
        "anderen'; de kaart toont het hele COROP-gebied Midden-Limburg. Het bedrag is niet gevonden.",
        text_en="Round-6 deal (covenant of 14 November 2024) for Central Limburg, the narrow part of the province "
        "between Belgium and Germany. The source names Nederweert, Roerdalen, Roermond and Leudal 'and others'; "
        "the map shows the whole Central Limburg COROP region. The amount was not found.",
        source="https://zoek.officielebekendmakingen.nl/stcrt-2025-1142.html",
    ),
]


def deal_members(spec: dict[str, Any]) -> list[str]:
    """Return the 2024 municipalities drawn for a deal (plain data: usable in tests)."""
    if spec.get("province"):
        return sorted(cbs.province_members()[spec["province"]])
    if spec.get("corop"):
        return sorted(m for code in spec["corop"] for m in cbs.corop_members()[code])
    return list(spec["municipalities"])


def _and(names: list[str], lang: str) -> str:
    word = " en " if lang == "nl" else " and "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + word + names[-1]


def _rounds(spec: dict[str, Any]) -> str:
    return "; ".join(f"{r} ({year}): {'?' if eur is None else f'{eur:g}'}" for r, year, eur, _t in spec["rounds"])


def _notes(spec: dict[str, Any], quality: str) -> tuple[str, str]:
    nl, en = areas.CBS_NOTE_NL, areas.CBS_NOTE_EN
    if spec.get("not_drawn_nl"):
        nl += f" Niet getekend: {spec['not_drawn_nl']}."
        en += f" Not drawn: {spec['not_drawn_en']}."
    if quality == "approximate":
        nl += " Welke gemeenten meedoen is deels aangenomen (zie 'Onzeker of ze meedoen')."
        en += " Membership is partly assumed (see 'Membership uncertain')."
    return nl, en


def deal_features() -> list[dict[str, Any]]:
    out = []
    for spec in DEALS:
        fid = f"regiodeal:{spec['slug']}"
        members = deal_members(spec)
        quality = spec.get("quality", "generalised")
        geom = areas.simplify(cbs.fitted_union(members))
        areas.check_area(fid, geom, cbs.source_union(members), quality)
        note_nl, note_en = _notes(spec, quality)
        known = [eur for _r, _y, eur, _t in spec["rounds"] if eur is not None]
        titles = "; ".join(f"{t} ({year})" for _r, year, _e, t in spec["rounds"] if t)
        uncertain = spec.get("uncertain") or (members if quality == "approximate" and "uncertain" not in spec else [])
        out.append(
            areas.area_feature(
                geom,
                fid=fid,
                name_nl=spec["name_nl"],
                name_en=spec["name_en"],
                border=spec["border"],
                description_nl=spec["text_nl"] + f" Gemeenten op de kaart: {_and(members, 'nl')}.",
                description_en=spec["text_en"] + f" Municipalities drawn: {_and(members, 'en')}.",
                source=spec["source"],
                quality=quality,
                note_nl=note_nl,
                note_en=note_en,
                facts={
                    "rounds": _rounds(spec),
                    "first_year": spec["rounds"][0][1],
                    "deal_titles": titles,
                    "state_contribution_eur_m": round(sum(known), 1) if known else None,
                    "municipalities": "; ".join(members),
                    "municipality_count": len(members),
                    "uncertain": "; ".join(uncertain),
                },
            )
        )
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "regio_deals.geojson", deal_features(), name="regio_deals")
