"""Presentation helpers for the Streamlit app: texts, session state and the detail panel."""
