"""The sidebar: sign-in, the report form, the review queue, a reporter's own reports, the share
link and the downloads."""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from i18n import t
from layers.catalog import Catalog
from layers.mapdata import MapFiles
from layers.mapview import MapState, build_map
from records import Action, Actor, RecordIndex, RecordStore, may
from ui import auth, exports, forms, review, state, urlstate


def standalone_map(
    files: MapFiles,
    catalog: Catalog,
    index: RecordIndex,
    lang: str,
    layers: frozenset[str],
    selected: str | None,
    view: tuple | None = None,
) -> str:
    """The map as shown (language, layers, badges, selection) in one offline HTML file."""
    fmap = build_map(files, catalog)
    MapState(lang, layers, index.open_obstacle_counts(), (1, selected, None, None), view=view).add_to(fmap)
    return exports.standalone_map_html(fmap, files)


def editor_settings() -> forms.EditorSettings:
    return forms.EditorSettings.from_sources(auth.secrets(), server_address=st.get_option("server.address"))


def current_actor() -> Actor:
    """Who is reading in this session: the signed-in person (with sign-in configured), nobody on a
    read-only or closed map, else the configured editor (passphrase mode, or the local user)."""
    settings = editor_settings()
    if settings.oidc:
        return auth.identity().actor
    return Actor.anonymous() if settings.read_only or settings.closed else settings.actor()


def gate(lang: str, before: Callable[[], None] = lambda: None) -> None:
    """With sign-in and ``public_read = false``: only the sign-in until someone with a role is in
    (``before`` is called first then, to draw what stays above the sign-in)."""
    values = auth.secrets()
    if auth.oidc_configured(values):
        who = auth.identity(values)
        if not who.may_read:
            before()
        auth.gate(who, values, lang)


def report_settings() -> forms.EditorSettings | None:
    """The settings when this session may report an obstacle (for the panel's button), else None.

    Decides without drawing, so the map can be drawn before the sidebar (see :func:`editing`).
    """
    settings = editor_settings()
    if settings.read_only or settings.closed:
        return None
    return settings if may(forms.acting_actor(settings), Action.ADD) else None


def editing(catalog: Catalog, index: RecordIndex, store: RecordStore, lang: str) -> None:
    """Sign-in, the report form, the review queue and one's own reports, as far as this session may.

    The app draws this after the map (the sidebar's place does not depend on the order): the
    code of its widgets then loads after the map's."""
    settings = editor_settings()
    with st.sidebar:
        if settings.oidc:
            values = auth.secrets()
            auth.account_box(auth.identity(values), values, lang)
        if settings.read_only:
            st.caption(t("form.read_only", lang))
            return
        if settings.closed:
            st.info(t("form.closed", lang))
            return
        actor = forms.acting_actor(settings)
        if may(actor, Action.ADD):
            selected = st.session_state[state.SELECTED]
            if selected != st.session_state.get(state.REPORT_PREFILLED_FOR):
                forms.prefill_feature(st.session_state, selected)
                st.session_state[state.REPORT_PREFILLED_FOR] = selected
            # Drawn from its first opening on (the form's widgets are the sidebar's heaviest code).
            with st.expander(t("form.header", lang), key=state.REPORT_BOX, on_change="rerun") as box:
                if state.drawn_once_opened(st.session_state, state.REPORT_BOX, box.open):
                    forms.report_form(catalog, store, settings, lang)
        if may(actor, Action.REVIEW):
            review.queue(index, store, catalog, settings, lang)
        elif actor.mode.value == "oidc":
            review.my_reports(index, store, actor, lang)


def share_and_export(
    view: urlstate.ViewState, index: RecordIndex, store: RecordStore, catalog: Catalog, files: MapFiles, lang: str
) -> None:
    with st.sidebar, st.expander(t("share.box", lang), key=state.SHARE_BOX, on_change="rerun") as box:
        if not state.drawn_once_opened(st.session_state, state.SHARE_BOX, box.open):
            return
        st.subheader(t("share.header", lang))
        st.caption(t("share.help", lang))
        # A text field, not st.code (which would load a 1.5 MB syntax highlighter on every first visit);
        # no key, so that it always shows the view of this run.
        st.text_input(
            t("share.link", lang),
            urlstate.share_url(st.context.url or "http://localhost:8501/", view),
            label_visibility="collapsed",
        )
        st.link_button(
            t("share.present", lang), urlstate.share_url("./", urlstate.ViewState(lang=lang, present=True, stop=1))
        )
        st.subheader(t("export.header", lang))
        st.caption(t("export.help", lang, n=len(index.records)))

        # Files are made only when a button is pressed (callables), not on every rerun.
        def records() -> list:  # full records, read from the store only when a button is pressed
            ids = [s.id for s in index.records]
            found = store.get(ids)
            return [found[i] for i in ids if i in found]

        st.download_button(
            t("export.csv", lang),
            lambda: exports.records_csv(records(), lang),
            "grensbelemmeringen.csv",
            "text/csv",
            on_click="ignore",
            key="export_csv",
        )
        st.download_button(
            t("export.geojson", lang),
            lambda: exports.geojson_bytes(exports.records_geojson(records(), catalog, lang)),
            "grensbelemmeringen.geojson",
            "application/geo+json",
            on_click="ignore",
            key="export_geojson",
        )
        make_html = functools.partial(
            standalone_map,
            files,
            catalog,
            index,
            lang,
            st.session_state[state.LAYERS],
            st.session_state[state.SELECTED],
            st.session_state[state.VIEW],
        )
        st.download_button(
            t("export.html", lang),
            make_html,
            "grensbelemmeringen-kaart.html",
            "text/html",
            on_click="ignore",
            key="export_html",
        )
