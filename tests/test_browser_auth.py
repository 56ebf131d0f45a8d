"""Sign-in, roles and the review queue in Chromium, against a local OpenID Connect provider.

One provider and one app server for the module (``tests/oidc.py``); each person signs in once
through the provider's pages (the whole code flow: Streamlit's ``st.login``, Authlib, the
provider's token and keys) and later pages reuse their browser state. No request leaves the
machine: the browser's are blocked and recorded, the server's are logged by the network guard.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator

import pytest
from oidc_provider_mock import User
from playwright.sync_api import Browser, BrowserContext, Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.web.server.starlette.starlette_app_utils import create_signed_value

from records import Actor, CsvStore, Record
from tests.browser import TIMEOUT, block_outside_requests, wait_idle
from tests.conftest import _require_browser
from tests.helpers import read_store
from tests.oidc import COOKIE_SECRET, AuthApp, Provider, app_server, provider
from tests.test_offline_server import _is_local

pytestmark = pytest.mark.browser

FEATURE = "port:north-sea-port-terneuzen"  # has records: a report on it gets a duplicate suggestion
FEATURE_NAME = "North Sea Port – Terneuzen"
EXISTING = "gros-005"  # "Grensbelemmeringen in het havengebied North Sea Port (…)"
USERS = {
    "anna": User(sub="anna", claims={"name": "Anna de Vries", "email": "anna@grensinfo.example"}),
    "edith": User(
        sub="edith", claims={"name": "Edith Bakker", "email": "edith@bzk.example", "groups": ["grenzen-redactie"]}
    ),
    "vera": User(sub="vera", claims={"name": "Vera Jansen", "email": "vera@provincie.example"}),
}
ROLES = """\
[roles]
public_read = true
claim = "groups"
admin = ["ada@bzk.example"]
editor = ["grenzen-redactie"]
reporter = ["@grensinfo.example"]
viewer = ["@provincie.example"]
"""


@pytest.fixture(scope="module")
def issuer() -> Iterator[Provider]:
    _require_browser()
    with provider(list(USERS.values())) as running:
        yield running


@pytest.fixture(scope="module")
def auth_app(issuer: Provider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AuthApp]:
    with app_server(tmp_path_factory.mktemp("auth"), issuer, ROLES) as app:
        yield app
    # The server talked to this machine only (the provider is on loopback too).
    events = [json.loads(line) for line in app.connections_log.read_text().splitlines()]
    assert events and events[0]["event"] == "guard.loaded"
    outside = [e for e in events[1:] if not _is_local(e["address"])]
    assert outside == [], outside


class People:
    """Browser contexts per person; each signs in through the provider once, then reuses the cookies."""

    def __init__(self, browser: Browser, app: AuthApp, context_args: dict):
        self.browser, self.app, self.context_args = browser, app, context_args
        self.states: dict[str, dict] = {}
        self.contexts: list[BrowserContext] = []
        self.outside: list[str] = []

    def context(self, storage_state: dict | None = None) -> BrowserContext:
        context = self.browser.new_context(**self.context_args, storage_state=storage_state)
        self.outside += block_outside_requests(context)
        self.contexts.append(context)
        return context

    def page(self, who: str | None) -> Page:
        """A page of the app for ``who`` (None: a visitor who is not signed in)."""
        if who is None or who in self.states:
            return self.context(self.states.get(who) if who else None).new_page()
        page = self.context().new_page()
        page.goto(self.app.url)
        page.get_by_role("button", name="Aanmelden").click()  # st.login: to the provider
        page.wait_for_url(re.compile(r".*/oauth2/authorize.*"), timeout=TIMEOUT)
        page.get_by_role("button", name=who, exact=True).click()  # the provider's sign-in page
        # back through /oauth2callback, whose answer sets the identity cookie
        page.wait_for_url(f"{self.app.url}/", wait_until="commit", timeout=TIMEOUT)
        self.states[who] = page.context.storage_state()
        assert any(c["name"] == "_streamlit_user" for c in self.states[who]["cookies"])
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()
        self.contexts.clear()


@pytest.fixture(scope="module")
def people(browser: Browser, auth_app: AuthApp, browser_context_args: dict) -> Iterator[People]:
    crowd = People(browser, auth_app, browser_context_args)
    yield crowd
    crowd.close()
    assert crowd.outside == []


def open_feature(page: Page, app: AuthApp, who: str | None = None) -> None:
    """Open the app with the port selected, wait until its panel is drawn and (``who``) that the
    top bar names the person signed in."""
    page.goto(f"{app.url}/?f={FEATURE}")
    # The panel names the port and lists its records (the newest first: not always the same one).
    expect(page.locator(".bp-card h3").first).to_have_text(FEATURE_NAME, timeout=60_000)
    expect(page.locator(".bp-rec").first).to_be_attached()
    if who:
        expect(page.get_by_role("button", name=USERS[who].claims["name"])).to_be_visible()
    wait_idle(page)


def record_card(page: Page, title: str):
    return page.locator(".bp-rec", has_text=title)


def open_sidebar(page: Page) -> None:
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()


def test_a_report_waits_for_review_then_a_viewer_sees_it(people: People, auth_app: AuthApp) -> None:
    title = "Havenpersoneel in North Sea Port heeft twee werkvergunningen nodig"
    # A reporter signs in and reports from the panel of the port; it is stored as pending.
    anna = people.page("anna")
    open_feature(anna, auth_app, "anna")
    expect(anna.get_by_role("button", name="Bewerken")).to_have_count(0)  # a reporter edits nothing
    anna.get_by_role("button", name="Meld hier een belemmering").click()
    dialog = anna.get_by_role("dialog")
    dialog.get_by_role("textbox", name="Titel").fill(title)
    dialog.get_by_role("textbox", name="Samenvatting").fill(
        "Wie in Terneuzen en Gent werkt, vraagt in beide landen een vergunning aan."
    )
    dialog.get_by_role("textbox", name="Bron (verwijzing of URL)").fill("https://www.grensinfopunt.nl/")
    dialog.get_by_role("button", name="Opslaan").click()
    expect(anna.get_by_text("Een redacteur beoordeelt je melding")).to_be_visible(timeout=TIMEOUT)
    expect(record_card(anna, title)).to_contain_text("Wacht op beoordeling")  # the author sees it, marked

    # A viewer does not see it yet, and may neither report nor edit.
    vera = people.page("vera")
    open_feature(vera, auth_app, "vera")
    expect(record_card(vera, title)).to_have_count(0)
    expect(vera.get_by_role("button", name="Meld hier een belemmering")).to_have_count(0)
    expect(vera.get_by_role("button", name="Bewerken")).to_have_count(0)

    # An editor finds it in the review queue, with the existing record as a possible duplicate, and accepts it.
    edith = people.page("edith")
    open_feature(edith, auth_app, "edith")
    open_sidebar(edith)
    queue = edith.locator('[data-testid="stSidebar"] [data-testid="stExpander"]', has_text="Te beoordelen (1)")
    expect(queue).to_contain_text(title)
    expect(queue).to_contain_text(f"({EXISTING} · ")  # the suggestion: same feature, similar title
    expect(queue).to_contain_text("Anna de Vries")  # who sent it
    queue.get_by_role("button", name="Accepteren").click()
    expect(edith.locator('[data-testid="stToast"]', has_text="Geaccepteerd")).to_be_visible(timeout=TIMEOUT)
    expect(edith.get_by_text("Te beoordelen (0)")).to_be_visible()

    # The viewer now sees it, with its history naming who did what.
    open_feature(vera, auth_app, "vera")
    card = record_card(vera, title)
    expect(card).to_contain_text("Gemeld")
    expect(card).not_to_contain_text("Wacht op beoordeling")
    who_did_what = re.compile(r"Anna de Vries · aangemaakt.*Edith Bakker · geaccepteerd")
    expect(card.locator(".bp-hist")).to_contain_text(who_did_what)

    store = read_store(auth_app.csv_path)
    (new,) = [s for s in store.snapshot().summaries if s.title_nl == title]
    history = store.history(new.id)
    issuer = auth_app_issuer(auth_app)
    assert [(h.action, h.actor_id, h.actor_name) for h in history] == [
        ("created", f"oidc:{issuer}|anna", "Anna de Vries"),
        ("accepted", f"oidc:{issuer}|edith", "Edith Bakker"),
    ]


def auth_app_issuer(app: AuthApp) -> str:
    secrets = (app.csv_path.parent / "secrets.toml").read_text()
    return re.search(r'server_metadata_url = "(.*)/\.well-known', secrets).group(1)


def test_a_rejected_report_stays_hidden_from_the_public(people: People, auth_app: AuthApp) -> None:
    title = "Grensarbeiders in Terneuzen missen informatie over pensioen"
    anna = Actor.oidc(auth_app_issuer(auth_app), "anna", "Anna de Vries", "reporter")
    store = CsvStore(auth_app.csv_path)  # another server writing to the same file (its clock: now), as Anna
    report = store.add(
        Record.create(
            {
                "kind": "obstacle",
                "title_nl": title,
                "summary_nl": "Er is geen loket dat beide pensioenstelsels uitlegt.",
                "theme": "labour",
                "border": "NL-BE",
                "feature_ids": FEATURE,
                "status": "reported",
                "source": "https://www.grensinfopunt.nl/",
            },
            today=dt.datetime.now(dt.UTC).date(),
        ),
        anna,
    )
    reason = "Dit staat al in gros-005; vul die melding aan."
    edith = people.page("edith")
    requests = rerun_requests(edith)
    open_feature(edith, auth_app, "edith")
    open_sidebar(edith)
    queue = edith.locator('[data-testid="stSidebar"] [data-testid="stExpander"]', has_text="Te beoordelen (1)")
    expect(queue).to_contain_text(title)
    before = len(requests)
    queue.get_by_role("textbox", name=re.compile("Reden")).fill(reason)
    queue.get_by_role("button", name="Afwijzen").click()
    expect(edith.locator('[data-testid="stToast"]', has_text="Afgewezen")).to_be_visible(timeout=TIMEOUT)
    # The reason went to the server with the click, in one request (reason and actions are one
    # form): typing it reran nothing, and the click did not wait behind a run for the reason.
    (click,) = [r for r in requests[before:] if any(w.id.endswith("-review_reject") for w in r.widget_states.widgets)]
    assert [r for r in requests[before:] if r.fragment_id == click.fragment_id] == [click]
    values = {w.id.rsplit("-", 1)[-1]: w for w in click.widget_states.widgets}
    assert values["review_reason"].string_value == reason and values["review_reject"].trigger_value

    visitor = people.page(None)
    open_feature(visitor, auth_app)
    expect(record_card(visitor, title)).to_have_count(0)

    author = people.page("anna")
    open_feature(author, auth_app, "anna")
    card = record_card(author, title)
    expect(card).to_contain_text("Afgewezen")
    expect(card).to_contain_text(reason)  # the author sees why
    assert read_store(auth_app.csv_path).get([report.id])[report.id].review_note == reason


def rerun_requests(page: Page) -> list[ClientState]:
    """The rerun requests ``page`` sends from now on (its websocket's ``rerun_script`` messages)."""
    sent: list[ClientState] = []

    def on_frame(data: bytes | str) -> None:
        message = BackMsg.FromString(data.encode() if isinstance(data, str) else data)
        if message.WhichOneof("type") == "rerun_script":
            sent.append(message.rerun_script)

    page.on("websocket", lambda ws: ws.on("framesent", on_frame))
    return sent


def _cookie(app: AuthApp, claims: dict, secret: str = COOKIE_SECRET) -> dict:
    """A ``_streamlit_user`` cookie as Streamlit writes it after a sign-in (signed with ``secret``)."""
    value = json.dumps({**claims, "origin": app.url, "is_logged_in": True, "provider": "default"})
    signed = create_signed_value(secret, "_streamlit_user", value).decode()
    return {"name": "_streamlit_user", "value": signed, "url": app.url + "/", "httpOnly": True, "sameSite": "Lax"}


def test_a_forged_tampered_or_expired_session_cannot_write(people: People, auth_app: AuthApp) -> None:
    issuer = auth_app_issuer(auth_app)
    now = time.time()
    editor = {"iss": issuer, "sub": "edith", "name": "Edith Bakker", "groups": ["grenzen-redactie"], "iat": now}
    before = auth_app.csv_path.read_bytes()
    anna_state = people.states.get("anna") or people.page("anna").context.storage_state()
    (real,) = [c for c in anna_state["cookies"] if c["name"] == "_streamlit_user"]
    value = real["value"]  # ".<compressed claims>.<time>.<signature>": change one character of the claims
    i = value.index(".", 1) // 2
    tampered = {**real, "value": value[:i] + ("A" if value[i] != "A" else "B") + value[i + 1 :]}
    cases = [
        ("forged", _cookie(auth_app, {**editor, "exp": now + 3600}, secret="not-the-cookie-secret"), "Aanmelden"),
        ("tampered", tampered, "Aanmelden"),
        ("expired", _cookie(auth_app, {**editor, "exp": now - 60}), "Opnieuw aanmelden"),
    ]
    for case, cookie, button in cases:
        context = people.context()
        context.add_cookies([cookie])
        page = context.new_page()
        open_feature(page, auth_app)
        expect(page.get_by_role("button", name=button, exact=True), case).to_be_visible()
        expect(page.get_by_role("button", name="Edith Bakker"), case).to_have_count(0)
        expect(page.get_by_role("button", name="Meld hier een belemmering"), case).to_have_count(0)
        expect(page.get_by_role("button", name="Bewerken"), case).to_have_count(0)
        if case == "expired":
            open_sidebar(page)
            expect(page.get_by_text("Je aanmelding is verlopen (Edith Bakker)")).to_be_visible()
        context.close()
    assert auth_app.csv_path.read_bytes() == before
