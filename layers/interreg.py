"""Interreg VI-A programme areas on both sides of the borders (off by default: they are large)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "interreg"


@dataclass(frozen=True)
class InterregStyle:
    color: str = PALETTE["sky"]

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        return path_style(color=self.color, weight=2, dashArray="6 4", fillColor=self.color, fillOpacity=0.12)


_S = InterregStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (LegendEntry("legend.interreg", _S.color, "area", fill=_S.color),)
