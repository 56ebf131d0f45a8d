"""Euregios: cross-border associations of municipalities, Kreise and provinces (off by default: they are large)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium

from i18n import t
from layers._style import PALETTE, LegendEntry, geojson_layer, path_style

KIND = "euregios"


@dataclass(frozen=True)
class EuregioStyle:
    """Reddish purple, far from the Regio Deals' yellow and Interreg's sky blue; a dashed outline where
    the drawn working area is approximate."""

    color: str = PALETTE["purple"]
    #: a darker shade of the same purple for the outline (the pipelines draw in the plain one)
    outline: str = "#8f4a78"

    def __call__(self, feature: dict[str, Any]) -> dict[str, Any]:
        approximate = feature["properties"].get("geometry_quality") == "approximate"
        return path_style(
            color=self.outline,
            weight=2,
            dashArray="2 6" if approximate else None,
            fillColor=self.color,
            fillOpacity=0.12,
        )


def build(collection: dict[str, Any], lang: str = "nl") -> folium.FeatureGroup:
    """Return the Euregio layer."""
    return geojson_layer(collection, t("layer.euregios", lang), EuregioStyle(), lang=lang)


def legend(lang: str = "nl") -> list[LegendEntry]:
    style = EuregioStyle()
    return [LegendEntry(t("legend.euregio", lang), style.outline, "area", fill=style.color)]
