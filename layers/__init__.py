"""Map layers: one module per layer kind, the ordered registry, the offline base map and assets.

Nothing here imports Streamlit or reads files on its own initiative; callers pass data in.
"""
