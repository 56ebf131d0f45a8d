"""The records schema: current records, their feature links, the append-only history, the change counter.

The tables repeat the model's rules (``records.model``, ``records.vocab``) as constraints, so that
nothing written around the app can break them: the id pattern, the vocabularies, the status that
fits the kind, the date range and order, the text lengths, one complete language pair, the review
rules. Only "not in the future" stays with the app (it depends on the app's clock, not the server's).

The vocabularies are written out here as they were when this migration was made; a later change
of a vocabulary gets its own migration (``tests/test_sqlstore.py`` checks they still agree).

History rows can be inserted and read, never changed or removed: a trigger refuses UPDATE,
DELETE and TRUNCATE for every role, and ``python -m records migrate --app-role`` grants the app's
role only SELECT and INSERT on them.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,63}$"
FEATURE_PATTERN = "^[a-z]+:[a-z0-9-]+$"
KINDS = ("obstacle", "initiative")
OBSTACLE_STATUSES = ("reported", "assessing", "in_progress", "solved", "not_solvable")
INITIATIVE_STATUSES = ("planned", "running", "completed")
REVIEWS = ("published", "pending", "rejected", "merged")
THEMES = (
    "labour",
    "tax",
    "health",
    "education",
    "mobility",
    "infrastructure",
    "environment",
    "energy",
    "safety",
    "digital",
    "governance",
    "crisis",
)
BORDERS = ("NL-BE", "NL-DE", "NL-BE;NL-DE")
ACTIONS = ("created", "status", "edited", "accepted", "rejected", "merged")
# (column, most characters, one line only); a summary or note may hold tabs and line breaks
TEXTS = (
    ("title_nl", 160, True),
    ("summary_nl", 2000, False),
    ("title_en", 160, True),
    ("summary_en", 2000, False),
    ("legal_basis_nl", 300, False),
    ("legal_basis_other", 300, False),
    ("responsible", 200, True),
    ("source", 500, True),
    ("reported_by", 120, True),
    ("created_by", 300, True),
    ("changed_by", 300, True),
    ("change_note", 1000, False),
    ("review_note", 1000, False),
    ("changed_by_name", 300, True),
)
ONE_LINE = r"[\x01-\x1f\x7f]"
MULTI_LINE = r"[\x01-\x08\x0b-\x1f\x7f]"


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _record_columns(table: str) -> list[sa.SchemaItem]:
    """The columns and checks of one version of a record (shared by ``records`` and ``history``)."""
    items: list[sa.SchemaItem] = [
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("review", sa.Text, nullable=False),
        sa.Column("theme", sa.Text, nullable=False),
        sa.Column("borders", sa.Text, nullable=False),
    ]
    items += [sa.Column(name, sa.Text, nullable=False, server_default="") for name, _, _ in TEXTS]
    items += [
        sa.Column("reported_on", sa.Date, nullable=False),
        sa.Column("updated_on", sa.Date, nullable=False),
        sa.Column("dates_approximate", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("merged_into", sa.Text, nullable=False, server_default=""),
    ]
    checks = {
        "version": "version >= 1",
        "kind": _in("kind", KINDS),
        "status_fits_kind": f"(kind = 'obstacle' AND {_in('status', OBSTACLE_STATUSES)})"
        f" OR (kind = 'initiative' AND {_in('status', INITIATIVE_STATUSES)})",
        "review": _in("review", REVIEWS),
        "theme": _in("theme", THEMES),
        "borders": _in("borders", BORDERS),
        "date_range": "reported_on >= DATE '1990-01-01' AND updated_on >= reported_on",
        "seconds": "changed_at IS NULL OR changed_at = date_trunc('second', changed_at)",
        "merged_into": f"merged_into = '' OR merged_into ~ '{ID_PATTERN}'",
        "merged_has_target": "(review = 'merged') = (merged_into <> '')",
        "rejected_has_reason": "review <> 'rejected' OR review_note <> ''",
        "language_pair": "(title_nl <> '' AND summary_nl <> '') OR (title_en <> '' AND summary_en <> '')",
        "no_half_pair": "(title_nl = '') = (summary_nl = '') AND (title_en = '') = (summary_en = '')",
        "title_length": "title_nl = '' OR char_length(title_nl) >= 3",
        "title_en_length": "title_en = '' OR char_length(title_en) >= 3",
        "summary_length": "summary_nl = '' OR char_length(summary_nl) >= 10",
        "summary_en_length": "summary_en = '' OR char_length(summary_en) >= 10",
        "source_length": "char_length(source) >= 3",
    }
    for name, limit, one_line in TEXTS:
        pattern = ONE_LINE if one_line else MULTI_LINE
        checks[f"{name}_text"] = f"char_length({name}) <= {limit} AND {name} !~ '{pattern}'"
    items += [sa.CheckConstraint(sql, name=f"ck_{table}_{name}") for name, sql in checks.items()]
    return items


def upgrade() -> None:
    op.create_table(
        "store_state",
        sa.Column("id", sa.SmallInteger, primary_key=True),
        sa.Column("store_uid", sa.Text, nullable=False, server_default=sa.text("gen_random_uuid()::text")),
        sa.Column("counter", sa.BigInteger, nullable=False, server_default="0"),
        sa.CheckConstraint("id = 1", name="ck_store_state_one_row"),
    )
    op.execute("INSERT INTO store_state (id) VALUES (1)")

    op.execute("CREATE SEQUENCE records_position_seq")
    op.create_table(
        "records",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("position", sa.BigInteger, nullable=False, server_default=sa.text("nextval('records_position_seq')")),
        *_record_columns("records"),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("changed_seq", sa.BigInteger, nullable=False),
        sa.CheckConstraint(f"id ~ '{ID_PATTERN}'", name="ck_records_id"),
        sa.UniqueConstraint("position", name="uq_records_position"),
    )
    op.execute("ALTER SEQUENCE records_position_seq OWNED BY records.position")
    op.create_index("ix_records_changed_seq", "records", ["changed_seq"])
    op.create_index("ix_records_merged_into", "records", ["merged_into"], postgresql_where=sa.text("merged_into <> ''"))

    op.create_table(
        "record_features",
        sa.Column("record_id", sa.Text, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("position", sa.SmallInteger, nullable=False),
        sa.Column("feature_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("record_id", "position", name="pk_record_features"),
        sa.UniqueConstraint("record_id", "feature_id", name="uq_record_features_once"),
        sa.CheckConstraint(f"feature_id ~ '{FEATURE_PATTERN}'", name="ck_record_features_feature_id"),
        sa.CheckConstraint("position >= 0 AND position < 30", name="ck_record_features_at_most_30"),
    )
    op.create_index("ix_record_features_feature_id", "record_features", ["feature_id"])

    op.create_table(
        "history",
        sa.Column("id", sa.BigInteger, sa.Identity(always=False), primary_key=True),
        sa.Column("record_id", sa.Text, sa.ForeignKey("records.id"), nullable=False),
        *_record_columns("history"),
        sa.Column("feature_ids", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("from_status", sa.Text, nullable=False, server_default=""),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("record_id", "version", name="uq_history_version"),
        sa.CheckConstraint(_in("action", ACTIONS), name="ck_history_action"),
        sa.CheckConstraint(
            "feature_ids ~ '^[a-z]+:[a-z0-9-]+(;[a-z]+:[a-z0-9-]+){0,29}$'", name="ck_history_feature_ids"
        ),
    )

    # An old single-language file's separate history (status changes with a name only): kept as read.
    op.create_table(
        "legacy_history",
        sa.Column("id", sa.BigInteger, sa.Identity(always=False), primary_key=True),
        sa.Column("record_id", sa.Text, nullable=False),
        sa.Column("changed_at", sa.Text, nullable=False, server_default=""),
        sa.Column("changed_by", sa.Text, nullable=False, server_default=""),
        sa.Column("from_status", sa.Text, nullable=False, server_default=""),
        sa.Column("to_status", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_legacy_history_record_id", "legacy_history", ["record_id"])

    op.execute(
        """
        CREATE FUNCTION records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """
    )
    for table in ("history", "legacy_history"):
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION records_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION records_append_only()"
        )


def downgrade() -> None:
    raise NotImplementedError("the first schema is not taken down by a migration (drop the database instead)")
