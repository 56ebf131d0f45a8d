"""Record model: parsing, one test per rejection reason, round trips, and queries."""

from __future__ import annotations

import datetime as dt

import pytest

from records import Border, Kind, Record, RecordError, RecordFilter, RecordIndex, Status, Theme

KNOWN = {"border:nl-be", "border:nl-de", "port:emden", "bus:350-maastricht-aachen"}
TODAY = dt.date(2026, 11, 26)


def row(**changes: str) -> dict[str, str]:
    base = {
        "id": "t-001",
        "kind": "obstacle",
        "title": "No treaty on essential bus lines",
        "summary": "Nothing names the cross-border bus lines that must keep running.",
        "theme": "mobility",
        "border": "NL-BE",
        "feature_ids": "border:nl-be;bus:350-maastricht-aachen",
        "status": "reported",
        "legal_basis_nl": "Wet personenvervoer 2000",
        "legal_basis_other": "",
        "responsible": "Ministerie van IenW",
        "source": "Kamerstuk 32 851, nr. 69",
        "reported_on": "2020-07-13",
        "updated_on": "2020-07-13",
        "reported_by": "",
    }
    base.update(changes)
    return base


def test_valid_row_parses_to_typed_values() -> None:
    record = Record.from_row(row(), KNOWN, TODAY)
    assert record.kind is Kind.OBSTACLE
    assert record.theme is Theme.MOBILITY
    assert record.borders == (Border.NL_BE,)
    assert record.feature_ids == ("border:nl-be", "bus:350-maastricht-aachen")
    assert record.reported_on == dt.date(2020, 7, 13)
    assert record.is_open


def test_round_trip_keeps_every_value() -> None:
    text = 'Komma, "quotes", newline\nü ë ł 🚌 <b>&amp;'
    record = Record.from_row(row(summary=text, border="NL-DE;NL-BE"), KNOWN, TODAY)
    again = Record.from_row(record.to_row(), KNOWN, TODAY)
    assert again == record
    assert again.summary == text
    assert again.border == "NL-BE;NL-DE"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": "complaint"}, "kind", "not a known kind"),
        ({"theme": "weather"}, "theme", "not a known theme"),
        ({"status": "lost"}, "status", "not a known status"),
        ({"status": "running"}, "status", "not a status of an obstacle"),
        ({"border": "NL-FR"}, "border", "not a known border"),
        ({"border": ""}, "border", "at least one"),
        ({"feature_ids": ""}, "feature_ids", "at least one"),
        ({"feature_ids": "port:atlantis"}, "feature_ids", "unknown feature id"),
        ({"feature_ids": "Not An Id"}, "feature_ids", "malformed feature id"),
        ({"title": ""}, "title", "is required"),
        ({"title": "x" * 161}, "title", "too long"),
        ({"title": "two\nlines"}, "title", "single line"),
        ({"summary": "short"}, "summary", "too short"),
        ({"summary": "bell \x07 character in text"}, "summary", "control characters"),
        ({"source": ""}, "source", "is required"),
        ({"source": "http//example.org"}, "source", "well-formed"),
        ({"source": "javascript:alert(1)"}, "source", "well-formed"),
        ({"reported_on": "13-07-2020"}, "reported_on", "not a date"),
        ({"reported_on": "2020-02-30"}, "reported_on", "not a date"),
        ({"reported_on": "1899-01-01", "updated_on": "1899-01-01"}, "reported_on", "between"),
        ({"updated_on": "2031-01-01"}, "updated_on", "between"),
        ({"updated_on": "2020-01-01"}, "record", "before reported_on"),
        ({"id": "Bad Id!"}, "id", "lower-case"),
    ],
)
def test_each_rejection_reason_names_its_field(changes: dict[str, str], field: str, message: str) -> None:
    with pytest.raises(RecordError) as info:
        Record.from_row(row(**changes), KNOWN, TODAY)
    assert field in info.value.problems, info.value.problems
    assert message in info.value.problems[field]


def test_create_assigns_an_id_and_todays_dates() -> None:
    data = {k: v for k, v in row().items() if k not in ("id", "reported_on", "updated_on")}
    first = Record.create(data, KNOWN, TODAY)
    second = Record.create(data, KNOWN, TODAY)
    assert first.id != second.id
    assert first.reported_on == first.updated_on == TODAY


def test_markup_is_stored_as_plain_text() -> None:
    record = Record.from_row(
        row(title="<script>alert(1)</script>", summary='"><svg onload=alert(1)> =HYPERLINK("http://x","y")'),
        KNOWN,
        TODAY,
    )
    assert record.title == "<script>alert(1)</script>"
    assert record.summary.startswith('"><svg')


def _index() -> RecordIndex:
    records = [
        Record.from_row(row(id="a", feature_ids="border:nl-be"), KNOWN, TODAY),
        Record.from_row(
            row(
                id="b",
                kind="initiative",
                status="running",
                theme="health",
                border="NL-DE",
                feature_ids="port:emden;border:nl-de",
                title="Intensive care beds",
            ),
            KNOWN,
            TODAY,
        ),
        Record.from_row(row(id="c", status="solved", feature_ids="port:emden", border="NL-DE"), KNOWN, TODAY),
    ]
    return RecordIndex(records)


def test_index_by_feature_and_open_counts() -> None:
    index = _index()
    assert [r.id for r in index.for_feature("port:emden")] == ["b", "c"]
    assert index.open_obstacle_counts() == {"border:nl-be": 1}
    assert index.counts() == {"total": 3, "obstacle": 2, "initiative": 1, "open": 1}


def test_filters_combine() -> None:
    index = _index()
    assert [r.id for r in index.filtered(RecordFilter(borders=frozenset({Border.NL_DE}))).records] == ["b", "c"]
    assert [r.id for r in index.filtered(RecordFilter(kinds=frozenset({Kind.INITIATIVE}))).records] == ["b"]
    assert [r.id for r in index.filtered(RecordFilter(statuses=frozenset({Status.SOLVED}))).records] == ["c"]
    assert [r.id for r in index.filtered(RecordFilter(themes=frozenset({Theme.HEALTH}))).records] == ["b"]
    assert [r.id for r in index.filtered(RecordFilter(text="intensive BEDS")).records] == ["b"]


def test_border_lists_records_elsewhere_on_it() -> None:
    index = _index()
    tied = index.for_feature("border:nl-de")
    assert [r.id for r in index.on_border(Border.NL_DE, exclude=tied)] == ["c"]
