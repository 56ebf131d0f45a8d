"""Sign-in through the organisation's OpenID Connect provider: Streamlit's ``st.login``,
``st.user`` and ``st.logout``, with roles from ``[roles]`` in the secrets (see
:mod:`records.identity`).

Sign-in is on when the secrets have an ``[auth]`` section; the passphrase and the single-machine
mode are then not used. Streamlit keeps the identity token's claims in a signed cookie for 30
days; this app takes the identity only while the token's own ``exp`` has not passed, by
:data:`clock` (tests replace it), and otherwise treats the session as anonymous and asks to sign in
again. A cookie that does not verify never reaches ``st.user``: the session is anonymous.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from i18n import t
from records import Actor, Role, system_clock
from records.clock import Clock
from records.identity import Identity, RoleConfig, SignIn, identify
from ui import state

__all__ = [
    "account_box",
    "account_control",
    "clock",
    "gate",
    "identity",
    "oidc_configured",
    "role_config",
    "secrets",
]

#: Where "now" comes from when deciding whether an identity has expired (tests replace it).
clock: Clock = system_clock

#: What the default provider needs in ``[auth]`` (Streamlit refuses st.login without them).
REQUIRED_AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")

_log = logging.getLogger(__name__)


def secrets() -> dict[str, Any]:
    """The app's secrets as a plain dict (empty when there is no or a malformed secrets.toml)."""
    try:
        return _plain(st.secrets.to_dict())
    except Exception:
        return {}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def oidc_configured(values: Mapping[str, Any]) -> bool:
    """True when the secrets have an ``[auth]`` section: sign-in decides who may do what.

    An incomplete section still counts (nobody can sign in then, so nobody writes; the sidebar
    says what is missing) rather than falling back to an open mode.

    >>> oidc_configured({}), oidc_configured({"auth": {"client_id": "x"}}), oidc_configured({"auth": "x"})
    (False, True, False)
    """
    return isinstance(values.get("auth"), Mapping)


def missing_auth_keys(values: Mapping[str, Any]) -> list[str]:
    """The keys of ``[auth]`` that the default provider still needs."""
    section = values.get("auth") or {}
    return [key for key in REQUIRED_AUTH_KEYS if not section.get(key)]


def role_config(values: Mapping[str, Any]) -> RoleConfig:
    """The ``[roles]`` section, read once per distinct content (its problems are logged once)."""
    section = values.get("roles") if isinstance(values.get("roles"), Mapping) else {}
    return _role_config(json.dumps(section, sort_keys=True, default=str))


@functools.lru_cache(maxsize=8)
def _role_config(section: str) -> RoleConfig:
    roles = RoleConfig.from_mapping(json.loads(section))
    for problem in roles.problems:
        _log.warning("secrets: %s", problem.text("en"))
    return roles


def identity(values: Mapping[str, Any] | None = None) -> Identity:
    """Who this session is now: the signed-in person with their role, or anonymous."""
    values = secrets() if values is None else values
    try:
        claims = st.user.to_dict()
    except Exception:  # no script run context (bare mode)
        claims = {}
    return identify(claims, role_config(values), clock())


def acting_actor() -> Actor:
    """The actor a write is made as, decided at the moment of writing (not when a form was drawn)."""
    return identity().actor


def _sign_in_button(lang: str, key: str, label: str = "auth.sign_in") -> None:
    if st.button(t(label, lang), key=key, type="primary", icon=":material/login:"):
        st.login()


def account_control(lang: str) -> None:
    """The top bar's account control (with sign-in configured): a button to sign in, or the
    signed-in person's name with their role and a button to sign out."""
    values = secrets()
    if not oidc_configured(values) or missing_auth_keys(values):
        return
    who = identity(values)
    if who.signed_in:
        with st.popover(who.name, icon=":material/account_circle:", key=state.ACCOUNT):
            role = who.actor.role.label(lang) if who.state is SignIn.OK else t("auth.no_role_short", lang)
            st.markdown(t("auth.signed_in_as", lang, name=who.name, role=role))
            if who.actor.email:
                st.caption(who.actor.email)
            if st.button(t("auth.sign_out", lang), key=state.AUTH_SIGN_OUT, icon=":material/logout:"):
                st.logout()
    else:
        label = "auth.sign_in_again" if who.state is SignIn.EXPIRED else "auth.sign_in"
        _sign_in_button(lang, state.AUTH_SIGN_IN, label)


def account_box(who: Identity, values: Mapping[str, Any], lang: str) -> None:
    """The sidebar's top: what this session may do and why (sign-in itself is in the top bar)."""
    if missing := missing_auth_keys(values):
        st.error(t("auth.incomplete_config", lang, keys=", ".join(missing)))
        return
    if who.state is SignIn.OK:
        st.markdown(t("auth.signed_in_as", lang, name=who.actor.name, role=who.actor.role.label(lang)))
        if who.actor.role is Role.ADMIN:
            for problem in role_config(values).problems:
                st.warning(problem.text(lang))
    elif who.state is SignIn.UNLISTED:
        st.warning(t("auth.no_role", lang, name=who.name))
    elif who.state is SignIn.EXPIRED:
        st.warning(t("auth.expired", lang, name=who.name))
    elif who.state is SignIn.INCOMPLETE:
        st.warning(t("auth.incomplete_identity", lang))
    else:
        st.caption(t("auth.why_sign_in", lang))


def gate(who: Identity, values: Mapping[str, Any], lang: str) -> None:
    """On a deployment closed to the public, show only the sign-in until someone with a role is
    signed in (``st.stop``): no records, no map."""
    if who.may_read:
        return
    with st.container(key=state.SIGN_IN_GATE):
        st.subheader(t("auth.gate_title", lang), anchor=False)
        if missing := missing_auth_keys(values):
            st.error(t("auth.incomplete_config", lang, keys=", ".join(missing)))
        elif who.state is SignIn.UNLISTED:
            st.warning(t("auth.no_role", lang, name=who.name))
        else:
            if who.state is SignIn.EXPIRED:
                st.warning(t("auth.expired", lang, name=who.name))
            st.write(t("auth.gate_text", lang))
            _sign_in_button(lang, state.AUTH_GATE_SIGN_IN)
    st.stop()
