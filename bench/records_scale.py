"""Records at scale: load + index 1 000 / 10 000 / 100 000 valid records, and add one."""

from __future__ import annotations

import cProfile
import csv
import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import GEODATA, median, ms, profile_rows

SIZES = (1_000, 10_000, 100_000)
TODAY = dt.date(2025, 6, 30)


def _fields(rng: random.Random, feature_ids: list[str], i: int) -> dict[str, str]:
    from records import STATUSES_BY_KIND, Border, Kind, Theme

    kind = rng.choice(list(Kind))
    reported = TODAY - dt.timedelta(days=rng.randrange(30, 3000))
    updated = reported + dt.timedelta(days=rng.randrange(0, (TODAY - reported).days + 1))
    borders = rng.choice([[Border.NL_BE], [Border.NL_DE], [Border.NL_BE, Border.NL_DE]])
    return {
        "kind": kind.value,
        "title": f"Obstacle {i}: {rng.choice(['diploma', 'pension', 'bus', 'permit', 'tax'])} rules differ",
        "summary": f"Record {i}. "
        + " ".join(
            rng.choice(
                ["cross-border", "workers", "rules", "treaty", "permit", "insurance", "tender", "health", "school"]
            )
            for _ in range(rng.randrange(8, 40))
        ),
        "theme": rng.choice(list(Theme)).value,
        "border": ";".join(b.value for b in borders),
        "feature_ids": ";".join(rng.sample(feature_ids, rng.randrange(1, 4))),
        "status": rng.choice(list(STATUSES_BY_KIND[kind])).value,
        "legal_basis_nl": rng.choice(["", "Wet op de loonbelasting 1964, art. 9"]),
        "responsible": rng.choice(["", "BZK", "SZW", "Provincie Limburg"]),
        "source": rng.choice(["Kamerstuk 32 851, nr. 69", "https://www.grensinfo.nl/page", "GROS 2021"]),
        "reported_on": reported.isoformat(),
        "updated_on": updated.isoformat(),
        "reported_by": rng.choice(["", "GROS", "Euregio"]),
    }


def generate(path: Path, count: int, feature_ids: list[str], seed: int = 42) -> float:
    """Write ``count`` valid records (Record.create → to_row, csv writer); return seconds taken."""
    from records import COLUMNS, Record

    rng = random.Random(seed)
    known = frozenset(feature_ids)
    started = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(count):
            record = Record.create(_fields(rng, feature_ids, i), known, TODAY, record_id=f"b-{i:06d}")
            writer.writerow(record.to_row().values())
    return time.perf_counter() - started


def run() -> dict[str, Any]:
    from layers.catalog import load_catalog
    from records import CsvStore, Record, RecordIndex

    feature_ids = sorted(load_catalog(GEODATA).features)
    known = frozenset(feature_ids)
    folder = Path(tempfile.mkdtemp(prefix="bench-records-"))
    rows = []
    profile = None
    try:
        for size in SIZES:
            path = folder / f"obstacles_{size}.csv"
            gen_s = generate(path, size, feature_ids)
            repeats = 1 if size >= 100_000 else 3
            loads, indexes, totals = [], [], []
            for _ in range(repeats):
                t0 = time.perf_counter()
                loaded = CsvStore(path).load(known)
                t1 = time.perf_counter()
                RecordIndex(loaded.records)
                t2 = time.perf_counter()
                loads.append(t1 - t0)
                indexes.append(t2 - t1)
                totals.append(t2 - t0)
            assert len(loaded.records) == size and not loaded.problems, loaded.problems[:3]
            if size == 10_000:
                prof = cProfile.Profile()
                prof.enable()
                RecordIndex(CsvStore(path).load(known).records)
                prof.disable()
                profile = profile_rows(prof, limit=10, skip=("records_scale.py",))
            rng = random.Random(size)
            store = CsvStore(path)
            adds = []
            for j in range(5):
                record = Record.create(_fields(rng, feature_ids, size + j), known, TODAY, record_id=f"a-{size}-{j}")
                t0 = time.perf_counter()
                store.add(record, changed_by="bench")
                adds.append(time.perf_counter() - t0)
            rows.append(
                {
                    "records": size,
                    "file_bytes": path.stat().st_size,
                    "generate_s": round(gen_s, 2),
                    "runs": repeats,
                    "load_ms": ms(median(loads)),
                    "index_ms": ms(median(indexes)),
                    "load_index_ms": ms(median(totals)),
                    "add_median_ms": ms(median(adds)),
                    "add_max_ms": ms(max(adds)),
                    "us_per_record": round(median(totals) / size * 1e6, 1),
                }
            )
            loaded = None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"sizes": rows, "profile_10k_load": profile}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))
