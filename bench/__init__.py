"""The benchmark of the border-obstacle map: ``python -m bench`` (from the repository root).

This app, a naive folium app and Streamlit's floor run as real ``streamlit run`` servers on
loopback with the same configuration, each behind a byte-counting proxy, and are driven in one
headless Chromium, interleaved. Results: ``bench/results/latest.{json,md}`` and the README's
performance table (checked against ``latest.json`` by ``tests/test_bench_readme.py``).

Modules:

- ``bench.run``: the browser phases (cold starts, first visits, clicks, full reruns, profiles)
- ``bench.browser``: one app in one browser context: paint, clicks, reruns, websocket messages
- ``bench.proxy``: the counting TCP proxy (bytes over the wire, both ways)
- ``bench.servers`` / ``bench.serve``: ``streamlit run`` with every script run timed, clean-up included
- ``bench.apps``: the naive folium app and the floor
- ``bench.targets``: the seeded list of features to click and where
- ``bench.synthetic``: synthetic records the size of real ones
- ``bench.records_scale``: the CSV store at 1k / 10k / 100k records
- ``bench.payload``: the map's first-view files and the border lengths
- ``bench.profiles``: py-spy profiles of the servers
- ``bench.report`` / ``bench.details``: the targets, the tables and the result files
"""
