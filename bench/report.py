"""The summary table, the targets, and ``bench/results/latest.{json,md}`` and the README table.

Everything here is a pure function of the result dictionary, so ``tests/test_bench_readme.py``
can check that README.md shows exactly what ``bench/results/latest.json`` renders to.

A target is judged only on enough samples: percentiles (click latency, bytes per click,
rerun times) need :data:`MIN_SAMPLES`; medians of whole visits or process starts need
:data:`MIN_REPEATS`. Fewer, or a missing figure, is a failure, never "n/a".
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.common import RESULTS_DIR, ROOT, percentile

MIN_SAMPLES = 20
MIN_REPEATS = 3
PASS, FAIL, INFO = "✅", "❌", ""
APPS = ("app", "naive", "floor")
README = ROOT / "README.md"
BEGIN, END = "<!-- bench-table -->", "<!-- /bench-table -->"
HEADER = ["measure", "this app", "naive folium", "Streamlit floor", "target", "load 1/5/15 min"]


# -- numbers ------------------------------------------------------------------------------


def _get(data: Any, *path: Any) -> Any:
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _p(values: Sequence[float], q: float) -> float | None:
    return percentile(list(values), q) if values else None


def _med(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _ms(v: float | None) -> str:
    return "—" if v is None else f"{v:,.0f} ms"


def _kb(v: float | None) -> str:
    return "—" if v is None else (f"{v / 1000:,.1f} kB" if v < 1e6 else f"{v / 1e6:,.2f} MB")


def _x(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}×"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def _load(r: dict[str, Any], phase: str) -> str:
    load = _get(r, "load", phase)
    return " / ".join(f"{x:.2f}" for x in load) if load else "—"


# -- extraction ---------------------------------------------------------------------------


def clicks(r: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The timed clicks of ``name`` (round 0 is the warm-up)."""
    return [c for c in _get(r, "browser", "clicks", name) or [] if c.get("round", 0) > 0]


def click_latencies(r: dict[str, Any], name: str) -> list[float]:
    return [c["click_to_panel_ms"] for c in clicks(r, name) if c.get("selected_ok") and c.get("click_to_panel_ms")]


def ws_bytes(c: dict[str, Any]) -> int:
    return c["bytes"]["ws_up"] + c["bytes"]["ws_down"]


def http_bytes(c: dict[str, Any]) -> int:
    return c["bytes"]["http_up"] + c["bytes"]["http_down"]


