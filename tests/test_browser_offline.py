"""The map renders in a real Chromium with every outside request blocked."""

from __future__ import annotations

import re

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
    # The page's icon is in the page, a PNG: nothing to fetch, and cheap for the browser to read
    # again, which it does on every change of the address (every click).
    icon = page.locator("link[rel='shortcut icon']")
    expect(icon).to_have_attribute("href", re.compile(r"^data:image/png;base64,"))
    page.screenshot(path=str(tmp_path / "offline_map.png"))
    assert outside == [], f"the app tried to reach the internet: {outside}"
