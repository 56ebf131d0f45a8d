"""Streamlit's floor: one button and one ``st.html``. Its "click → panel" is button → html update."""

import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
count = st.session_state.setdefault("count", 0)
if st.button("Volgende", key="next"):
    count = st.session_state["count"] = count + 1
st.html(f'<div class="bp-card"><h3>Klik {count}</h3></div>')
