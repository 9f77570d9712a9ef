"""Table for speakers-list entries (migration 0002; withdrawn_from: 0013)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Text
from sqlmodel import Field, SQLModel

from debateprep.storage.tables import notes as _debates  # noqa: F401  (the debates table the FK names)


class SpeakerEntryRow(SQLModel, table=True):
    __tablename__ = "speaker_entries"
    # One active inscription per delegation (and group) per debate, even with two people editing:
    # migration 0002 makes that partial unique index (uq_speaker_entries_active, where status is not
    # 'withdrawn'). It is not declared here: its `postgresql_where` would load SQLAlchemy's
    # PostgreSQL dialect (~70 ms) in every command, on SQLite too; the schema comes from migrations.

    id: int | None = Field(default=None, primary_key=True)
    debate_id: int = Field(foreign_key="debates.id", ondelete="CASCADE", index=True)
    delegation: str = Field(max_length=300)
    delegation_code: str | None = Field(default=None, max_length=32)
    representative: str = Field(default="", max_length=300)
    title: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    level: str = Field(max_length=32)
    basis: str = Field(max_length=16)
    on_behalf_of: str | None = Field(default=None, max_length=200)
    status: str = Field(max_length=16)
    withdrawn_from: str | None = Field(default=None, max_length=16)  # migration 0013
    inscribed_at: datetime = Field(sa_type=DateTime(timezone=False))
    planned_minutes: float | None = None
    actual_seconds: int | None = None
    started_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=False))
    draw: int | None = None
    confirmed: bool = True
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    override_kind: str | None = Field(default=None, max_length=8)
    override_ref: int | None = None
    override_reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    source: str = Field(default="", max_length=300)
    dedupe_key: str = Field(max_length=400)
    version: int = 1
