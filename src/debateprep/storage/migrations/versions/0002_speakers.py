"""speakers tables.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ACTIVE = sa.text("status != 'withdrawn'")


def upgrade() -> None:
    op.create_table(
        "speaker_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("debate_id", sa.Integer, sa.ForeignKey("debates.id", ondelete="CASCADE"), nullable=False),
        sa.Column("delegation", sa.String(300), nullable=False),
        sa.Column("delegation_code", sa.String(32), nullable=True),
        sa.Column("representative", sa.String(300), nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("basis", sa.String(16), nullable=False),
        sa.Column("on_behalf_of", sa.String(200), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("inscribed_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("planned_minutes", sa.Float, nullable=True),
        sa.Column("actual_seconds", sa.Integer, nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=False), nullable=True),
        sa.Column("draw", sa.Integer, nullable=True),
        sa.Column("confirmed", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("override_kind", sa.String(8), nullable=True),
        sa.Column("override_ref", sa.Integer, nullable=True),
        sa.Column("override_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.String(300), nullable=False, server_default=""),
        sa.Column("dedupe_key", sa.String(400), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_index("ix_speaker_entries_debate_id", "speaker_entries", ["debate_id"])
    op.create_index("uq_speaker_entries_active", "speaker_entries", ["debate_id", "dedupe_key"], unique=True,
                    sqlite_where=ACTIVE, postgresql_where=ACTIVE)


def downgrade() -> None:
    op.drop_index("uq_speaker_entries_active", table_name="speaker_entries")
    op.drop_index("ix_speaker_entries_debate_id", table_name="speaker_entries")
    op.drop_table("speaker_entries")
