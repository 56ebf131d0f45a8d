"""Obstacles and initiatives: the record model, its vocabularies, the CSV store and queries.

Nothing here imports Streamlit; the app caches and displays what these functions return.
"""

from records.model import COLUMNS, Record, RecordError
from records.query import RecordFilter, RecordIndex
from records.store import CsvStore, HistoryEntry, LoadResult, RowProblem, StoreError
from records.vocab import OPEN_STATUSES, STATUSES_BY_KIND, Border, Kind, Status, Theme, ValueChoiceError

__all__ = [
    "COLUMNS",
    "OPEN_STATUSES",
    "STATUSES_BY_KIND",
    "Border",
    "CsvStore",
    "HistoryEntry",
    "Kind",
    "LoadResult",
    "Record",
    "RecordError",
    "RecordFilter",
    "RecordIndex",
    "RowProblem",
    "Status",
    "StoreError",
    "Theme",
    "ValueChoiceError",
]
