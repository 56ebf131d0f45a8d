"""Cross-border pipelines (lines, dotted when planned) and gas border points (circles)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "pipelines"


@dataclass(frozen=True)
class PipelineStyle:
    color: str = PALETTE["purple"]
    weight: int = 4

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        if properties.get("kind") == "interconnection_point":
            return path_style(color=PALETTE["black"], weight=2, fillColor=self.color, fillOpacity=0.95, radius=6)
        if properties.get("status") == "planned":
            return path_style(color=self.color, weight=self.weight, dashArray="1 9")
        return path_style(color=self.color, weight=self.weight)


_S = PipelineStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("legend.pipeline_operating", _S.color),
    LegendEntry("legend.pipeline_planned", _S.color, "dotted"),
    LegendEntry("legend.gas_point", _S.color, "point"),
)
