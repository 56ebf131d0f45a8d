"""Cross-border bus lines: solid when running, dashed when discontinued."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "bus_lines"


@dataclass(frozen=True)
class BusStyle:
    running: str = PALETTE["green"]
    discontinued: str = PALETTE["grey"]
    weight: int = 4

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        if feature["properties"].get("status") == "discontinued":
            return path_style(color=self.discontinued, weight=self.weight - 1, dashArray="8 8")
        return path_style(color=self.running, weight=self.weight)


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the bus-line layer."""
    return geojson_layer(collection, t("layer.bus_lines", lang), BusStyle(), lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    style = BusStyle()
    return [
        LegendEntry(t("legend.bus_running", lang), style.running),
        LegendEntry(t("legend.bus_discontinued", lang), style.discontinued, "dashed"),
    ]
