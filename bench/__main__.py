"""``python -m bench``: measure this app against a naive folium app and Streamlit's floor, in one
run; write ``bench/results/latest.{json,md}`` and the README's performance table.

Options: ``--clicks N`` (timed clicks per app, at least 20 for a target to count), ``--visits N``
(first visits per app), ``--reruns N`` (full reruns per app), ``--skip browser,records,payload,pg,profile``
and ``--no-readme`` (leave README.md alone, e.g. for a quick look).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT


def _log(message: str, started: float) -> None:
    print(
        f"[{time.perf_counter() - started:6.1f}s load {os.getloadavg()[0]:.2f}] {message}", file=sys.stderr, flush=True
    )


def _git() -> dict[str, Any]:
    def run(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout
        except OSError:
            return ""

    status = run("status", "--porcelain").splitlines()
    changed = [line[3:] for line in status if line[3:] and not line[3:].startswith("bench/")]
    return {"head": run("rev-parse", "--short", "HEAD").strip(), "uncommitted_outside_bench": changed}


def _machine() -> dict[str, Any]:
    chromium = ""
    with contextlib.suppress(OSError):
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=20)
        chromium = chromium.stdout.strip()
    mem_kb = 0
    try:
        with open("/proc/meminfo") as handle:
            mem_kb = int(handle.readline().split()[1])
    except OSError:
        pass
    import tomllib
    from importlib.metadata import version

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    return {
        "streamlit_config": {
            "server.enableWebsocketCompression": _get(config, "server", "enableWebsocketCompression"),
            "global.minCachedMessageSize": _get(config, "global", "minCachedMessageSize"),
            "runner.postScriptGC": _get(config, "runner", "postScriptGC", default=True),
        },
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "streamlit": version("streamlit"),
        "streamlit_folium": version("streamlit-folium"),
        "chromium": chromium,
    }


def _get(data: dict[str, Any], *keys: str, default: Any = None) -> Any:
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


def pg_available() -> bool:
    """A PostgreSQL server to test against: ``$RECORDS_TEST_URL``, or ``initdb`` to start a throwaway one."""
    if os.environ.get("RECORDS_TEST_URL"):
        return True
    if shutil.which("initdb") and shutil.which("pg_ctl"):
        return True
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def run_pg() -> dict[str, Any] | None:
    """The PostgreSQL engineer's ``bench/pg.py`` (``run() -> dict``), when it exists and PostgreSQL is there."""
    if importlib.util.find_spec("bench.pg") is None:
        return None
    try:
        from bench import pg

        available = getattr(pg, "available", pg_available)
        if not available():
            return {"skipped": "no PostgreSQL here (no $RECORDS_TEST_URL, no initdb)"}
        return pg.run()
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--clicks", type=int, default=24, help="timed clicks per app (after one warm-up)")
    parser.add_argument("--visits", type=int, default=3, help="first visits per app")
    parser.add_argument("--reruns", type=int, default=20, help="full reruns per app")
    parser.add_argument("--skip", default="", help="comma-separated: browser, records, payload, pg, profile")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite README.md's table")
    ns = parser.parse_args()
    skip = {s.strip() for s in ns.skip.split(",") if s.strip()}

    from bench import payload, records_scale, report, run, synthetic
    from bench.common import GEODATA, SEED_CSV
    from layers.catalog import load_catalog
    from layers.specs import LAYERS

    started = time.perf_counter()
    results: dict[str, Any] = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "command": "python -m bench" + "".join(f" {a}" for a in sys.argv[1:]),
        "git": _git(),
        "machine": _machine(),
        "settings": {"clicks": ns.clicks, "visits": ns.visits, "reruns": ns.reruns, "skip": sorted(skip)},
        "load": {"start": run.loadavg()},
    }
    catalog = load_catalog(GEODATA)
    feature_ids = sorted(catalog.features)
    _log("synthetic records (cached after the first run)…", started)
    files = {size: synthetic.records_file(size, feature_ids) for size in (1_000, 100_000)}
    results["synthetic"] = {
        "real obstacles.csv": synthetic.profile(),
        "1k": synthetic.profile(files[1_000]),
        "100k": synthetic.profile(files[100_000]),
    }
    if "payload" not in skip:
        _log("map payload and border lengths…", started)
        results["payload"] = payload.measure()
        results["load"]["payload"] = run.loadavg()
    if "browser" not in skip:
        _log("browser phases (cold starts, first visits, clicks, reruns)…", started)
        browser = run.run_browser_phases(
            {"app": files[1_000], "naive": files[1_000], "app_100k": files[100_000], "app_real": SEED_CSV},
            catalog,
            {spec.kind for spec in LAYERS if spec.show},
            ns.clicks,
            ns.visits,
            ns.reruns,
            profile="profile" not in skip,
        )
        results["load"].update(browser.pop("load", {}))
        results["browser"] = browser
    if "records" not in skip:
        _log("record store at 1k / 10k / 100k…", started)
        results["records"] = records_scale.run()
        results["load"]["records"] = run.loadavg()
    if "pg" not in skip:
        pg = run_pg()
        if pg is not None:
            _log("PostgreSQL (bench/pg.py)…", started)
            results["pg"] = pg
            results["load"]["pg"] = run.loadavg()
    results["total_run_s"] = round(time.perf_counter() - started, 1)
    results["load"]["end"] = run.loadavg()
    _log("done", started)
    report.write(results, readme=not ns.no_readme)


if __name__ == "__main__":
    main()
