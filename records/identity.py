"""Who is signed in: roles from configuration and the actor built from an OpenID Connect identity.

The deployment lists, per role, who has it (``[roles]`` in ``.streamlit/secrets.toml``)::

    [roles]
    public_read = true                 # may visitors who are not signed in read published records?
    claim = "groups"                   # the token claim(s) holding group or app-role names
    admin = ["ict-beheer@minbzk.nl"]
    editor = ["@minbzk.nl", "grenzen-redactie"]
    reporter = ["@grensinfopunt.nl", "@euregio.de"]
    viewer = ["*"]                     # "*": everyone who signs in

An entry with ``@`` in front is an e-mail domain, an entry with ``@`` inside is one e-mail
address (both compared without regard to case), ``*`` is every signed-in person, anything else
is a group (or app role) name looked up in the configured claim(s). A person gets the highest
role any entry gives them.

Least access, never the most: a person no entry names, an identity without an issuer and a
subject, one whose ``exp`` has passed (or that has none), a mistyped role name or a value of the
wrong type all give **no** role. Such a person may write nothing and reads only what the public
may read. An e-mail address the provider marks as unverified (``email_verified = false``) is not
used for matching.

Nothing here reads Streamlit: :func:`identify` takes the claims and the time as arguments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from i18n import Message
from records.access import Actor, Role

__all__ = ["Identity", "RoleConfig", "SignIn", "identify"]

ROLE_KEYS = ("admin", "editor", "reporter", "viewer")
OTHER_KEYS = ("public_read", "claim")
EVERYONE = "*"


def _entries(value: object) -> tuple[frozenset[str], bool]:
    """Return the entries of a role list (a string is one entry) and whether the value was usable."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        return frozenset(), False
    return frozenset(v.strip() for v in value if v.strip()), True


def _normalise(entry: str) -> str:
    """E-mail addresses and domains compare without regard to case; group names as written."""
    return entry.casefold() if "@" in entry else entry


@dataclass(frozen=True)
class RoleConfig:
    """Who has which role, which claims name groups, and whether the public may read.

    >>> config = RoleConfig.from_mapping({"editor": ["@minbzk.nl"], "reporter": "anna@euregio.de",
    ...                                   "public_read": True, "editors": ["oops"]})
    >>> config.role_for({"email": "Piet@MinBZK.nl"}), config.role_for({"email": "anna@euregio.de"})
    (<Role.EDITOR: 2>, <Role.REPORTER: 1>)
    >>> config.role_for({"email": "someone@else.org"}) is None, config.public_read
    (True, True)
    >>> [p.text("en") for p in config.problems]
    ['[roles] editors: not a setting; known are admin, editor, reporter, viewer, public_read, claim']
    """

    admin: frozenset[str] = frozenset()
    editor: frozenset[str] = frozenset()
    reporter: frozenset[str] = frozenset()
    viewer: frozenset[str] = frozenset()
    claims: tuple[str, ...] = ("groups",)
    public_read: bool = False
    problems: tuple[Message, ...] = field(default=(), compare=False)

    @classmethod
    def from_mapping(cls, section: Mapping[str, Any] | None) -> RoleConfig:
        """Read the ``[roles]`` section; anything unusable is left out (least access) and listed in ``problems``."""
        section = dict(section or {})
        problems: list[Message] = []
        values: dict[str, Any] = {}
        for key, value in section.items():
            if key in ROLE_KEYS:
                entries, ok = _entries(value)
                values[key] = frozenset(_normalise(e) for e in entries)
                if not ok:
                    problems.append(Message("roles.bad_list", {"setting": key}))
            elif key == "claim":
                names, ok = _entries(value)
                values["claims"] = tuple(sorted(names))
                if not ok or not names:
                    problems.append(Message("roles.bad_claim"))
            elif key == "public_read":
                if isinstance(value, bool):
                    values["public_read"] = value
                elif isinstance(value, str) and value.strip().lower() in ("true", "false"):
                    values["public_read"] = value.strip().lower() == "true"
                else:
                    problems.append(Message("roles.bad_bool", {"setting": key}))
            else:
                known = ", ".join((*ROLE_KEYS, *OTHER_KEYS))
                problems.append(Message("roles.unknown_key", {"setting": key, "known": known}))
        return cls(**values, problems=tuple(problems))

    def role_for(self, claims: Mapping[str, Any]) -> Role | None:
        """Return the highest role the claims give, or None when no entry names this person."""
        email = claims.get("email")
        verified = claims.get("email_verified", True) is not False
        email = email.strip().casefold() if isinstance(email, str) and "@" in email and verified else ""
        domain = "@" + email.rsplit("@", 1)[1] if email else ""
        groups: set[str] = set()
        for name in self.claims:
            value = claims.get(name)
            if isinstance(value, str):
                groups.add(value)
            elif isinstance(value, (list, tuple)):
                groups.update(v for v in value if isinstance(v, str))
        keys = {EVERYONE, *groups} | ({email, domain} if email else set())
        for role in (Role.ADMIN, Role.EDITOR, Role.REPORTER, Role.VIEWER):
            if keys & getattr(self, role.name.lower()):
                return role
        return None


