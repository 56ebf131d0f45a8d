"""The main area: the map, the detail panel, the records table and the statistics."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from i18n import t
from layers import overlays
from layers.catalog import Catalog
from layers.mapview import build_map
from records import Border, HistoryEntry, Record, RecordIndex, RecordStore, Status, Theme
from records import stats as record_stats
from ui import exports, facts, forms, panel, state

MAP_HEIGHT = 650


def standalone_map(
    catalog: Catalog, base: dict, index: RecordIndex, lang: str, shown: frozenset[str] | None, selected: str | None
) -> str:
    """The map as shown (layers, hotspots, selection) in one offline HTML file."""
    fmap = build_map(catalog, base, lang, MAP_HEIGHT, shown=shown)
    overlays.hotspots(index.open_obstacle_counts(), catalog.anchors).add_to(fmap)
    overlays.highlight(catalog.display_feature(selected or "")).add_to(fmap)
    return exports.standalone_map_html(fmap)


@st.cache_resource(show_spinner=False, max_entries=64)
def _full_records(
    path: str, token: str, ids: tuple[str, ...], _store: RecordStore
) -> tuple[dict[str, Record], dict[str, tuple[HistoryEntry, ...]]]:
    """The full records and histories a panel shows (≤ 50 per section), read once per change of the file."""
    return _store.get(ids), {record_id: tuple(_store.history(record_id)) for record_id in ids}


def detail_panel(catalog: Catalog, index: RecordIndex, store: RecordStore, lang: str) -> None:
    feature = catalog.get(st.session_state[state.SELECTED])
    if feature is None:
        st.info(t("panel.empty", lang))
        return
    st.button(t("panel.clear", lang), on_click=state.select, args=(st.session_state, None), key="clear_selection")
    tied = index.for_feature(feature.id)
    sections = [(f"{t('panel.records', lang)} ({len(tied)})", tied)]
    if feature.layer == "borders":
        for border in feature.borders:
            others = index.on_border(Border.parse(border), exclude=tied)
            sections.append((f"{t('panel.whole_border', lang)} {border} ({len(others)})", others))
    shown = tuple(dict.fromkeys(s.id for _, listed in sections for s in listed[: panel.PANEL_LIMIT]))
    records, history = _full_records(str(getattr(store, "path", "")), store.change_token(), shown, store)
    parts = [panel.PANEL_CSS, panel.feature_card(feature, lang)]
    for title, listed in sections:
        parts.append(panel.records_section(title, listed, records, history, lang))
    st.html("".join(parts))


#: Rows sent to the table; beyond this a browser table only slows every rerun down.
TABLE_LIMIT = 2000


def records_table(index: RecordIndex, lang: str) -> None:
    st.subheader(t("table.header", lang))
    st.caption(t("table.counts", lang, **index.counts()))
    if len(index.records) > TABLE_LIMIT:
        st.caption(t("table.limited", lang, shown=TABLE_LIMIT, total=len(index.records)))
    st.dataframe(
        [
            {
                "id": r.id,
                t("filters.kind", lang): r.kind.label(lang),
                t("table.title", lang): r.text("title", lang)[0],
                t("filters.theme", lang): r.theme.label(lang),
                t("filters.status", lang): r.status.label(lang),
                t("filters.border", lang): r.border,
                t("table.features", lang): ", ".join(r.feature_ids),
                t("table.updated", lang): r.updated_on.isoformat(),
            }
            for r in index.records[:TABLE_LIMIT]
        ],
        hide_index=True,
        width="stretch",
    )


def statistics(index: RecordIndex, catalog: Catalog, lang: str) -> None:
    records = index.records
    cols = st.columns(3)
    for col, attribute, vocab in zip(cols, ("theme", "status", "border"), (Theme, Status, Border), strict=True):
        with col:
            st.markdown(f"**{t(f'filters.{attribute}', lang)}**")
            counts = record_stats.count_by(records, attribute)
            st.bar_chart({vocab(k).label(lang): v for k, v in counts.items()}, horizontal=True, height=380)
    st.markdown(f"**{t('stats.over_time', lang)}**")
    series = record_stats.open_vs_solved(records)
    if series:
        st.line_chart(
            {t("stats.open", lang): [p["open"] for p in series], t("stats.closed", lang): [p["closed"] for p in series]}
            | {"date": [p["date"] for p in series]},
            x="date",
            height=240,
        )
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('stats.borders', lang)}**")
        st.dataframe(
            [
                {
                    t("filters.border", lang): f.properties.get("border"),
                    t("stats.measured_km", lang): f.properties["length_km"],
                    t("stats.letter_km", lang): facts.LETTER_BORDER_KM[f.properties["border"]],
                }
                for f in catalog.layer("borders")
                if f.properties.get("kind") == "land_border"
            ],
            hide_index=True,
        )
    with right:
        st.markdown(f"**{t('stats.commuters', lang)}**")
        st.dataframe(
            [
                {t("stats.from", lang): a, t("stats.to", lang): b, t("stats.workers", lang): n}
                for a, b, n in facts.COMMUTERS
            ],
            hide_index=True,
        )
        st.caption(facts.LETTER_2021)


def _on_map_change() -> None:
    if state.apply_map_value(st.session_state, st.session_state.get(state.MAP_KEY)):
        forms.prefill_feature(st.session_state, st.session_state[state.SELECTED])


def map_area(catalog: Catalog, base: dict, index: RecordIndex, lang: str, height: int) -> None:
    selected = catalog.display_feature(st.session_state[state.SELECTED] or "")
    anchors = catalog.anchors
    center, zoom = st.session_state[state.VIEW_REQUEST]
    value = st_folium(
        build_map(
            catalog,
            base,
            lang,
            height,
            shown=st.session_state[state.SHOWN_AT_START],
            large_type=st.session_state[state.PRESENT],
        ),
        key=state.MAP_KEY,
        height=height,
        use_container_width=True,
        returned_objects=state.RETURNED_OBJECTS,
        feature_group_to_add=[overlays.hotspots(index.open_obstacle_counts(), anchors), overlays.highlight(selected)],
        center=center,
        zoom=zoom,
        on_change=_on_map_change,
        render=False,  # st_folium renders the map itself once more; twice doubled the rerun time
    )
    if state.apply_map_value(st.session_state, value):  # only when on_change did not run first
        forms.prefill_feature(st.session_state, st.session_state[state.SELECTED])
        st.rerun()
