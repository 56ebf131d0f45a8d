"""Border-obstacle map: Streamlit entry point (layout and wiring only).

Run with ``streamlit run app.py``. Settings (environment variables):
``OBSTACLES_CSV`` path of the records file (default: obstacles.csv beside this file);
``GEODATA_DIR`` folder of the GeoJSON layers (default: geodata/ beside this file).
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from layers import basemap, overlays
from layers.assets import ensure_vendor_assets
from layers.catalog import Catalog, load_catalog
from layers.mapview import build_map
from records import Border, CsvStore, Kind, LoadResult, RecordFilter, RecordIndex, Status, Theme
from ui import forms, panel, state
from ui.i18n import t

ROOT = Path(__file__).resolve().parent
GEODATA_DIR = Path(os.environ.get("GEODATA_DIR", ROOT / "geodata"))
MAP_HEIGHT = 650


def records_path() -> Path:
    return Path(os.environ.get("OBSTACLES_CSV", ROOT / "obstacles.csv"))


@st.cache_resource
def _vendor_assets_ready() -> bool:
    # Once per server process: copy Leaflet/jQuery from their wheels into ./static.
    ensure_vendor_assets(ROOT / "static")
    return True


@st.cache_data(show_spinner=False)
def cached_catalog(geodata_dir: str, mtime: float) -> Catalog:
    return load_catalog(Path(geodata_dir))


@st.cache_data(show_spinner=False)
def cached_basemap(path: str, mtime: float) -> dict:
    return basemap.load(Path(path))


@st.cache_data(show_spinner=False)
def cached_records(path: str, version: int, known_ids: frozenset[str]) -> LoadResult:
    return CsvStore(path).load(known_ids)


def _dir_mtime(path: Path) -> float:
    return max(p.stat().st_mtime for p in path.glob("*.geojson"))


def sidebar_filters(lang: str) -> RecordFilter:
    with st.sidebar:
        st.subheader(t("filters.header", lang))
        borders = st.multiselect(t("filters.border", lang), list(Border), format_func=lambda b: b.label(lang))
        themes = st.multiselect(t("filters.theme", lang), list(Theme), format_func=lambda v: v.label(lang))
        statuses = st.multiselect(t("filters.status", lang), list(Status), format_func=lambda v: v.label(lang))
        kinds = st.multiselect(t("filters.kind", lang), list(Kind), format_func=lambda v: v.label(lang))
        text = st.text_input(t("filters.text", lang), max_chars=200)
    return RecordFilter(frozenset(borders), frozenset(themes), frozenset(statuses), frozenset(kinds), text)


def show_panel(catalog: Catalog, index: RecordIndex, store: CsvStore, lang: str) -> None:
    feature = catalog.get(st.session_state[state.SELECTED])
    if feature is None:
        st.info(t("panel.empty", lang))
        return
    st.button(t("panel.clear", lang), on_click=state.select, args=(st.session_state, None), key="clear_selection")
    tied = index.for_feature(feature.id)
    history = {}
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
                "title": r.title,
                t("filters.theme", lang): r.theme.label(lang),
                t("filters.status", lang): r.status.label(lang),
                t("filters.border", lang): r.border,
                "features": ", ".join(r.feature_ids),
                "updated": r.updated_on.isoformat(),
                "source": r.source,
            }
            for r in index.records
        ],
        hide_index=True,
        width="stretch",
    )


def editor_settings() -> forms.EditorSettings:
    try:
        secrets = dict(st.secrets)
    except FileNotFoundError:
        secrets = {}
    except Exception:  # a malformed secrets.toml must not take the map down
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


def on_map_change() -> None:
    if state.apply_map_value(st.session_state, st.session_state.get(state.MAP_KEY)):
        forms.prefill_feature(st.session_state, st.session_state[state.SELECTED])


def main() -> None:
    st.set_page_config(page_title="Grensbelemmeringen", page_icon="🗺️", layout="wide")
    state.init_state(st.session_state)
    _vendor_assets_ready()
    with st.sidebar:
        lang = st.radio(t("app.language", "nl"), ["nl", "en"], horizontal=True, key=state.LANG)

    catalog = cached_catalog(str(GEODATA_DIR), _dir_mtime(GEODATA_DIR))
    base = cached_basemap(str(GEODATA_DIR / "basemap.geojson"), _dir_mtime(GEODATA_DIR))
    store = CsvStore(records_path())
    loaded = cached_records(str(store.path), store.mtime_ns(), frozenset(catalog.features))
    criteria = sidebar_filters(lang)
    all_records = RecordIndex(loaded.records)
    index = all_records.filtered(criteria)
    sidebar_editing(catalog, all_records, store, lang)

    st.title(t("app.title", lang))
    st.caption(t("app.subtitle", lang))
    if loaded.problems:
        with st.expander(f"⚠️ {len(loaded.problems)} {t('app.data_problems', lang, file=store.path.name)}"):
            for problem in loaded.problems:
                st.text(f"{t('app.line', lang)} {problem.line}: {problem.reason}")

    map_col, panel_col = st.columns([5, 3], gap="medium")
    with map_col:
        selected = catalog.display_feature(st.session_state[state.SELECTED] or "")
        anchors = {fid: f.anchor_latlon for fid, f in catalog.features.items()}
        value = st_folium(
            build_map(catalog, base, lang, MAP_HEIGHT),
            key=state.MAP_KEY,
            height=MAP_HEIGHT,
            use_container_width=True,
            returned_objects=state.RETURNED_OBJECTS,
            feature_group_to_add=[overlays.hotspots(index.open_obstacle_counts(), anchors), overlays.highlight(selected)],
            on_change=on_map_change,
        )
        if state.apply_map_value(st.session_state, value):  # only when on_change did not run first
            forms.prefill_feature(st.session_state, st.session_state[state.SELECTED])
            st.rerun()
    with panel_col:
        show_panel(catalog, index, store, lang)
    show_table(index, lang)


if __name__ == "__main__":
    main()
