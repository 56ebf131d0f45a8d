"""Shared styling: the colour-blind-safe palette, path defaults and the GeoJson helper."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import folium

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

# Called from Leaflet for every feature: replace toGeoJSON so a click sends only the
# properties back to Python (0.6 KiB instead of the whole geometry).
PROPERTIES_ONLY_ON_CLICK = folium.JsCode(
    "function(feature, layer) { layer.toGeoJSON = () =>"
    " ({type: 'Feature', properties: feature.properties, geometry: null}); }"
)


def path_style(**overrides: Any) -> dict[str, Any]:
    """Return Leaflet path options with the project defaults, updated by ``overrides``."""
    style = {"color": PALETTE["black"], "weight": 2, "opacity": 0.9, "fillOpacity": 0.0, "lineCap": "round"}
    style.update({k: v for k, v in overrides.items() if v is not None})
    style["fill"] = "fillColor" in style  # circle markers are drawn hollow unless told to fill
    return style


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a label and how its symbol is drawn."""

    label: str
    color: str
    shape: str = "line"  # line | dashed | dotted | area | point
    fill: str | None = None


def in_language(collection: dict[str, Any], lang: str) -> dict[str, Any]:
    """Return a shallow copy of a display collection whose features carry one ``tip``, in
    ``lang``, instead of one per language (the map only ever shows one)."""
    features = []
    for feature in collection["features"]:
        props = {k: v for k, v in feature["properties"].items() if not k.startswith("tip_")}
        props["tip"] = feature["properties"][f"tip_{lang}"]
        features.append({**feature, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def geojson_layer(
    collection: dict[str, Any],
    name: str,
    style: Callable[[dict[str, Any]], dict[str, Any]],
    point_radius: int | None = None,
    show: bool = True,
    lang: str = "nl",
) -> folium.FeatureGroup:
    """Return a toggleable FeatureGroup holding one clickable GeoJson with tooltips."""
    group = folium.FeatureGroup(name=name, show=show)
    if not collection["features"]:
        return group  # folium cannot bind a tooltip to an empty collection
    folium.GeoJson(
        in_language(collection, lang),
        name=name,
        style_function=style,
        highlight_function=lambda _feature: {"weight": 6, "fillOpacity": 0.35},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True, class_name="feature-tip"),
        marker=folium.CircleMarker(radius=point_radius) if point_radius else None,
        on_each_feature=PROPERTIES_ONLY_ON_CLICK,
        zoom_on_click=False,
        control=False,
    ).add_to(group)
    return group
