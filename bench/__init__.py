"""Benchmarks of the border-obstacle map: ``python -m bench`` (from the repository root).

Measures what the browser is sent, how long one execution of app.py takes after a click,
how long a click takes to fill the panel in a real headless Chromium, how the record store
scales, and the same figures for a naive folium baseline. One what-if remains: the static
map rendered once and reused across reruns. Results go to ``bench/results/latest.{json,md}``.

Modules:

- ``bench.common``: paths, statistics, profiles and the subprocess-worker protocol
- ``bench.payload``: bytes per layer, gzip size, border lengths after simplification
- ``bench.apptest_worker``: AppTest runs in a fresh process (ours + profile, naive, what-if)
- ``bench.browser``: click → panel latency in Chromium (helpers from ``tests/browser.py``)
- ``bench.records_scale``: load / index / add at 1 000, 10 000 and 100 000 records
- ``bench.report``: the table, the targets and the result files
"""
