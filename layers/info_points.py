"""Cross-border information points (GrensInfoPunten), drawn as sky-blue circles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "info_points"


@dataclass(frozen=True)
class InfoPointStyle:
    color: str = PALETTE["sky"]

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        return path_style(color=PALETTE["black"], weight=2, fillColor=self.color, fillOpacity=0.95, radius=7)


_S = InfoPointStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (LegendEntry("legend.info_point", _S.color, "point"),)
