"""Click → panel latency in headless Chromium against ``streamlit run app.py``.

The click moment is taken inside the map iframe (a capture-phase ``click`` listener on
``#map_div``), the panel moment on the main page (a MutationObserver that sees the panel
heading change to the feature's name); both are epoch milliseconds with sub-ms precision
(``performance.timeOrigin + performance.now()``), so Playwright's own round trips are not
counted. The Python wall time from the click call to ``wait_for_function`` is kept too.

Page helpers (blocking the internet, opening the map, folding the legend, clicking at a
lat/lon, waiting for Streamlit) come from ``tests/browser.py``. Before every click the
point is hit-tested in the page (``elementFromPoint`` → the Leaflet layer that owns that
SVG path) so a click that would land on another feature is never timed; if the point given
by the rule (line 0.37 along, point itself, polygon representative point) is covered, the
next candidate point or zoom is tried. The server runs app.py through a wrapper that logs
each script execution, so a click's latency splits into browser → server, script, and
server → panel.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.common import CHROMIUM, GEODATA, ROOT, free_port, median, percentile, temp_csv_copy

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

# Query through open shadow roots too (st.html may render into one).
DEEP_QUERY = """
window.__deepQuery = (sel) => {
  const stack = [document];
  while (stack.length) {
    const root = stack.pop();
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) stack.push(el.shadowRoot);
  }
  return null;
};
"""

ARM_PANEL = (
    "(want) => {\n"
    + DEEP_QUERY
    + """
  window.__panelT = null;
  const check = () => {
    if (window.__panelT !== null) return;
    const h = window.__deepQuery('.bp-card h3');
    if (h && h.textContent.trim() === want) window.__panelT = performance.timeOrigin + performance.now();
  };
  if (window.__panelObs) window.__panelObs.disconnect();
  window.__panelObs = new MutationObserver(check);
  window.__panelObs.observe(document.body, {subtree: true, childList: true, characterData: true});
  const h = window.__deepQuery('.bp-card h3');
  return h ? h.textContent.trim() : null;
}"""
)

PANEL_SHOWS = """(want) => {
  const h = window.__deepQuery('.bp-card h3');
  const ok = !!h && h.textContent.trim() === want;
  if (ok && window.__panelT === null) window.__panelT = performance.timeOrigin + performance.now();
  return ok;
}"""

ARM_CLICK = """(el) => {
  window.__clickT = null;
  el.addEventListener('click', () => { window.__clickT = performance.timeOrigin + performance.now(); },
                      {capture: true, once: true});
}"""

# Not tests.browser.set_view: its arrow function returns the map object, which Playwright then
# serialises (about 3 s per call here); this one returns nothing.
SET_VIEW = "(el, v) => { window.map.setView([v[0], v[1]], v[2], {animate: false}); }"

HIT_TEST = """(el, ll) => {
  const p = window.map.latLngToContainerPoint(ll);
  const r = el.getBoundingClientRect();
  const inside = p.x > 5 && p.y > 5 && p.x < r.width - 5 && p.y < r.height - 5;
  const hit = inside ? document.elementFromPoint(r.left + p.x, r.top + p.y) : null;
  let id = null;
  if (hit) window.map.eachLayer(l => { if (!id && l._path === hit && l.feature) id = l.feature.properties.id; });
  return {x: p.x, y: p.y, id: id, inside: inside};
}"""


def heading(feature: Any, lang: str = "nl") -> str:
    props = feature.properties
    return str(props.get("name_nl") if lang == "nl" and props.get("name_nl") else feature.name)


def choose_targets(catalog: Any) -> list[str]:
    """≥ 20 features of every geometry kind, interleaved line / point / polygon."""
    by_layer = {
        kind: sorted(f.id for f in catalog.layer(kind))
        for kind in ("borders", "bus_lines", "pipelines", "ports", "regio_deals", "interreg")
    }
    lines = [
        "border:nl-be",
        "border:nl-de",
        *by_layer["bus_lines"][::6][:5],
        *[i for i in by_layer["pipelines"] if catalog.get(i).geometry.geom_type != "Point"][:3],
    ]
    points = [
        *by_layer["ports"][::2][:5],
        *[i for i in by_layer["pipelines"] if catalog.get(i).geometry.geom_type == "Point"][::5][:3],
    ]
    areas = [*by_layer["regio_deals"][::2], "border:baarle-be-01", "border:baarle-nl-01", *by_layer["interreg"]]
    out: list[str] = []
    for trio in itertools.zip_longest(lines, points, areas):
        out.extend(fid for fid in trio if fid)
    return out


def candidates(geometry: Any) -> list[tuple[float, float, float]]:
    """(lat, lon, zoom) to try: the rule's point first, then other points and zooms."""
    import shapely
    from shapely.geometry import Point

    kind = geometry.geom_type
    if kind in ("LineString", "MultiLineString"):
        line = shapely.line_merge(geometry)
        points = [
            shapely.line_interpolate_point(line, f, normalized=True) for f in (0.37, 0.25, 0.5, 0.63, 0.8, 0.15, 0.9)
        ]
        return [(p.y, p.x, z) for z in (12, 14) for p in points]
    if kind == "Point":
        return [(geometry.y, geometry.x, z) for z in (12, 14, 16)]
    rep = geometry.representative_point()
    west, south, east, north = geometry.bounds
    grid = [
        Point(west + (east - west) * i / 8, south + (north - south) * j / 8) for i in range(1, 8) for j in range(1, 8)
    ]
    inner = sorted((p for p in grid if geometry.contains(p)), key=lambda p: p.distance(rep))
    rings = shapely.get_exterior_ring(shapely.get_parts(geometry))
    edge = [shapely.line_interpolate_point(r, f, normalized=True) for f in (0.37, 0.6) for r in rings[:2]]
    return (
        [(rep.y, rep.x, 10), (rep.y, rep.x, 13), (rep.y, rep.x, 15)]
        + [(p.y, p.x, 10) for p in inner[:8]]
        + [(p.y, p.x, 10) for p in edge]
    )


