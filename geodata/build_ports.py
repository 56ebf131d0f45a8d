"""Build ``ports.geojson``: sea and inland ports that matter for the NL-BE and NL-DE borders.

Facts from the ports' own reports and the maritime press, cited per port. Coordinates mark the
port area (not a terminal), hence "approximate".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shapely.geometry import Point

from geodata import layer_common as lc
from geodata.geojson_io import feature, write_collection

NSP_SRC = (
    "https://www.nu.nl/economie/5041103/zeeland-seaports-en-havenbedrijf-gent-verder-als-north-sea-port.html ; "
    "https://www.offshore-energy.biz/port-of-ghent-zeeland-seaports-merge-into-north-sea-port/ ; " + lc.LETTER_2021
)
NSP_FACT = (
    "One cross-border port since 1 January 2018 (merger of Zeeland Seaports and Ghent Port Company, "
    "signed 8 December 2017); no. 3 in Europe by added value and no. 10 by cargo."
)
#: ``NSP_FACT`` in Dutch: the same facts open the Dutch description of each North Sea Port feature.
NSP_FACT_NL = (
    "Eén grensoverschrijdende haven sinds 1 januari 2018 (fusie van Zeeland Seaports en het Gentse "
    "havenbedrijf, getekend op 8 december 2017); nr. 3 in Europa naar toegevoegde waarde en nr. 10 naar overslag."
)
GSP_SRC = (
    "https://jaarverslag.groningen-seaports.com/summary ; "
    "https://www.espo.be/news/port-of-the-month-groningen-seaports-the-netherlan"
)

PORTS: list[dict[str, Any]] = [
    dict(
        slug="north-sea-port-vlissingen",
        name="North Sea Port – Vlissingen",
        xy=(3.6900, 51.4450),
        border="NL-BE",
        operator="North Sea Port",
        fact=NSP_FACT,
        throughput="",
        description="The Vlissingen-Oost (Sloe) area of North Sea Port on the Western Scheldt. "
        "North Sea Port is 60 km long with 39 km of quays and 9,300 ha.",
        source=NSP_SRC,
        coord_note="Vlissingen-Oost port area",
    ),
    dict(
        slug="north-sea-port-terneuzen",
        name="North Sea Port – Terneuzen",
        xy=(3.8100, 51.3380),
        border="NL-BE",
        operator="North Sea Port",
        fact=NSP_FACT,
        throughput="",
        description="The Terneuzen part of North Sea Port at the mouth of the Gent–Terneuzen canal, which runs "
        "32 km to Gent (14 km of it in the Netherlands).",
        source=NSP_SRC,
        coord_note="Terneuzen port area",
    ),
    dict(
        slug="north-sea-port-gent",
        name="North Sea Port – Gent",
        xy=(3.7800, 51.1300),
        border="NL-BE",
        operator="North Sea Port",
        fact=NSP_FACT,
        throughput="",
        description="The Ghent part of the cross-border North Sea Port, reached from the Western Scheldt through "
        "the Gent–Terneuzen canal. Shareholders: Ghent 48.52 %, Zeeland 25 %, Terneuzen, Borsele and Vlissingen "
        "8.33 % each.",
        source=NSP_SRC
        + " ; https://www.transportjournal.com/en/home/news/artikeldetail/the-birth-of-a-double-port.html",
        coord_note="Gent port area",
    ),
    dict(
        slug="antwerp-bruges",
        name="Port of Antwerp-Bruges (Antwerp)",
        xy=(4.4050, 51.2310),
        border="NL-BE",
        operator="Port of Antwerp-Bruges",
        fact="Antwerp and Zeebrugge merged in April 2022 into Europe's largest export port (147 Mt of exports).",
        throughput="289 Mt a year; 14.2 M TEU (2021)",
        description="Europe's second port, reached through the Dutch Western Scheldt; the Zeebrugge site lies on "
        "the Belgian coast. About 74,000 direct jobs.",
        source="https://maritime-executive.com/article/antwerp-and-bruges-combine-to-become-europe-s-largest-export-port ; "  # noqa: E501
        "https://en.portnews.ru/news/328757",
        coord_note="Antwerp port area",
    ),
    dict(
        slug="rotterdam",
        name="Port of Rotterdam",
        xy=(4.2000, 51.9500),
        border="NL-BE;NL-DE",
        operator="Port of Rotterdam Authority",
        fact="Europe's largest port; start of the RRP and RAPL pipelines.",
        throughput="438.8 Mt (2023); 467.4 Mt (2022); 13.4 M TEU",
        description="Europe's largest port, tied to Germany by the Rhine and the RRP pipeline and to Antwerp by "
        "RAPL and product pipelines.",
        source="https://safety4sea.com/port-of-rotterdam-invests-heavily-in-2023-for-a-resilient-future ; "
        "https://maritimemag.com/en/port-of-rotterdam-2023-cargo-volume-declines-by-6-1",
        coord_note="Europoort area",
    ),
    dict(
        slug="moerdijk",
        name="Port of Moerdijk",
        xy=(4.5900, 51.6800),
        border="NL-BE;NL-DE",
        operator="Havenbedrijf Moerdijk",
        fact="Fourth Dutch seaport and the furthest inland; more than 2,600 ha and 400 firms, about 20,000 jobs.",
        throughput="691,131 containers (2020)",
        description="Inland seaport between Rotterdam and Antwerp on the planned Delta Rhine Corridor.",
        source="https://regioinbedrijf.nl/moerdijk-als-brug-naar-europa/ ; "
        "https://seaport-magazine.nl/corona-of-niet-de-haven-van-moerdijk-gaat-altijd-door/",
        coord_note="port area",
    ),
    dict(
        slug="groningen-seaports-delfzijl",
        name="Groningen Seaports – Delfzijl",
        xy=(6.9400, 53.3200),
        border="NL-DE",
        operator="Groningen Seaports",
        fact="Chemical and circular-industry port on the Ems estuary, opposite Germany.",
        throughput="14.1 Mt for Groningen Seaports (Delfzijl + Eemshaven) in 2023, a record",
        description="Delfzijl port on the Ems-Dollard estuary, whose water boundary with Germany is disputed.",
        source=GSP_SRC,
        coord_note="port area",
    ),
    dict(
        slug="groningen-seaports-eemshaven",
        name="Groningen Seaports – Eemshaven",
        xy=(6.8350, 53.4400),
        border="NL-DE",
        operator="Groningen Seaports",
        fact="Opened 1973; energy, offshore-wind and data-centre port with a floating LNG terminal since 2022.",
        throughput="14.1 Mt for Groningen Seaports (Delfzijl + Eemshaven) in 2023",
        description="Eemshaven at the mouth of the Ems, an energy hub whose LNG terminal helped replace Russian "
        "gas in 2022.",
        source="https://www.landseaairmagazine.com/2011/09/02/groningen-railport/ ; "
        "https://www.nrc.nl/nieuws/2022/07/14/gasunie-ook-zonder-russisch-gas-geen-tekorten-komende-winter-a4136411 ; "
        + GSP_SRC,
        coord_note="port area",
    ),
    dict(
        slug="emden",
        name="Port of Emden",
        xy=(7.2000, 53.3444),
        border="NL-DE",
        operator="Niedersachsen Ports",
        fact="Westernmost German seaport and Europe's third car port (1.36 M vehicles in 2018).",
        throughput="4 Mt sea cargo (2020)",
        description="German port on the Ems opposite Delfzijl; Norwegian gas also lands at Emden.",
        source="https://www.ndr.de/nachrichten/niedersachsen/oldenburg_ostfriesland/Rekordjahr-bei-Auto-Umschlag-fuer-Emder-Hafen,emden1238.html",
        coord_note="coordinate of the German Wikipedia article Emder Hafen (53°20′40″ N, 7°12′ E)",
    ),
    dict(
        slug="duisburg",
        name="Port of Duisburg (duisport)",
        xy=(6.7300, 51.4560),
        border="NL-DE",
        operator="duisport",
        fact="Europe's largest inland port, on the Rhine corridor from Rotterdam.",
        throughput="127.5 Mt for the whole port (2018); about 41.5 Mt (2023, narrower scope)",
        description="Inland port at the Rhine–Ruhr confluence, the main German hinterland hub for Dutch and "
        "Belgian seaports.",
        source="https://new.informare.it/news/gennews/2019/20190501-porto-Duisburg-traffico-anno-2018.asp",
        uncertain="The 2018 and 2023 tonnages use different scopes.",
        coord_note="port area",
    ),
]


#: Dutch texts per port: {slug: (name_nl, description_nl, note_nl)}. The English description is
#: ``fact`` + ``description`` + throughput from the spec above.
PORT_NL: dict[str, tuple[str, str, str]] = {
    "north-sea-port-vlissingen": (
        "North Sea Port – Vlissingen",
        NSP_FACT_NL + " Dit is het haventerrein Vlissingen-Oost (Sloe) aan de Westerschelde. North Sea Port is "
        "60 km lang, met 39 km kade en 9.300 ha.",
        "haventerrein Vlissingen-Oost",
    ),
    "north-sea-port-terneuzen": (
        "North Sea Port – Terneuzen",
        NSP_FACT_NL + " Dit is het Terneuzense deel aan de monding van het kanaal Gent–Terneuzen, dat 32 km "
        "lang is (14 km in Nederland).",
        "haventerrein Terneuzen",
    ),
    "north-sea-port-gent": (
        "North Sea Port – Gent",
        NSP_FACT_NL + " Dit is het Gentse deel van North Sea Port, bereikbaar vanaf de "
        "Westerschelde via het kanaal Gent–Terneuzen. Aandeelhouders: Gent 48,52 %, Zeeland 25 %, Terneuzen, "
        "Borsele en Vlissingen elk 8,33 %.",
        "haventerrein Gent",
    ),
    "antwerp-bruges": (
        "Port of Antwerp-Bruges (Antwerpen)",
        "Antwerpen en Zeebrugge fuseerden in april 2022 tot de grootste exporthaven van Europa (147 Mt export). "
        "De haven is bereikbaar via de Nederlandse Westerschelde; de vestiging Zeebrugge ligt aan de Belgische "
        "kust. Ongeveer 289 Mt overslag per jaar, 14,2 mln TEU (2021) en zo'n 74.000 directe banen.",
        "haventerrein Antwerpen",
    ),
    "rotterdam": (
        "Haven van Rotterdam",
        "De grootste haven van Europa: 438,8 Mt in 2023 (467,4 Mt in 2022) en 13,4 mln TEU. Met Duitsland "
        "verbonden door de Rijn en de RRP-leiding, met Antwerpen door de RAPL en productleidingen.",
        "Europoort",
    ),
    "moerdijk": (
        "Haven Moerdijk",
        "De vierde zeehaven van Nederland en de meest landinwaarts gelegen: ruim 2.600 ha, ruim 400 bedrijven, "
        "ongeveer 20.000 banen en 691.131 containers in 2020. Ligt tussen Rotterdam en Antwerpen aan de geplande "
        "Delta Rhine Corridor.",
        "haventerrein",
    ),
    "groningen-seaports-delfzijl": (
        "Groningen Seaports – Delfzijl",
        "Haven voor chemie en circulaire industrie aan de Eems-Dollard, tegenover Duitsland; de grens in het water "
        "is daar omstreden. Groningen Seaports (Delfzijl en Eemshaven) sloeg in 2023 een record van 14,1 Mt over.",
        "haventerrein",
    ),
    "groningen-seaports-eemshaven": (
        "Groningen Seaports – Eemshaven",
        "Haven aan de monding van de Eems, geopend in 1973: energie, offshore wind en datacenters. De drijvende "
        "LNG-terminal (sinds 2022) hielp Russisch gas te vervangen. Groningen Seaports sloeg in 2023 14,1 Mt over.",
        "haventerrein",
    ),
    "emden": (
        "Haven van Emden",
        "De westelijkste zeehaven van Duitsland en de derde autohaven van Europa (1,36 mln voertuigen in 2018); "
        "4 Mt zeevracht in 2020, beheerd door Niedersachsen Ports. Ligt aan de Eems tegenover Delfzijl; ook "
        "Noors gas komt in Emden aan land.",
        "coördinaat van het Duitse Wikipedia-artikel Emder Hafen (53°20′40″ N, 7°12′ O)",
    ),
    "duisburg": (
        "Haven van Duisburg (duisport)",
        "De grootste binnenhaven van Europa, bij de samenvloeiing van Rijn en Ruhr: het belangrijkste Duitse "
        "achterlandknooppunt voor de Nederlandse en Belgische zeehavens. De hele haven sloeg in 2018 127,5 Mt over; "
        "het cijfer van ongeveer 41,5 Mt voor 2023 heeft een smallere afbakening.",
        "haventerrein",
    ),
}


def port_features() -> list[dict[str, Any]]:
    out = []
    for spec in PORTS:
        name_nl, desc_nl, note_nl = PORT_NL[spec["slug"]]
        desc_en = f"{spec['fact']} {spec['description']}"
        if spec["throughput"]:
            desc_en += f" Throughput: {spec['throughput']}."
        if spec.get("uncertain"):
            desc_en += f" {spec['uncertain']}"
        props = {
            "id": f"port:{spec['slug']}",
            "border": spec["border"],
            **lc.texts(
                name=(name_nl, spec["name"]),
                description=(desc_nl, desc_en),
                note=(
                    "Punt in het havengebied"
                    + ("" if note_nl == "haventerrein" else f" ({note_nl})")
                    + ", geen terminal.",
                    "Point in the port area"
                    + ("" if spec["coord_note"] == "port area" else f" ({spec['coord_note']})")
                    + ", not a terminal.",
                ),
            ),
            "source": spec["source"],
            "geometry_quality": "approximate",
            "operator": spec["operator"],
        }
        out.append(feature(Point(spec["xy"]), props))
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "ports.geojson", port_features(), name="ports")
