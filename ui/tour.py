"""Guided tours for presentations: prepared stops read from a JSON file in ``tours/``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class TourError(ValueError):
    """A tour file is malformed or names a feature that is not on the map."""


@dataclass(frozen=True)
class Stop:
    feature_id: str
    center: tuple[float, float]
    zoom: float
    title: dict[str, str]
    caption: dict[str, str]

    def text(self, field: str, lang: str) -> str:
        values = getattr(self, field)
        return values.get(lang) or values.get("nl") or next(iter(values.values()), "")


@dataclass(frozen=True)
class Tour:
    title: dict[str, str]
    stops: tuple[Stop, ...]

    def stop(self, number: int) -> Stop:
        """Return stop ``number`` (1-based, clamped to the tour)."""
        return self.stops[min(max(number, 1), len(self.stops)) - 1]


def load_tour(path: Path, known_features: Iterable[str]) -> Tour:
    """Read and check a tour file; every stop must point at an existing feature."""
    known = set(known_features)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stops = []
        for i, raw in enumerate(data["stops"], start=1):
            if raw["feature_id"] not in known:
                raise TourError(f"{path.name}: stop {i} names unknown feature {raw['feature_id']!r}")
            lat, lon = (float(v) for v in raw["center"])
            stops.append(
                Stop(raw["feature_id"], (lat, lon), float(raw["zoom"]), dict(raw["title"]), dict(raw["caption"]))
            )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, TourError):
            raise
        raise TourError(f"{path.name}: {exc}") from None
    if not stops:
        raise TourError(f"{path.name} has no stops")
    return Tour(dict(data.get("title", {})), tuple(stops))
