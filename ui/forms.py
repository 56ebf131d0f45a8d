"""The report form (in the sidebar, or in a dialog opened from the panel) and who may write.

Validation is the record model's; this module only lays out the widgets, shows each
problem under the field it concerns and hands valid input to the store. Whether the writer may
write is decided by the store call itself (:mod:`records.access`), not by which widgets are shown.
Editing and reviewing existing records live in :mod:`ui.editing` and :mod:`ui.review`.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from i18n import Message, t
from layers.catalog import Catalog
from records import (
    Actor,
    Border,
    Kind,
    Record,
    RecordError,
    RecordStore,
    Review,
    Status,
    StoreError,
    Theme,
    system_clock,
)
from ui import auth, freshness, state

PREFIX = state.REPORT_PREFIX
ERRORS = state.REPORT_ERRORS
NOTICE = state.REPORT_NOTICE
CLEAR = state.REPORT_CLEAR
PENDING_FEATURE = state.REPORT_PENDING_FEATURE
FIELDS = (
    "kind", "title", "summary", "theme", "border", "feature_ids", "status",
    "legal_basis_nl", "legal_basis_other", "responsible", "source", "reported_by",
)  # fmt: skip
TEXT_DEFAULTS: dict[str, Any] = {
    "title": "", "summary": "", "legal_basis_nl": "", "legal_basis_other": "",
    "responsible": "", "source": "", "reported_by": "", "feature_ids": [], "border": [],
}  # fmt: skip


@dataclass(frozen=True)
class EditorSettings:
    """Who may write: sign-in (OpenID Connect, ``[auth]`` in the secrets), else an optional
    passphrase; a read-only switch; and whether the server can be reached from other machines.

    Closed by default: a server that listens beyond this machine and has neither a passphrase nor
    sign-in configured shows its forms as read-only, with a note on how to enable editing. With
    sign-in, the passphrase is not used: each person writes as themselves, by their role.

    >>> EditorSettings(reachable=True).closed, EditorSettings(reachable=True, passphrase="x").closed
    (True, False)
    >>> EditorSettings(reachable=True, oidc=True).closed, EditorSettings(passphrase="x", oidc=True).asks_passphrase
    (False, False)
    >>> EditorSettings().closed
    False
    """

    passphrase: str = ""
    read_only: bool = False
    reachable: bool = False
    oidc: bool = False

    @property
    def closed(self) -> bool:
        return self.reachable and not self.passphrase and not self.oidc

    @property
    def asks_passphrase(self) -> bool:
        """True when every write asks for the shared passphrase (passphrase mode)."""
        return bool(self.passphrase) and not self.oidc

    @classmethod
    def from_sources(
        cls, secrets: Mapping[str, Any], environ: Mapping[str, str] = os.environ, server_address: str | None = None
    ) -> EditorSettings:
        """Read ``editor_passphrase`` / ``read_only`` from Streamlit secrets, else from
        ``EDITOR_PASSPHRASE`` / ``READ_ONLY`` in the environment; ``server_address`` is
        Streamlit's ``server.address`` (empty means every interface)."""
        passphrase = str(secrets.get("editor_passphrase", environ.get("EDITOR_PASSPHRASE", "")))
        read_only = str(secrets.get("read_only", environ.get("READ_ONLY", ""))).strip().lower()
        return cls(
            passphrase=passphrase,
            read_only=read_only in ("1", "true", "yes", "on"),
            reachable=is_reachable(server_address),
            oidc=auth.oidc_configured(secrets),
        )

    def accepts(self, typed: str) -> bool:
        return not self.asks_passphrase or hmac.compare_digest(typed.encode(), self.passphrase.encode())

    def actor(self) -> Actor:
        """The editor who writes without sign-in: "passphrase mode" when a passphrase is set, else the
        local user of a single machine."""
        return Actor.passphrase() if self.passphrase else Actor.local()


def acting_actor(settings: EditorSettings) -> Actor:
    """Who a write is made as, decided when it is made: the signed-in person (anonymous once their
    sign-in has expired), or the passphrase or local editor."""
    return auth.acting_actor() if settings.oidc else settings.actor()


