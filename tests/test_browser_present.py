"""Presentation mode in Chromium, offline: step through the whole tour with the arrow keys."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from layers.catalog import load_catalog
from tests.browser import MAP_FRAME, block_outside_requests, wait_idle
from tests.test_app import ROOT
from ui.tour import load_tour

pytestmark = pytest.mark.browser


def test_tour_runs_offline_with_arrow_keys(page: Page, live_app, tmp_path) -> None:
    catalog = load_catalog(ROOT / "geodata")
    tour = load_tour(ROOT / "tours" / "summit.json", catalog.features)
    outside = block_outside_requests(page.context)
    page.goto(f"{live_app.url}/?mode=present")
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator(".leaflet-overlay-pane path").first).to_be_attached(timeout=60_000)
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)  # no editing
    for number, stop in enumerate(tour.stops, start=1):
        wait_idle(page)
        expect(page.locator(".tour-caption h2")).to_have_text(stop.text("title", "nl"), timeout=20_000)
        expect(page.locator(".bp-card h3").first).to_be_visible()
        heading = page.locator(".bp-card h3").first.inner_text()
        feature = catalog.get(stop.feature_id)
        assert heading in (feature.name, feature.properties.get("name_nl")), heading
        # the map went to the stop and highlights its feature
        expect(frame.locator('.leaflet-overlay-pane path[stroke="#00e5ff"]').first).to_be_attached(timeout=20_000)
        for _ in range(100):  # the component moves the map a moment after the page has updated
            center = frame.locator("#map_div").evaluate(
                "() => { const c = window.map.getCenter(); return [c.lat, c.lng, window.map.getZoom()]; }"
            )
            if abs(center[0] - stop.center[0]) < 0.05 and abs(center[1] - stop.center[1]) < 0.05:
                break
            page.wait_for_timeout(100)
        assert abs(center[0] - stop.center[0]) < 0.05 and abs(center[1] - stop.center[1]) < 0.05, (number, center)
        assert center[2] == stop.zoom
        page.wait_for_timeout(800)
        page.screenshot(path=str(tmp_path / f"stop_{number}.png"))
        if number < len(tour.stops):
            page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")  # not the map
            page.keyboard.press("ArrowRight")
    assert outside == [], outside
