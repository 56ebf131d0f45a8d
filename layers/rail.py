"""Cross-border railway lines: black when running, grey dashed when planned, grey dotted when out of service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "rail"


@dataclass(frozen=True)
class RailStyle:
    running: str = PALETTE["black"]
    inactive: str = PALETTE["grey"]
    weight: int = 5
    planned_dash: str = "10 7"
    out_of_service_dash: str = "2 8"

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        status = feature["properties"].get("status")
        if status == "planned":
            return path_style(color=self.inactive, weight=self.weight - 1, dashArray=self.planned_dash)
        if status == "out_of_service":
            return path_style(color=self.inactive, weight=self.weight - 1, dashArray=self.out_of_service_dash)
        return path_style(color=self.running, weight=self.weight, lineCap="butt")


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the rail layer."""
    return geojson_layer(collection, t("layer.rail", lang), RailStyle(), lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    style = RailStyle()
    return [
        LegendEntry(t("legend.rail_running", lang), style.running),
        LegendEntry(t("legend.rail_planned", lang), style.inactive, "dashed"),
        LegendEntry(t("legend.rail_out_of_service", lang), style.inactive, "dotted"),
    ]
