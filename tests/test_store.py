"""The store contract (run against every backend) and what is particular to the CSV file.

Every test taking ``make_store`` (or ``store``) runs against each of ``BACKENDS``: the CSV file
and PostgreSQL (a fresh database per test; skipped without a server, see ``tests/conftest.py``).
To add a backend, add its name to ``BACKENDS`` and a branch to ``make_store``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from records import (
    COLUMNS,
    Actor,
    ConflictError,
    CsvStore,
    PermissionDenied,
    Record,
    RecordError,
    RecordIndex,
    RecordStore,
    Review,
    Status,
    StoreError,
)
from records.clock import Clock

KNOWN = frozenset({"border:nl-be", "border:nl-de", "port:emden"})
TODAY = dt.date(2026, 1, 15)  # a fixed "today": no test depends on the calendar
EDITOR = Actor.oidc("https://id.example.org", "edith", "Edith", "editor")
REPORTER = Actor.oidc("https://id.example.org", "rik", "Rik", "reporter")
OTHER_REPORTER = Actor.oidc("https://id.example.org", "roos", "Roos", "reporter")
VIEWER = Actor.anonymous()
BACKENDS = ["csv", "postgres"]


class Ticking:
    """A test clock: starts at 09:00 on TODAY and moves one second per call (history has an order)."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)):
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture(params=BACKENDS)
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., RecordStore]]:
    """A factory of stores over one fresh, empty backend (several instances = several app servers)."""

    made: list[RecordStore] = []

    def make(clock: Clock | None = None, known: frozenset[str] | None = KNOWN) -> RecordStore:
        if request.param == "csv":
            return CsvStore(tmp_path / "obstacles.csv", clock=clock or Ticking(), known_feature_ids=known)
        if request.param == "postgres":
            from records.sqlstore import SqlStore

            url = request.getfixturevalue("pg_url")
            made.append(SqlStore(url, clock=clock or Ticking(), known_feature_ids=known, pool_size=2))
            return made[-1]
        raise AssertionError(request.param)

    yield make
    for store in made:
        store.dispose()


@pytest.fixture
def store(make_store: Callable[..., RecordStore]) -> RecordStore:
    """One store over a fresh, empty backend (each backend in turn)."""
    return make_store()


def draft(n: int = 0, **changes: str) -> Record:
    fields = {
        "kind": "obstacle",
        "title_en": f"Obstacle number {n}",
        "summary_en": 'Text with a comma, "quotes",\na newline and ü ë ł 🚌.',
        "theme": "labour",
        "border": "NL-BE",
        "feature_ids": "border:nl-be",
        "status": "reported",
        "source": "https://example.org/a?b=1",
        **changes,
    }
    return Record.create(fields, KNOWN, today=TODAY)


# -- the contract --------------------------------------------------------------------------


def test_add_get_snapshot_round_trip(make_store) -> None:
    store = make_store()
    assert len(store.snapshot()) == 0
    token = store.change_token()
    titles = ['=HYPERLINK("http://x","y")', "<script>alert(1)</script>", "Ærø 🎉"]
    written = [store.add(draft(i, title_en=t), EDITOR) for i, t in enumerate(titles)]
    assert store.change_token() != token
    assert all(r.version == 1 and r.review is Review.PUBLISHED and r.created_by == EDITOR.id for r in written)
    assert all(r.changed_by == EDITOR.id and r.changed_at.startswith("2026-01-15T09:0") for r in written)
    assert store.get([r.id for r in written] + ["nope"]) == {r.id: r for r in written}
    snapshot = store.snapshot()
    assert [s.id for s in snapshot.summaries] == [r.id for r in written] and snapshot.problems == ()
    assert [s.title_en for s in snapshot.summaries] == titles
    assert store.snapshot() is snapshot  # nothing changed: the same immutable snapshot


