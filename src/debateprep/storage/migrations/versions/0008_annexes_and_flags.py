"""Library paragraphs say which part of a document they belong to (`part`: "annex A",
"section B", "" for the resolution's own PPs and OPs); PRST paragraphs keep the flags their form
conversion raised (`flags_json`: [[code, message], …], e.g. a paragraph acting under Chapter VII).

Plain ADD COLUMNs with server defaults: existing rows read as "" and "[]", and SQLite's FTS5
triggers on library_paragraphs stay as they are (no table rebuild).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("library_paragraphs", sa.Column("part", sa.String(64), nullable=False, server_default=""))
    op.add_column("prst_paragraphs", sa.Column("flags_json", sa.Text, nullable=False, server_default="[]"))


def downgrade() -> None:
    # DROP COLUMN needs SQLite 3.35+ (the interpreter's is 3.40); no index or trigger uses them
    op.drop_column("prst_paragraphs", "flags_json")
    op.drop_column("library_paragraphs", "part")
