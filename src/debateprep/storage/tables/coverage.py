"""Table for the user's marks on coverage cells (migration 0011): a cell the tool got wrong, or a
delegation that addressed a question the tool missed. Marks survive re-computation and backups."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class CoverageMarkRow(SQLModel, table=True):
    __tablename__ = "coverage_marks"
    __table_args__ = (UniqueConstraint("debate_id", "delegation", "question_key", name="uq_coverage_marks_cell"),)

    id: int | None = Field(default=None, primary_key=True)
    debate_id: int = Field(foreign_key="debates.id", ondelete="CASCADE", index=True)
    delegation: str = Field(max_length=300)
    question_key: int  # the guiding question's id (a questions file: its number)
    question_text: str = Field(sa_column=Column(Text, nullable=False))  # as the user saw it
    mark: str = Field(max_length=20)  # "addressed" or "wrong"
    tool_covered: bool  # what the tool said when the user marked the cell
    passage: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    marked_at: datetime
    version: int = 1
