"""Reading a records file back in tests, independent of the day the suite runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from records import CsvStore, Record, fixed_clock

#: The app under test writes with the real clock; reading back with a clock far ahead accepts
#: whatever day it wrote (the only date check that involves "today" is "not in the future").
READ_CLOCK = fixed_clock(dt.datetime(2100, 1, 1))


def load_records(path: Path, known_feature_ids: frozenset[str] | None = None) -> list[Record]:
    """Return the current version of every record in ``path``, in file order."""
    store = CsvStore(path, clock=READ_CLOCK, known_feature_ids=known_feature_ids)
    ids = [s.id for s in store.snapshot().summaries]
    found = store.get(ids)
    return [found[i] for i in ids]


def read_store(path: Path) -> CsvStore:
    return CsvStore(path, clock=READ_CLOCK)
