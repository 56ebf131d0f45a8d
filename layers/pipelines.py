"""Cross-border pipelines (lines, dotted when planned) and gas border points (circles)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "pipelines"


@dataclass(frozen=True)
class PipelineStyle:
    color: str = PALETTE["purple"]
    weight: int = 4

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        props = feature["properties"]
        if props.get("kind") == "interconnection_point":
            return path_style(color=PALETTE["black"], weight=2, fillColor=self.color, fillOpacity=0.95)
        if props.get("status") == "planned":
            return path_style(color=self.color, weight=self.weight, dashArray="1 9")
        return path_style(color=self.color, weight=self.weight)


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the pipeline layer (points drawn as small circles)."""
    return geojson_layer(collection, t("layer.pipelines", lang), PipelineStyle(), point_radius=6, lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    style = PipelineStyle()
    return [
        LegendEntry(t("legend.pipeline_operating", lang), style.color),
        LegendEntry(t("legend.pipeline_planned", lang), style.color, "dotted"),
        LegendEntry(t("legend.gas_point", lang), style.color, "point"),
    ]
