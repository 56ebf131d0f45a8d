"""Fresh everywhere: an open page notices records saved through any app server and redraws.

Each session remembers the change token of the records it last drew (:func:`watch`, called once
per full run). A small fragment reruns every :data:`POLL_SECONDS` on its own, asks the store for
its token (one ``stat`` of the CSV file, or one cached primary-key read in PostgreSQL, shared by
all sessions of a server) and, when it differs, reruns the whole page: panel, badges and table
show the new records, while the map keeps its view (its script never changes, only the small
state object that carries badges and selection). Nothing is sent while nothing changed.

A whole-page rerun would close an open dialog and with it a half-typed report: a dialog calls
:func:`hold` while it is drawn (and :func:`release` when dismissed); the page then waits with
its redraw until the dialog is gone.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import streamlit as st

from records import RecordStore

__all__ = ["DRAWN_TOKEN", "HOLD", "POLL_SECONDS", "hold", "release", "should_redraw", "watch"]

#: Seconds between two looks at the store: a change shows on every open page within about this long.
#: Each look is a small rerun that an open tab asks for (a few hundred bytes each way, and a run on
#: the server per open page); 3 s keeps a change well within the 5-second promise at a third less.
POLL_SECONDS = 3.0
#: Session-state key: the token of the records this session last drew.
DRAWN_TOKEN = "freshness_drawn_token"
#: Session-state key: set while a dialog is open (no whole-page redraw then).
HOLD = "freshness_hold"


def watch(store: RecordStore, drawn_token: str) -> None:
    """Remember that this run drew ``drawn_token``; from now on, redraw when the store moves on.

    Called once per full run, before any dialog is drawn: a dialog still open draws itself again
    in this run and holds the redraws again.
    """
    session = st.session_state
    session[DRAWN_TOKEN] = drawn_token
    session.pop(HOLD, None)
    _poll(store)


def hold(session: MutableMapping[str, Any] | None = None) -> None:
    """Keep the page as it is while a dialog is open (call it in the dialog's body)."""
    (st.session_state if session is None else session)[HOLD] = True


def release(session: MutableMapping[str, Any] | None = None) -> None:
    """The dialog is gone: redraw at the next look if the records moved on (an ``on_dismiss`` callback)."""
    (st.session_state if session is None else session).pop(HOLD, None)


def should_redraw(session: MutableMapping[str, Any], token: str) -> bool:
    """True when the store's ``token`` differs from what the page drew and no dialog is open.

    >>> should_redraw({DRAWN_TOKEN: "a:1"}, "a:2"), should_redraw({DRAWN_TOKEN: "a:2"}, "a:2")
    (True, False)
    >>> should_redraw({DRAWN_TOKEN: "a:1", HOLD: True}, "a:2")
    False
    """
    return token != session.get(DRAWN_TOKEN) and not session.get(HOLD)


@st.fragment(run_every=POLL_SECONDS)
def _poll(store: RecordStore) -> None:
    if should_redraw(st.session_state, store.change_token()):
        st.rerun(scope="app")
