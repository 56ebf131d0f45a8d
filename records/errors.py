"""The errors of the records package: one hierarchy, each carrying a translatable ``Message``.

``str(error)`` is English (for logs); an interface shows ``error.message.text(lang)`` or, for a
:class:`RecordError`, each ``problems[field].text(lang)`` under the field it concerns.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from i18n import Message

if TYPE_CHECKING:
    from records.model import Record

__all__ = ["ConflictError", "PermissionDenied", "RecordError", "StoreError"]


class RecordError(ValueError):
    """A record failed validation; ``problems`` maps each field to what is wrong with it.

    Examples
    --------
    >>> error = RecordError({"title_nl": Message("error.required")})
    >>> str(error), error.problems["title_nl"].text("nl")
    ('title_nl: is required', 'is verplicht')
    """

    def __init__(self, problems: Mapping[str, Message]):
        self.problems: dict[str, Message] = dict(problems)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.problems.items()))

    def as_message(self) -> Message:
        """Return all problems as one Message ("field: problem; field: problem")."""
        return Message(
            "error.invalid",
            {"detail": tuple(field_problem(field, message) for field, message in self.problems.items())},
        )


def field_problem(field: str, problem: Message) -> Message:
    """Return "<field label>: <problem>" as a Message (the label in the reader's language).

    >>> field_problem("title_en", Message("error.required")).text("nl")
    'titel (EN): is verplicht'
    """
    label = Message(f"field.{field}") if f"field.{field}" in _field_keys() else Message("field.record")
    return Message("problem.field", {"field": label, "problem": problem})


@functools.cache
def _field_keys() -> frozenset[str]:
    from i18n import TEXTS

    return frozenset(k for k in TEXTS if k.startswith("field."))


class StoreError(Exception):
    """A write was refused or failed; ``message`` says why. Nothing was changed unless it says so."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class PermissionDenied(StoreError):
    """The actor's role does not allow this action; nothing was written."""


class ConflictError(StoreError):
    """The record moved on since the version the change was based on; ``current`` is its state now."""

    def __init__(self, message: Message, current: Record):
        self.current = current
        super().__init__(message)
