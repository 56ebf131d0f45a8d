"""Border-obstacle map: Streamlit entry point (layout and wiring only).

Run with ``streamlit run app.py``. Settings (environment variables, or Streamlit secrets):
``OBSTACLES_CSV`` records file (default: obstacles.csv beside this file);
``GEODATA_DIR`` folder of the GeoJSON layers (default: geodata/ beside this file);
``EDITOR_PASSPHRASE`` / ``editor_passphrase`` passphrase needed to write;
``READ_ONLY`` / ``read_only`` hide the forms. ``?mode=present`` opens presentation mode.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from layers import basemap, overlays
from layers.assets import ensure_vendor_assets
from layers.catalog import Catalog, load_catalog
from layers.mapview import build_map, layer_names
from layers.registry import LAYERS
from records import Border, CsvStore, Kind, LoadResult, RecordFilter, RecordIndex, Status, Theme
from records import stats as record_stats
from ui import exports, facts, forms, panel, present, state, urlstate
from ui.i18n import t
from ui.tour import Tour, load_tour

ROOT = Path(__file__).resolve().parent
GEODATA_DIR = Path(os.environ.get("GEODATA_DIR", ROOT / "geodata"))
TOUR_FILE = ROOT / "tours" / "summit.json"
MAP_HEIGHT = 650


def records_path() -> Path:
    return Path(os.environ.get("OBSTACLES_CSV", ROOT / "obstacles.csv"))


@st.cache_resource
def _vendor_assets_ready() -> bool:
    # Once per server process: copy Leaflet/jQuery from their wheels into ./static.
    ensure_vendor_assets(ROOT / "static")
    return True


# The loaders below use st.cache_resource, not st.cache_data, on purpose: their results are
# immutable (frozen records and features; the display GeoJSON is never mutated, see
# tests/test_layers.py) and st.cache_data would unpickle a copy on every rerun: 150 ms for
# 10,000 records, 1.5 s for 100,000 (bench/). The file's mtime is part of each key.
@st.cache_resource(show_spinner=False, max_entries=4)
def cached_catalog(geodata_dir: str, mtime: float) -> Catalog:
    return load_catalog(Path(geodata_dir))


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_basemap(path: str, mtime: float) -> dict:
    return basemap.load(Path(path))


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_records(path: str, version: int, known_ids: frozenset[str]) -> LoadResult:
    return CsvStore(path).load(known_ids)


@st.cache_data(show_spinner=False)
def cached_tour(path: str, mtime: float, known_ids: frozenset[str]) -> Tour:
    return load_tour(Path(path), known_ids)


def _dir_mtime(path: Path) -> float:
    return max(p.stat().st_mtime for p in path.glob("*.geojson"))


def apply_link(view: urlstate.ViewState) -> None:
    """On a session's first run, take over what the link asks for."""
    s = st.session_state
    s[state.SELECTED] = view.feature
    s[state.LANG] = view.lang
    s[state.PRESENT] = view.present
    s[state.STOP] = view.stop or (1 if view.present else None)
    s[state.SHOWN_AT_START] = frozenset(view.layers) if view.layers is not None else None
    s[state.VIEW_REQUEST] = (view.center, view.zoom)
    s[state.FILTER_BORDER], s[state.FILTER_THEME] = list(view.borders), list(view.themes)
    s[state.FILTER_STATUS], s[state.FILTER_KIND] = list(view.statuses), list(view.kinds)
    s[state.FILTER_TEXT] = view.text


