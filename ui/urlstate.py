"""The shareable view: what a URL holds, and how it is read and written.

Query parameters (all optional): ``f`` selected feature id; ``layers`` comma-separated layer
kinds that are switched on; ``border``, ``theme``, ``status``, ``kind`` comma-separated filter
values; ``q`` free-text search; ``lat``, ``lon``, ``z`` map centre and zoom; ``lang`` nl|en;
``mode=present`` presentation mode; ``stop`` tour stop (1-based). Unknown or malformed values
are ignored, so a mangled link still opens the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from records import Border, Kind, RecordFilter, Status, Theme
from ui import state


@dataclass(frozen=True)
class ViewState:
    feature: str | None = None
    layers: tuple[str, ...] | None = None  # None: the registry's defaults
    borders: tuple[Border, ...] = ()
    themes: tuple[Theme, ...] = ()
    statuses: tuple[Status, ...] = ()
    kinds: tuple[Kind, ...] = ()
    text: str = ""
    center: tuple[float, float] | None = None
    zoom: float | None = None
    lang: str = "nl"
    present: bool = False
    stop: int | None = None


def _values(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    raw = params.get(key, "")
    text = ",".join(raw) if isinstance(raw, list) else str(raw)
    return [part.strip() for part in text.split(",") if part.strip()]


def _vocab(values: Iterable[str], vocab: type) -> tuple:
    out = []
    for value in values:
        try:
            out.append(vocab(value))
        except ValueError:
            continue
    return tuple(dict.fromkeys(out))


def _number(params: Mapping[str, str | list[str]], key: str, low: float, high: float) -> float | None:
    try:
        value = float(_values(params, key)[0])
    except (IndexError, ValueError):
        return None
    return value if low <= value <= high else None


def from_query(
    params: Mapping[str, str | list[str]],
    known_features: Iterable[str] = (),
    known_layers: Iterable[str] = (),
) -> ViewState:
    """Read a ViewState from query parameters, dropping whatever is not valid.

    >>> v = from_query({"f": "port:emden", "theme": "tax,nonsense", "z": "9", "lat": "52", "lon": "6"},
    ...                known_features={"port:emden"})
    >>> v.feature, v.themes, v.center, v.zoom
    ('port:emden', (<Theme.TAX: 'tax'>,), (52.0, 6.0), 9.0)
    """
    known_features = set(known_features)
    feature = next(iter(_values(params, "f")), None)
    layer_values = _values(params, "layers")
    known_layers = set(known_layers)
    lat, lon = _number(params, "lat", -90, 90), _number(params, "lon", -180, 180)
    stop = _number(params, "stop", 1, 999)
    lang = next(iter(_values(params, "lang")), "nl")
    return ViewState(
        feature=feature if feature in known_features else None,
        layers=tuple(k for k in layer_values if k in known_layers) if "layers" in params else None,
        borders=_vocab(_values(params, "border"), Border),
        themes=_vocab(_values(params, "theme"), Theme),
        statuses=_vocab(_values(params, "status"), Status),
        kinds=_vocab(_values(params, "kind"), Kind),
        text=str(params.get("q", ""))[:200],
        center=(lat, lon) if lat is not None and lon is not None else None,
        zoom=_number(params, "z", 1, 19),
        lang=lang if lang in ("nl", "en") else "nl",
        present=next(iter(_values(params, "mode")), "") == "present",
        stop=int(stop) if stop is not None else None,
    )


def to_query(view: ViewState) -> dict[str, str]:
    """Return the query parameters for ``view``, leaving out everything at its default."""
    query: dict[str, str] = {}
    if view.feature:
        query["f"] = view.feature
    if view.layers is not None:
        query["layers"] = ",".join(view.layers)
    for key, values in (
        ("border", view.borders),
        ("theme", view.themes),
        ("status", view.statuses),
        ("kind", view.kinds),
    ):
        if values:
            query[key] = ",".join(v.value for v in values)
    if view.text:
        query["q"] = view.text
    if view.center is not None:
        query["lat"], query["lon"] = f"{view.center[0]:.4f}", f"{view.center[1]:.4f}"
    if view.zoom is not None:
        query["z"] = f"{view.zoom:g}"
    if view.lang != "nl":
        query["lang"] = view.lang
    if view.present:
        query["mode"] = "present"
    if view.stop is not None:
        query["stop"] = str(view.stop)
    return query


def holds(address: Mapping[str, str], query: Mapping[str, str]) -> bool:
    """Whether the address's parameters are ``query`` already (Streamlit's own ``embed`` ones aside).

    >>> holds({"f": "port:emden", "embed": "true"}, {"f": "port:emden"}), holds({}, {"z": "9"})
    (True, False)
    """
    return {k: v for k, v in address.items() if k.lower() not in ("embed", "embed_options")} == dict(query)


def share_url(base_url: str, view: ViewState) -> str:
    """Return the full link to ``view`` on the app at ``base_url``."""
    base = base_url.split("?")[0]
    if base.count("/") == 2:  # "http://host:port" has no path yet
        base += "/"
    query = urlencode(to_query(view), safe=",:")
    return f"{base}?{query}" if query else base


def apply_to_state(session: MutableMapping[str, Any], view: ViewState) -> None:
    """Take over what an address asks for: a link, on a session's first run, or an earlier entry of
    the browser's history (Back, Forward). ``view.layers`` None leaves the layers as they are.

    >>> s = {}; _ = state.init_state(s, ["borders"]); s[state.PANEL_MORE] = 2
    >>> apply_to_state(s, ViewState(feature="port:emden", layers=("ports",)))
    >>> s[state.SELECTED], sorted(s[state.LAYERS]), s[state.PANEL_MORE]
    ('port:emden', ['ports'], 0)
    """
    if session.get(state.SELECTED) != view.feature:
        session[state.PANEL_MORE] = 0  # another feature starts with its first records
    at = (view.center, view.zoom) if view.center is not None and view.zoom is not None else None
    state.request_address(session, view.feature, view.layers, at)
    session[state.LANG] = view.lang
    session[state.PRESENT] = view.present
    session[state.STOP] = view.stop or (1 if view.present else None)
    session[state.FILTER_BORDER], session[state.FILTER_THEME] = list(view.borders), list(view.themes)
    session[state.FILTER_STATUS], session[state.FILTER_KIND] = list(view.statuses), list(view.kinds)
    session[state.FILTER_TEXT] = view.text


def from_state(session: Mapping[str, Any], criteria: RecordFilter, lang: str) -> ViewState:
    """Return the view as it is now: what the map reports, or what the app last asked of it."""
    center, zoom = session[state.VIEW]
    return ViewState(
        feature=session[state.SELECTED],
        layers=tuple(sorted(session[state.LAYERS])),
        borders=tuple(criteria.borders),
        themes=tuple(criteria.themes),
        statuses=tuple(criteria.statuses),
        kinds=tuple(criteria.kinds),
        text=criteria.text,
        center=(round(center[0], 4), round(center[1], 4)) if center else None,
        zoom=zoom,
        lang=lang,
        present=session[state.PRESENT],
        stop=session[state.STOP] if session[state.PRESENT] else None,
    )
