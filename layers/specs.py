"""What each map layer is, as plain data: its file, id prefix, geometry, display simplification.

The catalog, the geodata build and the benchmark read this module; it imports nothing that
draws (no folium), so any of them can use it. How a layer *looks* lives in its own module
(``layers/<kind>.py``); its name and legend texts live in :mod:`i18n`.
Order matters: layers are drawn bottom (large areas) to top (points).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Geometry = Literal["area", "line", "point", "mixed"]


@dataclass(frozen=True)
class LayerSpec:
    """How one layer is read, simplified and switched on.

    Parameters
    ----------
    kind : the layer's name in code, URLs (``layers=``) and text keys (``layer.<kind>``).
    filename : its GeoJSON file in ``geodata/``.
    id_prefix : every feature id starts with it (``port:``).
    geometry : what it holds; areas are drawn below lines and points and take clicks last.
    tolerance : display simplification in degrees (0 keeps every vertex).
    grid : display coordinate grid in degrees (1e-5 is about 1 m).
    show : switched on when the map opens.
    style_keys : feature properties the layer's style reads (copied into the display data).
    """

    kind: str
    filename: str
    id_prefix: str
    geometry: Geometry
    tolerance: float
    grid: float = 1e-5
    show: bool = True
    style_keys: tuple[str, ...] = ()


LAYERS: tuple[LayerSpec, ...] = (
    LayerSpec("interreg", "interreg.geojson", "interreg:", "area", 0.006, grid=1e-3, show=False),
    LayerSpec(
        "euregios",
        "euregios.geojson",
        "euregio:",
        "area",
        0.005,
        grid=1e-3,
        show=False,
        style_keys=("geometry_quality",),
    ),
    LayerSpec("regio_deals", "regio_deals.geojson", "regiodeal:", "area", 0.003, grid=1e-4),
    LayerSpec(
        "borders", "borders.geojson", "border:", "mixed", 0.00007, grid=1e-4, style_keys=("kind", "border", "country")
    ),
    LayerSpec("pipelines", "pipelines.geojson", "pipeline:", "mixed", 0.0005, style_keys=("kind", "status")),
    LayerSpec("rail", "rail.geojson", "rail:", "line", 0.0005, style_keys=("status",)),
    LayerSpec("bus_lines", "bus_lines.geojson", "bus:", "line", 0.0005, style_keys=("status",)),
    LayerSpec("ports", "ports.geojson", "port:", "point", 0.0),
    LayerSpec("info_points", "info_points.geojson", "gip:", "point", 0.0),
)

SPECS: dict[str, LayerSpec] = {spec.kind: spec for spec in LAYERS}


def get(kind: str) -> LayerSpec:
    """Return the spec of ``kind``; an unknown kind fails with the list of known ones.

    >>> get("ports").id_prefix
    'port:'
    """
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown layer {kind!r}; known: {sorted(SPECS)}") from None
