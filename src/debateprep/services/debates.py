"""Use cases for debates (create, list, show, change settings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from debateprep.domain.debate import Debate, DebateSettings
from debateprep.domain.errors import InputError, NotFound
from debateprep.i18n import _
from debateprep.storage.db import Database
from debateprep.storage.repos import debates as repo


class DebateService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self,
        title: str,
        *,
        agenda_item: str | None = None,
        meeting_number: int | None = None,
        meeting_date: date | None = None,
        presidency: str | None = None,
        language: str = "en",
        concept_note_id: int | None = None,
        settings: DebateSettings | None = None,
    ) -> Debate:
        if not title.strip():
            raise InputError(None, _("a debate needs a title"))
        debate = Debate(
            title=title.strip(),
            agenda_item=agenda_item,
            meeting_number=meeting_number,
            meeting_date=meeting_date,
            presidency=presidency,
            language=language,
            concept_note_id=concept_note_id,
            settings=settings or DebateSettings(),
        )
        with self.db.transaction() as s:
            return repo.add(s, debate)

    def get(self, debate_id: int) -> Debate:
        with self.db.session() as s:
            return repo.get(s, debate_id)

    def list(self) -> list[Debate]:
        with self.db.session() as s:
            return repo.list_all(s)

    def latest(self) -> Debate | None:
        debates = self.list()
        return debates[-1] if debates else None

    def resolve(self, ref: int | str | None) -> Debate:
        """A debate by id; with no id, the most recent one."""
        if ref in (None, ""):
            debate = self.latest()
            if debate is None:
                raise NotFound(_("no debate yet: import a concept note or run `debateprep debate new`"))
            return debate
        try:
            return self.get(int(ref))
        except ValueError:
            raise InputError(None, _("debate must be a number, not {ref!r}").format(ref=ref)) from None

    def update(self, debate: Debate, **changes: Any) -> Debate:
        """Apply `changes` to the version the caller read; StaleEdit if it moved on."""
        settings_changes = {k: changes.pop(k) for k in list(changes) if k in DebateSettings.__dataclass_fields__}
        updated = replace(debate, **changes)
        if settings_changes:
            updated.settings = replace(debate.settings, **settings_changes)
        with self.db.transaction() as s:
            return repo.update(s, updated)
