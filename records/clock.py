"""Clocks: where "now" comes from. Nothing in ``records`` reads the calendar by itself.

A clock is any callable returning an aware UTC ``datetime``. Stores take one in their
constructor; tests pass :func:`fixed_clock` so that no result depends on the day they run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

__all__ = ["Clock", "fixed_clock", "stamp", "system_clock"]

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """Return the current time in UTC (the clock of a running app)."""
    return dt.datetime.now(dt.UTC)


def fixed_clock(at: dt.datetime) -> Clock:
    """Return a clock that always says ``at`` (a naive ``at`` is taken as UTC).

    Examples
    --------
    >>> clock = fixed_clock(dt.datetime(2026, 1, 15, 9, 30))
    >>> clock().isoformat()
    '2026-01-15T09:30:00+00:00'
    """
    moment = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    moment = moment.astimezone(dt.UTC)
    return lambda: moment


def stamp(moment: dt.datetime) -> str:
    """Return ``moment`` as the UTC ISO timestamp the records store (seconds, ``Z``).

    Examples
    --------
    >>> stamp(dt.datetime(2026, 1, 15, 10, 0, 5, 999, tzinfo=dt.UTC))
    '2026-01-15T10:00:05Z'
    """
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
