"""The benchmark's two reference apps, served with ``streamlit run`` beside the real one.

- ``naive.py``: the same layers drawn the obvious way with folium and st_folium defaults;
- ``floor.py``: Streamlit's floor, one button and one ``st.html``.

Both read ``./static`` beside them (``bench/apps/static``, filled by the bench, not committed).
"""
