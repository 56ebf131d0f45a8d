"""Sea and inland ports, drawn as large circles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "ports"


@dataclass(frozen=True)
class PortStyle:
    color: str = PALETTE["orange"]

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        return path_style(color=PALETTE["black"], weight=2, fillColor=self.color, fillOpacity=0.95)


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the port layer."""
    return geojson_layer(collection, t("layer.ports", lang), PortStyle(), point_radius=9, lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    return [LegendEntry(t("legend.port", lang), PortStyle().color, "point")]
