"""Regenerate docs/screenshot.png: the app in Chromium (offline) with North Sea Port selected.

Run from the repository root: ``python docs/screenshot.py`` (needs the test extra and /usr/bin/chromium).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import block_outside_requests, click_latlon, open_map, set_view  # noqa: E402
from tests.test_browser_click import click_point  # noqa: E402


def main() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ},
    )  # fmt: skip
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1500, "height": 940})
            outside = block_outside_requests(page.context)
            frame = open_map(page, f"http://127.0.0.1:{port}")
            lat, lon = click_point("port:north-sea-port-terneuzen")
            set_view(frame, lat, lon, 9)
            click_latlon(frame, lat, lon)
            page.locator(".bp-card h3").first.wait_for(timeout=20_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
            browser.close()
            assert not outside, outside
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
