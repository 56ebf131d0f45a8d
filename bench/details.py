"""The details below the summary in ``bench/results/latest.md``: where the time and the bytes go."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from bench.report import (
    _get,
    _kb,
    _med,
    _ms,
    _p,
    clicks,
    cold,
    http_bytes,
    reruns,
    table,
    visits,
    ws_bytes,
)

NAMES = {
    "app": "this app (1k)",
    "naive": "naive folium",
    "floor": "Streamlit floor",
    "app_100k": "this app (100k)",
    "app_real": "this app (real obstacles.csv)",
}
ORDER = ("app", "naive", "floor", "app_100k", "app_real")
CHROME = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")


def _click_section(r: dict[str, Any]) -> list[str]:
    out = ["## Clicks\n"]
    plan = _get(r, "browser", "click_plan") or {}
    if plan:
        out.append(
            f"Features clicked (same list, same order, in every map app; the first is a warm-up): "
            f"{', '.join(t['feature'] for t in plan.get('targets', []))}. Kinds: {plan.get('kinds')}. "
            f"Left out (no point where a click selects them in every app at the first view): "
            f"{len(plan.get('left_out', []))}.\n"
        )
    rows = []
    for name in ORDER:
        items = clicks(r, name)
        if not items:
            continue
        ok = [c for c in items if c.get("selected_ok")]
        lat = [c["click_to_panel_ms"] for c in ok if c.get("click_to_panel_ms")]

        def med(key: str, items: list[dict[str, Any]] = ok) -> float | None:
            return _med([c[key] for c in items if c.get(key) is not None])

        rows.append(
            [
                NAMES[name],
                f"{len(ok)} / {len(items)}",
                _ms(_p(lat, 50)),
                _ms(_p(lat, 95)),
                _ms(max(lat) if lat else None),
                _ms(med("click_to_server_start_ms")),
                _ms(med("server_ms")),
                _ms(med("server_gc_ms")),
                _ms(med("server_end_to_panel_ms")),
                f"{med('server_runs')} ({sum(c.get('poll_runs', 0) for c in items)})",
                _kb(_med([ws_bytes(c) for c in items])),
                _kb(_med([c["ws_uncompressed"]["ws_down_uncompressed"] for c in items])),
                _kb(_med([c["ws_uncompressed"]["ws_up_uncompressed"] for c in items])),
                _kb(_med([http_bytes(c) for c in items])),
            ]
        )
    out.append(
        table(
            [
                "app",
                "panel right",
                "click → panel p50",
                "p95",
                "max",
                "click → server start",
                "server run (whole)",
                "of which gc",
                "server end → panel",
                "runs / click (polls left out, all clicks)",
                "ws bytes (wire)",
                "ws down uncompressed",
                "ws up uncompressed",
                "HTTP bytes",
            ],
            rows,
        )
    )
    out.append(
        "\nMedians per click unless marked. *click → server start*: the click event's time stamp to the start of "
        "the script run it caused (server log); *server end → panel*: the end of that run (after Streamlit's "
        "clean-up and `gc.collect(2)`) to the panel heading changing, negative when the panel shows before "
        "the clean-up has finished. A click's runs and server time leave out the freshness polls "
        "(`run_every` reruns an open page makes every few seconds) that fall in its window; their count is "
        "in brackets.\n"
    )
    chrome_rows = []
    for name in ORDER:
        items = [c["chromium_ms"] for c in clicks(r, name) if c.get("chromium_ms")]
        if items:
            chrome_rows.append([NAMES[name], *(_ms(_med([i.get(k, 0) for i in items])) for k in CHROME)])
    if chrome_rows:
        out.append(
            "\nChromium's main-thread time per click, from the click until the panel shows and the run has "
            "finished (CDP `Performance.getMetrics`, the page and its same-origin map frame; medians):\n"
        )
        out.append(table(["app", "all tasks", "script", "layout", "style"], chrome_rows))
    by_kind_rows = []
    for name in ORDER:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in clicks(r, name):
            groups[c.get("kind", "?")].append(c)
        for kind, items in sorted(groups.items()):
            lat = [c["click_to_panel_ms"] for c in items if c.get("click_to_panel_ms")]
            by_kind_rows.append(
                [
                    NAMES[name],
                    kind,
                    len(items),
                    _ms(_med(lat)),
                    _kb(_med([ws_bytes(c) for c in items])),
                    _kb(max(ws_bytes(c) for c in items)),
                ]
            )
    out.append("\nBy kind of feature:\n")
    out.append(table(["app", "kind", "n", "click → panel p50", "ws bytes p50", "ws bytes max"], by_kind_rows))
    failed = [(name, c) for name in ORDER for c in clicks(r, name) if not c.get("selected_ok")]
    if failed:
        out.append("\nClicks whose panel did not name the feature (failed samples):\n")
        out += [f"- {NAMES[n]}: {c.get('feature')} — {c.get('error', 'wrong heading or selection')}" for n, c in failed]
    by_type_rows = []
    for name in ("app", "naive", "floor"):
        items = [c["ws_uncompressed"].get("down_by_type") or {} for c in clicks(r, name)]
        kinds = sorted({k for item in items for k in item}, key=lambda k: -sum(i.get(k, 0) for i in items))
        if kinds:
            by_type_rows.append(
                [NAMES[name], ", ".join(f"{k} {_kb(_med([i.get(k, 0) for i in items]))}" for k in kinds[:8])]
            )
    if by_type_rows:
        out.append("\nWhat a click brings down, uncompressed, by Streamlit message (median per click):\n")
        out.append(table(["app", "messages"], by_type_rows))
    heavy = sorted(clicks(r, "app"), key=ws_bytes, reverse=True)[:5]
    if heavy:
        out.append("\nThis app's largest clicks on the websocket:\n")
        out.append(
            table(
                ["feature", "kind", "ws bytes (wire)", "ws down uncompressed", "click → panel"],
                [
                    [
                        c["feature"],
                        c.get("kind"),
                        _kb(ws_bytes(c)),
                        _kb(c["ws_uncompressed"]["ws_down_uncompressed"]),
                        _ms(c.get("click_to_panel_ms")),
                    ]
                    for c in heavy
                ],
            )
        )
    return out


def _rerun_section(r: dict[str, Any]) -> list[str]:
    rows = []
    for name in ORDER:
        items = reruns(r, name)
        if not items:
            continue
        srv = [x["server_ms"] for x in items if x.get("server_runs")]
        rows.append(
            [
                NAMES[name],
                len(items),
                _ms(_p([x["client_ms"] for x in items], 50)),
                _ms(_p(srv, 50)),
                _ms(_p(srv, 95)),
                _ms(_med([x["server_gc_ms"] for x in items])),
                _kb(_med([x["bytes"]["ws_up"] + x["bytes"]["ws_down"] for x in items])),
            ]
        )
    if not rows:
        return []
    return [
        "\n## Full reruns ('r' key)\n",
        table(
            ["app", "n", "key → script_finished p50", "server p50", "server p95", "gc p50", "ws bytes p50"],
            rows,
        ),
    ]


def _visit_section(r: dict[str, Any]) -> list[str]:
    rows = []
    for name in ORDER:
        items = visits(r, name)
        if not items:
            continue
        rows.append(
            [
                NAMES[name],
                len(items),
                f"{_ms(_med([v['paint_ms'] for v in items]))} ({', '.join(_ms(v['paint_ms']) for v in items)})",
                _kb(_med([v["bytes_at_paint"]["total"] for v in items])),
                _kb(_med([v["bytes"]["total"] for v in items])),
                _kb(_med([v["bytes"]["http_down"] for v in items])),
                _kb(_med([v["bytes"]["ws_down"] for v in items])),
                _kb(_med([v["ws"]["ws_down_uncompressed"] for v in items])),
            ]
        )
    out = ["\n## First visits (fresh browser context each)\n"]
    out.append(
        table(
            [
                "app",
                "n",
                "map paint (each)",
                "bytes at paint",
                "bytes until quiet",
                "HTTP down",
                "ws down (wire)",
                "ws down uncompressed",
            ],
            rows,
        )
    )
    responses = _get(r, "browser", "responses") or {}
    if responses:
        kinds = sorted({x["type"] for items in responses.values() for x in items})
        out.append("\nFirst visit by resource type (Chromium's encoded sizes, first round):\n")
        out.append(
            table(
                ["app", *kinds, "gzip'd responses"],
                [
                    [
                        NAMES[name],
                        *(_kb(sum(x["bytes"] for x in items if x["type"] == k)) for k in kinds),
                        _kb(sum(x["bytes"] for x in items if x.get("encoding") == "gzip")),
                    ]
                    for name, items in responses.items()
                ],
            )
        )
        floor_urls = {x["url"].split("/static/", 1)[-1] for x in responses.get("floor", [])}
        extra = sorted(
            (
                x
                for x in responses.get("app", [])
                if x["type"] == "Script"
                and "/static/js/" in x["url"]
                and x["url"].split("/static/", 1)[-1] not in floor_urls
            ),
            key=lambda x: -x["bytes"],
        )
        if extra:
            out.append(
                f"\nStreamlit's own scripts (served uncompressed by Streamlit 1.67) that this app loads and the floor "
                f"does not: {_kb(sum(x['bytes'] for x in extra))} in {len(extra)} files; the largest: "
                + ", ".join(f"{x['url'].rsplit('/', 1)[-1]} {_kb(x['bytes'])}" for x in extra[:6])
                + ".\n"
            )
    return out


def _cold_section(r: dict[str, Any]) -> list[str]:
    data = _get(r, "browser", "cold_start") or {}
    if not data:
        return []
    rows = [
        [
            NAMES[name],
            ", ".join(_ms(v["cold_start_ms"]) for v in items),
            _ms(_med(cold(r, name))),
            _ms(_med([v["health_ms"] for v in items])),
            _ms(_med([v["first_run_ms"] for v in items if v["first_run_ms"] is not None])),
            _kb(_med([v["rss_kb_after_first_visit"] * 1024 for v in items])),
        ]
        for name, items in data.items()
    ]
    rss = _get(r, "browser", "rss_kb") or {}
    return [
        "\n## Cold starts (process start → map painted in a fresh context)\n",
        table(["app", "each", "median", "server healthy", "first script run", "RSS after first visit"], rows),
        "\nRSS after all phases: " + ", ".join(f"{NAMES.get(k, k)} {_kb(v * 1024)}" for k, v in rss.items()) + ".\n",
    ]


def _records_section(r: dict[str, Any]) -> list[str]:
    sizes = _get(r, "records", "sizes") or []
    if not sizes:
        return []
    return [
        "\n## Record store at scale (in-process, synthetic records)\n",
        table(
            [
                "records",
                "file",
                "mean row",
                "cold snapshot + index",
                "add p50 / p95",
                "change_status p50 / p95",
                "appended by the writes",
                "tracemalloc / record",
            ],
            [
                [
                    f"{x['records']:,}",
                    _kb(x["file_bytes"]),
                    f"{x['synthetic']['mean_row_bytes']} B",
                    _ms(x["cold_snapshot_ms"] + x["index_ms"]),
                    f"{x['add_p50_ms']} / {x['add_p95_ms']} ms",
                    f"{x['change_status_p50_ms']} / {x['change_status_p95_ms']} ms",
                    _kb(x["appended_bytes"]),
                    _kb(x.get("tracemalloc_bytes_per_record")),
                ]
                for x in sizes
            ],
        ),
        f"\nThe real obstacles.csv: {_get(r, 'synthetic', 'real obstacles.csv')}.\n",
    ]


def _payload_section(r: dict[str, Any]) -> list[str]:
    fv = _get(r, "payload", "first_view")
    if not fv:
        return []
    return [
        "\n## Map payload, first view\n",
        table(["file", "raw", "gzip"], [[f["file"], _kb(f["raw"]), _kb(f["gzip"])] for f in fv["files"]]),
        f"\nTotal {_kb(fv['raw'])} raw, {_kb(fv['gzip'])} gzip. Not fetched until switched on: "
        + ", ".join(f"{x['file']} {_kb(x['raw'])}" for x in fv["not_in_first_view"])
        + ".\n",
    ]


def _profile_section(r: dict[str, Any]) -> list[str]:
    profiles = _get(r, "browser", "profiles") or {}
    if not profiles:
        return []
    out = [
        "\n## Profiles\n",
        "Server: py-spy with `--gil --nonblocking` (samples of whichever thread holds the GIL, the server never "
        "paused) on this app's servers during 10 extra clicks and 5 extra full reruns each, after the timed "
        "phases (a profiler's own CPU would slow the app it samples, and only this app is sampled). The top-level "
        "`Thread.run`/`_bootstrap` frames and the event loop's idle polling are in every sample of their thread.",
    ]
    browser = profiles.get("browser") or {}
    for phase in ("clicks", "reruns"):
        for name, prof in (profiles.get(phase) or {}).items():
            if prof.get("error"):
                out.append(f"- {NAMES.get(name, name)}, {phase}: {prof['error']}")
                continue
            out.append(f"\n### Server: {NAMES.get(name, name)} during the extra {phase}: {prof['samples']} samples\n")
            out.append("By thread: " + ", ".join(f"{x['what']} {x['share']:.0%}" for x in prof["by_thread"]) + ".\n")
            out.append(
                table(
                    ["part (a sample counts in every part its stack touches)", "share"],
                    [[x["what"], f"{x['share']:.0%}"] for x in prof["by_label"]],
                )
            )
            out.append("\nTop functions, own samples:\n")
            out.append(table(["function", "share"], [[x["what"], f"{x['share']:.1%}"] for x in prof["top_own"]]))
            out.append("\nTop functions, total (inclusive) samples:\n")
            out.append(table(["function", "share"], [[x["what"], f"{x['share']:.1%}"] for x in prof["top_total"]]))
    if browser:
        out.append(
            "\n### Chromium, JS sampling profile of 10 clicks (the page and its map frame; ms per click; "
            "`(program)` is the renderer's native work: style, layout, paint, parsing)\n"
        )
        for name, prof in browser.items():
            out.append(f"\n{NAMES.get(name, name)}: busy {prof['busy_ms_per_click']} ms per click.\n")
            out.append(
                table(
                    ["script", "ms / click", "function", "ms / click"],
                    [
                        [a["what"], a["ms_per_click"], b["what"], b["ms_per_click"]]
                        for a, b in zip(prof["by_script"], prof["by_function"], strict=False)
                    ],
                )
            )
    return out


def details(r: dict[str, Any]) -> str:
    out: list[str] = []
    out += _click_section(r)
    out += _rerun_section(r)
    out += _visit_section(r)
    out += _cold_section(r)
    out += _records_section(r)
    out += _payload_section(r)
    out += _profile_section(r)
    load = r.get("load") or {}
    out.append("\n## Load average (1 / 5 / 15 min) at the end of each phase\n")
    out.append(table(["phase", "load"], [[k, " / ".join(f"{x:.2f}" for x in v)] for k, v in load.items()]))
    errors = []
    if _get(r, "browser", "error"):
        errors.append(f"browser: {r['browser']['error']}")
    for key in ("pg",):
        if _get(r, key, "error"):
            errors.append(f"{key}: {r[key]['error']}")
    if errors:
        out.append("\n## Errors\n\n```\n" + "\n".join(errors) + "\n```")
    return "\n".join(str(x) for x in out)
