"""Build ``info_points.geojson``: the cross-border information points (GrensInfoPunten, GIP).

Only points whose town a public source names are drawn. The point is the GeoNames coordinate of
that town, or, for a desk that the source places *at the border* (Eurode, Gronau/Glanerbrug,
Bad Nieuweschans), the nearest point of the land border line: every point is ``approximate``
(town level, not the office address). The roughly twenty smaller desks in the Scheldemond area,
Noord-Brabant and Antwerpen are not drawn, because no source found names their locations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shapely.geometry import MultiPoint, Point

from geodata import layer_common as lc
from geodata.geojson_io import feature, write_collection

GRENZINFO = "https://grenzinfo.eu/das-sind-wir/"
FUNDING = "https://euregio.org/de/grenzlandkonferenz"

COMMON_NL = (
    "Een GrensInfoPunt beantwoordt vragen van burgers en bedrijven over werken, studeren en ondernemen over de "
    "grens, bijvoorbeeld over sociale zekerheid en belasting in beide landen."
)
COMMON_EN = (
    "A cross-border information point answers questions from people and businesses about working, studying "
    "and doing business across the border, for example on social security and tax in both countries."
)
FUNDING_NL = (
    "Sinds 2021 betalen Nederland en Duitsland samen de vaste financiering van de punten aan de Duitse grens "
    "(afspraak van 25 november 2019); in 2018 telden die punten ongeveer 22.700 adviescontacten."
)
FUNDING_EN = (
    "Since 2021 the Netherlands and Germany have shared the structural funding of the points on the German border "
    "(agreement of 25 November 2019); in 2018 those points counted about 22,700 advice contacts."
)

#: slug, border, host, where ("town": GeoNames places; "border": snap their mean to the border line),
#: texts and sources.
POINTS: list[dict[str, Any]] = [
    dict(
        slug="aachen-eurode",
        border="NL-DE",
        host="Region Aachen with the Euregio Maas-Rijn partners",
        desks=[
            dict(town=[("Aachen", "DE")]),
            dict(border=[("Kerkrade", "NL"), ("Herzogenrath", "DE")]),
        ],
        name=("GrensInfoPunt Aken-Eurode", "Cross-border information point Aachen-Eurode"),
        place=(
            "Twee loketten: in Aken en in het Eurode Business Center op de grens van Kerkrade en Herzogenrath.",
            "Two desks: in Aachen and in the Eurode Business Center on the border between Kerkrade and Herzogenrath.",
        ),
        note=(
            "Twee punten: Aken (GeoNames-punt van de stad) en Eurode (grenspunt tussen Kerkrade en Herzogenrath); "
            "niet het adres van het kantoor.",
            "Two points: Aachen (the city's GeoNames point) and Eurode (border point between Kerkrade and "
            "Herzogenrath); not the office address.",
        ),
        source=[
            GRENZINFO,
            "http://www.aachener-nachrichten.de/lokales/aachen/grenzinfopunkt-aachen-eurode-offiziell-eroeffnet-1.490908",
            "https://www.charlemagne-grenzregion.eu/opening-grensinfopunt/",
        ],
    ),
    dict(
        slug="maastricht",
        border="NL-BE",
        host="Euregio Maas-Rijn",
        desks=[dict(town=[("Maastricht", "NL")])],
        name=("GrensInfoPunt Maastricht", "Cross-border information point Maastricht"),
        place=(
            "Loket in Maastricht voor vragen over de grenzen met België en Duitsland.",
            "Desk in Maastricht for questions about the borders with Belgium and Germany.",
        ),
        note=(
            "GeoNames-punt van Maastricht; niet het adres van het kantoor.",
            "GeoNames point of Maastricht; not the office address.",
        ),
        source=[GRENZINFO],
    ),
    dict(
        slug="bad-nieuweschans",
        border="NL-DE",
        host="Ems Dollart Region (EDR)",
        desks=[dict(border=[("Bunde", "DE", (7.27, 53.18))])],
        name=("GrensInfoPunt Bad Nieuweschans", "Cross-border information point Bad Nieuweschans"),
        place=(
            "Loket van de Eems Dollard Regio in Bad Nieuweschans; in 2020 werd de voortzetting van het werk met een "
            "financiële toezegging zeker gesteld.",
            "Desk of the Ems Dollart Region in Bad Nieuweschans; in 2020 a funding pledge secured its continued work.",
        ),
        note=(
            "Bad Nieuweschans staat niet in de gazetteer: het punt ligt op de grens, op het punt dat het dichtst bij "
            "Bunde ligt, ongeveer bij het dorp.",
            "Bad Nieuweschans is not in the gazetteer: the point is on the border, at the point nearest to Bunde, "
            "roughly at the village.",
        ),
        source=[
            GRENZINFO,
            "https://www.westerwoldeactueel.nl/2020/08/27/grenzeloos-advies-grensinfopunten-kunnen-hun-werk-na-financiele-toezegging-voortzetten/",
        ],
    ),
    dict(
        slug="enschede-gronau",
        border="NL-DE",
        host="EUREGIO",
        desks=[dict(border=[("Glanerbrug", "NL"), ("Gronau", "DE", (7.02, 52.21))])],
        name=("GrensInfoPunt Enschede-Gronau", "Cross-border information point Enschede-Gronau"),
        place=(
            "Loket van de EUREGIO bij de grens tussen Glanerbrug (Enschede) en Gronau.",
            "EUREGIO desk at the border between Glanerbrug (Enschede) and Gronau.",
        ),
        note=(
            "Grenspunt tussen de GeoNames-punten van Glanerbrug en Gronau; niet het adres van het kantoor.",
            "Border point between the GeoNames points of Glanerbrug and Gronau; not the office address.",
        ),
        source=[GRENZINFO, "https://www.euregio.eu/de/aktuell/euregio-empfaengt-generalkonsulin-hannah-tijmes/"],
    ),
    dict(
        slug="kleve",
        border="NL-DE",
        host="Euregio Rhein-Waal",
        desks=[dict(town=[("Kleve", "DE", (6.14, 51.79))])],
        name=("GrensInfoPunt Kleef", "Cross-border information point Kleve"),
        place=("Loket van de Euregio Rijn-Waal in Kleef.", "Desk of the Euregio Rhine-Waal in Kleve."),
        note=(
            "GeoNames-punt van Kleef; niet het adres van het kantoor.",
            "GeoNames point of Kleve; not the office address.",
        ),
        source=[GRENZINFO],
    ),
    dict(
        slug="monchengladbach",
        border="NL-DE",
        host="euregio rhein-maas-nord",
        desks=[dict(town=[("Mönchengladbach", "DE")])],
        name=("GrensInfoPunt Mönchengladbach", "Cross-border information point Mönchengladbach"),
        place=(
            "Loket van de euregio rhein-maas-nord in Mönchengladbach, dat sinds 2021 structureel wordt gefinancierd.",
            "Desk of the euregio rhein-maas-nord in Mönchengladbach, with structural funding since 2021.",
        ),
        note=(
            "GeoNames-punt van Mönchengladbach; niet het adres van het kantoor.",
            "GeoNames point of Mönchengladbach; not the office address.",
        ),
        source=[GRENZINFO, "http://euregio-rmn.de/de/strukturelle-finanzierung-des-grenzinfopunkts/"],
    ),
]


def _desk_point(desk: dict[str, Any], line: Any) -> Point:
    stops = desk.get("town") or desk["border"]
    pts = [lc.stop_point(s) for s in stops]
    lon, lat = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    return Point(lon, lat) if "town" in desk else lc.snap_to_border(lon, lat, line)


def info_point_features(out_dir: Path) -> list[dict[str, Any]]:
    lines = lc.border_lines(out_dir)
    out = []
    for spec in POINTS:
        fid = f"gip:{spec['slug']}"
        pts = [_desk_point(d, lines[spec["border"]]) for d in spec["desks"]]
        geom = pts[0] if len(pts) == 1 else MultiPoint(pts)
        german = spec["border"] == "NL-DE"
        props = {
            "id": fid,
            "border": spec["border"],
            **lc.texts(
                name=spec["name"],
                description=(
                    f"{spec['place'][0]} {COMMON_NL}" + (f" {FUNDING_NL}" if german else ""),
                    f"{spec['place'][1]} {COMMON_EN}" + (f" {FUNDING_EN}" if german else ""),
                ),
                note=spec["note"],
            ),
            "source": lc.join_sources(*spec["source"], *([FUNDING] if german else []), lc.LETTER_2021),
            "geometry_quality": "approximate",
            "host": spec["host"],
            "desks": len(pts),
        }
        out.append(feature(geom, props))
    return out


def build(out_dir: Path) -> None:
    write_collection(out_dir / "info_points.geojson", info_point_features(out_dir), name="info_points")
