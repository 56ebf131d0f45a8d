"""Sign-in and roles under AppTest: what each role is shown and may do, the review queue, the
edit dialog, conflicts, and least access for anything short of a current, listed identity.

``st.user`` is what AppTest is given (the real sign-in runs in ``test_browser_auth.py``); the
app's clock for token expiry is replaced by a fixed one (``ui.auth.clock``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from records import Actor, CsvStore, Record, Review, Status, fixed_clock
from tests.helpers import read_store
from tests.test_app import ROOT, click, panel_html
from tests.test_forms import errors, field, fill, open_editor, submit
from ui import auth

NOW = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)
ISSUER = "https://login.example.org/realms/grenzen"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-test-secret-0123456789",
    "client_id": "grensbelemmeringen",
    "client_secret": "test-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",  # never fetched here
}
ROLES = {
    "public_read": True,
    "claim": "groups",
    "admin": ["ada@bzk.example"],
    "editor": ["grenzen-redactie"],
    "reporter": ["@grensinfo.example"],
    "viewer": ["@provincie.example"],
}
PORT = "port:north-sea-port-terneuzen"


def person(sub: str, name: str, email: str, groups: tuple[str, ...] = (), exp: float | None = None) -> dict:
    """The claims Streamlit keeps after a sign-in (``st.user``), valid for ten minutes from NOW."""
    return {
        "is_logged_in": True,
        "iss": ISSUER,
        "sub": sub,
        "name": name,
        "email": email,
        "groups": list(groups),
        "exp": NOW.timestamp() + 600 if exp is None else exp,
    }


ANNA = person("anna", "Anna de Vries", "anna@grensinfo.example")
EDITH = person("edith", "Edith Bakker", "edith@bzk.example", ("grenzen-redactie",))
VERA = person("vera", "Vera Jansen", "vera@provincie.example")
ADA = person("ada", "Ada Admin", "ada@bzk.example")
OTTO = person("otto", "Otto", "otto@elders.example")  # signed in, but no list names him
ANNA_ACTOR = Actor.oidc(ISSUER, "anna", "Anna de Vries", "reporter")


@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch, csv_path: Path):
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    monkeypatch.setattr(auth, "clock", fixed_clock(NOW))

    def run(user: dict | None, roles: dict = ROLES, **env: str) -> AppTest:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.secrets["auth"] = AUTH
        at.secrets["roles"] = roles
        at.user = user or {"is_logged_in": False}
        at.run()
        assert not at.exception, at.exception
        return at

    return run


def seed_report(csv_path: Path, title: str, feature: str = PORT, by: Actor = ANNA_ACTOR) -> Record:
    """A report sent meanwhile (another server writing to the same file)."""
    store = CsvStore(csv_path, clock=fixed_clock(NOW))
    draft = Record.create(
        {
            "kind": "obstacle",
            "title_nl": title,
            "summary_nl": "Een melding die op beoordeling wacht, in het Nederlands.",
            "theme": "labour",
            "border": "NL-BE",
            "feature_ids": feature,
            "status": "reported",
            "source": "https://www.grensinfopunt.nl/",
        },
        today=NOW.date(),
    )
    return store.add(draft, by)


def labels(at: AppTest) -> set[str]:
    return {b.label for b in at.button}


def has_map(at: AppTest) -> bool:
    return bool(at.get("component_instance"))


def expander_labels(at: AppTest) -> list[str]:
    """The sidebar's forms and queues: its expanders, apart from sharing (there for everyone)."""
    return [e.label for e in at.sidebar.expander if e.label != "Delen en downloaden"]


# -- reading --------------------------------------------------------------------------------------


