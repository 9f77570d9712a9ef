"""PostgreSQL: pg_trgm and a trigram index on library paragraph text, for "find agreed language
like this". Optional: where the extension is not available (or the user may not create it), the
library works without it, from its full-text index alone. SQLite: nothing to do.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEX = "ix_library_paragraphs_text_trgm"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first() is None:
        return
    try:
        with bind.begin_nested():  # a refused CREATE EXTENSION must not abort the whole upgrade
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # noqa: BLE001 - no privilege to create it: search works without trigrams
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON library_paragraphs USING gin (text gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")  # the extension stays: other databases may use it
