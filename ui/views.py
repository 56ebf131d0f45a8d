"""The main area: the map with its detail panel, the records table and the statistics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st
from streamlit_folium import st_folium

from i18n import t
from layers.catalog import Catalog
from layers.mapdata import MapFiles
from layers.mapview import MapState, build_map
from layers.specs import SPECS
from records import Border, HistoryEntry, Record, RecordIndex, RecordStore, RecordSummary, Status, Theme
from records import stats as record_stats
from ui import facts, header, panel, state

#: Height the map is built with; the page's CSS then sizes it to the window (see ``page_css``).
MAP_HEIGHT = 700
#: Full cards of the clicked feature's own records per step ("Meer tonen" adds a step); a click
#: sends only what is shown, so the panel stays small (see the benchmark's bytes per click).
PANEL_STEP = 2
#: One-line entries per step for the rest of a border (their full cards are on their features).
LINE_STEP = 6
#: Rows per page of the records table.
TABLE_PAGE_SIZE = 50
VIEWS = ("map", "table", "stats")

#: Map first: the map takes the window's height, the panel sits beside it on wide screens and
#: below it on narrow ones (Streamlit stacks columns under 640 px).
PAGE_CSS = """
<style>
  [data-testid="stMainBlockContainer"] { padding: 0.5rem 1.2rem 1rem 1.2rem; max-width: 100%; }
  /* Streamlit's header floats over the page: see-through, so the top bar can sit beside its buttons. */
  [data-testid="stHeader"] { background: transparent; pointer-events: none; }
  [data-testid="stHeader"] div { pointer-events: none !important; }
  [data-testid="stHeader"] button, [data-testid="stHeader"] a { pointer-events: auto !important; }
  .st-key-top_bar { padding-left: 2.6rem; padding-right: 2.6rem; }
  iframe[title="streamlit_folium.st_folium"] { height: calc(100vh - {OFFSET}px) !important;
    min-height: 420px; display: block; }
  {PANEL} { max-height: calc(100vh - {OFFSET}px); overflow-y: auto; }
  @media (max-width: 640px) {
    iframe[title="streamlit_folium.st_folium"] { height: 72vh !important; }
    {PANEL} { max-height: none; }
  }
</style>
"""


#: The panel's column (the one beside the map): it scrolls on its own. A selector rather than a
#: keyed container around the panel: one block fewer to send and draw on every click.
PANEL_COLUMN = (
    '[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] iframe[title="streamlit_folium.st_folium"])'
    ' > [data-testid="stColumn"]:last-child'
)


def page_css(offset_px: int) -> str:
    """The page's CSS with the map height set to the window height minus ``offset_px``."""
    css = PAGE_CSS.replace("{OFFSET}", str(int(offset_px))).replace("{PANEL}", PANEL_COLUMN)
    return css + header.BAR_CSS + panel.PANEL_CSS  # once per page, not per click


def _on_map_change() -> None:
    state.apply_map_value(st.session_state, st.session_state.get(state.MAP_KEY), SPECS)


def map_area(files: MapFiles, catalog: Catalog, index: RecordIndex, lang: str, large: bool = False) -> None:
    """Draw the map. Its script never changes; only :class:`MapState` does (not on a click, a move
    or a layer switched in the browser)."""
    session = st.session_state
    start_view, start_layers, start_seq = state.map_start(session, slot=large)
    value = st_folium(
        build_map(files, catalog, MAP_HEIGHT),
        key=state.MAP_KEY,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=state.RETURNED_OBJECTS,
        feature_group_to_add=[
            MapState(
                lang,
                start_layers,
                index.open_obstacle_counts(),
                session[state.MAP_REQUEST],
                large,
                view=start_view,
                since=start_seq,
            )
        ],
        on_change=_on_map_change,
        render=False,  # nothing to render twice: the data is fetched by the browser
    )
    # In a browser on_change has taken the value over before this run. Under AppTest it does
    # not fire: take the value over here, and draw once more with it.
    if state.apply_map_value(session, value, SPECS):
        st.rerun()


@st.cache_resource(show_spinner=False, max_entries=64)
def _full_records(
    token: str, ids: tuple[str, ...], _store: RecordStore
) -> tuple[dict[str, Record], dict[str, tuple[HistoryEntry, ...]]]:
    """The full records and histories a panel shows, read once per change of the store.

    ``_store`` is left out of the cache key: one store per process, and ``token`` changes with it.
    """
    return _store.get(ids), {record_id: tuple(_store.history(record_id)) for record_id in ids}


@dataclass(frozen=True)
class PanelView:
    """What the panel shows for the selected feature: made before anything is drawn (see
    :func:`panel_view`), drawn by :func:`detail_panel`."""

    feature_id: str
    html: str
    more: bool  # records beyond what is shown: a "show more" button
    shown: tuple[RecordSummary, ...]  # the records shown in full (the editors' tools pick from them)


