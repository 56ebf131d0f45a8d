"""Helpers for the Playwright tests: block the internet, find the map, click by lat/lon."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, FrameLocator, Page, Route, expect

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def block_outside_requests(context: BrowserContext) -> list[str]:
    """Abort every request that leaves this machine; return the list they are recorded in."""
    outside: list[str] = []

    def handle(route: Route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", handle)
    return outside


def open_map(page: Page, url: str) -> FrameLocator:
    """Open the app and wait until Leaflet has drawn vector paths in the map frame."""
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator(".leaflet-overlay-pane path").first).to_be_attached(timeout=60_000)
    wait_idle(page)
    return frame


def wait_idle(page: Page, quiet_ms: int = 600) -> None:
    """Wait until Streamlit has been idle for ``quiet_ms``: streamlit-folium reports a pan or
    zoom after a 250 ms debounce, so one idle moment right after a map move is not enough."""
    status = page.locator('[data-testid="stStatusWidget"]')
    quiet = 0
    while quiet < quiet_ms:
        page.wait_for_timeout(100)
        quiet = quiet + 100 if status.count() == 0 else 0
    expect(status).to_have_count(0, timeout=60_000)


def collapse_legend(frame: FrameLocator) -> None:
    frame.locator(".map-legend summary").click()


def click_latlon(frame: FrameLocator, lat: float, lon: float) -> None:
    """Click the map at a geographic position (converted by Leaflet, not guessed in pixels)."""
    container = frame.locator("#map_div")
    x, y = container.evaluate(
        "(el, ll) => { const p = window.map.latLngToContainerPoint(ll); return [p.x, p.y]; }", [lat, lon]
    )
    container.click(position={"x": x, "y": y})


def set_view(frame: FrameLocator, lat: float, lon: float, zoom: float) -> None:
    """Centre the map on (lat, lon) at ``zoom`` and check that it stayed there."""
    container = frame.locator("#map_div")
    # The arrow function returns nothing: returning the Leaflet map made Playwright serialise it (3 s).
    container.evaluate("(el, v) => { window.map.setView([v[0], v[1]], v[2], {animate: false}); }", [lat, lon, zoom])
    center = container.evaluate(
        "() => { const c = window.map.getCenter(); return [c.lat, c.lng, window.map.getZoom()]; }"
    )
    assert abs(center[0] - lat) < 1e-3 and abs(center[1] - lon) < 1e-3 and center[2] == zoom, center
