"""Editing a record from the panel (editors and admins): its status along the lifecycle with a
note, its texts in both languages (adding a missing translation), links, theme and source.

Under the panel an editor opens a dialog on the records the panel shows, and picks one of them
there (a single button under the panel: a click on the map redraws it and nothing heavier). The
dialog is based on the version that was current when it opened: if someone else changed the record
meanwhile, saving says so, shows the record as it is now and writes nothing (the store raises
:class:`~records.errors.ConflictError`); the editor can then continue from the current version.
After a save the whole app reruns, so the map's badges and the panel follow at once.

The dialog is open while :data:`ui.state.EDIT_OPEN` says so (not only in the run after a button
press), so that it survives reruns of the app and can be driven in AppTest.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from i18n import Message, t
from layers.catalog import Catalog
from records import (
    Action,
    Border,
    ConflictError,
    Record,
    RecordError,
    RecordStore,
    RecordSummary,
    Review,
    StoreError,
    Theme,
    may,
)
from records.model import LANGUAGES
from ui import forms, freshness, panel, state

#: The text fields of the dialog, in the order shown (a title and summary per language first).
TEXT_FIELDS = ("legal_basis_nl", "legal_basis_other", "responsible", "source")


def panel_tools(
    store: RecordStore, catalog: Catalog, settings: forms.EditorSettings | None, lang: str
) -> Callable[[Sequence[RecordSummary]], None] | None:
    """The editing tools for the panel, or None when this session may not edit (read-only,
    closed, not signed in as an editor or admin)."""
    if settings is None or settings.read_only or settings.closed:
        return None
    if not may(forms.acting_actor(settings), Action.EDIT):
        return None
    return functools.partial(edit_tools, store=store, catalog=catalog, settings=settings, lang=lang)


def _open(record_id: str, version: int) -> None:
    st.session_state[state.EDIT_OPEN] = (record_id, version)
    st.session_state.pop(state.EDIT_ERRORS, None)
    st.session_state.pop(state.EDIT_CONFLICT, None)


def _open_on(shown: tuple[RecordSummary, ...]) -> None:
    st.session_state[state.EDIT_CHOICES] = shown
    _open(shown[0].id, shown[0].version)


def _panel_records() -> dict[str, RecordSummary]:
    """The records the panel showed when the dialog opened, by id."""
    return {s.id: s for s in st.session_state.get(state.EDIT_CHOICES) or ()}


def _choose() -> None:
    """The dialog's picker changed: open the chosen record at its version when the panel showed it."""
    chosen = _panel_records().get(st.session_state.get(state.EDIT_CHOICE))
    if chosen is not None:
        _open(chosen.id, chosen.version)


def _close() -> None:
    freshness.release()
    for key in (state.EDIT_OPEN, state.EDIT_ERRORS, state.EDIT_CONFLICT, state.EDIT_CHOICES):
        st.session_state.pop(key, None)


def edit_tools(
    shown: Sequence[RecordSummary], *, store: RecordStore, catalog: Catalog, settings: forms.EditorSettings, lang: str
) -> None:
    """A button that opens the edit dialog on the panel's records; keep the dialog open while it is."""
    if shown:
        st.button(
            t("edit.open", lang),
            key=state.EDIT_OPEN_BUTTON,
            icon=":material/edit:",
            on_click=_open_on,
            args=(tuple(shown),),
        )
    if st.session_state.get(state.EDIT_OPEN):
        _dialog(store, catalog, settings, lang)


