"""The CSV record store at 1,000 / 10,000 / 100,000 synthetic records (``bench.synthetic``), in
this process: cold snapshot and index, then ``add`` and ``change_status`` p50/p95, each write an
appended row and an incremental re-read (no whole-file rewrite). The writes are interleaved
across the sizes (one write to each store in turn, order rotating), so a noisy moment on this
shared machine hits every size alike. Also the bytes appended by the writes, and memory of
store and index per record (tracemalloc, up to 10,000 records: it slows loading 5× at 100,000;
the servers' RSS covers 100,000).

Run alone with ``python -m bench.records_scale``.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import shutil
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench.common import GEODATA, ms, percentile

SIZES = (1_000, 10_000, 100_000)
TRACEMALLOC_UP_TO = 10_000
WRITES = 60
NOW = dt.datetime(2026, 6, 30, 12, 0, tzinfo=dt.UTC)


def run(sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    from bench.synthetic import fields, profile, records_file
    from layers.catalog import load_catalog
    from records import Actor, CsvStore, Record, RecordIndex, fixed_clock

    feature_ids = sorted(load_catalog(GEODATA).features)
    known = frozenset(feature_ids)
    clock = fixed_clock(NOW)
    actor = Actor.local()
    folder = Path(tempfile.mkdtemp(prefix="bench-records-"))
    rows: dict[int, dict[str, Any]] = {}
    stores: dict[int, Any] = {}
    try:
        for size in sizes:
            source = records_file(size, feature_ids)
            path = folder / f"obstacles-{size}.csv"
            shutil.copyfile(source, path)
            gc.collect()
            t0 = time.perf_counter()
            store = CsvStore(path, clock=clock, known_feature_ids=known)
            snapshot = store.snapshot()
            t1 = time.perf_counter()
            RecordIndex(snapshot.summaries)
            t2 = time.perf_counter()
            assert len(snapshot) == size and not snapshot.problems, snapshot.problems[:3]
            rng = random.Random(size)
            stores[size] = (store, rng, rng.sample([s for s in snapshot.summaries if s.status.allowed_next()], WRITES))
            rows[size] = {
                "records": size,
                "file_bytes": path.stat().st_size,
                "cold_snapshot_ms": ms(t1 - t0),
                "index_ms": ms(t2 - t1),
                "synthetic": profile(source),
                "adds": [],
                "changes": [],
            }
        for j in range(WRITES):
            for k in range(len(sizes)):
                size = sizes[(j + k) % len(sizes)]
                store, rng, targets = stores[size]
                record = Record.create(
                    fields(rng, feature_ids, size + j), known, today=NOW.date(), record_id=f"w-{j:04d}"
                )
                t = time.perf_counter()
                store.add(record, actor)
                rows[size]["adds"].append(time.perf_counter() - t)
                summary = targets[j]
                t = time.perf_counter()
                store.change_status(summary.id, summary.status.allowed_next()[0], "bench", actor, summary.version)
                rows[size]["changes"].append(time.perf_counter() - t)
        for size in sizes:
            store = stores[size][0]
            row = rows[size]
            adds, changes = row.pop("adds"), row.pop("changes")
            after = store.snapshot()
            assert len(after) == size + WRITES
            row.update(
                {
                    "appended_bytes": store.path.stat().st_size - row["file_bytes"],
                    "add_p50_ms": ms(statistics.median(adds)),
                    "add_p95_ms": ms(percentile(adds, 95)),
                    "add_n": len(adds),
                    "change_status_p50_ms": ms(statistics.median(changes)),
                    "change_status_p95_ms": ms(percentile(changes, 95)),
                    "change_status_n": len(changes),
                }
            )
        stores.clear()
        gc.collect()
        for size in sizes:
            if size > TRACEMALLOC_UP_TO:
                continue
            tracemalloc.start()
            store = CsvStore(folder / f"obstacles-{size}.csv", clock=clock, known_feature_ids=known)
            index = RecordIndex(store.snapshot().summaries)
            held = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
            rows[size]["tracemalloc_bytes_per_record"] = round(held / len(index))
            del store, index
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"sizes": [rows[size] for size in sizes], "writes": WRITES}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))
