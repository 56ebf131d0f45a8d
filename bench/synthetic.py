"""Synthetic records the size of real ones.

The real ``obstacles.csv`` is the model: its rows' average byte length, its Dutch and English
vocabularies, and the lengths of its titles, summaries, sources and responsible bodies. Each
synthetic record samples a real row's field lengths and fills them with words drawn from the
real texts of the same language, so a synthetic file has the real file's bytes per row (checked
by :func:`profile`, reported beside the results) and bilingual text of the same shape. Every row
is built with ``Record.create`` (validated like a form entry) and written in the current format.

Files are cached under the system temp folder by size, seed and a digest of this module and of
the real file, so a second ``python -m bench`` does not regenerate 100,000 records.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import random
import re
import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench.common import SEED_CSV

TODAY = dt.date(2026, 6, 30)
CACHE_DIR = Path(tempfile.gettempdir()) / "bench-synthetic-records"
_WORD = re.compile(r"\S+")


def _row_bytes(values: list[str]) -> int:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return len(out.getvalue().encode("utf-8"))


def _real_rows(path: Path = SEED_CSV) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def profile(path: Path = SEED_CSV, sample: int = 2000) -> dict[str, Any]:
    """Rows, mean and median bytes per row of a records file (the first ``sample`` rows)."""
    _header, rows = _real_rows(path)
    sizes = [_row_bytes(r) for r in rows[:sample]]
    return {
        "rows_sampled": len(sizes),
        "mean_row_bytes": round(statistics.mean(sizes)),
        "median_row_bytes": round(statistics.median(sizes)),
    }


class _Model:
    """What the synthetic rows copy from the real ones."""

    def __init__(self) -> None:
        header, rows = _real_rows()
        col = {name: i for i, name in enumerate(header)}
        self.rows = [{name: r[i] for name, i in col.items()} for r in rows]
        self.words = {
            lang: [w for r in self.rows for key in (f"title_{lang}", f"summary_{lang}") for w in _WORD.findall(r[key])]
            for lang in ("nl", "en")
        }
        self.sources = [r["source"] for r in self.rows if r["source"]]
        self.responsible = [r["responsible"] for r in self.rows]
        self.legal = [(r["legal_basis_nl"], r["legal_basis_other"]) for r in self.rows]
        self.reported_by = [r["reported_by"] for r in self.rows]


def _text(rng: random.Random, words: list[str], length: int, limit: int) -> str:
    """About ``length`` characters of words (at most ``limit``), no line breaks."""
    out: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    text = " ".join(out)[:limit].strip()
    return text


@functools.cache
def _model() -> _Model:
    return _Model()


def fields(rng: random.Random, feature_ids: list[str], i: int) -> dict[str, str]:
    """Form fields of one synthetic record, shaped like a real row (the real file is read once)."""
    from records import STATUSES_BY_KIND, Border, Kind, Theme

    model = _model()
    like = rng.choice(model.rows)  # a real row whose shape this record copies
    kind = rng.choice(list(Kind))
    reported = TODAY - dt.timedelta(days=rng.randrange(30, 3000))
    updated = reported + dt.timedelta(days=rng.randrange(0, (TODAY - reported).days + 1))
    borders = rng.choice([[Border.NL_BE], [Border.NL_DE], [Border.NL_BE, Border.NL_DE]])
    legal_nl, legal_other = rng.choice(model.legal)
    values = {
        "kind": kind.value,
        "theme": rng.choice(list(Theme)).value,
        "border": ";".join(b.value for b in borders),
        "feature_ids": ";".join(rng.sample(feature_ids, rng.randrange(1, 5))),
        "status": rng.choice(STATUSES_BY_KIND[kind][:2]).value,
        "legal_basis_nl": legal_nl,
        "legal_basis_other": legal_other,
        "responsible": rng.choice(model.responsible),
        "source": rng.choice(model.sources),
        "reported_on": reported.isoformat(),
        "updated_on": updated.isoformat(),
        "reported_by": rng.choice(model.reported_by),
    }
    for lang in ("nl", "en"):
        title_len, summary_len = len(like[f"title_{lang}"]), len(like[f"summary_{lang}"])
        if title_len and summary_len:
            values[f"title_{lang}"] = f"{i} " + _text(rng, model.words[lang], title_len, 150)
            values[f"summary_{lang}"] = _text(rng, model.words[lang], summary_len, 1990)
    if "title_nl" not in values and "title_en" not in values:
        values["title_nl"] = f"{i} " + _text(rng, model.words["nl"], 70, 150)
        values["summary_nl"] = _text(rng, model.words["nl"], 550, 1990)
    return values


def _digest(feature_ids: list[str]) -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(SEED_CSV.read_bytes())
    h.update("\n".join(feature_ids).encode())
    return h.hexdigest()[:10]


def generate(path: Path, count: int, feature_ids: list[str], seed: int = 42) -> None:
    """Write ``count`` valid records (current format, one version each) to ``path``."""
    from records import COLUMNS, Record

    rng = random.Random(seed)
    known = frozenset(feature_ids)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(count):
            record = Record.create(fields(rng, feature_ids, i), known, today=TODAY, record_id=f"s-{i:06d}")
            row = record.to_row()
            row["created_by"] = row["changed_by"] = "local"
            row["changed_at"] = f"{record.updated_on.isoformat()}T09:00:00Z"
            writer.writerow(row.values())
    tmp.replace(path)


def records_file(count: int, feature_ids: list[str], seed: int = 42) -> Path:
    """A cached synthetic file of ``count`` records (generated on first use)."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"records-{count}-{seed}-{_digest(sorted(feature_ids))}.csv"
    if not path.exists():
        generate(path, count, sorted(feature_ids), seed)
    return path