def test_a_second_instance_sees_the_writes(make_store) -> None:
    first, second = make_store(), make_store()
    assert len(second.snapshot()) == 0
    record = first.add(draft(), EDITOR)
    assert [s.id for s in second.snapshot().summaries] == [record.id]
    second.change_status(record.id, "assessing", "seen elsewhere", EDITOR, expected_version=1)
    assert first.snapshot().by_id[record.id].status is Status.ASSESSING


def test_reporters_wait_for_review_and_viewers_write_nothing(make_store) -> None:
    store = make_store()
    token = store.change_token()
    with pytest.raises(PermissionDenied) as info:
        store.add(draft(), VIEWER)
    assert info.value.message.key == "access.denied" and store.change_token() == token
    report = store.add(draft(1), REPORTER)
    assert report.review is Review.PENDING
    index = RecordIndex(store.snapshot().summaries)
    assert [len(index.visible_to(a)) for a in (VIEWER, REPORTER, OTHER_REPORTER, EDITOR)] == [0, 1, 0, 1]
    token = store.change_token()
    for attempt in (
        lambda: store.change_status(report.id, "assessing", "n", REPORTER, 1),
        lambda: store.edit(report.id, {"title_nl": "Nieuwe titel"}, "", REPORTER, 1),
        lambda: store.review(report.id, True, "", REPORTER, 1),
        lambda: store.merge(report.id, report.id, "", REPORTER, {}),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert store.change_token() == token


def test_status_change_follows_lifecycle_needs_a_note_and_keeps_history(make_store) -> None:
    later = TODAY + dt.timedelta(days=3)
    store = make_store(clock=Ticking(dt.datetime(2026, 1, 18, 9, 0, tzinfo=dt.UTC)))
    record = store.add(draft(), EDITOR)
    with pytest.raises(StoreError, match="cannot move from reported to solved") as info:
        store.change_status(record.id, Status.SOLVED, "too quick", EDITOR, 1)
    assert info.value.message.text("nl").startswith("kan niet van reported naar solved")
    with pytest.raises(StoreError, match="needs a note"):
        store.change_status(record.id, Status.ASSESSING, "  ", EDITOR, 1)
    with pytest.raises(RecordError):  # a date after the store's today
        store.change_status(
            record.id, Status.ASSESSING, "from the future", EDITOR, 1, today=later + dt.timedelta(days=2)
        )
    changed = store.change_status(record.id, Status.ASSESSING, "picked up by BZK", EDITOR, 1, today=later)
    assert (changed.status, changed.version, changed.updated_on, changed.change_note) == (
        Status.ASSESSING,
        2,
        later,
        "picked up by BZK",
    )
    assert store.get([record.id])[record.id] == changed
    history = store.history(record.id)
    assert [(h.version, h.action, h.from_status, h.to_status, h.actor_id) for h in history] == [
        (1, "created", "", "reported", EDITOR.id),
        (2, "status", "reported", "assessing", EDITOR.id),
    ]
    assert history[1].note == "picked up by BZK" and history[0].changed_at < history[1].changed_at


def test_stale_version_is_a_conflict_and_overwrites_nothing(make_store) -> None:
    alice, bob = make_store(), make_store()
    record = alice.add(draft(), EDITOR)
    alice.change_status(record.id, "assessing", "first", EDITOR, expected_version=1)
    token = bob.change_token()
    with pytest.raises(ConflictError) as info:
        bob.edit(record.id, {"title_nl": "Bob's titel"}, "", EDITOR, expected_version=1)
    assert info.value.current.version == 2 and info.value.current.status is Status.ASSESSING
    assert "changed by someone else meanwhile" in str(info.value)
    assert "intussen door iemand anders gewijzigd" in info.value.message.text("nl")
    assert bob.change_token() == token
    with pytest.raises(ConflictError):
        bob.change_status(record.id, "in_progress", "late", EDITOR, expected_version=1)


def test_edit_adds_a_translation_and_refuses_other_fields(make_store) -> None:
    store = make_store()
    record = store.add(draft(), EDITOR)
    assert record.text("title", "nl") == ("Obstacle number 0", True)
    edited = store.edit(
        record.id,
        {"title_nl": "Belemmering nummer 0", "summary_nl": "Een tekst\r\nover twee regels."},
        "vertaald",
        EDITOR,
        1,
    )
    assert (
        edited.text("title", "nl") == ("Belemmering nummer 0", False)
        and edited.summary_nl == "Een tekst\nover twee regels."
    )
    token = store.change_token()
    with pytest.raises(StoreError, match="cannot be changed this way"):
        store.edit(record.id, {"status": "solved"}, "", EDITOR, 2)
    with pytest.raises(RecordError) as info:
        store.edit(record.id, {"title_en": ""}, "", EDITOR, 2)  # a half pair
    assert "summary_en" not in info.value.problems and info.value.problems["title_en"].key == "error.half_pair"
    with pytest.raises(RecordError):
        store.edit(record.id, {"feature_ids": "port:atlantis"}, "", EDITOR, 2)
    assert store.change_token() == token


def test_review_accepts_or_rejects_with_a_reason(make_store) -> None:
    store = make_store()
    first, second = store.add(draft(1), REPORTER), store.add(draft(2), REPORTER)
    accepted = store.review(first.id, True, "", EDITOR, 1)
    assert (accepted.review, accepted.status, accepted.version) == (Review.PUBLISHED, Status.REPORTED, 2)
    with pytest.raises(StoreError, match="a status change needs a note"):
        store.review(second.id, False, "", EDITOR, 1)
    rejected = store.review(second.id, False, "Not a cross-border obstacle", EDITOR, 1)
    assert rejected.review is Review.REJECTED and rejected.review_note == "Not a cross-border obstacle"
    with pytest.raises(StoreError, match="not awaiting review"):
        store.review(first.id, True, "", EDITOR, 2)
    index = RecordIndex(store.snapshot().summaries)
    assert [s.id for s in index.visible_to(REPORTER).records] == [first.id, second.id]  # the author sees why
    assert [s.id for s in index.visible_to(VIEWER).records] == [first.id]


def test_merge_folds_a_duplicate_into_the_target_in_one_write(make_store) -> None:
    store = make_store()
    target = store.add(draft(1), EDITOR)
    duplicate = store.add(
        draft(2, feature_ids="port:emden", border="NL-DE", title_nl="Dubbel", summary_nl="Dezelfde melding opnieuw."),
        REPORTER,
    )
    with pytest.raises(StoreError, match="cannot be merged into itself"):
        store.merge(target.id, target.id, "", EDITOR, {target.id: 1})
    with pytest.raises(ConflictError):
        store.merge(duplicate.id, target.id, "same", EDITOR, {duplicate.id: 1, target.id: 7})
    grown = store.merge(duplicate.id, target.id, "same obstacle", EDITOR, {duplicate.id: 1, target.id: 1})
    assert grown.feature_ids == ("border:nl-be", "port:emden") and grown.border == "NL-BE;NL-DE"
    assert grown.title_nl == "Dubbel" and grown.title_en == "Obstacle number 1"  # the missing language carried over
    gone = store.get([duplicate.id])[duplicate.id]
    assert (gone.review, gone.merged_into, gone.version) == (Review.MERGED, target.id, 2)
    index = RecordIndex(store.snapshot().summaries)
    assert [s.id for s in index.visible_to(EDITOR).records] == [target.id]
    history = store.history(target.id)
    assert {(h.record_id, h.action) for h in history} == {
        (target.id, "created"),
        (target.id, "edited"),
        (duplicate.id, "created"),
        (duplicate.id, "merged"),
    }


def test_search_looks_in_both_languages_and_only_current_versions(make_store) -> None:
    store = make_store()
    a = store.add(draft(1, title_nl="Pensioen dubbel belast", summary_nl="Grensarbeiders betalen twee keer."), EDITOR)
    b = store.add(draft(2, responsible="Ministerie van SZW", legal_basis_nl="Wet op de loonbelasting"), EDITOR)
    assert store.search("PENSIOEN obstacle") == {a.id}
    assert store.search("szw loonbelasting") == {b.id}
    assert store.search(a.id) == {a.id}
    assert store.search("") == {a.id, b.id}
    store.edit(a.id, {"title_nl": "Pensioen twee keer belast"}, "", EDITOR, 1)
    assert store.search("dubbel") == set()  # only in the superseded version
    assert store.search("twee keer belast") == {a.id}


def test_threads_sharing_one_store_lose_nothing(make_store) -> None:
    store = make_store()
    errors: list[BaseException] = []

    def work(w: int) -> None:
        try:
            for n in range(15):
                record = store.add(draft(n, title_en=f"thread {w} record {n}"), EDITOR)
                if n % 3 == 0:
                    store.change_status(record.id, "assessing", "checked", EDITOR, 1)
                store.snapshot()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    snapshot = store.snapshot()
    assert len(snapshot) == 90 and snapshot.problems == ()
    assert sum(s.status is Status.ASSESSING for s in snapshot.summaries) == 30


def test_two_editors_saving_the_same_version_at_once_one_wins_and_nothing_is_overwritten(make_store) -> None:
    first = make_store()
    record = first.add(draft(), EDITOR)
    editors = [make_store() for _ in range(4)]  # four app servers, one record, the same starting version
    start = threading.Barrier(len(editors))
    outcomes: dict[int, object] = {}

    def save(n: int) -> None:
        start.wait()
        try:
            outcomes[n] = editors[n].edit(record.id, {"responsible": f"editor {n}"}, "", EDITOR, expected_version=1)
        except ConflictError as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=save, args=(n,)) for n in range(len(editors))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = [o for o in outcomes.values() if not isinstance(o, ConflictError)]
    refused = [o for o in outcomes.values() if isinstance(o, ConflictError)]
    assert len(saved) == 1 and len(refused) == len(editors) - 1
    assert all(e.current == saved[0] for e in refused)  # each is shown the state that won
    assert first.get([record.id])[record.id] == saved[0]
    assert [h.version for h in first.history(record.id)] == [1, 2]


