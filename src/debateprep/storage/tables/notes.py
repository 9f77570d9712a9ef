"""Tables for debates, concept notes and guiding questions (migration 0001)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel


class ConceptNoteRow(SQLModel, table=True):
    __tablename__ = "concept_notes"

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True, max_length=64)
    source_name: str
    symbol: str | None = None
    language: str
    title: str | None = None
    presidency: str | None = None
    letter_date: date | None = None
    meeting_date: date | None = None
    original_text: str
    text: str
    data_json: str
    imported_at: datetime = Field(sa_type=DateTime(timezone=True))


class QuestionRow(SQLModel, table=True):
    __tablename__ = "questions"

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="concept_notes.id", ondelete="CASCADE", index=True)
    position: int
    source_position: int | None = None
    text: str
    original: str | None = None
    question_form: str | None = None
    topic: bool = False
    section: str | None = None
    provenance: str | None = None
    version: int = 1


class DebateRow(SQLModel, table=True):
    __tablename__ = "debates"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    agenda_item: str | None = None
    meeting_number: int | None = None
    meeting_date: date | None = None
    presidency: str | None = None
    language: str = "en"
    concept_note_id: int | None = Field(default=None, foreign_key="concept_notes.id", ondelete="SET NULL")
    settings_json: str = "{}"
    created_at: datetime = Field(sa_type=DateTime(timezone=True))
    version: int = 1