def current_view(criteria: RecordFilter, lang: str) -> urlstate.ViewState:
    """The view as it is now, for the URL and the share link."""
    s = st.session_state
    value = s.get(state.LAST_MAP_VALUE) or {}
    center = value.get("center") or {}
    names = layer_names(lang)
    selected_layers = value.get("selected_layers")
    layers = None
    if selected_layers is not None:
        layers = tuple(sorted({names[x["name"]] for x in selected_layers if x.get("name") in names}))
    elif s[state.SHOWN_AT_START] is not None:
        layers = tuple(sorted(s[state.SHOWN_AT_START]))
    requested_center, requested_zoom = s[state.VIEW_REQUEST]
    return urlstate.ViewState(
        feature=s[state.SELECTED],
        layers=layers,
        borders=tuple(criteria.borders),
        themes=tuple(criteria.themes),
        statuses=tuple(criteria.statuses),
        kinds=tuple(criteria.kinds),
        text=criteria.text,
        center=(center["lat"], center["lng"]) if center else requested_center,
        zoom=value.get("zoom") or requested_zoom,
        lang=lang,
        present=s[state.PRESENT],
        stop=s[state.STOP] if s[state.PRESENT] else None,
    )


FILTERS = (
    (state.FILTER_BORDER, "filters.border", Border),
    (state.FILTER_THEME, "filters.theme", Theme),
    (state.FILTER_STATUS, "filters.status", Status),
    (state.FILTER_KIND, "filters.kind", Kind),
)


def sidebar_filters(lang: str) -> RecordFilter:
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


def sidebar_editing(catalog: Catalog, index: RecordIndex, store: CsvStore, lang: str) -> None:
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


def standalone_map(
    catalog: Catalog, base: dict, index: RecordIndex, lang: str, shown: frozenset[str] | None, selected: str | None
) -> str:
    """The map as shown (layers, hotspots, selection) in one offline HTML file."""
    fmap = build_map(catalog, base, lang, MAP_HEIGHT, shown=shown)
    overlays.hotspots(index.open_obstacle_counts(), catalog.anchors).add_to(fmap)
    overlays.highlight(catalog.display_feature(selected or "")).add_to(fmap)
    return exports.standalone_map_html(fmap)


