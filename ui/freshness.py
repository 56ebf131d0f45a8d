"""Fresh everywhere: an open page notices records saved through any app server and redraws.

Each session remembers the change token of the records it last drew (:func:`watch`, called once
per full run). A small fragment reruns every :data:`POLL_SECONDS` on its own, asks the store for
its token (one ``stat`` of the CSV file, or one cached primary-key read in PostgreSQL, shared by
all sessions of a server) and, when it differs, reruns the whole page: panel, badges and table
show the new records, while the map keeps its view (its script never changes, only the small
state object that carries badges and selection). Nothing is sent while nothing changed.
"""

from __future__ import annotations

import streamlit as st

from records import RecordStore

__all__ = ["DRAWN_TOKEN", "POLL_SECONDS", "watch"]

#: Seconds between two looks at the store: a change shows on every open page within about this long.
POLL_SECONDS = 2.0
#: Session-state key: the token of the records this session last drew.
DRAWN_TOKEN = "freshness_drawn_token"


def watch(store: RecordStore, drawn_token: str) -> None:
    """Remember that this run drew ``drawn_token``; from now on, redraw when the store moves on."""
    st.session_state[DRAWN_TOKEN] = drawn_token
    _poll(store)


@st.fragment(run_every=POLL_SECONDS)
def _poll(store: RecordStore) -> None:
    if store.change_token() != st.session_state.get(DRAWN_TOKEN):
        st.rerun(scope="app")
