"""Duplicate suggestions for a pending report: records on the same features with a similar title."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from records.query import RecordIndex
from records.store import RecordSummary
from records.vocab import Review

__all__ = ["Suggestion", "duplicate_suggestions"]


@dataclass(frozen=True)
class Suggestion:
    """A record that may be the same as the report, with the title similarity (0–100)."""

    summary: RecordSummary
    score: float


def _titles(summary: RecordSummary) -> tuple[str, ...]:
    return tuple(title for title in (summary.title_nl, summary.title_en) if title)


def duplicate_suggestions(
    report: RecordSummary, index: RecordIndex | Iterable[RecordSummary], limit: int = 5
) -> list[Suggestion]:
    """Return up to ``limit`` records sharing a feature id with ``report``, most similar title first.

    Similarity is rapidfuzz's ``token_set_ratio`` (case and punctuation ignored) of the best-matching
    pair of titles, both languages compared with both. Merged and rejected records, and the report itself, are left out.

    Examples
    --------
    >>> import datetime as dt
    >>> from records.vocab import Kind, Status, Theme, Border
    >>> def s(id, title, fids):
    ...     return RecordSummary(id, 1, Kind.OBSTACLE, Status.REPORTED, Review.PUBLISHED, Theme.TAX,
    ...         (Border.NL_DE,), fids, dt.date(2024, 1, 1), dt.date(2024, 1, 1), "", title, "", "", 0, 0)
    >>> report = s("r-new", "Double taxation of cross-border pensions", ("border:nl-de",))
    >>> others = [s("a", "Pensions of cross-border workers taxed twice", ("border:nl-de",)),
    ...           s("b", "No bus on Sundays", ("border:nl-de",)), s("c", "Cross-border pensions", ("port:emden",))]
    >>> [(x.summary.id, x.score > 50) for x in duplicate_suggestions(report, others)]
    [('a', True), ('b', False)]
    """
    if isinstance(index, RecordIndex):
        candidates = {s.id: s for fid in report.feature_ids for s in index.for_feature(fid)}
    else:
        features = set(report.feature_ids)
        candidates = {s.id: s for s in index if features.intersection(s.feature_ids)}
    mine = _titles(report)
    scored = []
    for candidate in candidates.values():
        if candidate.id == report.id or candidate.review in (Review.MERGED, Review.REJECTED):
            continue
        theirs = _titles(candidate)
        score = max(
            (fuzz.token_set_ratio(a, b, processor=utils.default_process) for a in mine for b in theirs), default=0.0
        )
        scored.append(Suggestion(candidate, round(score, 1)))
    scored.sort(key=lambda s: (-s.score, s.summary.id))
    return scored[:limit]
