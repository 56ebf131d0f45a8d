"""Which backend holds the records: one setting names a PostgreSQL database or a CSV file.

``RECORDS_URL=postgresql://…`` (or the Streamlit secret ``records_url``) selects the PostgreSQL
store; without it the records stay in the CSV file ``OBSTACLES_CSV`` (default ``obstacles.csv``),
which needs nothing else running.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from records.clock import Clock, system_clock
from records.csvstore import CsvStore
from records.store import RecordStore

__all__ = ["configured_location", "csv_path", "open_store"]


def configured_location(
    secrets: Mapping[str, object], environ: Mapping[str, str] = os.environ, default: str | os.PathLike[str] = ""
) -> str:
    """Return where the records are: the secret ``records_url``, else ``$RECORDS_URL``, else the CSV file.

    The CSV file is ``$OBSTACLES_CSV``, else ``default``.

    >>> configured_location({}, {"OBSTACLES_CSV": "data.csv"}, "obstacles.csv")
    'data.csv'
    >>> configured_location({"records_url": "postgresql://app@db/records"}, {"RECORDS_URL": "x"})
    'postgresql://app@db/records'
    """
    url = str(secrets.get("records_url") or environ.get("RECORDS_URL") or "").strip()
    return url or os.fspath(environ.get("OBSTACLES_CSV") or default)


def csv_path(location: str | os.PathLike[str]) -> Path | None:
    """Return the file a CSV location names (a path, ``csv:path`` or ``csv:///abs/path``), else None.

    >>> csv_path("csv:data/obstacles.csv"), csv_path("csv:///srv/obstacles.csv"), csv_path("postgresql://db/r")
    (PosixPath('data/obstacles.csv'), PosixPath('/srv/obstacles.csv'), None)
    """
    text = os.fspath(location)
    if text.startswith("csv://"):
        return Path(text[len("csv://") :])
    if text.startswith("csv:"):
        return Path(text[len("csv:") :])
    from records.sqlstore import is_sql_url

    return None if is_sql_url(text) else Path(text)


def open_store(
    location: str | os.PathLike[str],
    *,
    clock: Clock = system_clock,
    known_feature_ids: Iterable[str] | None = None,
) -> RecordStore:
    """Return the store at ``location``: a PostgreSQL URL gives a ``SqlStore``, anything else a ``CsvStore``.

    >>> import datetime as dt
    >>> open_store("csv:obstacles.csv").path.name, type(open_store("postgresql://app@db/records")).__name__
    ('obstacles.csv', 'SqlStore')
    """
    path = csv_path(location)
    if path is not None:
        return CsvStore(path, clock=clock, known_feature_ids=known_feature_ids)
    from records.sqlstore import SqlStore

    return SqlStore(os.fspath(location), clock=clock, known_feature_ids=known_feature_ids)
