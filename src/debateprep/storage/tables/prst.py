"""Tables for draft presidential statements (migration 0005)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class PrstDraftRow(SQLModel, table=True):
    __tablename__ = "prst_drafts"

    id: int | None = Field(default=None, primary_key=True)
    debate_id: int = Field(foreign_key="debates.id", ondelete="CASCADE", index=True)
    language: str = Field(max_length=8)
    agenda_item: str | None = None
    meeting_number: int | None = None
    meeting_date: date | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1  # bumped by structural changes: add, remove, move, order, revise
    updated_by: str | None = Field(default=None, max_length=100)  # who made the last structural change


class PrstParagraphRow(SQLModel, table=True):
    __tablename__ = "prst_paragraphs"

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(foreign_key="prst_drafts.id", ondelete="CASCADE", index=True)
    position: int
    text: str
    provenance_kind: str = Field(max_length=16)
    citation: str | None = Field(default=None, max_length=200)
    source_id: int | None = None
    supporters_json: str = "[]"
    source_text: str | None = None
    status: str = Field(default="unchecked", max_length=16)
    closest_citation: str | None = Field(default=None, max_length=200)
    closest_text: str | None = None
    similarity: float | None = None
    flags_json: str = "[]"  # [[code, message], …] raised by form conversion (migration 0008)
    edited_from_json: str | None = None  # the source a rewritten paragraph was edited from (migration 0012)
    version: int = 1  # bumped by every edit of this paragraph


class PrstParagraphVersionRow(SQLModel, table=True):
    """Every saved text of a paragraph (migration 0009): what a stale edit is compared with."""

    __tablename__ = "prst_paragraph_versions"
    __table_args__ = (UniqueConstraint("paragraph_id", "version", name="uq_prst_paragraph_versions_version"),)

    id: int | None = Field(default=None, primary_key=True)
    paragraph_id: int = Field(foreign_key="prst_paragraphs.id", ondelete="CASCADE", index=True)
    version: int
    text: str
    edited_by: str | None = Field(default=None, max_length=100)
    edited_at: datetime


class PrstRevisionRow(SQLModel, table=True):
    __tablename__ = "prst_revisions"
    __table_args__ = (UniqueConstraint("draft_id", "number", name="uq_prst_revisions_draft_number"),)

    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(foreign_key="prst_drafts.id", ondelete="CASCADE", index=True)
    number: int
    paragraphs_json: str
    paragraph_ids_json: str | None = None  # the paragraphs' ids, in order (migration 0012; None before it)
    note: str = ""
    created_at: datetime
