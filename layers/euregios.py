"""Euregios: cross-border associations of municipalities, Kreise and provinces (off by default: they are large)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "euregios"


@dataclass(frozen=True)
class EuregioStyle:
    """Reddish purple, far from the Regio Deals' yellow and Interreg's sky blue; a dashed outline where
    the drawn working area is approximate."""

    color: str = PALETTE["purple"]
    #: a darker shade of the same purple for the outline (the pipelines draw in the plain one)
    outline: str = "#8f4a78"

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        approximate = properties.get("geometry_quality") == "approximate"
        return path_style(
            color=self.outline,
            weight=2,
            dashArray="2 6" if approximate else None,
            fillColor=self.color,
            fillOpacity=0.12,
        )


_S = EuregioStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (LegendEntry("legend.euregio", _S.outline, "area", fill=_S.color),)
