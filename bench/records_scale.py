"""Records at scale: cold snapshot + index, add and change_status (p50/p95), get, search and memory
per record at 1 000 / 10 000 / 100 000 records.

Run alone with ``python -m bench.records_scale`` (about a minute); ``python -m bench`` includes it.
"""

from __future__ import annotations

import csv
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

from bench.common import GEODATA, ms

SIZES = (1_000, 10_000, 100_000)
NOW = dt.datetime(2025, 6, 30, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
WRITES = 40


def _fields(rng: random.Random, feature_ids: list[str], i: int) -> dict[str, str]:
    from records import STATUSES_BY_KIND, Border, Kind, Theme

    kind = rng.choice(list(Kind))
    reported = TODAY - dt.timedelta(days=rng.randrange(30, 3000))
    updated = reported + dt.timedelta(days=rng.randrange(0, (TODAY - reported).days + 1))
    borders = rng.choice([[Border.NL_BE], [Border.NL_DE], [Border.NL_BE, Border.NL_DE]])
    words = ["cross-border", "workers", "rules", "treaty", "permit", "insurance", "tender", "health", "school"]
    woorden = ["grensarbeiders", "regels", "verdrag", "vergunning", "verzekering", "aanbesteding", "zorg", "school"]
    fields = {
        "kind": kind.value,
        "theme": rng.choice(list(Theme)).value,
        "border": ";".join(b.value for b in borders),
        "feature_ids": ";".join(rng.sample(feature_ids, rng.randrange(1, 4))),
        "status": STATUSES_BY_KIND[kind][0].value,
        "legal_basis_nl": rng.choice(["", "Wet op de loonbelasting 1964, art. 9"]),
        "responsible": rng.choice(["", "BZK", "SZW", "Provincie Limburg"]),
        "source": rng.choice(["Kamerstuk 32 851, nr. 69", "https://www.grensinfo.nl/page", "GROS 2021"]),
        "reported_on": reported.isoformat(),
        "updated_on": updated.isoformat(),
        "reported_by": rng.choice(["", "GROS", "Euregio"]),
    }
    topic = rng.choice(["diploma", "pension", "bus", "permit", "tax"])
    if rng.random() < 0.7:
        fields["title_en"] = f"Obstacle {i}: {topic} rules differ"
        fields["summary_en"] = f"Record {i}. " + " ".join(rng.choice(words) for _ in range(rng.randrange(8, 40)))
    if rng.random() < 0.5 or "title_en" not in fields:
        fields["title_nl"] = f"Belemmering {i}: {topic}regels verschillen"
        fields["summary_nl"] = f"Record {i}. " + " ".join(rng.choice(woorden) for _ in range(rng.randrange(8, 40)))
    return fields


def generate(path: Path, count: int, feature_ids: list[str], seed: int = 42) -> float:
    """Write ``count`` valid records in the current format; return seconds taken."""
    from records import COLUMNS, Record

    rng = random.Random(seed)
    known = frozenset(feature_ids)
    started = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(count):
            record = Record.create(_fields(rng, feature_ids, i), known, today=TODAY, record_id=f"b-{i:06d}")
            writer.writerow(record.to_row().values())
    return time.perf_counter() - started


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run() -> dict[str, Any]:
    from layers.catalog import load_catalog
    from records import Actor, CsvStore, Record, RecordIndex, fixed_clock

    feature_ids = sorted(load_catalog(GEODATA).features)
    known = frozenset(feature_ids)
    clock = fixed_clock(NOW)
    actor = Actor.local()
    folder = Path(tempfile.mkdtemp(prefix="bench-records-"))
    rows = []
    try:
        for size in SIZES:
            path = folder / f"obstacles_{size}.csv"
            gen_s = generate(path, size, feature_ids)
            file_bytes = path.stat().st_size
            gc.collect()
            t0 = time.perf_counter()
            store = CsvStore(path, clock=clock, known_feature_ids=known)
            snapshot = store.snapshot()
            t1 = time.perf_counter()
            index = RecordIndex(snapshot.summaries)
            t2 = time.perf_counter()
            assert len(snapshot) == size and not snapshot.problems, snapshot.problems[:3]
            rng = random.Random(size)
            adds, changes, added = [], [], []
            for j in range(WRITES):
                record = Record.create(_fields(rng, feature_ids, size + j), known, today=TODAY, record_id=f"a-{j}")
                t = time.perf_counter()
                store.add(record, actor)
                adds.append(time.perf_counter() - t)
                added.append(record)
            targets = rng.sample([s for s in snapshot.summaries if s.status.allowed_next()], WRITES)
            for summary in targets:
                t = time.perf_counter()
                store.change_status(summary.id, summary.status.allowed_next()[0], "bench", actor, summary.version)
                changes.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.snapshot()
            warm_snapshot = time.perf_counter() - t
            ids = [s.id for s in index.for_feature(feature_ids[0])][:50] or [snapshot.summaries[0].id]
            t = time.perf_counter()
            store.get(ids)
            get_s = time.perf_counter() - t
            t = time.perf_counter()
            store.search("pension rules")
            search_s = time.perf_counter() - t
            t = time.perf_counter()
            index.for_feature(feature_ids[0])
            index.on_border(snapshot.summaries[0].borders[0], exclude=index.for_feature(feature_ids[0]))
            click_s = time.perf_counter() - t
            del store, snapshot, index
            gc.collect()
            tracemalloc.start()
            store = CsvStore(path, clock=clock, known_feature_ids=known)
            snapshot = store.snapshot()
            index = RecordIndex(snapshot.summaries)
            held = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
            rows.append(
                {
                    "records": size,
                    "file_bytes": file_bytes,
                    "generate_s": round(gen_s, 2),
                    "cold_snapshot_ms": ms(t1 - t0),
                    "index_ms": ms(t2 - t1),
                    "add_p50_ms": ms(statistics.median(adds)),
                    "add_p95_ms": ms(_p(adds, 0.95)),
                    "change_status_p50_ms": ms(statistics.median(changes)),
                    "change_status_p95_ms": ms(_p(changes, 0.95)),
                    "snapshot_after_writes_ms": ms(warm_snapshot),
                    "get_50_ms": ms(get_s),
                    "search_ms": ms(search_s),
                    "border_click_lookup_ms": ms(click_s),
                    "bytes_per_record": round(held / len(snapshot)),
                }
            )
            del store, snapshot, index
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"sizes": rows}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))
