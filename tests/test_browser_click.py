"""Click real features in Chromium and read the panel; the right feature takes the click; the
view survives language and view switches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapely
from playwright.sync_api import Page, expect
from shapely.geometry import shape

from layers import specs
from layers.catalog import load_catalog
from tests.browser import (
    block_outside_requests,
    click_latlon,
    highlighted,
    map_view,
    map_window,
    open_map,
    set_view,
    wait_for_query,
    wait_idle,
    wait_map_ready,
)

pytestmark = pytest.mark.browser
GEODATA = Path(__file__).resolve().parents[1] / "geodata"
CATALOG = load_catalog(GEODATA)
ALL_LAYERS = ",".join(sorted(s.kind for s in specs.LAYERS))


def click_point(feature_id: str, where: float = 0.37) -> tuple[float, float]:
    """A (lat, lon) on the feature as drawn (display geometry), away from its ends."""
    geom = shape(CATALOG.display_feature(feature_id)["geometry"])
    if geom.geom_type in ("LineString", "MultiLineString"):
        point = shapely.line_interpolate_point(shapely.line_merge(geom), where, normalized=True)
    elif geom.geom_type == "Point":
        point = geom
    else:
        point = geom.representative_point()
    return point.y, point.x


def heading(page: Page):
    return page.locator(".bp-card h3").first


@pytest.mark.parametrize(
    ("feature_id", "zoom", "name", "record"),
    [
        ("bus:350-maastricht-aachen", 13, re.compile("350"), None),  # a line
        ("regiodeal:achterhoek", 10, re.compile("Achterhoek"), "gros-022"),  # a polygon (Grenslandcollege)
        ("port:north-sea-port-terneuzen", 12, re.compile("Terneuzen"), "gros-005"),  # a point
    ],
)
def test_click_feature_shows_its_records(page: Page, live_app, feature_id, zoom, name, record, tmp_path) -> None:
    outside = block_outside_requests(page.context)
    frame = open_map(page, live_app.url)
    lat, lon = click_point(feature_id)
    frame.locator("#map_div").evaluate("() => { window.__sameDocument = true; }")
    set_view(page, lat, lon, zoom)
    click_latlon(frame, lat, lon)
    expect(heading(page)).to_have_text(name, timeout=20_000)
    if record:
        expect(page.locator(f'[data-record="{record}"]')).to_be_visible()
    wait_for_query(page, f=feature_id)
    # highlighted without rebuilding the map: same document, same zoom, a highlight drawn
    expect(highlighted(frame).first).to_be_attached()
    assert frame.locator("#map_div").evaluate("() => window.__sameDocument === true")
    assert map_view(frame)[2] == zoom
    page.screenshot(path=str(tmp_path / f"{feature_id.replace(':', '_')}.png"))
    assert outside == []


def test_resting_pointer_names_the_feature_and_empty_click_clears_selection(page: Page, live_app) -> None:
    frame = open_map(page, live_app.url)
    lat, lon = click_point("port:emden")
    set_view(page, lat, lon, 12)
    # A pointer resting on a feature names it; leaving the map hides the name.
    container = frame.locator("#map_div")
    x, y = container.evaluate(
        "(el, ll) => { const p = window.map.latLngToContainerPoint(ll); return [p.x, p.y]; }", [lat, lon]
    )
    container.hover(position={"x": x, "y": y})
    tooltip = frame.locator(".bp-tooltip")
    expect(tooltip).to_contain_text(CATALOG.get("port:emden").name_in("nl"))
    page.mouse.move(2, 2)
    expect(tooltip).to_have_count(0)
    click_latlon(frame, lat, lon)
    expect(heading(page)).to_contain_text("Emden", timeout=20_000)
    set_view(page, 53.9, 4.2, 9)
    click_latlon(frame, 53.9, 4.2)  # North Sea, no feature
    expect(page.get_by_text(re.compile("^Klik op een grens"))).to_be_visible(timeout=20_000)
    expect(highlighted(frame)).to_have_count(0)
    wait_for_query(page, f=None)


def point_over(feature_id: str, area_id: str) -> tuple[float, float]:
    """A (lat, lon) on the feature as drawn that also lies inside the area as drawn."""
    geom = shape(CATALOG.display_feature(feature_id)["geometry"])
    area = shape(CATALOG.display_feature(area_id)["geometry"])
    inside = geom.intersection(area.buffer(-0.002))
    assert not inside.is_empty, f"{feature_id} does not lie over {area_id}"
    if inside.geom_type in ("LineString", "MultiLineString"):
        point = shapely.line_interpolate_point(shapely.line_merge(inside), 0.5, normalized=True)
    else:
        point = inside.representative_point()
    return point.y, point.x


@pytest.mark.parametrize(
    ("feature_id", "under", "zoom"),
    [
        ("border:nl-de", "interreg:deutschland-nederland", 12),  # a line over an area
        ("border:baarle-be-01", "interreg:vlaanderen-nederland", 15),  # an enclave over an area
        ("bus:r71-winterswijk-vreden", "regiodeal:achterhoek", 13),  # a bus line over a Regio Deal area
        ("port:moerdijk", "interreg:vlaanderen-nederland", 12),  # a point over an area
    ],
)
def test_lines_and_points_take_the_click_before_areas(page: Page, live_app, feature_id, under, zoom) -> None:
    frame = open_map(page, f"{live_app.url}/?layers={ALL_LAYERS}")
    lat, lon = point_over(feature_id, under)
    set_view(page, lat, lon, zoom)
    wait_map_ready(page)
    click_latlon(frame, lat, lon)
    wait_for_query(page, f=feature_id)
    name = CATALOG.get(feature_id).name_in("nl")
    expect(heading(page)).to_have_text(name)


def test_place_labels_follow_the_language_without_a_new_map(page: Page, live_app) -> None:
    frame = open_map(page, live_app.url)
    set_view(page, 51.2, 4.9, 8)  # Antwerpen, Brussel, Gent, Den Haag in view
    labels = frame.locator(".bp-place")
    expect(labels.filter(has_text="Antwerpen")).to_have_count(1)
    expect(labels.filter(has_text="Den Haag")).to_have_count(1)
    assert labels.filter(has_text="The Hague").count() == 0  # GeoNames' English name is not shown in Dutch
    frame.locator("#map_div").evaluate("() => { window.__sameDocument = true; }")
    page.get_by_role("radio", name="EN", exact=True).click()
    expect(labels.filter(has_text="The Hague")).to_have_count(1)
    expect(labels.filter(has_text="Antwerp")).to_have_text(["Antwerp"])
    assert frame.locator("#map_div").evaluate("() => window.__sameDocument === true")


def test_view_layers_and_selection_survive_language_view_and_layer_switches(page: Page, live_app) -> None:
    frame = open_map(page, live_app.url)
    lat, lon = click_point("port:emden")
    set_view(page, lat, lon, 11)
    click_latlon(frame, lat, lon)
    expect(heading(page)).to_contain_text("Emden")
    frame.locator("#map_div").evaluate("() => { window.__sameDocument = true; }")
    # switch Interreg on: into the URL at once
    control = frame.locator(".leaflet-control-layers")
    control.hover()
    control.locator("label", has_text="Interreg").locator("input").check()
    with_interreg = ",".join(sorted({s.kind for s in specs.LAYERS if s.show} | {"interreg"}))
    wait_for_query(page, layers=with_interreg)
    view = map_view(frame)
    # the language: labels change, the map stays (same document, same view, same layers)
    page.get_by_role("radio", name="EN", exact=True).click()
    expect(page.get_by_role("heading", name="Border-obstacle map")).to_be_visible()
    wait_idle(page)
    expect(frame.locator('.leaflet-control-layers [data-k="layer.interreg"]')).to_have_text("Interreg programme areas")
    assert frame.locator("#map_div").evaluate("() => window.__sameDocument === true")
    assert map_view(frame) == view
    expect(highlighted(frame).first).to_be_attached()
    # another view (statistics) and back: the map comes back where it was, with its layers and selection
    page.get_by_role("radio", name="Statistics", exact=True).click()
    expect(page.get_by_text("Open and closed obstacles over time")).to_be_visible()
    page.get_by_role("radio", name="Map", exact=True).click()
    frame = wait_map_ready(page)
    expect(highlighted(frame).first).to_be_attached()
    got = map_view(frame)
    assert abs(got[0] - view[0]) < 1e-3 and abs(got[1] - view[1]) < 1e-3 and got[2] == view[2]  # a pixel or two
    assert frame.locator("path.bp-interreg").count() > 0
    expect(heading(page)).to_contain_text("Emden")
    wait_for_query(page, f="port:emden", lang="en", layers=with_interreg)


def wait_for_zoom(page: Page, zoom: float) -> None:
    """Wait until the map itself shows ``zoom`` (not only the address)."""
    map_window(page).wait_for_function("(z) => !!window.map && window.map.getZoom() === z", arg=zoom, timeout=20_000)


def test_back_and_forward_return_to_the_selection_view_and_layers_of_that_moment(page: Page, live_app) -> None:
    """Every click, move and layer switch is an entry in the browser's history: Back shows the
    feature, view and layers of the entry before (the panel and the map follow the address),
    Forward the one after; going through them adds no entries of its own. A move right after
    Forward counts, and a new map (after the statistics) opens where the map was left."""
    defaults = ",".join(sorted(s.kind for s in specs.LAYERS if s.show))
    with_interreg = ",".join(sorted({s.kind for s in specs.LAYERS if s.show} | {"interreg"}))
    frame = open_map(page, live_app.url)
    interreg = frame.locator("path.bp-interreg")
    delfzijl = click_point("port:groningen-seaports-delfzijl")
    eemshaven = click_point("port:groningen-seaports-eemshaven")
    set_view(page, (delfzijl[0] + eemshaven[0]) / 2, (delfzijl[1] + eemshaven[1]) / 2, 10)
    frame.locator("#map_div").evaluate("() => { window.__sameDocument = true; }")
    click_latlon(frame, *delfzijl)
    expect(heading(page)).to_contain_text("Delfzijl")
    wait_for_query(page, f="port:groningen-seaports-delfzijl")
    click_latlon(frame, *eemshaven)
    expect(heading(page)).to_contain_text("Eemshaven")
    wait_for_query(page, f="port:groningen-seaports-eemshaven")
    control = frame.locator(".leaflet-control-layers")
    control.hover()
    control.locator("label", has_text="Interreg").locator("input").check()
    wait_for_query(page, layers=with_interreg)
    page.mouse.move(5, 5)  # the layer control closes
    set_view(page, *eemshaven, 12)
    wait_for_query(page, z="12")
    wait_idle(page)
    entries = page.evaluate("() => history.length")

    page.go_back()  # the layer switch, before the zoom
    wait_for_zoom(page, 10)
    expect(heading(page)).to_contain_text("Eemshaven")
    expect(interreg.first).to_be_attached()
    wait_idle(page)
    wait_for_query(page, f="port:groningen-seaports-eemshaven", z="10", layers=with_interreg)

    page.go_back()  # the click on Eemshaven: Interreg off again, in the map and in its control
    expect(interreg).to_have_count(0)
    expect(control.locator("label", has_text="Interreg").locator("input")).not_to_be_checked()
    expect(heading(page)).to_contain_text("Eemshaven")
    wait_idle(page)
    wait_for_query(page, f="port:groningen-seaports-eemshaven", z="10", layers=defaults)

    page.go_back()  # the click on Delfzijl
    expect(heading(page)).to_contain_text("Delfzijl")
    wait_idle(page)
    wait_for_query(page, f="port:groningen-seaports-delfzijl", z="10", layers=defaults)  # and it stays there
    expect(highlighted(frame)).to_have_count(1)

    page.go_back()  # the view before the first click: nothing selected
    expect(page.locator(".bp-card h3")).to_have_count(0)
    wait_idle(page)
    wait_for_query(page, f=None, z="10")

    for _ in range(4):
        page.go_forward()
    wait_for_zoom(page, 12)
    expect(heading(page)).to_contain_text("Eemshaven")
    expect(interreg.first).to_be_attached()
    wait_idle(page)
    wait_for_query(page, f="port:groningen-seaports-eemshaven", z="12", layers=with_interreg)
    assert page.evaluate("() => history.length") == entries  # no entry was added on the way
    assert frame.locator("#map_div").evaluate("() => window.__sameDocument === true")  # the same map all along

    # A move after Forward, then the statistics and back: the new map opens where the map was
    # left, not where Forward had sent it.
    set_view(page, *delfzijl, 11)
    page.get_by_role("radio", name="Statistieken", exact=True).click()
    expect(page.get_by_text("Open en afgesloten belemmeringen door de tijd")).to_be_visible()
    page.get_by_role("radio", name="Kaart", exact=True).click()
    frame = wait_map_ready(page)
    wait_for_zoom(page, 11)
    expect(frame.locator("path.bp-interreg").first).to_be_attached()
    expect(heading(page)).to_contain_text("Eemshaven")
