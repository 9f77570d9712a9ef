"""library tables: adopted documents, their paragraphs, and the search index.

Both index `library_paragraphs.search_text`, the token string made by
`debateprep.domain.search_text.index_text` (every Chinese character a token), and the database
keeps the index current by itself (so a restored backup is searchable at once):
SQLite: an external-content FTS5 table `library_fts` (unicode61) with insert/update/delete triggers.
PostgreSQL: a generated tsvector column `search_tsv` ('simple' configuration) with a GIN index.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.String(64), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("adopted_on", sa.Date, nullable=True),
        sa.Column("meeting", sa.Integer, nullable=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("footnotes_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("warnings_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("symbol", "lang", name="uq_library_documents_symbol_lang"),
    )
    op.create_table(
        "library_paragraphs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("library_documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("symbol", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("sub", sa.String(16), nullable=False, server_default=""),
        sa.Column("lead", sa.String(200), nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("footnotes_json", sa.Text, nullable=False, server_default="[]"),
        sa.Column("search_text", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_library_paragraphs_document_position", "library_paragraphs", ["document_id", "position"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE library_fts USING fts5(search_text, content='library_paragraphs', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
        )
        op.execute(
            "CREATE TRIGGER library_fts_ai AFTER INSERT ON library_paragraphs BEGIN "
            "INSERT INTO library_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER library_fts_ad AFTER DELETE ON library_paragraphs BEGIN "
            "INSERT INTO library_fts(library_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER library_fts_au AFTER UPDATE OF search_text ON library_paragraphs BEGIN "
            "INSERT INTO library_fts(library_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO library_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE library_paragraphs ADD COLUMN search_tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED"
        )
        op.execute("CREATE INDEX ix_library_paragraphs_search ON library_paragraphs USING gin (search_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("library_fts_ai", "library_fts_ad", "library_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS library_fts")
    op.drop_table("library_paragraphs")
    op.drop_table("library_documents")
