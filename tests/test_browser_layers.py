"""Each layer can be switched off and on in the layer control; the address bar follows at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from i18n import t
from layers import specs
from tests.browser import block_outside_requests, open_map, wait_for_query

pytestmark = pytest.mark.browser


def test_every_layer_toggles_renders_and_goes_into_the_url(page: Page, live_app) -> None:
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    control = frame.locator(".leaflet-control-layers")
    shown = {spec.kind for spec in specs.LAYERS if spec.show}
    for spec in specs.LAYERS:
        control.hover()  # a folded layer control opens under the pointer, as for a user
        checkbox = control.locator("label", has_text=t(f"layer.{spec.kind}", "nl")).locator("input")
        drawn = frame.locator(f"path.bp-{spec.kind}")
        assert checkbox.is_checked() == (spec.kind in shown)  # the large areas start switched off
        if spec.kind not in shown:
            expect(drawn).to_have_count(0)
            checkbox.check()
            shown.add(spec.kind)
        expect(drawn.first).to_be_attached(timeout=20_000)
        wait_for_query(page, layers=",".join(sorted(shown)))
        count = drawn.count()
        checkbox.uncheck()
        expect(drawn).to_have_count(0)
        wait_for_query(page, layers=",".join(sorted(shown - {spec.kind})))
        checkbox.check()
        expect(drawn).to_have_count(count)
        wait_for_query(page, layers=",".join(sorted(shown)))
    assert outside == []


def test_an_online_base_map_over_a_lost_connection_leaves_the_offline_map(page: Page, live_app) -> None:
    """PDOK's BRT-Achtergrondkaart is offered; with no internet its tiles fail, and the offline
    base map stays drawn underneath, so the map is never blank."""
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    control = frame.locator(".leaflet-control-layers")
    control.hover()
    control.locator("label", has_text=t("layer.pdok", "nl")).locator("input").check()
    expect(frame.locator(".leaflet-tile-pane img").first).to_be_attached()  # tiles asked for…
    expect(frame.locator(".leaflet-bpBase-pane path").first).to_be_attached()  # …the offline map stays
    assert frame.locator(".leaflet-bpBase-pane path").count() >= 4
    assert any("service.pdok.nl" in url for url in outside), outside  # the request was blocked, not made
