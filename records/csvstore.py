"""``CsvStore``: the records file as an append-only log of versions, safe for many writers.

Every change appends the complete new row of the record with ``version + 1`` and who, when and
why (``changed_by``, ``changed_at``, ``change_note``): one ``O_APPEND`` write and ``fsync``, under
an inter-process file lock (``filelock``) and a thread lock. On reading, the highest version of
an id is the current one; older versions are its history (not problems); the same id **and**
version twice is a ``duplicate`` problem. Nothing already in the file is altered by a write.

Before appending, the store checks that the file's tail parses (the last row is not inside an
open quote) and refuses otherwise, naming the line to fix; a missing final line end is added
first. After each write it reads the new rows back from the file at their offset and returns
only when they read back as meant.

A writer killed during its write (Linux may cut a write short between pages when a fatal signal
arrives) would leave part of a row. So before writing, the store notes where its rows go and how
long they are in ``.<name>.appending`` beside the file, and removes the note once they are in.
While a note promises more bytes than the file holds, readers read the file only up to where the
rows were to go: rows that were never confirmed are not shown, and a cut one is no problem to fix.
The next writer moves such bytes out to ``<name>.torn-<UTC time>-…`` (kept, not deleted) and cuts
the file back before it appends.

Reading is incremental: the store remembers the file's identity, how many bytes it has consumed
and the bytes just before that point; on the next call it reads only what was appended. Any other
change (a new inode, a shorter file, different bytes before the offset, a new header) means a
full rescan. So adding or changing a record costs the same at 1,000 or 100,000 records.

A file in the old 15-column format (see :mod:`records.model`) loads as it is. The first write
upgrades it once, atomically (temporary file, ``fsync``, ``os.replace``), after keeping the
original as ``<name>.bak-<UTC stamp>``; rows that do not parse are carried over verbatim. An old
``<stem>_history.csv`` beside it is read into :meth:`CsvStore.history`, never written.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import datetime as dt
import gc
import io
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from filelock import FileLock, Timeout

from i18n import Message
from records import csvsplit
from records.access import Action, Actor, initial_review, require
from records.clock import Clock, stamp, system_clock
from records.errors import RecordError, StoreError
from records.model import COLUMNS, MULTILINE_COLUMNS, Record, legacy_to_current
from records.store import (
    EDITABLE_FIELDS,
    HistoryEntry,
    Interner,
    RecordSummary,
    RowProblem,
    Snapshot,
    attribution,
    conflict,
    first_status,
    history_entry,
    merged_fields,
)
from records.vocab import Review, Status

__all__ = ["CsvStore"]

T = TypeVar("T")

LEGACY_HISTORY_COLUMNS = ("record_id", "changed_at", "changed_by", "from_status", "to_status", "note")
REQUIRED_COLUMNS = ("id", "kind", "status", "theme", "border", "feature_ids", "source", "reported_on", "updated_on")
NOTE_LIMIT = 1000
FINGERPRINT_BYTES = 64 * 1024
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class _Header:
    names: tuple[str, ...]
    newline: str  # "\n" or "\r\n", as the header line ends
    start: int  # byte offset of the first row
    raw: bytes  # the bytes up to ``start`` (BOM and header line)

    @property
    def current(self) -> bool:
        return self.names == COLUMNS

    @property
    def usable(self) -> bool:
        names = set(self.names)
        texts = {"title_nl", "title_en", "title"} & names
        return bool(texts) and all(c in names for c in REQUIRED_COLUMNS)

    @property
    def multiline(self) -> frozenset[int]:
        return frozenset(i for i, name in enumerate(self.names) if name in MULTILINE_COLUMNS)


_NEW_HEADER = _Header(COLUMNS, "\n", 0, b"")


@dataclass
class _Index:
    """What the store knows of the file: summaries of current versions, all version locations, problems."""

    identity: tuple[int, int] = (0, 0)
    size: int = 0
    mtime_ns: int = 0
    header: _Header = _NEW_HEADER
    final: int = 0  # bytes read for good (rows after it may still change)
    final_line: int = 1
    fingerprint: bytes = b""  # the bytes just before ``final``
    current: dict[str, RecordSummary] = field(default_factory=dict)
    versions: dict[str, tuple[tuple[int, int, int], ...]] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    open_quote: int | None = None
    exists: bool = False
    # record id -> ids of the records merged into it (their histories belong to its history)
    merged_by: dict[str, frozenset[str]] = field(default_factory=dict)

    def copy(self) -> _Index:
        return _Index(
            self.identity,
            self.size,
            self.mtime_ns,
            self.header,
            self.final,
            self.final_line,
            self.fingerprint,
            dict(self.current),
            dict(self.versions),
            list(self.problems),
            self.open_quote,
            self.exists,
            dict(self.merged_by),
        )


class CsvStore:
    """The records file (an append-only log of versions) behind the :class:`~records.store.RecordStore` interface.

    Parameters
    ----------
    path : the records file (``obstacles.csv``); the lock is ``<name>.lock`` beside it.
    clock : where "now" comes from (``changed_at``, and "today" for date checks).
    known_feature_ids : when given, rows linking to other feature ids are problems, and writes
        that would link to them are refused.
    lock_timeout : seconds to wait for another writer before giving up (nothing is written then).

    Examples
    --------
    >>> import tempfile, pathlib, datetime as dt
    >>> from records.clock import fixed_clock
    >>> from records.access import Actor
    >>> store = CsvStore(pathlib.Path(tempfile.mkdtemp()) / "obstacles.csv",
    ...                  clock=fixed_clock(dt.datetime(2026, 1, 15, 9, 0)))
    >>> len(store.snapshot())
    0
    >>> draft = Record.create({"kind": "obstacle", "title_nl": "Geen verdrag", "summary_nl":
    ...     "Er is geen verdrag over de buslijnen.", "theme": "mobility", "border": "NL-BE",
    ...     "feature_ids": "border:nl-be", "status": "reported", "source": "Kamerstuk 32 851, nr. 69"},
    ...     today=dt.date(2026, 1, 15), record_id="r-1")
    >>> store.add(draft, Actor.local()).changed_at
    '2026-01-15T09:00:00Z'
    >>> store.change_status("r-1", "assessing", "picked up", Actor.local(), expected_version=1).version
    2
    >>> [(h.version, h.action, h.to_status) for h in store.history("r-1")]
    [(1, 'created', 'reported'), (2, 'status', 'assessing')]
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Clock = system_clock,
        known_feature_ids: Iterable[str] | None = None,
        lock_timeout: float = 30,
    ):
        self.path = Path(path)
        self.legacy_history_path = self.path.with_name(f"{self.path.stem}_history.csv")
        self.clock = clock
        self.known_feature_ids = None if known_feature_ids is None else frozenset(known_feature_ids)
        self._file_lock = FileLock(str(self.path) + ".lock", timeout=lock_timeout)
        self._append_note = self.path.with_name(f".{self.path.name}.appending")
        self._mutex = threading.RLock()
        self._index = _Index()  # committed: rows before ``final``
        self._view = self._index  # committed plus the rows after ``final`` (usually the same object)
        self._interner = Interner()
        self._snapshot: Snapshot | None = None
        self._search_cache: tuple[str, tuple[str, ...], frozenset[str]] | None = None
        self._legacy_history: tuple[tuple[int, int], dict[str, list[HistoryEntry]]] | None = None

    def __repr__(self) -> str:
        return f"CsvStore({str(self.path)!r})"

    # -- reading ------------------------------------------------------------------------

    def change_token(self) -> str:
        """Return a value that changes whenever the file (or the old history file) changes, or a
        cut write is set aside beside it or removed."""
        return self._token_and_torn()[0]

    def torn_files(self) -> list[tuple[str, int]]:
        """The writes cut short that a later writer set aside beside the file: (name, bytes), oldest first.

        Each may hold the start of a report that was never saved; they stay until someone removes them.
        """
        prefix = f"{self.path.name}.torn-"
        try:
            with os.scandir(self.path.parent) as entries:
                found = [(e.name, e.stat().st_size) for e in entries if e.name.startswith(prefix) and e.is_file()]
        except FileNotFoundError:
            return []
        return sorted(found)  # the name begins with the UTC time it was set aside

    def _token_and_torn(self) -> tuple[str, list[tuple[str, int]]]:
        """The change token and the files set aside it names, from one look at the folder."""
        parts = []
        for path in (self.path, self.legacy_history_path):
            try:
                st = os.stat(path)
            except FileNotFoundError:
                parts.append("-")
            else:
                parts.append(f"{st.st_ino}.{st.st_size}.{st.st_mtime_ns}")
        torn = self.torn_files()
        return ":".join(parts + [name for name, _size in torn]), torn

    def snapshot(self) -> Snapshot:
        """Return the summaries of every current record, the problems and the change token.

        The problems are the cut writes set aside (line 0: in no line of the file), then the rows
        that could not be read, in file order.
        """
        with self._mutex:
            token, torn = self._token_and_torn()
            if self._snapshot is not None and self._snapshot.token == token:
                return self._snapshot
            view = self._refresh()
            kept = [RowProblem(0, Message("problem.torn", {"file": n, "bytes": size})) for n, size in torn]
            problems = (*kept, *sorted(view.problems, key=lambda p: p.line))
            self._snapshot = Snapshot(tuple(view.current.values()), problems, token)
            return self._snapshot

    def get(self, ids: Iterable[str]) -> dict[str, Record]:
        """Return the full current record for each known id in ``ids``."""
        ids = list(dict.fromkeys(ids))

        def read(view: _Index) -> dict[str, Record]:
            wanted = [view.current[i] for i in ids if i in view.current]
            records = self._read_records(view, [(s.locator, s.end) for s in wanted])
            return {s.id: record for s, record in zip(wanted, records, strict=True) if record}

        return self._reading(read)

    def history(self, record_id: str) -> list[HistoryEntry]:
        """Return every version of the record, and of the records merged into it, oldest first.

        Entries from an old-format history file come first (they happened before the upgrade).
        """

        def read(view: _Index) -> list[HistoryEntry]:
            ids = [record_id, *sorted(view.merged_by.get(record_id, ()))]
            legacy = self._legacy_entries()
            entries: list[HistoryEntry] = []
            for rid in ids:
                entries.extend(legacy.get(rid, ()))
                versions = sorted(view.versions.get(rid, ()))
                previous = None
                for record in self._read_records(view, [(start, end) for _, start, end in versions]):
                    if record is None:
                        continue
                    if not (record.version == 1 and legacy.get(rid) and not record.changed_at):
                        entries.append(history_entry(previous, record))
                    previous = record
            entries.sort(key=lambda e: (e.version != 0, e.changed_at, e.record_id != record_id, e.version))
            return entries

        return self._reading(read)

    def search(self, text: str) -> set[str]:
        """Return the ids of current records whose text holds every word of ``text`` (any case)."""
        words = tuple(text.lower().split())
        with self._mutex:
            view = self._refresh()
            if not words:
                return set(view.current)
            token = self.change_token()
            if self._search_cache and self._search_cache[:2] == (token, words):
                return set(self._search_cache[2])
            names = view.header.names
            searched = [i for i, name in enumerate(names) if name in _SEARCHED]
            # A byte scan of each current row first (ASCII words, ASCII case folded: C speed), then
            # the exact check on the parsed fields of the rows that pass it.
            quick = [w.encode() for w in words if w.isascii()]
            data = self._read_from(0).lower()
            found = set()
            for summary in view.current.values():
                chunk = data[summary.locator : summary.end]
                if not all(w in chunk for w in quick):
                    continue
                fields = next(csv.reader(io.StringIO(chunk.decode("utf-8", "replace"), newline="")), [])
                if len(fields) != len(names):
                    continue
                haystack = " ".join(fields[i] for i in searched).lower()
                if all(word in haystack for word in words):
                    found.add(summary.id)
            self._search_cache = (token, words, frozenset(found))
            return found

    # -- writing ------------------------------------------------------------------------

    def add(self, record: Record, actor: Actor) -> Record:
        """Append a new record as version 1: published when an editor adds it, pending for a reporter."""
        require(actor, Action.ADD)
        with self._writing() as view:
            if record.id in view.versions:
                raise StoreError(Message("store.duplicate_id", {"id": record.id}))
            moment = stamp(self.clock())
            row = record.to_row() | {
                "version": "1",
                "review": initial_review(actor).value,
                "created_by": actor.id,
                "changed_at": moment,
                "merged_into": "",
                **attribution(actor),
            }
            stored = self._validate(row, self._today())
            self._append(view, [stored])
            return stored

    def change_status(
        self,
        record_id: str,
        new_status: Status | str,
        note: str,
        actor: Actor,
        expected_version: int,
        today: dt.date | None = None,
    ) -> Record:
        """Move a published record along its lifecycle with a note; return the new version."""
        require(actor, Action.CHANGE_STATUS)
        new_status = Status.parse(new_status) if isinstance(new_status, str) else new_status
        note = _note(note, required=True)
        today = today or self._today()
        with self._writing() as view:
            current = self._current(view, record_id, expected_version)
            if current.review is not Review.PUBLISHED:
                raise StoreError(Message("store.not_published", {"id": record_id, "review": current.review.value}))
            if new_status not in current.status.allowed_next():
                allowed = ", ".join(s.value for s in current.status.allowed_next()) or "-"
                raise StoreError(
                    Message(
                        "store.lifecycle", {"old": current.status.value, "new": new_status.value, "allowed": allowed}
                    )
                )
            new = self._next(current, actor, note, today, {"status": new_status.value})
            self._append(view, [new])
            return new

    def edit(
        self,
        record_id: str,
        changes: Mapping[str, str],
        note: str,
        actor: Actor,
        expected_version: int,
        today: dt.date | None = None,
    ) -> Record:
        """Change texts, translations, links, source, theme or dates; return the new version."""
        require(actor, Action.EDIT)
        for name in changes:
            if name not in EDITABLE_FIELDS:
                raise StoreError(Message("store.not_editable", {"field": name}))
        note = _note(note, required=False)
        today = today or self._today()
        cleaned = {
            k: v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v for k, v in changes.items()
        }
        with self._writing() as view:
            current = self._current(view, record_id, expected_version)
            new = self._next(current, actor, note, today, cleaned)
            self._append(view, [new])
            return new

    def review(
        self,
        record_id: str,
        accept: bool,
        note: str,
        actor: Actor,
        expected_version: int,
        today: dt.date | None = None,
    ) -> Record:
        """Accept a pending report (published, status ``reported``/``planned``) or reject it with a reason."""
        require(actor, Action.REVIEW)
        note = _note(note, required=not accept)
        today = today or self._today()
        with self._writing() as view:
            current = self._current(view, record_id, expected_version)
            if current.review is not Review.PENDING:
                raise StoreError(Message("store.not_pending", {"id": record_id, "review": current.review.value}))
            if accept:
                changes = {"review": "published", "status": first_status(current.kind).value, "review_note": ""}
            else:
                changes = {"review": "rejected", "review_note": note}
            new = self._next(current, actor, note, today, changes)
            self._append(view, [new])
            return new

    def merge(
        self,
        duplicate_id: str,
        into_id: str,
        note: str,
        actor: Actor,
        expected_versions: Mapping[str, int],
        today: dt.date | None = None,
    ) -> Record:
        """Merge ``duplicate_id`` into ``into_id`` (links, borders and missing texts carried over) in one write."""
        require(actor, Action.MERGE)
        if duplicate_id == into_id:
            raise StoreError(Message("store.merge_self"))
        note = _note(note, required=False)
        today = today or self._today()
        with self._writing() as view:
            duplicate = self._current(view, duplicate_id, expected_versions.get(duplicate_id, 0))
            target = self._current(view, into_id, expected_versions.get(into_id, 0))
            if target.review is not Review.PUBLISHED:
                raise StoreError(Message("store.not_published", {"id": into_id, "review": target.review.value}))
            if duplicate.review not in (Review.PENDING, Review.PUBLISHED):
                raise StoreError(Message("store.not_pending", {"id": duplicate_id, "review": duplicate.review.value}))
            if duplicate.kind is not target.kind:
                raise StoreError(
                    Message(
                        "store.kind_mismatch",
                        {
                            "id": duplicate_id,
                            "kind": duplicate.kind.value,
                            "other": into_id,
                            "other_kind": target.kind.value,
                        },
                    )
                )
            merged = self._next(duplicate, actor, note, today, {"review": "merged", "merged_into": into_id})
            grown = self._next(target, actor, note or f"merged {duplicate_id}", today, merged_fields(target, duplicate))
            self._append(view, [merged, grown])
            return grown

    # -- moving between backends (python -m records import/export) --------------------------

    @property
    def label(self) -> str:
        """A short name for messages: the file's name."""
        return self.path.name

    def versions(self) -> tuple[list[tuple[int, Record]], tuple[RowProblem, ...]]:
        """Return every readable version of every record with its line, in file order, and the row problems."""

        def read(view: _Index) -> tuple[list[tuple[int, Record]], tuple[RowProblem, ...]]:
            spans = sorted((start, end) for entries in view.versions.values() for _, start, end in entries)
            found = self._read_records(view, spans)
            data = self._read_from(0)[: spans[-1][0]] if spans else b""
            lines, line, position = [], 1, 0
            for start, _ in spans:
                line += data.count(b"\n", position, start)
                position = start
                lines.append(line)
            out = [(n, r) for n, r in zip(lines, found, strict=True) if r is not None]
            return out, tuple(sorted(view.problems, key=lambda p: p.line))

        return self._reading(read)

    def legacy_history(self) -> list[HistoryEntry]:
        """Return the entries of an old-format ``<stem>_history.csv`` beside the file (read, never written)."""
        return [entry for entries in self._legacy_entries().values() for entry in entries]

    def import_versions(
        self, versions: list[tuple[int, Record]], legacy: list[HistoryEntry] | None = None
    ) -> tuple[int, int, list[RowProblem]]:
        """Append ``versions`` (each with its source line) in one write, as :meth:`SqlStore.import_versions`.

        A version already in the file identically is skipped; one that differs, or is older than
        the current version, is a problem and left out. Old-format history entries are written to
        ``<stem>_history.csv`` when there is none yet. Returns (added, already present, problems).
        """
        from records import transfer

        with self._writing() as view:
            existing, _ = self.versions()
            stored = {(r.id, r.version): r for _, r in existing}
            current: dict[str, Record] = {}
            for _, record in existing:
                if record.version > getattr(current.get(record.id), "version", 0):
                    current[record.id] = record
            plan = transfer.plan_import(versions, stored, current, self.label)
            if plan.versions:
                self._append(view, [record for _, record in plan.versions])
            if legacy and not self.legacy_history_path.exists():
                rows = [_csv_line(LEGACY_HISTORY_COLUMNS, "\n")]
                rows += [
                    _csv_line((e.record_id, e.changed_at, e.actor_name, e.from_status, e.to_status, e.note), "\n")
                    for e in legacy
                ]
                _replace_atomically(self.legacy_history_path, "".join(rows).encode("utf-8"))
            return len(plan.versions), plan.present, plan.problems

    # -- internals: refresh -------------------------------------------------------------

    def _reading(self, read: Callable[[_Index], T]) -> T:
        """Run ``read`` on a fresh view; once more after a full rescan if the file was replaced meanwhile."""
        with self._mutex:
            for _attempt in range(2):
                try:
                    return read(self._refresh())
                except _Stale:
                    self._index = self._view = _Index()
            raise StoreError(Message("store.replaced", {"file": self.path.name}))

    def _today(self) -> dt.date:
        return self.clock().date()

    def _refresh(self, *, locked: bool = False) -> _Index:
        """Bring the index up to date with the file, reading only appended bytes when possible."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._index = self._view = _Index()
            return self._view
        index = self._index
        identity = (st.st_dev, st.st_ino)
        if st.st_size == 0:
            self._index = self._view = _Index(identity, 0, st.st_mtime_ns, exists=True)
            return self._view
        if index.exists and identity == index.identity and (st.st_size, st.st_mtime_ns) == (index.size, index.mtime_ns):
            return self._view
        with open(self.path, "rb") as handle:
            if not (
                index.exists
                and identity == index.identity
                and st.st_size >= index.final
                and _pread(handle, 0, len(index.header.raw)) == index.header.raw
                and _pread(handle, index.final - len(index.fingerprint), len(index.fingerprint)) == index.fingerprint
            ):
                index = _Index(identity=identity, exists=True)
                handle.seek(0)
                head = handle.read(64 * 1024)
                index.header = _read_header(head)
                index.final = index.header.start
                index.final_line = 2
            handle.seek(index.final)
            data = handle.read()
            size = index.final + len(data)
            st_after = os.fstat(handle.fileno())
            unfinished = self._unfinished_append(size)
            if unfinished is not None and unfinished >= index.final:  # (before it: a note from another file)
                data = data[: unfinished - index.final]
        if not index.header.usable:
            index.problems = [RowProblem(1, Message("problem.header", {"columns": ", ".join(REQUIRED_COLUMNS)}))]
            index.final = index.size = size
            index.mtime_ns = st_after.st_mtime_ns
            index.fingerprint = b""
            self._index = self._view = index
            return index
        with _gc_paused():  # many small objects: collector passes cost a third of a cold read
            view = self._take(index, data, size, st_after.st_mtime_ns, locked)
        if len(data) > _TRIM_AFTER_BYTES:
            del data
            _return_free_memory()
        return view

    def _take(self, index: _Index, data: bytes, size: int, mtime_ns: int, locked: bool) -> _Index:
        """Fold the bytes read from ``index.final`` on into the index; keep what may still change apart."""
        today = self._today()
        chunks = csvsplit.split_chunks(
            data,
            len(index.header.names),
            index.header.multiline,
            newline=index.header.newline,
            first_line=index.final_line,
            offset=index.final,
        )
        # Chunk by chunk, so that a cold read of a large file holds one chunk's rows at a time
        # and the summaries kept are not scattered among the freed texts of all the others.
        for parsed in chunks:
            committed = [item for item in parsed.items if item.offset < parsed.final]
            pending = [item for item in parsed.items if item.offset >= parsed.final]
            parsed.items.clear()  # _apply lets go of each row once folded in: memory is reused as it goes
            self._apply(index, committed, today)
        index.final, index.final_line = parsed.final, parsed.final_line
        index.size, index.mtime_ns = size, mtime_ns
        index.open_quote = None
        with open(self.path, "rb") as handle:
            start = max(index.header.start, index.final - FINGERPRINT_BYTES)
            index.fingerprint = _pread(handle, start, index.final - start)
        self._index = index
        if pending:
            if not locked and self._try_lock():  # a writer may be half-way: look again under the lock
                try:
                    index.size = -1  # read the tail again
                    return self._refresh(locked=True)
                finally:
                    self._file_lock.release()
            view = index.copy()
            self._apply(view, pending, today)
            view.open_quote = parsed.open_quote
            self._view = view
        else:
            self._view = index
        return self._view

    def _try_lock(self) -> bool:
        try:
            self._file_lock.acquire(timeout=2)
        except Timeout:
            return False
        return True

    def _apply(self, index: _Index, items: list[csvsplit.Row | csvsplit.Damage], today: dt.date) -> None:
        """Validate rows and fold them into ``index``: highest version wins, same id+version twice is a problem."""
        names = index.header.names
        expected = len(names)
        known = self.known_feature_ids
        summary = self._interner.summary
        current, versions, problems = index.current, index.versions, index.problems
        for position, item in enumerate(items):
            items[position] = None  # type: ignore[call-overload]  # let go of the row's texts early
            if isinstance(item, csvsplit.Damage):
                problems.append(RowProblem(item.line, _damage_message(item, expected), item.first_field))
                continue
            try:
                record = Record.from_row(dict(zip(names, item.fields, strict=True)), known, today=today)
            except RecordError as exc:
                problems.append(RowProblem(item.line, exc.as_message(), item.fields[0]))
                continue
            seen = versions.get(record.id, ())
            if any(version == record.version for version, _, _ in seen):
                problems.append(
                    RowProblem(
                        item.line, Message("problem.duplicate", {"id": record.id, "version": record.version}), record.id
                    )
                )
                continue
            versions[record.id] = (*seen, (record.version, item.offset, item.end))
            now = current.get(record.id)
            if now is None or record.version > now.version:
                current[record.id] = summary(record, item.offset, item.end)
                before = "" if now is None else now.merged_into
                if before != record.merged_into:
                    if before:
                        index.merged_by[before] = index.merged_by[before] - {record.id}
                    if record.merged_into:
                        index.merged_by[record.merged_into] = index.merged_by.get(record.merged_into, frozenset()) | {
                            record.id
                        }

    def _read_from(self, offset: int) -> bytes:
        with open(self.path, "rb") as handle:
            handle.seek(offset)
            return handle.read()

    def _read_records(self, view: _Index, spans: list[tuple[int, int]]) -> list[Record | None]:
        """Read and validate the rows at ``spans`` (byte ranges) of the file ``view`` describes."""
        if not spans:
            return []
        names = view.header.names
        today = self._today()
        out: list[Record | None] = []
        with open(self.path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if (st.st_dev, st.st_ino) != view.identity:  # replaced meanwhile (an upgrade): read afresh
                raise _Stale
            for start, end in spans:
                parsed = csvsplit.split(_pread(handle, start, end - start), len(names), view.header.multiline)
                rows = [i for i in parsed.items if isinstance(i, csvsplit.Row)]
                try:
                    out.append(Record.from_row(dict(zip(names, rows[0].fields, strict=True)), today=today))
                except (RecordError, IndexError):
                    out.append(None)
        return out

    def _legacy_entries(self) -> dict[str, list[HistoryEntry]]:
        """The entries of an old-format ``<stem>_history.csv``, by record id (read once per change)."""
        try:
            st = os.stat(self.legacy_history_path)
        except FileNotFoundError:
            return {}
        key = (st.st_ino, st.st_mtime_ns + st.st_size)
        if self._legacy_history and self._legacy_history[0] == key:
            return self._legacy_history[1]
        grouped: dict[str, list[HistoryEntry]] = {}
        with self.legacy_history_path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for row in csv.DictReader(handle):
                if set(LEGACY_HISTORY_COLUMNS) <= set(row) and row["record_id"]:
                    entry = HistoryEntry(
                        record_id=row["record_id"],
                        version=0,
                        changed_at=row["changed_at"] or "",
                        actor_id="",
                        actor_name=row["changed_by"] or "",
                        action="created" if not row["from_status"] else "status",
                        from_status=row["from_status"] or "",
                        to_status=row["to_status"] or "",
                        note=row["note"] or "",
                    )
                    grouped.setdefault(entry.record_id, []).append(entry)
        self._legacy_history = (key, grouped)
        return grouped

    # -- internals: writing -------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[_Index]:
        """Hold both locks; make sure the file exists, is current-format and its tail parses."""
        with self._mutex:
            try:
                self._file_lock.acquire()
            except Timeout:
                raise StoreError(Message("store.locked", {"file": self.path.name})) from None
            try:
                yield self._prepare()
            except _Stale:  # replaced by hand while we held the lock: nothing was written
                self._index = self._view = _Index()
                raise StoreError(Message("store.replaced", {"file": self.path.name})) from None
            finally:
                self._file_lock.release()

    def _prepare(self) -> _Index:
        self._set_aside_unfinished_append()
        view = self._refresh(locked=True)
        if not view.exists or view.size == 0:
            _replace_atomically(self.path, _csv_line(COLUMNS, "\n").encode())
            view = self._refresh(locked=True)
        if not view.header.usable:
            raise StoreError(Message("store.bad_header", {"file": self.path.name}))
        if view.open_quote is not None:
            raise StoreError(Message("store.tail_open", {"file": self.path.name, "line": view.open_quote}))
        if not view.header.current:
            self._upgrade(view)
            view = self._refresh(locked=True)
        return view

    def _current(self, view: _Index, record_id: str, expected_version: int) -> Record:
        summary = view.current.get(record_id)
        record = self._read_records(view, [(summary.locator, summary.end)])[0] if summary else None
        if record is None:
            raise StoreError(Message("store.unknown_record", {"id": record_id}))
        if record.version != expected_version:
            raise conflict(record)
        return record

    def _validate(self, row: Mapping[str, str], today: dt.date) -> Record:
        return Record.from_row(row, self.known_feature_ids, today=today)

    def _next(self, current: Record, actor: Actor, note: str, today: dt.date, changes: Mapping[str, str]) -> Record:
        """The next version of ``current`` with ``changes``, attributed to ``actor`` (validated).

        ``today`` becomes ``updated_on``; it is checked against the store's clock like every date,
        so a row is never written that the next read would reject.
        """
        row = current.to_row() | dict(changes)
        row |= {
            "version": str(current.version + 1),
            "updated_on": today.isoformat(),
            "changed_at": stamp(self.clock()),
            "change_note": note,
            **attribution(actor),
        }
        return self._validate(row, self._today())

    def _append(self, view: _Index, records: list[Record]) -> None:
        """Append ``records`` in one write, fsync, read them back, then update the index."""
        newline = view.header.newline
        data = "".join(_csv_line(r.to_row().values(), newline) for r in records).encode("utf-8")
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND)
        try:
            size = os.fstat(fd).st_size
            prefix = newline.encode() if size and os.pread(fd, 1, size - 1) != b"\n" else b""
            data = prefix + data
            # Not fsync'ed: it guards against the process dying, whose writes the kernel still keeps.
            self._append_note.write_text(f"{size} {len(data)}\n", encoding="ascii")
            try:
                written = os.write(fd, data)  # one write: other readers see all of it or none that counts
                if written != len(data):
                    os.ftruncate(fd, size)  # take our own half row back out; nothing else was touched
                    raise StoreError(
                        Message("store.readback", {"id": records[0].id, "file": self.path.name, "line": "?"})
                    )
                os.fsync(fd)
            finally:
                self._append_note.unlink(missing_ok=True)
            back = os.pread(fd, len(data), size)
        finally:
            os.close(fd)
        self._check_readback(back[len(prefix) :], records, view)
        self._refresh(locked=True)

    def _check_readback(self, back: bytes, records: list[Record], view: _Index) -> None:
        parsed = csvsplit.split(back, len(COLUMNS), view.header.multiline, newline=view.header.newline)
        rows = [item.fields for item in parsed.items if isinstance(item, csvsplit.Row)]
        meant = [list(r.to_row().values()) for r in records]
        ok = rows == meant and len(parsed.items) == len(records)
        if ok:
            try:
                ok = [self._validate(dict(zip(COLUMNS, f, strict=True)), self._today()) for f in rows] == records
            except RecordError:
                ok = False
        if not ok:
            line = view.final_line  # close to where the rows went
            raise StoreError(Message("store.readback", {"id": records[0].id, "file": self.path.name, "line": line}))

    def _upgrade(self, view: _Index) -> None:
        """Rewrite an old-format file in the current format once, keeping a backup; bad rows verbatim."""
        data = self.path.read_bytes()
        header = view.header
        newline = header.newline
        parsed = csvsplit.split(
            data[header.start :], len(header.names), header.multiline, newline=newline, offset=header.start
        )
        out = [_csv_line(COLUMNS, newline).encode()]
        position = header.start
        for item in parsed.items:
            if not isinstance(item, csvsplit.Row) or item.offset < position:
                continue
            out.append(data[position : item.offset])  # blank lines and rows that do not parse, verbatim
            row = legacy_to_current(dict(zip(header.names, item.fields, strict=True)))
            out.append(_csv_line(row.values(), newline).encode())
            position = item.end
        out.append(data[position:])
        backup = self.path.with_name(f"{self.path.name}.bak-{self.clock().strftime('%Y%m%dT%H%M%SZ')}")
        try:
            os.link(self.path, backup)
        except OSError:
            import shutil

            shutil.copy2(self.path, backup)
        _replace_atomically(self.path, b"".join(out))

    # -- internals: a write cut short ---------------------------------------------------

    def _read_append_note(self) -> tuple[int, int] | None:
        """Where the last write's rows go and how many bytes they are, while it is under way (or was cut)."""
        try:
            offset, length = (int(n) for n in self._append_note.read_text(encoding="ascii").split())
        except (FileNotFoundError, ValueError, UnicodeDecodeError):  # none, or cut before its write began
            return None
        return offset, length

    def _unfinished_append(self, size: int) -> int | None:
        """Where an append that the file does not hold whole yet begins (``size`` is the file's), if any."""
        note = self._read_append_note()
        if note is None:
            return None
        offset, length = note
        return offset if offset < size < offset + length else None

    def _set_aside_unfinished_append(self) -> None:
        """Under the lock: move the bytes of an append cut short to a file of their own; drop the note."""
        note = self._read_append_note()
        if note is None:
            self._append_note.unlink(missing_ok=True)  # none, or one cut before its write began
            return
        offset, length = note
        with contextlib.suppress(FileNotFoundError):
            fd = os.open(self.path, os.O_RDWR)
            try:
                size = os.fstat(fd).st_size
                if offset < size < offset + length:
                    torn = os.pread(fd, size - offset, offset)
                    when = self.clock().strftime("%Y%m%dT%H%M%SZ")
                    kept, _path = tempfile.mkstemp(dir=self.path.parent, prefix=f"{self.path.name}.torn-{when}-")
                    with os.fdopen(kept, "wb") as handle:
                        handle.write(torn)
                        handle.flush()
                        os.fsync(handle.fileno())
                    os.ftruncate(fd, offset)
                    os.fsync(fd)
            finally:
                os.close(fd)
        self._append_note.unlink(missing_ok=True)


