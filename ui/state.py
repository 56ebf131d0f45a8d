"""Session state: its keys, their defaults, and how a map click changes the selection.

Helpers take the state mapping as an argument so tests can pass a plain dict.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

MAP_KEY = "map"
SELECTED = "selected_feature"
LAST_MAP_VALUE = "last_map_value"
LANG = "lang"
PRESENT = "present_mode"
STOP = "tour_stop"
SHOWN_AT_START = "layers_at_start"  # fixed per session: changing it would rebuild the map
VIEW_REQUEST = "view_request"  # (center, zoom) to move the map to, e.g. from a link or a tour stop
FILTER_BORDER, FILTER_THEME, FILTER_STATUS, FILTER_KIND, FILTER_TEXT = (
    "filter_border", "filter_theme", "filter_status", "filter_kind", "filter_text",
)  # fmt: skip

#: What st_folium sends back: the clicked feature's properties, the click counter and the
#: last map click (to tell an empty-map click from a feature click), plus the view and the
#: switched-on layers for shareable links.
RETURNED_OBJECTS = [
    "last_active_drawing",
    "last_object_clicked_count",
    "last_clicked",
    "center",
    "zoom",
    "selected_layers",
]

DEFAULTS: dict[str, Any] = {
    SELECTED: None,
    LAST_MAP_VALUE: {},
    LANG: "nl",
    PRESENT: False,
    STOP: None,
    SHOWN_AT_START: None,
    VIEW_REQUEST: (None, None),
}


def init_state(state: MutableMapping[str, Any]) -> bool:
    """Set every key this app uses to its default, once per session; True on the first run."""
    first = SELECTED not in state
    for key, value in DEFAULTS.items():
        if key not in state:
            state[key] = value.copy() if isinstance(value, dict) else value
    return first


def clicked_feature_id(value: dict[str, Any] | None) -> str | None:
    """Return the ``id`` property of the last clicked feature in an st_folium value."""
    drawing = (value or {}).get("last_active_drawing") or {}
    feature_id = (drawing.get("properties") or {}).get("id")
    return feature_id if isinstance(feature_id, str) else None


def apply_map_value(state: MutableMapping[str, Any], value: dict[str, Any] | None) -> bool:
    """Update the selection from a new st_folium value; return True when it changed.

    A feature click moves ``last_object_clicked_count``; a click on empty map moves only
    ``last_clicked`` and clears the selection. A value seen before changes nothing, so
    clearing the selection by a button is not undone by the map's stale last click.

    >>> s = {}; _ = init_state(s)
    >>> apply_map_value(s, {"last_active_drawing": {"properties": {"id": "port:emden"}},
    ...                     "last_object_clicked_count": 2, "last_clicked": {"lat": 53.3, "lng": 7.2}})
    True
    >>> s[SELECTED]
    'port:emden'
    >>> apply_map_value(s, {"last_active_drawing": {"properties": {"id": "port:emden"}},
    ...                     "last_object_clicked_count": 2, "last_clicked": {"lat": 52.0, "lng": 6.0}})
    True
    >>> s[SELECTED] is None
    True
    >>> s[SELECTED] = "port:emden"
    >>> apply_map_value(s, {"last_active_drawing": None, "last_object_clicked_count": 0, "last_clicked": None})
    False
    >>> s[SELECTED]
    'port:emden'
    """
    if not value:
        return False
    previous = state.get(LAST_MAP_VALUE) or {}
    if value == previous:
        return False
    state[LAST_MAP_VALUE] = dict(value)
    before = state.get(SELECTED)
    feature_id = clicked_feature_id(value)
    count = value.get("last_object_clicked_count") or 0
    if count and count != previous.get("last_object_clicked_count") and feature_id:
        state[SELECTED] = feature_id
    elif value.get("last_clicked") is not None and value.get("last_clicked") != previous.get("last_clicked"):
        state[SELECTED] = None
    # A fresh map (new language, first load) reports no clicks: that leaves the selection as is.
    return state.get(SELECTED) != before


def select(state: MutableMapping[str, Any], feature_id: str | None) -> None:
    """Select a feature from outside the map (a button, the URL, the tour)."""
    state[SELECTED] = feature_id
