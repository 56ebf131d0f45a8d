"""Session state: every key the app uses, their defaults, and how map reports change them.

Helpers take the state mapping as an argument so tests can pass a plain dict.

The map's state has two directions. What the *browser* did (a click, a pan, a layer switched)
arrives as the st_folium value and is copied here by :func:`apply_map_value`. What the *app*
asks of the map (a selection or a view from a link, the tour or a button) is a numbered
request (:data:`MAP_REQUEST`): the browser applies a request once, when its number changes,
and highlights its own clicks itself. A click therefore changes nothing that is sent to the map.
A new map (a new iframe) starts with the view and layers of the moment it is created
(:func:`map_start`); they are kept while its iframe lives, so a move or a layer switched in the
browser changes nothing that is sent to the map either, and an existing map never gets its own
reports echoed back (which would undo a move made meanwhile). A map that starts later with the
same arguments (the browser may load its iframe again, as it did on a busy machine during the
tour) starts with the last request instead, when that request is newer than the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

# -- keys ---------------------------------------------------------------------------------
MAP_KEY = "map"
SELECTED = "selected_feature"
LAST_MAP_VALUE = "last_map_value"
LANG = "lang"
PRESENT = "present_mode"
STOP = "tour_stop"
STOP_APPLIED = "tour_stop_applied"
LAYERS = "layers_shown"  # frozenset of layer kinds switched on now
VIEW = "map_view"  # (center (lat, lon), zoom) the map shows now, or (None, None) for the home view
MAP_REQUEST = "map_request"  # (sequence, feature id or None, view or None, layers or None): what the app asks the map
MAP_START = "map_start"  # (slot, view, layers, request seq) the map in the page was created with; None: none yet
VIEW_PENDING = "map_view_pending"  # request sequence: a view asked for (in VIEW), until the map has it
LAYERS_PENDING = "map_layers_pending"  # request sequence: layers asked for, until the map has them
#: The entry of a map report's ``selected_layers`` that says which request the map had applied.
ANSWERED = "@request"
VIEW_TAB = "view_tab"
TABLE_PAGE = "table_page"
PANEL_MORE = "panel_more"  # how many more steps of records each panel section shows
FILTER_BORDER, FILTER_THEME, FILTER_STATUS, FILTER_KIND, FILTER_TEXT = (
    "filter_border", "filter_theme", "filter_status", "filter_kind", "filter_text",
)  # fmt: skip
# the report form
REPORT_PREFIX = "report_"
REPORT_ERRORS = "report_errors"
REPORT_NOTICE = "report_notice"
REPORT_CLEAR = "report_clear"
REPORT_PENDING_FEATURE = "report_pending_feature"
REPORT_PREFILLED_FOR = "report_prefilled_for"  # the selection the form's features were last filled from
TOAST = "toast"  # a confirmation to show once, at the top of the next run
# sign-in: the top bar's account popover and the buttons
ACCOUNT = "account"
AUTH_SIGN_IN = "auth_sign_in"
AUTH_GATE_SIGN_IN = "auth_gate_sign_in"
AUTH_SIGN_OUT = "auth_sign_out"
# the review queue (editors): the report chosen, the reason or note typed, the merge target
REVIEW_CHOICE = "review_choice"
REVIEW_REASON = "review_reason"
REVIEW_TARGET = "review_target"
REVIEW_PASS = "review_pass"
REVIEW_MESSAGE = "review_message"  # (kind, text) of the last action, shown once in the queue
REVIEW_FORM = "review_form"  # the reason, the merge target and the three actions, sent together
REVIEW_ACCEPT, REVIEW_REJECT, REVIEW_MERGE = "review_accept", "review_reject", "review_merge"  # its buttons
# editing a record from the panel (editors): the record chosen, the open dialog, its fields
EDIT_CHOICE = "edit_choice"  # the dialog's picker
EDIT_CHOICES = "edit_choices"  # the records the panel showed when the dialog opened
EDIT_OPEN = "edit_open"  # (record id, version the edit is based on) while the dialog is open
EDIT_PREFIX = "edit_"  # + "<id>_<version>_<field>": the dialog's widgets, fresh for each version
EDIT_ERRORS = "edit_errors"  # {field: Message} of the last refused save
EDIT_CONFLICT = "edit_conflict"  # the record as it is now, after a save based on an older version
EDIT_OPEN_BUTTON = "edit_open_button"
EDIT_REBASE = "edit_rebase"  # "continue from the current version" after a conflict
SIGN_IN_GATE = "sign_in_gate"  # the container of the sign-in page of a closed deployment
# freshness: the store token this session last drew
SEEN_TOKEN = "seen_store_token"
# parts drawn only once opened (an expander or popover that reruns the app when opened): the
# report form, the filters, sharing and downloads. A first visit then loads none of their widgets'
# code before the map (see :func:`drawn_once_opened`).
REPORT_BOX = "report_box"
FILTER_BOX = "filter_box"
SHARE_BOX = "share_box"

#: What st_folium sends back: the clicked feature (its id only), the click counter and the
#: last map click (to tell an empty-map click from a feature click), the view and the
#: switched-on layers (kinds, for links).
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
    STOP_APPLIED: None,
    LAYERS: None,
    VIEW: (None, None),
    MAP_REQUEST: (0, None, None, None),
    MAP_START: None,
    VIEW_PENDING: None,
    LAYERS_PENDING: None,
    PANEL_MORE: 0,
    TABLE_PAGE: 1,
    SEEN_TOKEN: None,
}


def init_state(state: MutableMapping[str, Any], default_layers: Iterable[str] = ()) -> bool:
    """Set every key this app uses to its default, once per session; True on the first run."""
    first = SELECTED not in state
    for key, value in DEFAULTS.items():
        if key not in state:
            state[key] = value.copy() if isinstance(value, dict) else value
    if state[LAYERS] is None:
        state[LAYERS] = frozenset(default_layers)
    return first


def clicked_feature_id(value: Mapping[str, Any] | None) -> str | None:
    """Return the ``id`` property of the last clicked feature in an st_folium value."""
    drawing = (value or {}).get("last_active_drawing") or {}
    feature_id = (drawing.get("properties") or {}).get("id")
    return feature_id if isinstance(feature_id, str) else None


def apply_map_value(
    state: MutableMapping[str, Any], value: Mapping[str, Any] | None, known_layers: Iterable[str] = ()
) -> bool:
    """Take over what the browser reports; return True when the selection, view or layers changed.

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
    ...                     "last_object_clicked_count": 2, "last_clicked": {"lat": 52.0, "lng": 6.0},
    ...                     "center": {"lat": 52.1, "lng": 5.2}, "zoom": 9})
    True
    >>> s[SELECTED] is None, s[VIEW]
    (True, ((52.1, 5.2), 9))
    """
    if not value:
        return False
    previous = state.get(LAST_MAP_VALUE) or {}
    if value == previous:
        return False
    state[LAST_MAP_VALUE] = dict(value)
    before = (state.get(SELECTED), state.get(VIEW), state.get(LAYERS))
    center, zoom = value.get("center"), value.get("zoom")
    reported_layers = value.get("selected_layers")
    answered = _answered(reported_layers)
    taken = _taken_view(state, (center["lat"], center["lng"]), zoom, answered) if center and zoom is not None else None
    if taken is not None:
        state[VIEW] = taken
    known = set(known_layers)
    if reported_layers is not None and known:
        shown = frozenset(x["name"] for x in reported_layers if x.get("name") in known)
        layers = _taken_layers(state, shown, answered)
        if layers is not None:
            state[LAYERS] = layers
    feature_id = clicked_feature_id(value)
    count = value.get("last_object_clicked_count") or 0
    if count and count != previous.get("last_object_clicked_count") and feature_id:
        state[SELECTED] = feature_id
    elif value.get("last_clicked") is not None and value.get("last_clicked") != previous.get("last_clicked"):
        state[SELECTED] = None
    # A fresh map (first load, remount) reports no clicks: that leaves the selection as is.
    if state.get(SELECTED) != before[0]:
        state[PANEL_MORE] = 0  # a newly clicked feature starts with its first records
    return (state.get(SELECTED), state.get(VIEW), state.get(LAYERS)) != before


def request_view(state: MutableMapping[str, Any], center: tuple[float, float], zoom: float) -> None:
    """Move the map from the app (a tour stop), keeping the rest of this run's request. Reports
    the map made before it moved (still on their way) are not taken over.

    >>> s = {}; _ = init_state(s); request_view(s, (51.0, 4.0), 10); s[MAP_REQUEST], s[VIEW_PENDING]
    ((1, None, ((51.0, 4.0), 10), None), 1)
    """
    view = (tuple(center), zoom)
    seq, selected, _, layers = state.get(MAP_REQUEST) or DEFAULTS[MAP_REQUEST]
    state[VIEW] = view
    state[VIEW_PENDING] = seq + 1
    state[MAP_REQUEST] = (seq + 1, selected, view, layers)


def request_address(
    state: MutableMapping[str, Any],
    feature_id: str | None,
    layers: Iterable[str] | None,
    view: tuple[tuple[float, float], float] | None,
) -> None:
    """Show what an address holds (a link, Back, Forward): the selection, and the layers and view
    where it has them (None: as they are). The request names all three, whether they change or
    not: the map applies only the last request it receives (after Forward pressed four times
    quickly, the fourth), and must still end up as that step was. Reports the map made before it
    applied the request (still on their way) are not taken over.

    >>> s = {}; _ = init_state(s, ["borders"]); request_address(s, "port:emden", ["ports"], None)
    >>> s[SELECTED], s[MAP_REQUEST], s[LAYERS_PENDING], s[VIEW_PENDING]
    ('port:emden', (1, 'port:emden', None, ('ports',)), 1, None)
    """
    seq = (state.get(MAP_REQUEST) or DEFAULTS[MAP_REQUEST])[0] + 1
    state[SELECTED] = feature_id
    if layers is not None:
        state[LAYERS] = frozenset(layers)
    if view is not None:
        state[VIEW] = (tuple(view[0]), view[1])
    known_view = state[VIEW] if state[VIEW][0] is not None else None
    state[VIEW_PENDING] = None if known_view is None else seq
    state[LAYERS_PENDING] = seq
    state[MAP_REQUEST] = (seq, feature_id, known_view, tuple(sorted(state[LAYERS])))


def _answered(reported_layers: Any) -> int | None:
    """The sequence of the last request the map had applied when it made a report (None: not said).

    >>> _answered([{"name": "ports", "url": None}, {"name": "@request", "url": None, "seq": 7}])
    7
    """
    for entry in reported_layers or ():
        if isinstance(entry, dict) and entry.get("name") == ANSWERED and isinstance(entry.get("seq"), int):
            return entry["seq"]
    return None


def _stale(state: MutableMapping[str, Any], pending_key: str, answered: int | None) -> bool:
    """Whether a report was made before the map applied the request behind ``pending_key``; once
    a report answers that request, nothing is pending any more."""
    pending = state.get(pending_key)
    if pending is None:
        return False
    if answered is not None and answered < pending:
        return True
    state[pending_key] = None
    return False


def _taken_view(
    state: MutableMapping[str, Any], center: tuple[float, float], zoom: float, answered: int | None = None
) -> tuple[tuple[float, float], float] | None:
    """The view to take over from a map's report, or None when the report was made before the map
    applied the view the app asked for (it was on its way: Back pressed twice quickly, a tour stop).
    A report of the view asked for gives the view asked for (the report differs by a pixel's
    rounding, and the address, which holds the view asked for, must not change: a new address
    would be a new entry in the browser's history after Back or a link). Anything else the map
    reports after applying the request is the user's move, and is taken.

    >>> s = {}; _ = init_state(s); request_view(s, (51.0, 4.0), 10); seq = s[MAP_REQUEST][0]
    >>> _taken_view(s, (52.0, 5.0), 9, seq - 1), _taken_view(s, (51.00001, 4.0), 10, seq)
    (None, ((51.0, 4.0), 10))
    >>> _taken_view(s, (52.0, 5.0), 9, seq)  # moved since
    ((52.0, 5.0), 9)
    """
    pending = state.get(VIEW_PENDING)
    if _stale(state, VIEW_PENDING, answered):
        return None
    if pending is not None:  # the answer to a request: VIEW is the view asked for
        (lat, lon), want_zoom = state[VIEW]
        if abs(center[0] - lat) < 1e-3 and abs(center[1] - lon) < 1e-3 and abs(zoom - want_zoom) < 0.5:
            return (lat, lon), want_zoom
    return (center[0], center[1]), zoom


def _taken_layers(
    state: MutableMapping[str, Any], reported: frozenset[str], answered: int | None = None
) -> frozenset[str] | None:
    """The layers to take over from a map's report, or None when it was made before the map
    switched the layers the app asked for (see :func:`_taken_view`).

    >>> s = {}; _ = init_state(s, ["borders"]); request_address(s, None, ["ports"], None); seq = s[MAP_REQUEST][0]
    >>> _taken_layers(s, frozenset({"borders"}), seq - 1), _taken_layers(s, frozenset({"ports"}), seq)
    (None, frozenset({'ports'}))
    """
    return None if _stale(state, LAYERS_PENDING, answered) else reported


def request_selection(state: MutableMapping[str, Any], feature_id: str | None) -> None:
    """Select a feature from the app (a button, a link, the tour) and ask the map to show it.

    >>> s = {}; _ = init_state(s); request_selection(s, "port:emden"); s[SELECTED], s[MAP_REQUEST]
    ('port:emden', (1, 'port:emden', None, None))
    """
    state[SELECTED] = feature_id
    seq = (state.get(MAP_REQUEST) or DEFAULTS[MAP_REQUEST])[0]
    state[MAP_REQUEST] = (seq + 1, feature_id, None, None)


def sync_request(state: MutableMapping[str, Any]) -> None:
    """On a full run, make the map request name the current selection (a new iframe then shows
    what was clicked in the old one); a no-op when it already does.

    >>> s = {}; _ = init_state(s); s[SELECTED] = "port:emden"; sync_request(s); s[MAP_REQUEST]
    (1, 'port:emden', None, None)
    >>> sync_request(s); s[MAP_REQUEST]
    (1, 'port:emden', None, None)
    """
    seq, requested, _, _ = state.get(MAP_REQUEST) or DEFAULTS[MAP_REQUEST]
    if requested != state.get(SELECTED):
        state[MAP_REQUEST] = (seq + 1, state.get(SELECTED), None, None)


def map_start(state: MutableMapping[str, Any], slot: Any) -> tuple[tuple, frozenset[str], int]:
    """The view and layers a new map starts with, and the number of the last request then: those of
    the moment it is created, kept while its iframe lives. The map element's arguments then stay the
    same when the user moves the map or switches a layer, and Streamlit sends a reference instead of
    the element (15 kB). A later request, newer than that number, is where a map that starts again
    goes instead (see the module docstring).

    ``slot`` says where the map is drawn (presentation mode lays the page out differently, and
    Streamlit creates a new iframe there); see also :func:`forget_map`.

    >>> s = {}; _ = init_state(s, ["borders"]); map_start(s, "page")
    ((None, None), frozenset({'borders'}), 0)
    >>> s[VIEW], s[LAYERS] = ((52.0, 5.0), 9), frozenset({"ports"}); request_selection(s, "port:emden")
    >>> map_start(s, "page")  # moved, and a request since: kept
    ((None, None), frozenset({'borders'}), 0)
    >>> map_start(s, "present")  # another place: a new iframe
    (((52.0, 5.0), 9), frozenset({'ports'}), 1)
    """
    start = state.get(MAP_START)
    if start is None or start[0] != slot:
        seq = (state.get(MAP_REQUEST) or DEFAULTS[MAP_REQUEST])[0]
        start = state[MAP_START] = (slot, state[VIEW], state[LAYERS], seq)
    return start[1], start[2], start[3]


def forget_map(state: MutableMapping[str, Any]) -> None:
    """The page is drawn without the map (the table, the statistics): the next map is a new iframe."""
    state[MAP_START] = None


def select(state: MutableMapping[str, Any], feature_id: str | None) -> None:
    """Button callback: select ``feature_id`` (``None`` clears) and show it on the map."""
    request_selection(state, feature_id)


def drawn_once_opened(state: MutableMapping[str, Any], key: str, is_open: bool | None) -> bool:
    """Whether the content of the lazy part ``key`` is drawn: from the first time it is open on.

    Once drawn it stays drawn, also while closed: what was typed or chosen in it is kept.

    >>> s = {}
    >>> [drawn_once_opened(s, REPORT_BOX, is_open) for is_open in (False, None, True, False)]
    [False, False, True, True]
    """
    flag = f"{key}_opened"
    if is_open:
        state[flag] = True
    return bool(state.get(flag))