def test_records_linking_to_features_unknown_to_the_map_are_problems(make_store) -> None:
    writer = make_store(known=None)  # e.g. written before a layer was removed from the map
    kept = writer.add(draft(1), EDITOR)
    elsewhere = Record.create(draft(2).to_row() | {"feature_ids": "port:atlantis"}, None, today=TODAY)
    lost = writer.add(elsewhere, EDITOR)
    snapshot = make_store().snapshot()
    assert [s.id for s in snapshot.summaries] == [kept.id]
    ((problem),) = snapshot.problems
    assert problem.record_id == lost.id and "port:atlantis" in problem.message.text("en")


# -- the CSV file in particular ------------------------------------------------------------

HEADER = ",".join(COLUMNS) + "\n"
OLD_HEADER = (
    "id,kind,title,summary,theme,border,feature_ids,status,legal_basis_nl,legal_basis_other,"
    "responsible,source,reported_on,updated_on,reported_by\n"
)
OLD_ROWS = (
    "g-1,obstacle,Geen verdrag voor de bus,Er is geen verdrag over de grensoverschrijdende lijnen.,mobility,NL-BE,"
    "border:nl-be,reported,,,,Kamerstuk 32 851,2020-07-13,2020-07-13,BZK\n"
    'g-2,obstacle,Diplomas not recognised,"The diploma of a nurse from Germany is not, as such, recognised.",'
    "health,NL-DE,border:nl-de,assessing,,,,GROS,2020-07-13,2020-07-14,\n"
    "g-3,obstacle,Too few columns\n"
)


