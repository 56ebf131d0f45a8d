"""The stores under damage, many processes and kill -9: nothing that loaded is ever lost.

The many-writer tests run against both backends (the CSV file and PostgreSQL); damage and kill -9
of the file are the CSV store's (PostgreSQL's kill tests are in ``tests/test_sqlstore.py``).
Fast on purpose: writers are forked (no interpreter start-up), and the kill test kills as soon
as the file has grown instead of after a fixed sleep.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records import COLUMNS, Actor, CsvStore, Status, StoreError, fixed_clock
from records.csvsplit import Damage, Row, split
from records.model import MULTILINE_COLUMNS
from tests.test_store import EDITOR, KNOWN, csv_line, draft

CLOCK = fixed_clock(dt.datetime(2026, 1, 15, 12, 0))


def _store(path: Path | str) -> CsvStore:
    return CsvStore(path, clock=CLOCK, known_feature_ids=KNOWN)


def _valid_file() -> bytes:
    rows = [",".join(COLUMNS) + "\n"]
    for n in range(6):
        summary = f"Summary {n} over\ntwo lines, with a comma." if n % 2 else f"Summary {n}, one line."
        rows.append(csv_line(draft(n, summary_en=summary, title_en=f'Title "{n}" here')))
    return "".join(rows).encode()


VALID = _valid_file()
DAMAGE = {
    "cut": lambda data, at: data[:at],
    "stray_quote": lambda data, at: data[:at] + b'"' + data[at:],
    "extra_column": lambda data, at: data[:at] + b"," + data[at:],
    "lost_column": lambda data, at: data[:at] + data[at:].replace(b",", b"", 1),
    "crlf": lambda data, at: data[:at] + data[at:].replace(b"\n", b"\r\n", 1),
    "bare_cr": lambda data, at: data[:at] + b"\r" + data[at:],
    "bom": lambda data, at: data[:at] + b"\xef\xbb\xbf" + data[at:],
    "nul": lambda data, at: data[:at] + b"\x00" + data[at:],
}
HEADER_END = VALID.index(b"\n") + 1


def _loaded(store: CsvStore) -> dict[str, tuple]:
    return {s.id: s[:-2] for s in store.snapshot().summaries}  # everything but the locator


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    damage=st.lists(
        st.tuples(st.sampled_from(sorted(DAMAGE)), st.integers(min_value=0, max_value=len(VALID) - HEADER_END)),
        min_size=1,
        max_size=3,
    )
)
def test_damage_then_add_loses_nothing(damage: list[tuple[str, int]]) -> None:
    data = VALID
    for kind, at in damage:
        data = DAMAGE[kind](data, min(HEADER_END + at, len(data)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "obstacles.csv"
        path.write_bytes(data)
        before = _loaded(_store(path))
        new = draft(99, title_en="Added after the damage")
        try:
            _store(path).add(new, EDITOR)
        except StoreError as exc:
            assert exc.message.key in ("store.tail_open", "store.bad_header")
            assert exc.message.text("nl") and path.read_bytes() == data  # refused: nothing written
            added = False
        else:
            added = True
            written = path.read_bytes()
            assert written.startswith(data)  # nothing already in the file was altered
        after = _loaded(_store(path))
        assert {k: v for k, v in after.items() if k in before} == before
        assert set(before) <= set(after)
        if added:
            assert new.id in after
            # and no damage before it reaches into it: it stands on a row boundary for any CSV reader
            # that starts at the last good row (an open quote at the end would have swallowed it)
            multiline = [i for i, column in enumerate(COLUMNS) if column in MULTILINE_COLUMNS]
            items = split(written[HEADER_END:], len(COLUMNS), multiline, first_line=2).items
            (row,) = [i for i in items if isinstance(i, Row) and i.fields[0] == new.id]
            assert not [d for d in items if isinstance(d, Damage) and d.line < row.line <= d.end_line]


# -- many processes --------------------------------------------------------------------------

WRITERS = 20
RECORDS_EACH = 50


def _writer(location: str, writer: int) -> None:
    from records import open_store

    store = open_store(location, clock=CLOCK, known_feature_ids=KNOWN)
    for n in range(RECORDS_EACH):
        record = store.add(draft(n, title_en=f"writer {writer} record {n}"), EDITOR)
        if n % 5 == 0:
            store.change_status(record.id, Status.ASSESSING, f"checked by {writer}", EDITOR, expected_version=1)


@pytest.mark.parametrize("backend", ["csv", "postgres"], indirect=["backend"])
def test_many_processes_lose_nothing(backend: str) -> None:
    from records import open_store

    ctx = multiprocessing.get_context("fork")
    processes = [ctx.Process(target=_writer, args=(backend, w)) for w in range(WRITERS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=120)
        assert p.exitcode == 0
    snapshot = open_store(backend, clock=CLOCK, known_feature_ids=KNOWN).snapshot()
    assert snapshot.problems == ()
    assert len(snapshot) == WRITERS * RECORDS_EACH
    titles = {s.title_en for s in snapshot.summaries}
    assert titles == {f"writer {w} record {n}" for w in range(WRITERS) for n in range(RECORDS_EACH)}
    changed = [s for s in snapshot.summaries if s.status is Status.ASSESSING]
    assert len(changed) == WRITERS * RECORDS_EACH // 5 and {s.version for s in changed} == {2}


# -- crash safety ----------------------------------------------------------------------------

KILLS = 25


def _crash_writer(path: str, journal: str) -> None:
    store = _store(path)
    actor = Actor.local()
    log = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    n = 0
    while True:
        record = store.add(draft(n), actor)
        os.write(log, f"{record.id}\n".encode())  # only after add returned: the record is in the file
        store.change_status(record.id, Status.ASSESSING, f"note {n}", actor, expected_version=1)
        os.write(log, f"{record.id} v2\n".encode())
        n += 1


def _wait_until(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the writer")
        time.sleep(0.0005)


def test_kill_during_writes_never_leaves_a_torn_file(tmp_path: Path) -> None:
    path, journal = tmp_path / "obstacles.csv", tmp_path / "journal"
    ctx = multiprocessing.get_context("fork")
    previous = 0
    for attempt in range(KILLS):
        size = path.stat().st_size if path.exists() else 0
        grow_by = 1 + (attempt % 5) * 700  # kill at different points of the write cycle
        proc = ctx.Process(target=_crash_writer, args=(str(path), str(journal)))
        proc.start()
        _wait_until(lambda s=size, g=grow_by: path.exists() and path.stat().st_size >= s + g)
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        snapshot = _store(path).snapshot()
        assert snapshot.problems == (), f"attempt {attempt}: {snapshot.problems}"
        assert len(snapshot) >= previous
        previous = len(snapshot)
        saved = journal.read_text().splitlines()
        for line in saved[:-1]:  # the last line may be cut by the kill
            record_id, _, version = line.partition(" ")
            assert record_id in snapshot.by_id, f"attempt {attempt}: {record_id} was saved but is gone"
            if version:
                assert snapshot.by_id[record_id].version == 2
    assert previous >= KILLS


def _die_during_append(path: str, change: Callable[[CsvStore], object], cut: Callable[[bytes], bytes]) -> None:
    """A writer whose process dies inside its append, after the kernel took ``cut(data)`` of it.

    Linux may cut a write to a file short between pages when SIGKILL arrives; ``os._exit`` then
    stands in for the kill: nothing after the write runs, as nothing would.
    """
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        real_write(fd, cut(data))
        os._exit(9)

    os.write = write
    change(_store(path))


def _first_row_end(data: bytes) -> int:
    multiline = [i for i, column in enumerate(COLUMNS) if column in MULTILINE_COLUMNS]
    return split(data, len(COLUMNS), multiline).items[0].end


def _add(store: CsvStore) -> object:
    return store.add(draft(7, title_en="Cut short"), EDITOR)


def _merge(store: CsvStore) -> object:
    target, duplicate = (s.id for s in store.snapshot().summaries)
    return store.merge(duplicate, target, "same", EDITOR, {duplicate: 1, target: 1})


@pytest.mark.parametrize(
    ("change", "cut"),
    [
        (_add, lambda data: data[:1]),
        (_add, lambda data: data[: data.index(b"\n") + 1]),  # the file then ends inside a quoted summary
        (_add, lambda data: data[:-3]),  # the last field cut: a whole row to any CSV reader, but not ours
        (_add, lambda data: data[:-1]),  # all but the line end
        (_merge, lambda data: data[: _first_row_end(data)]),  # the first of the write's two rows whole
    ],
    ids=["one-byte", "open-quote", "last-field", "no-line-end", "one-of-two-rows"],
)
def test_a_write_cut_short_is_never_shown_and_is_set_aside_by_the_next_writer(
    tmp_path: Path, change: Callable[[CsvStore], object], cut: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / "obstacles.csv"
    _store(path).add(draft(1), EDITOR)
    _store(path).add(draft(2, title_nl="Dubbel", summary_nl="Dezelfde melding."), Actor.local())
    before, loaded = path.read_bytes(), _loaded(_store(path))
    reader = _store(path)  # a server that read the file before the crash
    reader.snapshot()
    writer = multiprocessing.get_context("fork").Process(target=_die_during_append, args=(str(path), change, cut))
    writer.start()
    writer.join()
    assert writer.exitcode == 9
    torn = path.read_bytes()[len(before) :]
    assert torn

    for store in (reader, _store(path)):
        assert _loaded(store) == loaded and store.snapshot().problems == ()
    assert path.read_bytes() == before + torn  # readers write nothing

    added = _store(path).add(draft(8, title_en="After the crash"), EDITOR)
    assert path.read_bytes().startswith(before)
    (kept,) = tmp_path.glob("obstacles.csv.torn-*")
    assert kept.read_bytes() == torn  # moved out, not deleted
    notice = (0, "problem.torn", {"file": kept.name, "bytes": len(torn)})
    for store in (reader, _store(path)):
        assert _loaded(store).keys() == {*loaded, added.id}
        assert [(p.line, p.message.key, p.message.values) for p in store.snapshot().problems] == [notice]
    assert not (tmp_path / ".obstacles.csv.appending").exists()

    kept.unlink()  # looked at and removed: the notice goes without a write
    assert all(store.snapshot().problems == () for store in (reader, _store(path)))


def test_a_writer_that_dies_after_its_whole_write_keeps_its_row(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    _store(path).add(draft(1), EDITOR)
    writer = multiprocessing.get_context("fork").Process(
        target=_die_during_append, args=(str(path), _add, lambda data: data)
    )
    writer.start()
    writer.join()
    assert writer.exitcode == 9 and (tmp_path / ".obstacles.csv.appending").exists()
    assert {s.title_en for s in _store(path).snapshot().summaries} == {"Obstacle number 1", "Cut short"}
    _store(path).add(draft(8), EDITOR)
    assert len(_store(path).snapshot()) == 3 and not list(tmp_path.glob("obstacles.csv.torn-*"))


@pytest.mark.parametrize("rows", [0, 1])
def test_empty_or_header_only_file_is_fine(tmp_path: Path, rows: int) -> None:
    path = tmp_path / "obstacles.csv"
    path.write_bytes(VALID[: HEADER_END - 1] if rows else b"")  # header without line end, or nothing
    store = _store(path)
    assert len(store.snapshot()) == 0 and store.snapshot().problems == ()
    record = store.add(draft(1), EDITOR)
    assert [s.id for s in _store(path).snapshot().summaries] == [record.id]


# -- two app processes sharing one backend (both backends) ---------------------------------------

APP_PROCESSES = 2
THREADS_EACH = 10


def _backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the records live: a CSV file, or a PostgreSQL database (emptied for this test)."""
    return str(tmp_path / "obstacles.csv") if request.param == "csv" else request.getfixturevalue("pg_url")