def reruns(r: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return _get(r, "browser", "reruns", name) or []


def visits(r: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return _get(r, "browser", "first_visit", name) or []


def cold(r: dict[str, Any], name: str) -> list[float]:
    return [v["cold_start_ms"] for v in _get(r, "browser", "cold_start", name) or []]


def record_row(r: dict[str, Any], size: int) -> dict[str, Any] | None:
    return next((x for x in _get(r, "records", "sizes") or [] if x["records"] == size), None)


def memory_per_record(r: dict[str, Any]) -> float | None:
    rss = _get(r, "browser", "rss_kb") or {}
    if not rss.get("app") or not rss.get("app_100k"):
        return None
    return (rss["app_100k"] - rss["app"]) * 1024 / 99_000


# -- rows ---------------------------------------------------------------------------------


def _judge(ok: bool | None, enough: bool) -> bool:
    return bool(ok) and enough


def _n_note(n: int, need: int) -> str:
    return "" if n >= need else f" (only {n} samples, {need} needed)"


def summary_rows(r: dict[str, Any]) -> list[dict[str, Any]]:
    """One dict per table row: measure, app, naive, floor, target, ok (True / False / None = info), load."""
    rows: list[dict[str, Any]] = []

    def row(measure: str, cells: Sequence[str], target: str, ok: bool | None, phase: str) -> None:
        rows.append({"measure": measure, "cells": list(cells), "target": target, "ok": ok, "load": _load(r, phase)})

    # -- clicks ----------------------------------------------------------------------------
    n = {a: len(click_latencies(r, a)) for a in (*APPS, "app_100k")}
    per_click = {a: [ws_bytes(c) for c in clicks(r, a)] for a in (*APPS, "app_100k")}

    def bytes_cell(values: list[int]) -> str:
        if not values:
            return "—"
        return f"{_kb(_p(values, 50))} · {_kb(_p(values, 95))} · max {_kb(max(values))}"

    app_bytes = per_click["app"]
    row(
        f"Bytes per click on the websocket, raw both ways (p50 · p95 · max; n = {len(app_bytes)})",
        [bytes_cell(per_click[a]) for a in APPS],
        "≤ 5 kB, every click" + _n_note(len(app_bytes), MIN_SAMPLES),
        _judge(bool(app_bytes) and max(app_bytes) <= 5000, len(app_bytes) >= MIN_SAMPLES),
        "clicks",
    )
    real = [ws_bytes(c) for c in clicks(r, "app_real")]
    if real:
        rows_real = _get(r, "synthetic", "real obstacles.csv", "rows_sampled")
        row(
            f"… the same clicks with the real obstacles.csv ({rows_real} rows)",
            [bytes_cell(real), "", ""],
            "",
            None,
            "clicks",
        )
    http = {a: [http_bytes(c) for c in clicks(r, a)] for a in APPS}
    row(
        "Bytes per click over HTTP (p50 · max)",
        [f"{_kb(_p(http[a], 50))} · max {_kb(max(http[a]))}" if http[a] else "—" for a in APPS],
        "",
        None,
        "clicks",
    )
    lat = {a: click_latencies(r, a) for a in (*APPS, "app_100k")}
    p50 = {a: _p(lat[a], 50) for a in lat}
    p95 = {a: _p(lat[a], 95) for a in lat}
    enough = all(n[a] >= MIN_SAMPLES for a in APPS)
    r50 = _ratio(p50["app"], p50["floor"])
    row(
        f"Click → panel p50 (n = {n['app']} / {n['naive']} / {n['floor']})",
        [_ms(p50[a]) for a in APPS],
        f"≤ 2× floor: {_x(r50)}" + ("" if enough else " (too few samples)"),
        _judge(r50 is not None and r50 <= 2, enough),
        "clicks",
    )
    r95 = _ratio(p95["app"], p95["floor"])
    row(
        "Click → panel p95",
        [_ms(p95[a]) for a in APPS],
        f"≤ 3× floor: {_x(r95)}; ≤ 600 ms" + ("" if enough else " (too few samples)"),
        _judge(r95 is not None and r95 <= 3 and p95["app"] is not None and p95["app"] <= 600, enough),
        "clicks",
    )
    faster = _ratio(p50["naive"], p50["app"])
    row(
        "Naive ÷ this app, click → panel p50 (p95)",
        [f"{_x(faster)} ({_x(_ratio(p95['naive'], p95['app']))})", "", ""],
        "≥ 3× faster",
        _judge(faster is not None and faster >= 3, enough),
        "clicks",
    )
    sel = {a: clicks(r, a) for a in APPS}
    row(
        "Panel names the clicked feature (checked after every click)",
        [f"{sum(1 for c in sel[a] if c.get('selected_ok'))} / {len(sel[a])}" for a in APPS],
        "every click",
        _judge(all(c.get("selected_ok") for a in APPS for c in sel[a]), all(len(sel[a]) >= MIN_SAMPLES for a in APPS)),
        "clicks",
    )

    def server_cell(items: list[dict[str, Any]]) -> str:
        times = [c["server_ms"] for c in items if c.get("server_runs")]
        gc_share = _ratio(sum(c["server_gc_ms"] for c in items), sum(c["server_ms"] for c in items))
        if not times:
            return "—"
        return f"{_ms(_p(times, 50))} · {_ms(_p(times, 95))} (gc {gc_share:.0%})"

    row(
        "Server time per click: whole script run incl. Streamlit's clean-up (p50 · p95; gc.collect share)",
        [server_cell(clicks(r, a)) for a in APPS],
        "",
        None,
        "clicks",
    )
    row(
        "Full rerun ('r'), server time incl. clean-up (p50 · p95; gc share)",
        [server_cell(reruns(r, a)) for a in APPS],
        "",
        None,
        "reruns",
    )

    # -- first visit -----------------------------------------------------------------------
    fv_bytes = {a: [v["bytes"]["total"] for v in visits(r, a)] for a in (*APPS, "app_100k")}
    fv_paint = {a: [v["paint_ms"] for v in visits(r, a)] for a in (*APPS, "app_100k")}
    reps = min(len(fv_bytes[a]) for a in APPS)
    b_ratio = _ratio(_med(fv_bytes["app"]), _med(fv_bytes["naive"]))
    row(
        f"First visit, bytes over the wire until quiet (median of {reps})",
        [_kb(_med(fv_bytes[a])) for a in APPS],
        f"≤ 1.5× naive: {_x(b_ratio)}" + _n_note(reps, MIN_REPEATS),
        _judge(b_ratio is not None and b_ratio <= 1.5, reps >= MIN_REPEATS),
        "first_visit",
    )
    js = {a: _js_bytes(r, a) for a in APPS}
    row(
        "… of which JavaScript (first visit, as sent)",
        [_kb(js[a]) for a in APPS],
        "no more than the page uses (see details)",
        None,
        "first_visit",
    )
    paint_ratio = _ratio(_med(fv_paint["app"]), _med(fv_paint["naive"]))
    row(
        f"First map paint, from navigation (median of {reps}; floor: its html)",
        [_ms(_med(fv_paint[a])) for a in APPS],
        f"≤ naive: {_x(paint_ratio)}" + _n_note(reps, MIN_REPEATS),
        _judge(paint_ratio is not None and paint_ratio <= 1, reps >= MIN_REPEATS),
        "first_visit",
    )
    comp = {a: _compression(r, a) for a in APPS}
    row(
        "Websocket bytes ÷ uncompressed messages, first visit (compression on)",
        [f"{comp[a]:.2f}" if comp[a] is not None else "—" for a in APPS],
        "< 1",
        _judge(comp["app"] is not None and comp["app"] < 1, True),
        "first_visit",
    )

    # -- per record ------------------------------------------------------------------------
    def scale_row(
        measure: str,
        small: float | None,
        large: float | None,
        fmt: Callable,
        limit: float,
        phase: str,
        n_ok: bool,
        note: str = "",
    ) -> None:
        ratio = _ratio(large, small)
        row(
            measure,
            [f"1k {fmt(small)} · 100k {fmt(large)} ({_x(ratio)})", "", ""],
            f"≤ {limit:g}×" + note,
            _judge(ratio is not None and ratio <= limit, n_ok),
            phase,
        )

    reps_100k = min(len(fv_bytes["app"]), len(fv_bytes["app_100k"]))
    scale_row(
        "Page-load bytes (first visit), 100k ÷ 1k records",
        _med(fv_bytes["app"]),
        _med(fv_bytes["app_100k"]),
        _kb,
        1.2,
        "first_visit",
        reps_100k >= MIN_REPEATS,
        _n_note(reps_100k, MIN_REPEATS),
    )
    srv = {a: [c["server_ms"] for c in clicks(r, a) if c.get("server_runs")] for a in ("app", "app_100k")}
    n_srv = min(len(v) for v in srv.values())
    scale_row(
        "Rerun after a click (server, incl. clean-up) p50, 100k ÷ 1k",
        _p(srv["app"], 50),
        _p(srv["app_100k"], 50),
        _ms,
        1.2,
        "clicks",
        n_srv >= MIN_SAMPLES,
        _n_note(n_srv, MIN_SAMPLES),
    )
    full = {a: [x["server_ms"] for x in reruns(r, a) if x.get("server_runs")] for a in ("app", "app_100k")}
    n_full = min(len(v) for v in full.values())
    scale_row(
        "Full rerun (server, incl. clean-up) p50, 100k ÷ 1k",
        _p(full["app"], 50),
        _p(full["app_100k"], 50),
        _ms,
        1.2,
        "reruns",
        n_full >= MIN_SAMPLES,
        _n_note(n_full, MIN_SAMPLES),
    )
    small, large = record_row(r, 1_000), record_row(r, 100_000)
    for key, label in (("add", "add"), ("change_status", "change_status")):
        n_w = min((small or {}).get(f"{key}_n", 0), (large or {}).get(f"{key}_n", 0))
        scale_row(
            f"`{label}` p95 (CSV store), 100k ÷ 1k",
            (small or {}).get(f"{key}_p95_ms"),
            (large or {}).get(f"{key}_p95_ms"),
            lambda v: "—" if v is None else f"{v:.1f} ms",
            2,
            "records",
            n_w >= MIN_SAMPLES,
            _n_note(n_w, MIN_SAMPLES),
        )
    mem = memory_per_record(r)
    tm = (record_row(r, 10_000) or {}).get("tracemalloc_bytes_per_record")
    row(
        "Memory per record (server RSS at 100k − at 1k, ÷ 99,000)",
        [f"{_kb(mem)} (store + index, tracemalloc at 10k: {_kb(tm)})", "", ""],
        "≤ 1.5 kB",
        _judge(mem is not None and mem <= 1500, True),
        "reruns",
    )
    c_small, c_large = cold(r, "app"), cold(r, "app_100k")
    n_cold = min(len(c_small), len(c_large))
    scale_row(
        f"Cold start, process start → map painted (median of {n_cold}), 100k ÷ 1k",
        _med(c_small),
        _med(c_large),
        _ms,
        3,
        "cold_start",
        n_cold >= MIN_REPEATS,
        _n_note(n_cold, MIN_REPEATS),
    )

    # -- kept targets ----------------------------------------------------------------------
    fv = _get(r, "payload", "first_view")
    if fv:
        own = [f for f in fv["files"] if not f["file"].startswith("leaflet")]
        raw, gz = sum(f["raw"] for f in own), sum(f["gzip"] for f in own)
        row(
            "Map payload, first view: map script, styles and data files (gzip; with Leaflet)",
            [f"{_kb(raw)} ({_kb(gz)}; {_kb(fv['raw'])})", "", ""],
            "≤ 600 kB",
            raw <= 600_000,
            "payload",
        )
    else:
        row("Map payload, first view", ["—", "", ""], "≤ 600 kB", False, "payload")
    lengths = _get(r, "payload", "border_lengths") or []
    row(
        "Land border lengths after display simplification",
        [", ".join(f"{b['feature'].split(':')[1].upper()} {b['diff_pct']:+.2f} %" for b in lengths) or "—", "", ""],
        "within 0.5 %",
        bool(lengths) and all(abs(b["diff_pct"]) <= 0.5 for b in lengths),
        "payload",
    )
    outside = _outside(r)
    row(
        "Requests leaving the machine (all pages, all phases)",
        [str(outside.get(a, "—")) for a in APPS],
        "0",
        bool(outside) and all(v == 0 for v in outside.values()),
        "clicks",
    )
    rows += pg_rows(r)
    return rows


def _js_bytes(r: dict[str, Any], name: str) -> int | None:
    responses = _get(r, "browser", "responses", name)
    if not responses:
        return None
    return sum(x["bytes"] for x in responses if x["type"] == "Script")


def _compression(r: dict[str, Any], name: str) -> float | None:
    items = visits(r, name)
    wire = sum(v["bytes"]["ws_down"] for v in items)
    raw = sum(v["ws"]["ws_down_uncompressed"] for v in items)
    return wire / raw if raw else None


def _outside(r: dict[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    browser = r.get("browser") or {}
    if not browser.get("first_visit"):
        return out
    for name in (*APPS, "app_100k"):
        count = len(_get(browser, "outside_requests", name) or [])
        count += sum(len(v.get("outside_requests") or []) for v in visits(r, name))
        out[name] = count
    return out


def pg_rows(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows from ``bench/pg.py``: its own ``rows(result)`` if it has one, or ``result["rows"]``
    ({measure, value, target, ok}), or else each of its figures as an information row."""
    pg = r.get("pg")
    if not pg:
        return []
    load = _load(r, "pg")
    if pg.get("error") or pg.get("skipped"):
        text = pg.get("error") or pg.get("skipped")
        return [
            {
                "measure": "PostgreSQL",
                "cells": [text, "", ""],
                "target": "",
                "ok": None if pg.get("skipped") else False,
                "load": load,
            }
        ]
    listed = pg.get("rows")
    if listed is None:
        try:
            from bench import pg as pg_module

            listed = pg_module.rows(pg) if hasattr(pg_module, "rows") else None
        except ImportError:
            listed = None
    if isinstance(listed, list):
        return [
            {
                "measure": f"PostgreSQL: {x.get('measure', '?')}",
                "cells": [str(x.get("value", "—")), "", ""],
                "target": str(x.get("target", "")),
                "ok": x.get("ok"),
                "load": load,
            }
            for x in listed
        ]
    return [
        {"measure": f"PostgreSQL: {key}", "cells": [str(value), "", ""], "target": "", "ok": None, "load": load}
        for key, value in _flat(pg)
        if "load_average" not in key and key != "cores"
    ]


def _flat(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Scalar leaves of nested dicts and lists as ("a.b[0].c", value)."""
    if isinstance(data, dict):
        return [item for k, v in data.items() for item in _flat(v, f"{prefix}.{k}" if prefix else str(k))]
    if isinstance(data, list):
        return [item for i, v in enumerate(data) for item in _flat(v, f"{prefix}[{i}]")]
    return [(prefix, data)] if isinstance(data, (int, float, str, bool)) else []


# -- rendering ----------------------------------------------------------------------------


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def mark(ok: bool | None) -> str:
    return INFO if ok is None else (PASS if ok else FAIL)


def summary_table(r: dict[str, Any]) -> str:
    rows = summary_rows(r)
    return table(
        HEADER,
        [[x["measure"], *x["cells"], f"{x['target']} {mark(x['ok'])}".strip(), x["load"]] for x in rows],
    )


def verdict(r: dict[str, Any]) -> tuple[int, int, list[str]]:
    rows = [x for x in summary_rows(r) if x["ok"] is not None]
    failed = [x["measure"] for x in rows if not x["ok"]]
    return len(rows) - len(failed), len(rows), failed


def readme_block(r: dict[str, Any]) -> str:
    """What README.md holds between its bench-table markers."""
    passed, total, _ = verdict(r)
    machine = r.get("machine") or {}
    note = (
        f"Generated by `{r.get('command', 'python -m bench')}` on {r.get('when')} "
        f"({machine.get('cores')} cores, Streamlit {machine.get('streamlit')}, {machine.get('chromium')}; "
        f"{r.get('total_run_s')} s; HEAD {_get(r, 'git', 'head')}): {passed} of {total} targets met. "
        "Details and profiles: `bench/results/latest.md`."
    )
    return f"{BEGIN}\n{summary_table(r)}\n\n{note}\n{END}"


def readme_with_table(readme: str, r: dict[str, Any]) -> str:
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        raise ValueError(f"README.md has no {BEGIN} … {END} block")
    return pattern.sub(lambda _m: readme_block(r), readme, count=1)


def readme_table_text(readme: str) -> str | None:
    match = re.search(re.escape(BEGIN) + r".*?" + re.escape(END), readme, re.S)
    return match.group(0) if match else None


def render(r: dict[str, Any]) -> str:
    from bench.details import details

    passed, total, failed = verdict(r)
    git = r.get("git") or {}
    changed = ", ".join(git.get("uncommitted_outside_bench") or []) or "none"
    intro = (
        f"# Benchmark {r.get('when')}: `{r.get('command')}`, {r.get('total_run_s')} s\n\n"
        f"HEAD {git.get('head')}; uncommitted outside bench/: {changed}. "
        f"Machine: {json.dumps(r.get('machine'), ensure_ascii=False)}.\n\n"
        f"**{passed} of {total} targets met.**" + (f" Missed: {'; '.join(failed)}." if failed else "") + "\n\n"
        "Columns: *this app* with 1,000 synthetic records (and 100,000 where a row says so), "
        "*naive folium* on the same 1,000 records, *Streamlit floor* (one button, one `st.html`). "
        "Load average (1/5/15 min) when the row's phase ended.\n"
    )
    return intro + "\n" + summary_table(r) + "\n\n" + details(r) + "\n"


def write(r: dict[str, Any], readme: bool = True) -> None:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "latest.json").write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n")
    text = render(r)
    (RESULTS_DIR / "latest.md").write_text(text)
    if readme:
        README.write_text(readme_with_table(README.read_text(), r))
    print(summary_table(r))
    passed, total, failed = verdict(r)
    print(f"\n{passed} of {total} targets met." + (f" Missed: {'; '.join(failed)}" if failed else ""))
    print(f"written: {RESULTS_DIR / 'latest.md'}, latest.json" + (", README.md" if readme else ""))


def load_latest(path: Path = RESULTS_DIR / "latest.json") -> dict[str, Any]:
    return json.loads(path.read_text())
