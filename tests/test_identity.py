"""Roles from configuration: the token's claims mapped to a role, least access whenever in doubt."""

from __future__ import annotations

import datetime as dt

import pytest

from records.access import Mode, Role
from records.identity import RoleConfig, SignIn, identify

NOW = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)
ISSUER = "https://login.microsoftonline.com/3f1c/v2.0"
ROLES = RoleConfig.from_mapping(
    {
        "public_read": False,
        "claim": ["groups", "roles"],
        "admin": ["ada@minbzk.nl"],
        "editor": ["@MinBZK.nl", "Grenzen.Redactie"],
        "reporter": ["@grensinfopunt.nl", "/euregio/melders"],
        "viewer": ["@provincie.example"],
    }
)


def claims(**values: object) -> dict[str, object]:
    return {"is_logged_in": True, "iss": ISSUER, "sub": "s-1", "exp": NOW.timestamp() + 600, **values}


@pytest.mark.parametrize(
    ("values", "role"),
    [
        ({"email": "ada@minbzk.nl"}, Role.ADMIN),  # named: admin beats the domain's editor
        ({"email": "Piet.Jansen@minbzk.NL"}, Role.EDITOR),  # domains without regard to case
        ({"roles": ["Grenzen.Redactie"]}, Role.EDITOR),  # an Entra ID app role
        ({"groups": "Grenzen.Redactie"}, Role.EDITOR),  # one group as a string
        ({"groups": ["grenzen.redactie"]}, None),  # group names as written
        ({"groups": ["/euregio/melders"], "email": "x@elders.org"}, Role.REPORTER),  # a Keycloak group path
        ({"email": "an@grensinfopunt.nl"}, Role.REPORTER),
        ({"email": "an@sub.grensinfopunt.nl"}, None),  # not a subdomain
        ({"email": "grensinfopunt.nl@evil.example"}, None),
        ({"email": "vera@provincie.example"}, Role.VIEWER),
        ({"email": "ada@minbzk.nl", "email_verified": False}, None),  # unverified: not used
        ({"email": "ada@minbzk.nl", "email_verified": True}, Role.ADMIN),
        ({}, None),  # a token without the claims
        ({"groups": [1, None, {"x": 1}]}, None),
    ],
)
def test_claims_map_to_the_highest_listed_role_or_none(values: dict, role: Role | None) -> None:
    assert ROLES.role_for(values) is role


def test_a_signed_in_person_becomes_an_actor_with_a_stable_id() -> None:
    who = identify(claims(name="Piet Jansen", email="piet@minbzk.nl"), ROLES, NOW)
    assert who.state is SignIn.OK and who.may_read and who.signed_in
    actor = who.actor
    assert (actor.id, actor.name, actor.email, actor.role, actor.mode) == (
        f"oidc:{ISSUER}|s-1",
        "Piet Jansen",
        "piet@minbzk.nl",
        Role.EDITOR,
        Mode.OIDC,
    )
    assert identify(claims(preferred_username="pj@minbzk.nl"), ROLES, NOW).actor.name == "pj@minbzk.nl"


@pytest.mark.parametrize(
    ("values", "state"),
    [
        (None, SignIn.NONE),
        ({"is_logged_in": False}, SignIn.NONE),
        ({"is_logged_in": "true", "iss": ISSUER, "sub": "s-1"}, SignIn.NONE),  # only the real True
        ({"is_logged_in": True}, SignIn.INCOMPLETE),  # a token without the claims
        (claims(iss=""), SignIn.INCOMPLETE),
        (claims(sub=None), SignIn.INCOMPLETE),
        (claims(email="ada@minbzk.nl", exp=NOW.timestamp()), SignIn.EXPIRED),  # exp is the first moment not valid
        (claims(email="ada@minbzk.nl", exp=None), SignIn.EXPIRED),  # no exp: assume the worst
        (claims(email="ada@minbzk.nl", exp="2099-01-01"), SignIn.EXPIRED),
        (claims(email="nobody@elders.org"), SignIn.UNLISTED),
    ],
)
def test_anything_short_of_a_current_listed_identity_gets_the_least_access(values, state: SignIn) -> None:
    who = identify(values, ROLES, NOW)
    assert who.state is state
    assert who.actor.role is Role.VIEWER
    assert not who.may_read  # this deployment is closed to the public
    if state is not SignIn.UNLISTED:
        assert who.actor.mode is Mode.ANONYMOUS


def test_the_same_identity_expires_with_the_clock() -> None:
    values = claims(email="ada@minbzk.nl", exp=NOW.timestamp() + 60)
    assert identify(values, ROLES, NOW + dt.timedelta(seconds=59)).actor.role is Role.ADMIN
    assert identify(values, ROLES, NOW + dt.timedelta(seconds=60)).state is SignIn.EXPIRED


def test_public_read_lets_everyone_read_and_no_one_more() -> None:
    public = RoleConfig.from_mapping({"public_read": True})
    nobody = identify(None, public, NOW)
    assert nobody.may_read and nobody.actor.role is Role.VIEWER
    assert identify(claims(email="ada@minbzk.nl"), public, NOW).actor.role is Role.VIEWER  # no lists: no roles


@pytest.mark.parametrize(
    ("section", "problem_keys"),
    [
        (None, []),
        ({}, []),
        ({"public_read": "yes"}, ["roles.bad_bool"]),  # neither true nor false: false
        ({"editor": "one@minbzk.nl"}, []),  # a single entry as a string
        ({"editor": 5}, ["roles.bad_list"]),
        ({"editor": ["ok@minbzk.nl", 3]}, ["roles.bad_list"]),
        ({"editors": ["@minbzk.nl"]}, ["roles.unknown_key"]),  # a typo gives nothing, and says so
        ({"claim": []}, ["roles.bad_claim"]),
    ],
)
def test_unusable_configuration_is_left_out_and_listed(section, problem_keys: list[str]) -> None:
    config = RoleConfig.from_mapping(section)
    assert [p.key for p in config.problems] == problem_keys
    assert config.role_for({"email": "one@minbzk.nl"}) in (None, Role.EDITOR)
    assert config.public_read is False
    for problem in config.problems:
        assert problem.text("nl") != problem.text("en")


def test_everyone_who_signs_in_can_be_given_a_role() -> None:
    config = RoleConfig.from_mapping({"viewer": ["*"], "reporter": ["@euregio.de"]})
    assert config.role_for({"email": "a@elders.org"}) is Role.VIEWER
    assert config.role_for({"email": "b@euregio.de"}) is Role.REPORTER
    assert RoleConfig.from_mapping({"editor": ["*"]}).role_for({}) is Role.EDITOR


def test_the_readmes_examples_are_complete_and_valid() -> None:
    """Each secrets example in the README has what st.login needs and role settings without problems."""
    import re
    import tomllib
    from pathlib import Path

    from ui.auth import REQUIRED_AUTH_KEYS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    examples = [tomllib.loads(block) for block in re.findall(r"```toml\n(.*?)```", readme, re.S)]
    assert len(examples) >= 2
    for example in examples:
        assert all(example["auth"].get(key) for key in REQUIRED_AUTH_KEYS)
        config = RoleConfig.from_mapping(example["roles"])
        assert config.problems == () and any((config.admin, config.editor, config.reporter, config.viewer))
