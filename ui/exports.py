"""Downloads: the filtered records as CSV and GeoJSON, and the map as a standalone HTML file."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import folium

from layers.assets import STATIC_URL
from layers.catalog import Catalog
from layers.mapdata import MapFiles
from records import COLUMNS, Record

#: Spreadsheets run cells that start with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with an apostrophe.

    >>> neutralise('=HYPERLINK("http://x","y")'), neutralise("plain")
    ('\\'=HYPERLINK("http://x","y")', 'plain')
    """
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _in_language(record: Record, lang: str) -> dict[str, str]:
    """The record's title and summary in ``lang`` (or the language it has), first in an export."""
    return {"title": record.text("title", lang)[0], "summary": record.text("summary", lang)[0]}


def records_csv(records: Iterable[Record], lang: str = "nl") -> bytes:
    """Return the records as CSV for spreadsheets (UTF-8 with BOM, formulas neutralised).

    The first columns are the title and summary in ``lang``; then every column of the records file.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(("title", "summary", *COLUMNS))
    for record in records:
        row = {**_in_language(record, lang), **record.to_row()}
        writer.writerow([neutralise(row[c]) for c in ("title", "summary", *COLUMNS)])
    return buffer.getvalue().encode("utf-8-sig")


def records_geojson(records: Iterable[Record], catalog: Catalog, lang: str = "nl") -> dict[str, Any]:
    """Return a FeatureCollection with one feature per (record, linked map feature) pair.

    Geometry is the display geometry of the map feature; the properties are the title and summary
    in ``lang``, the record's columns, and ``feature_id``, ``feature_name`` (in ``lang``) and
    ``feature_layer``.
    """
    features = []
    for record in records:
        row = record.to_row()
        for feature_id in record.feature_ids:
            map_feature = catalog.get(feature_id)
            drawn = catalog.display_feature(feature_id)
            if map_feature is None or drawn is None:
                continue
            properties = {
                **_in_language(record, lang),
                **row,
                "feature_id": feature_id,
                "feature_name": map_feature.name_in(lang),
                "feature_layer": map_feature.layer,
            }
            features.append({"type": "Feature", "properties": properties, "geometry": drawn["geometry"]})
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(collection: dict[str, Any]) -> bytes:
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def standalone_map_html(fmap: folium.Map, files: MapFiles) -> str:
    """Return the map as one HTML file that works offline: scripts, styles and data inlined."""
    page = fmap.get_root().render()

    def local(url: str) -> Path:
        return files.static_dir / url.removeprefix(f"{STATIC_URL}/")

    def inline_script(match: re.Match[str]) -> str:
        code = local(match.group(1)).read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f"<script>{code}</script>"

    def inline_style(match: re.Match[str]) -> str:
        return f"<style>{local(match.group(1)).read_text(encoding='utf-8')}</style>"

    page = re.sub(rf'<script src="({re.escape(STATIC_URL)}/[^"]+)"></script>', inline_script, page)
    page = re.sub(rf'<link rel="stylesheet" href="({re.escape(STATIC_URL)}/[^"]+)"/>', inline_style, page)
    data_urls = [
        *files.layers.values(),
        files.base,
        *(url for url, _zoom in files.places),
        *([files.water] if files.water else []),
    ]
    inline = {url: json.loads(local(url).read_text(encoding="utf-8")) for url in data_urls}
    data = json.dumps(inline, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return page.replace("<head>", f"<head><script>window.BP_INLINE = {data};</script>", 1)
