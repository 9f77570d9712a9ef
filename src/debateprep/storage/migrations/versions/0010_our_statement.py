"""our_statement tables: our delegation's statement drafts, their sections, revisions and rehearsals.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "our_statements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("debate_id", sa.Integer, sa.ForeignKey("debates.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("delegation", sa.String(300), nullable=False),
        sa.Column("on_behalf_of", sa.String(300), nullable=True),
        sa.Column("aligning_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("chair", sa.String(16), nullable=True),
        sa.Column("topic", sa.Text, nullable=True),
        sa.Column("meeting_date", sa.Date, nullable=True),
        sa.Column("limit_minutes", sa.Float, nullable=True),
        sa.Column("words_per_minute", sa.Float, nullable=False, server_default="130"),
        sa.Column("characters_per_minute", sa.Float, nullable=False, server_default="220"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "our_statement_sections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("statement_id", sa.Integer, sa.ForeignKey("our_statements.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("heading", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("question_id", sa.Integer, nullable=True),
        sa.Column("question_label", sa.String(16), nullable=True),
        sa.Column("question_text", sa.Text, nullable=True),
        sa.Column("suggestions_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "our_statement_revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("statement_id", sa.Integer, sa.ForeignKey("our_statements.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("paragraphs_json", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("statement_id", "number", name="uq_our_statement_revisions_number"),
    )
    op.create_table(
        "our_statement_rehearsals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("statement_id", sa.Integer, sa.ForeignKey("our_statements.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("actual_seconds", sa.Integer, nullable=False),
        sa.Column("estimated_seconds", sa.Integer, nullable=False),
        sa.Column("units", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("our_statement_rehearsals")
    op.drop_table("our_statement_revisions")
    op.drop_table("our_statement_sections")
    op.drop_table("our_statements")
