"""Click real features in Chromium and read the panel (records issue), then use the form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapely
from playwright.sync_api import Page, expect
from shapely.geometry import shape

from layers.catalog import load_catalog
from tests.browser import block_outside_requests, click_latlon, collapse_legend, open_map, set_view

pytestmark = pytest.mark.browser
GEODATA = Path(__file__).resolve().parents[1] / "geodata"


def click_point(feature_id: str) -> tuple[float, float]:
    """A (lat, lon) on the feature as drawn (display geometry), away from its ends."""
    catalog = load_catalog(GEODATA)
    geom = shape(catalog.display_feature(feature_id)["geometry"])
    if geom.geom_type in ("LineString", "MultiLineString"):
        point = shapely.line_interpolate_point(shapely.line_merge(geom), 0.37, normalized=True)
    elif geom.geom_type == "Point":
        point = geom
    else:
        point = geom.representative_point()
    return point.y, point.x


@pytest.mark.parametrize(
    ("feature_id", "zoom", "heading", "record"),
    [
        ("bus:350-maastricht-aachen", 13, re.compile("350"), None),  # a line
        ("regiodeal:achterhoek", 10, re.compile("Achterhoek"), "gros-022"),  # a polygon (Grenslandcollege)
        ("port:north-sea-port-terneuzen", 12, re.compile("Terneuzen"), "gros-005"),  # a point
    ],
)
def test_click_feature_shows_its_records(page: Page, live_app, feature_id, zoom, heading, record, tmp_path) -> None:
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    lat, lon = click_point(feature_id)
    frame.locator("#map_div").evaluate("() => { window.__sameDocument = true; }")
    collapse_legend(frame)
    set_view(frame, lat, lon, zoom)
    page.wait_for_timeout(300)
    click_latlon(frame, lat, lon)
    expect(page.locator(".bp-card h3").first).to_have_text(heading, timeout=20_000)
    if record:
        expect(page.locator(f'[data-record="{record}"]')).to_be_visible()
    # highlighted without rebuilding the map: same document, same zoom, a highlight path drawn
    expect(frame.locator('.leaflet-overlay-pane path[stroke="#00e5ff"]').first).to_be_attached(timeout=10_000)
    assert frame.locator("#map_div").evaluate("() => window.__sameDocument === true")
    assert frame.locator("#map_div").evaluate("() => window.map.getZoom()") == zoom
    page.screenshot(path=str(tmp_path / f"{feature_id.replace(':', '_')}.png"))
    assert outside == []


def test_click_on_empty_map_clears_selection(page: Page, live_app) -> None:
    frame = open_map(page, live_app.url)
    lat, lon = click_point("port:emden")
    set_view(frame, lat, lon, 12)
    click_latlon(frame, lat, lon)
    expect(page.locator(".bp-card h3").first).to_contain_text("Emden", timeout=20_000)
    set_view(frame, 53.9, 4.2, 9)
    click_latlon(frame, 53.9, 4.2)  # North Sea, no feature
    expect(page.get_by_text(re.compile("^Klik op een grens"))).to_be_visible(timeout=20_000)
