"""PostgreSQL against the CSV store, and what one app server holds: ``python -m bench.pg [--quick]``.

``run()`` returns a dict (``python -m bench`` may include it); alone, this prints it as JSON.

1. load: 10k and 100k records, cold snapshot + index from a new store (a new app server), for the
   CSV file and for PostgreSQL (filled with ``python -m records import``, timed too); search and
   ``get`` of 50 records at each size.
2. writers: 20 concurrent writers (forked processes, one store each, as 20 app servers would be),
   each adding records and changing their status: add and change_status latency p50/p95.
3. freshness: two ``streamlit run app.py`` servers on one database; a viewer session on server B
   shows the panel of a feature; a record for it is saved (as server A would); the delay until
   B's session has received it (token poll → rerun → the new panel).
4. viewers: one app server on PostgreSQL with 25 and then 100 viewer sessions, each a websocket
   client on loopback speaking Streamlit's protocol (what a browser tab does, without drawing the
   map: the map's script and data are static files the browser caches, not server work). Each
   session opens the page with a feature selected, then idles as a tab would: its freshness poll
   reruns every ``POLL_SECONDS``. Measured: the server's memory (RSS) and CPU, the time until every session
   has its first page (the room opening the link at once), and how long a saved record takes to
   reach every open session (each one reruns the whole page then: the heaviest moment).

The database is a throwaway cluster (see ``tests/pgserver.py``) or ``$RECORDS_TEST_URL``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import gc
import json
import multiprocessing
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.common import GEODATA, ROOT, free_port, ms, percentile
from bench.synthetic import TODAY as SYNTHETIC_TODAY
from ui.freshness import POLL_SECONDS

TODAY = SYNTHETIC_TODAY  # the synthetic records' "today", so that their dates are valid
NOW = dt.datetime.combine(TODAY, dt.time(12, 0), tzinfo=dt.UTC)
SIZES = (10_000, 100_000)
WRITERS = 20
WRITES_EACH = 15
VIEWERS = (25, 100)
SELECTED = "border:nl-be"  # the panel with the most records: the heaviest page a viewer opens


# -- a server -------------------------------------------------------------------------------------


@contextlib.contextmanager
def _server() -> Iterator[str]:
    from tests import pgserver

    url = pgserver.admin_url()
    if url:
        yield url
        return
    cluster = pgserver.throwaway_cluster()
    try:
        yield cluster.url
    finally:
        cluster.stop()


def _feature_ids() -> list[str]:
    from layers.catalog import load_catalog

    return sorted(load_catalog(GEODATA).features)


# -- 1. load --------------------------------------------------------------------------------------


def _cold(open_store) -> tuple[float, float, Any, Any]:
    from records import RecordIndex

    gc.collect()
    started = time.perf_counter()
    store = open_store()
    snapshot = store.snapshot()
    loaded = time.perf_counter()
    index = RecordIndex(snapshot.summaries)
    return loaded - started, time.perf_counter() - loaded, store, index


def load(admin: str, folder: Path, sizes: tuple[int, ...]) -> tuple[list[dict[str, Any]], dict[int, str], list]:
    from bench.synthetic import generate
    from records import CsvStore, fixed_clock
    from records.sqlstore import SqlStore
    from records.transfer import transfer
    from tests.pgserver import fresh_database

    clock = fixed_clock(NOW)
    features = _feature_ids()
    known = frozenset(features)
    rows, databases = [], {}
    for size in sizes:
        path = folder / f"obstacles_{size}.csv"
        generate(path, size, features)
        row: dict[str, Any] = {"records": size}
        csv_s, csv_index_s, csv_store, index = _cold(lambda p=path: CsvStore(p, clock=clock, known_feature_ids=known))
        row |= {"csv_cold_snapshot_ms": ms(csv_s), "index_ms": ms(csv_index_s)}
        database = fresh_database(admin, prefix=f"bench_{size}")
        url = database.__enter__()
        databases[size] = (url, database)
        started = time.perf_counter()
        transfer(path, url, clock=clock)
        row["pg_import_s"] = round(time.perf_counter() - started, 2)
        pg_s, _, pg_store, _ = _cold(lambda u=url: SqlStore(u, clock=clock, known_feature_ids=known))
        again = SqlStore(url, clock=clock, known_feature_ids=known)
        again.snapshot()  # connected and checked: the next one is the data alone
        again._reset("")
        started = time.perf_counter()
        again.snapshot()
        row |= {"pg_cold_snapshot_ms": ms(pg_s), "pg_snapshot_data_only_ms": ms(time.perf_counter() - started)}
        ids = [s.id for s in index.for_feature(SELECTED)][:50]
        for name, store in (("csv", csv_store), ("pg", pg_store)):
            timings = []
            for words in ("pension rules", "grensarbeiders verdrag", "zzzz"):
                t = time.perf_counter()
                store.search(words)
                timings.append(time.perf_counter() - t)
            row[f"{name}_search_ms"] = ms(statistics.median(timings))
            t = time.perf_counter()
            store.get(ids)
            row[f"{name}_get_50_ms"] = ms(time.perf_counter() - t)
        for store in (pg_store, again):
            store.dispose()
        rows.append(row)
    return rows, {size: url for size, (url, _) in databases.items()}, [d for _, d in databases.values()]


# -- 2. writers -----------------------------------------------------------------------------------


def _writer(location: str, writer: int, out, start) -> None:
    from bench.synthetic import fields
    from records import Actor, Record, fixed_clock, open_store

    features = _feature_ids()
    known = frozenset(features)
    store = open_store(location, clock=fixed_clock(NOW), known_feature_ids=known)
    rng = random.Random(writer)
    store.snapshot()  # a running app server's store is warm: its index read, its connections open
    start.wait()  # and all twenty write at once
    adds, changes = [], []
    for n in range(WRITES_EACH):
        record = Record.create(fields(rng, features, n), known, today=TODAY, record_id=f"w{writer}-{n}")
        t = time.perf_counter()
        record = store.add(record, Actor.local())
        adds.append(time.perf_counter() - t)
        t = time.perf_counter()
        store.change_status(record.id, record.status.allowed_next()[0], "bench", Actor.local(), record.version)
        changes.append(time.perf_counter() - t)
    out.send((adds, changes))


def writers(location: str) -> dict[str, Any]:
    ctx = multiprocessing.get_context("fork")
    pipes, processes = [], []
    start = ctx.Barrier(WRITERS + 1)
    for w in range(WRITERS):
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_writer, args=(location, w, send, start))
        process.start()
        send.close()  # so that a writer that dies ends our recv() with EOFError instead of a hang
        pipes.append(receive)
        processes.append(process)
    start.wait(timeout=300)  # a writer that fails before the barrier breaks it instead of hanging the run
    started = time.perf_counter()
    adds, changes = [], []
    for receive in pipes:
        a, c = receive.recv()
        adds += a
        changes += c
    for process in processes:
        process.join()
    wall = time.perf_counter() - started
    return {
        "writers": WRITERS,
        "writes": len(adds) + len(changes),
        "add_p50_ms": ms(statistics.median(adds)),
        "add_p95_ms": ms(percentile(adds, 95)),
        "change_status_p50_ms": ms(statistics.median(changes)),
        "change_status_p95_ms": ms(percentile(changes, 95)),
        "writes_per_s": round((len(adds) + len(changes)) / wall),
    }


# -- 3 and 4: app servers and viewer sessions ----------------------------------------------------------


class AppServer:
    """``streamlit run app.py`` on a free port with the records in ``location``."""

    def __init__(self, location: str, folder: Path):
        import subprocess
        import sys
        import urllib.request

        self.port = free_port()
        env = {**os.environ, "RECORDS_URL": location, "PYTHONDONTWRITEBYTECODE": "1"}
        self.log = (folder / f"streamlit-{self.port}.log").open("w")
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port)),
                *("--server.headless", "true", "--browser.gatherUsageStats", "false"),
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"streamlit did not start on {self.port}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


class Viewer:
    """One open page, as Streamlit's frontend speaks to the server: a websocket of protobuf messages.

    It asks for the page (``rerun_script`` with the page's query string), answers the server's
    ``auto_rerun`` requests (the freshness poll) as a browser tab does, and keeps what arrived.
    """

    def __init__(self, port: int, query: str):
        self.port, self.query = port, query
        self.finished = 0
        self.first_page_s: float | None = None
        self.seen: dict[bytes, float] = {}  # watched bytes → when they first arrived
        self.runs: list[tuple[str, float]] = []  # (full|poll, seconds from asking to the run's end)
        self._asked: tuple[str, float] | None = None
        self.watch: list[bytes] = []
        self._ws = None
        self._tasks: list[asyncio.Task] = []

    async def open(self) -> None:
        from websockets.asyncio.client import connect

        started = time.perf_counter()
        self._ws = await connect(
            f"ws://127.0.0.1:{self.port}/_stcore/stream", subprotocols=["streamlit"], max_size=None, ping_interval=None
        )
        self._tasks.append(asyncio.create_task(self._receive(started)))
        await self._rerun()

    async def _rerun(self, fragment_id: str = "") -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = ""
        if fragment_id:
            msg.rerun_script.fragment_id = fragment_id
            msg.rerun_script.is_auto_rerun = True
        self._asked = ("poll" if fragment_id else "full", time.perf_counter())
        await self._ws.send(msg.SerializeToString())

    async def _receive(self, started: float) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        async for data in self._ws:
            for watched in self.watch:
                if watched not in self.seen and watched in data:
                    self.seen[watched] = time.perf_counter()
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "script_finished":
                self.finished += 1
                if self._asked is not None:
                    self.runs.append((self._asked[0], time.perf_counter() - self._asked[1]))
                    self._asked = None
                if self.first_page_s is None:
                    self.first_page_s = time.perf_counter() - started
            elif kind == "auto_rerun":
                self._tasks.append(asyncio.create_task(self._poll(msg.auto_rerun.interval, msg.auto_rerun.fragment_id)))

    async def _poll(self, interval: float, fragment_id: str) -> None:
        while True:
            await asyncio.sleep(interval)
            await self._rerun(fragment_id)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await self._ws.close()


async def _until(condition, timeout: float) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


def _fresh_id(n: int) -> str:
    return f"fresh-{n}-{os.getpid()}"


def _save_one(url: str, n: int) -> float:
    from bench.synthetic import fields
    from records import Actor, Record
    from records.sqlstore import SqlStore

    today = dt.date.today()  # the newest record of the panel, so that it is among those listed
    values = fields(random.Random(n), _feature_ids(), n)
    values |= {
        # the panel lists open records newest first and same-day ones by title: this title puts
        # each new save before the earlier ones of the same day, among the cards a viewer sees
        "title_nl": (f"{10**6 - n:07d} " + values.get("title_nl", ""))[:150],
        "kind": "obstacle",
        "status": "reported",
        "feature_ids": SELECTED,
        "border": "NL-BE",
        "reported_on": today.isoformat(),
        "updated_on": today.isoformat(),
    }
    record = Record.create(values, None, today=today, record_id=_fresh_id(n))
    store = SqlStore(url)
    store.add(record, Actor.local())
    saved = time.perf_counter()
    store.dispose()
    return saved


async def _freshness(url: str, server_b: AppServer, rounds: int) -> dict[str, Any]:
    viewer = Viewer(server_b.port, f"f={SELECTED}")
    await viewer.open()
    await _until(lambda: viewer.finished >= 1, 120)
    delays = []
    for n in range(rounds):
        key = _fresh_id(n).encode()
        viewer.watch.append(key)  # watched before it is saved: a poll may bring it at once
        saved = await asyncio.to_thread(_save_one, url, n)
        await _until(lambda k=key: k in viewer.seen, 30)
        delays.append(viewer.seen[key] - saved)
    await viewer.close()
    return {
        "rounds": rounds,
        "delay_p50_s": round(statistics.median(delays), 2),
        "delay_max_s": round(max(delays), 2),
    }


async def _viewers(url: str, server: AppServer, count: int, settle_s: float) -> dict[str, Any]:
    import psutil

    process = psutil.Process(server.process.pid)
    warm = Viewer(server.port, f"f={SELECTED}")  # the first page of a new server loads its caches
    await warm.open()
    await _until(lambda: warm.finished >= 1, 300)
    await warm.close()
    rss_before = process.memory_info().rss
    viewers = [Viewer(server.port, f"f={SELECTED}") for _ in range(count)]
    process.cpu_percent(None)
    started = time.perf_counter()
    for viewer in viewers:  # a room opening the link: ten a second
        await viewer.open()
        await asyncio.sleep(0.1)
    out: dict[str, Any] = {"sessions": count, "rss_before_mb": round(rss_before / 2**20)}
    try:
        await _until(lambda: all(v.finished >= 1 for v in viewers), 600)
    except TimeoutError:
        out["error"] = f"only {sum(v.finished >= 1 for v in viewers)} of {count} pages drawn in 600 s"
        return out
    out["all_open_s"] = round(time.perf_counter() - started, 1)
    out["open_cpu_percent_of_one_core"] = round(process.cpu_percent(None))
    firsts = [v.first_page_s for v in viewers]
    out |= {
        "first_page_p50_s": round(statistics.median(firsts), 2),
        "first_page_p95_s": round(percentile(firsts, 95), 2),
    }
    await asyncio.sleep(2.5)  # every session's poll has started
    process.cpu_percent(None)
    polls = sum(v.finished for v in viewers)
    await asyncio.sleep(settle_s)
    out["idle_cpu_percent_of_one_core"] = round(process.cpu_percent(None))
    out["idle_polls_per_s"] = round((sum(v.finished for v in viewers) - polls) / settle_s, 1)
    out["rss_idle_mb"] = round(process.memory_info().rss / 2**20)
    key = _fresh_id(1000 + count).encode()
    for viewer in viewers:
        viewer.watch.append(key)  # watched before it is saved: a poll may bring it at once
    process.cpu_percent(None)
    saved = await asyncio.to_thread(_save_one, url, 1000 + count)
    try:
        await _until(lambda: all(key in v.seen for v in viewers), 120)
    except TimeoutError:
        out["error"] = f"the new record reached {sum(key in v.seen for v in viewers)} of {count} sessions in 120 s"
    reach = [v.seen[key] - saved for v in viewers if key in v.seen]
    out["update_cpu_percent_of_one_core"] = round(process.cpu_percent(None))
    out |= {
        "new_record_reaches_p50_s": round(statistics.median(reach), 2),
        "new_record_reaches_all_s": round(max(reach), 2),
        "rss_after_mb": round(process.memory_info().rss / 2**20),
    }
    out["rss_per_session_mb"] = round((process.memory_info().rss - rss_before) / 2**20 / count, 2)
    for viewer in viewers:
        await viewer.close()
    return out


def servers(url: str, folder: Path, viewer_counts: tuple[int, ...], settle_s: float) -> dict[str, Any]:
    out: dict[str, Any] = {"poll_every_s": POLL_SECONDS}
    server_a, server_b = AppServer(url, folder), AppServer(url, folder)
    try:
        out["freshness"] = asyncio.run(_freshness(url, server_b, rounds=5))
    finally:
        server_a.stop()
        server_b.stop()
    out["viewers"] = []
    for count in viewer_counts:
        server = AppServer(url, folder)  # a fresh server for each count
        try:
            out["viewers"].append(asyncio.run(_viewers(url, server, count, settle_s)))
        finally:
            server.stop()
    return out


# -- all of it ------------------------------------------------------------------------------------


def run(quick: bool = False) -> dict[str, Any]:
    """Measure everything (``quick``: 2k records, 10 and 25 viewers; for a look, not for the README)."""
    from records.transfer import transfer

    sizes = (2_000,) if quick else SIZES
    viewer_counts = (10, 25) if quick else VIEWERS
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    results: dict[str, Any] = {"cores": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 1)}
    try:
        with _server() as admin, contextlib.ExitStack() as cleanup:
            rows, urls, databases = load(admin, folder, sizes)
            for database in databases:
                cleanup.push(database.__exit__)
            results["load"] = rows
            size = sizes[0]
            csv_copy = folder / "writers.csv"
            shutil.copyfile(folder / f"obstacles_{size}.csv", csv_copy)
            results["writers"] = {
                "records": size,
                "csv": writers(str(csv_copy)),
                "postgres": writers(urls[size]),
            }
            from tests.pgserver import fresh_database

            with fresh_database(admin, prefix="bench_app") as url:
                transfer(ROOT / "obstacles.csv", url)
                results |= servers(url, folder, viewer_counts, settle_s=10 if quick else 20)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    results["load_average_at_end"] = round(os.getloadavg()[0], 1)  # other work on the machine skews the figures
    return results


def rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The few rows of the README's benchmark table (``bench/report.py`` reads them): loading,
    writers, freshness between two servers and viewers per server; every figure is in the JSON."""
    out: list[dict[str, Any]] = []
    for row in result.get("load", ()):
        out.append(
            {
                "measure": f"cold snapshot of {row['records']:,} records, CSV → PostgreSQL",
                "value": f"{row['csv_cold_snapshot_ms']:,.0f} ms → {row['pg_cold_snapshot_ms']:,.0f} ms "
                f"(import {row['pg_import_s']} s)",
            }
        )
        out.append(
            {
                "measure": f"free-text search at {row['records']:,} records, CSV / PostgreSQL",
                "value": f"{row['csv_search_ms']:,.0f} ms / {row['pg_search_ms']:,.0f} ms",
            }
        )
    writers_ = result.get("writers") or {}
    for name, label in (("csv", "CSV"), ("postgres", "PostgreSQL")):
        if w := writers_.get(name):
            out.append(
                {
                    "measure": f"{w['writers']} concurrent writers on {label}: add p50 / p95; writes per second",
                    "value": f"{w['add_p50_ms']} / {w['add_p95_ms']} ms; {w['writes_per_s']}",
                }
            )
    if fresh := result.get("freshness"):
        out.append(
            {
                "measure": "saved through one app server → shown on a page of the other (p50, max)",
                "value": f"{fresh['delay_p50_s']} s, {fresh['delay_max_s']} s",
                "target": "≤ 5 s",
                "ok": fresh["delay_max_s"] <= 5,
            }
        )
    for v in result.get("viewers", ()):
        if "error" in v:
            out.append({"measure": f"{v['sessions']} viewers on one app server", "value": v["error"], "ok": False})
            continue
        out.append(
            {
                "measure": f"{v['sessions']} viewers on one app server: memory, idle CPU, a new record on all pages "
                f"(polls every {result.get('poll_every_s')} s)",
                "value": f"{v['rss_idle_mb']} MB, {v['idle_cpu_percent_of_one_core']} % of a core, "
                f"{v['new_record_reaches_all_s']} s (all pages open in {v['all_open_s']} s)",
                "target": "≤ 5 s",
                "ok": v["new_record_reaches_all_s"] <= 5,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pg", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a look")
    parser.add_argument("--out", help="also write the JSON here")
    ns = parser.parse_args()
    results = run(quick=ns.quick)
    text = json.dumps(results, indent=1)
    print(text)
    if ns.out:
        Path(ns.out).write_text(text)


if __name__ == "__main__":
    main()