@st.dialog(" ", width="large", on_dismiss=_close)
def _dialog(store: RecordStore, catalog: Catalog, settings: forms.EditorSettings, lang: str) -> None:
    # The record comes from the session, not from arguments: the picker below reruns this dialog
    # on its own, with the arguments of its opening.
    freshness.hold()  # no whole-page redraw (it would close this dialog) while it is open
    record_id, base = st.session_state[state.EDIT_OPEN]
    _picker(record_id, lang)
    record = store.get([record_id]).get(record_id)
    if record is None:
        st.error(t("edit.gone", lang, id=record_id))
        return
    st.subheader(record.text("title", lang)[0], anchor=False)
    st.caption(
        t("edit.based_on", lang, id=record.id, v=base, status=record.status.label(lang))
        + ("" if record.review is Review.PUBLISHED else f" · {record.review.label(lang)}")
    )
    if (current := st.session_state.get(state.EDIT_CONFLICT)) is not None and current.id == record_id:
        _conflict(current, lang)
    status_tab, content_tab = st.tabs([t("edit.tab_status", lang), t("edit.tab_content", lang)])
    with status_tab:
        _status_form(record, base, store, settings, lang)
    with content_tab:
        _content_form(record, base, store, catalog, settings, lang)


def _picker(record_id: str, lang: str) -> None:
    """Which of the panel's records to edit (only when it showed more than one)."""
    by_id = _panel_records()
    if len(by_id) < 2 or record_id not in by_id:
        return
    st.session_state[state.EDIT_CHOICE] = record_id
    st.selectbox(
        t("edit.choose", lang),
        list(by_id),
        format_func=lambda rid: f"{by_id[rid].text('title', lang)[0]} ({rid})",
        key=state.EDIT_CHOICE,
        on_change=_choose,
    )


def _conflict(current: Record, lang: str) -> None:
    """Someone else saved first: say who and when, show the record as it is now."""
    who = panel.actor_label(current.changed_by, current.changed_by_name, lang)
    st.error(t("edit.conflict", lang, who=who, when=panel.format_stamp(current.changed_at), v=current.version))
    st.html(panel.PANEL_CSS + f'<div class="bp-card">{panel.record_card(current, lang=lang)}</div>')
    st.button(
        t("edit.rebase", lang),
        key=state.EDIT_REBASE,
        on_click=_open,
        args=(current.id, current.version),
        type="primary",
    )


def _key(record_id: str, base: int, field: str) -> str:
    return f"{state.EDIT_PREFIX}{record_id}_{base}_{field}"


def _problem(field: str, lang: str) -> None:
    message = (st.session_state.get(state.EDIT_ERRORS) or {}).get(field)
    if message:
        st.error(message.text(lang), icon="⚠️")


def _status_form(record: Record, base: int, store: RecordStore, settings: forms.EditorSettings, lang: str) -> None:
    if record.review is Review.PENDING:
        st.info(t("edit.pending_first", lang))
        return
    allowed = record.status.allowed_next()
    if record.review is not Review.PUBLISHED or not allowed:
        st.caption(t("edit.final", lang))
        return
    with st.form(_key(record.id, base, "status_form"), border=False):
        new_status = st.selectbox(
            t("edit.new_status", lang),
            list(allowed),
            format_func=lambda v: v.label(lang),
            key=_key(record.id, base, "status"),
        )
        note = st.text_area(
            forms.required(t("edit.note", lang)),
            key=_key(record.id, base, "status_note"),
            height=80,
            help=t("form.at_most", lang, n=1000),
        )
        _problem("note", lang)
        typed = forms.passphrase_field(settings, lang, _key(record.id, base, "status_pass"))
        _problem("passphrase", lang)
        submitted = st.form_submit_button(t("edit.change_status", lang), type="primary")
    if submitted:
        _save(
            lambda actor: store.change_status(record.id, new_status, note, actor, expected_version=base),
            settings,
            typed,
            lang,
            note_field="note",
        )


