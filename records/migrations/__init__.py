"""Alembic migrations of the PostgreSQL records schema (applied by ``python -m records migrate``)."""
