"""Make the screenshots in docs/ with the app running offline in Chromium.

Run from the repository root after the test install: ``python docs/screenshots.py``. It starts
``streamlit run app.py`` on a free port with a private copy of the records, blocks every request
that leaves the machine, and writes, at 1600×1000 unless noted:

- ``docs/first-view.png``: the map as it opens (the README shows it);
- ``docs/bus-line-zoom12.png``: a bus line clicked at about zoom 12, place names and water in view;
- ``docs/english.png``: the same after switching the language to English;
- ``docs/phone.png``: the first view on a 390×844 phone screen;
- ``docs/statistics.png``: the statistics view.

Each picture is taken once what it shows is there (the layers drawn, the panel filled), never
after a fixed wait.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import (  # noqa: E402
    block_outside_requests,
    click_latlon,
    open_map,
    set_view,
    wait_idle,
    wait_map_ready,
)
from tests.conftest import _free_port, wait_healthy  # noqa: E402
from tests.test_browser_click import click_point  # noqa: E402

DOCS = ROOT / "docs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BUS_LINE = "bus:350-maastricht-aachen"


def labels_shown(page: Page) -> None:
    """Wait until place labels are on the map (they load by zoom)."""
    expect(page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(".bp-place").first).to_be_attached()


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="screenshots-"))
    shutil.copyfile(ROOT / "obstacles.csv", workdir / "obstacles.csv")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=ROOT,
        env={**os.environ, "OBSTACLES_CSV": str(workdir / "obstacles.csv")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            outside = block_outside_requests(page.context)

            frame = open_map(page, url)
            labels_shown(page)
            page.screenshot(path=str(DOCS / "first-view.png"))

            lat, lon = click_point(BUS_LINE)
            set_view(page, lat, lon, 12)
            click_latlon(frame, lat, lon)
            expect(page.locator(".bp-card h3").first).to_contain_text("350")
            wait_map_ready(page)
            labels_shown(page)
            page.screenshot(path=str(DOCS / "bus-line-zoom12.png"))

            page.get_by_role("radio", name="EN", exact=True).click()
            expect(page.get_by_role("heading", name="Border-obstacle map")).to_be_visible()
            wait_idle(page)
            page.screenshot(path=str(DOCS / "english.png"))

            page.get_by_role("radio", name="Statistics", exact=True).click()
            expect(page.locator("canvas, svg.marks").first).to_be_attached()
            wait_idle(page)
            page.screenshot(path=str(DOCS / "statistics.png"), full_page=True)

            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
            outside += block_outside_requests(phone.context)
            open_map(phone, url)
            labels_shown(phone)
            phone.screenshot(path=str(DOCS / "phone.png"))
            browser.close()
            assert not outside, outside
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
