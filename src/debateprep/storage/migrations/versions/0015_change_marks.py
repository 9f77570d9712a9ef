"""Change marks: one counter per topic of the data (speakers, statements, PRST …), raised by every
change, so that a terminal UI open elsewhere notices a change another process made (a command, a
colleague on a shared PostgreSQL database) with one small query.

Revision ID: 0015
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_marks",
        sa.Column("topic", sa.String(40), primary_key=True),
        sa.Column("revision", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("change_marks")
