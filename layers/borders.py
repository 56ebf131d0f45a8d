"""The NL–BE and NL–DE land borders and the Baarle enclaves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from layers.style import PALETTE, LegendEntry, path_style

KIND = "borders"


@dataclass(frozen=True)
class BorderStyle:
    belgium: str = PALETTE["vermillion"]
    germany: str = PALETTE["blue"]
    weight: int = 5
    germany_dash: str = "14 7"

    def __call__(self, properties: Mapping[str, Any]) -> dict[str, Any]:
        if properties.get("kind") == "enclave":
            # Belgian parcels filled, Dutch counter-enclaves light: the map reads like the
            # patchwork it is on the ground.
            if properties.get("country") == "BE":
                return path_style(color=self.belgium, weight=2, fillColor=self.belgium, fillOpacity=0.45)
            return path_style(color=self.belgium, weight=2, fillColor="#ffffff", fillOpacity=0.85)
        if properties.get("border") == "NL-DE":
            return path_style(color=self.germany, weight=self.weight, dashArray=self.germany_dash)
        return path_style(color=self.belgium, weight=self.weight)


_S = BorderStyle()
#: How features are drawn: called once per feature with its properties.
STYLE = _S
LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("legend.border_be", _S.belgium),
    LegendEntry("legend.border_de", _S.germany, "dashed"),
    LegendEntry("legend.enclave", _S.belgium, "area", fill=_S.belgium),
)