def test_a_closed_deployment_shows_only_the_sign_in(start) -> None:
    closed = {**ROLES, "public_read": False}
    nobody = start(None, closed)
    assert [s.value for s in nobody.subheader] == ["Aanmelden vereist"] and not has_map(nobody)
    assert "Aanmelden" in labels(nobody) and "Opslaan" not in labels(nobody)
    unlisted = start(OTTO, closed)
    assert not has_map(unlisted) and any("geen rol" in w.value for w in unlisted.warning)
    viewer = start(VERA, closed)
    assert has_map(viewer) and "Aanmelden vereist" not in [s.value for s in viewer.subheader]
    assert "Opslaan" not in labels(viewer) and not expander_labels(viewer)  # reads, writes nothing


def test_the_public_reads_published_records_only_and_writes_nothing(start, csv_path: Path) -> None:
    report = seed_report(csv_path, "Grenspendelaars missen een loket in Terneuzen")
    # a passphrase in the environment is not used once sign-in is configured
    at = start(None, EDITOR_PASSPHRASE="grens2026")
    click(at, PORT)
    html = panel_html(at)
    assert 'data-record="gros-005"' in html and f'data-record="{report.id}"' not in html
    assert "Aanmelden" in labels(at)
    assert not ({"Opslaan", "Meld hier een belemmering", "Bewerken", "Accepteren"} & labels(at))
    assert not [w for w in at.text_input if w.label == "Wachtwoord voor redacteuren"]
    assert any("Meld je aan" in c.value for c in at.sidebar.caption)


@pytest.mark.parametrize(
    ("user", "note"),
    [
        ({"is_logged_in": True}, "geen bruikbare identiteit"),  # a token without the claims
        ({**EDITH, "iss": ""}, "geen bruikbare identiteit"),
        ({**EDITH, "exp": NOW.timestamp() - 1}, "Je aanmelding is verlopen"),  # past exp, by the app's clock
        ({**EDITH, "exp": None}, "Je aanmelding is verlopen"),  # no exp at all
        ({**EDITH, "groups": ["grenzen-redactie-test"]}, "geen rol"),
        ({**EDITH, "is_logged_in": "yes"}, "Meld je aan"),
    ],
)
def test_anything_short_of_a_current_listed_identity_gets_the_least_access(start, user: dict, note: str) -> None:
    at = start(user)
    assert any(note in m.value for m in [*at.sidebar.warning, *at.sidebar.caption]), note
    click(at, PORT)
    assert not ({"Opslaan", "Meld hier een belemmering", "Bewerken", "Accepteren"} & labels(at))
    assert not expander_labels(at)


