"""statements tables.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("debate_id", sa.Integer, sa.ForeignKey("debates.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("record", sa.String(100), nullable=True),
        sa.Column("header", sa.Text, nullable=True),
        sa.Column("speaker", sa.String(300), nullable=True),
        sa.Column("delegation", sa.String(300), nullable=True),
        sa.Column("delegation_code", sa.String(32), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("mapped_by", sa.String(20), nullable=True),
        sa.Column("suggestion", sa.String(300), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("spoken_language", sa.String(20), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        # The speakers-list entry this statement was delivered under, when known. No foreign key:
        # speakers entries may be withdrawn while the statement stays on record.
        sa.Column("speakers_entry_id", sa.Integer, nullable=True),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.UniqueConstraint("debate_id", "source", name="uq_statements_debate_source"),
    )
    op.create_index("ix_statements_debate_id", "statements", ["debate_id"])
    op.create_index("ix_statements_delegation_code", "statements", ["delegation_code"])


def downgrade() -> None:
    op.drop_index("ix_statements_delegation_code", table_name="statements")
    op.drop_index("ix_statements_debate_id", table_name="statements")
    op.drop_table("statements")
