"""PRST: every saved text of a paragraph (who saved it, when), and who last changed a draft's
structure; so a refused stale edit can say what changed, from which version to which, and by whom.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prst_paragraph_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("paragraph_id", sa.Integer, sa.ForeignKey("prst_paragraphs.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("edited_by", sa.String(100), nullable=True),
        sa.Column("edited_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("paragraph_id", "version", name="uq_prst_paragraph_versions_version"),
    )
    with op.batch_alter_table("prst_drafts") as batch:
        batch.add_column(sa.Column("updated_by", sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("prst_drafts") as batch:
        batch.drop_column("updated_by")
    op.drop_table("prst_paragraph_versions")
