"""Shared helpers: paths, statistics, profiles and running a worker in a fresh process."""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "bench" / "results"
GEODATA = ROOT / "geodata"
SEED_CSV = ROOT / "obstacles.csv"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolation percentile (q in 0..100), like numpy's default."""
    if not values:
        return None
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def temp_csv_copy(prefix: str = "bench-") -> Path:
    """A private copy of the seed records in a new temporary folder (never the real file)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    target = folder / "obstacles.csv"
    shutil.copyfile(SEED_CSV, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_worker(module: str, args: list[str], timeout: float = 300) -> dict[str, Any]:
    """Run ``python -m <module> <args> --out <file>`` in a fresh process; return its JSON."""
    with tempfile.TemporaryDirectory(prefix="bench-worker-") as tmp:
        out = Path(tmp) / "out.json"
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", module, *args, "--out", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        elapsed = time.perf_counter() - started
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or proc.stdout)[-3000:]
            return {"error": f"{module} {' '.join(args)} failed (rc={proc.returncode}): {tail}", "wall_s": elapsed}
        result = json.loads(out.read_text())
        result["wall_s"] = round(elapsed, 2)
        return result


def profile_rows(profile: cProfile.Profile | pstats.Stats, limit: int = 10, skip: Sequence[str] = ()) -> dict[str, Any]:
    """Top functions by cumulative and by own time, as plain rows for the report."""
    stats = profile if isinstance(profile, pstats.Stats) else pstats.Stats(profile)
    total = stats.total_tt
    rows = []
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():
        name = f"{_short(filename)}:{line}({func})"
        rows.append(
            {"function": name, "calls": ncalls, "own_ms": round(tottime * 1000, 1), "cum_ms": round(cumtime * 1000, 1)}
        )
    wanted = [r for r in rows if not any(s in r["function"] for s in skip)]
    by_cum = sorted(wanted, key=lambda r: -r["cum_ms"])[:limit]
    by_own = sorted(rows, key=lambda r: -r["own_ms"])[:limit]
    return {"total_ms": round(total * 1000, 1), "by_cumulative": by_cum, "by_own_time": by_own}


def cum_ms(stats: pstats.Stats, pattern: str, func: str | None = None) -> float:
    """Cumulative ms of the functions whose file:line matches ``pattern`` (and name ``func``)."""
    total = 0.0
    for (filename, line, name), (_cc, _nc, _tt, cumtime, _callers) in stats.stats.items():
        if pattern in f"{filename}:{line}" and (func is None or name == func):
            total += cumtime
    return round(total * 1000, 1)


def own_ms(stats: pstats.Stats, func: str) -> float:
    """Own (exclusive) ms of the functions named ``func`` (or built-ins whose name contains it)."""
    total = sum(
        tt
        for (_f, _l, name), (_cc, _nc, tt, _ct, _c) in stats.stats.items()
        if name == func or (name.startswith("<built-in") and func in name)
    )
    return round(total * 1000, 1)


def _short(filename: str) -> str:
    for marker in ("site-packages/", f"{ROOT}/", "lib/python3.11/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename
