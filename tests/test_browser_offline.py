"""The map renders in a real Chromium with every outside request blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from layers.style import PALETTE
from tests.browser import block_outside_requests, open_map

pytestmark = pytest.mark.browser


def test_map_draws_borders_with_no_internet(page: Page, live_app, tmp_path) -> None:
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    # Both border lines in their own colours, in the lines pane (above the areas).
    lines = frame.locator(".leaflet-bpLines-pane")
    expect(lines.locator(f'path[stroke="{PALETTE["vermillion"]}"]').first).to_be_attached()
    expect(lines.locator(f'path[stroke="{PALETTE["blue"]}"][stroke-dasharray]').first).to_be_attached()
    # Map first: layer control and legend start folded, so they cover little of the map.
    expect(frame.locator(".leaflet-control-layers")).not_to_have_class("leaflet-control-layers-expanded")
    expect(frame.locator(".map-legend details")).not_to_have_attribute("open", "")
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
    page.screenshot(path=str(tmp_path / "offline_map.png"))
    assert outside == [], f"the app tried to reach the internet: {outside}"