class _Stale(Exception):
    """The file was replaced between reading the index and reading a row."""


_SEARCHED = frozenset(
    {
        "id",
        "title_nl",
        "summary_nl",
        "title_en",
        "summary_en",
        "title",
        "summary",
        "responsible",
        "legal_basis_nl",
        "legal_basis_other",
        "source",
    }
)


def _note(note: str, *, required: bool) -> str:
    note = (note or "").strip()
    if required and not note:
        raise StoreError(Message("store.note_required"))
    if len(note) > NOTE_LIMIT:
        raise StoreError(Message("store.note_too_long", {"limit": NOTE_LIMIT}))
    return note.replace("\r\n", "\n").replace("\r", "\n")


def _damage_message(damage: csvsplit.Damage, expected: int) -> Message:
    values = {"line": damage.line, "end": damage.end_line, "expected": expected, "found": damage.found}
    return Message(f"problem.{damage.kind}", values)


def _read_header(head: bytes) -> _Header:
    start = 3 if head.startswith(_BOM) else 0
    cut = head.find(b"\n", start)
    line = head[start:] if cut < 0 else head[start : cut + 1]
    newline = "\r\n" if line.endswith(b"\r\n") else "\n"
    try:
        names = tuple(name.strip() for name in csvsplit.parse_line(line.decode("utf-8")))
    except (UnicodeDecodeError, csv.Error):
        names = ()
    end = start + len(line)
    return _Header(names, newline, end, head[:end])


def _csv_line(values: Iterable[str], newline: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow(list(values))
    return buffer.getvalue()


def _pread(handle, offset: int, length: int) -> bytes:
    if length <= 0:
        return b""
    return os.pread(handle.fileno(), length, max(offset, 0))


def _replace_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


#: After reading this much at once (a cold start on a large file), give the parser's freed memory back.
_TRIM_AFTER_BYTES = 16 * 1024 * 1024


def _return_free_memory() -> None:
    """Hand the memory freed after a large read back to the system (glibc's malloc_trim; elsewhere nothing).

    The file's bytes and the last chunk's texts are freed by then; without this the server process
    would keep that peak as its resident size (``python -m bench`` measures memory per record).
    """
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the process reuses the memory instead
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
