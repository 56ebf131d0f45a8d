"""The layers that change with every click or filter: selection highlight and hotspot badges.

They are handed to ``st_folium(feature_group_to_add=...)`` so the map itself is never
rebuilt: zoom and pan are kept.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import folium

from layers._style import PALETTE

HIGHLIGHT_COLOR = "#00e5ff"


def highlight(display_feature: dict[str, Any] | None) -> folium.FeatureGroup:
    """Return a group outlining the selected feature (empty when nothing is selected)."""
    group = folium.FeatureGroup(name="selection", control=False)
    if display_feature is not None:
        folium.GeoJson(
            {"type": "FeatureCollection", "features": [display_feature]},
            style_function=lambda _f: {
                "color": HIGHLIGHT_COLOR,
                "weight": 9,
                "opacity": 0.75,
                "fillColor": HIGHLIGHT_COLOR,
                "fillOpacity": 0.15,
                "interactive": False,
            },
            marker=folium.CircleMarker(radius=15),
            interactive=False,
            control=False,
        ).add_to(group)
    return group


def hotspots(counts: Mapping[str, int], anchors: Mapping[str, tuple[float, float]]) -> folium.FeatureGroup:
    """Return a badge with the number of open obstacles on every feature that has any."""
    group = folium.FeatureGroup(name="hotspots", control=False)
    for feature_id, count in sorted(counts.items()):
        if count <= 0 or feature_id not in anchors:
            continue
        folium.Marker(
            anchors[feature_id],
            icon=folium.DivIcon(
                html=f'<div class="hotspot" data-feature="{html.escape(feature_id)}">{int(count)}</div>',
                icon_size=(26, 26),
                icon_anchor=(-2, 28),  # up and to the right: the feature itself stays visible
            ),
            interactive=False,
        ).add_to(group)
    return group


HOTSPOT_CSS = f"""
.hotspot {{ width: 24px; height: 24px; border-radius: 12px; background: {PALETTE["vermillion"]};
  color: #fff; font: bold 13px/24px system-ui, sans-serif; text-align: center;
  border: 2px solid #fff; box-shadow: 0 1px 4px rgba(0,0,0,.45); pointer-events: none; }}
"""
