"""Counts for the statistics view: by theme, status and border, and open vs solved over time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from records.store import RecordSummary
from records.vocab import Kind, Status


def count_by(records: Iterable[RecordSummary], attribute: str) -> dict[str, int]:
    """Return {value: number of records}, for ``theme``, ``status``, ``kind`` or ``border``.

    A record on both borders counts once for each border.
    """
    counts: Counter[str] = Counter()
    for record in records:
        if attribute == "border":
            counts.update(b.value for b in record.borders)
        else:
            counts[getattr(record, attribute).value] += 1
    return dict(sorted(counts.items()))


def open_vs_solved(records: Iterable[RecordSummary]) -> list[dict[str, object]]:
    """Return, per date on which something changed, how many obstacles were open and solved.

    An obstacle counts as open from ``reported_on``; a solved or not-solvable one is closed
    from ``updated_on``.
    """
    events: Counter[tuple[dt.date, str]] = Counter()
    for record in records:
        if record.kind is not Kind.OBSTACLE:
            continue
        events[(record.reported_on, "opened")] += 1
        if record.status in (Status.SOLVED, Status.NOT_SOLVABLE):
            events[(record.updated_on, "closed")] += 1
    series, opened, closed = [], 0, 0
    for day in sorted({d for d, _ in events}):
        opened += events[(day, "opened")]
        closed += events[(day, "closed")]
        series.append({"date": day, "open": opened - closed, "closed": closed})
    return series


def monthly_open_closed(records: Iterable[RecordSummary]) -> list[dict[str, object]]:
    """Return, for every month from the first report to the last change, how many obstacles
    were open and how many closed at the end of that month (a step per month, no interpolation).

    >>> from records.vocab import Theme, Review
    >>> def obstacle(reported, updated, status):
    ...     return RecordSummary("o", 1, Kind.OBSTACLE, status, Review.PUBLISHED, Theme.TAX, (), ("x:y",),
    ...         dt.date.fromisoformat(reported), dt.date.fromisoformat(updated), "", "t", "", "", 0, 0)
    >>> rows = monthly_open_closed([obstacle("2020-07-13", "2020-09-01", Status.SOLVED),
    ...                             obstacle("2020-08-02", "2020-08-02", Status.REPORTED)])
    >>> [(r["month"].isoformat(), r["open"], r["closed"]) for r in rows]
    [('2020-07-01', 1, 0), ('2020-08-01', 2, 0), ('2020-09-01', 1, 1)]
    """
    series = open_vs_solved(records)
    if not series:
        return []
    by_month: dict[dt.date, dict[str, object]] = {}
    for point in series:  # the last change within a month is the state at its end
        day = point["date"]
        by_month[day.replace(day=1)] = point  # type: ignore[union-attr]
    first, last = min(by_month), max(by_month)
    out, current = [], {"open": 0, "closed": 0}
    month = first
    while month <= last:
        current = by_month.get(month, current)
        out.append({"month": month, "open": current["open"], "closed": current["closed"]})
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return out