def _content_form(
    record: Record, base: int, store: RecordStore, catalog: Catalog, settings: forms.EditorSettings, lang: str
) -> None:
    for missing in (code for code in LANGUAGES if code not in record.languages):
        st.info(t(f"edit.translation_missing_{missing}", lang))
    names = {
        fid: f"{f.name_in(lang)} ({fid})"
        for fid, f in sorted(catalog.features.items(), key=lambda kv: kv[1].name_in(lang).lower())
    }
    for fid in record.feature_ids:
        names.setdefault(fid, fid)
    values: dict[str, Any] = {}
    with st.form(_key(record.id, base, "content_form"), border=False):
        for code in LANGUAGES:
            column = f"title_{code}"
            values[column] = st.text_input(
                t(f"edit.title_{code}", lang), value=getattr(record, column), key=_key(record.id, base, column)
            )
            _problem(column, lang)
            column = f"summary_{code}"
            values[column] = st.text_area(
                t(f"edit.summary_{code}", lang),
                value=getattr(record, column),
                key=_key(record.id, base, column),
                height=110,
            )
            _problem(column, lang)
        for column, label in zip(
            TEXT_FIELDS,
            ("form.legal_nl", "form.legal_other", "form.responsible", "form.source"),
            strict=True,
        ):
            values[column] = st.text_input(
                t(label, lang), value=getattr(record, column), key=_key(record.id, base, column)
            )
            _problem(column, lang)
        values["theme"] = st.selectbox(
            t("filters.theme", lang),
            list(Theme),
            index=list(Theme).index(record.theme),
            format_func=lambda v: v.label(lang),
            key=_key(record.id, base, "theme"),
        )
        values["border"] = st.multiselect(
            t("filters.border", lang),
            list(Border),
            default=list(record.borders),
            format_func=lambda v: v.label(lang),
            key=_key(record.id, base, "border"),
        )
        _problem("border", lang)
        values["feature_ids"] = st.multiselect(
            t("form.features", lang),
            list(names),
            default=list(record.feature_ids),
            format_func=names.__getitem__,
            key=_key(record.id, base, "feature_ids"),
        )
        _problem("feature_ids", lang)
        note = st.text_area(t("edit.why", lang), key=_key(record.id, base, "content_note"), height=70)
        _problem("note", lang)
        typed = forms.passphrase_field(settings, lang, _key(record.id, base, "content_pass"))
        _problem("passphrase", lang)
        _problem("record", lang)
        submitted = st.form_submit_button(t("edit.save", lang), type="primary")
    if not submitted:
        return
    changes = _changes(record, values)
    if not changes:
        st.session_state[state.EDIT_ERRORS] = {"record": Message("edit.nothing")}
        forms.rerun_part()
    _save(lambda actor: store.edit(record.id, changes, note, actor, expected_version=base), settings, typed, lang)


def _changes(record: Record, values: dict[str, Any]) -> dict[str, str]:
    """The columns whose value the editor changed, as the strings a row holds."""
    row = record.to_row()
    typed = {
        **{k: v for k, v in values.items() if k not in ("theme", "border", "feature_ids")},
        "theme": str(values["theme"]),
        "border": ";".join(str(b) for b in sorted(values["border"] or [], key=str)),
        "feature_ids": ";".join(values["feature_ids"] or []),
    }
    return {k: v for k, v in typed.items() if v.strip() != row[k].strip()}


def _save(
    write: Callable[[Any], Record], settings: forms.EditorSettings, typed: str, lang: str, note_field: str = "record"
) -> None:
    """Write as whoever is signed in now; on success close the dialog and rerun the app."""
    session = st.session_state
    if not settings.accepts(typed):
        session[state.EDIT_ERRORS] = {"passphrase": Message("form.bad_passphrase")}
        forms.rerun_part()
    try:
        saved = write(forms.acting_actor(settings))  # returns only once the new row read back
    except ConflictError as exc:
        session[state.EDIT_CONFLICT] = exc.current
        session[state.EDIT_ERRORS] = {}
    except RecordError as exc:
        session[state.EDIT_ERRORS] = dict(exc.problems)
    except StoreError as exc:
        field = note_field if exc.message.key.startswith("store.note") else "record"
        session[state.EDIT_ERRORS] = {field: exc.message}
    else:
        _close()
        session[state.TOAST] = t("edit.saved", lang, title=saved.text("title", lang)[0], v=saved.version)
        st.rerun()  # the whole app: badges, panel and table follow the new version
    forms.rerun_part()
