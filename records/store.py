"""The store interface: what every records backend offers (the CSV file now, PostgreSQL later).

A store hands out a :class:`Snapshot` (compact summaries of the current version of every record,
plus the problems it met and a change token), full :class:`~records.model.Record` objects on
demand, each record's history, and a text search. Every write names the actor (checked against
:mod:`records.access`) and, for changes, the version it was based on: if the record moved on
meanwhile, the store raises :class:`~records.errors.ConflictError` with the current state and
writes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol, runtime_checkable

from i18n import Message
from records.access import Actor, actor_name
from records.errors import ConflictError, PermissionDenied, StoreError
from records.model import LANGUAGES, Record
from records.vocab import Border, Kind, Review, Status, Theme

__all__ = [
    "EDITABLE_FIELDS",
    "TRACKED_FIELDS",
    "ConflictError",
    "HistoryEntry",
    "PermissionDenied",
    "RecordStore",
    "RecordSummary",
    "RowProblem",
    "Snapshot",
    "StoreError",
]

#: What :meth:`RecordStore.edit` may change: texts, translations, links, source, dates, theme.
EDITABLE_FIELDS = frozenset(
    {
        "title_nl",
        "summary_nl",
        "title_en",
        "summary_en",
        "legal_basis_nl",
        "legal_basis_other",
        "responsible",
        "source",
        "feature_ids",
        "border",
        "theme",
        "reported_by",
        "reported_on",
        "dates_approximate",
    }
)


class RecordSummary(NamedTuple):
    """What lists, counts, filters and the map need of a record: no summaries, notes or sources.

    ``locator`` and ``end`` say where the backend finds the full record (for the CSV store: the
    byte span of its current row). Equal values are shared between summaries to save memory.
    """

    id: str
    version: int
    kind: Kind
    status: Status
    review: Review
    theme: Theme
    borders: tuple[Border, ...]
    feature_ids: tuple[str, ...]
    reported_on: dt.date
    updated_on: dt.date
    title_nl: str
    title_en: str
    created_by: str
    merged_into: str
    locator: int
    end: int

    @property
    def is_open(self) -> bool:
        """True for an obstacle that is not yet solved or closed."""
        return self.kind is Kind.OBSTACLE and self.status in _OPEN

    @property
    def border(self) -> str:
        return ";".join(b.value for b in self.borders)

    def text(self, field: str, lang: str) -> tuple[str, bool]:
        """Return the title in ``lang`` and whether it came from the other language (as
        :meth:`Record.text`)."""
        if field != "title":
            raise ValueError("a summary holds titles only; get() the record for its summary text")
        own = "en" if lang == "en" else "nl"
        value = self.title_en if own == "en" else self.title_nl
        if value:
            return value, False
        return (self.title_nl if own == "en" else self.title_en), True

    @property
    def sort_title(self) -> str:
        return (self.title_nl or self.title_en).casefold()


_OPEN = frozenset({Status.REPORTED, Status.ASSESSING, Status.IN_PROGRESS})


class Interner:
    """Shares equal values (tuples of ids, dates, actor ids) between summaries."""

    def __init__(self) -> None:
        self._values: dict[object, object] = {}

    def __call__(self, value):
        return self._values.setdefault(value, value)

    def summary(self, record: Record, locator: int, end: int) -> RecordSummary:
        """Return the compact summary of ``record`` found at ``locator``."""
        return RecordSummary(
            sys.intern(record.id),
            record.version,
            record.kind,
            record.status,
            record.review,
            record.theme,
            self(record.borders),
            self._values.get(record.feature_ids) or self(tuple(sys.intern(f) for f in record.feature_ids)),
            self(record.reported_on),
            self(record.updated_on),
            record.title_nl,
            record.title_en,
            self(record.created_by),
            self(record.merged_into),
            locator,
            end,
        )


@dataclass(frozen=True)
class RowProblem:
    """A row of the file that could not be read as a record: its line and what is wrong; or, with
    line 0, something beside the rows to check (a write cut short and set aside)."""

    line: int
    message: Message
    record_id: str = ""

    @property
    def reason(self) -> str:
        """The problem in English (for logs)."""
        return str(self.message)


@dataclass(frozen=True)
class HistoryEntry:
    """One version of a record: who made it, when, what changed and why.

    ``action`` is one of ``created``, ``status``, ``edited``, ``accepted``, ``rejected``,
    ``merged``. ``actor_id`` is the stable id of whoever made the version (``oidc:<issuer>|<sub>``,
    ``passphrase``, ``local``), ``actor_name`` the display name stored with it. ``changed_fields``
    names the columns an edit changed (of :data:`TRACKED_FIELDS`); ``merged_into`` the record a
    duplicate went into. Entries from an old-format history file have ``version`` 0 and only a name.
    """

    record_id: str
    version: int
    changed_at: str
    actor_id: str
    actor_name: str
    action: str
    from_status: str
    to_status: str
    note: str
    changed_fields: tuple[str, ...] = ()
    merged_into: str = ""

    def action_label(self, lang: str = "nl") -> str:
        return Message(f"change.{self.action}").text(lang)


@dataclass(frozen=True)
class Snapshot:
    """The current version of every record (as summaries), the problems and a change token.

    Immutable: a new write gives a new snapshot; holding on to an old one is safe.
    """

    summaries: tuple[RecordSummary, ...]
    problems: tuple[RowProblem, ...] = ()
    token: str = ""

    @functools.cached_property
    def by_id(self) -> Mapping[str, RecordSummary]:
        return {s.id: s for s in self.summaries}

    def __len__(self) -> int:
        return len(self.summaries)


@runtime_checkable
class RecordStore(Protocol):
    """What every records backend implements (see :class:`records.csvstore.CsvStore`)."""

    @property
    def label(self) -> str:
        """A short name of where the records are, for messages (the file's name, the database)."""
        ...

    def snapshot(self) -> Snapshot:
        """Return summaries of the current version of every record, the row problems and the token."""
        ...

    def change_token(self) -> str:
        """Return a cheap value that changes whenever anything was written (no parsing)."""
        ...

    def get(self, ids: Iterable[str]) -> dict[str, Record]:
        """Return the full current records for ``ids`` (unknown ids are left out)."""
        ...

    def history(self, record_id: str) -> list[HistoryEntry]:
        """Return every version of the record (and of records merged into it), oldest first."""
        ...

    def search(self, text: str) -> set[str]:
        """Return the ids whose text (both languages, responsible, legal bases, source, id) holds every word."""
        ...

    def add(self, record: Record, actor: Actor) -> Record:
        """Store a new record (a reporter's waits for review); return it as stored."""
        ...

    def change_status(
        self,
        record_id: str,
        new_status: Status | str,
        note: str,
        actor: Actor,
        expected_version: int,
        today: dt.date | None = None,
    ) -> Record:
        """Move a record along its lifecycle with a note; return the new version."""
        ...

    def edit(
        self,
        record_id: str,
        changes: Mapping[str, str],
        note: str,
        actor: Actor,
        expected_version: int,
        today: dt.date | None = None,
    ) -> Record:
        """Change texts, translations, links or the source (:data:`EDITABLE_FIELDS`); return the new version."""
        ...

    def review(
        self,
        record_id: str,
        accept: bool,
        note: str,
        actor: Actor,
        expected_version: int,
        today: dt.date | None = None,
    ) -> Record:
        """Accept a pending report (published, first status) or reject it with a reason."""
        ...

    def merge(
        self,
        duplicate_id: str,
        into_id: str,
        note: str,
        actor: Actor,
        expected_versions: Mapping[str, int],
        today: dt.date | None = None,
    ) -> Record:
        """Merge a duplicate into an existing record; return the target's new version."""
        ...


def first_status(kind: Kind) -> Status:
    """The status a record of ``kind`` starts with (reported, planned)."""
    return Status.REPORTED if kind is Kind.OBSTACLE else Status.PLANNED


def conflict(current: Record) -> ConflictError:
    """The error for a change based on an older version than ``current``."""
    return ConflictError(Message("store.conflict", {"id": current.id, "version": current.version}), current)


def merged_fields(target: Record, duplicate: Record) -> dict[str, str]:
    """Return the target's changed columns after merging ``duplicate`` into it.

    Feature links and borders are joined; empty legal bases, responsible and a missing language
    pair are taken from the duplicate. Nothing the target already says is overwritten.
    """
    changes = {
        "feature_ids": ";".join(dict.fromkeys((*target.feature_ids, *duplicate.feature_ids))),
        "border": ";".join(sorted({b.value for b in (*target.borders, *duplicate.borders)})),
    }
    for column in ("legal_basis_nl", "legal_basis_other", "responsible"):
        if not getattr(target, column) and getattr(duplicate, column):
            changes[column] = getattr(duplicate, column)
    for lang in LANGUAGES:
        if lang not in target.languages and lang in duplicate.languages:
            changes[f"title_{lang}"] = getattr(duplicate, f"title_{lang}")
            changes[f"summary_{lang}"] = getattr(duplicate, f"summary_{lang}")
    return changes


#: The columns whose change a history entry names (what an edit or a merge changed).
TRACKED_FIELDS: tuple[str, ...] = (
    "title_nl",
    "summary_nl",
    "title_en",
    "summary_en",
    "legal_basis_nl",
    "legal_basis_other",
    "responsible",
    "source",
    "feature_ids",
    "border",
    "theme",
    "reported_by",
    "reported_on",
    "dates_approximate",
)


NAME_LIMIT = 200


def attribution(actor: Actor) -> dict[str, str]:
    r"""The columns that say who made a version: the stable id and the display name at the time.

    Every backend writes these with every version (``add`` and each change).

    >>> attribution(Actor.oidc("https://id.example.org", "u-1", "Anna de Vries", "editor"))
    {'changed_by': 'oidc:https://id.example.org|u-1', 'changed_by_name': 'Anna de Vries'}
    >>> attribution(Actor.passphrase())["changed_by_name"]
    'passphrase mode'

    A name is one line of at most 200 characters (a provider may send anything):

    >>> attribution(Actor.oidc("https://id.example.org", "u-2", "Piet\n  de  Vries", "editor"))["changed_by_name"]
    'Piet de Vries'
    """
    return {"changed_by": actor.id, "changed_by_name": " ".join(actor.name.split())[:NAME_LIMIT]}


def changed_fields(previous: Record | None, record: Record) -> tuple[str, ...]:
    """The :data:`TRACKED_FIELDS` whose value differs between two versions (none for a new record)."""
    if previous is None:
        return ()
    before, after = previous.to_row(), record.to_row()
    return tuple(name for name in TRACKED_FIELDS if before[name] != after[name])


def history_entry(previous: Record | None, record: Record) -> HistoryEntry:
    """The history entry for ``record`` (a version), given the version before it (or None).

    The name is the one stored with the version; rows written before names were stored fall
    back to a readable form of the actor id, then to ``reported_by``.
    """
    return HistoryEntry(
        record_id=record.id,
        version=record.version,
        changed_at=record.changed_at,
        actor_id=record.changed_by,
        actor_name=record.changed_by_name or actor_name(record.changed_by) or record.reported_by,
        action=history_action(previous, record),
        from_status="" if previous is None else previous.status.value,
        to_status=record.status.value,
        note=record.change_note or (record.review_note if record.review is Review.REJECTED else ""),
        changed_fields=changed_fields(previous, record),
        merged_into=record.merged_into,
    )


def history_action(previous: Record | None, record: Record) -> str:
    """Name the change from ``previous`` to ``record`` (see :class:`HistoryEntry`)."""
    if previous is None:
        return "created"
    if record.review is not previous.review:
        return {Review.PUBLISHED: "accepted", Review.REJECTED: "rejected", Review.MERGED: "merged"}.get(
            record.review, "edited"
        )
    if record.status is not previous.status:
        return "status"
    return "edited"
