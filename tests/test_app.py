"""The Streamlit app under AppTest: it starts offline, clicks select features, text stays text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from layers.assets import ensure_vendor_assets
from records import COLUMNS, Theme
from ui import state

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def app(csv_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def folium_args(at: AppTest) -> dict:
    (component,) = at.get("component_instance")
    return json.loads(component.proto.json_args)


def map_state(at: AppTest) -> dict:
    """The state the app hands the map (``bp.apply(...)`` in the dynamic feature group)."""
    code = folium_args(at)["feature_group"]
    state, _end = json.JSONDecoder().raw_decode(code.split("window.bp.apply(", 1)[1])
    return state


def open_part(at: AppTest, key: str) -> None:
    """Open a part that is drawn only once opened (filters, report form, sharing), as a click does."""
    at.session_state[key] = True
    at.run()
    assert not at.exception, at.exception


def switch_view(at: AppTest, view: str) -> None:
    at.segmented_control(key="view_tab").set_value(view).run()
    assert not at.exception, at.exception


def click(at: AppTest, feature_id: str, count: int = 2, where: tuple[float, float] = (51.5, 5.0)) -> None:
    """Simulate what st_folium sends after a click on a feature."""
    at.session_state[folium_args(at)["key"]] = {
        "last_active_drawing": {"type": "Feature", "properties": {"id": feature_id}, "geometry": None},
        "last_object_clicked_count": count,
        "last_clicked": {"lat": where[0], "lng": where[1]},
    }
    at.run()
    assert not at.exception, at.exception


def report(at: AppTest, **value: object) -> None:
    """Simulate what st_folium sends after a pan, zoom or layer switch (no click)."""
    key = folium_args(at)["key"]
    try:
        previous = dict(at.session_state[key] or {})
    except KeyError:
        previous = {}
    at.session_state[key] = {**previous, **value}
    at.run()
    assert not at.exception, at.exception


def panel_html(at: AppTest) -> str:
    return "".join(element.proto.body for element in at.get("html"))


def test_app_starts_with_only_local_assets(app: AppTest) -> None:
    args = folium_args(app)
    links = args["js_links"] + args["css_links"]
    assert links and all(link.startswith("/app/static/") for link in links), links
    assert "https://" not in args["header"] and "cdn" not in args["header"]
    assert "window.bp.init(" in args["script"]
    # the layer data are files the app publishes under ./static, fetched by the browser
    urls = re.findall(r'"(/app/static/app/[0-9a-f]{12}/[a-z_]+\.json)"', args["script"])
    assert any(u.endswith("/borders.json") for u in urls)
    borders = ROOT / "static" / next(u for u in urls if u.endswith("/borders.json")).removeprefix("/app/static/")
    assert "border:nl-be" in borders.read_text() and "border:nl-de" in borders.read_text()
    assert "<h1>Kaart van grensbelemmeringen</h1>" in panel_html(app)


def test_vendor_assets_are_copied_from_their_wheels(tmp_path: Path) -> None:
    ensure_vendor_assets(tmp_path)
    for relative in ("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/images/layers.png"):
        assert (tmp_path / "vendor" / relative).stat().st_size > 0
    assert ensure_vendor_assets(tmp_path) == []  # up to date: nothing rewritten


def test_clicking_a_port_shows_its_records(app: AppTest) -> None:
    click(app, "port:north-sea-port-terneuzen")
    html = panel_html(app)
    assert "North Sea Port" in html
    assert 'data-record="gros-005"' in html  # the bottleneck report on the NSP ports
    assert "Kamerstuk 32 851, nr. 69" in html or "BZK, 2021" in html


def test_clicking_a_border_lists_whole_border_records(app: AppTest) -> None:
    click(app, "border:nl-be")
    html = panel_html(app)
    assert "Grens Nederland–België" in html
    assert "Elders langs deze grens NL-BE" in html
    while 'data-record="gros-002"' not in html:  # no treaty on essential bus lines
        (more,) = [b for b in app.button if b.key == "panel_show_more"]
        more.click().run()
        html = panel_html(app)
    assert html.count("bp-rec") > 10
    # The heading counts the rest of the border; once all are shown, as many lines are listed.
    counted = int(re.search(r"Elders langs deze grens NL-BE \((\d+)\)", html).group(1))
    assert "… en nog" in html or counted == html.count("bp-rec bp-line")
    while more := [b for b in app.button if b.key == "panel_show_more"]:
        more[0].click().run()
    html = panel_html(app)
    assert html.count("bp-rec bp-line") == counted and "… en nog" not in html


def test_clicking_empty_map_clears_the_selection(app: AppTest) -> None:
    click(app, "regiodeal:achterhoek")
    assert app.session_state["selected_feature"] == "regiodeal:achterhoek"
    click(app, "regiodeal:achterhoek", count=2, where=(52.9, 4.0))  # same counter: not a feature click
    assert app.session_state["selected_feature"] is None
    assert "Klik op een grens" in app.info[0].value


def test_record_markup_is_rendered_as_text(csv_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        id="x-1",
        version="1",
        review="published",
        kind="obstacle",
        title_en=hostile,
        summary_en='"><svg onload=alert(1)> and more text',
        theme="tax",
        border="NL-DE",
        feature_ids="port:emden",
        status="reported",
        source="javascript:alert(1)//",
        reported_on="2024-01-01",
        updated_on="2024-01-01",
    )
    row["source"] = "https://example.org/?q=<script>"
    with csv_path.open("a", encoding="utf-8", newline="") as handle:
        import csv

        csv.writer(handle, lineterminator="\n").writerow([row[c] for c in COLUMNS])
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    click(at, "port:emden")
    html = panel_html(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html and "<svg" not in html and "<script" not in html


def test_malformed_rows_are_reported_with_line_numbers(csv_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(original + "bad-1,obstacle,only three\n", encoding="utf-8")
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    texts = [t.value for t in at.text]
    line = original.count("\n") + 1
    assert any(f"{line}: verwacht {len(COLUMNS)} kolommen, gevonden 3" in text for text in texts), texts
    assert csv_path.read_text(encoding="utf-8").endswith("bad-1,obstacle,only three\n")


def test_a_write_set_aside_is_named_until_it_is_removed(csv_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = csv_path.with_name("obstacles.csv.torn-20261203T101500Z-k3x9")
    kept.write_bytes(b"r-cut,obstacle,Halve meld")
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    (box,) = [e for e in at.expander if e.label.startswith("⚠️")]
    assert box.label == "⚠️ 1 punt(en) om na te kijken in obstacles.csv"
    (text,) = [t.value for t in box.text]
    assert "obstacles.csv.torn-20261203T101500Z-k3x9 (25 bytes)" in text and "ontbreekt" in text
    at.segmented_control(key=state.LANG).set_value("en").run()
    assert any("Check whether a report is missing" in t.value for t in at.text)

    kept.unlink()
    at.run()
    assert not [e for e in at.expander if e.label.startswith("⚠️")]


def test_filters_form_and_sharing_are_drawn_once_opened(app: AppTest) -> None:
    # A first visit draws none of their fields: the browser loads the map's code first.
    assert not app.multiselect and not app.text_input and not app.sidebar.button
    assert [e.label for e in app.sidebar.expander] == ["Meld een belemmering", "Delen en downloaden"]
    for key in (state.REPORT_BOX, state.SHARE_BOX, state.FILTER_BOX):
        open_part(app, key)
    assert app.text_input(key="report_title") and app.multiselect(key="filter_theme")
    assert [b.label for b in app.sidebar.download_button][:2] == [
        "Records als CSV (spreadsheet)",
        "Records als GeoJSON (GIS)",
    ]
    # Closed again, they stay drawn: nothing typed or chosen in them is dropped.
    app.multiselect(key="filter_theme").select(Theme.HEALTH).run()
    for key in (state.REPORT_BOX, state.SHARE_BOX, state.FILTER_BOX):
        app.session_state[key] = False
    app.run()
    assert app.multiselect(key="filter_theme").value == [Theme.HEALTH]
    assert app.text_input(key="report_title") and app.sidebar.download_button


def test_filters_drive_table_and_hotspots(app: AppTest) -> None:
    all_badges = map_state(app)["badges"]
    switch_view(app, "table")
    all_rows = app.caption[0].value
    open_part(app, state.FILTER_BOX)
    app.multiselect(key="filter_theme").select(Theme.HEALTH).run()
    rows = app.dataframe[0].value
    assert len(rows) > 0 and set(rows["Thema"]) == {"Zorg"}
    assert app.caption[0].value != all_rows
    switch_view(app, "map")
    badges = map_state(app)["badges"]
    assert sum(badges.values()) < sum(all_badges.values())


def test_a_click_changes_nothing_the_app_sends_to_the_map() -> None:
    """A click moves the selection only: the map's request, layers and view stay as they were,
    so the map element of the click's rerun is identical (Streamlit sends a reference)."""
    session: dict = {}
    state.init_state(session, {"borders", "ports"})
    view = {"center": {"lat": 52.1, "lng": 5.3}, "zoom": 8, "selected_layers": [{"name": "ports", "url": None}]}
    state.apply_map_value(session, view, {"borders", "ports"})
    before = (session[state.MAP_REQUEST], session[state.LAYERS], session[state.VIEW])
    clicked = {**view, "last_object_clicked_count": 2, "last_clicked": {"lat": 53.3, "lng": 7.2},
               "last_active_drawing": {"properties": {"id": "port:emden"}}}  # fmt: skip
    state.apply_map_value(session, clicked, {"borders", "ports"})
    assert session[state.SELECTED] == "port:emden"
    assert (session[state.MAP_REQUEST], session[state.LAYERS], session[state.VIEW]) == before
