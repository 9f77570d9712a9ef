"""Foundation: debates, concept notes and their guiding questions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "concept_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source_name", sa.String(500), nullable=False),
        sa.Column("symbol", sa.String(100), nullable=True, index=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("presidency", sa.String(200), nullable=True),
        sa.Column("letter_date", sa.Date, nullable=True),
        sa.Column("meeting_date", sa.Date, nullable=True),
        sa.Column("original_text", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("data_json", sa.Text, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "note_id", sa.Integer, sa.ForeignKey("concept_notes.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("source_position", sa.Integer, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("original", sa.Text, nullable=True),
        sa.Column("question_form", sa.Text, nullable=True),
        sa.Column("topic", sa.Boolean, nullable=False, default=False),
        sa.Column("section", sa.String(500), nullable=True),
        sa.Column("provenance", sa.Text, nullable=True),
        sa.Column("version", sa.Integer, nullable=False, default=1),
    )
    op.create_table(
        "debates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("agenda_item", sa.Text, nullable=True),
        sa.Column("meeting_number", sa.Integer, nullable=True),
        sa.Column("meeting_date", sa.Date, nullable=True),
        sa.Column("presidency", sa.String(200), nullable=True),
        sa.Column("language", sa.String(8), nullable=False, default="en"),
        sa.Column(
            "concept_note_id",
            sa.Integer,
            sa.ForeignKey("concept_notes.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.Column("settings_json", sa.Text, nullable=False, default="{}"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, default=1),
    )


def downgrade() -> None:
    op.drop_table("debates")
    op.drop_table("questions")
    op.drop_table("concept_notes")