# Runs app.py unchanged and appends {start epoch ms, duration ms} of every script execution.
SERVER_WRAPPER = """\
import json, runpy, sys, time
sys.path.insert(0, {root!r})
_start, _t0 = time.time() * 1000, time.perf_counter()
try:
    runpy.run_path({app!r}, run_name="__main__")
finally:
    with open({log!r}, "a") as _fh:
        _fh.write(json.dumps({{"start": _start, "ms": (time.perf_counter() - _t0) * 1000}}) + "\\n")
"""


def _start_server(workdir: Path) -> tuple[subprocess.Popen, str, Path]:
    """``streamlit run`` of the timing wrapper (beside a copy of ./static, which Streamlit serves
    next to the main script); port and records file are the bench's own, the rest is .streamlit/config.toml.
    """
    from layers.assets import ensure_vendor_assets

    ensure_vendor_assets(workdir / "static")
    runs, wrapper, log_path = workdir / "script_runs.jsonl", workdir / "bench_app.py", workdir / "streamlit.log"
    wrapper.write_text(SERVER_WRAPPER.format(root=str(ROOT), app=str(ROOT / "app.py"), log=str(runs)))
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(wrapper), "--server.port", str(port)],
        cwd=ROOT,
        env={**os.environ, "OBSTACLES_CSV": str(temp_csv_copy())},
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
            return proc, url, runs
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit did not start: {log_path.read_text()[-2000:]}")


def _attribute_server_runs(clicks: list[dict[str, Any]], runs_path: Path) -> None:
    """Split each click's latency: browser→server, script executions, server→panel."""
    runs = (
        [json.loads(line) for line in runs_path.read_text().splitlines() if line.strip()] if runs_path.exists() else []
    )
    for click in clicks:
        t_click, t_panel = click.pop("t_click"), click.pop("t_panel")
        mine = [r for r in runs if t_click and t_panel and t_click - 5 <= r["start"] <= t_panel]
        click["server_runs"] = len(mine)
        click["server_ms"] = round(sum(r["ms"] for r in mine), 1)
        click["click_to_server_start_ms"] = round(mine[0]["start"] - t_click, 1) if mine else None
        click["server_start_to_panel_ms"] = round(t_panel - mine[0]["start"], 1) if mine else None