def _app_process(location: str, process: int) -> None:
    """One app server: one store shared by ten writer threads (as Streamlit sessions share it)."""
    import threading

    from records import open_store

    store = open_store(location, clock=CLOCK, known_feature_ids=KNOWN)
    failed: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            for n in range(RECORDS_EACH):
                record = store.add(draft(n, title_en=f"writer {w} record {n}"), EDITOR)
                if n % 5 == 0:
                    store.change_status(record.id, Status.ASSESSING, f"checked by {w}", EDITOR, expected_version=1)
        except BaseException as exc:  # pragma: no cover - reported through the exit code
            failed.append(exc)

    threads = [threading.Thread(target=writer, args=(process * THREADS_EACH + t,)) for t in range(THREADS_EACH)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failed:
        raise failed[0]


@pytest.mark.parametrize("backend", ["csv", "postgres"], indirect=["backend"])
def test_two_app_processes_with_ten_writers_each_lose_nothing(backend: str) -> None:
    from records import open_store

    ctx = multiprocessing.get_context("fork")
    processes = [ctx.Process(target=_app_process, args=(backend, p)) for p in range(APP_PROCESSES)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=120)
        assert p.exitcode == 0
    snapshot = open_store(backend, clock=CLOCK, known_feature_ids=KNOWN).snapshot()
    writers = APP_PROCESSES * THREADS_EACH
    assert snapshot.problems == () and len(snapshot) == writers * RECORDS_EACH
    titles = {s.title_en for s in snapshot.summaries}
    assert titles == {f"writer {w} record {n}" for w in range(writers) for n in range(RECORDS_EACH)}
    changed = [s for s in snapshot.summaries if s.status is Status.ASSESSING]
    assert len(changed) == writers * RECORDS_EACH // 5 and {s.version for s in changed} == {2}


@pytest.fixture
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _backend(request, tmp_path)
