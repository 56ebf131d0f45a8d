"""Map payload per layer (what st_folium sends) and border lengths after display simplification."""

from __future__ import annotations

import gzip
import json
from typing import Any

from bench.common import GEODATA


def leaflet_parts(fmap: Any) -> dict[str, str]:
    """The strings st_folium hands to its component for ``fmap`` (same calls, same order)."""
    import streamlit_folium as sf

    fmap.get_root().render()
    fmap.render()
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    return {"script": script, "header": header, "html": html}


def _vertices(geometry: dict[str, Any]) -> int:
    def count(coords: Any) -> int:
        if coords and isinstance(coords[0], (int, float)):
            return 1
        return sum(count(c) for c in coords)

    return count(geometry["coordinates"]) if geometry else 0


def per_layer() -> dict[str, Any]:
    """Script bytes each layer adds to a bare OfflineMap, its GeoJSON size, and the full file size."""
    from shapely.geometry import mapping

    import layers.mapview  # noqa: F401 (sets the app's compact-JSON option for folium's templates)
    from layers import basemap
    from layers.assets import OfflineMap
    from layers.catalog import load_catalog
    from layers.registry import LAYERS

    catalog = load_catalog(GEODATA)
    bare = len(leaflet_parts(OfflineMap())["script"])
    rows = []
    for spec in LAYERS:
        fmap = OfflineMap()
        spec.build(catalog.display[spec.kind], "nl").add_to(fmap)
        script_bytes = len(leaflet_parts(fmap)["script"]) - bare
        display = catalog.display[spec.kind]
        full_features = [
            {"type": "Feature", "properties": {}, "geometry": mapping(f.geometry)} for f in catalog.layer(spec.kind)
        ]
        rows.append(
            {
                "layer": spec.kind,
                "features": len(display["features"]),
                "script_bytes": script_bytes,
                "geojson_bytes": len(json.dumps(display, sort_keys=True)),
                "geojson_compact_bytes": len(json.dumps(display, sort_keys=True, separators=(",", ":"))),
                "file_bytes": (GEODATA / spec.filename).stat().st_size,
                "vertices_display": sum(_vertices(f["geometry"]) for f in display["features"]),
                "vertices_full": sum(_vertices(f["geometry"]) for f in full_features),
                "tolerance_deg": spec.tolerance,
            }
        )
    base = basemap.load(GEODATA / "basemap.geojson")
    fmap = OfflineMap()
    basemap.build(base, "nl").add_to(fmap)
    rows.append(
        {
            "layer": "basemap",
            "features": len(base["features"]),
            "script_bytes": len(leaflet_parts(fmap)["script"]) - bare,
            "geojson_bytes": len(json.dumps(base, sort_keys=True)),
            "geojson_compact_bytes": len(json.dumps(base, sort_keys=True, separators=(",", ":"))),
            "file_bytes": (GEODATA / "basemap.geojson").stat().st_size,
            "vertices_display": sum(_vertices(f["geometry"]) for f in base["features"]),
            "vertices_full": sum(_vertices(f["geometry"]) for f in base["features"]),
            "tolerance_deg": None,
        }
    )
    return {"bare_map_script_bytes": bare, "layers": rows}


def full_map() -> dict[str, Any]:
    """The complete static map as build_map makes it: sizes, gzip size, JSON whitespace share."""
    from layers import basemap
    from layers.catalog import load_catalog
    from layers.mapview import build_map

    catalog = load_catalog(GEODATA)
    base = basemap.load(GEODATA / "basemap.geojson")
    parts = leaflet_parts(build_map(catalog, base, "nl", 650))
    script = parts["script"]
    compactish = script.replace(", ", ",").replace(": ", ":")
    return {
        "script_bytes": len(script),
        "header_bytes": len(parts["header"]),
        "script_gzip_bytes": len(gzip.compress(script.encode(), 6)),
        "json_whitespace_bytes": len(script) - len(compactish),
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
    return {"per_layer": per_layer(), "full_map": full_map(), "border_lengths": border_lengths()}


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1))
