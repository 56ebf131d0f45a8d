"""The map renders in a real Chromium with every outside request blocked (issue: foundation)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser import block_outside_requests, open_map

pytestmark = pytest.mark.browser


def test_map_draws_borders_with_no_internet(page: Page, live_app, tmp_path) -> None:
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    paths = frame.locator(".leaflet-overlay-pane path")
    expect(paths.nth(10)).to_be_attached()
    # Both border lines are drawn in their own colours.
    expect(frame.locator('.leaflet-overlay-pane path[stroke="#D55E00"]').first).to_be_attached()
    expect(frame.locator('.leaflet-overlay-pane path[stroke="#0072B2"][stroke-dasharray]').first).to_be_attached()
    expect(frame.locator(".border-label").first).to_contain_text("km")
    expect(frame.locator(".map-legend")).to_be_visible()
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
    page.wait_for_timeout(1000)
    page.screenshot(path=str(tmp_path / "offline_map.png"), full_page=True)
    assert outside == [], f"the app tried to reach the internet: {outside}"
