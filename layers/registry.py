"""How each layer kind is drawn: its module (style and legend), looked up by kind.

A new layer kind is one entry in :mod:`layers.specs` (its data), one module here (its look)
and its texts in :mod:`i18n`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import folium

from layers import borders, bus_lines, euregios, interreg, pipelines, ports, regio_deals
from layers._style import LegendEntry
from layers.specs import LAYERS as SPECS
from layers.specs import LayerSpec
from layers.specs import get as get_spec

_MODULES = {m.KIND: m for m in (borders, bus_lines, euregios, interreg, pipelines, ports, regio_deals)}


@dataclass(frozen=True)
class Layer:
    """A layer's data (``spec``) with the functions that draw it."""

    spec: LayerSpec
    build: Callable[..., folium.FeatureGroup]
    legend: Callable[[str], list[LegendEntry]]

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def show(self) -> bool:
        return self.spec.show


LAYERS: tuple[Layer, ...] = tuple(Layer(s, _MODULES[s.kind].build, _MODULES[s.kind].legend) for s in SPECS)
BUILDERS: dict[str, Layer] = {layer.kind: layer for layer in LAYERS}


def get(kind: str) -> Layer:
    """Return the drawable layer ``kind``; an unknown kind fails with the list of known ones."""
    get_spec(kind)
    return BUILDERS[kind]
