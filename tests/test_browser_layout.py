"""Map first: how much of the window the map gets, and where the panel goes, at three sizes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import (
    MAP_FRAME,
    block_outside_requests,
    click_latlon,
    map_view,
    map_window,
    open_map,
    set_view,
    wait_map_ready,
)
from tests.test_browser_click import click_point
from ui.views import PANEL_COLUMN

pytestmark = pytest.mark.browser


def _box(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


@pytest.mark.parametrize(
    ("width", "height", "share"),
    [(1600, 1000, 0.60), (1280, 800, 0.50), (390, 844, 0.50)],
)
def test_the_map_is_the_main_element(browser: Browser, live_app, width: int, height: int, share: float) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 600)
    page = context.new_page()
    outside = block_outside_requests(context)
    frame = open_map(page, live_app.url)
    map_box = _box(page, MAP_FRAME)
    visible_h = min(map_box["y"] + map_box["height"], height) - max(map_box["y"], 0)
    assert map_box["width"] * visible_h / (width * height) >= share, (map_box, width, height)
    # The first view fits both borders whole: each border's ends are inside the map.
    for lat, lon in ((51.37, 3.36), (50.75, 6.02), (53.3, 7.2)):
        inside = frame.locator("#map_div").evaluate("(el, ll) => window.map.getBounds().contains(ll)", [lat, lon])
        assert inside, (lat, lon)
    # Layer control and legend start folded.
    expect(frame.locator(".leaflet-control-layers")).not_to_have_class("leaflet-control-layers-expanded")
    # The panel: beside the map on a wide screen, below it on a phone.
    lat, lon = click_point("port:emden")
    set_view(page, lat, lon, 12)
    click_latlon(frame, lat, lon)
    expect(page.locator(".bp-card h3").first).to_contain_text("Emden")
    wait_map_ready(page)
    panel = _box(page, PANEL_COLUMN)
    map_box = _box(page, MAP_FRAME)
    if width >= 1000:
        assert panel["x"] >= map_box["x"] + map_box["width"] - 1, (panel, map_box)
        # Beside the map the panel scrolls on its own, no taller than the map.
        assert page.locator(PANEL_COLUMN).evaluate("el => getComputedStyle(el).overflowY") == "auto"
        assert panel["height"] <= map_box["height"] + 2, (panel, map_box)
    else:
        assert panel["y"] >= map_box["y"] + map_box["height"] - 1, (panel, map_box)
    assert outside == []
    context.close()


#: Counts the map's reports to Streamlit (streamlit-folium's and the map script's alike).
COUNT_REPORTS = """() => {
  const api = window.Streamlit, send = api.setComponentValue;
  window.reports = 0;
  api.setComponentValue = function (value) { window.reports += 1; return send.call(this, value); };
}"""


def test_opening_the_sidebar_resizes_the_map_without_a_report(page: Page, live_app) -> None:
    """The map follows its narrower column and keeps its view, and tells the server nothing: a
    resize is not the user's move (its report would rerun map and panel for nothing, and could
    take a click elsewhere on the page with it)."""
    frame = open_map(page, live_app.url)
    window = map_window(page)
    (lat, lon, zoom), width = map_view(frame), window.evaluate("() => window.map.getSize().x")
    window.evaluate(COUNT_REPORTS)
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    window.wait_for_function("(w) => window.map.getSize().x < w - 100", arg=width)
    # The check streamlit-folium makes a moment after a move, made now: nothing new to send.
    window.evaluate("() => window.bp.report()")
    assert window.evaluate("() => window.reports") == 0
    now_lat, now_lon, now_zoom = map_view(frame)
    assert now_zoom == zoom and abs(now_lat - lat) < 0.01 and abs(now_lon - lon) < 0.01
    # A move of the user's is still reported.
    window.evaluate("() => { window.map.panBy([200, 0], {animate: false}); }")
    window.wait_for_function("() => window.reports === 1")


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1400, 900)])
def test_long_facts_wrap_inside_the_panel(browser: Browser, live_app, width: int, height: int) -> None:
    """A feature with long fact names and lists of places (a Regio Deal's municipalities): every
    value wraps inside the panel column instead of running out of it, cut off."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    open_map(page, f"{live_app.url}/?f=regiodeal:achterhoek")
    expect(page.locator(".bp-card h3").first).to_contain_text("Achterhoek", timeout=20_000)
    overflow = page.locator(".bp-card").first.evaluate(
        """(card) => {
            const right = card.getBoundingClientRect().right;
            return [...card.querySelectorAll("td")]
                .filter((td) => td.getBoundingClientRect().right > right + 1)
                .map((td) => td.textContent);
        }"""
    )
    assert overflow == []
    context.close()
