"""Everything the browser loads besides Streamlit itself, served by the app (offline).

Streamlit serves ``./static`` at ``/app/static``. Leaflet comes from the ``xstatic-leaflet``
wheel (byte-identical to the release folium 0.20 pins) and is copied to ``static/vendor``;
Streamlit refuses symlinks that leave the folder. The map's own script, its stylesheet and
the layer data are *published* under ``static/app/<content hash>/``: a new version gets a new
address, so a browser never mixes an old cached file with a new page.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import tempfile
from pathlib import Path

import xstatic.pkg.leaflet

STATIC_URL = "/app/static"
VENDOR_URL = f"{STATIC_URL}/vendor"
WEB_DIR = Path(__file__).resolve().parent / "web"

#: (source file in a wheel, path under static/vendor)
VENDOR_FILES: tuple[tuple[Path, str], ...] = (
    (Path(xstatic.pkg.leaflet.BASE_DIR) / "leaflet.js", "leaflet/leaflet.js"),
    (Path(xstatic.pkg.leaflet.BASE_DIR) / "leaflet.css", "leaflet/leaflet.css"),
    *(
        (Path(xstatic.pkg.leaflet.BASE_DIR) / "images" / name, f"leaflet/images/{name}")
        for name in ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")
    ),
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
        _write_whole(target, source.read_bytes())
        written.append(target)
    return written


def _write_whole(target: Path, data: bytes) -> None:
    """Write ``data`` beside ``target`` and rename it over: a second server starting at the same
    time (or a page loading the file meanwhile) never sees half a file; the last writer wins."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish(static_dir: Path, name: str, data: bytes) -> str:
    """Write ``data`` as ``static_dir/app/<hash>/<name>`` (once) and return its URL.

    >>> import tempfile, pathlib
    >>> publish(pathlib.Path(tempfile.mkdtemp()), "a.json", b"{}")
    '/app/static/app/44136fa355b3/a.json'
    """
    digest = hashlib.sha256(data).hexdigest()[:12]
    target = static_dir / "app" / digest / name
    if not target.exists():
        _write_whole(target, data)  # concurrent app servers may publish the same file: same bytes
    return f"{STATIC_URL}/app/{digest}/{name}"


def publish_web_file(static_dir: Path, name: str) -> str:
    """Publish one of the map's own files from ``layers/web`` and return its URL."""
    return publish(static_dir, name, (WEB_DIR / name).read_bytes())
