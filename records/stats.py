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
