"""Record model: parsing, one test per rejection reason, messages in both languages, round trips, old rows, queries."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as hyp

from i18n import Message
from records import (
    COLUMNS,
    LEGACY_COLUMNS,
    Border,
    Kind,
    Record,
    RecordError,
    RecordFilter,
    RecordIndex,
    Review,
    Status,
    Theme,
    guess_language,
)
from records.store import Interner

KNOWN = {"border:nl-be", "border:nl-de", "port:emden", "bus:350-maastricht-aachen"}
TODAY = dt.date(2026, 11, 26)  # a fixed "today": no test depends on the calendar


def row(**changes: str) -> dict[str, str]:
    base = dict.fromkeys(COLUMNS, "")
    base.update(
        id="t-001",
        version="1",
        kind="obstacle",
        status="reported",
        review="published",
        theme="mobility",
        border="NL-BE",
        feature_ids="border:nl-be;bus:350-maastricht-aachen",
        title_nl="Geen verdrag over essentiële buslijnen",
        summary_nl="Niets legt vast welke grensoverschrijdende buslijnen moeten blijven rijden.",
        title_en="No treaty on essential bus lines",
        summary_en="Nothing names the cross-border bus lines that must keep running.",
        legal_basis_nl="Wet personenvervoer 2000",
        responsible="Ministerie van IenW",
        source="Kamerstuk 32 851, nr. 69",
        reported_on="2020-07-13",
        updated_on="2020-07-13",
        dates_approximate="false",
    )
    base.update(changes)
    return base


def test_valid_row_parses_to_typed_values() -> None:
    record = Record.from_row(row(), KNOWN, today=TODAY)
    assert record.kind is Kind.OBSTACLE and record.theme is Theme.MOBILITY and record.review is Review.PUBLISHED
    assert record.borders == (Border.NL_BE,)
    assert record.feature_ids == ("border:nl-be", "bus:350-maastricht-aachen")
    assert record.reported_on == dt.date(2020, 7, 13) and record.version == 1 and record.dates_approximate is False
    assert record.is_open and record.languages == ("nl", "en")


def test_round_trip_keeps_every_value_in_column_order() -> None:
    text = 'Komma, "quotes", newline\nü ë ł 🚌 <b>&amp;'
    record = Record.from_row(
        row(
            summary_en=text,
            border="NL-DE;NL-BE",
            dates_approximate="true",
            version="7",
            changed_at="2026-01-02T03:04:05Z",
        ),
        KNOWN,
        today=TODAY,
    )
    again = Record.from_row(record.to_row(), KNOWN, today=TODAY)
    assert again == record
    assert list(record.to_row()) == list(COLUMNS)
    assert again.summary_en == text and again.border == "NL-BE;NL-DE" and again.dates_approximate is True


@pytest.mark.parametrize(
    ("changes", "field", "key", "english"),
    [
        ({"kind": "complaint"}, "kind", "error.unknown_choice", "not a known kind"),
        ({"theme": "weather"}, "theme", "error.unknown_choice", "not a known theme"),
        ({"status": "lost"}, "status", "error.unknown_choice", "not a known status"),
        ({"review": "maybe"}, "review", "error.unknown_choice", "not a known review"),
        ({"status": "running"}, "status", "error.status_kind", "not a status of an obstacle"),
        ({"border": "NL-FR"}, "border", "error.unknown_choice", "not a known border"),
        ({"border": ""}, "border", "error.at_least_one", "at least one"),
        ({"feature_ids": ""}, "feature_ids", "error.at_least_one", "at least one"),
        ({"feature_ids": "port:atlantis"}, "feature_ids", "error.unknown_feature", "unknown feature id"),
        ({"feature_ids": "Not An Id"}, "feature_ids", "error.malformed_feature", "malformed feature id"),
        ({"title_nl": ""}, "title_nl", "error.half_pair", "go together"),
        ({"summary_en": ""}, "summary_en", "error.half_pair", "go together"),
        (
            {"title_nl": "", "summary_nl": "", "title_en": "", "summary_en": ""},
            "title_nl",
            "error.required_one_language",
            "in Dutch or English",
        ),
        ({"title_en": "x" * 161}, "title_en", "error.too_long", "at most 160"),
        ({"title_nl": "ab"}, "title_nl", "error.too_short", "at least 3"),
        ({"title_nl": "two\nlines"}, "title_nl", "error.single_line", "single line"),
        ({"summary_nl": "short"}, "summary_nl", "error.too_short", "at least 10"),
        ({"summary_nl": "bell \x07 character in text"}, "summary_nl", "error.control_chars", "control characters"),
        ({"summary_nl": "carriage\rreturn in text"}, "summary_nl", "error.control_chars", "control characters"),
        ({"source": ""}, "source", "error.required", "is required"),
        ({"source": "http//example.org"}, "source", "error.bad_url", "well-formed"),
        ({"source": "javascript:alert(1)"}, "source", "error.bad_url", "well-formed"),
        ({"reported_on": "13-07-2020"}, "reported_on", "error.not_a_date", "not a date"),
        ({"reported_on": "2020-02-30"}, "reported_on", "error.not_a_date", "not a date"),
        ({"reported_on": "1899-01-01", "updated_on": "1899-01-01"}, "reported_on", "error.date_range", "between"),
        ({"updated_on": "2026-11-28"}, "updated_on", "error.date_range", "between"),
        ({"updated_on": "2020-01-01"}, "updated_on", "error.date_order", "before reported_on"),
        ({"id": "Bad Id!"}, "id", "error.bad_id", "lower-case"),
        ({"version": "0"}, "version", "error.bad_number", "whole number"),
        ({"version": "two"}, "version", "error.bad_number", "whole number"),
        ({"dates_approximate": "yes"}, "dates_approximate", "error.bad_bool", "true or false"),
        ({"changed_at": "2026-01-02 03:04"}, "changed_at", "error.bad_timestamp", "UTC time"),
        ({"review": "merged"}, "merged_into", "error.merged_needs_target", "merged into"),
        ({"merged_into": "t-002"}, "merged_into", "error.target_needs_merged", "only a merged record"),
        ({"review": "rejected"}, "review_note", "error.rejected_needs_reason", "needs a reason"),
    ],
)
def test_each_rejection_names_its_field_in_both_languages(
    changes: dict[str, str], field: str, key: str, english: str
) -> None:
    with pytest.raises(RecordError) as info:
        Record.from_row(row(**changes), KNOWN, today=TODAY)
    message = info.value.problems[field]
    assert isinstance(message, Message) and message.key == key, info.value.problems
    assert english in message.text("en") and english in str(info.value)
    assert message.text("nl") != message.text("en")  # really translated


def test_tomorrow_is_accepted_for_time_zones() -> None:
    assert Record.from_row(row(updated_on="2026-11-27"), KNOWN, today=TODAY).updated_on == dt.date(2026, 11, 27)


def test_text_falls_back_to_the_other_language_and_says_so() -> None:
    english_only = Record.from_row(row(title_nl="", summary_nl=""), KNOWN, today=TODAY)
    assert english_only.text("title", "en") == ("No treaty on essential bus lines", False)
    assert english_only.text("summary", "nl") == (
        "Nothing names the cross-border bus lines that must keep running.",
        True,
    )
    both = Record.from_row(row(), KNOWN, today=TODAY)
    assert both.text("title", "nl") == ("Geen verdrag over essentiële buslijnen", False)


def test_old_format_rows_go_to_the_language_they_are_written_in() -> None:
    old = {c: row().get(c, "") for c in LEGACY_COLUMNS}
    dutch = Record.from_row(
        old
        | {"title": "Geen verdrag voor de bus", "summary": "Er is geen verdrag over de grensoverschrijdende lijnen."},
        KNOWN,
        today=TODAY,
    )
    assert (dutch.title_nl, dutch.title_en, dutch.version, dutch.review) == (
        "Geen verdrag voor de bus",
        "",
        1,
        Review.PUBLISHED,
    )
    english = Record.from_row(
        old | {"title": "No bus treaty", "summary": "There is no treaty on the lines."}, KNOWN, today=TODAY
    )
    assert english.title_en == "No bus treaty" and english.summary_nl == ""


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Grensarbeiders betalen twee keer belasting over hun pensioen", "nl"),
        ("Border workers pay tax twice on their pension", "en"),
        ("Kamerstuk 32 851", "en"),  # unsure: English
        ("", "en"),
    ],
)
def test_guess_language(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_create_assigns_an_id_version_one_and_todays_dates() -> None:
    data = {k: v for k, v in row().items() if k not in ("id", "reported_on", "updated_on", "version")}
    first = Record.create(data, KNOWN, today=TODAY)
    second = Record.create(data | {"summary_nl": "Regel een\r\nregel twee van de tekst"}, KNOWN, today=TODAY)
    assert first.id != second.id and first.version == 1
    assert first.reported_on == first.updated_on == TODAY
    assert second.summary_nl == "Regel een\nregel twee van de tekst"  # typed CR LF stored as LF


def test_validation_never_reads_the_calendar() -> None:
    with pytest.raises(TypeError):
        Record.from_row(row(), KNOWN)  # type: ignore[call-arg]  # today is required
    with pytest.raises(TypeError):
        Record.create({}, KNOWN)  # type: ignore[call-arg]


def test_markup_is_stored_as_plain_text() -> None:
    record = Record.from_row(
        row(title_en="<script>alert(1)</script>", summary_en='"><svg onload=alert(1)> =HYPERLINK("http://x","y")'),
        KNOWN,
        today=TODAY,
    )
    assert record.title_en == "<script>alert(1)</script>" and record.summary_en.startswith('"><svg')


# -- queries over summaries ----------------------------------------------------------------


def _summaries() -> list:
    intern = Interner()
    records = [
        Record.from_row(row(id="a", feature_ids="border:nl-be", updated_on="2021-01-01"), KNOWN, today=TODAY),
        Record.from_row(
            row(
                id="b",
                kind="initiative",
                status="running",
                theme="health",
                border="NL-DE",
                feature_ids="port:emden;border:nl-de",
                title_nl="Intensive-care-bedden",
                title_en="Intensive care beds",
            ),
            KNOWN,
            today=TODAY,
        ),
        Record.from_row(row(id="c", status="solved", feature_ids="port:emden", border="NL-DE"), KNOWN, today=TODAY),
        Record.from_row(
            row(id="d", feature_ids="port:emden", border="NL-DE", title_nl="Aaa eerst"), KNOWN, today=TODAY
        ),
        Record.from_row(
            row(id="p", review="pending", feature_ids="port:emden", border="NL-DE", created_by="oidc:x|anna"),
            KNOWN,
            today=TODAY,
        ),
    ]
    return [intern.summary(r, n * 100, n * 100 + 99) for n, r in enumerate(records)]


def test_index_by_feature_in_display_order_and_open_counts() -> None:
    index = RecordIndex(_summaries())
    # open obstacles first (d and p, newest first then title), then the rest newest first
    assert [s.id for s in index.for_feature("port:emden")] == ["d", "p", "c", "b"]
    assert index.open_obstacle_counts() == {"border:nl-be": 1, "port:emden": 2}
    assert index.counts() == {"total": 5, "obstacle": 4, "initiative": 1, "open": 3}


def test_filters_combine_with_search_ids() -> None:
    index = RecordIndex(_summaries())
    assert [s.id for s in index.filtered(RecordFilter(borders=frozenset({Border.NL_DE}))).records] == [
        "b",
        "c",
        "d",
        "p",
    ]
    assert [s.id for s in index.filtered(RecordFilter(kinds=frozenset({Kind.INITIATIVE}))).records] == ["b"]
    assert [s.id for s in index.filtered(RecordFilter(statuses=frozenset({Status.SOLVED}))).records] == ["c"]
    assert [s.id for s in index.filtered(RecordFilter(themes=frozenset({Theme.HEALTH}))).records] == ["b"]
    assert [s.id for s in index.filtered(RecordFilter(text="beds"), search_ids={"b", "c"}).records] == ["b", "c"]


def test_border_lists_records_elsewhere_on_it() -> None:
    index = RecordIndex(_summaries())
    tied = index.for_feature("border:nl-de")
    assert [s.id for s in index.on_border(Border.NL_DE, exclude=tied)] == ["d", "p", "c"]
    assert [s.id for s in index.on_border(Border.NL_DE, exclude=tied, limit=2)] == ["d", "p"]
    assert index.count_on_border(Border.NL_DE, exclude=tied) == 3


@given(
    excluded=hyp.lists(hyp.integers(0, 4), max_size=6),
    limit=hyp.one_of(hyp.none(), hyp.integers(0, 6)),
    border=hyp.sampled_from(list(Border)),
)
def test_a_border_page_is_the_head_of_the_whole_list_and_its_count_the_whole_length(
    excluded: list[int], limit: int | None, border: Border
) -> None:
    summaries = _summaries()
    index = RecordIndex(summaries)
    exclude = [summaries[i] for i in excluded]  # any records of the index, repeats included
    whole = index.on_border(border, exclude=exclude)
    assert index.on_border(border, exclude=exclude, limit=limit) == whole[:limit]
    assert index.count_on_border(border, exclude=exclude) == len(whole)


def test_summary_titles_fall_back_like_records() -> None:
    summary = _summaries()[0]
    assert summary.text("title", "en") == ("No treaty on essential bus lines", False)
    assert summary._replace(title_en="").text("title", "en") == ("Geen verdrag over essentiële buslijnen", True)


def test_equal_values_are_shared_between_summaries() -> None:
    a, _, c, d, _ = _summaries()
    assert c.feature_ids is d.feature_ids and c.borders is d.borders and a.reported_on is c.reported_on
