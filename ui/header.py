"""The top bar: title, the filters (in a popover), the view switch and the language.

Kept to one line so that the map gets the window (map first).
"""

from __future__ import annotations

import base64
import functools
import html
import io
from collections.abc import Mapping
from typing import Any

import streamlit as st
from PIL import Image, ImageDraw

from i18n import LANGUAGES, t
from layers.style import PALETTE
from records import Border, Kind, RecordFilter, Status, Theme
from ui import auth, state

FILTERS = (
    (state.FILTER_BORDER, "filters.border", Border),
    (state.FILTER_THEME, "filters.theme", Theme),
    (state.FILTER_STATUS, "filters.status", Status),
    (state.FILTER_KIND, "filters.kind", Kind),
)
VIEWS = ("map", "table", "stats")


@functools.cache
def favicon() -> str:
    """The page's icon: a folded map, white on the map's vermillion, as a PNG data URL.

    A PNG rather than an emoji: Streamlit draws an emoji icon as an SVG, and the browser fetches
    and parses the page's icon again whenever the address changes, which here is every click
    (1–8 ms of the page's time each, in a trace). A data URL asks nothing of the server.

    >>> favicon().startswith("data:image/png;base64,")
    True
    """
    # Drawn on a 64-unit grid at 4x and scaled down to 32 px (smooth edges), in 32 colours: the
    # icon travels with every full run's page settings, so it is kept to about half a kilobyte.
    unit, size = 4, 32
    big = 64 * unit
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=14 * unit, fill=PALETTE["vermillion"])
    # Three panels of a folded map, zig-zag; the middle one in shade.
    top, bottom, left, right = 14 * unit, 50 * unit, 10 * unit, 54 * unit
    third = (right - left) / 3
    xs = [left + third * i for i in range(4)]
    tops = [top + 4 * unit, top, top + 4 * unit, top]
    bottoms = [bottom, bottom - 4 * unit, bottom, bottom - 4 * unit]
    for i in range(3):
        panel = [(xs[i], tops[i]), (xs[i + 1], tops[i + 1]), (xs[i + 1], bottoms[i + 1]), (xs[i], bottoms[i])]
        draw.polygon(panel, fill="#FFFFFF" if i != 1 else "#F3D9C6")
    buffer = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).quantize(32).save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


#: Part of the page's CSS (drawn once with it, see ``ui.views.page_css``): no element of its own to
#: redraw on every click.
BAR_CSS = """
<style>
  .st-key-top_bar { align-items: center; }
  /* The language (and the account) at the right end of the bar. */
  .st-key-top_bar .st-key-lang { margin-left: auto; }
  .st-key-top_bar p { margin: 0; }
  .bp-title h1 { font-size: 1.35rem; font-weight: 700; padding: 0; margin: 0; line-height: 1.2; }
  .bp-title p { font-size: 0.8rem; line-height: 1.2; color: #555; }
  @media (max-width: 1100px) { .bp-title p { display: none; } }
  @media (max-width: 640px) {
    .st-key-top_bar { gap: 0.4rem !important; padding-left: 2.2rem !important; padding-right: 0 !important; }
    .bp-title h1 { font-size: 1.05rem; }
    .st-key-top_bar button { padding: 0.15rem 0.5rem; min-height: 2rem; }
  }
</style>
"""


