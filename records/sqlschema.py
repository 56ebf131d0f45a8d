"""The PostgreSQL tables of the records (as SQLAlchemy Core objects) and their Alembic migrations.

The schema itself is made by the migrations in :mod:`records.migrations` (see ``0001_initial``
for every constraint); the tables here only name the columns the store reads and writes.

- ``store_state``: one row; ``counter`` goes up by one in every write transaction (the change
  token), ``store_uid`` tells one database from another.
- ``records``: the current version of every record, with a ``version`` column for optimistic
  concurrency, ``position`` (creation order), ``changed_seq`` (the counter of its last change)
  and ``search_text`` (the lower-cased text the free-text search looks in).
- ``record_features``: the feature links of the current versions, indexed by feature id.
- ``history``: every version of every record, in the order written. Append-only.
- ``legacy_history``: the separate history file of an old single-language CSV, as imported.
"""

from __future__ import annotations

import functools
from pathlib import Path

import sqlalchemy as sa

__all__ = [
    "APP_ROLE_GRANTS",
    "grant_app_role",
    "head_revision",
    "history",
    "legacy_history",
    "metadata",
    "migrate",
    "record_features",
    "records",
    "schema_revision",
    "store_state",
]

metadata = sa.MetaData()

_TEXT_COLUMNS = (
    "title_nl",
    "summary_nl",
    "title_en",
    "summary_en",
    "legal_basis_nl",
    "legal_basis_other",
    "responsible",
    "source",
    "reported_by",
    "created_by",
    "changed_by",
    "change_note",
    "review_note",
    "changed_by_name",
)


def _version_columns() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("review", sa.Text, nullable=False),
        sa.Column("theme", sa.Text, nullable=False),
        sa.Column("borders", sa.Text, nullable=False),
        *(sa.Column(name, sa.Text, nullable=False) for name in _TEXT_COLUMNS),
        sa.Column("reported_on", sa.Date, nullable=False),
        sa.Column("updated_on", sa.Date, nullable=False),
        sa.Column("dates_approximate", sa.Boolean, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("merged_into", sa.Text, nullable=False),
    ]


store_state = sa.Table(
    "store_state",
    metadata,
    sa.Column("id", sa.SmallInteger, primary_key=True),
    sa.Column("store_uid", sa.Text, nullable=False),
    sa.Column("counter", sa.BigInteger, nullable=False),
)

records = sa.Table(
    "records",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("position", sa.BigInteger, nullable=False, server_default=sa.text("nextval('records_position_seq')")),
    *_version_columns(),
    sa.Column("search_text", sa.Text, nullable=False),
    sa.Column("changed_seq", sa.BigInteger, nullable=False),
)

record_features = sa.Table(
    "record_features",
    metadata,
    sa.Column("record_id", sa.Text, sa.ForeignKey("records.id"), primary_key=True),
    sa.Column("position", sa.SmallInteger, primary_key=True),
    sa.Column("feature_id", sa.Text, nullable=False),
)

history = sa.Table(
    "history",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("record_id", sa.Text, sa.ForeignKey("records.id"), nullable=False),
    *_version_columns(),
    sa.Column("feature_ids", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("from_status", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)

legacy_history = sa.Table(
    "legacy_history",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("record_id", sa.Text, nullable=False),
    sa.Column("changed_at", sa.Text, nullable=False),
    sa.Column("changed_by", sa.Text, nullable=False),
    sa.Column("from_status", sa.Text, nullable=False),
    sa.Column("to_status", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
)

#: What the app's role may do, table by table: nothing but SELECT and INSERT on the histories.
APP_ROLE_GRANTS: dict[str, str] = {
    "alembic_version": "SELECT",
    "store_state": "SELECT, UPDATE",
    "records": "SELECT, INSERT, UPDATE",
    "record_features": "SELECT, INSERT, DELETE",
    "history": "SELECT, INSERT",
    "legacy_history": "SELECT, INSERT",
}
_SEQUENCES = ("records_position_seq", "history_id_seq", "legacy_history_id_seq")
_MIGRATE_LOCK = 0x7265636F7264  # pg_advisory_xact_lock key: one migration at a time per database


def _alembic_config(connection: sa.Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def head_revision() -> str:
    """The newest migration shipped with this code (the schema the store expects)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def schema_revision(connection: sa.Connection) -> str | None:
    """The migration the database is at; ``None`` when no migration was ever applied."""
    if connection.execute(sa.text("SELECT to_regclass('alembic_version')")).scalar() is None:
        return None
    return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def has_tables(connection: sa.Connection) -> bool:
    """True when any of the store's tables exists (with or without Alembic's version table)."""
    names = ", ".join(f"to_regclass('{t}')" for t in metadata.tables)
    return any(value is not None for value in connection.execute(sa.text(f"SELECT {names}")).one())


def migrate(engine: sa.Engine, app_role: str | None = None) -> tuple[str | None, str]:
    """Bring the schema to the newest migration in one transaction; return (before, after).

    Two servers (or a server and an admin) migrating at once queue on an advisory lock. With
    ``app_role``, that role is granted :data:`APP_ROLE_GRANTS` and nothing else on these tables.
    """
    from alembic import command

    with engine.begin() as connection:
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATE_LOCK})
        before = schema_revision(connection)
        if before != head_revision():
            command.upgrade(_alembic_config(connection), "head")
        if app_role:
            grant_app_role(connection, app_role)
        return before, schema_revision(connection) or ""


def grant_app_role(connection: sa.Connection, role: str) -> None:
    """Give ``role`` what the app needs and take UPDATE, DELETE and TRUNCATE on the histories away."""
    quoted = connection.dialect.identifier_preparer.quote(role)
    connection.execute(sa.text(f"GRANT USAGE ON SCHEMA {_current_schema(connection)} TO {quoted}"))
    for table, privileges in APP_ROLE_GRANTS.items():
        connection.execute(sa.text(f"REVOKE ALL ON {table} FROM {quoted}"))
        connection.execute(sa.text(f"GRANT {privileges} ON {table} TO {quoted}"))
    for sequence in _SEQUENCES:
        connection.execute(sa.text(f"GRANT USAGE ON SEQUENCE {sequence} TO {quoted}"))


def _current_schema(connection: sa.Connection) -> str:
    name = connection.execute(sa.text("SELECT current_schema()")).scalar()
    return connection.dialect.identifier_preparer.quote(name)
