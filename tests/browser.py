"""Helpers for the Playwright tests: block the internet, find the map, click by lat/lon.

Every helper waits for something a user would see (a drawn path, a heading, the address bar),
never for a fixed time.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import BrowserContext, Frame, FrameLocator, Page, Route, expect

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
TIMEOUT = 30_000

#: True once every layer switched on has its data drawn.
LAYERS_DRAWN = (
    "() => !!(window.bp && window.bp.order && window.bp.order.every("
    "k => !window.map.hasLayer(window.bp.layers[k].group) || window.bp.layers[k].loaded))"
)


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


def map_frame(page: Page) -> FrameLocator:
    return page.frame_locator(MAP_FRAME)


def wait_map_ready(page: Page) -> FrameLocator:
    """Wait until the map has drawn every switched-on layer and Streamlit is idle."""
    frame = map_frame(page)
    expect(frame.locator(".leaflet-bpLines-pane path").first).to_be_attached(timeout=60_000)
    map_window(page).wait_for_function(LAYERS_DRAWN, timeout=TIMEOUT)
    wait_idle(page)
    return frame


def map_window(page: Page) -> Frame:
    """The map's iframe as a Playwright Frame (to wait for conditions inside it)."""
    handle = page.wait_for_selector(MAP_FRAME, state="attached", timeout=60_000)
    frame = handle.content_frame()
    assert frame is not None
    return frame


def open_map(page: Page, url: str) -> FrameLocator:
    """Open the app and wait until the map is drawn and the app has settled."""
    page.goto(url)
    return wait_map_ready(page)


def wait_idle(page: Page) -> None:
    """Wait until Streamlit shows no running script (its status widget is gone)."""
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=TIMEOUT)


def query(page: Page) -> dict[str, str]:
    """The address bar's query parameters (what a shared link would hold)."""
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def wait_for_query(page: Page, **expected: str | None) -> None:
    """Wait until the address bar holds ``expected`` (``None``: the parameter is absent)."""
    try:
        page.wait_for_function(
            "(want) => { const q = new URLSearchParams(location.search);"
            " return Object.entries(want).every(([k, v]) => q.get(k) === v); }",
            arg=expected,
            timeout=TIMEOUT,
        )
    except Exception as exc:
        raise AssertionError(f"the address bar never held {expected}: {page.url}") from exc


def click_latlon(frame: FrameLocator, lat: float, lon: float) -> None:
    """Click the map at a geographic position (converted by Leaflet, not guessed in pixels)."""
    container = frame.locator("#map_div")
    x, y = container.evaluate(
        "(el, ll) => { const p = window.map.latLngToContainerPoint(ll); return [p.x, p.y]; }", [lat, lon]
    )
    container.click(position={"x": x, "y": y})


def set_view(page: Page, lat: float, lon: float, zoom: float) -> None:
    """Centre the map on (lat, lon) at ``zoom``, as a user panning would, and wait until the app
    has taken the new view over (it shows in the address bar)."""
    frame = map_frame(page)
    container = frame.locator("#map_div")
    # The arrow function returns nothing: returning the Leaflet map made Playwright serialise it (3 s).
    container.evaluate("(el, v) => { window.map.setView([v[0], v[1]], v[2], {animate: false}); }", [lat, lon, zoom])
    wait_for_query(page, z=f"{zoom:g}")
    wait_idle(page)


def map_view(frame: FrameLocator) -> tuple[float, float, float]:
    """The map's centre and zoom as Leaflet has them now."""
    return tuple(
        frame.locator("#map_div").evaluate(
            "() => { const c = window.map.getCenter(); return [c.lat, c.lng, window.map.getZoom()]; }"
        )
    )


def highlighted(frame: FrameLocator):
    """The selection outline the browser draws for the selected feature."""
    return frame.locator(".leaflet-bpHighlight-pane path")
