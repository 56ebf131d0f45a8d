"""The server stays on this machine: no outside connection while the app starts, a page loads,
a feature is clicked and a report is saved (issue: "works with no internet at all")."""

from __future__ import annotations

import ast
import ipaddress
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import block_outside_requests, click_latlon, open_map, set_view
from tests.conftest import ROOT, _free_port, _require_browser, wait_healthy
from tests.test_browser_click import click_point

pytestmark = pytest.mark.browser


def _is_local(address: str) -> bool:
    """True for loopback addresses, unix sockets and the names that mean this machine."""
    try:
        value = ast.literal_eval(address)
    except (ValueError, SyntaxError):
        return False
    if isinstance(value, (str, bytes)):  # a unix socket path
        return True
    host = value[0]
    if host in (None, "localhost", "", b"localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def test_server_contacts_nothing_outside_this_machine(page: Page, tmp_path: Path) -> None:
    _require_browser()
    log = tmp_path / "connections.jsonl"
    csv_path = tmp_path / "obstacles.csv"
    shutil.copyfile(ROOT / "obstacles.csv", csv_path)
    port = _free_port()
    env = {
        **os.environ,
        "OBSTACLES_CSV": str(csv_path),
        "NETGUARD_LOG": str(log),
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent / "netguard"), os.environ.get("PYTHONPATH", "")]),
    }
    # The project's own settings (.streamlit/config.toml): headless, no address given on the
    # command line, so the default must keep the server quiet and closed.
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, process)
        outside = block_outside_requests(page.context)
        frame = open_map(page, url)
        lat, lon = click_point("port:emden")
        set_view(page, lat, lon, 12)
        click_latlon(frame, lat, lon)
        expect(page.locator(".bp-card h3").first).to_contain_text("Emden")
        page.get_by_role("button", name="Meld hier een belemmering").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_role("textbox", name="Titel").fill("Offline check of the report form")
        dialog.get_by_role("textbox", name="Samenvatting").fill("A report saved while the network guard listens.")
        dialog.get_by_role("textbox", name="Bron").fill("https://www.grenzinfo.eu/")
        dialog.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("Opgeslagen")).to_be_visible()
        assert outside == []
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0].decode(errors="replace")
    assert "external IP" not in output, output
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert entries and entries[0]["event"] == "guard.loaded", "the network guard was not loaded"
    far = [e for e in entries[1:] if not _is_local(e["address"])]
    assert far == [], f"the server tried to reach: {far}"