def panel_view(catalog: Catalog, index: RecordIndex, store: RecordStore, lang: str) -> PanelView | None:
    """The selected feature's facts and its records as HTML, or None when nothing is selected.

    Made before the fragment draws anything: the panel's message then follows its block's at
    once, instead of after the records have been read.
    """
    session = st.session_state
    feature = catalog.get(session[state.SELECTED])
    if feature is None:
        return None
    steps = 1 + session[state.PANEL_MORE]
    limit, line_limit = PANEL_STEP * steps, LINE_STEP * steps
    tied = index.for_feature(feature.id)
    elsewhere = []  # (title, how many, the first of them): a border may have most of the records
    if feature.layer == "borders":
        for name in feature.borders:
            border = Border.parse(name)
            count = index.count_on_border(border, exclude=tied)
            first = index.on_border(border, exclude=tied, limit=line_limit)
            elsewhere.append((f"{t('panel.whole_border', lang)} {name} ({count})", count, first))
    shown = tuple(s.id for s in tied[:limit])
    records, history = _full_records(store.change_token(), shown, store)
    parts = [panel.feature_card(feature, lang)]
    parts.append(
        panel.records_section(f"{t('panel.records', lang)} ({len(tied)})", tied, records, history, lang, limit)
    )
    parts += [panel.record_lines_section(title, first, lang, line_limit, count) for title, count, first in elsewhere]
    return PanelView(
        feature_id=feature.id,
        html="".join(parts),
        more=len(tied) > limit or any(count > line_limit for _, count, _ in elsewhere),
        shown=tuple(s for s in tied[:limit] if s.id in records),
    )


def detail_panel(
    view: PanelView | None,
    lang: str,
    on_report: Callable[[str], None] | None = None,
    on_edit: Callable[[Sequence[RecordSummary]], None] | None = None,
) -> None:
    """Draw the panel: the feature's facts and records, and (for those who may write) a button to
    report an obstacle on it and (for editors) the tools to edit the records shown."""
    if view is None:
        st.info(t("panel.empty", lang))
        return
    st.html(view.html)
    if view.more:
        st.button(t("panel.show_more", lang), on_click=_show_more, key="panel_show_more")
    if on_report and st.button(t("panel.report_here", lang), key="report_here", icon=":material/add_location_alt:"):
        on_report(view.feature_id)
    if on_edit:
        on_edit(view.shown)


def _show_more() -> None:
    st.session_state[state.PANEL_MORE] += 1


def records_table(index: RecordIndex, lang: str) -> None:
    """A page of the filtered records (the CSV download has them all)."""
    records = index.records
    pages = max(1, -(-len(records) // TABLE_PAGE_SIZE))
    st.caption(t("table.counts", lang, **index.counts()))
    page = min(st.session_state.get(state.TABLE_PAGE, 1), pages)
    if pages > 1:
        page = st.number_input(
            t("table.page", lang, pages=pages), min_value=1, max_value=pages, value=page, key=state.TABLE_PAGE
        )
    start = (page - 1) * TABLE_PAGE_SIZE
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
            for r in records[start : start + TABLE_PAGE_SIZE]
        ],
        hide_index=True,
        width="stretch",
    )


def _bar_spec(rows: list[dict[str, object]], lang: str) -> dict:
    """A horizontal bar chart whose labels are never cut (long ones wrap at " & ")."""
    return {
        "data": {"values": rows},
        "mark": {"type": "bar", "color": "#0072B2"},
        "encoding": {
            "y": {
                "field": "label",
                "type": "nominal",
                "sort": "-x",
                "title": None,
                "axis": {
                    "labelLimit": 0,
                    "labelOverlap": False,
                    "labelExpr": "split(replace(datum.label, ' & ', ' &|'), '|')",
                    "labelFontSize": 13,
                },
            },
            "x": {"field": "n", "type": "quantitative", "title": t("stats.count", lang), "axis": {"tickMinStep": 1}},
            "tooltip": [{"field": "label", "title": " "}, {"field": "n", "title": t("stats.count", lang)}],
        },
        "height": {"step": 36},
    }


def _time_axis(months: int) -> dict:
    if months > 30:
        return {"format": "%Y", "tickCount": "year"}
    return {"format": "%Y-%m", "tickCount": {"interval": "month", "step": 3 if months > 8 else 1}}


def _timeline_spec(rows: list[dict[str, object]], lang: str) -> dict:
    """Open and closed obstacles per month: steps (counts change at a date, they do not slide)."""
    series = [
        {"month": r["month"].isoformat(), "what": t(f"stats.{key}", lang), "n": r[key]}
        for r in rows
        for key in ("open", "closed")
    ]
    return {
        "data": {"values": series},
        "mark": {"type": "line", "interpolate": "step-after", "strokeWidth": 2.5},
        "encoding": {
            "x": {
                "field": "month",
                "type": "temporal",
                "title": t("stats.month", lang),
                # whole years on a long timeline; year-month (language-neutral) on a short one
                "axis": {"labelFontSize": 13, **_time_axis(len(rows))},
            },
            "y": {"field": "n", "type": "quantitative", "title": t("stats.obstacles", lang)},
            "color": {
                "field": "what",
                "type": "nominal",
                "title": None,
                "legend": {"orient": "top", "labelLimit": 0, "labelFontSize": 13},
            },
            "tooltip": [
                {"field": "month", "type": "temporal", "format": "%Y-%m", "title": t("stats.month", lang)},
                {"field": "what", "title": " "},
                {"field": "n", "title": t("stats.count", lang)},
            ],
        },
        "height": 260,
    }


def statistics(index: RecordIndex, catalog: Catalog, lang: str) -> None:
    """Counts by theme, status and border, the obstacles over time, border lengths and commuters."""
    records = index.records
    cols = st.columns(3, gap="large")
    for col, attribute, vocab in zip(cols, ("theme", "status", "border"), (Theme, Status, Border), strict=True):
        with col:
            st.markdown(f"**{t(f'filters.{attribute}', lang)}**")
            counts = record_stats.count_by(records, attribute)
            rows = [{"label": vocab(k).label(lang), "n": v} for k, v in counts.items()]
            st.vega_lite_chart(_bar_spec(rows, lang), width="stretch")
    st.markdown(f"**{t('stats.over_time', lang)}**")
    months = record_stats.monthly_open_closed(records)
    if months:
        st.vega_lite_chart(_timeline_spec(months, lang), width="stretch")
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
