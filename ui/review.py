"""The review queue (editors and admins) and a reporter's own reports, in the sidebar.

Moderation follows what public reporting services do (FixMyStreet's moderation, Ushahidi's
"in review" posts): a reporter's report is stored *pending* and shown only to its author and to
editors. An editor accepts it (it becomes public with the first status of its lifecycle),
rejects it with a reason that its author sees, or merges it into an existing record (possible
duplicates are suggested: records on the same features with a similar title, by rapidfuzz). Every
action is checked by the store call itself; the buttons only make it convenient.
"""

from __future__ import annotations

import streamlit as st

from i18n import Message, t
from layers.catalog import Catalog
from records import (
    Actor,
    ConflictError,
    Record,
    RecordIndex,
    RecordStore,
    RecordSummary,
    Review,
    StoreError,
    duplicate_suggestions,
)
from ui import forms, panel, state

#: Suggestions shown per report, most similar first, and the least title similarity (0–100) shown.
SUGGESTIONS = 3
LEAST_SIMILARITY = 50

QUEUE_CSS = """
<style>
.bp-queue { font: 14px/1.4 system-ui, sans-serif; }
.bp-queue h4 { margin: 4px 0; font-size: 1.02em; }
.bp-queue p { margin: 4px 0; white-space: pre-wrap; }
.bp-queue ul { margin: 2px 0; padding-left: 18px; }
.bp-queue li { font-size: 14px; margin: 2px 0; }
.bp-queue + .bp-queue { margin-top: 8px; }
.bp-queue .meta { color: #555; font-size: .88em; }
</style>
"""


def pending_reports(index: RecordIndex) -> list[RecordSummary]:
    """The reports awaiting review, oldest first (the order they came in)."""
    return sorted((s for s in index.unpublished() if s.review is Review.PENDING), key=lambda s: (s.reported_on, s.id))


def own_reports(index: RecordIndex, actor: Actor) -> list[RecordSummary]:
    """The reports ``actor`` made that the public does not see yet, or will not (pending, rejected)."""
    waiting = (Review.PENDING, Review.REJECTED)
    return [s for s in index.unpublished() if s.created_by == actor.id and s.review in waiting]


def _title(summary: RecordSummary, lang: str) -> str:
    return summary.text("title", lang)[0]


def report_html(record: Record, author: str, catalog: Catalog, lang: str) -> str:
    """A pending report as the reviewer reads it: title and text, what it is tied to, who sent it."""
    title, _ = record.text("title", lang)
    summary, _ = record.text("summary", lang)
    features = ", ".join(
        (f.name_in(lang) if (f := catalog.get(fid)) else fid) + f" ({fid})" for fid in record.feature_ids
    )
    e = panel.escape
    return (
        f'<div class="bp-queue"><h4>{e(title)}</h4>'
        f'<div class="meta">{e(record.kind.label(lang))} · {e(record.theme.label(lang))} · {e(record.border)}'
        f" · {e(record.reported_on.isoformat())}</div>"
        f"<p>{e(summary)}</p>"
        f'<div class="meta">{e(t("queue.features", lang))}: {e(features)}</div>'
        f'<div class="meta">{e(t("panel.source", lang))}: {panel.linkify(record.source)}</div>'
        f'<div class="meta">{e(t("queue.sent_by", lang))}: {e(author)}'
        + (f" · {e(record.reported_by)}" if record.reported_by else "")
        + "</div></div>"
    )


def suggestions_html(report: RecordSummary, index: RecordIndex, lang: str) -> tuple[str, list[RecordSummary]]:
    """The possible duplicates of ``report`` (as HTML) and those of them it can be merged into.

    Records on the same features whose titles are at least :data:`LEAST_SIMILARITY` alike
    (rapidfuzz's token-set ratio over both languages, see :func:`records.duplicate_suggestions`).
    """
    found = [s for s in duplicate_suggestions(report, index, limit=SUGGESTIONS) if s.score >= LEAST_SIMILARITY]
    e = panel.escape
    if not found:
        return f'<div class="bp-queue meta">{e(t("queue.no_duplicates", lang))}</div>', []
    items = "".join(
        f"<li>{e(_title(s.summary, lang))} <span class='meta'>({e(s.summary.id)} · "
        f"{e(s.summary.status.label(lang))} · {e(t('queue.similarity', lang, score=round(s.score)))})</span>"
        + (f" {panel.review_marker(s.summary, lang)}" if s.summary.review is not Review.PUBLISHED else "")
        + "</li>"
        for s in found
    )
    html = f'<div class="bp-queue"><div class="meta">{e(t("queue.duplicates", lang))}</div><ul>{items}</ul></div>'
    targets = [s.summary for s in found if s.summary.review is Review.PUBLISHED and s.summary.kind is report.kind]
    return html, targets


