"""Shared fixtures: temporary record files, the app under AppTest, and a live server for browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture
def csv_path(tmp_path: Path) -> Path:
    """A private copy of the seed records, so tests may write to it."""
    path = tmp_path / "obstacles.csv"
    shutil.copyfile(ROOT / "obstacles.csv", path)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _require_browser() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's Chromium: `playwright install` cannot download browsers here."""
    _require_browser()
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1600, "height": 1000}}


def wait_healthy(url: str, process: subprocess.Popen, timeout_s: float = 60) -> None:
    """Wait until the Streamlit server at ``url`` answers its health check (polling, not sleeping
    a fixed time); raise RuntimeError when the process ends or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("streamlit did not start")
        time.sleep(0.2)


class LiveApp:
    """A `streamlit run app.py` server on a free port with its own records file."""

    def __init__(self, url: str, csv_path: Path, process: subprocess.Popen):
        self.url = url
        self.csv_path = csv_path
        self.process = process


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    _require_browser()
    workdir = tmp_path_factory.mktemp("live")
    csv_path = workdir / "obstacles.csv"
    shutil.copyfile(ROOT / "obstacles.csv", csv_path)
    port = _free_port()
    env = {**os.environ, "OBSTACLES_CSV": str(csv_path), "STREAMLIT_SERVER_PORT": str(port)}
    log = (workdir / "streamlit.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
    except RuntimeError as exc:
        pytest.fail(f"{exc}; log: {(workdir / 'streamlit.log').read_text()[-2000:]}")
    yield LiveApp(url, csv_path, process)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
