"""The map's payload for its first view, and the land borders' lengths after display simplification.

The map is a static script plus published files (``layers.mapdata``). Its first view fetches
Leaflet, the map's script and stylesheet, the base map, water, the first place labels and the
data of every layer switched on at the start; those files, raw and gzip-compressed (as the
server sends them), are the map payload. The browser's own count of the same requests is in
the first-visit details (``responses``).
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from bench.common import GEODATA, ROOT


def _file(url: str) -> Path:
    return ROOT / "static" / url.removeprefix("/app/static/")


def first_view_files() -> dict[str, Any]:
    from layers.assets import VENDOR_URL, ensure_vendor_assets
    from layers.catalog import load_catalog
    from layers.mapdata import publish_map_files
    from layers.specs import LAYERS

    ensure_vendor_assets(ROOT / "static")
    catalog = load_catalog(GEODATA)
    files = publish_map_files(catalog, GEODATA, ROOT / "static")
    urls = {
        "leaflet.js": f"{VENDOR_URL}/leaflet/leaflet.js",
        "leaflet.css": f"{VENDOR_URL}/leaflet/leaflet.css",
        "map.js": files.script,
        "map.css": files.css,
        "basemap": files.base,
    }
    if files.water:
        urls["water"] = files.water
    for url, zoom in files.places:
        if zoom <= 7:
            urls[f"places (from zoom {zoom:g})"] = url
    for spec in LAYERS:
        if spec.show:
            urls[f"layer {spec.kind}"] = files.layers[spec.kind]
    rows = []
    for name, url in urls.items():
        data = _file(url).read_bytes()
        rows.append({"file": name, "url": url, "raw": len(data), "gzip": len(gzip.compress(data, 9))})
    off = [
        {"file": f"layer {s.kind} (off at first)", "raw": _file(files.layers[s.kind]).stat().st_size}
        for s in LAYERS
        if not s.show
    ]
    return {
        "files": rows,
        "raw": sum(r["raw"] for r in rows),
        "gzip": sum(r["gzip"] for r in rows),
        "not_in_first_view": off,
    }


def border_lengths() -> list[dict[str, Any]]:
    """Geodesic length (WGS84) of each land border: display geometry vs full detail."""
    from pyproj import Geod
    from shapely.geometry import shape

    from layers.catalog import load_catalog

    geod = Geod(ellps="WGS84")
    catalog = load_catalog(GEODATA)
    rows = []
    for fid in ("border:nl-be", "border:nl-de"):
        full = geod.geometry_length(catalog.get(fid).geometry) / 1000
        shown = geod.geometry_length(shape(catalog.display_feature(fid)["geometry"])) / 1000
        rows.append(
            {
                "feature": fid,
                "full_km": round(full, 3),
                "display_km": round(shown, 3),
                "diff_pct": round((shown - full) / full * 100, 3),
            }
        )
    return rows


def measure() -> dict[str, Any]:
    return {"first_view": first_view_files(), "border_lengths": border_lengths()}


if __name__ == "__main__":
    import json

    print(json.dumps(measure(), indent=1))
