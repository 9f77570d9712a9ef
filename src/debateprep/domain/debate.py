"""A debate: the meeting everything else in debateprep belongs to."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, time
from typing import Any

from debateprep.i18n import N_, _, ordinal_suffix

DEFAULT_SESSIONS: tuple[tuple[str, str], ...] = (("10:00", "13:00"), ("15:00", "18:00"))


@dataclass
class DebateSettings:
    """How the meeting runs; stored as JSON with the debate."""

    sessions: list[tuple[str, str]] = field(default_factory=lambda: [tuple(s) for s in DEFAULT_SESSIONS])  # type: ignore[misc]
    default_limit_minutes: float = 5.0
    # per category of speaker, e.g. {"group": 7, "briefer": 10, "high-level": 5}
    limits_minutes: dict[str, float] = field(default_factory=dict)
    # The President's place. None: by the rule (a President inscribed at minister level or above
    # makes the national statement right after the briefers, S/PV.8699 and S/PV.8723; otherwise
    # last among members). True / False: this debate's override, either way, shown as one.
    president_first: bool | None = None
    president_delegation: str | None = None
    # The delegation preparing with this tool ("us"): the brief says when it speaks.
    our_delegation: str | None = None
    # Schedule: time for the President to call each speaker, and how far past a session's end
    # the President lets a statement run before suspending (S/PV.8699 ran 15 minutes over).
    changeover_seconds: int = 20
    grace_minutes: float = 5.0
    # The PRST draft the team works on (F5 and the brief show it); None: the most recent draft.
    prst_draft: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sessions"] = [list(s) for s in self.sessions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DebateSettings:
        data = dict(data or {})
        if "president_first" not in data and data.get("president_speaks_first") is True:
            # before the rule, "President first" was a flag that was off unless asked for: an
            # explicit yes is kept as an override; the stored default no follows the rule now
            data["president_first"] = True
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if "sessions" in known:
            known["sessions"] = [tuple(s) for s in known["sessions"]]
        return cls(**known)

    def session_times(self) -> list[tuple[time, time]]:
        return [(time.fromisoformat(a), time.fromisoformat(b)) for a, b in self.sessions]


@dataclass
class Debate:
    title: str
    id: int | None = None
    agenda_item: str | None = None
    meeting_number: int | None = None
    meeting_date: date | None = None
    presidency: str | None = None
    language: str = "en"
    concept_note_id: int | None = None
    settings: DebateSettings = field(default_factory=DebateSettings)
    version: int = 1

    @property
    def meeting_symbol(self) -> str | None:
        """The verbatim record of the meeting, e.g. S/PV.7109."""
        return f"S/PV.{self.meeting_number}" if self.meeting_number else None

    def label(self) -> str:
        """"#2 Protection of civilians (7109th meeting) 2014-02-12", in the interface language."""
        parts = [f"#{self.id}" if self.id else "", self.title]
        if self.meeting_number:
            parts.append(_(_MEETINGS[ordinal_suffix(self.meeting_number)]).format(n=self.meeting_number))
        if self.meeting_date:
            parts.append(self.meeting_date.isoformat())
        return " ".join(p for p in parts if p)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "agenda_item": self.agenda_item,
            "meeting_number": self.meeting_number,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "presidency": self.presidency,
            "language": self.language,
            "concept_note_id": self.concept_note_id,
            "settings": self.settings.to_dict(),
            "version": self.version,
        }


_MEETINGS = {"st": N_("({n}st meeting)"), "nd": N_("({n}nd meeting)"), "rd": N_("({n}rd meeting)"),
             "th": N_("({n}th meeting)")}
