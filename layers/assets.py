"""Serve Leaflet and jQuery from the app itself, so the map renders with no internet.

The files come from the ``xstatic-leaflet`` and ``xstatic-jquery`` wheels (byte-identical
to the upstream releases folium 0.20 pins). Streamlit serves ``./static`` at
``/app/static``; it refuses symlinks that leave that folder, so the files are copied.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path
from typing import ClassVar

import folium
import xstatic.pkg.jquery
import xstatic.pkg.leaflet
from branca.element import MacroElement
from jinja2 import Template

STATIC_URL = "/app/static/vendor"

#: (source file in a wheel, path under static/vendor)
VENDOR_FILES: tuple[tuple[Path, str], ...] = (
    (Path(xstatic.pkg.leaflet.BASE_DIR) / "leaflet.js", "leaflet/leaflet.js"),
    (Path(xstatic.pkg.leaflet.BASE_DIR) / "leaflet.css", "leaflet/leaflet.css"),
    *(
        (Path(xstatic.pkg.leaflet.BASE_DIR) / "images" / name, f"leaflet/images/{name}")
        for name in ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")
    ),
    (Path(xstatic.pkg.jquery.BASE_DIR) / "jquery.min.js", "jquery/jquery.min.js"),
)


def ensure_vendor_assets(static_dir: Path) -> list[Path]:
    """Copy the vendored files into ``static_dir/vendor`` where missing or changed.

    Returns the paths that were (re)written; an up-to-date folder costs a few stat calls.
    """
    written = []
    for source, relative in VENDOR_FILES:
        target = static_dir / "vendor" / relative
        if target.exists() and filecmp.cmp(source, target, shallow=True):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


class _IconImagePath(MacroElement):
    """Point Leaflet's default icon at the local images (it otherwise guesses from the CSS URL)."""

    _template = Template(
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = {{ this.path|tojson }};{% endmacro %}"
    )

    def __init__(self, path: str):
        super().__init__()
        self._name = "IconImagePath"
        self.path = path


class OfflineMap(folium.Map):
    """A ``folium.Map`` whose scripts and stylesheets are all served by this app.

    Bootstrap, Font Awesome and awesome-markers are left out: GeoJson layers, tooltips,
    circle markers, div icons and the layer control need only Leaflet (and jQuery).
    """

    default_js: ClassVar[list[tuple[str, str]]] = [
        ("leaflet", f"{STATIC_URL}/leaflet/leaflet.js"),
        ("jquery", f"{STATIC_URL}/jquery/jquery.min.js"),
    ]
    default_css: ClassVar[list[tuple[str, str]]] = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]

    def __init__(self, *args, bounds: list[list[float]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._known_bounds = bounds
        _IconImagePath(f"{STATIC_URL}/leaflet/images/").add_to(self)

    def get_bounds(self) -> list[list[float]]:
        """Return the bounds given at construction when known: folium would otherwise walk every
        vertex in Python (about 80 ms per rerun here) for a value the app does not use."""
        return self._known_bounds if self._known_bounds is not None else super().get_bounds()
