"""The README's performance table is the one the benchmark rendered from its latest result."""

from __future__ import annotations

from bench import report


def test_readme_table_matches_latest_result() -> None:
    results = report.load_latest()
    shown = report.readme_table_text(report.README.read_text(encoding="utf-8"))
    assert shown is not None, "README.md lacks the <!-- bench-table --> … <!-- /bench-table --> block"
    assert shown == report.readme_block(results), (
        "README.md's performance table differs from bench/results/latest.json: run `python -m bench` "
        "(or re-render it with `python -c 'from bench import report; report.write(report.load_latest())'`)"
    )


def test_targets_without_enough_samples_fail() -> None:
    results = report.load_latest()
    thin = {**results, "browser": {**results.get("browser", {}), "clicks": {}}}
    rows = {row["measure"]: row for row in report.summary_rows(thin)}
    click_rows = [row for name, row in rows.items() if name.startswith(("Click → panel", "Bytes per click on"))]
    assert click_rows and all(row["ok"] is False for row in click_rows)