def rerun_part() -> None:
    """Rerun only the fragment (a dialog, the review queue) this runs in; the whole app when this
    run is not a fragment's own (as under AppTest, which always runs the whole script)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()


def passphrase_field(settings: EditorSettings, lang: str, key: str) -> str:
    """The passphrase input of a form in passphrase mode (nothing otherwise); return what was typed."""
    if not settings.asks_passphrase:
        return ""
    return st.text_input(t("form.passphrase", lang), type="password", key=key)


LOCAL_ADDRESSES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def is_reachable(server_address: str | None) -> bool:
    """True when a server bound to ``server_address`` can be reached from other machines.

    >>> is_reachable("localhost"), is_reachable("0.0.0.0"), is_reachable(""), is_reachable("unix://app.sock")
    (False, True, True, False)
    """
    address = (server_address or "").strip()
    if address.startswith("unix://"):
        return False
    return address not in LOCAL_ADDRESSES and not address.startswith("127.")


def required(label: str) -> str:
    """A form label marked as required (the form explains the mark at its top).

    >>> required("Titel")
    'Titel *'
    """
    return f"{label} *"


def prefill_feature(session: MutableMapping[str, Any], feature_id: str | None) -> None:
    """Put a feature (and its border) into the report form when it is next drawn (a widget's
    value cannot change once drawn in a run)."""
    if feature_id:
        session[PENDING_FEATURE] = feature_id


def open_report_dialog(
    feature_id: str, catalog: Catalog, store: RecordStore, settings: EditorSettings, lang: str
) -> None:
    """Open the report form in a dialog with ``feature_id`` filled in (from the panel)."""
    prefill_feature(st.session_state, feature_id)
    _report_dialog(catalog, store, settings, lang)


@st.dialog(" ", width="large", on_dismiss=freshness.release)
def _report_dialog(catalog: Catalog, store: RecordStore, settings: EditorSettings, lang: str) -> None:
    freshness.hold()  # no whole-page redraw (it would close this dialog) while it is open
    st.subheader(t("form.header", lang), anchor=False)
    report_form(catalog, store, settings, lang, in_dialog=True)


def _problem(field: str, lang: str) -> None:
    message = (st.session_state.get(ERRORS) or {}).get(field)
    if message:
        st.error(message.text(lang), icon="⚠️")


def report_form(
    catalog: Catalog, store: RecordStore, settings: EditorSettings, lang: str, in_dialog: bool = False
) -> None:
    """Draw the "report an obstacle" form and save valid input (in the sidebar, or in a dialog)."""
    session = st.session_state
    if session.pop(CLEAR, False):
        for name, value in TEXT_DEFAULTS.items():
            session[PREFIX + name] = list(value) if isinstance(value, list) else value
    if (pending := session.pop(PENDING_FEATURE, None)) and (feature := catalog.get(pending)):
        session[PREFIX + "feature_ids"] = [feature.id]
        session[PREFIX + "border"] = [b for b in Border if b.value in feature.borders]
    if notice := session.pop(NOTICE, ""):
        st.success(notice)
    names = {
        fid: f"{f.name_in(lang)} ({fid})"
        for fid, f in sorted(catalog.features.items(), key=lambda kv: kv[1].name_in(lang).lower())
    }
    # No max_chars on the fields: Streamlit would silently drop a longer paste and the form would
    # then say "required". The model says "too long (at most N)" and the text stays to be shortened.
    with st.form("report_form", clear_on_submit=False, border=False):
        st.caption(t("form.required_note", lang))
        st.radio(
            required(t("form.kind", lang)),
            list(Kind),
            format_func=lambda v: v.label(lang),
            key=PREFIX + "kind",
            horizontal=True,
        )
        _problem("kind", lang)
        st.text_input(required(t("form.title", lang)), key=PREFIX + "title", help=t("form.at_most", lang, n=160))
        _problem("title", lang)
        st.text_area(
            required(t("form.summary", lang)), key=PREFIX + "summary", height=110, help=t("form.at_most", lang, n=2000)
        )
        _problem("summary", lang)
        st.selectbox(
            required(t("filters.theme", lang)), list(Theme), format_func=lambda v: v.label(lang), key=PREFIX + "theme"
        )
        _problem("theme", lang)
        st.multiselect(
            required(t("filters.border", lang)),
            list(Border),
            format_func=lambda v: v.label(lang),
            key=PREFIX + "border",
            placeholder=t("form.choose", lang),
        )
        _problem("border", lang)
        st.multiselect(
            required(t("form.features", lang)),
            list(names),
            format_func=names.__getitem__,
            key=PREFIX + "feature_ids",
            placeholder=t("form.choose", lang),
            help=t("form.features_help", lang),
        )
        _problem("feature_ids", lang)
        st.selectbox(
            required(t("filters.status", lang)),
            list(Status),
            format_func=lambda v: v.label(lang),
            key=PREFIX + "status",
        )
        _problem("status", lang)
        st.text_input(t("form.legal_nl", lang), key=PREFIX + "legal_basis_nl")
        _problem("legal_basis_nl", lang)
        st.text_input(t("form.legal_other", lang), key=PREFIX + "legal_basis_other")
        _problem("legal_basis_other", lang)
        st.text_input(t("form.responsible", lang), key=PREFIX + "responsible")
        _problem("responsible", lang)
        st.text_input(required(t("form.source", lang)), key=PREFIX + "source", help=t("form.source_help", lang))
        _problem("source", lang)
        st.text_input(t("form.reported_by", lang), key=PREFIX + "reported_by")
        _problem("reported_by", lang)
        typed = passphrase_field(settings, lang, PREFIX + "pass")
        _problem("passphrase", lang)
        _problem("record", lang)
        submitted = st.form_submit_button(t("form.submit", lang), type="primary")
    if submitted:
        _submit(catalog, store, settings, typed, lang, in_dialog)


def _form_values(lang: str) -> dict[str, Any]:
    """The form's input as record columns; title and summary are in the interface language."""
    session = st.session_state
    values = {name: session.get(PREFIX + name) for name in FIELDS}
    values[f"title_{lang}"] = values.pop("title")
    values[f"summary_{lang}"] = values.pop("summary")
    values["border"] = ";".join(str(b) for b in values["border"] or [])
    values["feature_ids"] = ";".join(values["feature_ids"] or [])
    values["kind"] = str(values["kind"])
    values["theme"] = str(values["theme"])
    values["status"] = str(values["status"])
    return values