def csv_store(path: Path, clock: Clock | None = None) -> CsvStore:
    return CsvStore(path, clock=clock or Ticking(), known_feature_ids=KNOWN)


def csv_line(record: Record) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(record.to_row().values())
    return buffer.getvalue()


def test_old_format_loads_and_is_upgraded_once_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    path.write_text(OLD_HEADER + OLD_ROWS, encoding="utf-8")
    history = tmp_path / "obstacles_history.csv"
    history.write_text(
        "record_id,changed_at,changed_by,from_status,to_status,note\n"
        "g-2,2021-01-01T10:00:00+00:00,Planner A,reported,assessing,picked up\n",
        encoding="utf-8",
    )
    history_before = history.read_bytes()
    store = csv_store(path)
    snapshot = store.snapshot()
    assert [(s.id, s.title_nl, s.title_en, s.version) for s in snapshot.summaries] == [
        ("g-1", "Geen verdrag voor de bus", "", 1),
        ("g-2", "", "Diplomas not recognised", 1),
    ]
    ((line, key),) = [(p.line, p.message.key) for p in snapshot.problems]
    assert (line, key) == (4, "problem.columns")
    original = path.read_bytes()
    store.change_status("g-2", "in_progress", "track set", EDITOR, expected_version=1)
    (backup,) = tmp_path.glob("obstacles.csv.bak-*")
    assert backup.read_bytes() == original and re.fullmatch(r"obstacles\.csv\.bak-20260115T0900\d\dZ", backup.name)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEADER) and "g-3,obstacle,Too few columns\n" in text  # carried over verbatim
    after = store.snapshot()
    assert [s.id for s in after.summaries] == ["g-1", "g-2"] and after.by_id["g-2"].version == 2
    assert [p.line for p in after.problems] == [4]
    assert [(h.version, h.actor_name, h.to_status) for h in store.history("g-2")] == [
        (0, "Planner A", "assessing"),
        (2, EDITOR.name, "in_progress"),  # the name stored with the version
    ]
    assert history.read_bytes() == history_before  # read, never written
    store.add(draft(), EDITOR)
    assert len(list(tmp_path.glob("obstacles.csv.bak-*"))) == 1  # upgraded once


