"""Shared styling: the colour-blind-safe palette, Leaflet path defaults and legend entries.

Styles are plain dicts of Leaflet path options, computed in Python once per feature and
shipped with the layer's data; the browser applies them as they are.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Literal

#: Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#222222",
    "grey": "#7f7f7f",
}

Shape = Literal["line", "dashed", "dotted", "area", "point"]


def path_style(**overrides: Any) -> dict[str, Any]:
    """Return Leaflet path options with the project defaults, updated by ``overrides``.

    >>> path_style(color="#000", weight=3)["weight"], path_style(fillColor="#fff")["fill"]
    (3, True)
    """
    style = {"color": PALETTE["black"], "weight": 2, "opacity": 0.9, "fillOpacity": 0.0, "lineCap": "round"}
    style.update({k: v for k, v in overrides.items() if v is not None})
    style["fill"] = "fillColor" in style  # circle markers are drawn hollow unless told to fill
    return style


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a text key (see :mod:`i18n`) and how its symbol is drawn."""

    key: str
    color: str
    shape: Shape = "line"
    fill: str | None = None

    def svg(self) -> str:
        """Return the entry's symbol as a small inline SVG (colours escaped).

        >>> LegendEntry("legend.port", "#E69F00", "point").svg().startswith("<svg")
        True
        """
        color = html.escape(self.color)
        if self.shape == "point":
            body = f'<circle cx="11" cy="7" r="5.5" fill="{color}" stroke="#222" stroke-width="1.5"/>'
        elif self.shape == "area":
            fill = html.escape(self.fill or self.color)
            body = f'<rect x="2" y="1" width="18" height="12" fill="{fill}" fill-opacity=".45" stroke="{color}"/>'
        else:
            dash = {"dashed": ' stroke-dasharray="6 3"', "dotted": ' stroke-dasharray="1 4"'}.get(self.shape, "")
            body = (
                f'<line x1="1" y1="7" x2="21" y2="7" stroke="{color}" stroke-width="4" stroke-linecap="round"{dash}/>'
            )
        return f'<svg width="22" height="14" aria-hidden="true">{body}</svg>'


#: The badge that counts open obstacles on a feature (drawn by the browser).
HOTSPOT = LegendEntry("legend.hotspot", PALETTE["vermillion"], "point")
