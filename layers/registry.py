"""The ordered registry of map layers: drawn bottom (areas) to top (points).

A new layer kind is one module with ``KIND``, ``build`` and ``legend`` plus one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import folium

from layers import borders, bus_lines, interreg, pipelines, ports, regio_deals
from layers._style import LegendEntry


@dataclass(frozen=True)
class LayerSpec:
    """How one layer is read (file, id prefix), simplified and drawn."""

    kind: str
    filename: str
    id_prefix: str
    build: Callable[..., folium.FeatureGroup]
    legend: Callable[[str], list[LegendEntry]]
    #: Display simplification in degrees (0 = keep every vertex). Border lengths stay within 0.5 %.
    tolerance: float
    #: Switched on when the map opens (the large Interreg areas are off until asked for).
    show: bool = True
    #: Display coordinate grid in degrees: 1e-5 (about 1 m) for lines and points; coarser for
    #: the approximate areas (whose edges are km-scale estimates), where digits only add bytes.
    grid: float = 1e-5


def _spec(module: ModuleType, filename: str, id_prefix: str, tolerance: float, **options: Any) -> LayerSpec:
    return LayerSpec(module.KIND, filename, id_prefix, module.build, module.legend, tolerance, **options)


LAYERS: tuple[LayerSpec, ...] = (
    _spec(interreg, "interreg.geojson", "interreg:", 0.006, show=False, grid=1e-3),
    _spec(regio_deals, "regio_deals.geojson", "regiodeal:", 0.003, grid=1e-4),
    _spec(borders, "borders.geojson", "border:", 0.00007, grid=1e-4),
    _spec(pipelines, "pipelines.geojson", "pipeline:", 0.0005),
    _spec(bus_lines, "bus_lines.geojson", "bus:", 0.0005),
    _spec(ports, "ports.geojson", "port:", 0.0),
)

BUILDERS: dict[str, LayerSpec] = {spec.kind: spec for spec in LAYERS}


def get(kind: str) -> LayerSpec:
    """Return the spec of ``kind``; an unknown kind fails with the list of known ones."""
    try:
        return BUILDERS[kind]
    except KeyError:
        raise ValueError(f"unknown layer {kind!r}; known: {sorted(BUILDERS)}") from None
