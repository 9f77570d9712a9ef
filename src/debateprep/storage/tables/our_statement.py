"""Tables for our delegation's statement drafts (migration 0012)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class OurStatementRow(SQLModel, table=True):
    __tablename__ = "our_statements"

    id: int | None = Field(default=None, primary_key=True)
    debate_id: int = Field(foreign_key="debates.id", ondelete="CASCADE", index=True)
    language: str = Field(max_length=8)
    delegation: str = Field(max_length=300)
    on_behalf_of: str | None = Field(default=None, max_length=300)
    aligning_json: str = "[]"
    chair: str | None = Field(default=None, max_length=16)
    topic: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    meeting_date: date | None = None
    limit_minutes: float | None = None
    words_per_minute: float = 130.0
    characters_per_minute: float = 220.0
    created_at: datetime
    updated_at: datetime
    version: int = 1  # bumped by structural changes: sections added, removed, moved; settings; revise


class OurStatementSectionRow(SQLModel, table=True):
    __tablename__ = "our_statement_sections"

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="our_statements.id", ondelete="CASCADE", index=True)
    position: int
    kind: str = Field(max_length=16)
    heading: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    question_id: int | None = None  # a guiding question (questions.id); kept if the note is re-imported
    question_label: str | None = Field(default=None, max_length=16)
    question_text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    suggestions_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    version: int = 1  # bumped by every edit of this section


class OurStatementRevisionRow(SQLModel, table=True):
    __tablename__ = "our_statement_revisions"
    __table_args__ = (UniqueConstraint("statement_id", "number", name="uq_our_statement_revisions_number"),)

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="our_statements.id", ondelete="CASCADE", index=True)
    number: int
    paragraphs_json: str = Field(sa_column=Column(Text, nullable=False))
    note: str = ""
    created_at: datetime


class OurStatementRehearsalRow(SQLModel, table=True):
    __tablename__ = "our_statement_rehearsals"

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="our_statements.id", ondelete="CASCADE", index=True)
    actual_seconds: int
    estimated_seconds: int
    units: int
    created_at: datetime
