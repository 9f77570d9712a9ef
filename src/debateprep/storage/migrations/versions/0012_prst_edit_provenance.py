"""PRST: where a rewritten paragraph was edited from, and the paragraph ids of each revision (so a
diff matches an edited paragraph by its id, not by how alike its wording stayed).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("prst_paragraphs") as batch:
        batch.add_column(sa.Column("edited_from_json", sa.Text, nullable=True))
    with op.batch_alter_table("prst_revisions") as batch:
        batch.add_column(sa.Column("paragraph_ids_json", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("prst_revisions") as batch:
        batch.drop_column("paragraph_ids_json")
    with op.batch_alter_table("prst_paragraphs") as batch:
        batch.drop_column("edited_from_json")
