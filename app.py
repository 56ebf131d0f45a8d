"""Border-obstacle map: Streamlit entry point (layout and wiring only).

Run with ``streamlit run app.py``. Settings (environment variables, or Streamlit secrets):
``OBSTACLES_CSV`` records file (default: obstacles.csv beside this file);
``GEODATA_DIR`` folder of the GeoJSON layers (default: geodata/ beside this file);
``EDITOR_PASSPHRASE`` / ``editor_passphrase`` passphrase needed to write;
``READ_ONLY`` / ``read_only`` hide the forms. ``?mode=present`` opens presentation mode.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from i18n import t
from layers import basemap
from layers.assets import ensure_vendor_assets
from layers.catalog import Catalog, load_catalog
from layers.mapview import layer_names
from layers.registry import LAYERS
from records import CsvStore, RecordIndex, RowProblem
from ui import present, sidebar, state, urlstate, views
from ui.tour import Tour, load_tour

ROOT = Path(__file__).resolve().parent
GEODATA_DIR = Path(os.environ.get("GEODATA_DIR", ROOT / "geodata"))
TOUR_FILE = ROOT / "tours" / "summit.json"


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


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_store(path: str, known_ids: frozenset[str]) -> CsvStore:
    # One store per file and server process: it keeps an incremental index of the file, shared
    # by every session (it is thread-safe; writers in other processes are seen through the file).
    return CsvStore(path, known_feature_ids=known_ids)


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_index(path: str, token: str, known_ids: frozenset[str]) -> tuple[RecordIndex, tuple[RowProblem, ...]]:
    snapshot = cached_store(path, known_ids).snapshot()
    return RecordIndex(snapshot.summaries), snapshot.problems


@st.cache_data(show_spinner=False)
def cached_tour(path: str, mtime: float, known_ids: frozenset[str]) -> Tour:
    return load_tour(Path(path), known_ids)


def _dir_mtime(path: Path) -> float:
    return max(p.stat().st_mtime for p in path.glob("*.geojson"))


def main() -> None:
    first_run = state.init_state(st.session_state)
    catalog = cached_catalog(str(GEODATA_DIR), _dir_mtime(GEODATA_DIR))
    if first_run:
        link = urlstate.from_query(st.query_params.to_dict(), catalog.features, [s.kind for s in LAYERS])
        urlstate.apply_to_state(st.session_state, link)
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
    known = frozenset(catalog.features)
    store = cached_store(str(records_path()), known)
    all_records, problems = cached_index(str(store.path), store.change_token(), known)
    actor = sidebar.current_actor()
    all_records = all_records.visible_to(actor)
    criteria = sidebar.filters(lang)
    index = all_records.filtered(criteria, store.search(criteria.text) if criteria.text.strip() else None)

    tour = cached_tour(str(TOUR_FILE), TOUR_FILE.stat().st_mtime, frozenset(catalog.features)) if presenting else None
    if tour is not None:
        present.apply_stop(st.session_state, tour)
        present.style()
        present.tour_bar(tour, lang)
    else:
        sidebar.editing(catalog, all_records, store, lang)
        st.title(t("app.title", lang))
        st.caption(t("app.subtitle", lang))
    if problems:
        with st.expander(f"⚠️ {len(problems)} {t('app.data_problems', lang, file=store.path.name)}"):
            for problem in problems:
                st.text(f"{t('app.line', lang)} {problem.line}: {problem.message.text(lang)}")

    if tour is not None:
        views.map_area(catalog, base, index, lang, height=600)
        caption_col, panel_col = st.columns([2, 3], gap="large")
        with caption_col:
            present.caption(tour, lang)
        with panel_col:
            views.detail_panel(catalog, index, store, lang)
    else:
        map_tab, stats_tab = st.tabs([t("tab.map", lang), t("tab.stats", lang)], key="view_tab", on_change="rerun")
        with map_tab:
            map_col, panel_col = st.columns([5, 3], gap="medium")
            with map_col:
                views.map_area(catalog, base, index, lang, height=views.MAP_HEIGHT)
            with panel_col:
                views.detail_panel(catalog, index, store, lang)
            views.records_table(index, lang)
        if stats_tab.open:  # the charts cost ~60 ms: drawn only when looked at
            with stats_tab:
                views.statistics(index, catalog, lang)

    view = urlstate.from_state(st.session_state, criteria, lang, layer_names(lang))
    st.query_params.from_dict(urlstate.to_query(view))
    if tour is None:
        sidebar.share_and_export(view, index, store, catalog, base, lang)


if __name__ == "__main__":
    main()
