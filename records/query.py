"""Queries over loaded records: an index by feature id, filters and counts."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from records.model import Record
from records.vocab import Border, Kind, Status, Theme


@dataclass(frozen=True)
class RecordFilter:
    """What the sidebar filters ask for; an empty selection means "all"."""

    borders: frozenset[Border] = frozenset()
    themes: frozenset[Theme] = frozenset()
    statuses: frozenset[Status] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    text: str = ""

    def matches(self, record: Record) -> bool:
        """Return True when ``record`` passes every active criterion."""
        if self.borders and not self.borders.intersection(record.borders):
            return False
        if self.themes and record.theme not in self.themes:
            return False
        if self.statuses and record.status not in self.statuses:
            return False
        if self.kinds and record.kind not in self.kinds:
            return False
        words = self.text.lower().split()
        if words:
            haystack = record.search_text()
            return all(word in haystack for word in words)
        return True

    @property
    def is_active(self) -> bool:
        return bool(self.borders or self.themes or self.statuses or self.kinds or self.text.strip())


class RecordIndex:
    """Records looked up by the feature they are tied to.

    Examples
    --------
    >>> RecordIndex([]).for_feature("border:nl-be")
    []
    """

    def __init__(self, records: Iterable[Record]):
        self.records: tuple[Record, ...] = tuple(records)
        self._by_feature: dict[str, list[Record]] = defaultdict(list)
        for record in self.records:
            for feature_id in record.feature_ids:
                self._by_feature[feature_id].append(record)

    def filtered(self, criteria: RecordFilter) -> RecordIndex:
        """Return a new index over the records that pass ``criteria``."""
        if not criteria.is_active:
            return self
        return RecordIndex(r for r in self.records if criteria.matches(r))

    def for_feature(self, feature_id: str) -> list[Record]:
        """Return the records tied to ``feature_id``, open obstacles first, newest first."""
        return sort_for_display(self._by_feature.get(feature_id, []))

    def on_border(self, border: Border, exclude: Sequence[Record] = ()) -> list[Record]:
        """Return every record concerning ``border`` except those in ``exclude``."""
        skip = {r.id for r in exclude}
        return sort_for_display(r for r in self.records if border in r.borders and r.id not in skip)

    @functools.cached_property
    def _open_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for record in self.records:
            if record.is_open:
                counts.update(record.feature_ids)
        return dict(counts)

    def open_obstacle_counts(self) -> dict[str, int]:
        """Return, per feature id, how many open obstacles are tied to it (the hotspots)."""
        return dict(self._open_counts)

    @functools.cached_property
    def _totals(self) -> dict[str, int]:
        kinds = Counter(r.kind.value for r in self.records)
        return {
            "total": len(self.records),
            **{k.value: kinds.get(k.value, 0) for k in Kind},
            "open": sum(r.is_open for r in self.records),
        }

    def counts(self) -> dict[str, int]:
        """Return totals by kind ("obstacle", "initiative") and "open" obstacles."""
        return dict(self._totals)


def sort_for_display(records: Iterable[Record]) -> list[Record]:
    """Open obstacles first, then by most recent update, then by title."""
    return sorted(records, key=lambda r: (not r.is_open, -r.updated_on.toordinal(), r.title.lower()))