def choices(session: Mapping[str, Any], presenting: bool) -> tuple[str, RecordFilter, str]:
    """The language, the record filter and the view the top bar's widgets hold now.

    Read from the session (a widget's key holds its value before the widget is drawn in a run),
    so the map can be drawn before the bar: see :func:`top_bar`.

    >>> choices({}, presenting=False)[0::2]
    ('nl', 'map')
    >>> lang, criteria, view = choices({state.LANG: "en", state.FILTER_BORDER: [Border("NL-BE")],
    ...                                 state.FILTER_TEXT: "tax", state.VIEW_TAB: "table"}, presenting=False)
    >>> lang, sorted(criteria.borders), criteria.text, view
    ('en', [<Border.NL_BE: 'NL-BE'>], 'tax', 'table')
    >>> choices({state.VIEW_TAB: "table", state.FILTER_TEXT: "tax"}, presenting=True)[1:]
    (RecordFilter(borders=frozenset(), themes=frozenset(), statuses=frozenset(), kinds=frozenset(), text=''), 'map')
    """
    lang = session.get(state.LANG) or "nl"
    if presenting:
        return lang, RecordFilter(), "map"
    chosen = [frozenset(session.get(key) or ()) for key, _, _ in FILTERS]
    return lang, RecordFilter(*chosen, text=session.get(state.FILTER_TEXT) or ""), session.get(state.VIEW_TAB) or "map"


def title_html(lang: str) -> str:
    """The page's heading with its subtitle under it, as HTML.

    Plain HTML rather than ``st.title(help=...)``: every rerun redraws every element of the page,
    a click's fragment run too, and a Streamlit heading with a help tooltip costs the browser
    about 0.8 ms each time against 0.2 ms for this (measured side by side, ten of each).

    >>> heading, subtitle = title_html("en").split("</h1>")
    >>> heading
    '<div class="bp-title"><h1>Border-obstacle map'
    >>> subtitle
    '<p>Obstacles and initiatives along the Dutch borders with Belgium and Germany</p></div>'
    """
    title, subtitle = html.escape(t("app.title", lang)), html.escape(t("app.subtitle", lang))
    return f'<div class="bp-title"><h1>{title}</h1><p>{subtitle}</p></div>'


def top_bar(presenting: bool, lang: str, criteria: RecordFilter) -> None:
    """Draw the one-line top bar: title, filters, view switch, language (and sign-in).

    The app draws it after the map, into a container placed above it: the browser then loads the
    map's code before the code of these widgets (first paint). ``lang`` and ``criteria`` are what
    :func:`choices` read.
    In presentation mode the bar holds only the title and the language (no filters, no views).
    """
    with st.container(horizontal=True, key="top_bar", gap="small", vertical_alignment="center"):
        st.html(title_html(lang), width="content")
        if not presenting:
            _filters(lang, criteria)
            _view_switch(lang)
        st.segmented_control(
            t("app.language", lang),
            LANGUAGES,
            format_func=str.upper,
            key=state.LANG,
            required=True,
            label_visibility="collapsed",
        )
        if not presenting:
            auth.account_control(lang)  # sign in / who is signed in (with sign-in only)


def _filters(lang: str, criteria: RecordFilter) -> None:
    """The filter popover (border, theme, status, kind, text); its label counts the active ones.

    Its fields are drawn from its first opening on; their values are in the session all the same
    (a link may set them): :func:`choices` reads them from there.
    """
    active = sum(map(bool, (criteria.borders, criteria.themes, criteria.statuses, criteria.kinds, criteria.text)))
    label = t("filters.header", lang) + (f" ({active})" if active else "")
    with st.popover(label, icon=":material/filter_list:", key=state.FILTER_BOX, on_change="rerun") as box:
        if not state.drawn_once_opened(st.session_state, state.FILTER_BOX, box.open):
            return
        for key, label_key, vocab in FILTERS:
            st.multiselect(
                t(label_key, lang),
                list(vocab),
                format_func=lambda v: v.label(lang),
                key=key,
                placeholder=t("filters.all", lang),
            )
        st.text_input(t("filters.text", lang), max_chars=200, key=state.FILTER_TEXT)


def _view_switch(lang: str) -> None:
    """Map, table or statistics (a switch whose value does not depend on the language)."""
    st.session_state.setdefault(state.VIEW_TAB, "map")
    st.segmented_control(
        t("tab.view", lang),
        VIEWS,
        format_func=lambda v: t(f"tab.{v}", lang),
        key=state.VIEW_TAB,
        required=True,
        label_visibility="collapsed",
    )
