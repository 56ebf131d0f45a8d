"""Texts of the PostgreSQL store and of moving records between backends, in Dutch and English.

``store.*`` says why a write was refused or failed, ``problem.*`` what is wrong with a stored
record, ``transfer.*`` what ``python -m records import|export|migrate`` report.
"""

from __future__ import annotations

STORE_TEXTS: dict[str, tuple[str, str]] = {
    "store.db_unavailable": (
        "de database is niet bereikbaar ({detail}). Er is niets opgeslagen; kijk bij twijfel eerst of de"
        " wijziging er toch staat",
        "the database cannot be reached ({detail}). Nothing was saved; when in doubt, check whether the"
        " change is there before trying again",
    ),
    "store.db_refused": (
        "de database weigert de wijziging ({detail}). Er is niets opgeslagen",
        "the database refuses the change ({detail}). Nothing was saved",
    ),
    "store.schema_missing": (
        "de database {database} heeft nog geen tabellen voor de records en deze rol mag ze niet maken:"
        " voer eerst `python -m records migrate --to <url>` uit als eigenaar",
        "the database {database} has no records tables yet and this role may not create them:"
        " run `python -m records migrate --to <url>` as its owner first",
    ),
    "store.schema_other": (
        "de database {database} staat op schemaversie {found}, deze app verwacht {expected}:"
        " voer `python -m records migrate --to <url>` uit (of werk de app bij)",
        "the database {database} is at schema version {found}, this app expects {expected}:"
        " run `python -m records migrate --to <url>` (or update the app)",
    ),
    "store.schema_unknown": (
        "de database {database} heeft al tabellen met deze namen, maar niet van deze app; er is niets gewijzigd",
        "the database {database} already has tables of these names, not made by this app; nothing was changed",
    ),
    "problem.record": ("record {id}: {problem}", "record {id}: {problem}"),
    "transfer.read": (
        "{source}: {versions} versies van {records} records gelezen, {problems} regels overgeslagen",
        "{source}: read {versions} versions of {records} records, skipped {problems} rows",
    ),
    "transfer.line": ("regel {line}: {problem} (niet geïmporteerd)", "line {line}: {problem} (not imported)"),
    "transfer.imported": (
        "{target}: {versions} versies van {records} records in één transactie toegevoegd"
        " ({present} waren er al precies zo)",
        "{target}: added {versions} versions of {records} records in one transaction"
        " ({present} were there already, identical)",
    ),
    "transfer.exported": (
        "{target}: {versions} versies van {records} records geschreven",
        "{target}: wrote {versions} versions of {records} records",
    ),
    "transfer.version_differs": (
        "{id} versie {version} staat al anders in {target}",
        "{id} version {version} is already in {target}, differently",
    ),
    "transfer.version_behind": (
        "{id} versie {version} is ouder dan de huidige versie {current} in {target}",
        "{id} version {version} is older than the current version {current} in {target}",
    ),
    "transfer.exists": (
        "{target} bestaat al; kies een nieuw bestand of gebruik --overwrite",
        "{target} exists already; choose a new file or pass --overwrite",
    ),
    "transfer.migrated": ("{target}: schema {before} → {after}", "{target}: schema {before} → {after}"),
    "transfer.failed": (
        "{target}: niets geïmporteerd, de transactie is teruggedraaid: {detail}",
        "{target}: nothing imported, the transaction was rolled back: {detail}",
    ),
}
