"""Presentation mode: large type, the guided tour's controls and captions, arrow-key stepping."""

from __future__ import annotations

import html
from collections.abc import MutableMapping
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from i18n import t
from ui import state
from ui.tour import Tour

BIG_TYPE_CSS = """
<style>
  .bp-card { font-size: 20px !important; }
  .bp-rec h4 { font-size: 1.1em !important; }
  .tour-caption { font: 22px/1.45 system-ui, sans-serif; background: #f3f6fa; border-left: 6px solid #0072B2;
                  padding: 12px 16px; border-radius: 4px; }
  .tour-caption h2 { margin: 0 0 6px; font-size: 1.35em; }
  /* the tour bar stays in view above the map */
  .st-key-tour_bar { position: sticky; top: 0; z-index: 999; background: #fff; padding: 4px 0;
                     font-size: 20px; }
  .st-key-tour_bar p { font-size: 22px; margin: 0; }
</style>
"""

# Arrow keys step the tour: the component's iframe shares the app's origin, so it can listen
# on the page and press the tour's own buttons (a click on the map keeps Leaflet's arrow keys).
ARROW_KEYS_JS = """
<script>
const doc = window.parent.document;
if (!doc.__tourKeys) {
  doc.__tourKeys = true;
  doc.addEventListener("keydown", (event) => {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || event.target.isContentEditable) return;
    const label = event.key === "ArrowRight" ? "▶" : event.key === "ArrowLeft" ? "◀" : null;
    if (!label) return;
    const button = [...doc.querySelectorAll("button")].find((b) => b.innerText.trim().startsWith(label)
                                                                   || b.innerText.trim().endsWith(label));
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
}
</script>
"""


def apply_stop(session: MutableMapping[str, Any], tour: Tour) -> None:
    """When the tour moves to another stop: select its feature and move the map there."""
    number = min(max(session.get(state.STOP) or 1, 1), len(tour.stops))
    session[state.STOP] = number
    if session.get(state.STOP_APPLIED) != number:
        stop = tour.stop(number)
        session[state.STOP_APPLIED] = number
        state.request_selection(session, stop.feature_id)
        state.request_view(session, stop.center, stop.zoom)  # one more request: selection and view


def _step(delta: int, total: int) -> None:
    st.session_state[state.STOP] = min(max((st.session_state[state.STOP] or 1) + delta, 1), total)


def style() -> None:
    st.html(BIG_TYPE_CSS)


def tour_bar(tour: Tour, lang: str) -> None:
    """Previous / stop title / next, and the arrow-key listener."""
    number, total = st.session_state[state.STOP], len(tour.stops)
    with st.container(key="tour_bar", horizontal=True, vertical_alignment="center", gap="medium"):
        st.button(
            f"◀ {t('tour.previous', lang)}", on_click=_step, args=(-1, total), disabled=number <= 1, key="tour_prev"
        )
        st.markdown(f"**{number}/{total} · {html.escape(tour.stop(number).text('title', lang))}**", width="stretch")
        st.button(
            f"{t('tour.next', lang)} ▶", on_click=_step, args=(1, total), disabled=number >= total, key="tour_next"
        )
    components.html(ARROW_KEYS_JS, height=0)


def caption(tour: Tour, lang: str) -> None:
    stop = tour.stop(st.session_state[state.STOP])
    st.html(
        f'<div class="tour-caption"><h2>{html.escape(stop.text("title", lang))}</h2>'
        f"{html.escape(stop.text('caption', lang))}</div>"
    )
