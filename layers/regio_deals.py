"""Regio Deal areas in the border regions, translucent under lines and points."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "regio_deals"


@dataclass(frozen=True)
class RegioDealStyle:
    fill: str = PALETTE["yellow"]
    outline: str = "#9a8c00"

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        return path_style(color=self.outline, weight=1.5, fillColor=self.fill, fillOpacity=0.28)


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the Regio Deal layer."""
    return geojson_layer(collection, t("layer.regio_deals", lang), RegioDealStyle(), lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    style = RegioDealStyle()
    return [LegendEntry(t("legend.regio_deal", lang), style.outline, "area", fill=style.fill)]