def damaged_last_row(path: Path) -> tuple[bytes, int]:
    """Write three good rows, the last with a quote that never closes; return the bytes and its line."""
    store = csv_store(path)
    for n in range(3):
        store.add(draft(n, summary_en="One line only, for exact line numbers."), EDITOR)
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.rstrip("\n").rpartition(",")
    path.write_text(f'{head},"{tail}\n', encoding="utf-8")  # the last field opens a quote
    return path.read_bytes(), 4


def test_unclosed_quote_in_the_last_row_is_reported_and_blocks_writes(tmp_path: Path) -> None:
    # The issue: the form said "saved" while the new row disappeared into the open quote.
    path = tmp_path / "obstacles.csv"
    before, line = damaged_last_row(path)
    store = csv_store(path)
    snapshot = store.snapshot()
    assert len(snapshot) == 2
    (problem,) = snapshot.problems
    assert (problem.line, problem.message.key) == (line, "problem.unclosed_quote")
    assert f"unclosed quote starting on line {line}" in problem.reason
    with pytest.raises(StoreError) as info:
        store.add(draft(9), EDITOR)
    assert info.value.message.key == "store.tail_open" and info.value.message.values["line"] == line
    assert f"regel {line}" in info.value.message.text("nl")
    record_id = snapshot.summaries[0].id
    with pytest.raises(StoreError):
        store.change_status(record_id, "assessing", "note", EDITOR, 1)
    assert path.read_bytes() == before  # nothing written


