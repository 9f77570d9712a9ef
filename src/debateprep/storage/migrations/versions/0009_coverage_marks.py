"""coverage_marks: the user's marks on coverage cells (wrong / addressed), kept across re-computation.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coverage_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("debate_id", sa.Integer, sa.ForeignKey("debates.id", ondelete="CASCADE"), nullable=False),
        sa.Column("delegation", sa.String(300), nullable=False),
        sa.Column("question_key", sa.Integer, nullable=False),
        sa.Column("question_text", sa.Text, nullable=False),
        sa.Column("mark", sa.String(20), nullable=False),
        sa.Column("tool_covered", sa.Boolean, nullable=False),
        sa.Column("passage", sa.Text, nullable=True),
        sa.Column("marked_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.UniqueConstraint("debate_id", "delegation", "question_key", name="uq_coverage_marks_cell"),
    )
    op.create_index("ix_coverage_marks_debate_id", "coverage_marks", ["debate_id"])


def downgrade() -> None:
    op.drop_index("ix_coverage_marks_debate_id", table_name="coverage_marks")
    op.drop_table("coverage_marks")
