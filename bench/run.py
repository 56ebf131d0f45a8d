"""The browser phases of ``python -m bench``, all in one run and interleaved.

Servers (``bench.servers``), each behind its own slot of the counting proxy:

- ``app``       this app with 1,000 synthetic records (the three-way comparison, and "1k");
- ``naive``     the naive folium app on the same records;
- ``floor``     Streamlit's floor (one button, one ``st.html``);
- ``app_100k``  this app with 100,000 synthetic records;
- ``app_real``  this app with the real ``obstacles.csv`` (in the click phase only).

Phases, in this order (each records the machine's load average when it ends):

1. cold starts: ``app`` and ``app_100k`` started 3 times each, in ABBA order, each time timed
   from process start to the map painted in a fresh browser context; the last start of each
   stays up for the phases below;
2. first visits: a fresh browser context per visit, the four apps in rotating order, several
   rounds; bytes over the wire until painted and until quiet, time to first map paint;
3. clicks: one page per app, the same seeded feature list for the map apps (the floor clicks
   its button), one click per app per round in rotating order; the first round is a warm-up;
4. full reruns: the 'r' key on each page, rotating order;
5. profiles, none of them timed: py-spy (when installed) samples ``app`` and ``app_100k`` during
   10 more clicks and 5 more full reruns on each, then Chromium's JS profiler runs on ``app`` and
   ``floor`` during 10 more clicks each. A profiler takes CPU from the 2 cores it samples on, and
   only this app's servers are sampled: during the timed phases it would slow this app alone.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import servers, targets
from bench.browser import LAUNCH_ARGS, Tab
from bench.common import CHROMIUM, free_port
from bench.proxy import CountingProxy

MAP_APPS = ("app", "naive", "app_100k", "app_real")
ALL_APPS = ("app", "naive", "floor", "app_100k")
CLICK_APPS = (*ALL_APPS, "app_real")  # app_real: the real obstacles.csv, in the click phase only
KIND = {"app": "app", "app_100k": "app", "app_real": "app", "naive": "naive", "floor": "floor"}
SPIED = ("app", "app_100k")


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.2f}] {message}", file=sys.stderr, flush=True)


def rotate(names: tuple[str, ...], i: int) -> list[str]:
    k = i % len(names)
    return list(names[k:] + names[:k])


class Bench:
    """Servers, proxy and browser for one run."""

    def __init__(self, records: dict[str, Path], clicks: int, visits: int, reruns: int, profile: bool = True):
        self.records = records  # "app" and "app_100k" (and "naive") → records file
        self.clicks, self.visits, self.reruns, self.profile = clicks, visits, reruns, profile
        self.ports = {name: free_port() for name in CLICK_APPS}
        self.servers: dict[str, servers.Server] = {}
        self.proxy = CountingProxy(self.ports)  # fork now, before any browser thread
        self.results: dict[str, Any] = {"load": {}}
        self.workdir = Path(tempfile.mkdtemp(prefix="bench-run-"))

    # -- servers ---------------------------------------------------------------------------
    def _script(self, name: str) -> Path:
        return servers.APPS[KIND[name]]

    def start(self, name: str) -> servers.Server:
        server = servers.start(
            name,
            self._script(name),
            self.records.get(name),
            port=self.ports[name],
            workdir=Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.workdir)),
        )
        self.servers[name] = server
        return server

    def stop_all(self) -> None:
        for server in self.servers.values():
            server.stop()
        self.proxy.close()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def tab(self, browser: Any, name: str) -> Tab:
        return Tab(browser, name, KIND[name], self.proxy, name)

    def phase_done(self, phase: str) -> None:
        self.results["load"][phase] = loadavg()

    def spy(self, phase: str) -> dict[str, Any]:
        """py-spy (non-blocking: the servers are never paused) on this app's servers during a phase."""
        from bench import profiles

        if not self.profile or not profiles.available():
            return {}
        return {
            name: (self.workdir / f"{name}-{phase}.pyspy.txt", profiles.start(self.servers[name].process.pid, path))
            for name in SPIED
            for path in [self.workdir / f"{name}-{phase}.pyspy.txt"]
        }

    def unspy(self, phase: str, spies: dict[str, Any]) -> None:
        from bench import profiles

        for name, (path, process) in spies.items():
            profiles.stop(process)
            self.results.setdefault("profiles", {}).setdefault(phase, {})[name] = profiles.summarise(path)

    # -- phases ----------------------------------------------------------------------------
    def cold_starts(self, browser: Any, reps: int = 3) -> None:
        """Process start → map painted in a fresh context, ABBA order; the last ones stay up."""
        order = []
        for i in range(reps):
            order += ["app", "app_100k"] if i % 2 == 0 else ["app_100k", "app"]
        out: dict[str, list[dict[str, Any]]] = {"app": [], "app_100k": []}
        remaining = {name: order.count(name) for name in out}
        for name in order:
            _log(f"cold start {name}")
            server = self.start(name)
            tab = self.tab(browser, name)
            visit = tab.open()
            paint_epoch = visit["paint_ms"] + tab.page.evaluate("() => performance.timeOrigin")
            tab.close()
            runs = server.runs()
            out[name].append(
                {
                    "cold_start_ms": round(paint_epoch - server.started_at * 1000, 1),
                    "health_ms": round(server.healthy_s * 1000, 1),
                    "first_run_ms": runs[0]["ms"] if runs else None,
                    "rss_kb_after_first_visit": server.rss_kb(),
                    "visit": visit,
                }
            )
            remaining[name] -= 1
            if remaining[name]:
                server.stop()
        self.results["cold_start"] = out
        self.phase_done("cold_start")

    def first_visits(self, browser: Any) -> None:
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in ALL_APPS}
        responses: dict[str, list[dict[str, Any]]] = {}
        for i in range(self.visits):
            for name in rotate(ALL_APPS, i):
                tab = self.tab(browser, name)
                if i == 0:
                    tab.static_responses()
                visit = tab.open()
                visit["outside_requests"] = list(tab.outside)
                if i == 0:
                    responses[name] = tab.responses
                tab.close()
                out[name].append(visit)
            _log(f"first visits, round {i + 1}/{self.visits}")
        self.results["first_visit"] = out
        self.results["responses"] = responses
        self.phase_done("first_visit")

    def click_phase(self, browser: Any, catalog: Any, layers_on: set[str]) -> dict[str, Tab]:
        tabs = {name: self.tab(browser, name) for name in CLICK_APPS}
        for tab in tabs.values():
            tab.open()
        plan = targets.plan(catalog, {n: tabs[n] for n in MAP_APPS}, layers_on, self.clicks + 1)
        self.results["click_plan"] = plan
        chosen = plan["targets"]
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in CLICK_APPS}
        for i in range(len(chosen)):
            for name in rotate(CLICK_APPS, i):
                tab = tabs[name]
                if name == "floor":
                    result = tab.click_button()
                    result.update(feature=None, kind="button")
                else:
                    target = chosen[i]
                    result = tab.click_feature(target["feature"], target["name"], *target["at"][name])
                    result["kind"] = target["kind"]
                result["round"] = i
                out[name].append(result)
            if i % 5 == 0:
                _log(f"clicks, round {i + 1}/{len(chosen)}")
        for name, tab in tabs.items():
            tab.wait_quiet()
            self._click_windows(name, out[name], tab)
        self.results["clicks"] = out
        self.phase_done("clicks")
        return tabs

    def _click_windows(self, name: str, clicks: list[dict[str, Any]], tab: Tab) -> None:
        """Bytes per click: from this click to the next click on the same page (the last: until
        quiet), so a late message caused by a click is still counted; and the server's runs
        (without the freshness polls that fall in the window: see :func:`_own_runs`)."""
        end_bytes = tab.bytes()
        runs = self.servers[name].runs()
        marks = [c["ws_mark"] for c in clicks] + [len(tab.ws.frames)]
        ends = [c["started"] for c in clicks[1:]] + [time.time() * 1000]
        for k, click in enumerate(clicks):
            start_bytes = click.pop("bytes_start")
            next_bytes = clicks[k + 1]["bytes_start"] if k + 1 < len(clicks) else end_bytes
            click["bytes"] = (next_bytes - start_bytes).as_dict()
            click["ws_uncompressed"] = tab.ws.sizes(marks[k], marks[k + 1])
            mine, polls = _own_runs(runs, click["started"], ends[k])
            click["server_runs"], click["poll_runs"] = len(mine), polls
            click["server_ms"] = round(sum(r["ms"] for r in mine), 1)
            click["server_gc_ms"] = round(sum(r["gc_ms"] for r in mine), 1)
            if mine and click.get("click_t") and click.get("panel_t"):
                click["click_to_server_start_ms"] = round(mine[0]["start"] - click["click_t"], 1)
                first_end = mine[0]["start"] + mine[0]["ms"]
                click["server_end_to_panel_ms"] = round(click["panel_t"] - first_end, 1)
        for click in clicks:
            click.pop("ws_mark", None)
            click["started"] = round(click["started"], 1)

    def rerun_phase(self, tabs: dict[str, Tab]) -> None:
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in ALL_APPS}
        for i in range(self.reruns):
            for name in rotate(ALL_APPS, i):
                out[name].append(tabs[name].full_rerun())
        for name in ALL_APPS:
            runs = self.servers[name].runs()
            items = out[name]
            ends = [r["started"] for r in items[1:]] + [time.time() * 1000]
            for item, end in zip(items, ends, strict=True):
                mine, polls = _own_runs(runs, item["started"], end)
                item["server_runs"], item["poll_runs"] = len(mine), polls
                item["server_ms"] = round(sum(r["ms"] for r in mine), 1)
                item["server_gc_ms"] = round(sum(r["gc_ms"] for r in mine), 1)
                item["fragment_runs"] = sum(1 for r in mine if r["fragment"])
        self.results["reruns"] = out
        self.results["rss_kb"] = {name: server.rss_kb() for name, server in self.servers.items()}
        self.phase_done("reruns")

    def profile_phase(self, tabs: dict[str, Tab], plan: list[dict[str, Any]]) -> None:
        """py-spy on this app's servers during 10 more clicks and 5 more full reruns each, then
        Chromium's JS sampling profiler on app and floor during 10 more clicks each (none timed)."""
        from bench import profiles

        spies = self.spy("clicks")
        for name in SPIED:
            for target in plan[:10]:
                tabs[name].click_feature(target["feature"], target["name"], *target["at"][name])
        self.unspy("clicks", spies)
        spies = self.spy("reruns")
        for name in SPIED:
            for _ in range(5):
                tabs[name].full_rerun()
        self.unspy("reruns", spies)
        js = {}
        for name in ("app", "floor"):
            cdp = profiles.start_js(tabs[name])
            for target in plan[:10]:
                if name == "floor":
                    tabs[name].click_button()
                else:
                    tabs[name].click_feature(target["feature"], target["name"], *target["at"][name])
            js[name] = profiles.stop_js(cdp, 10)
        self.results.setdefault("profiles", {})["browser"] = js
        self.phase_done("profiles")


