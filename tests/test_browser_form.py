"""Report an obstacle from the panel of a clicked feature in Chromium and find it on the map."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser import block_outside_requests, click_latlon, open_map, set_view, wait_idle
from tests.test_browser_click import click_point

pytestmark = pytest.mark.browser


def test_report_from_the_panel_then_see_record_on_its_feature(page: Page, live_app, tmp_path) -> None:
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    lat, lon = click_point("port:emden")
    set_view(page, lat, lon, 12)
    click_latlon(frame, lat, lon)
    expect(page.locator(".bp-card h3").first).to_contain_text("Emden", timeout=20_000)
    wait_idle(page)

    page.get_by_role("button", name="Meld hier een belemmering").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("Haven van Emden (port:emden)")).to_be_visible()  # pre-filled from the click
    expect(dialog.get_by_text("Nederland–Duitsland")).to_be_visible()  # and its border
    title = "Dutch car-carrier crews need a second licence <b>in Emden</b>"
    dialog.get_by_role("textbox", name="Titel").fill(title)
    dialog.get_by_role("textbox", name="Samenvatting").fill(
        "Crews moving cars between Eemshaven and Emden need two sets of papers."
    )
    dialog.get_by_role("textbox", name="Bron (verwijzing of URL)").fill("not a url: http//broken")
    dialog.get_by_role("button", name="Opslaan").click()
    expect(dialog.get_by_text("http(s)")).to_be_visible(timeout=20_000)
    assert "second licence" not in live_app.csv_path.read_text(encoding="utf-8")

    dialog.get_by_role("textbox", name="Bron (verwijzing of URL)").fill("https://www.grenzinfo.eu/")
    dialog.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Opgeslagen")).to_be_visible(timeout=20_000)
    # the new record is in the panel of the selected feature, as text (the <b> is not markup)
    expect(page.locator(".bp-rec h4", has_text="second licence").first).to_contain_text("<b>in Emden</b>")
    assert "second licence" in live_app.csv_path.read_text(encoding="utf-8")
    page.screenshot(path=str(tmp_path / "form_saved.png"), full_page=True)
    assert outside == []