def test_an_identity_expires_by_the_apps_clock(start, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = {**EDITH, "exp": NOW.timestamp() + 60}
    assert "Bewerken" in labels(click_port(start(claims)))
    monkeypatch.setattr(auth, "clock", fixed_clock(NOW + dt.timedelta(seconds=60)))
    at = click_port(start(claims))
    assert "Bewerken" not in labels(at) and "Opnieuw aanmelden" in labels(at)
    assert any("Je aanmelding is verlopen (Edith Bakker)" in w.value for w in at.sidebar.warning)


def click_port(at: AppTest) -> AppTest:
    click(at, PORT)
    return at


# -- reporters ------------------------------------------------------------------------------------


def test_a_reporters_report_waits_for_review_and_is_listed_as_their_own(start, csv_path: Path) -> None:
    at = start(ANNA)
    assert any("Aangemeld als **Anna de Vries** (melder)" in m.value for m in at.sidebar.markdown)
    fill(at, title="Havenpersoneel heeft twee vergunningen nodig", feature_ids=[PORT], reported_by="")
    submit(at)
    assert errors(at) == []
    assert any("Een redacteur beoordeelt je melding" in s.value for s in at.success)
    store = read_store(csv_path)
    (mine,) = [s for s in store.snapshot().summaries if s.created_by == ANNA_ACTOR.id]
    record = store.get([mine.id])[mine.id]
    assert (record.review, record.changed_by, record.changed_by_name) == (
        Review.PENDING,
        ANNA_ACTOR.id,
        "Anna de Vries",
    )
    assert "Mijn meldingen (1)" in expander_labels(at) and "Te beoordelen (1)" not in expander_labels(at)
    click(at, PORT)
    html = panel_html(at)
    assert f'data-record="{mine.id}"' in html and "Wacht op beoordeling" in html
    assert "Bewerken" not in labels(at)  # a reporter edits nothing


# -- editors --------------------------------------------------------------------------------------


def queue_choose(at: AppTest, record_id: str) -> None:
    at.sidebar.selectbox(key="review_choice").set_value(record_id).run()


def press(at: AppTest, key: str) -> None:
    (button,) = [b for b in at.button if b.key == key]
    button.click().run()
    assert not at.exception, at.exception


def test_an_editor_accepts_rejects_and_merges_with_duplicates_suggested(start, csv_path: Path) -> None:
    dup = seed_report(csv_path, "Grensbelemmeringen in het havengebied North Sea Port bij Terneuzen")
    good = seed_report(csv_path, "Havenpersoneel heeft twee werkvergunningen nodig")
    bad = seed_report(csv_path, "Test test test")
    at = start(EDITH)
    assert "Te beoordelen (3)" in expander_labels(at)
    queue_choose(at, dup.id)
    html = panel_html(at)
    assert "Anna de Vries" in html and "(gros-005 · " in html and "titel" in html  # who sent it; a suggestion

    queue_choose(at, good.id)
    press(at, "review_accept")
    queue_choose(at, bad.id)
    press(at, "review_reject")
    assert any("geef een reden" in e.value for e in at.sidebar.error)
    at.sidebar.text_area(key="review_reason").input("Een test, geen belemmering.")
    press(at, "review_reject")
    queue_choose(at, dup.id)
    at.sidebar.selectbox(key="review_target").set_value("gros-005")
    at.sidebar.text_area(key="review_reason").input("Zelfde belemmering.")
    press(at, "review_merge")
    assert "Te beoordelen (0)" in expander_labels(at)

    store = read_store(csv_path)
    found = store.get([good.id, bad.id, dup.id, "gros-005"])
    assert (found[good.id].review, found[good.id].status) == (Review.PUBLISHED, Status.REPORTED)
    assert (found[bad.id].review, found[bad.id].review_note) == (Review.REJECTED, "Een test, geen belemmering.")
    assert (found[dup.id].review, found[dup.id].merged_into) == (Review.MERGED, "gros-005")
    history = store.history("gros-005")
    assert {(h.record_id, h.action, h.actor_name) for h in history if h.record_id == dup.id} == {
        (dup.id, "created", "Anna de Vries"),
        (dup.id, "merged", "Edith Bakker"),
    }
    assert [h.actor_name for h in history if h.record_id == "gros-005"][-1] == "Edith Bakker"

    # the public sees the accepted one only; the author sees the rejected one with its reason
    public = click_port(start(None))
    assert f'data-record="{good.id}"' in panel_html(public)
    assert f'data-record="{bad.id}"' not in panel_html(public) and f'data-record="{dup.id}"' not in panel_html(public)
    author = click_port(start(ANNA))
    html = panel_html(author)
    assert f'data-record="{bad.id}"' in html and "Een test, geen belemmering." in html
    assert "Mijn meldingen (1)" in expander_labels(author)


def test_an_editor_adds_the_missing_translation(start, csv_path: Path) -> None:
    store = CsvStore(csv_path, clock=fixed_clock(NOW))
    dutch = store.add(
        Record.create(
            {
                "kind": "obstacle",
                "title_nl": "Buspas niet geldig over de grens",
                "summary_nl": "Een Nederlandse buspas geldt niet in Aken.",
                "theme": "mobility",
                "border": "NL-DE",
                "feature_ids": "bus:350-maastricht-aachen",
                "status": "reported",
                "source": "https://www.grensinfopunt.nl/",
            },
            today=NOW.date(),
        ),
        Actor.local(),
    )
    at = start(EDITH)
    at.segmented_control(key="lang").set_value("en").run()
    open_editor(at, "bus:350-maastricht-aachen", dutch.id)
    assert any("in Dutch only: add the English title" in i.value for i in at.info)
    field(at, "text_input", dutch.id, "_title_en").input("Bus pass not valid across the border")
    field(at, "text_area", dutch.id, "_summary_en").input("A Dutch bus pass is not valid in Aachen.")
    submit(at, "Save changes")
    assert errors(at) == []
    record = read_store(csv_path).get([dutch.id])[dutch.id]
    assert record.languages == ("nl", "en") and record.version == 2
    html = panel_html(at)
    assert "Bus pass not valid across the border" in html and "(Dutch only)" not in html.split(dutch.id)[1][:400]
    assert "Edith Bakker · edited: title (English), summary (English)" in re.sub(r"<[^>]+>", "", html)


def test_a_concurrent_change_is_a_conflict_that_overwrites_nothing(start, csv_path: Path) -> None:
    at = start(EDITH)
    open_editor(at, "bus:350-maastricht-aachen", "gros-002")
    other = CsvStore(csv_path)  # someone else, on another server, saves first
    other.change_status("gros-002", "assessing", "first", Actor.oidc(ISSUER, "ada", "Ada Admin", "admin"), 1)
    before = csv_path.read_bytes()
    field(at, "selectbox", "gros-002", "_status").set_value(Status.ASSESSING)
    field(at, "text_area", "gros-002", "_status_note").input("mine")
    submit(at, "Status wijzigen")
    (message,) = [e.value for e in at.error]
    assert "Intussen door iemand anders gewijzigd (Ada Admin" in message and "versie 2" in message
    assert "er is niets overschreven" in message
    assert csv_path.read_bytes() == before
    assert "In beoordeling" in panel_html(at)  # the record as it is now
    press(at, "edit_rebase")
    field(at, "selectbox", "gros-002", "_status").set_value(Status.IN_PROGRESS)
    field(at, "text_area", "gros-002", "_status_note").input("on a legislative track")
    submit(at, "Status wijzigen")
    assert errors(at) == []
    assert read_store(csv_path).get(["gros-002"])["gros-002"].status is Status.IN_PROGRESS


def test_an_admin_is_told_about_unusable_role_settings(start) -> None:
    roles = {**ROLES, "editors": ["@bzk.example"]}
    admin = start(ADA, roles)
    assert any("[roles] editors: geen instelling" in w.value for w in admin.sidebar.warning)
    editor = start(EDITH, roles)
    assert not any("[roles]" in w.value for w in editor.sidebar.warning)


# -- without sign-in ------------------------------------------------------------------------------


def test_passphrase_mode_asks_for_it_and_the_history_says_passphrase_mode(
    monkeypatch: pytest.MonkeyPatch, csv_path: Path
) -> None:
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    monkeypatch.setenv("EDITOR_PASSPHRASE", "grens2026")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    before = csv_path.read_bytes()
    open_editor(at, "bus:350-maastricht-aachen", "gros-002")
    field(at, "selectbox", "gros-002", "_status").set_value(Status.ASSESSING)
    field(at, "text_area", "gros-002", "_status_note").input("noted by Piet")
    field(at, "text_input", "gros-002", "_status_pass").input("wrong")
    submit(at, "Status wijzigen")
    assert any("wachtwoord klopt niet" in e.lower() for e in errors(at))
    assert csv_path.read_bytes() == before
    field(at, "text_input", "gros-002", "_status_pass").input("grens2026")
    submit(at, "Status wijzigen")
    assert errors(at) == []
    entry = read_store(csv_path).history("gros-002")[-1]
    assert (entry.actor_id, entry.actor_name) == ("passphrase", "passphrase mode")
    assert "wachtwoordmodus (gedeeld wachtwoord)" in panel_html(at)
