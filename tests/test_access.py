"""Roles, visibility and duplicate suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from records import Action, Actor, PermissionDenied, RecordIndex, Review, Role, duplicate_suggestions, may, require
from records.access import visible_to
from records.store import RecordSummary
from records.vocab import Border, Kind, Status, Theme

ANNA = Actor.oidc("https://login.example.org", "anna", "Anna", "reporter")
BEN = Actor.oidc("https://login.example.org", "ben", "Ben", "reporter")
EDITH = Actor.oidc("https://login.example.org", "edith", "Edith", "editor")
ADA = Actor.oidc("https://login.example.org", "ada", "Ada", "admin")


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [
        (Actor.anonymous(), set()),
        (Actor("x", "no role", role=None), set()),  # type: ignore[arg-type]  # missing role: least access
        (Actor.oidc("iss", "s", "typo", "editorr"), set()),
        (ANNA, {Action.ADD}),
        (EDITH, set(Action)),
        (ADA, set(Action)),
        (Actor.passphrase(), set(Action)),
        (Actor.local(), set(Action)),
    ],
)
def test_each_role_may_do_exactly_its_actions(actor: Actor, allowed: set[Action]) -> None:
    assert {a for a in Action if may(actor, a)} == allowed
    for action in set(Action) - allowed:
        with pytest.raises(PermissionDenied) as info:
            require(actor, action)
        assert info.value.message.key == "access.denied"
        assert info.value.message.text("nl") != info.value.message.text("en")


def test_modes_and_ids() -> None:
    assert ANNA.id == "oidc:https://login.example.org|anna" and ANNA.role is Role.REPORTER
    assert (Actor.passphrase().id, Actor.passphrase().name, Actor.passphrase().role) == (
        "passphrase",
        "passphrase mode",
        Role.EDITOR,
    )
    assert (Actor.local().id, Actor.anonymous().role) == ("local", Role.VIEWER)


def summary(id: str, review: Review = Review.PUBLISHED, created_by: str = "", title: str = "", fids=("border:nl-de",)):
    day = dt.date(2024, 1, 1)
    return RecordSummary(
        id,
        1,
        Kind.OBSTACLE,
        Status.REPORTED,
        review,
        Theme.TAX,
        (Border.NL_DE,),
        fids,
        day,
        day,
        "",
        title,
        created_by,
        "",
        0,
        0,
    )


@pytest.mark.parametrize(
    ("review", "anonymous", "creator", "other_reporter", "editor"),
    [
        (Review.PUBLISHED, True, True, True, True),
        (Review.PENDING, False, True, False, True),
        (Review.REJECTED, False, True, False, True),
        (Review.MERGED, False, False, False, False),
    ],
)
def test_visibility(review: Review, anonymous: bool, creator: bool, other_reporter: bool, editor: bool) -> None:
    s = summary("r-1", review, created_by=ANNA.id)
    assert [visible_to(s, a) for a in (Actor.anonymous(), ANNA, BEN, EDITH)] == [
        anonymous,
        creator,
        other_reporter,
        editor,
    ]
    index = RecordIndex([s, summary("r-2")])
    assert [x.id for x in index.visible_to(BEN).records] == (["r-1", "r-2"] if other_reporter else ["r-2"])


def test_duplicate_suggestions_rank_by_title_in_both_languages() -> None:
    report = summary("r-new", Review.PENDING, title="Pension taxed twice for cross-border workers")
    dutch_twin = summary("a", title="")._replace(
        title_nl="Pensioen dubbel belast", title_en="Cross-border workers: pension taxed twice"
    )
    others = [
        dutch_twin,
        summary("b", title="Bus stops at the border"),
        summary("c", title="Pension taxed twice", fids=("port:emden",)),  # another feature: not suggested
        summary("m", Review.MERGED, title="Pension taxed twice for cross-border workers"),
    ]
    found = duplicate_suggestions(report, RecordIndex([report, *others]), limit=5)
    assert [s.summary.id for s in found] == ["a", "b"]
    assert found[0].score == 100.0 and found[1].score < 60
    assert [s.summary.id for s in duplicate_suggestions(report, others, limit=1)] == ["a"]
