"""Queries over a snapshot's summaries: per-feature lists in display order, filters and counts.

Everything a click needs is computed once per snapshot (the index is immutable): a border click
looks its lists up, it does not scan and sort all records again.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from records.access import Actor, visible_to
from records.store import RecordSummary
from records.vocab import Border, Kind, Review, Status, Theme

__all__ = ["RecordFilter", "RecordIndex", "display_key", "sort_for_display"]

#: How many views of one index (per set of unpublished records hidden) are kept.
_VISIBLE_KEPT = 8


@dataclass(frozen=True)
class RecordFilter:
    """What the sidebar filters ask for; an empty selection means "all".

    The free text is matched by the store (:meth:`RecordStore.search`, which sees the full
    texts); pass its result to :meth:`RecordIndex.filtered` as ``search_ids``.
    """

    borders: frozenset[Border] = frozenset()
    themes: frozenset[Theme] = frozenset()
    statuses: frozenset[Status] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    text: str = ""

    def matches(self, summary: RecordSummary) -> bool:
        """Return True when ``summary`` passes every active criterion except the free text."""
        if self.borders and not self.borders.intersection(summary.borders):
            return False
        if self.themes and summary.theme not in self.themes:
            return False
        if self.statuses and summary.status not in self.statuses:
            return False
        return not (self.kinds and summary.kind not in self.kinds)

    @property
    def is_active(self) -> bool:
        return bool(self.borders or self.themes or self.statuses or self.kinds or self.text.strip())


def display_key(summary: RecordSummary) -> tuple[bool, int, str]:
    """Open obstacles first, then the most recently updated, then by title."""
    return (not summary.is_open, -summary.updated_on.toordinal(), summary.sort_title)


def sort_for_display(summaries: Iterable[RecordSummary]) -> list[RecordSummary]:
    """Return ``summaries`` in display order (see :func:`display_key`)."""
    return sorted(summaries, key=display_key)


class RecordIndex:
    """Summaries looked up by the feature and border they concern, each list in display order.

    Examples
    --------
    >>> RecordIndex([]).for_feature("border:nl-be")
    ()
    """

    def __init__(self, summaries: Iterable[RecordSummary]):
        self.records: tuple[RecordSummary, ...] = tuple(summaries)
        ordered = sort_for_display(self.records)
        by_feature: dict[str, list[RecordSummary]] = defaultdict(list)
        by_border: dict[Border, list[RecordSummary]] = defaultdict(list)
        for summary in ordered:  # already in display order: each list comes out sorted
            for feature_id in summary.feature_ids:
                by_feature[feature_id].append(summary)
            for border in summary.borders:
                by_border[border].append(summary)
        self._by_feature = {k: tuple(v) for k, v in by_feature.items()}
        self._by_border = {k: tuple(v) for k, v in by_border.items()}
        self._visible: dict[frozenset[str], RecordIndex] = {}
        self._visible_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.records)

    def filtered(self, criteria: RecordFilter, search_ids: Set[str] | None = None) -> RecordIndex:
        """Return a new index over the summaries that pass ``criteria`` (and lie in ``search_ids``)."""
        if not criteria.is_active and search_ids is None:
            return self
        return RecordIndex(
            s for s in self.records if criteria.matches(s) and (search_ids is None or s.id in search_ids)
        )

    @functools.cached_property
    def _unpublished(self) -> tuple[RecordSummary, ...]:
        return tuple(s for s in self.records if s.review is not Review.PUBLISHED)

    def unpublished(self) -> tuple[RecordSummary, ...]:
        """The records not (or not yet) published: pending, rejected, merged (kept once per index)."""
        return self._unpublished

    def visible_to(self, actor: Actor) -> RecordIndex:
        """Return the index of what ``actor`` may see (see :func:`records.access.visible_to`).

        Only the unpublished records differ between people, so the answer is kept per set of
        those an actor may see (most people: none, editors: all): a page's rerun does not look
        at every record again.
        """
        hidden = frozenset(s.id for s in self._unpublished if not visible_to(s, actor))
        if not hidden:
            return self
        with self._visible_lock:
            found = self._visible.get(hidden)
            if found is None:
                found = RecordIndex(s for s in self.records if s.id not in hidden)
                if len(self._visible) >= _VISIBLE_KEPT:
                    self._visible.pop(next(iter(self._visible)))
                self._visible[hidden] = found
            return found

    def for_feature(self, feature_id: str) -> Sequence[RecordSummary]:
        """Return the summaries tied to ``feature_id``, in display order."""
        return self._by_feature.get(feature_id, ())

    def on_border(
        self, border: Border, exclude: Iterable[RecordSummary] = (), limit: int | None = None
    ) -> list[RecordSummary]:
        """Return the summaries concerning ``border`` except those in ``exclude``, in display order:
        all of them, or the first ``limit`` (the rest of the border's list is not walked)."""
        skip = {s.id for s in exclude}
        kept = (s for s in self._by_border.get(border, ()) if s.id not in skip)
        return list(itertools.islice(kept, limit))

    def count_on_border(self, border: Border, exclude: Iterable[RecordSummary] = ()) -> int:
        """How many summaries concern ``border``, those in ``exclude`` (summaries of this index) left
        out; in time proportional to ``exclude``, not to the border's records."""
        return len(self._by_border.get(border, ())) - len({s.id for s in exclude if border in s.borders})

    @functools.cached_property
    def _open_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for summary in self.records:
            if summary.is_open:
                counts.update(summary.feature_ids)
        return dict(counts)

    def open_obstacle_counts(self) -> dict[str, int]:
        """Return, per feature id, how many open obstacles are tied to it (the hotspots)."""
        return dict(self._open_counts)

    @functools.cached_property
    def _totals(self) -> dict[str, int]:
        kinds = Counter(s.kind.value for s in self.records)
        return {
            "total": len(self.records),
            **{k.value: kinds.get(k.value, 0) for k in Kind},
            "open": sum(s.is_open for s in self.records),
        }

    def counts(self) -> dict[str, int]:
        """Return totals by kind ("obstacle", "initiative") and "open" obstacles."""
        return dict(self._totals)
