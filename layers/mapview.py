"""Assemble the static map: base layers, the registered layers, legend and attribution."""

from __future__ import annotations

import html
from typing import Any

import folium
import shapely
from branca.element import Element, MacroElement
from jinja2 import Template

from i18n import t
from layers import basemap
from layers._style import LegendEntry
from layers.assets import OfflineMap
from layers.catalog import Catalog
from layers.overlays import HOTSPOT_CSS
from layers.registry import LAYERS


def _compact_json_in_folium_templates() -> None:
    """Make folium's ``tojson`` filter write compact JSON (no spaces after , and :).

    Jinja reads these dumps options from its environment policies; folium's templates share
    one environment. The GeoJSON inside the map script shrinks by about a tenth.
    """
    from folium.template import Template

    Template("").environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}


_compact_json_in_folium_templates()

#: The view that shows both borders whole: ((south, west), (north, east)).
HOME_BOUNDS = ((50.70, 3.30), (53.40, 7.30))
HOME_CENTER = (52.05, 5.30)

ATTRIBUTION = "© OpenStreetMap contributors (ODbL) · © GeoBasis-DE / BKG 2016 · © NGI/Statbel (CC BY 4.0) · GeoNames"

MAP_CSS = """
.leaflet-container { background: %(sea)s; font-family: system-ui, sans-serif; }
.border-label { font: 600 12px/1.2 system-ui, sans-serif; color: #222; white-space: nowrap;
  background: rgba(255,255,255,.85); border-radius: 4px; padding: 2px 6px; display: inline-block;
  box-shadow: 0 1px 3px rgba(0,0,0,.3); pointer-events: none; }
.feature-tip { font-size: 14px; }
.leaflet-control-attribution { font-size: 10px; }
.leaflet-control-layers { font-size: 13px; }
.map-legend { background: rgba(255,255,255,.92); padding: 8px 10px; border-radius: 6px;
  font: 13px/1.35 system-ui, sans-serif; box-shadow: 0 1px 5px rgba(0,0,0,.35); max-width: 260px; }
.map-legend summary { font-weight: 600; cursor: pointer; }
.map-legend .row { display: flex; align-items: center; gap: 8px; margin: 2px 0; }
.map-legend svg { flex: none; }
.map-legend .note { color: #555; font-size: 11px; margin-top: 4px; }
""" % {"sea": basemap.SEA_COLOR}  # noqa: UP031 (CSS braces make str.format awkward)


#: For a projector: tooltips, labels and legend readable from the back of the hall.
LARGE_TYPE_CSS = """
.feature-tip { font-size: 22px; }
.border-label { font-size: 17px; }
.map-legend { font-size: 17px; max-width: 340px; }
.leaflet-control-layers { font-size: 16px; }
"""


class _MapExtras(MacroElement):
    """A legend control and the data attribution, added once the map exists."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: 'bottomleft'});
            legend.onAdd = function() {
                var div = L.DomUtil.create('div', 'map-legend');
                div.innerHTML = {{ this.legend_html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.attribution|tojson }});
            // streamlit-folium reports switched layers from overlayadd/overlayremove only; seed the
            // layers shown at start so that its "selected_layers" is the full set from the beginning.
            if (window.__GLOBAL_DATA__ && window.__GLOBAL_DATA__.selected_layers) {
                {{ this.shown|tojson }}.forEach(function(name) {
                    window.__GLOBAL_DATA__.selected_layers[name] = {name: name, url: null};
                });
            }
        })();
        {% endmacro %}"""
    )

    def __init__(self, legend_html: str, attribution: str, shown: list[str]):
        super().__init__()
        self._name = "MapExtras"
        self.legend_html = legend_html
        self.attribution = attribution
        self.shown = shown


