"""Who may do what, checked in the store call itself, and every version attributed to a person.

The tests taking ``make_store`` run against every backend of ``tests/test_store.py``
(``BACKENDS``), so the PostgreSQL store meets the same rules as the CSV file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from records import (
    COLUMNS,
    Actor,
    ConflictError,
    CsvStore,
    PermissionDenied,
    RecordIndex,
    RecordStore,
    Review,
    Status,
    StoreError,
)
from records.access import Role
from tests import test_store as contract
from tests.test_store import EDITOR, KNOWN, OTHER_REPORTER, REPORTER, VIEWER, Ticking, draft

#: The backend-parametrised store factory of the contract suite (each test here runs on every backend).
make_store = contract.make_store

ADMIN = Actor.oidc("https://id.example.org", "ada", "Ada Admin", "admin")
UNLISTED = Actor.oidc("https://id.example.org", "otto", "Otto", None)  # signed in, no role given
TYPO = Actor.oidc("https://id.example.org", "tim", "Tim", "editors")  # a mistyped role: least access


def test_a_reporter_cannot_change_a_status_even_by_calling_the_store(make_store: Callable[..., RecordStore]) -> None:
    store = make_store()
    report = store.add(draft(1), REPORTER)
    published = store.review(report.id, True, "", EDITOR, expected_version=1)
    token = store.change_token()
    for actor in (REPORTER, OTHER_REPORTER, VIEWER, UNLISTED, TYPO):
        attempts = {
            "change_status": lambda a=actor: store.change_status(report.id, "assessing", "mine", a, 2),
            "edit": lambda a=actor: store.edit(report.id, {"title_en": "Taken over by me"}, "", a, 2),
            "review": lambda a=actor: store.review(report.id, False, "no", a, 2),
            "merge": lambda a=actor: store.merge(report.id, report.id, "", a, {report.id: 2}),
        }
        for name, attempt in attempts.items():
            with pytest.raises(PermissionDenied) as info:
                attempt()
            assert info.value.message.key == "access.denied", (actor, name)
    with pytest.raises(PermissionDenied):
        store.add(draft(2), UNLISTED)
    assert store.change_token() == token  # nothing was written
    assert store.get([report.id])[report.id] == published


def test_every_version_names_the_person_and_their_stable_id(make_store: Callable[..., RecordStore]) -> None:
    store = make_store()
    report = store.add(draft(1, title_nl="Belemmering één", summary_nl="Een tekst in het Nederlands."), REPORTER)
    store.review(report.id, True, "", EDITOR, 1)
    store.change_status(report.id, Status.ASSESSING, "picked up", ADMIN, 2)
    store.edit(report.id, {"title_en": "Obstacle one", "source": "Kamerstuk 32 851, nr. 69"}, "translated", EDITOR, 3)
    history = store.history(report.id)
    assert [(h.version, h.action, h.actor_id, h.actor_name) for h in history] == [
        (1, "created", REPORTER.id, "Rik"),
        (2, "accepted", EDITOR.id, "Edith"),
        (3, "status", ADMIN.id, "Ada Admin"),
        (4, "edited", EDITOR.id, "Edith"),
    ]
    assert history[3].changed_fields == ("title_en", "source") and history[3].note == "translated"
    assert history[2].changed_fields == ()
    assert (history[2].from_status, history[2].to_status) == ("reported", "assessing")
    current = store.get([report.id])[report.id]
    assert (current.created_by, current.changed_by, current.changed_by_name) == (REPORTER.id, EDITOR.id, "Edith")
    assert all(h.changed_at for h in history)


def test_a_new_name_does_not_change_who_it_was(make_store: Callable[..., RecordStore]) -> None:
    """The id is issuer + subject: a person who changes their name stays the same person."""
    store = make_store()
    record = store.add(draft(), EDITOR)
    renamed = Actor.oidc("https://id.example.org", "edith", "Edith de Boer", "editor")
    store.change_status(record.id, "assessing", "after the wedding", renamed, 1)
    first, second = store.history(record.id)
    assert first.actor_id == second.actor_id == EDITOR.id
    assert (first.actor_name, second.actor_name) == ("Edith", "Edith de Boer")  # the name each had then
    other_issuer = Actor.oidc("https://login.elders.example", "edith", "Edith", "editor")
    assert other_issuer.id != EDITOR.id  # the same subject at another provider is someone else


@pytest.mark.parametrize(
    ("actor", "name"), [(Actor.passphrase(), "passphrase mode"), (Actor.local(), "local (no sign-in)")]
)
def test_without_sign_in_the_history_names_the_mode_not_a_typed_name(
    make_store: Callable[..., RecordStore], actor: Actor, name: str
) -> None:
    store = make_store()
    record = store.add(draft(reported_by="Piet from the ministry"), actor)
    store.change_status(record.id, "assessing", "noted — Piet", actor, 1)
    assert [(h.actor_id, h.actor_name) for h in store.history(record.id)] == [(actor.id, name)] * 2


def test_review_accept_reject_and_merge_keep_both_histories(make_store: Callable[..., RecordStore]) -> None:
    store = make_store()
    target = store.add(draft(1, title_en="Pension taxed twice for border workers"), EDITOR)
    accepted = store.add(draft(2), REPORTER)
    rejected = store.add(draft(3), REPORTER)
    duplicate = store.add(draft(4, title_en="Border workers: pension taxed twice"), OTHER_REPORTER)
    index = RecordIndex(store.snapshot().summaries)
    assert [s.id for s in index.visible_to(VIEWER).records] == [target.id]  # pending: not public
    assert {s.id for s in index.visible_to(REPORTER).records} == {target.id, accepted.id, rejected.id}

    now = store.review(accepted.id, True, "", EDITOR, 1)
    assert (now.review, now.status) == (Review.PUBLISHED, Status.REPORTED)
    with pytest.raises(StoreError):  # a reason is required to reject
        store.review(rejected.id, False, "  ", EDITOR, 1)
    no = store.review(rejected.id, False, "Not a cross-border obstacle", ADMIN, 1)
    assert (no.review, no.review_note) == (Review.REJECTED, "Not a cross-border obstacle")
    with pytest.raises(StoreError):  # decided once
        store.review(rejected.id, True, "", EDITOR, 2)
    with pytest.raises(ConflictError) as info:  # based on an older version: the current one comes back
        store.review(accepted.id, False, "late", EDITOR, 1)
    assert info.value.current.review is Review.PUBLISHED
    with pytest.raises(StoreError):  # only into a published record
        store.merge(duplicate.id, rejected.id, "", EDITOR, {duplicate.id: 1, rejected.id: 2})

    grown = store.merge(duplicate.id, target.id, "same obstacle", EDITOR, {duplicate.id: 1, target.id: 1})
    assert grown.version == 2
    index = RecordIndex(store.snapshot().summaries)
    public = {s.id for s in index.visible_to(VIEWER).records}
    assert public == {target.id, accepted.id}  # rejected and merged: not public
    mine = [s for s in index.visible_to(REPORTER).records if s.created_by == REPORTER.id]
    assert {s.id: s.review for s in mine} == {accepted.id: Review.PUBLISHED, rejected.id: Review.REJECTED}
    assert store.get([rejected.id])[rejected.id].review_note == "Not a cross-border obstacle"  # the author sees why
    history = store.history(target.id)
    assert {(h.record_id, h.action, h.actor_name) for h in history} == {
        (target.id, "created", "Edith"),
        (target.id, "edited", "Edith"),
        (duplicate.id, "created", "Roos"),
        (duplicate.id, "merged", "Edith"),
    }
    (merged,) = [h for h in history if h.action == "merged"]
    assert merged.merged_into == target.id


# -- the CSV file: a file from before names were stored -----------------------------------------


def test_a_file_without_the_name_column_loads_and_is_upgraded_once(tmp_path: Path) -> None:
    old = [c for c in COLUMNS if c != "changed_by_name"]
    path = tmp_path / "obstacles.csv"
    store = CsvStore(path, clock=Ticking(), known_feature_ids=KNOWN)
    record = store.add(draft(), EDITOR)
    row = record.to_row()
    path.write_text(",".join(old) + "\n" + ",".join(_quote(row[c]) for c in old) + "\n", encoding="utf-8")
    store = CsvStore(path, clock=Ticking(), known_feature_ids=KNOWN)
    snapshot = store.snapshot()
    assert [s.id for s in snapshot.summaries] == [record.id] and snapshot.problems == ()
    (entry,) = store.history(record.id)
    assert entry.actor_name == "edith (id.example.org)"  # no name stored: a readable form of the id
    store.change_status(record.id, "assessing", "upgraded", EDITOR, 1)
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(COLUMNS)
    assert len(list(tmp_path.glob("obstacles.csv.bak-*"))) == 1
    assert [h.actor_name for h in store.history(record.id)] == ["edith (id.example.org)", "Edith"]


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(ch in value for ch in ',"\n') else value


def test_roles_are_ordered_and_unknown_ones_are_the_least() -> None:
    assert Role.VIEWER < Role.REPORTER < Role.EDITOR < Role.ADMIN
    assert (UNLISTED.role, TYPO.role) == (Role.VIEWER, Role.VIEWER)


def test_a_store_clock_far_ahead_still_accepts_the_day(make_store: Callable[..., RecordStore]) -> None:
    """Nothing here reads the calendar: a store with a clock a year ahead writes as well."""
    store = make_store(clock=Ticking(dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)))
    assert store.add(draft(), REPORTER).review is Review.PENDING
