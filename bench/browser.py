"""Drive the apps in headless Chromium: first visits, feature clicks and full reruns.

One ``Tab`` is one app open in its own browser context (no shared cache), behind the counting
proxy (``bench.proxy``), with every non-loopback request blocked (``tests/browser.py``) and every
websocket frame decoded as a Streamlit ``ForwardMsg`` (uncompressed sizes, and when a script run
finished). Times come from the page itself (``performance.timeOrigin + performance.now()`` and
event time stamps, epoch ms), so Playwright's own round trips are not counted:

- *paint*: an init script in every frame checks on each animation frame whether the map's
  layers are drawn (the app: ``tests.browser.LAYERS_DRAWN``; naive: folium's map with its paths
  and markers; floor: its ``st.html``) and keeps the first moment it is;
- *click*: a capture-phase listener keeps the click event's time stamp; a MutationObserver on the
  main page keeps the moment the panel heading (``.bp-card h3``) names the clicked feature, and
  the next animation frame after it (when it is painted).

Waiting is always for a condition (a time stamp set, a message received, the proxy quiet),
never for a fixed time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.proxy import Bytes, CountingProxy
from tests.browser import LAYERS_DRAWN, MAP_FRAME, block_outside_requests

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1600, "height": 1000}
TIMEOUT_MS = 60_000
CLICK_TIMEOUT_S = 20.0

NAIVE_DRAWN = (
    "() => !!(window.map && document.querySelector('.leaflet-overlay-pane path')"
    " && document.querySelector('.leaflet-marker-pane img'))"
)
FLOOR_DRAWN = "() => !!document.querySelector('.bp-card h3')"
PAINTED = {"app": LAYERS_DRAWN, "naive": NAIVE_DRAWN, "floor": FLOOR_DRAWN}

# Runs in every frame of the context (main page and the map's iframe) before its own scripts.
# (A timer, not requestAnimationFrame: in the component's iframe Chromium ran one animation
# frame callback and then none, headless.)
PAINT_WATCH = """
(() => {
  const drawn = (%s);
  const timer = setInterval(() => {
    let ok = false;
    try { ok = drawn(); } catch (e) { ok = false; }
    if (ok) { window.__paintT = performance.timeOrigin + performance.now(); clearInterval(timer); }
  }, 4);
})();
"""

ARM_PANEL = """(want) => {
  window.__panelT = null;
  const check = () => {
    if (window.__panelT !== null) return;
    const h = document.querySelector('.bp-card h3');
    if (h && h.textContent.trim() === want) {
      window.__panelT = performance.timeOrigin + performance.now();
      obs.disconnect();
    }
  };
  if (window.__panelObs) window.__panelObs.disconnect();
  const obs = window.__panelObs = new MutationObserver(check);
  obs.observe(document.body, {subtree: true, childList: true, characterData: true});
  const h = document.querySelector('.bp-card h3');
  return h ? h.textContent.trim() : null;
}"""

ARM_CLICK = """() => {
  window.__clickT = null;
  document.addEventListener('click', (e) => { window.__clickT = performance.timeOrigin + e.timeStamp; },
                            {capture: true, once: true});
}"""

# Which feature (by id) a click at (lat, lon) would land on, as Leaflet would see it.
HIT_TEST = """(a) => {
  const el = document.getElementById('map_div');
  const p = window.map.latLngToContainerPoint([a[0], a[1]]);
  p.y += a[2];  // pixels up from a point: a folium marker's pin stands above its anchor
  const r = el.getBoundingClientRect();
  const inside = p.x > 8 && p.y > 8 && p.x < r.width - 8 && p.y < r.height - 8;
  const hit = inside ? document.elementFromPoint(r.left + p.x, r.top + p.y) : null;
  let id = null;
  if (hit) window.map.eachLayer(l => {
    if (!id && (l._path === hit || l._icon === hit) && l.feature && l.feature.properties)
      id = l.feature.properties.id || null;
  });
  return {x: p.x, y: p.y, id: id};
}"""


def now_ms() -> float:
    return time.time() * 1000


@dataclass
class WsLog:
    """Every websocket frame of one page: (epoch ms, direction, message type, bytes, status)."""

    frames: list[tuple[float, str, str, int, int | None]] = field(default_factory=list)

    def on_socket(self, ws: Any) -> None:
        ws.on("framereceived", lambda data: self._add("down", data))
        ws.on("framesent", lambda data: self._add("up", data))

    def _add(self, direction: str, data: Any) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        raw = data.encode() if isinstance(data, str) else data
        kind, status = "?", None
        try:
            if direction == "down":
                msg = ForwardMsg.FromString(raw)
                kind = msg.WhichOneof("type") or "?"
                if kind == "script_finished":
                    status = int(msg.script_finished)
                elif kind == "delta":
                    delta = msg.delta.WhichOneof("type") or "?"
                    element = msg.delta.new_element.WhichOneof("type") if delta == "new_element" else None
                    kind = f"delta.{element or delta}"
            else:
                kind = BackMsg.FromString(raw).WhichOneof("type") or "?"
        except Exception:
            kind = "undecoded"
        self.frames.append((now_ms(), direction, kind, len(raw), status))

    def mark(self) -> int:
        return len(self.frames)

    def since(self, mark: int) -> list[tuple[float, str, str, int, int | None]]:
        return self.frames[mark:]

    def finished_since(self, mark: int) -> int:
        return sum(1 for f in self.frames[mark:] if f[2] == "script_finished")

    def sizes(self, mark: int, end: int | None = None) -> dict[str, Any]:
        frames = self.frames[mark:end]
        by_type: dict[str, int] = {}
        for f in frames:
            if f[1] == "down":
                by_type[f[2]] = by_type.get(f[2], 0) + f[3]
        return {
            "ws_down_uncompressed": sum(f[3] for f in frames if f[1] == "down"),
            "ws_up_uncompressed": sum(f[3] for f in frames if f[1] == "up"),
            "messages_down": sum(1 for f in frames if f[1] == "down"),
            "down_by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
        }


class Tab:
    """One app in a fresh browser context, through the proxy."""

    def __init__(self, browser: Any, name: str, kind: str, proxy: CountingProxy, proxy_key: str):
        self.name, self.kind, self.proxy, self.key = name, kind, proxy, proxy_key
        self.context = browser.new_context(viewport=VIEWPORT)
        self.outside = block_outside_requests(self.context)
        self.context.add_init_script(PAINT_WATCH % PAINTED[kind])
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.ws = WsLog()
        self.page.on("websocket", self.ws.on_socket)
        self.url = f"http://127.0.0.1:{proxy.port(proxy_key)}/"

    # -- helpers ---------------------------------------------------------------------------
    def bytes(self) -> Bytes:
        return self.proxy.read(self.key)

    def map_frame(self) -> Any:
        handle = self.page.wait_for_selector(MAP_FRAME, state="attached", timeout=TIMEOUT_MS)
        frame = handle.content_frame()
        assert frame is not None
        return frame

    def paint_frame(self) -> Any:
        return self.page.main_frame if self.kind == "floor" else self.map_frame()

    def wait(self, condition: Callable[[], bool], timeout_s: float, what: str) -> None:
        """Let Playwright process events until ``condition()`` holds."""
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: {what} not within {timeout_s:.0f} s")
            self.page.wait_for_timeout(5)

    def wait_quiet(self, quiet_ms: float = 500, timeout_s: float = 60) -> None:
        """Until no script runs and the proxy has carried no byte for ``quiet_ms``."""
        last, since = self.bytes().total, time.monotonic()

        def quiet() -> bool:
            nonlocal last, since
            total = self.bytes().total
            if total != last:
                last, since = total, time.monotonic()
                return False
            return (time.monotonic() - since) * 1000 >= quiet_ms and self.idle()

        self.wait(quiet, timeout_s, "quiet network")

    def idle(self) -> bool:
        state = self.page.evaluate(
            "() => { const a = document.querySelector('[data-testid=stApp]');"
            " return a ? a.getAttribute('data-test-script-state') : null; }"
        )
        return state not in ("running", None, "initial")

    # -- first visit -----------------------------------------------------------------------
    def open(self) -> dict[str, Any]:
        """Load the page; bytes and time until the map is painted, then until all is quiet."""
        before = self.bytes()
        started = now_ms()
        self.page.goto(self.url, wait_until="commit")
        nav_start = self.page.evaluate("() => performance.timeOrigin")
        frame = self.paint_frame()
        frame.wait_for_function("() => window.__paintT", timeout=TIMEOUT_MS, polling=10)
        paint_t = frame.evaluate("() => window.__paintT")
        at_paint = self.bytes() - before
        self.wait_quiet()
        settled = self.bytes() - before
        return {
            "paint_ms": round(paint_t - nav_start, 1),
            "paint_wall_ms": round(now_ms() - started, 1),
            "bytes_at_paint": at_paint.as_dict(),
            "bytes": settled.as_dict(),
            "ws": self.ws.sizes(0),
        }

    def static_responses(self) -> None:
        """Start collecting every HTTP response's size by URL (Chromium's own figures)."""
        self.responses: list[dict[str, Any]] = []
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        urls: dict[str, dict[str, Any]] = {}

        def received(event: dict[str, Any]) -> None:
            headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
            urls[event["requestId"]] = {
                "url": event["response"]["url"],
                "type": event["type"],
                "encoding": headers.get("content-encoding", ""),
            }

        def finished(event: dict[str, Any]) -> None:
            entry = urls.get(event["requestId"])
            if entry is not None:
                self.responses.append({**entry, "bytes": int(event["encodedDataLength"])})

        cdp.on("Network.responseReceived", received)
        cdp.on("Network.loadingFinished", finished)

    # -- Chromium's own counters ------------------------------------------------------------
    METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")

    def metrics(self) -> dict[str, float]:
        """Chromium's cumulative main-thread times for this page (seconds), via CDP Performance."""
        if not hasattr(self, "_cdp_perf"):
            self._cdp_perf = self.context.new_cdp_session(self.page)
            self._cdp_perf.send("Performance.enable", {"timeDomain": "timeTicks"})
        values = {m["name"]: m["value"] for m in self._cdp_perf.send("Performance.getMetrics")["metrics"]}
        return {k: values.get(k, 0.0) for k in self.METRICS}

    # -- clicks ----------------------------------------------------------------------------
    def hit(self, lat: float, lon: float, dy: float = 0) -> dict[str, Any]:
        return self.map_frame().evaluate(HIT_TEST, [lat, lon, dy])

    def click_feature(self, feature_id: str, want: str, lat: float, lon: float, dy: float = 0) -> dict[str, Any]:
        frame = self.map_frame()
        return self._click(want, lambda: self._mouse_at(frame, lat, lon, dy), frame, feature_id)

    def click_button(self) -> dict[str, Any]:
        """The floor's button: its html then says "Klik <n + 1>"."""
        now = self.page.evaluate("() => document.querySelector('.bp-card h3').textContent.trim()")
        want = f"Klik {int(now.split()[-1]) + 1}"
        button = self.page.locator(".st-key-next button")
        return self._click(want, button.click, self.page.main_frame, None)

    def _mouse_at(self, frame: Any, lat: float, lon: float, dy: float) -> None:
        point = frame.evaluate(
            "(ll) => { const p = window.map.latLngToContainerPoint(ll); return [p.x, p.y]; }", [lat, lon]
        )
        frame.locator("#map_div").click(position={"x": point[0], "y": point[1] + dy})

    def _click(self, want: str, do_click: Callable[[], None], click_frame: Any, feature_id: str | None) -> dict:
        metrics_before = self.metrics()
        before_heading = self.page.evaluate(ARM_PANEL, want)
        click_frame.evaluate(ARM_CLICK)
        mark = self.ws.mark()
        bytes_before = self.bytes()
        started = now_ms()
        do_click()
        result: dict[str, Any] = {"feature": feature_id, "want": want, "started": started, "bytes_start": bytes_before}
        try:
            # Polled inside the page (no round trip per poll, which would itself load the main thread).
            self.page.wait_for_function("() => window.__panelT !== null", polling="raf", timeout=CLICK_TIMEOUT_S * 1000)
            self.wait(lambda: self.ws.finished_since(mark) > 0, CLICK_TIMEOUT_S, "script finished")
            self.wait(self.idle, CLICK_TIMEOUT_S, "idle")
            selected_ok = True
        except Exception as exc:  # a timeout: the panel never named the feature
            result["error"] = f"panel showing {want!r}: {type(exc).__name__}: {str(exc)[:200]}"
            selected_ok = False
        click_t = click_frame.evaluate("() => window.__clickT")
        panel_t = self.page.evaluate("() => window.__panelT")
        if selected_ok and feature_id is not None and self.kind == "app":
            selected_ok = click_frame.evaluate("() => window.bp && window.bp.selected") == feature_id
        result.update(
            {
                "selected_ok": bool(selected_ok and before_heading != want),
                "click_t": click_t,
                "panel_t": panel_t,
                "click_to_panel_ms": round(panel_t - click_t, 1) if click_t and panel_t else None,
                "settled_bytes": (self.bytes() - bytes_before).as_dict(),
                "chromium_ms": {k: round((v - metrics_before[k]) * 1000, 1) for k, v in self.metrics().items()},
                "ws_mark": mark,
            }
        )
        return result

    # -- full rerun ------------------------------------------------------------------------
    def full_rerun(self) -> dict[str, Any]:
        """A rerun of the whole script, as the 'r' key asks for it; until its script_finished."""
        self.page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); window.focus(); }")
        mark = self.ws.mark()
        before = self.bytes()
        started = now_ms()
        self.page.keyboard.press("r")
        self.wait(lambda: self.ws.finished_since(mark) > 0, CLICK_TIMEOUT_S, "rerun finished")
        finished = next(f[0] for f in self.ws.since(mark) if f[2] == "script_finished")
        self.wait(self.idle, CLICK_TIMEOUT_S, "idle")
        return {
            "started": started,
            "client_ms": round(finished - started, 1),
            "bytes": (self.bytes() - before).as_dict(),
        }

    def close(self) -> None:
        self.context.close()
