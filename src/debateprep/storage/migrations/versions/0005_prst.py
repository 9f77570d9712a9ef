"""prst tables: draft presidential statements, their paragraphs and circulated revisions.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prst_drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("debate_id", sa.Integer, sa.ForeignKey("debates.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("agenda_item", sa.Text, nullable=True),
        sa.Column("meeting_number", sa.Integer, nullable=True),
        sa.Column("meeting_date", sa.Date, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "prst_paragraphs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "draft_id", sa.Integer, sa.ForeignKey("prst_drafts.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("provenance_kind", sa.String(16), nullable=False),
        sa.Column("citation", sa.String(200), nullable=True),
        sa.Column("source_id", sa.Integer, nullable=True),
        sa.Column("supporters_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("source_text", sa.Text, nullable=True),
        sa.Column("status", sa.String(16), nullable=False, server_default="unchecked"),
        sa.Column("closest_citation", sa.String(200), nullable=True),
        sa.Column("closest_text", sa.Text, nullable=True),
        sa.Column("similarity", sa.Float, nullable=True),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "prst_revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "draft_id", sa.Integer, sa.ForeignKey("prst_drafts.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("paragraphs_json", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("draft_id", "number", name="uq_prst_revisions_draft_number"),
    )


def downgrade() -> None:
    op.drop_table("prst_revisions")
    op.drop_table("prst_paragraphs")
    op.drop_table("prst_drafts")