class _ReportClicksAtOnce(MacroElement):
    """Send a click to Streamlit at once instead of after streamlit-folium's 250 ms debounce.

    After Leaflet's own click handlers have run, build the same value the component would
    send (same keys, same order, filtered to ``returned_objects``) and post it. The
    component's debounced call then finds nothing new and sends nothing, so a click costs one
    rerun, 250 ms sooner. This relies on streamlit-folium 0.27's ``window.__GLOBAL_DATA__``;
    the browser tests (click → panel) guard it, and without it clicks still work, only slower.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.on("click", function() {
            var map = this;
            setTimeout(function() {
                var g = window.__GLOBAL_DATA__;
                if (!g || !g.returned_objects) return;
                var all = {
                    last_clicked: g.lat_lng_clicked,
                    last_object_clicked: g.last_object_clicked,
                    last_object_clicked_count: g.last_object_clicked_count,
                    last_object_clicked_tooltip: g.last_object_clicked_tooltip,
                    last_object_clicked_popup: g.last_object_clicked_popup,
                    all_drawings: g.all_drawings,
                    last_active_drawing: g.last_active_drawing,
                    last_geocoder_result: g.last_geocoder_result,
                    bounds: map.getBounds(),
                    zoom: map.getZoom(),
                    last_circle_radius: g.last_circle_radius,
                    last_circle_polygon: g.last_circle_polygon,
                    center: map.getCenter(),
                    selected_layers: Object.values(g.selected_layers || {}),
                    selected_tags: g.selected_tags
                };
                var value = {};
                Object.keys(all).forEach(function(k) { if (g.returned_objects.includes(k)) value[k] = all[k]; });
                if (JSON.stringify(g.previous_data) === JSON.stringify(value)) return;
                g.previous_data = value;
                window.parent.postMessage({isStreamlitMessage: true, type: "streamlit:setComponentValue",
                                           value: JSON.parse(JSON.stringify(value)), dataType: "json"}, "*");
            }, 0);
        });
        {% endmacro %}"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ReportClicksAtOnce"


def legend_html(entries: list[LegendEntry], lang: str = "nl") -> str:
    """Return the legend's HTML (labels escaped) with a small SVG symbol per entry."""
    rows = []
    for entry in entries:
        color = html.escape(entry.color)
        if entry.shape == "point":
            symbol = f'<circle cx="11" cy="7" r="5.5" fill="{color}" stroke="#222" stroke-width="1.5"/>'
        elif entry.shape == "area":
            fill = html.escape(entry.fill or entry.color)
            symbol = f'<rect x="2" y="1" width="18" height="12" fill="{fill}" fill-opacity=".45" stroke="{color}"/>'
        else:
            dash = {"dashed": ' stroke-dasharray="6 3"', "dotted": ' stroke-dasharray="1 4"'}.get(entry.shape, "")
            symbol = (
                f'<line x1="1" y1="7" x2="21" y2="7" stroke="{color}" stroke-width="4" stroke-linecap="round"{dash}/>'
            )
        rows.append(f'<div class="row"><svg width="22" height="14">{symbol}</svg>{html.escape(entry.label)}</div>')
    hotspot = '<circle cx="11" cy="7" r="6.5" fill="#D55E00" stroke="#fff" stroke-width="1.5"/>'
    rows.append(
        f'<div class="row"><svg width="22" height="14">{hotspot}</svg>{html.escape(t("legend.hotspot", lang))}</div>'
    )
    return (
        f"<details open><summary>{html.escape(t('legend.title', lang))}</summary>"
        + "".join(rows)
        + f'<div class="note">{html.escape(t("legend.schematic", lang))}</div></details>'
    )


def border_labels(catalog: Catalog) -> list[dict[str, Any]]:
    """Return a label (name and measured length) on each land border, a third of the way
    along it so that it does not cover the hotspot badge at the middle."""
    labels = []
    for feature in catalog.layer("borders"):
        if feature.properties.get("kind") == "land_border":
            point = shapely.line_interpolate_point(shapely.line_merge(feature.geometry), 0.3, normalized=True)
            text = f"{feature.properties.get('name_nl', feature.name)} · {feature.properties['length_km']:.0f} km"
            labels.append({"latlon": (round(point.y, 5), round(point.x, 5)), "text": text})
    return labels


def layer_names(lang: str = "nl") -> dict[str, str]:
    """Return {display name: layer kind}, to read back which layers a user switched on."""
    return {t(f"layer.{spec.kind}", lang): spec.kind for spec in LAYERS}


def build_map(
    catalog: Catalog,
    basemap_data: dict[str, Any],
    lang: str = "nl",
    height: int = 650,
    shown: frozenset[str] | None = None,
    large_type: bool = False,
) -> folium.Map:
    """Return the complete static map. It depends only on its arguments, so identical
    inputs give an identical map (and streamlit-folium keeps the same iframe).

    ``shown`` is the set of layer kinds switched on at start (default: the registry's).
    """
    shown = frozenset(spec.kind for spec in LAYERS if spec.show) if shown is None else shown
    fmap = OfflineMap(
        location=HOME_CENTER,
        zoom_start=7,
        zoom_snap=0.25,
        tiles=None,
        min_zoom=6,
        max_zoom=17,
        control_scale=True,
        height=height,
        bounds=[list(HOME_BOUNDS[0]), list(HOME_BOUNDS[1])],
    )
    css = MAP_CSS + HOTSPOT_CSS + (LARGE_TYPE_CSS if large_type else "")
    fmap.get_root().header.add_child(Element(f"<style>{css}</style>"))
    basemap.build(basemap_data, lang).add_to(fmap)
    basemap.online_tiles(lang).add_to(fmap)
    entries: list[LegendEntry] = []
    for spec in LAYERS:
        extra = {"labels": border_labels(catalog)} if spec.kind == "borders" else {}
        group = spec.build(catalog.display[spec.kind], lang, **extra)
        group.show = spec.kind in shown
        group.add_to(fmap)
        entries.extend(spec.legend(lang))
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    fmap.fit_bounds(HOME_BOUNDS)
    shown_names = [name for name, kind in layer_names(lang).items() if kind in shown]
    _MapExtras(legend_html(entries, lang), ATTRIBUTION, shown_names).add_to(fmap)
    _ReportClicksAtOnce().add_to(fmap)
    return fmap
