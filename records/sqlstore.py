"""``SqlStore``: the records in PostgreSQL behind the :class:`~records.store.RecordStore` interface.

SQLAlchemy 2 Core over psycopg 3, with SQLAlchemy's connection pool (one per store, so one per
app server process; it is thread-safe and shared by every session). The tables are described in
:mod:`records.sqlschema` and made by the Alembic migrations in :mod:`records.migrations`.

Writing
-------
Every write is one transaction: lock the record row(s) (``SELECT … FOR UPDATE``), compare the
version the change was based on (a mismatch raises :class:`~records.errors.ConflictError` with
the current record and writes nothing), validate the new version with the same model and rules
as :class:`~records.csvstore.CsvStore`, then bump ``store_state.counter``, update ``records``
and its ``record_features`` and append the version to ``history``. A process killed half-way
leaves nothing behind: the server rolls the open transaction back. Bumping the counter takes a
row lock held until commit, so writes commit in counter order and a reader that has seen counter
*n* has seen every change up to *n* (the snapshot reads only the rows changed since).

Reading
-------
:meth:`SqlStore.snapshot` keeps the summaries it has and reads only the records whose
``changed_seq`` is above the counter it last saw (one REPEATABLE READ transaction, so the rows
and the counter agree). :meth:`SqlStore.change_token` is ``<store uid>:<counter>``, one primary-key
read, cached for ``token_max_age`` seconds so that many sessions polling it cost one query.
Records whose feature links are unknown to the map are reported as problems and left out, as the
CSV store does with such rows.

Schema
------
On first use the store checks the schema: an empty database gets the migrations applied (when
the store's role may create tables; with ``migrate_empty=False`` never); a database at another
migration is refused with a message to run ``python -m records migrate``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import psycopg
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.dialects.postgresql import insert as pg_insert

from i18n import Message
from records.access import Action, Actor, initial_review, require
from records.clock import Clock, stamp, system_clock
from records.csvstore import NOTE_LIMIT
from records.errors import RecordError, StoreError
from records.model import COLUMNS, Record
from records.sqlschema import (
    has_tables,
    head_revision,
    history,
    legacy_history,
    migrate,
    record_features,
    records,
    schema_revision,
    store_state,
)
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
    history_action,
    history_entry,
    merged_fields,
)
from records.vocab import Border, Kind, Review, Status, Theme

__all__ = ["SqlStore", "engine_url", "is_sql_url"]

T = TypeVar("T")

#: Dates read back from the database were checked against the writer's clock when written.
_READ_TODAY = dt.date(9998, 12, 31)
_KINDS = {k.value: k for k in Kind}
_STATUSES = {s.value: s for s in Status}
_REVIEWS = {r.value: r for r in Review}
_THEMES = {t.value: t for t in Theme}
_BORDERS = {
    "NL-BE": (Border.NL_BE,),
    "NL-DE": (Border.NL_DE,),
    "NL-BE;NL-DE": (Border.NL_BE, Border.NL_DE),
}
_VERSION_COLUMNS = tuple(c.name for c in history.columns if c.name in records.columns and c.name != "id")


def is_sql_url(location: str) -> bool:
    """True for a PostgreSQL URL (``postgresql://``, ``postgresql+psycopg://``, ``postgres://``).

    >>> is_sql_url("postgresql://app@db/records"), is_sql_url("obstacles.csv")
    (True, False)
    """
    return location.startswith(("postgresql:", "postgresql+", "postgres:"))


def engine_url(location: str) -> str:
    """Return ``location`` with the psycopg 3 driver named (what SQLAlchemy needs).

    >>> engine_url("postgresql://app@db:5432/records")
    'postgresql+psycopg://app@db:5432/records'
    """
    for prefix in ("postgresql://", "postgres://"):
        if location.startswith(prefix):
            return "postgresql+psycopg://" + location[len(prefix) :]
    return location


def _links_subquery() -> sa.ScalarSelect:
    return (
        sa.select(sa.func.array_agg(aggregate_order_by(record_features.c.feature_id, record_features.c.position)))
        .where(record_features.c.record_id == records.c.id)
        .scalar_subquery()
        .label("feature_ids")
    )


_SUMMARY_SQL = """
SELECT r.id, r.version, r.kind, r.status, r.review, r.theme, r.borders, r.reported_on, r.updated_on,
       r.title_nl, r.title_en, r.created_by, r.merged_into, r.position, {links}
FROM records r {join} WHERE r.changed_seq > %s ORDER BY r.position
"""
#: The summaries of the records changed after a counter value, in creation order (links as text):
#: all of them at once with one grouped pass over the links, a few with an index look-up each.
_SNAPSHOT_ALL_SQL = _SUMMARY_SQL.format(
    links="f.links",
    join="LEFT JOIN (SELECT record_id, string_agg(feature_id, ';' ORDER BY position) AS links"
    " FROM record_features GROUP BY record_id) f ON f.record_id = r.id",
)
_SNAPSHOT_CHANGED_SQL = _SUMMARY_SQL.format(
    links="(SELECT string_agg(f.feature_id, ';' ORDER BY f.position) FROM record_features f WHERE f.record_id = r.id)",
    join="",
)


_BUMP = sa.update(store_state).values(counter=store_state.c.counter + 1).returning(store_state.c.counter)
_INSERT_RECORD = pg_insert(records).on_conflict_do_nothing().returning(records.c.id)
_UPDATE_RECORD = sa.update(records).where(
    records.c.id == sa.bindparam("b_id"), records.c.version == sa.bindparam("b_version")
)
_DELETE_LINKS = sa.delete(record_features).where(record_features.c.record_id == sa.bindparam("b_id"))
_INSERT_LINKS = sa.insert(record_features)
_INSERT_HISTORY = sa.insert(history)


class SqlStore:
    """The records in a PostgreSQL database, behind the :class:`~records.store.RecordStore` interface.

    Parameters
    ----------
    url : ``postgresql://user:password@host:port/database`` (the psycopg 3 driver is added).
    clock : where "now" comes from (``changed_at``, and "today" for date checks).
    known_feature_ids : when given, records linking to other feature ids are problems, and writes
        that would link to them are refused.
    migrate_empty : apply the migrations when the database has none of the tables yet.
    token_max_age : seconds a :meth:`change_token` may be reused before asking the server again.
    pool_size, max_overflow : connections kept open, and opened on top of them under load.

    Nothing is opened before the first call.
    """

    def __init__(
        self,
        url: str,
        *,
        clock: Clock = system_clock,
        known_feature_ids: Iterable[str] | None = None,
        migrate_empty: bool = True,
        token_max_age: float = 0.5,
        pool_size: int = 5,
        max_overflow: int = 15,
    ):
        self.url = sa.engine.make_url(engine_url(url))
        self.clock = clock
        self.known_feature_ids = None if known_feature_ids is None else frozenset(known_feature_ids)
        self.migrate_empty = migrate_empty
        self.token_max_age = token_max_age
        self._pool = {"pool_size": pool_size, "max_overflow": max_overflow}
        self._engine: sa.Engine | None = None
        self._mutex = threading.RLock()
        self._ready = False
        self._interner = Interner()
        self._uid = ""
        self._seen = -1  # the counter the summaries below are current for
        self._summaries: dict[str, RecordSummary] = {}
        self._problems: dict[str, RowProblem] = {}
        self._last_position = 0
        self._snapshot: Snapshot | None = None
        self._token: tuple[float, str] | None = None
        self._search_cache: tuple[str, tuple[str, ...], frozenset[str]] | None = None

    def __repr__(self) -> str:
        return f"SqlStore({self.url.render_as_string(hide_password=True)!r})"

    @property
    def label(self) -> str:
        """A short name for messages: the database and its host (never the password)."""
        return f"{self.url.database}@{self.url.host or 'localhost'}"

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine (made on first use; its pool is this store's)."""
        with self._mutex:
            if self._engine is None:
                self._engine = sa.create_engine(self.url, pool_pre_ping=True, **self._pool)
            return self._engine

    def dispose(self) -> None:
        """Close every pooled connection (a later call opens new ones)."""
        with self._mutex:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
                self._ready = False

    # -- reading ------------------------------------------------------------------------

    def change_token(self) -> str:
        """Return ``<store uid>:<counter>``: it changes with every write, by any process."""
        cached = self._token
        if cached is not None and time.monotonic() - cached[0] < self.token_max_age:
            return cached[1]

        def read(conn: sa.Connection) -> str:
            uid, counter = conn.execute(sa.select(store_state.c.store_uid, store_state.c.counter)).one()
            return f"{uid}:{counter}"

        token = self._run(read)
        self._token = (time.monotonic(), token)
        return token

    def snapshot(self) -> Snapshot:
        """Return the summaries of every current record, the problems and the change token."""
        with self._mutex:

            def read(conn: sa.Connection) -> tuple[str, int, list[sa.Row]]:
                uid, counter = conn.execute(sa.select(store_state.c.store_uid, store_state.c.counter)).one()
                if uid != self._uid:  # another database behind the same URL: start over
                    self._reset(uid)
                if counter == self._seen:
                    return uid, counter, []
                # Plain tuples from the driver: at 100k records SQLAlchemy's row and array handling
                # cost more than the query (bench/pg.py).
                cursor = conn.connection.driver_connection.cursor()
                query = _SNAPSHOT_ALL_SQL if self._seen < 0 else _SNAPSHOT_CHANGED_SQL
                return uid, counter, cursor.execute(query, (self._seen,)).fetchall()

            uid, counter, rows = self._run(read, isolation="REPEATABLE READ")
            token = f"{uid}:{counter}"
            self._token = (time.monotonic(), token)
            if self._snapshot is not None and self._snapshot.token == token:
                return self._snapshot
            self._fold(rows)
            self._seen = counter
            problems = tuple(sorted(self._problems.values(), key=lambda p: p.record_id))
            self._snapshot = Snapshot(tuple(self._summaries.values()), problems, token)
            return self._snapshot

    def get(self, ids: Iterable[str]) -> dict[str, Record]:
        """Return the full current record for each known id in ``ids``."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}

        def read(conn: sa.Connection) -> dict[str, Record]:
            query = sa.select(records, _links_subquery()).where(records.c.id.in_(ids))
            found = {row.id: _record(row._mapping) for row in conn.execute(query)}
            return {i: found[i] for i in ids if i in found}

        return self._run(read)

    def history(self, record_id: str) -> list[HistoryEntry]:
        """Return every version of the record, and of the records merged into it, oldest first."""

        def read(conn: sa.Connection) -> list[HistoryEntry]:
            merged = sa.select(records.c.id).where(records.c.merged_into == record_id)
            ids = [record_id, *conn.execute(merged).scalars()]
            legacy: dict[str, list[HistoryEntry]] = {}
            for row in conn.execute(
                sa.select(legacy_history).where(legacy_history.c.record_id.in_(ids)).order_by(legacy_history.c.id)
            ):
                legacy.setdefault(row.record_id, []).append(_legacy_entry(row))
            entries = [entry for rid in ids for entry in legacy.get(rid, ())]
            previous: dict[str, Record] = {}
            for row in conn.execute(_history_rows().where(history.c.record_id.in_(ids))).mappings():
                record = _record(row)
                if not (record.version == 1 and legacy.get(record.id) and not record.changed_at):
                    entries.append(history_entry(previous.get(record.id), record))
                previous[record.id] = record
            entries.sort(key=lambda e: (e.version != 0, e.changed_at, e.record_id != record_id, e.version))
            return entries

        return self._run(read)

    def search(self, text: str) -> set[str]:
        """Return the ids of current records whose text holds every word of ``text`` (any case)."""
        words = tuple(text.lower().split())
        if not words:
            return {s.id for s in self.snapshot().summaries}
        token = self.change_token()
        cached = self._search_cache
        if cached and cached[:2] == (token, words):
            return set(cached[2])

        def read(conn: sa.Connection) -> set[str]:
            query = sa.select(records.c.id)
            for word in words:
                query = query.where(records.c.search_text.contains(word, autoescape=True))
            return set(conn.execute(query).scalars())

        with self._mutex:  # the problems change with a snapshot in another thread
            hidden = set(self._problems)
        found = self._run(read) - hidden
        self._search_cache = (token, words, frozenset(found))
        return found

    # -- writing ------------------------------------------------------------------------

    def add(self, record: Record, actor: Actor) -> Record:
        """Store a new record as version 1: published when an editor adds it, pending for a reporter."""
        require(actor, Action.ADD)
        row = record.to_row() | {
            "version": "1",
            "review": initial_review(actor).value,
            "created_by": actor.id,
            "changed_at": stamp(self.clock()),
            **attribution(actor),
            "merged_into": "",
        }
        stored = self._validate(row, self._today())

        def write(conn: sa.Connection) -> Record:
            self._commit(conn, [(None, stored)])
            return stored

        return self._write(write)

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

        def write(conn: sa.Connection) -> Record:
            (current,) = self._current(conn, {record_id: expected_version})
            if current.review is not Review.PUBLISHED:
                raise StoreError(Message("store.not_published", {"id": record_id, "review": current.review.value}))
            if new_status not in current.status.allowed_next():
                allowed = ", ".join(s.value for s in current.status.allowed_next()) or "-"
                values = {"old": current.status.value, "new": new_status.value, "allowed": allowed}
                raise StoreError(Message("store.lifecycle", values))
            new = self._next(current, actor, note, today, {"status": new_status.value})
            self._commit(conn, [(current, new)])
            return new

        return self._write(write)

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

        def write(conn: sa.Connection) -> Record:
            (current,) = self._current(conn, {record_id: expected_version})
            new = self._next(current, actor, note, today, cleaned)
            self._commit(conn, [(current, new)])
            return new

        return self._write(write)

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

        def write(conn: sa.Connection) -> Record:
            (current,) = self._current(conn, {record_id: expected_version})
            if current.review is not Review.PENDING:
                raise StoreError(Message("store.not_pending", {"id": record_id, "review": current.review.value}))
            if accept:
                changes = {"review": "published", "status": first_status(current.kind).value, "review_note": ""}
            else:
                changes = {"review": "rejected", "review_note": note}
            new = self._next(current, actor, note, today, changes)
            self._commit(conn, [(current, new)])
            return new

        return self._write(write)

    def merge(
        self,
        duplicate_id: str,
        into_id: str,
        note: str,
        actor: Actor,
        expected_versions: Mapping[str, int],
        today: dt.date | None = None,
    ) -> Record:
        """Merge ``duplicate_id`` into ``into_id`` (links, borders, missing texts carried over) in one transaction."""
        require(actor, Action.MERGE)
        if duplicate_id == into_id:
            raise StoreError(Message("store.merge_self"))
        note = _note(note, required=False)
        today = today or self._today()

        def write(conn: sa.Connection) -> Record:
            duplicate, target = self._current(
                conn,
                {duplicate_id: expected_versions.get(duplicate_id, 0), into_id: expected_versions.get(into_id, 0)},
            )
            if target.review is not Review.PUBLISHED:
                raise StoreError(Message("store.not_published", {"id": into_id, "review": target.review.value}))
            if duplicate.review not in (Review.PENDING, Review.PUBLISHED):
                raise StoreError(Message("store.not_pending", {"id": duplicate_id, "review": duplicate.review.value}))
            if duplicate.kind is not target.kind:
                values = {
                    "id": duplicate_id,
                    "kind": duplicate.kind.value,
                    "other": into_id,
                    "other_kind": target.kind.value,
                }
                raise StoreError(Message("store.kind_mismatch", values))
            merged = self._next(duplicate, actor, note, today, {"review": "merged", "merged_into": into_id})
            grown = self._next(target, actor, note or f"merged {duplicate_id}", today, merged_fields(target, duplicate))
            self._commit(conn, [(duplicate, merged), (target, grown)])
            return grown

        return self._write(write)

    # -- moving between backends ---------------------------------------------------------

    def versions(self) -> tuple[list[tuple[int, Record]], tuple[RowProblem, ...]]:
        """Return every version of every record in the order written (numbered from 1), and no problems."""

        def read(conn: sa.Connection) -> list[tuple[int, Record]]:
            return [(n, _record(row._mapping)) for n, row in enumerate(conn.execute(_history_rows()), start=1)]

        return self._run(read, isolation="REPEATABLE READ"), ()

    def legacy_history(self) -> list[HistoryEntry]:
        """Return the entries of an old-format history file imported earlier, in their order."""

        def read(conn: sa.Connection) -> list[HistoryEntry]:
            return [_legacy_entry(row) for row in conn.execute(sa.select(legacy_history).order_by(legacy_history.c.id))]

        return self._run(read)

    def import_versions(
        self, versions: Sequence[tuple[int, Record]], legacy: Sequence[HistoryEntry] = ()
    ) -> tuple[int, int, list[RowProblem]]:
        """Add ``versions`` (each with its source line) and old-format history entries in **one transaction**.

        A version already stored identically is skipped (importing twice changes nothing); one
        that differs from the stored version, or is older than the current one, is a problem
        (with its line) and left out. Returns (versions added, versions already present, problems).
        If the database refuses anything else, the transaction is rolled back and nothing is added.
        """
        from records import transfer

        def write(conn: sa.Connection) -> tuple[int, int, list[RowProblem]]:
            ids = list(dict.fromkeys(r.id for _, r in versions))
            stored: dict[tuple[str, int], Record] = {}
            current: dict[str, Record] = {}
            for chunk in _chunks(ids, 5000):
                for row in conn.execute(_history_rows().where(history.c.record_id.in_(chunk))):
                    record = _record(row._mapping)
                    stored[(record.id, record.version)] = record
                    if record.version > getattr(current.get(record.id), "version", 0):
                        current[record.id] = record
            plan = transfer.plan_import(versions, stored, current, self.label)
            if plan.versions or legacy:
                counter = self._bump(conn)
                self._bulk_insert(conn, plan, counter)
                known_legacy = set(conn.execute(sa.select(legacy_history.c.record_id).distinct()).scalars())
                fresh = [e for e in legacy if e.record_id not in known_legacy]
                if fresh:
                    conn.execute(sa.insert(legacy_history), [_legacy_row(e) for e in fresh])
            return len(plan.versions), plan.present, plan.problems

        result = self._write(write)
        if result[0]:  # fresh statistics, so that the planner knows the tables' new size
            with contextlib.suppress(sa.exc.DBAPIError), self.engine.begin() as conn:
                conn.execute(sa.text("ANALYZE records, record_features, history"))
        return result

    # -- internals --------------------------------------------------------------------------

    def _today(self) -> dt.date:
        return self.clock().date()

    def _reset(self, uid: str) -> None:
        self._uid, self._seen = uid, -1
        self._summaries, self._problems = {}, {}
        self._last_position = 0
        self._snapshot = None

    def _fold(self, rows: list[tuple]) -> None:
        """Take the changed rows into the summaries (creation order) and the problems."""
        known = self.known_feature_ids
        share = self._interner
        summaries, problems = self._summaries, self._problems
        kinds, statuses, reviews, themes, borders_of = _KINDS, _STATUSES, _REVIEWS, _THEMES, _BORDERS
        intern, summary = sys.intern, RecordSummary
        last, resort = self._last_position, False
        for row in rows:
            rid, version, kind, status, review, theme, borders, reported, updated = row[:9]
            title_nl, title_en, created_by, merged_into, position, links = row[9:]
            fids = tuple(intern(f) for f in links.split(";")) if links else ()
            if known is not None and not known.issuperset(fids):
                unknown = next(f for f in fids if f not in known)
                summaries.pop(rid, None)
                problem = Message("error.unknown_feature", {"value": repr(unknown)})
                problems[rid] = RowProblem(0, Message("problem.record", {"id": rid, "problem": problem}), rid)
                continue
            if problems:
                problems.pop(rid, None)
            if position < last and rid not in summaries:
                resort = True
            last = max(last, position)
            summaries[rid] = summary(
                intern(rid),
                version,
                kinds[kind],
                statuses[status],
                reviews[review],
                themes[theme],
                borders_of[borders],
                share(fids),
                share(reported),
                share(updated),
                title_nl,
                title_en,
                share(created_by),
                share(merged_into),
                position,
                0,
            )
        self._last_position = last
        if resort:
            self._summaries = dict(sorted(summaries.items(), key=lambda item: item[1].locator))

    def _ensure_ready(self) -> None:
        if self._ready:
            return
        with self._mutex:
            if self._ready:
                return
            database = self.url.database or ""
            with self.engine.connect() as conn:
                found = schema_revision(conn)
                tables = found is None and has_tables(conn)
            if found is None and tables:
                raise StoreError(Message("store.schema_unknown", {"database": database}))
            if found is None:
                if not self.migrate_empty:
                    raise StoreError(Message("store.schema_missing", {"database": database}))
                try:
                    migrate(self.engine)
                except sa.exc.ProgrammingError:  # no right to create tables
                    raise StoreError(Message("store.schema_missing", {"database": database})) from None
            elif found != head_revision():
                values = {"database": database, "found": found, "expected": head_revision()}
                raise StoreError(Message("store.schema_other", values))
            self._ready = True

    def _run(self, read: Callable[[sa.Connection], T], isolation: str | None = None) -> T:
        """Run ``read`` in a read-only transaction; a lost server is a :class:`StoreError`."""
        try:
            self._ensure_ready()
            engine = self.engine
            if isolation:
                engine = engine.execution_options(isolation_level=isolation)
            with engine.connect() as conn:
                result = read(conn)
                conn.rollback()
                return result
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise StoreError(Message("store.db_unavailable", {"detail": _first_line(exc)})) from exc

    def _write(self, write: Callable[[sa.Connection], T]) -> T:
        """Run ``write`` in one transaction: all of it is committed, or nothing."""
        try:
            self._ensure_ready()
            with self.engine.begin() as conn:
                result = write(conn)
                counter = conn.info.pop("records_counter", None)
        except StoreError:
            raise
        except (sa.exc.OperationalError, sa.exc.InterfaceError, psycopg.OperationalError) as exc:
            raise StoreError(Message("store.db_unavailable", {"detail": _first_line(exc)})) from exc
        except (sa.exc.DBAPIError, psycopg.Error) as exc:  # a constraint, a trigger, a full disk: rolled back
            raise StoreError(Message("store.db_refused", {"detail": _first_line(exc)})) from exc
        if counter is not None and self._uid:
            self._token = (time.monotonic(), f"{self._uid}:{counter}")
        else:
            self._token = None
        self._search_cache = None
        return result

    def _current(self, conn: sa.Connection, expected: Mapping[str, int]) -> list[Record]:
        """Lock and return the current records (in the order of ``expected``); check their versions."""
        query = (
            sa.select(records, _links_subquery())
            .where(records.c.id.in_(list(expected)))
            .order_by(records.c.id)
            .with_for_update(of=records)
        )
        found = {row.id: _record(row._mapping) for row in conn.execute(query)}
        out = []
        for record_id, version in expected.items():
            current = found.get(record_id)
            if current is None:
                raise StoreError(Message("store.unknown_record", {"id": record_id}))
            if current.version != version:
                raise conflict(current)
            out.append(current)
        return out

    def _validate(self, row: Mapping[str, str], today: dt.date) -> Record:
        return Record.from_row(row, self.known_feature_ids, today=today)

    def _next(self, current: Record, actor: Actor, note: str, today: dt.date, changes: Mapping[str, str]) -> Record:
        """The next version of ``current`` with ``changes``, attributed to ``actor`` (validated)."""
        row = current.to_row() | dict(changes)
        row |= {
            "version": str(current.version + 1),
            "updated_on": today.isoformat(),
            "changed_at": stamp(self.clock()),
            **attribution(actor),
            "change_note": note,
        }
        return self._validate(row, self._today())

    def _bump(self, conn: sa.Connection) -> int:
        """Take the next counter value (its row lock orders the commits); remembered for the token."""
        counter = conn.execute(_BUMP).scalar_one()
        conn.info["records_counter"] = counter
        return counter

    def _commit(self, conn: sa.Connection, changes: list[tuple[Record | None, Record]]) -> None:
        """Write new versions (with the version each replaces): records, links, history."""
        counter = self._bump(conn)
        for previous, new in changes:
            values = _columns(new) | {"search_text": new.search_text(), "changed_seq": counter}
            if previous is None:
                if conn.execute(_INSERT_RECORD, {"id": new.id, **values}).first() is None:
                    raise StoreError(Message("store.duplicate_id", {"id": new.id}))
            else:
                updated = conn.execute(_UPDATE_RECORD, {"b_id": new.id, "b_version": previous.version, **values})
                if updated.rowcount != 1:  # cannot happen under the row lock; never overwrite regardless
                    raise conflict(self._current(conn, {new.id: new.version})[0])
            if previous is None or previous.feature_ids != new.feature_ids:
                if previous is not None:
                    conn.execute(_DELETE_LINKS, {"b_id": new.id})
                conn.execute(
                    _INSERT_LINKS,
                    [{"record_id": new.id, "position": n, "feature_id": f} for n, f in enumerate(new.feature_ids)],
                )
            conn.execute(_INSERT_HISTORY, _history_values(previous, new, counter))

    def _bulk_insert(self, conn: sa.Connection, plan: Any, counter: int) -> None:
        """Write an import plan: new records and links by COPY, changed ones by UPDATE, every version to history."""
        raw = conn.connection.driver_connection
        columns = ("id", *_VERSION_COLUMNS, "search_text", "changed_seq")
        history_columns = ("record_id", *_VERSION_COLUMNS, "feature_ids", "action", "from_status", "seq")
        with raw.cursor() as cursor:
            with cursor.copy(f"COPY records ({', '.join(columns)}) FROM STDIN") as copy:
                for record in plan.new_records:
                    values = _columns(record)
                    copy.write_row([record.id, *(values[c] for c in _VERSION_COLUMNS), record.search_text(), counter])
            for record in plan.changed_records:
                values = _columns(record) | {"search_text": record.search_text(), "changed_seq": counter}
                conn.execute(sa.update(records).where(records.c.id == record.id).values(**values))
                conn.execute(sa.delete(record_features).where(record_features.c.record_id == record.id))
            with cursor.copy("COPY record_features (record_id, position, feature_id) FROM STDIN") as copy:
                for record in (*plan.new_records, *plan.changed_records):
                    for n, feature_id in enumerate(record.feature_ids):
                        copy.write_row((record.id, n, feature_id))
            with cursor.copy(f"COPY history ({', '.join(history_columns)}) FROM STDIN") as copy:
                for previous, record in plan.versions:
                    values = _history_values(previous, record, counter)
                    copy.write_row([values[c] for c in history_columns])


# -- rows and records ---------------------------------------------------------------------------


def _columns(record: Record) -> dict[str, Any]:
    """The values of one version, by column (dates and the timestamp typed)."""
    values = {name: getattr(record, name) for name in _VERSION_COLUMNS if name not in ("borders", "changed_at")}
    values["kind"] = record.kind.value
    values["status"] = record.status.value
    values["review"] = record.review.value
    values["theme"] = record.theme.value
    values["borders"] = record.border
    values["changed_at"] = (
        dt.datetime.strptime(record.changed_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        if record.changed_at
        else None
    )
    return values


def _history_values(previous: Record | None, record: Record, counter: int) -> dict[str, Any]:
    return _columns(record) | {
        "record_id": record.id,
        "feature_ids": ";".join(record.feature_ids),
        "action": history_action(previous, record),
        "from_status": "" if previous is None else previous.status.value,
        "seq": counter,
    }


def _history_rows() -> sa.Select:
    """Every stored version as a record row (``id`` is the record's), in the order written."""
    return sa.select(
        history.c.record_id.label("id"), *(history.c[c] for c in _VERSION_COLUMNS), history.c.feature_ids
    ).order_by(history.c.id)


def _record(row: Mapping[str, Any]) -> Record:
    """The :class:`Record` of a ``records`` or ``history`` row (validated by the model, as read from a file)."""
    fids = row["feature_ids"]
    values = {
        column: _text(row, column) for column in COLUMNS if column not in ("border", "feature_ids", "dates_approximate")
    }
    values["border"] = row["borders"]
    values["feature_ids"] = fids if isinstance(fids, str) else ";".join(fids or ())
    values["dates_approximate"] = "true" if row["dates_approximate"] else "false"
    try:
        return Record.from_row(values, today=_READ_TODAY)
    except RecordError as exc:  # the tables' constraints make this rare: say which record
        raise StoreError(Message("problem.record", {"id": row["id"], "problem": exc.as_message()})) from None


def _text(row: Mapping[str, Any], column: str) -> str:
    value = row[column]
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return stamp(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _legacy_entry(row: sa.Row) -> HistoryEntry:
    return HistoryEntry(
        record_id=row.record_id,
        version=0,
        changed_at=row.changed_at,
        actor_id="",
        actor_name=row.changed_by,
        action="created" if not row.from_status else "status",
        from_status=row.from_status,
        to_status=row.to_status,
        note=row.note,
    )


def _legacy_row(entry: HistoryEntry) -> dict[str, str]:
    return {
        "record_id": entry.record_id,
        "changed_at": entry.changed_at,
        "changed_by": entry.actor_name,
        "from_status": entry.from_status,
        "to_status": entry.to_status,
        "note": entry.note,
    }


def _note(note: str, *, required: bool) -> str:
    note = (note or "").strip()
    if required and not note:
        raise StoreError(Message("store.note_required"))
    if len(note) > NOTE_LIMIT:
        raise StoreError(Message("store.note_too_long", {"limit": NOTE_LIMIT}))
    return note.replace("\r\n", "\n").replace("\r", "\n")


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0][:300] if text.strip() else type(exc).__name__


def _chunks(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
