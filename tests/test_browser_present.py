"""Presentation mode in Chromium, offline: step through the whole tour with the arrow keys."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from layers.catalog import load_catalog
from tests.browser import (
    MAP_FRAME,
    block_outside_requests,
    highlighted,
    map_frame,
    map_view,
    map_window,
    wait_for_query,
    wait_idle,
    wait_map_ready,
)
from tests.test_app import ROOT
from ui.tour import load_tour

pytestmark = pytest.mark.browser

# In the map's frame: whether the map shows the centre [lat, lon] (within 0.05°) at zoom s[2].
AT_VIEW = (
    "(s) => { if (!window.map) return false; const c = window.map.getCenter();"
    " return Math.abs(c.lat - s[0]) < 0.05 && Math.abs(c.lng - s[1]) < 0.05"
    " && window.map.getZoom() === s[2]; }"
)


def test_tour_runs_offline_with_arrow_keys(page: Page, live_app, tmp_path) -> None:
    catalog = load_catalog(ROOT / "geodata")
    tour = load_tour(ROOT / "tours" / "summit.json", catalog.features)
    outside = block_outside_requests(page.context)
    page.goto(f"{live_app.url}/?mode=present")
    frame = wait_map_ready(page)
    # a projector: no editing, no clearing, controls folded
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)
    expect(page.get_by_role("button", name="Selectie wissen")).to_have_count(0)
    expect(frame.locator(".leaflet-control-layers")).not_to_have_class("leaflet-control-layers-expanded")
    for number, stop in enumerate(tour.stops, start=1):
        feature = catalog.get(stop.feature_id)
        # caption, panel, highlight, address bar and map all at this stop
        expect(page.locator(".tour-caption h2")).to_have_text(stop.text("title", "nl"))
        expect(page.locator(".bp-card h3").first).to_have_text(feature.name_in("nl"))
        expect(page.locator(".st-key-tour_bar")).to_be_in_viewport()
        try:
            wait_for_query(page, stop=str(number), f=stop.feature_id, z=f"{stop.zoom:g}")
        except Exception:
            raise AssertionError(f"{number}: {page.url}") from None
        map_window(page).wait_for_function(AT_VIEW, arg=[stop.center[0], stop.center[1], stop.zoom])
        expect(highlighted(frame).first).to_be_attached()
        assert map_view(frame)[2] == stop.zoom
        page.screenshot(path=str(tmp_path / f"stop_{number}.png"))
        if number < len(tour.stops):
            page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")  # not the map
            page.keyboard.press("ArrowRight")
    assert outside == []


def test_a_map_loaded_again_goes_to_the_stop_it_was_asked_for(page: Page, live_app) -> None:
    # On a busy machine the browser once loaded the map's iframe again during the tour: the new map
    # started where the first one had been made (stop 1) and took the page back there.
    catalog = load_catalog(ROOT / "geodata")
    tour = load_tour(ROOT / "tours" / "summit.json", catalog.features)
    stop = tour.stop(3)
    page.goto(f"{live_app.url}/?mode=present")
    wait_map_ready(page)
    for number in (2, 3):
        page.keyboard.press("ArrowRight")
        wait_for_query(page, stop=str(number))
    where = [stop.center[0], stop.center[1], stop.zoom]
    map_window(page).wait_for_function(AT_VIEW, arg=where)
    wait_idle(page)
    first = map_window(page).evaluate("() => performance.timeOrigin")
    map_window(page).evaluate("() => location.reload()")

    page.wait_for_function(
        "([selector, first]) => { const f = document.querySelector(selector);"
        " const w = f && f.contentWindow; return !!(w && w.performance.timeOrigin !== first && w.map); }",
        arg=[MAP_FRAME, first],
    )
    map_window(page).wait_for_function(AT_VIEW, arg=where)
    frame = map_frame(page)
    expect(highlighted(frame).first).to_be_attached()
    wait_idle(page)
    wait_for_query(page, stop="3", f=stop.feature_id, z=f"{stop.zoom:g}", lat=f"{stop.center[0]:.4f}")
    expect(page.locator(".bp-card h3").first).to_have_text(catalog.get(stop.feature_id).name_in("nl"))
