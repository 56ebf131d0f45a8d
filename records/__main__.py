"""``python -m records``: migrate a database, import records into it, export them from it.

    python -m records migrate --to postgresql://owner@db/records [--app-role records_app]
    python -m records import obstacles.csv --to postgresql://app@db/records
    python -m records export --from postgresql://app@db/records out.csv [--overwrite]

A location is a PostgreSQL URL or a CSV file (a path, or ``csv:path``); ``$RECORDS_URL`` is the
default database. See :mod:`records.transfer` for what moves and how (one transaction).
"""

from __future__ import annotations

import argparse
import os
import sys

from i18n import Message
from records.errors import StoreError


def main(argv: list[str] | None = None) -> int:
    default = os.environ.get("RECORDS_URL")
    parser = argparse.ArgumentParser(prog="python -m records", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=("en", "nl"), default="en", help="language of the report")
    commands = parser.add_subparsers(dest="command", required=True)
    migrate = commands.add_parser("migrate", help="create or update the schema (as the database's owner)")
    migrate.add_argument("--to", default=default, required=default is None, help="PostgreSQL URL")
    migrate.add_argument("--app-role", help="grant this role what the app needs (no UPDATE/DELETE on history)")
    imp = commands.add_parser("import", help="add every version from a CSV file (or another database)")
    imp.add_argument("source")
    imp.add_argument("--to", default=default, required=default is None, help="PostgreSQL URL or CSV file")
    exp = commands.add_parser("export", help="write every version to a new CSV file")
    exp.add_argument("--from", dest="source", default=default, required=default is None, help="PostgreSQL URL or CSV")
    exp.add_argument("target")
    exp.add_argument("--overwrite", action="store_true", help="replace the target file if it exists")
    ns = parser.parse_args(argv)
    try:
        if ns.command == "migrate":
            return _migrate(ns.to, ns.app_role, ns.lang)
        from records.transfer import transfer

        if ns.command == "import":
            report = transfer(ns.source, ns.to)
        else:
            report = transfer(ns.source, ns.target, export=True, overwrite=ns.overwrite)
    except StoreError as exc:
        print(exc.message.text(ns.lang), file=sys.stderr)
        return 1
    lines = report.lines(ns.lang)
    for line in lines:
        print(line)
    return 2 if report.problems else 0


def _migrate(url: str, app_role: str | None, lang: str) -> int:
    from records.sqlschema import migrate
    from records.sqlstore import SqlStore

    store = SqlStore(url, migrate_empty=False)
    try:
        before, after = migrate(store.engine, app_role)
    finally:
        store.dispose()
    print(Message("transfer.migrated", {"target": store.label, "before": before or "-", "after": after}).text(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
