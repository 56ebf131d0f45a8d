"""The app on either backend, chosen by one setting (AppTest, no browser)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from records import CsvStore, configured_location, fixed_clock
from records.transfer import transfer
from tests.test_app import click, map_state
from ui import freshness

ROOT = Path(__file__).resolve().parents[1]
READ_CLOCK = fixed_clock(dt.datetime(2100, 1, 1))


def test_the_setting_names_the_backend_and_the_csv_file_stays_the_default() -> None:
    assert configured_location({}, {}, "obstacles.csv") == "obstacles.csv"
    assert configured_location({}, {"RECORDS_URL": "postgresql://app@db/r"}, "x.csv") == "postgresql://app@db/r"
    secret = {"records_url": "postgresql://app@db/s"}
    assert configured_location(secret, {"RECORDS_URL": "postgresql://app@db/r"}) == "postgresql://app@db/s"


def test_the_app_on_postgresql_shows_the_same_records_as_on_the_csv_file(
    pg_url: str, csv_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    transfer(csv_path, pg_url, clock=READ_CLOCK)
    seen = {}
    for name, env in (("csv", {"OBSTACLES_CSV": str(csv_path)}), ("postgres", {"RECORDS_URL": pg_url})):
        monkeypatch.delenv("RECORDS_URL", raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        assert not at.exception, at.exception
        assert at.session_state[freshness.DRAWN_TOKEN]  # the poller knows what this page drew
        click(at, "border:nl-be")
        panel = "".join(h.proto.body for h in at.get("html"))
        seen[name] = (map_state(at)["badges"], re.findall(r'data-record="([^"]+)"', panel))
    assert seen["postgres"] == seen["csv"]
    assert len(seen["csv"][1]) >= 8  # the border's own records and those elsewhere along it
    assert len(CsvStore(csv_path, clock=READ_CLOCK).snapshot()) > 40
