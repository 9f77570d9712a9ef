"""No schema change (kept so that databases stamped 0006 upgrade along the chain).

The team features need no table of their own: optimistic concurrency uses the `version` columns
that the earlier tables carry, and backups are files, not rows.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
