"""``python -m bench``: run every benchmark, print the table, write bench/results/latest.{json,md}.

Options: ``--skip browser,records,naive,whatif`` leaves parts out (for a quick look).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT


def _log(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)


def _git() -> dict[str, Any]:
    def run(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except OSError:
            return ""

    changed = [line[3:] for line in run("status", "--porcelain").splitlines() if not line[3:].startswith("bench/")]
    return {"head": run("rev-parse", "--short", "HEAD"), "uncommitted": changed}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--skip", default="", help="comma-separated: browser, records, naive, whatif")
    parser.add_argument("--clicks", type=int, default=20, help="browser clicks to time (at least 20 for the target)")
    ns = parser.parse_args()
    skip = {s.strip() for s in ns.skip.split(",") if s.strip()}

    from bench import browser, payload, records_scale, report
    from bench.common import GEODATA, run_worker
    from layers.catalog import load_catalog

    started = time.perf_counter()
    results: dict[str, Any] = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "git": _git(),
        "command": "python -m bench" + (f" --skip {ns.skip}" if ns.skip else ""),
    }
    catalog = load_catalog(GEODATA)
    ids = browser.choose_targets(catalog)[:12]
    results["rerun_feature_ids"] = ids
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        ids_file = Path(tmp) / "ids.json"
        ids_file.write_text(json.dumps(ids))
        for mode in ("ours", "naive", "whatif"):
            if mode in skip:
                continue
            _log(f"AppTest {mode} (fresh process)…", started)
            results[f"apptest_{mode}"] = run_worker("bench.apptest_worker", [mode, "--ids", str(ids_file)])
    _log("payload per layer and border lengths…", started)
    try:
        results["payload"] = payload.measure()
    except Exception as exc:
        results["payload"] = {"error": f"{type(exc).__name__}: {exc}"}
    if "records" not in skip:
        _log("records at 1k / 10k / 100k…", started)
        try:
            results["records"] = records_scale.run()
        except Exception as exc:
            results["records"] = {"error": f"{type(exc).__name__}: {exc}"}
    if "browser" not in skip:
        _log("Chromium click → panel…", started)
        results["browser"] = browser.run(min_clicks=ns.clicks)
    results["total_run_s"] = round(time.perf_counter() - started, 1)
    _log("done", started)
    report.write(results)


if __name__ == "__main__":
    main()
