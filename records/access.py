"""Who may do what: actors, their roles, and the checks every store write makes.

Roles are ordered: viewer < reporter < editor < admin. A missing or unknown role is the least
access (viewer). A reporter may add (the report waits for review); an editor or admin may also
add at once, change a status, edit text, translations and links, review reports and merge
duplicates. A viewer may write nothing.

Actors come in modes: ``oidc`` (signed in through an OpenID Connect provider; id
``oidc:<issuer>|<sub>``), ``passphrase`` (an editor who typed the shared passphrase; id
``passphrase``), ``local`` (a single machine with no passphrase configured; id ``local``) and
``anonymous`` (nobody signed in; a viewer).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Protocol

from i18n import Message
from records.errors import PermissionDenied
from records.vocab import Review

__all__ = [
    "Action",
    "Actor",
    "Mode",
    "PermissionDenied",
    "Role",
    "actor_name",
    "initial_review",
    "may",
    "require",
    "visible_to",
]


class Role(IntEnum):
    """How much an actor may do; a higher role may do all a lower one may."""

    VIEWER = 0
    REPORTER = 1
    EDITOR = 2
    ADMIN = 3

    @classmethod
    def parse(cls, value: object) -> Role:
        """Return the role named ``value``; anything missing or unknown is the least access.

        >>> Role.parse("Editor"), Role.parse(None), Role.parse("superuser")
        (<Role.EDITOR: 2>, <Role.VIEWER: 0>, <Role.VIEWER: 0>)
        """
        if isinstance(value, Role):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            return cls.VIEWER

    def label(self, lang: str = "nl") -> str:
        """Return the role's name in ``lang``."""
        return Message(f"role.{self.name.lower()}").text(lang)


class Mode(StrEnum):
    OIDC = "oidc"
    PASSPHRASE = "passphrase"
    LOCAL = "local"
    ANONYMOUS = "anonymous"


class Action(StrEnum):
    ADD = "add"
    CHANGE_STATUS = "change_status"
    EDIT = "edit"
    REVIEW = "review"
    MERGE = "merge"


#: The least role for each action.
LEAST_ROLE: dict[Action, Role] = {
    Action.ADD: Role.REPORTER,
    Action.CHANGE_STATUS: Role.EDITOR,
    Action.EDIT: Role.EDITOR,
    Action.REVIEW: Role.EDITOR,
    Action.MERGE: Role.EDITOR,
}

#: The names stored with a change made without a personal sign-in: who typed the shared
#: passphrase, or who sat at a single machine, is not known, and the history says so.
PASSPHRASE_NAME = "passphrase mode"
LOCAL_NAME = "local (no sign-in)"


@dataclass(frozen=True)
class Actor:
    """Someone who reads or writes records.

    Examples
    --------
    >>> a = Actor.oidc("https://login.example.org", "u-17", "Anna", Role.REPORTER)
    >>> a.id, a.role.name, a.mode.value
    ('oidc:https://login.example.org|u-17', 'REPORTER', 'oidc')
    >>> Actor.anonymous().role.name, Actor.passphrase().name, Actor.local().id, Actor.local().name
    ('VIEWER', 'passphrase mode', 'local', 'local (no sign-in)')
    """

    id: str
    name: str
    role: Role = Role.VIEWER
    email: str = ""
    mode: Mode = Mode.ANONYMOUS

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role.parse(self.role))

    @classmethod
    def anonymous(cls) -> Actor:
        """Nobody signed in: may read published records only."""
        return cls("anonymous", "anonymous", Role.VIEWER, mode=Mode.ANONYMOUS)

    @classmethod
    def passphrase(cls) -> Actor:
        """An editor who typed the shared passphrase (who exactly is not known)."""
        return cls(Mode.PASSPHRASE.value, PASSPHRASE_NAME, Role.EDITOR, mode=Mode.PASSPHRASE)

    @classmethod
    def local(cls) -> Actor:
        """The only user of a single-machine instance with no passphrase configured."""
        return cls(Mode.LOCAL.value, LOCAL_NAME, Role.EDITOR, mode=Mode.LOCAL)

    @classmethod
    def oidc(cls, issuer: str, subject: str, name: str, role: Role | str | None, email: str = "") -> Actor:
        """A person signed in through OpenID Connect; the id is stable across name changes."""
        return cls(f"oidc:{issuer}|{subject}", name, Role.parse(role), email, Mode.OIDC)


def may(actor: Actor, action: Action) -> bool:
    """Return True when ``actor``'s role allows ``action``.

    >>> may(Actor.anonymous(), Action.ADD), may(Actor.local(), Action.MERGE)
    (False, True)
    """
    return actor.role >= LEAST_ROLE[action]


def require(actor: Actor, action: Action) -> None:
    """Raise :class:`PermissionDenied` (with a translatable message) unless ``actor`` may ``action``."""
    if not may(actor, action):
        role = Message(f"role.{actor.role.name.lower()}")
        raise PermissionDenied(Message("access.denied", {"role": role, "action": Message(f"action.{action.value}")}))


def initial_review(actor: Actor) -> Review:
    """Return how a record added by ``actor`` is stored: a reporter's waits for review."""
    return Review.PUBLISHED if actor.role >= Role.EDITOR else Review.PENDING


class _Reviewable(Protocol):
    review: Review
    created_by: str


def visible_to(summary: _Reviewable, actor: Actor) -> bool:
    """Return True when ``actor`` may see the record.

    Published records are for everyone; pending and rejected ones for their creator and for
    editors and admins; a merged record for nobody (its history lives on in the target).
    """
    review = summary.review
    if review is Review.PUBLISHED:
        return True
    if review is Review.MERGED:
        return False
    return actor.role >= Role.EDITOR or (bool(summary.created_by) and summary.created_by == actor.id)


def actor_name(actor_id: str) -> str:
    """Return a readable name for an actor id stored in a file (which holds ids, not names).

    >>> actor_name("passphrase"), actor_name("local"), actor_name("oidc:https://id.example.org|anna"), actor_name("")
    ('passphrase mode', 'local (no sign-in)', 'anna (id.example.org)', '')
    """
    if actor_id == Mode.PASSPHRASE.value:
        return PASSPHRASE_NAME
    if actor_id == Mode.LOCAL.value:
        return LOCAL_NAME
    if actor_id.startswith("oidc:") and "|" in actor_id:
        issuer, subject = actor_id[5:].rsplit("|", 1)
        host = issuer.split("://", 1)[-1].split("/", 1)[0]
        return f"{subject} ({host})"
    return actor_id
