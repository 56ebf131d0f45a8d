"""Interreg VI-A programme areas on both sides of the borders (off by default: they are large)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "interreg"


@dataclass(frozen=True)
class InterregStyle:
    color: str = PALETTE["sky"]

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        return path_style(color=self.color, weight=2, dashArray="6 4", fillColor=self.color, fillOpacity=0.12)


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the Interreg layer."""
    return geojson_layer(collection, t("layer.interreg", lang), InterregStyle(), lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    color = InterregStyle().color
    return [LegendEntry(t("legend.interreg", lang), color, "area", fill=color)]
