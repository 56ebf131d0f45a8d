"""Start the three apps as real ``streamlit run`` servers on loopback, with the same config.

Every server is ``python -m bench.serve SCRIPT`` (Streamlit's own CLI with the run timer, see
``bench.serve``) started in the repository root, so all read the same ``.streamlit/config.toml``
(websocket compression, ``minCachedMessageSize``, static serving). Port and records file are
the bench's own.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import ROOT, free_port

APPS = {
    "app": ROOT / "app.py",
    "naive": ROOT / "bench" / "apps" / "naive.py",
    "floor": ROOT / "bench" / "apps" / "floor.py",
}


def prepare_static() -> None:
    """Leaflet (and jQuery, which folium's defaults load) for the apps, from the wheels."""
    import xstatic.pkg.jquery

    from layers.assets import ensure_vendor_assets

    ensure_vendor_assets(ROOT / "static")
    apps_static = ROOT / "bench" / "apps" / "static"
    ensure_vendor_assets(apps_static)
    jquery = apps_static / "vendor" / "jquery" / "jquery.min.js"
    if not jquery.exists():
        jquery.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(xstatic.pkg.jquery.BASE_DIR) / "jquery.min.js", jquery)


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    port: int
    runs_path: Path
    log_path: Path
    records: Path | None
    started_at: float  # epoch seconds when the process was started
    healthy_s: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def runs(self) -> list[dict[str, Any]]:
        """Every script run so far (see ``bench.serve``)."""
        if not self.runs_path.exists():
            return []
        return [json.loads(line) for line in self.runs_path.read_text().splitlines() if line.strip()]

    def rss_kb(self) -> int:
        try:
            with open(f"/proc/{self.process.pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start(
    name: str, script: Path, records: Path | None = None, port: int | None = None, workdir: Path | None = None
) -> Server:
    """Start ``script`` on ``port`` (default: a free one) and wait for its health check; the
    records file is copied first."""
    workdir = Path(workdir or tempfile.mkdtemp(prefix=f"bench-{name}-"))
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    copy = None
    if records is not None:
        copy = workdir / "obstacles.csv"
        shutil.copyfile(records, copy)
        env["OBSTACLES_CSV"] = str(copy)
    port = port or free_port()
    runs_path, log_path = workdir / "runs.jsonl", workdir / "server.log"
    started_at = time.time()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.serve", str(script), "--log", str(runs_path), "--server.port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    server = Server(name, process, port, runs_path, log_path, copy, started_at)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2):
            server.healthy_s = time.time() - started_at
            return server
        time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"{name} did not start: {log_path.read_text()[-2000:]}")
