"""How each layer kind looks: its module (``STYLE`` and ``LEGEND``), looked up by kind.

A new layer kind is one entry in :mod:`layers.specs` (its data), one module here (its look:
``KIND``, a ``STYLE`` callable from feature properties to Leaflet options, and ``LEGEND``)
and its texts in :mod:`i18n`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from layers import borders, bus_lines, euregios, info_points, interreg, pipelines, ports, rail, regio_deals
from layers.specs import LAYERS
from layers.specs import get as get_spec
from layers.style import HOTSPOT, LegendEntry

MODULES: dict[str, ModuleType] = {
    m.KIND: m for m in (borders, bus_lines, euregios, info_points, interreg, pipelines, ports, rail, regio_deals)
}

Style = Callable[[Mapping[str, Any]], dict[str, Any]]


def style(kind: str) -> Style:
    """Return the style function of layer ``kind`` (an unknown kind names the known ones)."""
    get_spec(kind)
    return MODULES[kind].STYLE


def legend() -> list[LegendEntry]:
    """Return the legend of every layer, in drawing order, and the hotspot badge."""
    return [entry for spec in LAYERS for entry in MODULES[spec.kind].LEGEND] + [HOTSPOT]