class SignIn(StrEnum):
    """How the identity presented to the app stands."""

    NONE = "none"  # nobody signed in
    OK = "ok"  # signed in, with a role
    UNLISTED = "unlisted"  # signed in, but no entry gives this person a role
    EXPIRED = "expired"  # the identity token's time is up (or it has none)
    INCOMPLETE = "incomplete"  # no issuer or subject: not an identity this app can attribute


@dataclass(frozen=True)
class Identity:
    """The actor this session reads and writes as, and why (see :class:`SignIn`)."""

    actor: Actor
    state: SignIn
    name: str = ""  # the display name, also when the sign-in gives no access
    public_read: bool = False

    @property
    def signed_in(self) -> bool:
        return self.state in (SignIn.OK, SignIn.UNLISTED)

    @property
    def may_read(self) -> bool:
        """Published records are readable by the public when configured, else by listed people."""
        return self.public_read or self.state is SignIn.OK


def _text(claims: Mapping[str, Any], *names: str) -> str:
    for name in names:
        value = claims.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _expired(claims: Mapping[str, Any], now: dt.datetime) -> bool:
    exp = claims.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, (int, float)):
        return True  # an identity token always has one: without it, assume the worst
    return now.timestamp() >= exp


def identify(claims: Mapping[str, Any] | None, roles: RoleConfig, now: dt.datetime) -> Identity:
    """Return who the claims of a signed-in session (``st.user``) are, at ``now``.

    The actor's id is ``oidc:<iss>|<sub>`` (stable across changes of name or address); its name
    the ``name`` claim (else ``preferred_username``, ``email``, ``sub``). Anything short of a
    complete, current identity is anonymous.

    >>> roles = RoleConfig.from_mapping({"reporter": ["@euregio.de"]})
    >>> now = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)
    >>> claims = {"is_logged_in": True, "iss": "https://id.example.org", "sub": "u-1", "name": "Anna",
    ...           "email": "anna@euregio.de", "exp": now.timestamp() + 60}
    >>> who = identify(claims, roles, now)
    >>> who.state.value, who.actor.id, who.actor.name, who.actor.role.name
    ('ok', 'oidc:https://id.example.org|u-1', 'Anna', 'REPORTER')
    >>> identify(claims, roles, now + dt.timedelta(minutes=1)).state.value
    'expired'
    >>> identify({**claims, "email": "anna@elders.nl"}, roles, now).actor.role.name
    'VIEWER'
    """
    claims = claims or {}
    public = roles.public_read
    if claims.get("is_logged_in") is not True:
        return Identity(Actor.anonymous(), SignIn.NONE, public_read=public)
    name = _text(claims, "name", "preferred_username", "email", "sub")
    issuer, subject = _text(claims, "iss"), _text(claims, "sub")
    if not issuer or not subject:
        return Identity(Actor.anonymous(), SignIn.INCOMPLETE, name, public)
    if _expired(claims, now):
        return Identity(Actor.anonymous(), SignIn.EXPIRED, name, public)
    email = _text(claims, "email")
    role = roles.role_for(claims)
    if role is None:
        return Identity(Actor.oidc(issuer, subject, name, Role.VIEWER, email), SignIn.UNLISTED, name, public)
    return Identity(Actor.oidc(issuer, subject, name, role, email), SignIn.OK, name, public)
