"""Controlled vocabularies of the records: kind, theme, border, status (with its lifecycle) and review."""

from __future__ import annotations

from enum import StrEnum

from i18n import t


class ValueChoiceError(ValueError):
    """A value is not one of a vocabulary's choices."""


class Vocabulary(StrEnum):
    """A ``str`` enum with Dutch/English labels and a parser that lists the valid choices."""

    @classmethod
    def parse(cls, value: str) -> Vocabulary:
        """Return the member for ``value`` or raise a ``ValueChoiceError`` naming the choices."""
        try:
            return cls(value.strip())
        except ValueError:
            choices = ", ".join(m.value for m in cls)
            raise ValueChoiceError(
                f"{value!r} is not a known {cls.__name__.lower()}; choose one of: {choices}"
            ) from None

    def label(self, lang: str = "nl") -> str:
        """Return the human label in ``lang`` ("nl" or "en").

        >>> Theme.TAX.label("nl")
        'Belastingen'
        """
        return t(f"{type(self).__name__.lower()}.{self.value}", lang)


class Kind(Vocabulary):
    OBSTACLE = "obstacle"
    INITIATIVE = "initiative"


class Theme(Vocabulary):
    LABOUR = "labour"
    TAX = "tax"
    HEALTH = "health"
    EDUCATION = "education"
    MOBILITY = "mobility"
    INFRASTRUCTURE = "infrastructure"
    ENVIRONMENT = "environment"
    ENERGY = "energy"
    SAFETY = "safety"
    DIGITAL = "digital"
    GOVERNANCE = "governance"
    CRISIS = "crisis"


class Border(Vocabulary):
    NL_BE = "NL-BE"
    NL_DE = "NL-DE"


class Status(Vocabulary):
    REPORTED = "reported"
    ASSESSING = "assessing"
    IN_PROGRESS = "in_progress"
    SOLVED = "solved"
    NOT_SOLVABLE = "not_solvable"
    PLANNED = "planned"
    RUNNING = "running"
    COMPLETED = "completed"

    @property
    def is_open(self) -> bool:
        """True for an obstacle that still blocks people (reported, assessing, in progress)."""
        return self in OPEN_STATUSES

    def allowed_next(self) -> tuple[Status, ...]:
        """Return the statuses this one may move to (the BRIDGEforEU-style lifecycle)."""
        return LIFECYCLE[self]


class Review(Vocabulary):
    """Where a record stands in editorial review: only ``published`` records are public."""

    PUBLISHED = "published"
    PENDING = "pending"
    REJECTED = "rejected"
    MERGED = "merged"


OPEN_STATUSES = frozenset({Status.REPORTED, Status.ASSESSING, Status.IN_PROGRESS})

STATUSES_BY_KIND: dict[Kind, tuple[Status, ...]] = {
    Kind.OBSTACLE: (Status.REPORTED, Status.ASSESSING, Status.IN_PROGRESS, Status.SOLVED, Status.NOT_SOLVABLE),
    Kind.INITIATIVE: (Status.PLANNED, Status.RUNNING, Status.COMPLETED),
}

# Reported, assessed, put on a track, closed with reasons; a closed file can be reopened.
LIFECYCLE: dict[Status, tuple[Status, ...]] = {
    Status.REPORTED: (Status.ASSESSING, Status.NOT_SOLVABLE),
    Status.ASSESSING: (Status.IN_PROGRESS, Status.SOLVED, Status.NOT_SOLVABLE),
    Status.IN_PROGRESS: (Status.SOLVED, Status.NOT_SOLVABLE),
    Status.SOLVED: (Status.REPORTED,),
    Status.NOT_SOLVABLE: (Status.REPORTED,),
    Status.PLANNED: (Status.RUNNING, Status.COMPLETED),
    Status.RUNNING: (Status.COMPLETED,),
    Status.COMPLETED: (),
}
