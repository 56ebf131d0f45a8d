"""The detail panel in plain words: human labels with units, one figure per fact, a short caveat."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from i18n import TEXTS
from layers.catalog import load_catalog
from ui import panel

GEODATA = Path(__file__).resolve().parents[1] / "geodata"
CATALOG = load_catalog(GEODATA)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("feature_id", sorted(CATALOG.features))
def test_every_feature_card_has_human_labels_in_its_language(feature_id: str, lang: str) -> None:
    feature = CATALOG.features[feature_id]
    html = panel.feature_card(feature, lang)
    labels = re.findall(r'<td class="k">([^<]*)</td>', html)
    assert all(not re.search(r"[a-z]_[a-z]", label) for label in labels), labels  # no raw keys such as area_km2
    assert feature.name_in(lang) in html.replace("&#x27;", "'").replace("&amp;", "&")
    other = "en" if lang == "nl" else "nl"
    if feature.description_in(other) != feature.description_in(lang):
        assert panel.escape(feature.description_in(other)) not in html


def test_border_card_shows_the_official_length_beside_the_measured_one() -> None:
    html = panel.feature_card(CATALOG.features["border:nl-be"], "nl")
    assert re.search(r"463,\d km gemeten op de kaart · officieel 460 km", html), html
    html = panel.feature_card(CATALOG.features["border:nl-de"], "en")
    assert re.search(r"577\.\d km measured on the map · officially 580 km", html), html


def test_geometry_caveat_is_one_short_line_with_details_on_request() -> None:
    html = panel.feature_card(CATALOG.features["bus:350-maastricht-aachen"], "nl")
    caveat = re.search(r'<details class="quality"><summary>(.*?)</summary>', html)
    assert caveat and len(caveat.group(1)) < 60, caveat
    assert "quality" not in panel.feature_card(CATALOG.features["border:nl-be"], "nl")  # exact: no caveat


def test_one_area_figure_per_area() -> None:
    """The Interreg panel shows the area measured on the map; the programme's own figure is labelled as such."""
    feature = CATALOG.features["interreg:deutschland-nederland"]
    html = panel.feature_card(feature, "en")
    assert TEXTS["prop.area_km2"][1] in html and TEXTS["prop.programme_area_km2"][1] in html
    assert "49,468" not in html


@pytest.mark.parametrize(
    ("value", "lang", "shown"), [(1234567, "nl", "1.234.567"), (0.5, "en", "0.5"), ("x", "nl", "x")]
)
def test_values_are_formatted_for_the_language(value, lang: str, shown: str) -> None:
    assert panel.format_value(value, lang) == shown