def _click_series(
    page: Any, catalog: Any, targets: list[str], count: int, frames: list[int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Click features in turn (each click changes the selection) until ``count`` are timed;
    the first timed click is a warm-up and is dropped."""
    from shapely.geometry import shape

    from tests.browser import MAP_FRAME, click_latlon, wait_idle

    frame = page.frame_locator(MAP_FRAME)
    container = frame.locator("#map_div")
    clicks: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    for fid in [targets[-1], *targets]:
        if len(clicks) > count:
            break
        want = heading(catalog.get(fid))
        geometry = shape(catalog.display_feature(fid)["geometry"])
        plan, seen = None, set()
        for tries, (lat, lon, zoom) in enumerate(candidates(geometry), start=1):
            container.evaluate(SET_VIEW, [lat, lon, zoom])
            page.wait_for_timeout(120)
            hit = container.evaluate(HIT_TEST, [lat, lon])
            seen.add(hit["id"])
            if hit["id"] == fid:
                plan = {"lat": lat, "lon": lon, "zoom": zoom, "tries": tries}
                break
        if plan is None:
            skipped.append({"feature": fid, "reason": "no candidate point hits it", "hit": sorted(map(str, seen))})
            continue
        if page.evaluate(ARM_PANEL, want) == want:
            skipped.append({"feature": fid, "reason": "already selected"})
            continue
        container.evaluate(ARM_CLICK)
        frames_before = len(frames)
        t0 = time.perf_counter()
        click_latlon(frame, plan["lat"], plan["lon"])
        try:
            page.wait_for_function(PANEL_SHOWS, arg=want, polling="raf", timeout=20_000)
        except Exception as exc:
            skipped.append({"feature": fid, "reason": f"panel did not show {want!r}: {type(exc).__name__}"})
            wait_idle(page)
            continue
        wall = time.perf_counter() - t0
        t_click = container.evaluate("() => window.__clickT")
        t_panel = page.evaluate("() => window.__panelT")
        wait_idle(page)
        clicks.append(
            {
                "feature": fid,
                "geometry": geometry.geom_type,
                "click_to_panel_ms": round(t_panel - t_click, 1) if t_click and t_panel else None,
                "wall_ms": round(wall * 1000, 1),
                "ws_bytes_in": sum(frames[frames_before:]),
                "t_click": t_click,
                "t_panel": t_panel,
                **plan,
            }
        )
    return clicks[1:], skipped


def _summary(clicks: list[dict[str, Any]], runs_path: Path) -> dict[str, Any]:
    _attribute_server_runs(clicks, runs_path)
    lat = [c["click_to_panel_ms"] for c in clicks if c["click_to_panel_ms"] is not None]

    def med(key: str) -> float | None:
        return median([c[key] for c in clicks if c.get(key) is not None])

    p95 = percentile(lat, 95)
    return {
        "n": len(lat),
        "p50_ms": median(lat),
        "p95_ms": None if p95 is None else round(p95, 1),
        "max_ms": max(lat) if lat else None,
        "wall_p50_ms": med("wall_ms"),
        "server_exec_per_click": med("server_runs"),
        "server_ms_p50": med("server_ms"),
        "click_to_server_start_p50_ms": med("click_to_server_start_ms"),
        "server_start_to_panel_p50_ms": med("server_start_to_panel_ms"),
        "ws_bytes_in_p50": med("ws_bytes_in"),
        "clicks": clicks,
    }


def run(min_clicks: int = 20) -> dict[str, Any]:
    """One server, one page: open the map, then time ``min_clicks`` clicks (+ 1 warm-up)."""
    from playwright.sync_api import sync_playwright

    from layers.catalog import load_catalog
    from tests.browser import block_outside_requests, collapse_legend, open_map

    if not CHROMIUM.exists():
        return {"error": f"{CHROMIUM} missing (apt-get install -y chromium)"}
    catalog = load_catalog(GEODATA)
    targets = choose_targets(catalog)
    workdir = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    result: dict[str, Any] = {"targets": targets}
    try:
        proc, url, runs_path = _start_server(workdir)
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            outside = block_outside_requests(context)
            page = context.new_page()
            page.set_default_timeout(20_000)
            frames: list[int] = []  # bytes of every server→browser websocket frame
            page.on("websocket", lambda ws: ws.on("framereceived", lambda data: frames.append(len(data))))
            started = time.perf_counter()
            frame = open_map(page, url)
            result["map_ready_ms"] = round((time.perf_counter() - started) * 1000)
            result["initial_ws_bytes_in"] = sum(frames)
            collapse_legend(frame)
            container = frame.locator("#map_div")
            container.evaluate("() => { window.__sameDocument = true; }")
            clicks, result["skipped"] = _click_series(page, catalog, targets, min_clicks, frames)
            result["same_document"] = bool(container.evaluate("() => window.__sameDocument === true"))
            result["outside_requests"] = outside
            browser.close()
        result.update(_summary(clicks, runs_path))
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {exc}; server log: {(workdir / 'streamlit.log').read_text()[-600:]}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
