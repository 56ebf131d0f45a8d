"""``CsvStore``: obstacles.csv plus its append-only history, safe for many writers.

Every write takes an inter-process file lock (``filelock``) so that several Streamlit
servers sharing the files never lose each other's records. Adding a record is one
``O_APPEND`` write of the complete row followed by ``fsync``; changing a row rewrites the
file through a temporary file, ``fsync`` and ``os.replace``. Either way a crash leaves the
file as it was before or as it is after, never half-written. Rows that fail validation are
reported with their line number and are carried through rewrites byte for byte.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import io
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock

from records.model import COLUMNS, Record, RecordError
from records.vocab import Status

HISTORY_COLUMNS = ("record_id", "changed_at", "changed_by", "from_status", "to_status", "note")
LOCK_TIMEOUT_S = 30


class StoreError(Exception):
    """A write could not be carried out; the message says why, and nothing was changed."""


@dataclass(frozen=True)
class RowProblem:
    """A row of the CSV file that could not be read as a record."""

    line: int
    reason: str
    record_id: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a record: who, when, from which status to which, and why."""

    record_id: str
    changed_at: str
    changed_by: str
    from_status: str
    to_status: str
    note: str


@dataclass(frozen=True)
class LoadResult:
    """The valid records of a file and the problems of the rows that were skipped."""

    records: tuple[Record, ...]
    problems: tuple[RowProblem, ...] = field(default=())


@dataclass(frozen=True)
class _RawRow:
    line: int
    end: int
    fields: list[str]
    source: list[str] = field(repr=False)  # all lines of the file, shared by every row

    @property
    def text(self) -> str:
        """The row exactly as it stands in the file (joined only when a rewrite needs it)."""
        return "".join(self.source[self.line - 1 : self.end])


