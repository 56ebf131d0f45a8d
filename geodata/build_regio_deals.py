"""Build ``regio_deals.geojson``: Regio Deals (Dutch national-regional deals) in border regions.

Facts: project reference ``layer-facts.md`` section 4. One feature per region; later rounds
are merged into the same feature as properties. Geometry: union of the participating
municipalities, approximated from GeoNames places (see ``geodata/nl_municipalities.py``), or
exact when ``NL_MUNICIPALITIES_GEOJSON`` points to an official municipality file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geodata import layer_common as lc
from geodata import nl_municipalities, sources
from geodata.geojson_io import area_km2, feature, write_collection

SELECTION_R2 = "https://www.rijksoverheid.nl/actueel/nieuws/2018/11/16/ruim-200-miljoen-euro-voor-12-regio-deals"
SELECTION_R3 = "https://www.kennisvoorkrimp.nl/nieuws-over-krimp/14-regiodeals-vastgesteld"

ZUID_LIMBURG_DEAL = [
    "Beek",
    "Beekdaelen",
    "Eijsden-Margraten",
    "Gulpen-Wittem",
    "Maastricht",
    "Meerssen",
    "Sittard-Geleen",
    "Stein",
    "Vaals",
    "Valkenburg aan de Geul",
]

DEALS: list[dict[str, Any]] = [
    dict(
        slug="achterhoek",
        name="Regio Deal Achterhoek",
        border="NL-DE",
        municipalities=[
            "Aalten",
            "Berkelland",
            "Bronckhorst",
            "Doetinchem",
            "Oost Gelre",
            "Oude IJsselstreek",
            "Winterswijk",
            "Montferland",
        ],
        rounds=[
            ("2", "2019", 20.0, "Regio Deal Achterhoek (signed July 2019, completed 2022; 86 projects)"),
            ("5", "2024", 25.0, "Achterhoek II 'Hoger springen, krachtiger landen' (to end 2027)"),
        ],
        partners="8RHK municipalities; Province of Gelderland",
        projects="Grenslandcollege Winterswijk (Graafschap College with HAN and Saxion; mbo-plus technology course "
        "for Dutch and German students, housed in Winterswijk town hall)",
        description="Deal for the rural Achterhoek along the German border, the first Regio Deal to be completed. "
        "It part-funded the cross-border Grenslandcollege in Winterswijk; a second deal followed in 2024.",
        source="https://8rhk.nl/category/uncategorized/page/6/ ; https://streekgids.online/regionaal/achterhoek-rondt-als-eerste-regio-deal-succesvol-af/ ; "  # noqa: E501
        "https://www.omroepgelderland.nl/nieuws/2422959/Voormalige-burgemeesterskamer-raadhuis-Winterswijk-wordt-technieklokaal ; "  # noqa: E501
        "https://www.streekgids.nl/achterhoek-regionaal-nieuws/achterhoek-krijgt-25-miljoen-euro-voor-nieuwe-regio-deal/",
        uncertain="Round 2 had 7 municipalities; Montferland rejoined the 8RHK partnership in 2024 (round 5) and is included in the drawn area.",  # noqa: E501
    ),
    dict(
        slug="twente",
        name="Regio Deal Twente",
        border="NL-DE",
        municipalities=[
            "Almelo",
            "Borne",
            "Dinkelland",
            "Enschede",
            "Haaksbergen",
            "Hellendoorn",
            "Hengelo",
            "Hof van Twente",
            "Losser",
            "Oldenzaal",
            "Rijssen-Holten",
            "Tubbergen",
            "Twenterand",
            "Wierden",
        ],
        rounds=[
            ("2", "2019", 30.0, "Regio Deal Twente (total €150 M with province, municipalities and partners)"),
            ("4", "2023", 25.0, "Twente II"),
        ],
        partners="14 Twente municipalities; Province of Overijssel; Twente Board",
        projects="GrensWerk (cross-border labour-market advice, Gronau), funded to at least end 2023",
        description="Deal for Twente's economy and cross-border labour market, with GrensWerk in Gronau as the "
        "example project; renewed in round 4.",
        source="https://www.roskam.nl/home/nieuws/5597-regio-deal-van-150-miljoen-voor-twente-ondertekening-na-de-zomer.html ; "  # noqa: E501
        "http://grenswerk.eu/nederlands/grenswerk-werkzaamheden-krijgen-een-vervolg.html ; "
        "https://www.gelderlander.nl/enschede/opnieuw-lukt-het-twente-miljoenen-los-te-peuteren-in-den-haag-25-miljoen-euro-voor-deze-drie-doelen~a0b7306b/",
        uncertain="The source says '14 Twente municipalities'; the list of names is the standard Twente region, not copied from the deal.",  # noqa: E501
    ),
    dict(
        slug="parkstad-limburg",
        name="Regio Deal Parkstad Limburg",
        border="NL-DE",
        municipalities=["Beekdaelen", "Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal"],
        rounds=[
            ("2", "2019", 40.0, "Regio Deal Parkstad Limburg 2019–2022 (total €80 M)"),
            ("4", "2023", 25.0, "Parkstad Limburg II"),
        ],
        partners="7 Parkstad municipalities (~257,000 inhabitants); Province of Limburg",
        projects="Ties with Aachen; related: Heerlen–Aachen rail electrification, IBA Parkstad, Buitenring; idea of an "
        "RWTH Aachen presence or master's programme in Parkstad",
        description="Deal for the former mining region of Parkstad on the German border near Aachen, at the "
        "maximum €40 M in round 2 and renewed in round 4.",
        source="https://www.elkeregiotelt.nl/alle-regio-deals/parkstad-limburg ; "
        "https://www.1limburg.nl/nieuws/2137034/regio-deals-45-miljoen-naar-parkstad-en-zuid-limburg",
    ),
    dict(
        slug="zuid-limburg",
        name="Regio Deal Zuid-Limburg 'Ingenieus, Groen en Gezond'",
        border="NL-BE;NL-DE",
        municipalities=ZUID_LIMBURG_DEAL,
        rounds=[("4", "2023", 20.0, "Ingenieus, Groen en Gezond (signed 1 Nov 2023; doubled by the region)")],
        partners="10 South Limburg municipalities; Province of Limburg",
        projects="Programme line on the cross-border knowledge economy and international labour market",
        description="Deal for South Limburg between Belgium and Germany, with a programme line on the cross-border "
        "knowledge economy and labour market.",
        source="https://www.sittard-geleen.nl/actueel/Home/Nieuwsoverzicht/40_miljoen_euro_voor_een_groen_en_gezond_Zuid_Limburg",
        uncertain="The source lists Beekdaelen although it is also a Parkstad municipality.",
    ),
    dict(
        slug="zuid-en-oost-drenthe",
        name="Regio Deal Zuid- en Oost-Drenthe",
        border="NL-DE",
        municipalities=["Aa en Hunze", "Borger-Odoorn", "Coevorden", "Emmen", "Hardenberg", "Hoogeveen"],
        rounds=[
            ("2", "2019", 20.0, "Werken, wonen, welzijn (total €40 M)"),
            ("4", "2023", 30.0, "Gelijke kansen, 2023–2026 (total €60 M; without Aa en Hunze)"),
        ],
        partners="Province of Drenthe; Province of Overijssel (Hardenberg)",
        projects="Work, housing and welfare; 24 first projects",
        description="Deal for south-east Drenthe and Hardenberg along the German border, aimed at work, housing "
        "and welfare; renewed 2023–2026.",
        source="https://www.rtvdrenthe.nl/nieuws/146680/Gemeenten-provincie-en-staat-willen-veertig-miljoen-investeren-in-Zuidoost-Drenthe ; "  # noqa: E501
        "https://www.coevorden.nl/verlenging-regiodeal-gelijke-kansen-in-zuid-en-oost-drenthe",
    ),
    dict(
        slug="oost-groningen",
        name="Regio Deal Oost-Groningen 'Van Leefbaarheid naar Toekomstkracht'",
        border="NL-DE",
        municipalities=["Oldambt", "Pekela", "Westerwolde", "Veendam", "Stadskanaal", "Menterwolde"],
        rounds=[("3", "2020", 15.0, "Van Leefbaarheid naar Toekomstkracht")],
        partners="Province of Groningen",
        projects="",
        description="Deal for the shrinking region of East Groningen on the German border; the former "
        "Menterwolde is now part of Midden-Groningen and only that part is drawn.",
        source=SELECTION_R3
        + " ; https://www.binnenlandsbestuur.nl/ruimte-en-milieu/180-miljoen-euro-derde-en-laatste-tranche-regiodeals",
    ),
    dict(
        slug="noord-limburg",
        name="Regio Deal Noord-Limburg",
        border="NL-DE",
        municipalities=[
            "Beesel",
            "Bergen (L)",
            "Gennep",
            "Horst aan de Maas",
            "Mook en Middelaar",
            "Peel en Maas",
            "Venlo",
            "Venray",
        ],
        rounds=[
            ("3", "2020", 17.5, "Regio Deal Noord-Limburg 2020–2023 (about €58 M of projects, 18 projects)"),
            ("5", "2024", 10.0, "Noord-Limburg II"),
        ],
        partners="Province of Limburg",
        projects="Theme 'healthy cross-border business climate'; Brightlands Campus Greenport Venlo",
        description="Deal for North Limburg along the German border, one of whose five themes is a healthy "
        "cross-border business climate.",
        source="https://omroepvenlo.nl/nieuws/artikel/rijk-heeft-175-miljoen-over-voor-regiodeal-noord-limburg ; "
        "https://crossroadslimburg.com/regio-deal-noord-limburg-akkoord/ ; https://www.venray.nl/regio-deal-regio-noord-limburg-toegekend",
    ),
    dict(
        slug="zeeuws-vlaanderen",
        name="Regio Deal Zeeuws-Vlaanderen 'Zeeuwen zelf aan zet'",
        border="NL-BE",
        municipalities=["Terneuzen", "Sluis", "Hulst"],
        rounds=[("3", "2020", 7.5, "Zeeuwen zelf aan zet (signed 13 June 2020, to 2025; €20 M in total)")],
        partners="Province of Zeeland; Economic Board Zeeland",
        projects="Scheldekust – Grenspark Groot-Saeftinghe (Hulst, about €0.5 M); cross-border access to care and "
        "legal services; expat centre Terneuzen",
        description="Deal for Zeeuws-Vlaanderen, the Dutch strip south of the Western Scheldt bordering Flanders, "
        "with 18 projects including the cross-border Groot-Saeftinghe park.",
        source="https://zoek.officielebekendmakingen.nl/stcrt-2021-86.html ; "
        "https://www.gemeentehulst.nl/de_Gemeente/Nieuws/Archief:gkBPBGbGSZKo_-t0L1UG0Q/Half_miljoen_regiodeal_subsidie_voor_project_Versterk_de_Scheldekust",
    ),
    dict(
        slug="north-sea-port-district",
        name="Regio Deal North Sea Port District",
        border="NL-BE",
        municipalities=["Vlissingen", "Borsele", "Terneuzen"],
        rounds=[("4", "2023", 30.0, "North Sea Port District (about €80 M in total)")],
        partners="Province of Zeeland",
        projects="Healthier living environment; attracting talent; cross-border mobility",
        description="Deal for the Dutch municipalities of the North Sea Port area; the port district continues into "
        "Zelzate, Evergem and Gent in Belgium, which are not drawn.",
        source="https://www.terneuzen.nl/Onze_Organisatie/Actueel/Nieuws/Nieuwsarchief_2023/Januari_februari_maart/Zeeland_ontvangt_30_miljoen_voor_nieuwe_Regio_Deal",
    ),
    dict(
        slug="zeeland",
        name="Regio Deal Zeeland",
        border="NL-BE",
        province="Zeeland",
        municipalities=[],
        rounds=[
            ("1", "2018", 35.0, "Zeeland in stroomversnelling (title not confirmed)"),
            ("6", "2025", 13.0, "Zeeuwse aanpak vitale regio's (focus Zeeuws-Vlaanderen)"),
        ],
        partners="Province of Zeeland and partners",
        projects="",
        description="Province-wide Zeeland deals of rounds 1 and 6, covering Zeeuws-Vlaanderen on the Belgian border.",
        source="https://www.bndestem.nl/zeeland/zeeland-krijgt-30-miljoen-euro-uit-den-haag-voor-verbetering-van-de-leefbaarheid-in-het-havengebied~a9a88f30/ ; "  # noqa: E501
        "https://openrijk.nl/en/provincies/provincie-zeeland/artikel/regio-deal-zeeuwse-aanpak-vitale-regios-krijgt-groen-licht/regional-deal-zeeland-approach-vital-regions-gets-green-light",
        uncertain="Round-1 title not confirmed.",
    ),
    dict(
        slug="brainport-eindhoven",
        name="Regio Deal Brainport Eindhoven / Zuidoost-Brabant",
        border="NL-BE",
        municipalities=[
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
            "Nuenen",
            "Oirschot",
            "Reusel-De Mierden",
            "Someren",
            "Son en Breugel",
            "Valkenswaard",
            "Veldhoven",
            "Waalre",
        ],
        rounds=[("1", "2018", 130.0, "Brainport Eindhoven"), ("5", "2024", 20.0, "Thuis in Brainport")],
        partners="Metropoolregio Eindhoven (21 municipalities)",
        projects="",
        description="Deals for the Eindhoven metropolitan region, which borders the Belgian Kempen.",
        source="https://metropoolregioeindhoven.nl/actueel/ons-nieuws/informatiebrief-over-aanvraag-regio-deal-4e-tranche ; "  # noqa: E501
        "https://www.brabant.nl/subsites/brede-welvaart/nieuws/2024/regio-deals-west-en-zuidoost-brabant-goedgekeurd-vervolgproces-van-start",
        uncertain="Counting it as a border-region deal is an inference; the 21 MRE municipality names are not copied from the deal.",  # noqa: E501
    ),
    dict(
        slug="midden-en-west-brabant",
        name="Regio Deal Midden- en West-Brabant / West-Brabant",
        border="NL-BE",
        municipalities=[
            "Alphen-Chaam",
            "Baarle-Nassau",
            "Bergen op Zoom",
            "Breda",
            "Drimmelen",
            "Etten-Leur",
            "Geertruidenberg",
            "Halderberge",
            "Moerdijk",
            "Oosterhout",
            "Roosendaal",
            "Rucphen",
            "Steenbergen",
            "Woensdrecht",
            "Zundert",
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
        rounds=[
            ("2", "2019", "", "Midden- en West-Brabant (amount not found)"),
            ("5", "2024", 15.0, "West-Brabants welvaren (Regio West-Brabant)"),
        ],
        partners="not found",
        projects="",
        description="Deals for Central and West Brabant, a region with border municipalities such as Baarle-Nassau "
        "and Zundert.",
        source="https://www.rvo.nl/onderwerpen/regio-deals/tweede-tranche ; "
        "https://www.omroepbrabant.nl/nieuws/4416722/het-rijk-deelt-uit-miljoenen-voor-een-betere-leefbaarheid",
        uncertain="Participating municipalities and round-2 amount not found; area drawn as the West- and "
        "Midden-Noord-Brabant COROP regions.",
    ),
    dict(
        slug="midden-limburg",
        name="Regio Deal Midden-Limburg",
        border="NL-BE;NL-DE",
        municipalities=["Echt-Susteren", "Leudal", "Maasgouw", "Nederweert", "Roerdalen", "Roermond", "Weert"],
        rounds=[("6", "2024", "", "Midden-Limburg (covenant 14 Nov 2024)")],
        partners="Nederweert, Roerdalen, Roermond, Leudal and others",
        projects="",
        description="Round-6 deal for Central Limburg, the narrow part of the province between Belgium and Germany.",
        source="https://zoek.officielebekendmakingen.nl/stcrt-2025-1142.html",
        uncertain="Amount not found; only four municipalities are named, the area is drawn as the whole Midden-Limburg COROP region.",  # noqa: E501
    ),
]


def deal_features() -> list[dict[str, Any]]:
    out = []
    for spec in DEALS:
        if spec.get("province"):
            geom = sources.nl_provinces()[spec["province"]]
            quality = "exact"
            note = (
                f"Whole province of {spec['province']}: OSM province outline (MAPS.ME .poly 2020) fitted to the "
                "OSM national border and coast."
            )
        else:
            geom, quality, note = nl_municipalities.municipality_union(spec["municipalities"])
        geom = lc.simplify_polygons(lc.polygonal(geom.intersection(sources.country_land("NL"))))
        contributions = [r[2] for r in spec["rounds"] if r[2] != ""]
        props = {
            "id": f"regiodeal:{spec['slug']}",
            "name": spec["name"],
            "border": spec["border"],
            "description": spec["description"],
            "source": spec["source"] + f" ; {SELECTION_R2}",
            "geometry_quality": quality,
            "geometry_note": note,
            "rounds": "; ".join(f"round {r[0]} ({r[1]})" for r in spec["rounds"]),
            "first_year": int(spec["rounds"][0][1]),
            "deal_titles": "; ".join(r[3] for r in spec["rounds"]),
            "state_contribution": "; ".join(
                f"€{r[2]:g} M (round {r[0]})" if r[2] != "" else f"not found (round {r[0]})" for r in spec["rounds"]
            ),
            "state_contribution_total_eur_m": sum(contributions),
            "municipalities": "; ".join(spec["municipalities"]) or f"all municipalities of {spec.get('province')}",
            "partners": spec["partners"],
            "border_projects": spec["projects"],
            "area_km2": round(area_km2(geom)),
        }
        if spec.get("uncertain"):
            props["uncertain"] = spec["uncertain"]
        out.append(feature(geom, props))
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "regio_deals.geojson", deal_features(), name="regio_deals")
