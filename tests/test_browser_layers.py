"""Each layer can be switched off and on in the layer control and then renders (layers issue)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from i18n import t
from layers import registry
from layers._style import PALETTE
from tests.browser import block_outside_requests, open_map

pytestmark = pytest.mark.browser

#: An SVG attribute that only this layer draws with.
SIGNATURE = {
    "interreg": f'stroke="{PALETTE["sky"]}"',
    "euregios": 'stroke="#8f4a78"',
    "regio_deals": 'stroke="#9a8c00"',
    "borders": f'stroke="{PALETTE["vermillion"]}"',
    "pipelines": f'stroke="{PALETTE["purple"]}"',
    "bus_lines": f'stroke="{PALETTE["green"]}"',
    "ports": f'fill="{PALETTE["orange"]}"',
}


def test_every_layer_toggles_and_renders(page: Page, live_app) -> None:
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    control = frame.locator(".leaflet-control-layers-overlays")
    for spec in registry.LAYERS:
        checkbox = control.locator("label", has_text=t(f"layer.{spec.kind}", "nl")).locator("input")
        paths = frame.locator(f".leaflet-overlay-pane path[{SIGNATURE[spec.kind]}]")
        assert checkbox.is_checked() == spec.show  # Interreg starts switched off
        if not spec.show:
            expect(paths).to_have_count(0)
            checkbox.check()
        expect(paths.first).to_be_attached(timeout=10_000)
        shown = paths.count()
        checkbox.uncheck()
        expect(paths).to_have_count(0)
        checkbox.check()
        expect(paths).to_have_count(shown)
    assert outside == []