def test_unclosed_quote_in_the_middle_keeps_the_rows_after_it(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    store = csv_store(path)
    ids = [store.add(draft(n, summary_en="One line only, for exact line numbers."), EDITOR).id for n in range(4)]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    head, _, tail = lines[2].rpartition(",")
    lines[2] = f'{head},"{tail}'  # line 3 (the second record) opens a quote that never closes
    path.write_text("".join(lines), encoding="utf-8")
    snapshot = csv_store(path).snapshot()
    assert [s.id for s in snapshot.summaries] == [ids[0], ids[2], ids[3]]
    ((line, key),) = [(p.line, p.message.key) for p in snapshot.problems]
    assert (line, key) == (3, "problem.unclosed_quote")
    new = csv_store(path).add(draft(9), EDITOR)  # the tail parses: writing is fine
    again = csv_store(path).snapshot()
    assert [s.id for s in again.summaries] == [ids[0], ids[2], ids[3], new.id] and len(again.problems) == 1
    assert path.read_text(encoding="utf-8").startswith("".join(lines))  # nothing before was altered


def test_missing_final_line_end_is_added_before_the_row(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    first = draft(1)
    path.write_text(HEADER + csv_line(first).rstrip("\n"), encoding="utf-8")
    store = csv_store(path)
    assert [s.id for s in store.snapshot().summaries] == [first.id]
    second = store.add(draft(2), EDITOR)
    assert path.read_text(encoding="utf-8") == HEADER + csv_line(first) + csv_line(second)
    assert [s.id for s in csv_store(path).snapshot().summaries] == [first.id, second.id]


def test_crlf_file_gets_crlf_rows(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    first = draft(1, summary_en="First line\nsecond line (LF inside a field, as spreadsheets write it)")
    path.write_bytes(
        (HEADER + csv_line(first)).replace("\n", "\r\n").replace("line\r\nsecond", "line\nsecond").encode()
    )
    store = csv_store(path)
    assert len(store.snapshot()) == 1
    store.add(draft(2), EDITOR)
    snapshot = csv_store(path).snapshot()
    assert len(snapshot) == 2 and snapshot.problems == ()
    assert path.read_bytes().endswith(b"\r\n") and b'"\r\nO' not in path.read_bytes()


def test_superseded_versions_are_history_and_twice_the_same_version_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    store = csv_store(path)
    record = store.add(draft(summary_en="One line only."), EDITOR)
    store.change_status(record.id, "assessing", "one", EDITOR, 1)
    assert store.snapshot().problems == ()
    lines = path.read_text(encoding="utf-8")
    path.write_text(lines + lines.split("\n", 1)[1].split("\n", 2)[0] + "\n", encoding="utf-8")  # v1 again
    snapshot = csv_store(path).snapshot()
    assert snapshot.by_id[record.id].version == 2
    ((key, values),) = [(p.message.key, p.message.values) for p in snapshot.problems]
    assert key == "problem.duplicate" and values == {"id": record.id, "version": 1}


def test_readback_mismatch_is_an_error_not_a_success(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = csv_store(tmp_path / "obstacles.csv")
    store.add(draft(1), EDITOR)
    real_pread = os.pread

    def garbled(fd: int, length: int, offset: int) -> bytes:
        data = real_pread(fd, length, offset)
        return data.replace(b"Obstacle number 2", b"Obstacle number X") if length > 1 else data

    monkeypatch.setattr("records.csvstore.os.pread", garbled)
    with pytest.raises(StoreError) as info:
        store.add(draft(2), EDITOR)
    assert info.value.message.key == "store.readback"


def test_incremental_reads_notice_every_other_change(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    writer, reader = csv_store(path), csv_store(path)
    first = writer.add(draft(1), EDITOR)
    assert len(reader.snapshot()) == 1
    writer.add(draft(2), EDITOR)
    assert len(reader.snapshot()) == 2  # an append: read incrementally
    # an edit in place, same length, before the offset: the fingerprint differs → full rescan
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Obstacle number 1", b"Obstacle number 7"))
    assert reader.snapshot().by_id[first.id].title_en == "Obstacle number 7"
    # shorter file, new inode
    tmp = tmp_path / "new.csv"
    tmp.write_text(HEADER + csv_line(first), encoding="utf-8")
    os.replace(tmp, path)
    assert [s.id for s in reader.snapshot().summaries] == [first.id]
    assert reader.get([first.id])[first.id] == first


def test_snapshot_holds_no_full_texts() -> None:
    from records.store import RecordSummary

    assert not {"summary_nl", "summary_en", "source", "change_note"} & set(RecordSummary._fields)
