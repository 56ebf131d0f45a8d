"""Border-obstacle map: Streamlit entry point (layout and wiring only).

Run with ``streamlit run app.py``. Settings (environment variables, or Streamlit secrets):
``RECORDS_URL`` / ``records_url`` a PostgreSQL database for the records (``postgresql://…``), else
``OBSTACLES_CSV`` records file (default: obstacles.csv beside this file);
``GEODATA_DIR`` folder of the GeoJSON layers (default: geodata/ beside this file);
``EDITOR_PASSPHRASE`` / ``editor_passphrase`` passphrase needed to write;
``READ_ONLY`` / ``read_only`` hide the forms; ``[auth]`` (OpenID Connect sign-in) and ``[roles]``
in the secrets: who may do what (see the README). ``?mode=present`` opens presentation mode.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import get_script_run_ctx

from i18n import t
from layers.assets import ensure_vendor_assets
from layers.catalog import Catalog, load_catalog
from layers.mapdata import MapFiles, publish_map_files
from layers.mapview import default_layers
from layers.specs import SPECS
from records import RecordFilter, RecordIndex, RecordStore, RecordSummary, RowProblem, configured_location, open_store
from ui import editing, forms, freshness, header, present, sidebar, state, urlstate, views
from ui.tour import Tour, load_tour

ROOT = Path(__file__).resolve().parent
GEODATA_DIR = Path(os.environ.get("GEODATA_DIR", ROOT / "geodata"))
STATIC_DIR = ROOT / "static"
TOUR_FILE = ROOT / "tours" / "summit.json"


def records_location() -> str:
    """The records' backend: a PostgreSQL URL (secret ``records_url`` or ``$RECORDS_URL``), else the CSV file."""
    try:
        secrets = dict(st.secrets)
    except Exception:  # no or malformed secrets.toml: the environment decides
        secrets = {}
    return configured_location(secrets, os.environ, ROOT / "obstacles.csv")


def back_or_forward() -> bool:
    """Whether the browser's Back or Forward started this run (every click is a history entry)."""
    ctx = get_script_run_ctx()
    # Not a documented attribute (Streamlit >= 1.67 has it): without it Back only changes the address.
    return bool(getattr(ctx, "is_history_navigation", False))


def _dir_mtime(path: Path) -> float:
    return max(p.stat().st_mtime for p in path.glob("*.geojson"))


# The loaders below use st.cache_resource, not st.cache_data, on purpose: their results are
# immutable (frozen records and features; the display data is never mutated) and st.cache_data
# would unpickle a copy on every rerun. The files' mtime is part of each key.
@st.cache_resource(show_spinner=False, max_entries=4)
def cached_catalog(geodata_dir: str, mtime: float) -> Catalog:
    return load_catalog(Path(geodata_dir))


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_map_files(geodata_dir: str, mtime: float) -> MapFiles:
    """Once per server process and geodata version: Leaflet into ./static, the map's files published."""
    ensure_vendor_assets(STATIC_DIR)
    catalog = cached_catalog(geodata_dir, mtime)
    return publish_map_files(catalog, Path(geodata_dir), STATIC_DIR)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_store(location: str, known_ids: frozenset[str]) -> RecordStore:
    # One store per backend and server process, shared by every session (it is thread-safe): the CSV
    # store keeps an incremental index of the file, the PostgreSQL store its connection pool and
    # summaries. Writes from other processes are seen through the file or the database.
    return open_store(location, known_feature_ids=known_ids)


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_index(location: str, token: str, known_ids: frozenset[str]) -> tuple[RecordIndex, tuple[RowProblem, ...]]:
    snapshot = cached_store(location, known_ids).snapshot()
    return RecordIndex(snapshot.summaries), snapshot.problems


@st.cache_data(show_spinner=False)
def cached_tour(path: str, mtime: float, known_ids: frozenset[str]) -> Tour:
    return load_tour(Path(path), known_ids)


