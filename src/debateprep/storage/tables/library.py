"""Tables of the agreed-language library (migration 0003).

`library_documents` holds one adopted text per (symbol, language); `library_paragraphs` its
paragraphs in order, with the filter columns (language, kind, year, symbol) copied onto each row so
a search can filter without a join. `search_text` is the token string both search backends index
(`domain.search_text.index_text`); the index built from it is backend-specific and kept up to date
by the database itself (see migration 0003): an external-content FTS5 table with triggers on
SQLite, a generated `search_tsv` column on PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class LibraryDocumentRow(SQLModel, table=True):
    __tablename__ = "library_documents"
    __table_args__ = (UniqueConstraint("symbol", "lang", name="uq_library_documents_symbol_lang"),)

    id: int | None = Field(default=None, primary_key=True)
    symbol: str = Field(max_length=64, index=True)
    kind: str = Field(max_length=16)
    lang: str = Field(max_length=8)
    year: int | None = None
    adopted_on: date | None = None
    meeting: int | None = None
    title: str = Field(default="", sa_type=Text)
    source: str = Field(default="", sa_type=Text)
    content_hash: str = Field(max_length=64)
    footnotes_json: str = Field(default="[]", sa_type=Text)
    warnings_json: str = Field(default="[]", sa_type=Text)
    imported_at: datetime = Field(sa_type=DateTime(timezone=True))


class LibraryParagraphRow(SQLModel, table=True):
    __tablename__ = "library_paragraphs"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="library_documents.id", ondelete="CASCADE", index=True)
    position: int
    symbol: str = Field(max_length=64)
    lang: str = Field(max_length=8)
    year: int | None = None
    kind: str = Field(max_length=8)
    number: int
    sub: str = Field(default="", max_length=16)
    part: str = Field(default="", max_length=64)  # "annex A", "section B" (migration 0008)
    lead: str = Field(default="", max_length=200)
    text: str = Field(sa_type=Text)
    footnotes_json: str = Field(default="[]", sa_type=Text)
    search_text: str = Field(default="", sa_type=Text)
