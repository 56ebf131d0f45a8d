"""Moving records between backends: ``python -m records import|export`` (CSV file ↔ PostgreSQL).

Every version of every record moves, in the order written, with who, when and why; an old
single-language file's separate history goes along. A row of the source that cannot be read is
reported with its line and left out; **the rest goes in as one transaction** (one write for a
CSV file): if the target refuses anything else, nothing at all is added. Importing the same
source twice adds nothing the second time (versions already there, identical, are skipped).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from i18n import Message
from records.backends import csv_path, open_store
from records.clock import Clock, system_clock
from records.errors import StoreError
from records.model import Record
from records.store import RowProblem

__all__ = ["ImportPlan", "Report", "plan_import", "transfer"]


@dataclass
class ImportPlan:
    """What an import adds: each new version with the one before it, and what it leaves out."""

    versions: list[tuple[Record | None, Record]] = field(default_factory=list)
    new_records: list[Record] = field(default_factory=list)  # ids the target does not have: their last version
    changed_records: list[Record] = field(default_factory=list)  # ids the target has, moved on: their last version
    present: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def plan_import(
    versions: Sequence[tuple[int, Record]],
    stored: Mapping[tuple[str, int], Record],
    current: Mapping[str, Record],
    target: str,
) -> ImportPlan:
    """Decide what of ``versions`` (line, record) goes into a target holding ``stored`` (its ``current``).

    Versions stay in source order (that is the history's order); each id's versions are linked
    in version order to name each change (created, status, …).
    """
    plan = ImportPlan()
    accepted: list[tuple[int, Record]] = []
    for line, record in versions:
        there = stored.get((record.id, record.version))
        now = current.get(record.id)
        if there is not None:
            if there == record:
                plan.present += 1
            else:
                values = {"id": record.id, "version": record.version, "target": target}
                plan.problems.append(RowProblem(line, Message("transfer.version_differs", values), record.id))
        elif now is not None and record.version < now.version:
            values = {"id": record.id, "version": record.version, "current": now.version, "target": target}
            plan.problems.append(RowProblem(line, Message("transfer.version_behind", values), record.id))
        else:
            accepted.append((line, record))
    previous: dict[tuple[str, int], Record | None] = {}
    last: dict[str, Record | None] = dict(current)
    for _, record in sorted(accepted, key=lambda item: (item[1].id, item[1].version)):
        previous[(record.id, record.version)] = last.get(record.id)
        last[record.id] = record
    plan.versions = [(previous[(r.id, r.version)], r) for _, r in accepted]
    for record_id, record in last.items():
        if record is None or record is current.get(record_id):
            continue
        (plan.changed_records if record_id in current else plan.new_records).append(record)
    order = {r.id: n for n, (_, r) in enumerate(reversed(plan.versions))}
    plan.new_records.sort(key=lambda r: -order[r.id])  # in the order each id first appears
    return plan


@dataclass
class Report:
    """What a transfer did, as messages (print them in either language)."""

    read: Message
    problems: list[RowProblem]
    done: Message
    added: int = 0
    present: int = 0

    def lines(self, lang: str = "en") -> list[str]:
        out = [self.read.text(lang)]
        out += [Message("transfer.line", {"line": p.line, "problem": p.message}).text(lang) for p in self.problems]
        return [*out, self.done.text(lang)]


def transfer(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    clock: Clock = system_clock,
    overwrite: bool = False,
    export: bool = False,
) -> Report:
    """Copy every version (and old-format history) from ``source`` into ``target``.

    ``export=True`` writes a new CSV file (refused if it exists, unless ``overwrite``).
    """
    reader = open_store(source, clock=clock)
    versions, problems = reader.versions()
    legacy = reader.legacy_history()
    ids = {r.id for _, r in versions}
    read = Message(
        "transfer.read",
        {"source": reader.label, "versions": len(versions), "records": len(ids), "problems": len(problems)},
    )
    path = csv_path(target)
    if export and path is not None and path.exists() and path.stat().st_size:
        if not overwrite:
            raise StoreError(Message("transfer.exists", {"target": str(path)}))
        path.unlink()
    writer = open_store(target, clock=clock)
    try:
        added, present, refused = writer.import_versions(versions, legacy)
    except StoreError as exc:
        raise StoreError(Message("transfer.failed", {"target": writer.label, "detail": exc.message})) from exc
    added_ids = len({r.id for _, r in versions} - {p.record_id for p in refused}) if added else 0
    key = "transfer.exported" if export else "transfer.imported"
    values = {"target": writer.label, "versions": added, "records": added_ids, "present": present}
    return Report(read, [*problems, *refused], Message(key, values), added, present)
