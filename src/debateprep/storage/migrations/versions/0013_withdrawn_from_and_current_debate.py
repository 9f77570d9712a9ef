"""Speakers-list entries remember the status they had when withdrawn (`withdrawn_from`), so that
reinstating puts them back exactly as they were: moved to a later session stays moved (nothing
else records it; a spoken or speaking entry is also known from its timer record).

A plain nullable ADD COLUMN: existing withdrawn rows read NULL and are reinstated as before, from
their timer record. The partial unique index on active entries is untouched.

And the database's own settings (`app_settings`, key -> value): the current debate that
`debateprep debate use` chooses is the team's, kept with the debates it names.

Revision ID: 0013
Revises: 0015 (the newest on main when this was merged: 0014 was not there)
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("speaker_entries", sa.Column("withdrawn_from", sa.String(16), nullable=True))
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_settings")
    # DROP COLUMN needs SQLite 3.35+ (the interpreter's is 3.40); no index or trigger uses it
    op.drop_column("speaker_entries", "withdrawn_from")
