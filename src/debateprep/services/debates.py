"""Use cases for debates (create, list, show, change settings).

Who presides is checked against the Council of the debate's year (the roster's council.toml):
the President is always a Council member, so setting another State is refused in one line; when
the roster has no composition for that year the check cannot be made, and `presidency_problem`
says which year's roster is missing (the front ends show it as a warning, as they do for a stored
President that a new date, or a concept note, put outside the year's Council).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from debateprep.domain.debate import Debate, DebateSettings
from debateprep.domain.errors import InputError, NotFound
from debateprep.i18n import _
from debateprep.storage.db import Database
from debateprep.storage.repos import app_settings
from debateprep.storage.repos import debates as repo

if TYPE_CHECKING:
    from debateprep.domain.roster import Roster

# The fields that set who presides. A new date alone is not refused when the stored President does
# not sit on that year's Council (a past debate rehearsed today): `presidency_problem` says so.
_PRESIDENCY_FIELDS = ("presidency", "president_delegation")


class DebateService:
    def __init__(self, db: Database, roster: Roster | None = None) -> None:
        self.db = db
        self._roster = roster

    @property
    def roster(self) -> Roster:
        if self._roster is None:
            from debateprep.domain.roster import Roster

            self._roster = Roster.load()
        return self._roster

    def presidency_problem(self, debate: Debate) -> tuple[str, bool] | None:
        """What is wrong with who presides `debate` (its presidency, and the President its settings
        name), checked against the Council of its year, as (one line, refused); None when nothing
        is wrong, or nothing can be checked (no date, no presidency)."""
        if debate.meeting_date is None:
            return None
        names = (debate.settings.president_delegation, debate.presidency)
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            problem = self.roster.president_problem(name, debate.meeting_date.year)
            if problem is not None:
                return problem
        return None

    def _check_presidency(self, debate: Debate) -> None:
        problem = self.presidency_problem(debate)
        if problem is not None and problem[1]:
            raise InputError(None, problem[0])

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
        self._check_presidency(debate)
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

    def chosen(self) -> int | None:
        """The debate `use` made current, while it exists (None: none chosen, or since deleted)."""
        with self.db.session() as s:
            value = app_settings.get(s, app_settings.CURRENT_DEBATE)
            if value is None or not value.isdigit():
                return None
            return int(value) if repo.exists(s, int(value)) else None

    def current(self) -> Debate | None:
        """The current debate: the one `use` chose, else the most recent one (None: no debate).
        It is the database's, so the whole team shares it, as it shares the debates."""
        chosen = self.chosen()
        return self.get(chosen) if chosen is not None else self.latest()

    def use(self, ref: int | str | None) -> Debate | None:
        """Make debate `ref` the current one, for every command that is not given a debate;
        None: no choice, the most recent debate is current again. Returns the current debate."""
        debate = None if ref in (None, "") else self._by_id(ref)
        with self.db.transaction() as s:
            app_settings.put(s, app_settings.CURRENT_DEBATE, None if debate is None else str(debate.id))
        return debate if debate is not None else self.latest()

    def resolve(self, ref: int | str | None) -> Debate:
        """A debate by id; with no id, the current one (`use`, else the most recent)."""
        if ref in (None, ""):
            debate = self.current()
            if debate is None:
                raise NotFound(_("no debate yet: import a concept note or run `debateprep debate new`"))
            return debate
        return self._by_id(ref)

    def _by_id(self, ref: int | str) -> Debate:
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
            saved = repo.update(s, updated)  # a stale edit is refused as such first
            if any(k in _PRESIDENCY_FIELDS for k in (*changes, *settings_changes)):
                self._check_presidency(saved)  # refused: the transaction rolls back
            return saved
