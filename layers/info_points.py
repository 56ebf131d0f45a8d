"""Cross-border information points (GrensInfoPunten), drawn as sky-blue circles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "info_points"


@dataclass(frozen=True)
class InfoPointStyle:
    color: str = PALETTE["sky"]

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        return path_style(color=PALETTE["black"], weight=2, fillColor=self.color, fillOpacity=0.95)


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the information-point layer."""
    return geojson_layer(collection, t("layer.info_points", lang), InfoPointStyle(), point_radius=7, lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    return [LegendEntry(t("legend.info_point", lang), InfoPointStyle().color, "point")]
