"""The ordered registry of map layers: drawn bottom (areas) to top (points).

A new layer kind is one module with ``KIND``, ``build`` and ``legend`` plus one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


LAYERS: tuple[LayerSpec, ...] = (
    LayerSpec(interreg.KIND, "interreg.geojson", "interreg:", interreg.build, interreg.legend, 0.003, show=False),
    LayerSpec(regio_deals.KIND, "regio_deals.geojson", "regiodeal:", regio_deals.build, regio_deals.legend, 0.001),
    LayerSpec(borders.KIND, "borders.geojson", "border:", borders.build, borders.legend, 0.00005),
    LayerSpec(pipelines.KIND, "pipelines.geojson", "pipeline:", pipelines.build, pipelines.legend, 0.0005),
    LayerSpec(bus_lines.KIND, "bus_lines.geojson", "bus:", bus_lines.build, bus_lines.legend, 0.0005),
    LayerSpec(ports.KIND, "ports.geojson", "port:", ports.build, ports.legend, 0.0),
)

BUILDERS: dict[str, LayerSpec] = {spec.kind: spec for spec in LAYERS}


def get(kind: str) -> LayerSpec:
    """Return the spec of ``kind``; an unknown kind fails with the list of known ones."""
    try:
        return BUILDERS[kind]
    except KeyError:
        raise ValueError(f"unknown layer {kind!r}; known: {sorted(BUILDERS)}") from None


def build_layer(kind: str, collection: dict[str, Any], lang: str = "nl", **kwargs: Any) -> folium.FeatureGroup:
    return get(kind).build(collection, lang, **kwargs)
