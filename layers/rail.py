"""Cross-border railway lines: black when running, grey dashed when planned, grey dotted when out of service."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "rail"


@dataclass(frozen=True)
class RailStyle:
    running: str = PALETTE["black"]
    inactive: str = PALETTE["grey"]
    weight: int = 5
    planned_dash: str = "10 7"
    out_of_service_dash: str = "2 8"

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        status = properties.get("status")
        if status == "planned":
            return path_style(color=self.inactive, weight=self.weight - 1, dashArray=self.planned_dash)
        if status == "out_of_service":
            return path_style(color=self.inactive, weight=self.weight - 1, dashArray=self.out_of_service_dash)
        return path_style(color=self.running, weight=self.weight, lineCap="butt")


_S = RailStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("legend.rail_running", _S.running),
    LegendEntry("legend.rail_planned", _S.inactive, "dashed"),
    LegendEntry("legend.rail_out_of_service", _S.inactive, "dotted"),
)