def _form_field(column: str) -> str:
    """The form field a record column is entered in (title_nl → title)."""
    return column.rsplit("_", 1)[0] if column.startswith(("title_", "summary_")) else column


def _submit(
    catalog: Catalog, store: RecordStore, settings: EditorSettings, typed: str, lang: str, in_dialog: bool
) -> None:
    session = st.session_state
    session[NOTICE] = ""
    # A refused report keeps the dialog open (only it reruns); a saved one closes it (the page reruns).
    again = rerun_part if in_dialog else st.rerun
    if not settings.accepts(typed):
        session[ERRORS] = {"passphrase": Message("form.bad_passphrase")}
        again()
    try:
        today = system_clock().date()
        record = Record.create(_form_values(lang), known_feature_ids=catalog.features, today=today)
        record = store.add(record, acting_actor(settings))  # returns only once the row read back as meant
    except RecordError as exc:
        own = {f"title_{lang}", f"summary_{lang}"}
        shown = {c: m for c, m in exc.problems.items() if not c.startswith(("title_", "summary_")) or c in own}
        session[ERRORS] = {_form_field(c): m for c, m in shown.items()}
    except StoreError as exc:
        session[ERRORS] = {"record": exc.message}
    else:
        session[ERRORS] = {}
        key = "form.saved_pending" if record.review is Review.PENDING else "form.saved"
        saved = t(key, lang, title=record.text("title", lang)[0], id=record.id)
        # the dialog closes: it is said on the page; the sidebar form says it itself
        session[state.TOAST if in_dialog else NOTICE] = saved
        session[CLEAR] = True
        st.rerun()
    again()
