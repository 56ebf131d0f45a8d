"""The NL–BE and NL–DE land borders and the Baarle enclaves, with length labels."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "borders"


@dataclass(frozen=True)
class BorderStyle:
    belgium: str = PALETTE["vermillion"]
    germany: str = PALETTE["blue"]
    weight: int = 5
    germany_dash: str = "14 7"

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        props = feature["properties"]
        if props.get("kind") == "enclave":
            # Belgian parcels filled, Dutch counter-enclaves light: the map reads like the
            # patchwork it is on the ground.
            if props.get("country") == "BE":
                return path_style(color=self.belgium, weight=2, fillColor=self.belgium, fillOpacity=0.45)
            return path_style(color=self.belgium, weight=2, fillColor="#ffffff", fillOpacity=0.85)
        if props.get("border") == "NL-DE":
            return path_style(color=self.germany, weight=self.weight, dashArray=self.germany_dash)
        return path_style(color=self.belgium, weight=self.weight)


def build(
    collection: dict[str, Any], lang: str = "nl", labels: list[dict[str, Any]] | None = None
) -> folium.FeatureGroup:
    """Return the border layer: both lines, the enclaves and a length label on each line.

    ``labels`` holds ``{"latlon": (lat, lon), "text": str}`` items (plain text, escaped here).
    """
    group = geojson_layer(collection, t("layer.borders", lang), BorderStyle(), lang=lang)
    for label in labels or []:
        folium.Marker(
            label["latlon"],
            icon=folium.DivIcon(
                html=f'<div class="border-label">{html.escape(label["text"])}</div>', icon_size=(190, 24)
            ),
            interactive=False,
        ).add_to(group)
    return group


def legend(lang: str = "nl") -> list[LegendEntry]:
    style = BorderStyle()
    return [
        LegendEntry(t("legend.border_be", lang), style.belgium),
        LegendEntry(t("legend.border_de", lang), style.germany, "dashed"),
        LegendEntry(t("legend.enclave", lang), style.belgium, "area", fill=style.belgium),
    ]