def sidebar_share_and_export(
    view: urlstate.ViewState, index: RecordIndex, catalog: Catalog, base: dict, lang: str
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
        records = index.records
        st.download_button(
            t("export.csv", lang),
            functools.partial(exports.records_csv, records),
            "grensbelemmeringen.csv",
            "text/csv",
            on_click="ignore",
            key="export_csv",
        )
        st.download_button(
            t("export.geojson", lang),
            lambda: exports.geojson_bytes(exports.records_geojson(records, catalog)),
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


def show_panel(catalog: Catalog, index: RecordIndex, store: CsvStore, lang: str) -> None:
    feature = catalog.get(st.session_state[state.SELECTED])
    if feature is None:
        st.info(t("panel.empty", lang))
        return
    st.button(t("panel.clear", lang), on_click=state.select, args=(st.session_state, None), key="clear_selection")
    tied = index.for_feature(feature.id)
    history: dict[str, list] = {}
    for entry in store.history():
        history.setdefault(entry.record_id, []).append(entry)
    parts = [panel.PANEL_CSS, panel.feature_card(feature, lang)]
    parts.append(panel.records_section(f"{t('panel.records', lang)} ({len(tied)})", tied, history, lang))
    if feature.layer == "borders":
        for border in feature.borders:
            others = index.on_border(Border.parse(border), exclude=tied)
            title = f"{t('panel.whole_border', lang)} {border} ({len(others)})"
            parts.append(panel.records_section(title, others, history, lang))
    st.html("".join(parts))


def show_table(index: RecordIndex, lang: str) -> None:
    st.subheader(t("table.header", lang))
    st.caption(t("table.counts", lang, **index.counts()))
    st.dataframe(
        [
            {
                "id": r.id,
                t("filters.kind", lang): r.kind.label(lang),
                t("table.title", lang): r.title,
                t("filters.theme", lang): r.theme.label(lang),
                t("filters.status", lang): r.status.label(lang),
                t("filters.border", lang): r.border,
                t("table.features", lang): ", ".join(r.feature_ids),
                t("table.updated", lang): r.updated_on.isoformat(),
                t("panel.source", lang): r.source,
            }
            for r in index.records
        ],
        hide_index=True,
        width="stretch",
    )


def show_statistics(index: RecordIndex, catalog: Catalog, lang: str) -> None:
    records = index.records
    cols = st.columns(3)
    for col, attribute, vocab in zip(cols, ("theme", "status", "border"), (Theme, Status, Border), strict=True):
        with col:
            st.markdown(f"**{t(f'filters.{attribute}', lang)}**")
            counts = record_stats.count_by(records, attribute)
            st.bar_chart({vocab(k).label(lang): v for k, v in counts.items()}, horizontal=True, height=260)
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


def main() -> None:
    first_run = state.init_state(st.session_state)
    catalog = cached_catalog(str(GEODATA_DIR), _dir_mtime(GEODATA_DIR))
    if first_run:
        apply_link(urlstate.from_query(st.query_params.to_dict(), catalog.features, [s.kind for s in LAYERS]))
    presenting = st.session_state[state.PRESENT]
    st.set_page_config(
        page_title="Grensbelemmeringen",
        page_icon="🗺️",
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    _vendor_assets_ready()
    with st.sidebar:
        lang = st.radio(t("app.language", "nl"), ["nl", "en"], horizontal=True, key=state.LANG)
    base = cached_basemap(str(GEODATA_DIR / "basemap.geojson"), _dir_mtime(GEODATA_DIR))
    store = CsvStore(records_path())
    loaded = cached_records(str(store.path), store.mtime_ns(), frozenset(catalog.features))
    criteria = sidebar_filters(lang)
    all_records = RecordIndex(loaded.records)
    index = all_records.filtered(criteria)

    tour = cached_tour(str(TOUR_FILE), TOUR_FILE.stat().st_mtime, frozenset(catalog.features)) if presenting else None
    if tour is not None:
        present.apply_stop(st.session_state, tour)
    else:
        sidebar_editing(catalog, all_records, store, lang)

    if presenting:
        present.style()
        present.tour_bar(tour, lang)
    else:
        st.title(t("app.title", lang))
        st.caption(t("app.subtitle", lang))
    if loaded.problems:
        with st.expander(f"⚠️ {len(loaded.problems)} {t('app.data_problems', lang, file=store.path.name)}"):
            for problem in loaded.problems:
                st.text(f"{t('app.line', lang)} {problem.line}: {problem.reason}")

    map_tab, stats_tab = (
        (st.container(), None)
        if presenting
        else st.tabs([t("tab.map", lang), t("tab.stats", lang)], key="view_tab", on_change="rerun")
    )
    with map_tab:
        if presenting:
            draw_map(catalog, base, index, lang, height=600)
            caption_col, panel_col = st.columns([2, 3], gap="large")
            with caption_col:
                present.caption(tour, lang)
            with panel_col:
                show_panel(catalog, index, store, lang)
        else:
            map_col, panel_col = st.columns([5, 3], gap="medium")
            with map_col:
                draw_map(catalog, base, index, lang, height=MAP_HEIGHT)
            with panel_col:
                show_panel(catalog, index, store, lang)
            show_table(index, lang)
    if stats_tab is not None and stats_tab.open:  # charts cost ~60 ms: only when looked at
        with stats_tab:
            show_statistics(index, catalog, lang)

    view = current_view(criteria, lang)
    st.query_params.from_dict(urlstate.to_query(view))
    if not presenting:
        sidebar_share_and_export(view, index, catalog, base, lang)


def on_map_change() -> None:
    if state.apply_map_value(st.session_state, st.session_state.get(state.MAP_KEY)):
        forms.prefill_feature(st.session_state, st.session_state[state.SELECTED])


def draw_map(catalog: Catalog, base: dict, index: RecordIndex, lang: str, height: int) -> None:
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
        on_change=on_map_change,
        render=False,  # st_folium renders the map itself once more; twice doubled the rerun time
    )
    if state.apply_map_value(st.session_state, value):  # only when on_change did not run first
        forms.prefill_feature(st.session_state, st.session_state[state.SELECTED])
        st.rerun()


if __name__ == "__main__":
    main()
