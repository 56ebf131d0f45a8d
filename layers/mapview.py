"""The map as Streamlit sends it: a static part built once, and a small state applied to it.

:func:`build_map` returns a folium map that depends only on the published files and the
catalog: not on the language, the selection, the filters or the switched-on layers. Its
script is therefore byte-identical from one rerun to the next, streamlit-folium keeps the same
iframe, and Streamlit sends a reference instead of the message (see ``global.minCachedMessageSize``).
Everything that changes travels in :class:`MapState` (``feature_group_to_add``) and is applied
by ``bp.apply`` in ``layers/web/map.js`` without rebuilding the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from i18n import both
from layers import basemap, registry
from layers.assets import VENDOR_URL
from layers.catalog import Catalog
from layers.mapdata import MapFiles
from layers.specs import LAYERS

ATTRIBUTION = "© OpenStreetMap contributors (ODbL) · © GeoBasis-DE / BKG · © NGI/Statbel · © CBS/Kadaster · GeoNames"

#: Leaflet panes, bottom to top. Areas, lines and points sit in their own panes, so that a
#: line or point always takes the click before an area under it, whatever order layers are
#: switched on in. Passive panes never take clicks.
PANES: tuple[dict[str, Any], ...] = (
    {"name": "bpBase", "z": 150, "passive": True},  # under the online tiles (tilePane is 200)
    {"name": "bpWater", "z": 160, "passive": True},
    {"name": "bpAreas", "z": 410},
    {"name": "bpLines", "z": 420},
    {"name": "bpLabels", "z": 450, "passive": True},
    {"name": "bpPoints", "z": 460},
    {"name": "bpHighlight", "z": 470, "passive": True},
    {"name": "bpBadges", "z": 620, "passive": True},
)
PANE_OF = {"area": "bpAreas", "line": "bpLines", "mixed": "bpLines", "point": "bpPoints"}

#: Text keys the browser needs, in both languages.
_TEXT_PREFIXES = ("layer.", "legend.", "quality_tip.")


class OfflineMap(folium.Map):
    """A ``folium.Map`` whose scripts and stylesheets all come from this app (no CDN).

    Bootstrap, Font Awesome, awesome-markers and jQuery are left out: the map draws with
    Leaflet and ``layers/web/map.js`` only.
    """

    def __init__(self, *args: Any, js: Iterable[str] = (), css: Iterable[str] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        # Instance attributes: folium's class-level lists are shared by every map in the process.
        # The app's scripts first: they touch Leaflet only when called, and the map's script asks
        # for the first view's data as soon as it runs (scripts load one after another).
        self.default_js = [*((f"bp{i}", u) for i, u in enumerate(js)), ("leaflet", f"{VENDOR_URL}/leaflet/leaflet.js")]
        self.default_css = [
            ("leaflet_css", f"{VENDOR_URL}/leaflet/leaflet.css"),
            *((f"bp{i}", u) for i, u in enumerate(css)),
        ]

    def get_bounds(self) -> list[list[float | None]]:
        """No vector children: nothing for folium to walk."""
        return [[None, None], [None, None]]


class _Script(Element):
    """JavaScript that is ready as it is: rendered as it is."""

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def render(self, **kwargs: Any) -> str:
        return self.code


class _ScriptAsIs:
    """Renders only its ``script`` macro, into the figure's script as it is.

    branca compiles every rendered script once more as a template (milliseconds for the map's
    10 kB of config, on every click), and folium adds an ``addTo`` to a layer (streamlit-folium adds
    the state's group already). These scripts hold no template syntax and need neither.
    """

    def render(self, **kwargs: Any) -> None:
        self.get_root().script.add_child(_Script(self._template.module.script(self, kwargs)), name=self.get_name())


class _MapSetup(_ScriptAsIs, MacroElement):
    """Calls ``bp.init`` once the Leaflet map exists."""

    _template = Template(
        "{% macro script(this, kwargs) %}window.bp.init({{ this._parent.get_name() }}, {{ this.config|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, config: dict[str, Any]):
        super().__init__()
        self._name = "MapSetup"
        self.config = config


class MapState(_ScriptAsIs, folium.FeatureGroup):
    """The map's changing state, handed to ``st_folium(feature_group_to_add=...)``.

    Parameters
    ----------
    lang : interface language of the labels, tooltips, legend and layer control.
    layers : the layer kinds a new map starts with.
    badges : open obstacles per feature id (the hotspot badges).
    request : ``(sequence, feature id or None, view or None, layers or None)``: what the app asks
        the map to show (a link, a tour stop, Back). The browser applies it when the sequence
        changes; its own clicks it highlights itself, so a click changes nothing here. A new map
        takes the selection from it, and its view and layers only when it is newer than ``since``.
    large : large type for a projector.
    view : ``((lat, lon), zoom)`` a new map (a new iframe, e.g. after switching views) starts
        at, or None. An existing map ignores it and ``layers``, so its own earlier reports are
        never echoed back over a move made since (the app keeps both as they were when the map
        was created: see ``ui.state.map_start``).
    since : the number of the last request when the app created the map (default: ``request``'s).
        A map whose iframe starts again later (the browser may load it anew) goes where a newer
        request asks, not back to ``view``.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = L.featureGroup();"
        "if (window.bp) { window.bp.apply({{ this.state|tojson }}); }{% endmacro %}"
    )

    def __init__(
        self,
        lang: str,
        layers: Iterable[str],
        badges: Mapping[str, int],
        request: tuple[int, str | None, tuple[tuple[float, float], float] | None, Iterable[str] | None],
        large: bool = False,
        view: tuple[tuple[float, float] | None, float | None] | None = None,
        since: int | None = None,
    ):
        super().__init__(name="state", control=False)
        self.state = {
            "lang": lang,
            "layers": sorted(layers),
            "badges": {k: int(v) for k, v in sorted(badges.items()) if v > 0},
            "request": {
                "seq": request[0],
                "selected": request[1],
                "view": _view(request[2]),
                "layers": None if request[3] is None else sorted(request[3]),
            },
            "large": large,
            "view": _view(view),
            "since": request[0] if since is None else since,
        }


def _view(view: tuple[tuple[float, float] | None, float | None] | None) -> list | None:
    """[lat, lon, zoom] for the browser, or None when there is no view to go to."""
    if not view or view[0] is None or view[1] is None:
        return None
    (lat, lon), zoom = view
    return [lat, lon, zoom]


def home_bounds(catalog: Catalog, pad: float = 0.08) -> list[list[float]]:
    """Return [[south, west], [north, east]] around both land borders (the first view)."""
    lines = [f for f in catalog.layer("borders") if f.properties.get("kind") == "land_border"]
    (south, west), (north, east) = lines[0].bounds_latlon
    for feature in lines[1:]:
        (s, w), (n, e) = feature.bounds_latlon
        south, west, north, east = min(south, s), min(west, w), max(north, n), max(east, e)
    return [[south - pad, west - pad], [north + pad, east + pad]]


def browser_texts() -> dict[str, dict[str, str]]:
    """Return every text the map shows, in both languages (the browser switches itself)."""
    from i18n import TEXTS

    return {key: both(key) for key in TEXTS if key.startswith(_TEXT_PREFIXES)}


def map_config(files: MapFiles, catalog: Catalog) -> dict[str, Any]:
    """Return what ``bp.init`` needs: files, panes, layers, tiles, legend and texts."""
    return {
        "panes": list(PANES),
        "base": {"url": files.base},
        "water": {"url": files.water} if files.water else None,
        "places": [{"url": url, "minzoom": zoom} for url, zoom in files.places],
        "layers": [
            {
                "kind": spec.kind,
                "url": files.layers[spec.kind],
                "pane": PANE_OF[spec.geometry],
                "geometry": spec.geometry,
                "prefix": spec.id_prefix,
                "show": spec.show,
            }
            for spec in LAYERS
        ],
        "tiles": [
            {"key": tile.key, "url": tile.url, "attribution": tile.attribution, "maxNativeZoom": tile.max_native_zoom}
            for tile in basemap.TILES
        ],
        "legend": [{"key": entry.key, "svg": entry.svg()} for entry in registry.legend()],
        "texts": browser_texts(),
        "home": home_bounds(catalog),
        "attribution": ATTRIBUTION,
    }


@dataclass(frozen=True)
class MapView:
    """Where the map looks: centre (lat, lon) and zoom."""

    center: tuple[float, float]
    zoom: float


def build_map(files: MapFiles, catalog: Catalog, height: int = 650) -> folium.Map:
    """Return the static map. It depends only on its arguments, so identical inputs give an
    identical script (and streamlit-folium keeps the same iframe)."""
    bounds = home_bounds(catalog)
    center = ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
    fmap = OfflineMap(
        location=center,
        zoom_start=7,
        zoom_snap=0.25,
        tiles=None,
        min_zoom=6,
        max_zoom=17,
        control_scale=True,
        height=height,
        js=[files.script],
        css=[files.css],
    )
    _MapSetup(map_config(files, catalog)).add_to(fmap)
    return fmap


def default_layers() -> frozenset[str]:
    """The layer kinds switched on when the map opens."""
    return frozenset(spec.kind for spec in LAYERS if spec.show)