def run_browser_phases(
    records: dict[str, Path], catalog: Any, layers_on: set[str], clicks: int, visits: int, reruns: int, profile: bool
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        return {"error": f"{CHROMIUM} missing (apt-get install -y chromium)"}
    servers.prepare_static()
    bench = Bench(records, clicks, visits, reruns, profile)
    step: Callable[[str], None] = _log
    try:
        for name in ("naive", "floor", "app_real"):
            bench.start(name)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            bench.cold_starts(browser)
            step("first visits")
            bench.first_visits(browser)
            step("clicks")
            tabs = bench.click_phase(browser, catalog, layers_on)
            step("full reruns")
            bench.rerun_phase(tabs)
            if profile:
                step("profiles")
                bench.profile_phase(tabs, bench.results["click_plan"]["targets"])
            bench.results["outside_requests"] = {name: list(tab.outside) for name, tab in tabs.items()}
            browser.close()
    except Exception as exc:  # keep what was measured; the report fails the targets it lacks
        import traceback

        bench.results["error"] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()[-3000:]}"
        for name, server in bench.servers.items():
            bench.results.setdefault("server_logs", {})[name] = server.log_path.read_text()[-1500:]
    finally:
        bench.stop_all()
    return bench.results


def _own_runs(runs: list[dict[str, Any]], start_ms: float, end_ms: float) -> tuple[list[dict[str, Any]], int]:
    """The script runs that started in ``[start_ms - 5, end_ms)`` and were not timed polls, and how
    many polls there were. A page's freshness poll reruns its fragment every few seconds whether
    or not anyone clicks; a window that runs to the next click on the same page catches one now
    and then, more often when the round of clicks on the other apps is slow.

    >>> _own_runs([{"start": 10, "auto": False}, {"start": 20, "auto": True}, {"start": 99}], 10, 50)
    ([{'start': 10, 'auto': False}], 1)
    """
    window = [r for r in runs if start_ms - 5 <= r["start"] < end_ms]
    own = [r for r in window if not r.get("auto")]
    return own, len(window) - len(own)
