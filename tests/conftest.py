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


def start_live_app(workdir: Path, csv_path: Path, **environ: str) -> LiveApp:
    """Start `streamlit run app.py` on a free port (with ``environ`` on top of ours); wait until it answers."""
    port = _free_port()
    env = {**os.environ, "OBSTACLES_CSV": str(csv_path), "STREAMLIT_SERVER_PORT": str(port), **environ}
    log_path = workdir / f"streamlit-{port}.log"
    log = log_path.open("w")
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
        pytest.fail(f"{exc}; log: {log_path.read_text()[-2000:]}")
    return LiveApp(url, csv_path, process)


def stop_live_app(app: LiveApp) -> None:
    app.process.terminate()
    try:
        app.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.process.kill()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    _require_browser()
    workdir = tmp_path_factory.mktemp("live")
    csv_path = workdir / "obstacles.csv"
    shutil.copyfile(ROOT / "obstacles.csv", csv_path)
    app = start_live_app(workdir, csv_path)
    yield app
    stop_live_app(app)


# -- PostgreSQL ------------------------------------------------------------------------------
# A server for the PostgreSQL store tests: $RECORDS_TEST_URL (CI starts one, see .ci/run), else a
# throwaway cluster of this machine's binaries. Without either the tests are skipped; with
# REQUIRE_POSTGRES=1 (or CI) a missing server fails the run, as a missing Chromium does.


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL role that may create databases and roles."""
    from tests import pgserver

    url = pgserver.admin_url()
    if url:
        yield url
        return
    if pgserver.find_bin_dir() is None:
        if os.environ.get("CI") or os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("no PostgreSQL server: install it (apt-get install -y postgresql) or set RECORDS_TEST_URL")
        pytest.skip("no PostgreSQL server binaries (apt-get install -y postgresql) and no RECORDS_TEST_URL")
    cluster = pgserver.throwaway_cluster()
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> Iterator[str]:
    """The name of a database with the schema migrated to the newest revision (copied for each test)."""
    from records.sqlstore import SqlStore
    from tests.pgserver import fresh_database

    with fresh_database(pg_server, prefix="records_template") as url:
        store = SqlStore(url)
        store.snapshot()  # an empty database: the store applies the migrations itself
        store.dispose()  # a template must have no connections while it is copied
        yield url.rsplit("/", 1)[1]


@pytest.fixture(scope="session")
def pg_shared(pg_server: str, pg_template: str) -> Iterator[str]:
    """One migrated database for the tests that need an empty one (emptied before each)."""
    from tests.pgserver import fresh_database

    with fresh_database(pg_server, template=pg_template, prefix="records_shared") as url:
        yield url


@pytest.fixture
def pg_url(pg_shared: str) -> str:
    """An empty database with the schema in place, for this test alone (the shared one, emptied)."""
    from tests.pgserver import reset_database

    reset_database(pg_shared)
    return pg_shared
