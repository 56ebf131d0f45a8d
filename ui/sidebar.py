"""The sidebar: filters, the editing forms, the share link and the downloads."""

from __future__ import annotations

import functools

import streamlit as st

from i18n import t
from layers.catalog import Catalog
from records import Actor, Border, Kind, RecordFilter, RecordIndex, RecordStore, Status, Theme
from ui import exports, forms, state, urlstate
from ui.views import standalone_map

FILTERS = (
    (state.FILTER_BORDER, "filters.border", Border),
    (state.FILTER_THEME, "filters.theme", Theme),
    (state.FILTER_STATUS, "filters.status", Status),
    (state.FILTER_KIND, "filters.kind", Kind),
)


def filters(lang: str) -> RecordFilter:
    with st.sidebar:
        st.subheader(t("filters.header", lang))
        chosen = [
            frozenset(
                st.multiselect(
                    t(label, lang),
                    list(vocab),
                    format_func=lambda v: v.label(lang),
                    key=key,
                    placeholder=t("filters.all", lang),
                )
            )
            for key, label, vocab in FILTERS
        ]
        text = st.text_input(t("filters.text", lang), max_chars=200, key=state.FILTER_TEXT)
    return RecordFilter(*chosen, text=text)


def editor_settings() -> forms.EditorSettings:
    try:
        secrets = dict(st.secrets)
    except Exception:  # no or malformed secrets.toml: fall back to the environment
        secrets = {}
    return forms.EditorSettings.from_sources(secrets)


def current_actor() -> Actor:
    """Who is using this session: nobody on a read-only map, else the configured editor."""
    settings = editor_settings()
    return Actor.anonymous() if settings.read_only else settings.actor()


def editing(catalog: Catalog, index: RecordIndex, store: RecordStore, lang: str) -> None:
    settings = editor_settings()
    with st.sidebar:
        if settings.read_only:
            st.caption(t("form.read_only", lang))
            return
        with st.expander(t("form.header", lang), expanded=False):
            forms.report_form(catalog, store, settings, lang)
        with st.expander(t("update.header", lang), expanded=False):
            selected = st.session_state[state.SELECTED]
            candidates = index.for_feature(selected) if selected else list(index.records)
            forms.update_form(store, candidates, settings, lang)


def share_and_export(
    view: urlstate.ViewState, index: RecordIndex, store: RecordStore, catalog: Catalog, base: dict, lang: str
) -> None:
    with st.sidebar:
        st.subheader(t("share.header", lang))
        st.caption(t("share.help", lang))
        st.code(urlstate.share_url(st.context.url or "http://localhost:8501/", view), language=None, wrap_lines=True)
        st.link_button(
            t("share.present", lang), urlstate.share_url("./", urlstate.ViewState(lang=lang, present=True, stop=1))
        )
        st.subheader(t("export.header", lang))
        st.caption(t("export.help", lang, n=len(index.records)))
        # Files are made only when a button is pressed (callables), not on every rerun.
        ids = [s.id for s in index.records]

        def records() -> list:  # full records, read from the store only when a button is pressed
            found = store.get(ids)
            return [found[i] for i in ids if i in found]

        st.download_button(
            t("export.csv", lang),
            lambda: exports.records_csv(records()),
            "grensbelemmeringen.csv",
            "text/csv",
            on_click="ignore",
            key="export_csv",
        )
        st.download_button(
            t("export.geojson", lang),
            lambda: exports.geojson_bytes(exports.records_geojson(records(), catalog)),
            "grensbelemmeringen.geojson",
            "application/geo+json",
            on_click="ignore",
            key="export_geojson",
        )
        make_html = functools.partial(
            standalone_map, catalog, base, index, lang,
            st.session_state[state.SHOWN_AT_START], st.session_state[state.SELECTED],
        )  # fmt: skip
        st.download_button(
            t("export.html", lang),
            make_html,
            "grensbelemmeringen-kaart.html",
            "text/html",
            on_click="ignore",
            key="export_html",
        )
