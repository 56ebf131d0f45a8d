"""Cross-border bus lines: solid when running, dashed when discontinued."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "bus_lines"


@dataclass(frozen=True)
class BusStyle:
    running: str = PALETTE["green"]
    discontinued: str = PALETTE["grey"]
    weight: int = 4

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        if properties.get("status") == "discontinued":
            return path_style(color=self.discontinued, weight=self.weight - 1, dashArray="8 8")
        return path_style(color=self.running, weight=self.weight)


_S = BusStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("legend.bus_running", _S.running),
    LegendEntry("legend.bus_discontinued", _S.discontinued, "dashed"),
)