def main() -> None:
    session = st.session_state
    first_run = state.init_state(session, default_layers())
    mtime = _dir_mtime(GEODATA_DIR)
    catalog = cached_catalog(str(GEODATA_DIR), mtime)
    if first_run or back_or_forward():
        # A link on the first visit; Back and Forward rerun the page with that entry's address.
        link = urlstate.from_query(st.query_params.to_dict(), catalog.features, SPECS)
        urlstate.apply_to_state(session, link)
    presenting = session[state.PRESENT]
    st.set_page_config(
        page_title="Grensbelemmeringen",
        page_icon=header.favicon(),
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    files = cached_map_files(str(GEODATA_DIR), mtime)
    known = frozenset(catalog.features)
    location = records_location()
    store = cached_store(location, known)
    token = store.change_token()
    all_records, problems = cached_index(location, token, known)
    freshness.watch(store, token)  # a change saved through any app server redraws this page
    all_records = all_records.visible_to(sidebar.current_actor())
    state.sync_request(session)
    if toast := session.pop(state.TOAST, None):
        st.toast(toast, icon="✅")

    st.html(views.page_css(offset_px=150 if presenting else 112))
    # The top bar and the sidebar are drawn after the map: the browser loads an element's code when
    # the element arrives, so the map's comes first (first paint). Their widgets' values are read
    # from the session before they are drawn.
    top = st.container()
    lang, criteria, view = header.choices(session, presenting)

    def draw_top_bar() -> None:
        with top:
            header.top_bar(presenting, lang, criteria)

    sidebar.gate(lang, before=draw_top_bar)  # with sign-in and no public reading: only the sign-in
    index = all_records.filtered(criteria, store.search(criteria.text) if criteria.text.strip() else None)
    tour = cached_tour(str(TOUR_FILE), TOUR_FILE.stat().st_mtime, frozenset(catalog.features)) if presenting else None
    if tour is not None:
        present.apply_stop(session, tour)
        present.style()
        present.tour_bar(tour, lang)
    settings = sidebar.report_settings() if tour is None else None
    if problems:
        with st.expander(f"⚠️ {len(problems)} {t('app.data_problems', lang, file=store.label)}"):
            for problem in problems:
                where = f"{t('app.line', lang)} {problem.line}: " if problem.line else ""  # a database has no lines
                st.text(f"{where}{problem.message.text(lang)}")

    if view == "map":
        on_report = functools.partial(
            forms.open_report_dialog, catalog=catalog, store=store, settings=settings, lang=lang
        )
        on_edit = editing.panel_tools(store, catalog, settings, lang)
        # The columns belong to the page, not to the fragment, which writes into both: a click's
        # rerun then sends one block (the panel's) before the panel instead of the fragment's
        # columns (three), and the panel leaves the server a flush cycle sooner.
        map_col, panel_col = st.columns([5, 2] if tour is None else [3, 2], gap="small")
        with map_col:
            map_and_panel(
                panel_col, files, catalog, index, store, criteria, lang, tour, on_report if settings else None, on_edit
            )
    else:
        state.forget_map(session)  # coming back to the map makes a new one
        if view == "table":
            views.records_table(index, lang)
        else:
            views.statistics(index, catalog, lang)
        write_url(criteria, lang)
    draw_top_bar()
    if tour is None:
        sidebar.editing(catalog, all_records, store, lang)
        sidebar.share_and_export(urlstate.from_state(session, criteria, lang), index, store, catalog, files, lang)


@st.fragment
def map_and_panel(
    panel_col: DeltaGenerator,
    files: MapFiles,
    catalog: Catalog,
    index: RecordIndex,
    store: RecordStore,
    criteria: RecordFilter,
    lang: str,
    tour: Tour | None,
    on_report: Callable[[str], None] | None,
    on_edit: Callable[[Sequence[RecordSummary]], None] | None = None,
) -> None:
    """Map and panel: a click on the map reruns only this part of the page.

    Called inside the map's column; the panel goes into ``panel_col`` beside it (Streamlit redraws
    a fragment's writes into a container outside it on every rerun of the fragment).
    """
    # The panel is made before anything is drawn and written first: its message follows the
    # panel block's at once and reaches the browser before the map's (unchanged) one. In a browser
    # the click is already in the session (the map's on_change ran before this run).
    panel = views.panel_view(catalog, index, store, lang)
    with panel_col:
        if tour is not None:
            present.caption(tour, lang)
        views.detail_panel(panel, lang, on_report, on_edit)
    views.map_area(files, catalog, index, lang, large=tour is not None)
    write_url(criteria, lang)


def write_url(criteria: RecordFilter, lang: str) -> None:
    """Keep the address bar on the view as it is now (selection, layers, filters, map view).

    Written only when it changes: a run started by Back or Forward whose page already matches the
    address then writes none. The browser may be on another entry by the time the run ends (Back
    pressed twice), and Streamlit would put the address into that entry.
    """
    query = urlstate.to_query(urlstate.from_state(st.session_state, criteria, lang))
    if not urlstate.holds(st.query_params.to_dict(), query):
        st.query_params.from_dict(query)


if __name__ == "__main__":
    main()
