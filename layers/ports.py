"""Sea and inland ports, drawn as large circles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "ports"


@dataclass(frozen=True)
class PortStyle:
    color: str = PALETTE["orange"]

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        return path_style(color=PALETTE["black"], weight=2, fillColor=self.color, fillOpacity=0.95, radius=9)


_S = PortStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (LegendEntry("legend.port", _S.color, "point"),)