@st.fragment
def queue(index: RecordIndex, store: RecordStore, catalog: Catalog, settings: forms.EditorSettings, lang: str) -> None:
    """The reports awaiting review, one at a time, with the actions accept, reject and merge.

    A fragment: choosing a report reruns only the queue; an action reruns the whole app (the map's
    badges and the panel change).
    """
    waiting = pending_reports(index)
    if not waiting and not settings.oidc and state.REVIEW_MESSAGE not in st.session_state:
        return  # without sign-in there are no reporters: no empty queue in the way
    message = st.session_state.pop(state.REVIEW_MESSAGE, None)
    header = t("queue.header", lang, n=len(waiting))
    with st.expander(header, expanded=bool(waiting or message), icon=":material/fact_check:"):
        if message:
            kind, text = message
            (st.success if kind == "ok" else st.error)(text)
        if not waiting:
            st.caption(t("queue.empty", lang))
            return
        by_id = {s.id: s for s in waiting}
        if st.session_state.get(state.REVIEW_CHOICE) not in by_id:
            st.session_state[state.REVIEW_CHOICE] = waiting[0].id
        chosen = st.selectbox(
            t("queue.choose", lang),
            list(by_id),
            format_func=lambda rid: f"{_title(by_id[rid], lang)} ({rid})",
            key=state.REVIEW_CHOICE,
        )
        summary = by_id[chosen]
        record = store.get([chosen]).get(chosen)
        if record is None:
            st.error(t("queue.gone", lang, id=chosen))
            return
        history = store.history(chosen)
        author = panel.actor_label(history[0].actor_id, history[0].actor_name, lang) if history else record.created_by
        html, targets = suggestions_html(summary, index, lang)
        st.html(QUEUE_CSS + report_html(record, author, catalog, lang) + html)
        names = {s.id: f"{_title(s, lang)} ({s.id})" for s in targets}
        if st.session_state.get(state.REVIEW_TARGET) not in names:
            st.session_state[state.REVIEW_TARGET] = None
        # One form: the reason, the target and the action reach the server in one message. Loose
        # widgets would send the reason on blur, in a rerun of its own that can swallow the click
        # on the button that caused the blur. No Enter-to-submit: the first button would accept.
        with st.form(state.REVIEW_FORM, border=False, enter_to_submit=False):
            reason = st.text_area(t("queue.reason", lang), key=state.REVIEW_REASON, height=80)
            target = st.selectbox(
                t("queue.merge_into", lang),
                [None, *names],
                format_func=lambda rid: t("queue.no_merge", lang) if rid is None else names[rid],
                key=state.REVIEW_TARGET,
            )
            typed = forms.passphrase_field(settings, lang, state.REVIEW_PASS)
            accept, reject, merge = st.columns(3)
            action = None
            if accept.form_submit_button(t("queue.accept", lang), key=state.REVIEW_ACCEPT, type="primary"):
                action = "accept"
            if reject.form_submit_button(t("queue.reject", lang), key=state.REVIEW_REJECT):
                action = "reject"
            if merge.form_submit_button(t("queue.merge", lang), key=state.REVIEW_MERGE, disabled=not targets):
                action = "merge"
    if action:
        _act(action, record, target, reason, typed, store, settings, lang)


def _act(
    action: str,
    record: Record,
    target: str | None,
    reason: str,
    typed: str,
    store: RecordStore,
    settings: forms.EditorSettings,
    lang: str,
) -> None:
    """Carry out an action as whoever is signed in *now*; say what happened; rerun."""
    session = st.session_state
    if not settings.accepts(typed):
        session[state.REVIEW_MESSAGE] = ("error", t("form.bad_passphrase", lang))
        forms.rerun_part()
    actor = forms.acting_actor(settings)
    title = record.text("title", lang)[0]
    try:
        if action == "accept":
            store.review(record.id, True, reason, actor, expected_version=record.version)
            done = t("queue.accepted", lang, title=title)
        elif action == "reject":
            if not reason.strip():
                raise StoreError(Message("queue.reason_required"))
            store.review(record.id, False, reason, actor, expected_version=record.version)
            done = t("queue.rejected", lang, title=title)
        else:
            if not target:
                raise StoreError(Message("queue.choose_target"))
            found = store.get([target]).get(target)
            target_version = found.version if found else 0
            store.merge(
                record.id, target, reason, actor, expected_versions={record.id: record.version, target: target_version}
            )
            done = t("queue.merged", lang, title=title, target=target)
    except ConflictError as exc:
        current = exc.current
        session[state.REVIEW_MESSAGE] = (
            "error",
            f"{exc.message.text(lang)} {t('review.now', lang, review=current.review.label(lang), v=current.version)}",
        )
        st.rerun()
    except StoreError as exc:
        session[state.REVIEW_MESSAGE] = ("error", exc.message.text(lang))
        forms.rerun_part()
    else:
        for key in (state.REVIEW_REASON, state.REVIEW_TARGET, state.REVIEW_PASS):
            session.pop(key, None)
        session[state.REVIEW_MESSAGE] = ("ok", done)
        session[state.TOAST] = done
        st.rerun()


def my_reports(index: RecordIndex, store: RecordStore, actor: Actor, lang: str) -> None:
    """A reporter's own reports that are not public: awaiting review, or rejected with the reason."""
    mine = own_reports(index, actor)
    if not mine:
        return
    with st.expander(t("queue.mine", lang, n=len(mine)), icon=":material/pending_actions:"):
        records = store.get([s.id for s in mine])
        e = panel.escape
        parts = [QUEUE_CSS]
        for summary in mine:
            record = records.get(summary.id)
            if record is None:
                continue
            reason = (
                f'<div class="bp-reason">{e(t("panel.reason", lang))}: {e(record.review_note)}</div>'
                if record.review is Review.REJECTED
                else ""
            )
            parts.append(
                f'<div class="bp-queue" data-record="{e(record.id)}"><h4>{panel.review_marker(record, lang)}'
                f"{e(record.text('title', lang)[0])}</h4>"
                f'<div class="meta">{e(record.reported_on.isoformat())} · {e(record.id)}</div>{reason}</div>'
            )
        st.html(panel.PANEL_CSS + "".join(parts))
