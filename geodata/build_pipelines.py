"""Build ``pipelines.geojson``: cross-border pipelines (schematic lines) and GTS gas border points.

Facts: public pages of the operators and the press, the national pipeline plan (Structuurvisie
Buisleidingen 2012–2035) and the GTS list of border network points, cited per feature. Lines run
straight through GeoNames coordinates of their end-point and via towns ("schematic"); the real routes and exact
crossing points are mostly not public. Gas interconnection points are placed at the village
named by Gasunie Transport Services (GTS) and snapped to the nearest point of the land border
line ("approximate").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shapely.geometry import MultiLineString

from geodata import layer_common as lc
from geodata.geojson_io import feature, length_km, write_collection

GTS = (
    "Gasunie Transport Services, list of border network points (report FlowHsWobbePerNetworkpoint), "
    "https://dataport.gastransportservices.nl"
)
STRUCTUURVISIE = "https://www.ruimtelijkeplannen.nl/documents/NL.IMRO.0000.IM11svBuisleiding-3010/db_NL.IMRO.0000.IM11svBuisleiding-3010_index.html"

PIPELINES: list[dict[str, Any]] = [
    dict(
        slug="rrp",
        name="Rotterdam–Rijn Pijpleiding (RRP)",
        operator="RRP (Shell, BP, Ruhr Oel)",
        product="crude oil; oil products (second line)",
        capacity="about 25 Mt/yr crude; products line 2,000 m³/h",
        status="operating",
        border="NL-DE",
        branches=[
            [("Rotterdam", "NL"), ("Venlo", "NL"), ("Dinslaken", "DE"), ("Gelsenkirchen", "DE")],
            [("Venlo", "NL"), ("Wesseling", "DE")],
        ],
        description="Oil pipeline system from the Rotterdam port terminals via the RRP tank terminal at Venlo to "
        "the BP refinery at Gelsenkirchen and Shell's Rheinland refinery near Cologne. The company was founded "
        "in 1958; the 36-inch line carries crude (about 25 Mt a year), the older 24-inch line oil products "
        "(2,000 m³ an hour).",
        source="https://www.shell.nl/media/venster/eerder-verschenen/pipeline-crucial-for-energy-supply.html ; "
        "https://www.energy-focus.net/rotterdam-rhine-pipeline-rrp-delta-corridor-promises-much-for-northern-europe/ ; "
        "http://uk.reuters.com/article/oil-pipeline-germany-idUKL8N1912IQ",
        uncertain="Exact border crossing near Venlo not found; branches drawn straight to Gelsenkirchen and Wesseling.",
    ),
    dict(
        slug="rmr",
        name="Rhein-Main-Rohrleitung (RMR)",
        operator="RMR (Shell 63 %, BP 35 %, ExxonMobil 2 %)",
        product="fuels, jet fuel, naphtha",
        capacity="",
        status="operating",
        border="NL-DE",
        branches=[[("Venlo", "NL"), ("Köln", "DE"), ("Frankfurt am Main", "DE"), ("Ludwigshafen am Rhein", "DE")]],
        description="525 km products pipeline from the Dutch–German border near Venlo to Frankfurt and "
        "Ludwigshafen, linked to RRP (a 50 km link from Dinslaken was built in 1968).",
        source="https://de.wiki.li/Rhein-Main-Rohrleitungstransportgesellschaft",
        uncertain="Drawn from Venlo; the real line starts at the border and its route is not public in the sources.",
    ),
    dict(
        slug="rapl",
        name="Rotterdam–Antwerpen Pijpleiding (RAPL)",
        operator="RAPL",
        product="crude oil",
        capacity="",
        status="operating",
        border="NL-BE",
        branches=[[("Rozenburg", "NL"), ("Woensdrecht", "NL"), ("Antwerp", "BE")]],
        description="Crude-oil line of a little over 100 km from the Europoort pump station to the Antwerp "
        "refineries; first crude arrived on 10 May 1971, because 250,000 t tankers could not reach Antwerp.",
        source="http://www.rapl.nl/geschiedenis/",
        uncertain="Border crossing not found (probably Woensdrecht/Zandvliet area); Europoort drawn at Rozenburg.",
    ),
    dict(
        slug="arg-ethylene",
        name="ARG ethylene pipeline network",
        operator="ARG mbH & Co. KG (BASF, Sasol and others)",
        product="ethylene",
        capacity="",
        status="operating",
        border="NL-BE;NL-DE",
        branches=[
            [
                ("Antwerp", "BE"),
                ("Tessenderlo", "BE"),
                ("Beek", "NL", (5.8, 50.94)),
                ("Dormagen", "DE"),
                ("Wesseling", "DE"),
            ],
            [
                ("Dormagen", "DE"),
                ("Duisburg", "DE", (6.76, 51.43)),
                ("Gelsenkirchen", "DE"),
                ("Marl", "DE", (7.09, 51.66)),
            ],
        ],
        description="About 490 km ethylene grid built 1970–1974 linking Antwerp, Tessenderlo, Chemelot at Beek "
        "(where the control room is), Dormagen, Wesseling and the Ruhr chemical sites.",
        source="https://www.icis.com/explore/resources/news/2001/09/24/147652/development-of-the-arg-ethylene-pipeline ; "  # noqa: E501
        "https://arg.tcprojects.de/routing/",
        uncertain="Exact crossing points in South Limburg not found.",
    ),
    dict(
        slug="dow-terneuzen-antwerp-botlek",
        name="Dow pipeline Terneuzen–Antwerp–Botlek",
        operator="Dow Benelux",
        product="ethylene; naphtha; propylene",
        capacity="",
        status="operating",
        border="NL-BE",
        branches=[[("Terneuzen", "NL"), ("Antwerp", "BE"), ("Spijkenisse", "NL")]],
        description="About 220 km of Dow product pipelines linking Dow Terneuzen, the port of Antwerp and the "
        "Botlek in Rotterdam, monitored around the clock from Terneuzen.",
        source="https://dowcircles.nl/duurzaamheid/pijpleidingen/transport-pijpleidingen",
        uncertain="Routes and crossing points not public; Botlek drawn at Spijkenisse.",
    ),
    dict(
        slug="h2-sas-van-gent-zelzate",
        name="Gasunie–Fluxys hydrogen interconnector (North Sea Port)",
        operator="Gasunie (NL) and Fluxys (BE), with North Sea Port",
        product="hydrogen (open access)",
        capacity="",
        status="planned",
        border="NL-BE",
        branches=[[("Sas van Gent", "NL"), ("Zelzate", "BE")]],
        description="Planned open-access hydrogen link between the Dutch and Belgian hydrogen networks in the North "
        "Sea Port zone, crossing at Sas van Gent / Zelzate where natural gas already crosses. Agreed 17 May 2022, "
        "target 2026; the port zone produces and uses about 580,000 t of hydrogen a year.",
        source="https://hydrogen-central.com/gasunie-fluxys-cross-border-dutch-belgian-hydrogen-network-north-sea-port/ ; "  # noqa: E501
        "https://intermodalnews.eu/2022/05/18/north-sea-port-to-put-into-operation-open-access-hydrogen-network/",
    ),
    dict(
        slug="delta-rhine-corridor",
        name="Delta Rhine Corridor",
        operator="Port of Rotterdam, RRP, Chemelot; later Shell, OGE, Gasunie, BASF",
        product="hydrogen; CO2",
        capacity="",
        status="planned",
        border="NL-DE",
        branches=[
            [
                ("Rotterdam", "NL"),
                ("Moerdijk", "NL"),
                ("Tilburg", "NL"),
                ("Venlo", "NL"),
                ("Geleen", "NL"),
                ("Köln", "DE"),
            ],
            [("Venlo", "NL"), ("Gelsenkirchen", "DE")],
        ],
        description="Planned pipeline bundle from Rotterdam via Moerdijk, Venlo and Chemelot to North "
        "Rhine-Westphalia. In MIEK since November 2021; in December 2024 the government narrowed it to hydrogen "
        "and CO2 with completion in 2031–2033.",
        source="https://www.portofrotterdam.com/nl/nieuws-en-persberichten/brede-steun-industrie-voor-delta-corridor-project ; "  # noqa: E501
        "https://swzmaritime.nl/news/2024/12/10/hydrogen-and-co2-prioritised-in-delta-rhine-corridor/",
        uncertain="Route not fixed; Tilburg is bracketed in the source; crossing point in Limburg not known.",
    ),
    dict(
        slug="defence-fuel-markelo-bramsche",
        name="Defence fuel line Markelo–Bramsche",
        operator="Ministry of Defence (likely NATO CEPS)",
        product="military fuel",
        capacity="",
        status="operating",
        border="NL-DE",
        branches=[[("Markelo", "NL"), ("Bramsche", "DE")]],
        description="Military fuel pipeline from Markelo to Bramsche, listed as an existing crossing in Dinkelland "
        "in the national pipeline plan (Structuurvisie Buisleidingen 2012–2035).",
        source=STRUCTUURVISIE,
        uncertain="Operator inferred (NATO CEPS); drawn straight.",
    ),
]

#: slug, name, neighbour border, where to place the point, ids, adjacent TSO, extra note.
#: ``at`` is a list of gazetteer stops; the mean of their coordinates is snapped to the border line.
#: ``at_facts`` gives a published coordinate where the gazetteer has no entry (``at_note`` says whose).
POINTS: list[dict[str, Any]] = [
    dict(
        slug="oude-statenzijl",
        name="Oude Statenzijl",
        border="NL-DE",
        at_facts=(7.2051, 53.2018),
        at_note=(
            "het dorpspunt uit de open data van PyPSA-Eur (Kernnetz-script, github.com/PyPSA/pypsa-eur)",
            "the village point in the open PyPSA-Eur data (Kernnetz script, github.com/PyPSA/pypsa-eur)",
        ),
        gts_ids="300147; 300136; 300144; 300146; 300145; 301516",
        adjacent="GASCADE; GTG Nord; GUD; OGE",
        extra="Several gas lines cross here: export station on the Dutch side, compressors on the German side (Bunde).",
    ),
    dict(
        slug="vlieghuis",
        name="Vlieghuis",
        border="NL-DE",
        at=[("Schoonebeek", "NL")],
        gts_ids="300142",
        adjacent="RWE",
        extra="Feeds the Kalle gas storage in Emsland.",
    ),
    dict(
        slug="winterswijk",
        name="Winterswijk",
        border="NL-DE",
        at=[("Winterswijk", "NL")],
        gts_ids="300133",
        adjacent="OGE",
        extra="Export station A188 (1972), one of six Gasunie border stations to Germany; one-way flow to the "
        "Ruhr, up to about 3 M m³/h at 67 bar.",
        extra_source="https://erfgoedfestival.nl/grenzeloos-gelderland/zacht-ruisend-aardgas/",
    ),
    dict(
        slug="dinxperlo",
        name="Dinxperlo",
        border="NL-DE",
        at=[("Dinxperlo", "NL")],
        gts_ids="300140",
        adjacent="BEW",
        extra="Border point towards Suderwick/Bocholt.",
    ),
    dict(
        slug="zevenaar",
        name="Zevenaar",
        border="NL-DE",
        at=[("Zevenaar", "NL")],
        gts_ids="300132",
        adjacent="",
        extra="Border point towards Elten/Emmerich.",
    ),
    dict(
        slug="tegelen",
        name="Tegelen",
        border="NL-DE",
        at=[("Tegelen", "NL")],
        gts_ids="300138",
        adjacent="OGE",
        extra="Border point towards Kaldenkirchen (neighbour town uncertain).",
    ),
    dict(
        slug="haanrade",
        name="Haanrade",
        border="NL-DE",
        at=[("Haanrade", "NL")],
        gts_ids="300141",
        adjacent="Thyssengas",
        extra="Border point towards Herzogenrath.",
    ),
    dict(
        slug="bocholtz",
        name="Bocholtz",
        border="NL-DE",
        at=[("Bocholtz", "NL")],
        gts_ids="300139; 301368",
        adjacent="OGE – Fluxys TENP; Thyssengas (Vetschau)",
        extra="Link to the TENP line; Bocholtz TENP and Bocholtz Vetschau are two network points here.",
    ),
    dict(
        slug="obbicht",
        name="Obbicht",
        border="NL-BE",
        at=[("Obbicht", "NL")],
        gts_ids="300137",
        adjacent="Fluxys",
        extra="Border point on the Meuse towards Belgian Limburg (probably the point labelled Dilsen elsewhere).",
    ),
    dict(
        slug="s-gravenvoeren",
        name="'s-Gravenvoeren",
        border="NL-BE",
        at=[("'s-Gravenvoeren", "BE")],
        gts_ids="300143",
        adjacent="Fluxys",
        extra="The station lies on the Belgian side in Voeren; the point marks the nearest border.",
    ),
    dict(
        slug="hilvarenbeek",
        name="Hilvarenbeek",
        border="NL-BE",
        at=[("Hilvarenbeek", "NL"), ("Poppel", "BE")],
        gts_ids="300131",
        adjacent="Fluxys",
        extra="Border point between Hilvarenbeek and Poppel.",
    ),
    dict(
        slug="zandvliet",
        name="Zandvliet",
        border="NL-BE",
        at=[("Ossendrecht", "NL"), ("Stabroek", "BE")],
        gts_ids="300134; 301184",
        adjacent="Fluxys (G and H gas)",
        extra="Border point north of the port of Antwerp.",
    ),
    dict(
        slug="zelzate",
        name="Zelzate",
        border="NL-BE",
        at=[("Sas van Gent", "NL"), ("Zelzate", "BE")],
        gts_ids="301111",
        adjacent="Fluxys",
        extra="Gas border point between Sas van Gent and Zelzate; the planned hydrogen interconnector crosses here too.",  # noqa: E501
    ),
]


#: Dutch name and description per pipeline, and the caveat that used to sit in ``uncertain``:
#: {slug: (name_nl, description_nl, caveat_nl)}; English caveats stay in ``uncertain`` above.
PIPE_NL: dict[str, tuple[str, str, str]] = {
    "rrp": (
        "Rotterdam–Rijn Pijpleiding (RRP)",
        "Olieleidingen van de terminals in de Rotterdamse haven via de RRP-tankopslag in Venlo naar de "
        "BP-raffinaderij in Gelsenkirchen en de Rheinland-raffinaderij van Shell bij Keulen. Het bedrijf bestaat "
        "sinds 1958; de 36-inchleiding vervoert ruwe olie (ongeveer 25 Mt per jaar), de oudere 24-inchleiding "
        "olieproducten (2.000 m³ per uur).",
        "Het precieze grenspunt bij Venlo is niet gevonden; de takken naar Gelsenkirchen en Wesseling zijn recht "
        "getekend.",
    ),
    "rmr": (
        "Rhein-Main-Rohrleitung (RMR)",
        "Productleiding van 525 km van de grens bij Venlo naar Frankfurt en Ludwigshafen, aangesloten op de RRP "
        "(in 1968 kwam er een verbinding van 50 km vanaf Dinslaken).",
        "Getekend vanaf Venlo; de echte leiding begint aan de grens en haar tracé staat niet in de bronnen.",
    ),
    "rapl": (
        "Rotterdam–Antwerpen Pijpleiding (RAPL)",
        "Leiding voor ruwe olie van ruim 100 km van het pompstation in de Europoort naar de Antwerpse "
        "raffinaderijen; de eerste olie kwam op 10 mei 1971 aan, omdat tankers van 250.000 ton Antwerpen niet "
        "konden bereiken.",
        "Grenspunt niet gevonden (waarschijnlijk bij Woensdrecht/Zandvliet); de Europoort is bij Rozenburg getekend.",
    ),
    "arg-ethylene": (
        "ARG-etheenleidingnet",
        "Etheennet van ongeveer 490 km, aangelegd in 1970–1974, tussen Antwerpen, Tessenderlo, Chemelot bij Beek "
        "(waar de meldkamer zit), Dormagen, Wesseling en de chemie in het Ruhrgebied.",
        "De precieze grenspunten in Zuid-Limburg zijn niet gevonden.",
    ),
    "dow-terneuzen-antwerp-botlek": (
        "Dow-leiding Terneuzen–Antwerpen–Botlek",
        "Ongeveer 220 km productleidingen van Dow tussen Dow Terneuzen, de Antwerpse haven en de Rotterdamse "
        "Botlek, dag en nacht bewaakt vanuit Terneuzen.",
        "Tracés en grenspunten zijn niet openbaar; de Botlek is bij Spijkenisse getekend.",
    ),
    "h2-sas-van-gent-zelzate": (
        "Waterstofverbinding Gasunie–Fluxys (North Sea Port)",
        "Geplande open waterstofverbinding tussen het Nederlandse en het Belgische waterstofnet in het gebied van "
        "North Sea Port, over de grens bij Sas van Gent / Zelzate waar ook aardgas de grens over gaat. Afgesproken "
        "op 17 mei 2022 met 2026 als doel; het havengebied maakt en gebruikt ongeveer 580.000 ton waterstof per "
        "jaar.",
        "",
    ),
    "delta-rhine-corridor": (
        "Delta Rhine Corridor",
        "Gepland leidingenbundel van Rotterdam via Moerdijk, Venlo en Chemelot naar Noordrijn-Westfalen. Sinds "
        "november 2021 in het MIEK; in december 2024 beperkte het kabinet het project tot waterstof en CO2, met "
        "oplevering in 2031–2033.",
        "Tracé niet vastgesteld; Tilburg staat tussen haakjes in de bron; het grenspunt in Limburg is onbekend.",
    ),
    "defence-fuel-markelo-bramsche": (
        "Defensiebrandstofleiding Markelo–Bramsche",
        "Militaire brandstofleiding van Markelo naar Bramsche, in de Structuurvisie Buisleidingen 2012–2035 "
        "genoemd als bestaande grensovergang in Dinkelland.",
        "Beheerder afgeleid (NAVO-net CEPS); recht getekend.",
    ),
}

#: Dutch text per gas border point: {slug: extra_nl}.
POINT_NL: dict[str, str] = {
    "oude-statenzijl": "Hier gaan meerdere gasleidingen de grens over: een exportstation aan Nederlandse kant, "
    "compressoren aan Duitse kant (Bunde).",
    "vlieghuis": "Voedt de gasopslag Kalle in het Emsland.",
    "winterswijk": "Exportstation A188 (1972), een van de zes grensstations van Gasunie naar Duitsland; gas stroomt "
    "alleen richting Ruhrgebied, tot ongeveer 3 mln m³/uur bij 67 bar.",
    "dinxperlo": "Grenspunt richting Suderwick/Bocholt.",
    "zevenaar": "Grenspunt richting Elten/Emmerik.",
    "tegelen": "Grenspunt richting Kaldenkirchen (buurplaats onzeker).",
    "haanrade": "Grenspunt richting Herzogenrath.",
    "bocholtz": "Aansluiting op de TENP-leiding; Bocholtz TENP en Bocholtz Vetschau zijn hier twee netpunten.",
    "obbicht": "Grenspunt aan de Maas richting Belgisch Limburg (waarschijnlijk het punt dat elders Dilsen heet).",
    "s-gravenvoeren": "Het station ligt aan Belgische kant in Voeren; het punt markeert de dichtstbijzijnde grens.",
    "hilvarenbeek": "Grenspunt tussen Hilvarenbeek en Poppel.",
    "zandvliet": "Grenspunt ten noorden van de Antwerpse haven.",
    "zelzate": "Gasgrenspunt tussen Sas van Gent en Zelzate; ook de geplande waterstofverbinding gaat hier over de "
    "grens.",
}

PRODUCT_NL = {
    "crude oil": "ruwe olie",
    "crude oil; oil products (second line)": "ruwe olie; olieproducten (tweede leiding)",
    "ethylene": "etheen",
    "ethylene; naphtha; propylene": "etheen; nafta; propeen",
    "fuels, jet fuel, naphtha": "brandstoffen, kerosine, nafta",
    "hydrogen (open access)": "waterstof (open toegang)",
    "hydrogen; CO2": "waterstof; CO2",
    "military fuel": "militaire brandstof",
    "natural gas": "aardgas",
}

LINE_NOTE = (
    "Rechte lijnstukken tussen de GeoNames-punten van begin-, eind- en tussenplaatsen; het echte tracé en het "
    "grenspunt staan niet in de bronnen.",
    "Straight segments through GeoNames points of the end-point and via towns; the real route and the crossing "
    "point are not public in the sources.",
)


def pipeline_features(out_dir: Path) -> list[dict[str, Any]]:
    lines = lc.border_lines(out_dir)
    out = []
    for spec in PIPELINES:
        fid = f"pipeline:{spec['slug']}"
        parts = [lc.route(b) for b in spec["branches"]]
        geom = parts[0] if len(parts) == 1 else MultiLineString(parts)
        lc.require_crossing(fid, geom, spec["border"], lines)
        name_nl, desc_nl, caveat_nl = PIPE_NL[spec["slug"]]
        caveat_en = spec.get("uncertain", "")
        props = {
            "id": fid,
            "border": spec["border"],
            **lc.texts(
                name=(name_nl, spec["name"]),
                description=(f"{desc_nl} {caveat_nl}".strip(), f"{spec['description']} {caveat_en}".strip()),
                note=LINE_NOTE,
            ),
            "source": spec["source"],
            "geometry_quality": "schematic",
            "kind": "pipeline",
            "product_nl": PRODUCT_NL[spec["product"]],
            "product_en": spec["product"],
            "status": spec["status"],
            "via": "; ".join(dict.fromkeys(s[0] for b in spec["branches"] for s in b)),
            "length_km_schematic": round(length_km(geom), 1),
        }
        if spec["operator"]:
            props["operator"] = spec["operator"]
        out.append(feature(geom, props))
    for spec in POINTS:
        fid = f"pipeline:gts-{spec['slug']}"
        if "at" in spec:
            pts = [lc.stop_point(s) for s in spec["at"]]
            lon, lat = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            names = " en ".join(s[0] for s in spec["at"]), " and ".join(s[0] for s in spec["at"])
            at_nl, at_en = f"het gemiddelde GeoNames-punt van {names[0]}", f"the mean GeoNames point of {names[1]}"
        else:
            (lon, lat), (at_nl, at_en) = spec["at_facts"], spec["at_note"]
        geom = lc.snap_to_border(lon, lat, lines[spec["border"]])
        source = GTS + (f" ; {spec['extra_source']}" if spec.get("extra_source") else "")
        neighbour_nl, neighbour_en = ("België", "Belgium") if spec["border"] == "NL-BE" else ("Duitsland", "Germany")
        props = {
            "id": fid,
            "border": spec["border"],
            **lc.texts(
                name=(f"Gasgrenspunt {spec['name']}", f"Gas border point {spec['name']}"),
                description=(
                    f"Netpunt {spec['name']} van Gasunie Transport Services op de grens met {neighbour_nl}. "
                    + POINT_NL[spec["slug"]],
                    f"Gasunie Transport Services network point {spec['name']} on the border with {neighbour_en}. "
                    + spec["extra"],
                ),
                note=(
                    f"Op de landsgrens gezet, op het punt dat het dichtst bij {at_nl} ligt; het echte station kan "
                    "een paar kilometer verderop liggen.",
                    f"Placed on the land border at the point nearest to {at_en}; the real station may lie a few "
                    "kilometres away on either side.",
                ),
            ),
            "source": source,
            "geometry_quality": "approximate",
            "kind": "interconnection_point",
            "product_nl": PRODUCT_NL["natural gas"],
            "product_en": "natural gas",
            "operator": "Gasunie Transport Services (GTS)",
            "status": "operating",
            "gts_network_point_ids": spec["gts_ids"],
        }
        if spec["adjacent"]:
            props["adjacent_operator"] = spec["adjacent"]
        out.append(feature(geom, props))
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "pipelines.geojson", pipeline_features(out_dir), name="pipelines")
