"""Obstacles and initiatives: the record model, vocabularies, access rules, the stores and queries.

Nothing here imports Streamlit, ``ui`` or ``layers``; the app caches and displays what these
functions return. Texts come from :mod:`i18n` as :class:`~i18n.Message` objects.
"""

from records.access import Action, Actor, Mode, Role, initial_review, may, require, visible_to
from records.backends import configured_location, open_store
from records.clock import Clock, fixed_clock, system_clock
from records.csvstore import CsvStore
from records.errors import ConflictError, PermissionDenied, RecordError, StoreError
from records.model import COLUMNS, LEGACY_COLUMNS, Record, guess_language
from records.query import RecordFilter, RecordIndex
from records.review import Suggestion, duplicate_suggestions
from records.store import EDITABLE_FIELDS, HistoryEntry, RecordStore, RecordSummary, RowProblem, Snapshot
from records.vocab import OPEN_STATUSES, STATUSES_BY_KIND, Border, Kind, Review, Status, Theme, ValueChoiceError

__all__ = [
    "COLUMNS",
    "EDITABLE_FIELDS",
    "LEGACY_COLUMNS",
    "OPEN_STATUSES",
    "STATUSES_BY_KIND",
    "Action",
    "Actor",
    "Border",
    "Clock",
    "ConflictError",
    "CsvStore",
    "HistoryEntry",
    "Kind",
    "Mode",
    "PermissionDenied",
    "Record",
    "RecordError",
    "RecordFilter",
    "RecordIndex",
    "RecordStore",
    "RecordSummary",
    "Review",
    "Role",
    "RowProblem",
    "Snapshot",
    "Status",
    "StoreError",
    "Suggestion",
    "Theme",
    "ValueChoiceError",
    "configured_location",
    "duplicate_suggestions",
    "fixed_clock",
    "guess_language",
    "initial_review",
    "may",
    "open_store",
    "require",
    "system_clock",
    "visible_to",
]
