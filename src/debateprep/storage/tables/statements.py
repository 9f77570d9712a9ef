"""Table for statements (migration 0004): one row per speech or written statement of a debate."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class StatementRow(SQLModel, table=True):
    __tablename__ = "statements"
    __table_args__ = (UniqueConstraint("debate_id", "source", name="uq_statements_debate_source"),)

    id: int | None = Field(default=None, primary_key=True)
    debate_id: int = Field(foreign_key="debates.id", ondelete="CASCADE", index=True)
    position: int
    source: str = Field(max_length=500)
    record: str | None = Field(default=None, max_length=100)
    header: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    speaker: str | None = Field(default=None, max_length=300)
    delegation: str | None = Field(default=None, max_length=300)
    delegation_code: str | None = Field(default=None, max_length=32, index=True)
    kind: str = Field(max_length=20)
    mapped_by: str | None = Field(default=None, max_length=20)
    suggestion: str | None = Field(default=None, max_length=300)
    language: str = Field(max_length=8)
    spoken_language: str | None = Field(default=None, max_length=20)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64)
    speakers_entry_id: int | None = None
    imported_at: datetime
    version: int = 1
