"""CsvStore: bad rows are reported and left alone; writes survive concurrency and kill -9."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from records import COLUMNS, CsvStore, Record, Status, StoreError

ROOT = Path(__file__).resolve().parents[1]
KNOWN = {"border:nl-be", "border:nl-de"}
HEADER = ",".join(COLUMNS) + "\n"
GOOD = (
    "g-1,obstacle,Good row,A valid summary of an obstacle.,tax,NL-DE,border:nl-de,reported,,,,"
    "Kamerstuk 32 851,2020-07-13,2020-07-13,\n"
)


TODAY = dt.date(2026, 1, 15)  # a fixed "today": no test depends on the calendar


def draft(n: int = 0, **changes: str) -> Record:
    fields = {
        "kind": "obstacle",
        "title": f"Obstacle number {n}",
        "summary": 'Text with a comma, "quotes",\na newline and ü ë ł 🚌.',
        "theme": "labour",
        "border": "NL-BE",
        "feature_ids": "border:nl-be",
        "status": "reported",
        "source": "https://example.org/a?b=1",
        **changes,
    }
    return Record.create(fields, KNOWN, today=TODAY)


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("b-1,obstacle,Too few columns\n", "expected 15 columns, found 3"),
        (
            "b-2,obstacle,Title,A valid summary here.,tax,NL-DE,border:nl-de,lost,,,,src,2020-07-13,2020-07-13,\n",
            "not a known status",
        ),
        (
            "b-3,obstacle,Title,A valid summary here.,sports,NL-DE,border:nl-de,reported,,,,src,"
            "2020-07-13,2020-07-13,\n",
            "not a known theme",
        ),
        (
            "b-4,obstacle,Title,A valid summary here.,tax,NL-DE,border:nl-de,reported,,,,src,13/07/2020,2020-07-13,\n",
            "not a date",
        ),
        (
            "b-5,obstacle,Title,A valid summary here.,tax,NL-DE,port:nowhere,reported,,,,src,2020-07-13,2020-07-13,\n",
            "unknown feature id",
        ),
        (GOOD.replace("g-1", "g-1", 1), "duplicate id"),
    ],
)
def test_bad_row_is_reported_skipped_and_left_untouched(tmp_path: Path, bad_row: str, reason: str) -> None:
    path = tmp_path / "obstacles.csv"
    path.write_text(HEADER + GOOD + bad_row, encoding="utf-8")
    store = CsvStore(path)
    result = store.load(KNOWN)
    assert [r.id for r in result.records] == ["g-1"]
    (problem,) = result.problems
    assert problem.line == 3
    assert reason in problem.reason
    # A write elsewhere in the file carries the bad row through byte for byte.
    store.add(draft())
    store.change_status("g-1", "assessing", "checked with the tax office")
    assert bad_row in path.read_text(encoding="utf-8")
    assert len(store.load(KNOWN).problems) == 1


def test_line_numbers_count_physical_lines(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    store = CsvStore(path)
    store.add(draft(1))  # its summary spans two lines
    with path.open("a", encoding="utf-8") as handle:
        handle.write("broken,row\n")
    (problem,) = store.load(KNOWN).problems
    assert problem.line == 4


def test_rows_written_read_back_identically(tmp_path: Path) -> None:
    store = CsvStore(tmp_path / "obstacles.csv")
    written = [
        store.add(draft(i, title=t))
        for i, t in enumerate(['=HYPERLINK("http://x","y")', "<script>alert(1)</script>", "Ærø 🎉"])
    ]
    assert list(store.load(KNOWN).records) == written


def test_status_change_follows_lifecycle_and_keeps_history(tmp_path: Path) -> None:
    store = CsvStore(tmp_path / "obstacles.csv")
    record = store.add(draft(), changed_by="GIP Aachen")
    with pytest.raises(StoreError, match="cannot move from reported to solved"):
        store.change_status(record.id, Status.SOLVED, "too quick")
    with pytest.raises(StoreError, match="needs a note"):
        store.change_status(record.id, Status.ASSESSING, "  ")
    later = TODAY + dt.timedelta(days=3)
    changed = store.change_status(record.id, Status.ASSESSING, "picked up by BZK", "Planner A", today=later)
    assert changed.status is Status.ASSESSING and changed.updated_on == later
    assert store.load(KNOWN).records[0].status is Status.ASSESSING
    history = store.history(record.id)
    assert [(h.from_status, h.to_status, h.changed_by) for h in history] == [
        ("", "reported", "GIP Aachen"),
        ("reported", "assessing", "Planner A"),
    ]
    assert history[1].note == "picked up by BZK"


def test_unknown_record_cannot_be_changed(tmp_path: Path) -> None:
    store = CsvStore(tmp_path / "obstacles.csv")
    with pytest.raises(StoreError, match="no readable record"):
        store.change_status("nope", Status.ASSESSING, "note")


# -- concurrency ---------------------------------------------------------------------------

WRITERS = 20
RECORDS_EACH = 50


def _writer(path: str, writer: int) -> None:
    store = CsvStore(path)
    for n in range(RECORDS_EACH):
        store.add(draft(n, title=f"writer {writer} record {n}"))


def test_many_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    ctx = multiprocessing.get_context("spawn")
    processes = [ctx.Process(target=_writer, args=(str(path), w)) for w in range(WRITERS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=300)
        assert p.exitcode == 0
    result = CsvStore(path).load(KNOWN)
    assert result.problems == ()
    titles = {r.title for r in result.records}
    assert len(result.records) == WRITERS * RECORDS_EACH
    assert titles == {f"writer {w} record {n}" for w in range(WRITERS) for n in range(RECORDS_EACH)}
    assert len({r.id for r in result.records}) == WRITERS * RECORDS_EACH


# -- crash safety --------------------------------------------------------------------------

CRASH_WRITER = """
import sys
sys.path.insert(0, {root!r})
from tests.test_store import draft
from records import CsvStore, Status
store = CsvStore({path!r})
n = 0
while True:
    record = store.add(draft(n))
    store.change_status(record.id, Status.ASSESSING, "note " + str(n))
    n += 1
"""


def test_kill_during_writes_never_leaves_a_torn_file(tmp_path: Path) -> None:
    path = tmp_path / "obstacles.csv"
    script = CRASH_WRITER.format(root=str(ROOT), path=str(path))
    previous = 0
    for attempt in range(25):
        proc = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(0.4 + (attempt % 5) * 0.07)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        result = CsvStore(path).load(KNOWN)
        assert result.problems == (), f"attempt {attempt}: {result.problems}"
        assert len(result.records) >= previous
        previous = len(result.records)
    assert previous > 0
    assert CsvStore(path).history(), "the history file survived too"
