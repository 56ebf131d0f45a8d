"""Regio Deal areas in the border regions, translucent under lines and points."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "regio_deals"


@dataclass(frozen=True)
class RegioDealStyle:
    fill: str = PALETTE["yellow"]
    outline: str = "#9a8c00"

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        return path_style(color=self.outline, weight=1.5, fillColor=self.fill, fillOpacity=0.28)


_S = RegioDealStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (LegendEntry("legend.regio_deal", _S.outline, "area", fill=_S.fill),)
