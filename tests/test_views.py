"""Shareable links, presentation mode and its tour, exports and the language switch."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from layers.catalog import load_catalog
from records import Actor, Border, Record, Theme
from records import stats as record_stats
from tests.helpers import load_records, read_store
from tests.test_app import ROOT, click, folium_args, map_state, open_part, panel_html, report, switch_view
from ui import exports, state, urlstate
from ui.tour import TourError, load_tour

GEODATA = ROOT / "geodata"
TODAY = dt.date(2024, 5, 1)  # a fixed "today", well in the past: no test depends on the calendar


def start(monkeypatch: pytest.MonkeyPatch, csv_path: Path, **query: str) -> AppTest:
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_view_state_round_trips_through_the_url() -> None:
    view = urlstate.ViewState(
        feature="port:emden",
        layers=("borders", "ports"),
        borders=(Border.NL_DE,),
        themes=(Theme.TAX, Theme.HEALTH),
        text="pension",
        center=(53.3, 7.2),
        zoom=9.5,
        lang="en",
    )
    query = urlstate.to_query(view)
    again = urlstate.from_query(query, known_features={"port:emden"}, known_layers={"borders", "ports"})
    assert again == urlstate.ViewState(**{**view.__dict__, "center": (53.3, 7.2)})
    assert urlstate.share_url("http://host:8501/?old=1", view).startswith(
        "http://host:8501/?f=port:emden&layers=borders,ports"
    )


def test_bad_link_values_are_ignored() -> None:
    view = urlstate.from_query({"f": "port:atlantis", "theme": "weather", "z": "99", "lat": "x", "lang": "fr"})
    assert view == urlstate.ViewState()


def test_link_restores_selection_filters_and_view(monkeypatch, csv_path) -> None:
    at = start(
        monkeypatch,
        csv_path,
        f="port:north-sea-port-terneuzen",
        theme="infrastructure",
        lat="51.3",
        lon="3.8",
        z="10",
        lang="en",
    )
    assert at.session_state["selected_feature"] == "port:north-sea-port-terneuzen"
    assert at.query_params["theme"] == "infrastructure"  # in force before the filters are first opened
    open_part(at, state.FILTER_BOX)
    assert at.multiselect(key="filter_theme").value == [Theme.INFRASTRUCTURE]
    assert "<h1>Border-obstacle map</h1>" in panel_html(at)
    args = folium_args(at)
    assert args["center"] is None and map_state(at)["request"]["view"] == [51.3, 3.8, 10]
    assert "North Sea Port" in panel_html(at)
    # and the URL written back holds the same view
    assert at.query_params["f"] == "port:north-sea-port-terneuzen"
    assert at.query_params["theme"] == "infrastructure"
    assert at.query_params["lang"] == "en"


def test_clicks_and_filters_are_written_to_the_url(monkeypatch, csv_path) -> None:
    at = start(monkeypatch, csv_path)
    click(at, "regiodeal:twente")
    open_part(at, state.FILTER_BOX)
    open_part(at, state.SHARE_BOX)
    at.multiselect(key="filter_border").select(Border.NL_DE).run()
    assert at.query_params["f"] == "regiodeal:twente"
    assert at.query_params["border"] == "NL-DE"
    share = [w.value for w in at.sidebar.text_input if w.label == "Link naar deze weergave"]
    assert any("f=regiodeal:twente" in s and "border=NL-DE" in s for s in share), share


def test_layers_from_link_are_the_ones_switched_on(monkeypatch, csv_path) -> None:
    at = start(monkeypatch, csv_path, layers="borders,interreg")
    assert map_state(at)["layers"] == ["borders", "interreg"]
    assert at.query_params["layers"] == "borders,interreg"


def test_layers_switched_and_moves_in_the_map_go_into_the_url_and_leave_the_map_element_as_it_was(
    monkeypatch, csv_path
) -> None:
    at = start(monkeypatch, csv_path)
    element = folium_args(at)
    report(at, selected_layers=[{"name": "borders", "url": None}, {"name": "interreg", "url": None}])
    report(at, center={"lat": 53.3, "lng": 7.1}, zoom=11)
    assert at.query_params["layers"] == "borders,interreg"
    assert (at.query_params["lat"], at.query_params["z"]) == ("53.3000", "11")
    # Nothing the browser did goes back to it: Streamlit sends a reference, not the 15 kB element.
    assert folium_args(at) == element


def test_view_and_selection_survive_language_and_view_switches(monkeypatch, csv_path) -> None:
    at = start(monkeypatch, csv_path)
    click(at, "port:emden")
    report(at, center={"lat": 53.3, "lng": 7.1}, zoom=11, selected_layers=[{"name": "ports", "url": None}])
    script = folium_args(at)["script"]
    at.segmented_control(key="lang").set_value("en").run()
    switch_view(at, "stats")
    switch_view(at, "map")
    args = folium_args(at)
    assert args["script"] == script  # the same map: the browser keeps its iframe
    assert map_state(at)["view"] == [53.3, 7.1, 11]  # where a new map (after the view switch) starts
    state = map_state(at)
    assert state["lang"] == "en" and state["layers"] == ["ports"]
    assert state["request"]["selected"] == "port:emden"
    assert "Port of Emden" in panel_html(at)


def test_presentation_mode_steps_through_the_tour(monkeypatch, csv_path) -> None:
    at = start(monkeypatch, csv_path, mode="present")
    tour = load_tour(ROOT / "tours" / "summit.json", load_catalog(GEODATA).features)
    assert not [b for b in at.button if b.label == "Opslaan"]  # no editing
    assert at.session_state["selected_feature"] == tour.stops[0].feature_id
    assert tour.stops[0].text("title", "nl") in at.markdown[0].value
    for number in range(2, len(tour.stops) + 1):
        (next_button,) = [b for b in at.button if b.key == "tour_next"]
        next_button.click().run()
        assert not at.exception
        stop = tour.stops[number - 1]
        assert at.session_state["selected_feature"] == stop.feature_id
        assert map_state(at)["request"]["view"] == [*stop.center, stop.zoom]
        assert map_state(at)["request"]["selected"] == stop.feature_id
        assert at.query_params["stop"] == str(number)
    assert next(b for b in at.button if b.key == "tour_next").disabled
    next(b for b in at.button if b.key == "tour_prev").click().run()
    assert at.session_state["selected_feature"] == tour.stops[-2].feature_id


def test_every_tour_stop_points_at_a_feature_with_records() -> None:
    catalog = load_catalog(GEODATA)
    tour = load_tour(ROOT / "tours" / "summit.json", catalog.features)
    assert len(tour.stops) >= 7
    linked = {fid for r in load_records(ROOT / "obstacles.csv") for fid in r.feature_ids}
    assert all(stop.feature_id in linked for stop in tour.stops)


def test_tour_with_unknown_feature_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tour.json"
    path.write_text(
        json.dumps(
            {"stops": [{"feature_id": "port:atlantis", "center": [1, 2], "zoom": 3, "title": {}, "caption": {}}]}
        )
    )
    with pytest.raises(TourError, match="unknown feature"):
        load_tour(path, {"port:emden"})


def test_csv_export_neutralises_formulas() -> None:
    record = Record.create({
        "kind": "obstacle", "title_en": '=HYPERLINK("http://x","y")', "summary_en": "+SUM(A1:A2) and more text",
        "theme": "tax", "border": "NL-DE", "feature_ids": "port:emden", "status": "reported",
        "source": "Kamerstuk 32 851, nr. 69", "reported_by": "@admin", "responsible": "-1",
    }, today=dt.date(2026, 1, 15))  # fmt: skip
    text = exports.records_csv([record]).decode("utf-8-sig")
    row = next(iter(csv.DictReader(io.StringIO(text))))
    assert row["title_en"] == '\'=HYPERLINK("http://x","y")'
    assert row["summary_en"].startswith("'+") and row["reported_by"] == "'@admin" and row["responsible"] == "'-1"
    assert row["source"] == "Kamerstuk 32 851, nr. 69"


def test_geojson_export_opens_in_a_gis_reader(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    catalog = load_catalog(GEODATA)
    records = load_records(ROOT / "obstacles.csv", frozenset(catalog.features))
    collection = exports.records_geojson(records, catalog)
    assert len(collection["features"]) == sum(len(r.feature_ids) for r in records)
    path = tmp_path / "records.geojson"
    path.write_bytes(exports.geojson_bytes(collection))
    meta = pyogrio.read_info(path)
    assert meta["features"] == len(collection["features"])
    assert {"id", "title_en", "feature_id", "feature_name"} <= set(meta["fields"])
    _meta, _fids, geometries, fields = pyogrio.raw.read(path)
    assert len(geometries) == len(collection["features"]) and all(g is not None for g in geometries)
    feature_ids = fields[list(meta["fields"]).index("feature_id")]
    assert set(feature_ids) <= set(catalog.features)


def test_standalone_map_needs_no_server(tmp_path: Path) -> None:
    from layers.assets import ensure_vendor_assets
    from layers.mapdata import publish_map_files
    from layers.mapview import MapState, build_map

    catalog = load_catalog(GEODATA)
    ensure_vendor_assets(tmp_path)
    files = publish_map_files(catalog, GEODATA, tmp_path)
    fmap = build_map(files, catalog)
    request = (1, "port:emden", None, None)
    MapState("en", {"borders", "ports"}, {"port:emden": 2}, request, view=((53.3, 7.2), 11)).add_to(fmap)
    page = exports.standalone_map_html(fmap, files)
    assert '<script src="/app' not in page and 'href="/app' not in page and "https://cdn" not in page
    assert "Leaflet" in page and "window.BP_INLINE" in page and "border:nl-be" in page
    assert '"selected":"port:emden"' in page.replace(" ", "")


def test_language_switch_changes_interface_and_record_texts(monkeypatch, csv_path) -> None:
    at = start(monkeypatch, csv_path)
    click(at, "port:north-sea-port-terneuzen")
    nl_html = panel_html(at)
    at.segmented_control(key="lang").set_value("en").run()
    assert "<h1>Border-obstacle map</h1>" in panel_html(at)
    en_html = panel_html(at)
    # the records' heading (the page's subtitle starts with the same words, without a count)
    assert "Obstacles and initiatives (" in en_html and "Belemmeringen en initiatieven (" in nl_html
    # every seed record is written in both languages: each view shows its own, with no marker
    record = {r.id: r for r in load_records(csv_path)}["gros-005"]
    assert record.title_nl in nl_html and record.title_en in en_html and record.title_en not in nl_html
    assert "alleen in het" not in nl_html and "only" not in en_html


def test_a_record_in_one_language_is_marked_until_translated(monkeypatch, csv_path) -> None:
    store = read_store(csv_path)
    dutch = Record.create(
        {"kind": "obstacle", "title_nl": "Pensioenopbouw in twee stelsels", "summary_nl": "Wie in Duitsland werkt, "
         "bouwt pensioen op in twee stelsels met andere regels.", "theme": "labour", "border": "NL-DE",
         "feature_ids": "port:emden", "status": "reported", "source": "https://www.grenzinfo.eu/"},
        today=TODAY,
    )  # fmt: skip
    store.add(dutch, Actor.local())
    at = start(monkeypatch, csv_path, lang="en")
    click(at, "port:emden")
    html = panel_html(at)
    assert "Pensioenopbouw in twee stelsels" in html and "(Dutch only)" in html


def test_statistics_have_whole_labels_translated_axes_and_monthly_steps(monkeypatch, csv_path) -> None:
    at = start(monkeypatch, csv_path, lang="nl")
    switch_view(at, "stats")
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    bars, timeline = specs[:3], specs[3]
    for spec in bars:
        axis = spec["encoding"]["y"]["axis"]
        assert axis["labelLimit"] == 0 and axis["labelOverlap"] is False  # wrapped, never cut or dropped
        assert spec["encoding"]["x"]["title"] == "Aantal"
    assert timeline["mark"]["interpolate"] == "step-after"
    assert timeline["encoding"]["x"]["title"] == "Maand" and timeline["encoding"]["y"]["title"] == "Belemmeringen"
    months = [row["month"] for row in record_stats.monthly_open_closed(load_records(csv_path))]
    assert all(m.day == 1 for m in months) and len(months) >= 2
    assert all((b - a).days in (28, 29, 30, 31) for a, b in itertools.pairwise(months))  # every month


def test_exports_lead_with_the_texts_in_the_interface_language() -> None:
    catalog = load_catalog(GEODATA)
    record = {r.id: r for r in load_records(ROOT / "obstacles.csv")}["gros-005"]
    for lang in ("nl", "en"):
        row = next(iter(csv.DictReader(io.StringIO(exports.records_csv([record], lang).decode("utf-8-sig")))))
        assert row["title"] == getattr(record, f"title_{lang}") and row["title_nl"] == record.title_nl
        props = exports.records_geojson([record], catalog, lang)["features"][0]["properties"]
        assert props["title"] == getattr(record, f"title_{lang}")
        assert props["feature_name"] == catalog.get(props["feature_id"]).name_in(lang)
