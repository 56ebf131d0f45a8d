"""Alembic environment: run the migrations on the connection the caller hands over.

:func:`records.sqlschema.migrate` opens the connection (and takes an advisory lock, so two app
servers starting at once do not both create the schema); nothing here reads a config file.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