def _csv_line(values: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(list(values))
    return buffer.getvalue()


def _split_rows(text: str) -> Iterator[_RawRow]:
    """Yield each CSV record with its first line number and its exact source text."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines))
    consumed = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start = consumed + 1
            consumed = reader.line_num
            yield _RawRow(start, consumed, [f"\0csv error: {exc}"], lines)
            continue
        start, consumed = consumed + 1, reader.line_num
        yield _RawRow(start, consumed, fields, lines)


class CsvStore:
    """The records file and its history file.

    Parameters
    ----------
    path : path of ``obstacles.csv``; the history lives beside it as
        ``<stem>_history.csv`` and the lock as ``<name>.lock``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> store = CsvStore(pathlib.Path(tempfile.mkdtemp()) / "obstacles.csv")
    >>> store.load().records
    ()
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.history_path = self.path.with_name(f"{self.path.stem}_history.csv")
        self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)

    # -- reading ------------------------------------------------------------------------

    def mtime_ns(self) -> int:
        """Return a value that changes whenever either file changes (a cache key)."""
        stamps = [p.stat().st_mtime_ns + p.stat().st_size for p in (self.path, self.history_path) if p.exists()]
        return sum(stamps)

    def load(self, known_feature_ids: Iterable[str] | None = None, today: dt.date | None = None) -> LoadResult:
        """Read and validate every row; invalid rows are skipped and reported, never changed."""
        known = None if known_feature_ids is None else frozenset(known_feature_ids)
        today = today or dt.date.today()
        records: list[Record] = []
        problems: list[RowProblem] = []
        seen: set[str] = set()
        with _gc_paused():  # many small objects: collector passes took a third of the load time
            for row in self._raw_rows():
                result = self._read_row(row, known, today, seen)
                if isinstance(result, Record):
                    seen.add(result.id)
                    records.append(result)
                else:
                    problems.append(result)
        return LoadResult(tuple(records), tuple(problems))

    def _read_row(
        self, row: _RawRow, known: frozenset[str] | None, today: dt.date | None, seen: set[str]
    ) -> Record | RowProblem:
        problem = self._check_shape(row)
        if problem is not None:
            return problem
        try:
            record = Record.from_row(dict(zip(COLUMNS, row.fields, strict=True)), known, today)
        except RecordError as exc:
            return RowProblem(row.line, str(exc), row.fields[0])
        if record.id in seen:
            return RowProblem(row.line, f"duplicate id {record.id!r}", record.id)
        return record

    def history(self, record_id: str | None = None) -> list[HistoryEntry]:
        """Return the recorded changes, oldest first, optionally of one record only."""
        if not self.history_path.exists():
            return []
        with self.history_path.open(encoding="utf-8", newline="") as handle:
            entries = [HistoryEntry(**row) for row in csv.DictReader(handle) if len(row) == len(HISTORY_COLUMNS)]
        return [e for e in entries if record_id is None or e.record_id == record_id]

    def history_by_record(self) -> dict[str, tuple[HistoryEntry, ...]]:
        """Return every record's changes, oldest first, keyed by record id."""
        grouped: dict[str, list[HistoryEntry]] = {}
        for entry in self.history():
            grouped.setdefault(entry.record_id, []).append(entry)
        return {record_id: tuple(entries) for record_id, entries in grouped.items()}

    def _raw_rows(self) -> list[_RawRow]:
        """Return every row after the header (the header itself is ``_header_and_rows()[0]``)."""
        return self._header_and_rows()[1]

    def _header_and_rows(self) -> tuple[str, list[_RawRow]]:
        if not self.path.exists():
            return _csv_line(COLUMNS), []
        with self.path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(_split_rows(handle.read()))
        if not rows:
            return _csv_line(COLUMNS), []
        if rows[0].fields != list(COLUMNS):
            raise StoreError(f"{self.path.name}: the first line must be the header {','.join(COLUMNS)}")
        return _ensure_newline(rows[0].text), rows[1:]

    @staticmethod
    def _check_shape(row: _RawRow) -> RowProblem | None:
        if row.fields and row.fields[0].startswith("\0csv error"):
            return RowProblem(row.line, row.fields[0][1:])
        if len(row.fields) != len(COLUMNS):
            return RowProblem(
                row.line,
                f"expected {len(COLUMNS)} columns, found {len(row.fields)}",
                row.fields[0] if row.fields else "",
            )
        return None

    # -- writing ------------------------------------------------------------------------

    def add(self, record: Record, changed_by: str = "") -> Record:
        """Append a new, already validated record and log its creation."""
        with self._lock:
            self._ensure_header()
            if self._has_id(record.id):
                raise StoreError(f"a record with id {record.id!r} already exists")
            self._append(self.path, _csv_line(record.to_row().values()))
            self._log(record.id, changed_by or record.reported_by, "", record.status.value, "created")
        return record

    def change_status(
        self,
        record_id: str,
        new_status: Status | str,
        note: str,
        changed_by: str = "",
        today: dt.date | None = None,
    ) -> Record:
        """Move a record along its lifecycle, add a dated note to the history, return it."""
        new_status = Status.parse(new_status) if isinstance(new_status, str) else new_status
        note = note.strip()
        if not note:
            raise StoreError("a status change needs a note explaining it")
        if len(note) > 1000:
            raise StoreError("the note is too long (at most 1000 characters)")
        today = today or dt.date.today()
        with self._lock:
            header, rows = self._header_and_rows()
            target = next((r for r in rows if r.fields and r.fields[0] == record_id), None)
            if target is None or self._check_shape(target) is not None:
                raise StoreError(f"no readable record with id {record_id!r}")
            try:
                old = Record.from_row(dict(zip(COLUMNS, target.fields, strict=True)), today=today)
            except RecordError as exc:
                raise StoreError(f"record {record_id!r} cannot be changed until its row is fixed: {exc}") from None
            if new_status not in old.status.allowed_next():
                allowed = ", ".join(s.value for s in old.status.allowed_next()) or "none"
                raise StoreError(f"cannot move from {old.status.value} to {new_status.value}; allowed: {allowed}")
            new = old.model_copy(update={"status": new_status, "updated_on": today})
            body = "".join(_csv_line(new.to_row().values()) if r is target else _ensure_newline(r.text) for r in rows)
            self._replace(header + body)
            self._log(record_id, changed_by, old.status.value, new_status.value, note)
        return new

    def _has_id(self, record_id: str) -> bool:
        # A byte search, not a parse: ids are [a-z0-9-] and always the first column.
        if not self.path.exists():
            return False
        return f"\n{record_id},".encode() in b"\n" + self.path.read_bytes()

    def _ensure_header(self) -> None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            self._replace(_csv_line(COLUMNS))

    def _log(self, record_id: str, changed_by: str, from_status: str, to_status: str, note: str) -> None:
        if not self.history_path.exists():
            self._append(self.history_path, _csv_line(HISTORY_COLUMNS))
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._append(self.history_path, _csv_line((record_id, stamp, changed_by, from_status, to_status, note)))

    @staticmethod
    def _append(path: Path, text: str) -> None:
        data = text.encode("utf-8")
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if os.fstat(fd).st_size and not _ends_with_newline(path):
                data = b"\n" + data
            written = os.write(fd, data)  # one write: a crash cannot leave half a row
            if written != len(data):
                raise StoreError(f"short write to {path.name}: {written} of {len(data)} bytes")
            os.fsync(fd)
        finally:
            os.close(fd)

    def _replace(self, text: str) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _ensure_newline(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
