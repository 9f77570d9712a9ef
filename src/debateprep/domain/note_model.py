"""What a concept note is once read: the note, its sections, guiding questions, briefers and
outcome, and the summaries the stores hand out. Kept apart from the parser (concept_note.py,
briefers.py) so that listing or showing notes never compiles the parser's patterns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from debateprep.domain.organizations import ORGANIZATIONS
from debateprep.i18n import N_, _

Language = Literal["zh", "en"]

OutcomeKind = Literal["presidential statement", "resolution", "summary", "none", "unknown"]
# How each kind is shown (msgids: translated where shown); the kinds themselves are data (JSON).
OUTCOME_LABELS: dict[str, str] = {"presidential statement": N_("presidential statement"),
                                  "resolution": N_("resolution"), "summary": N_("summary"), "none": N_("none"),
                                  "unknown": N_("unknown")}


@dataclass
class Briefer:
    name: str | None
    title: str | None
    organization: str | None

    @property
    def acronym(self) -> str | None:
        return ORGANIZATIONS.get(self.organization or "")

    def label(self) -> str:
        """"Valerie Amos, Under-Secretary-General …" / "Representative, 维持和平行动部 (DPKO)"."""
        org = self.organization
        if org and self.acronym:
            org = f"{org} ({self.acronym})"
        return ", ".join(p for p in (self.name, self.title, org) if p)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "organization": self.organization}


@dataclass
class Outcome:
    kind: OutcomeKind
    evidence: str | None  # the sentence the kind was read from

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "evidence": self.evidence}


@dataclass
class Section:
    heading: str  # without its number
    level: int  # 1 = top level
    number: str | None = None  # "1.", "I.", "(a)", "一、" as written
    roles: tuple[str, ...] = ()  # background, developments, challenges, questions, briefers, outcome …
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Provenance:
    """Where a question came from: the section, the bullet (1-based) and the piece in it."""

    section: str | None
    bullet: int | None
    item: int | None
    bullet_text: str | None = None

    def describe(self) -> str:
        """Where it came from, in the interface language ("“Issues”, bullet 2, item 1")."""
        if self.bullet is None:
            return _("added by hand")
        if self.section:
            return _("“{section}”, bullet {bullet}, item {item}").format(
                section=self.section, bullet=self.bullet, item=self.item)
        return _("bullet {bullet}, item {item}").format(bullet=self.bullet, item=self.item)


@dataclass
class Question:
    text: str  # current wording (the original piece, tidied, until someone edits it)
    original: str | None  # the piece exactly as written in the note (None: added by hand)
    topic: bool  # not phrased as a question
    section: str | None
    position: int  # 1-based order in the list
    provenance: Provenance
    question_form: str | None = None  # a question offered for a topic (or the question itself)
    id: int | None = None  # set once stored
    version: int = 1  # optimistic concurrency for edits

    @property
    def edited(self) -> bool:
        from debateprep.domain.questions import clean_item  # the parser: loaded when asked

        return self.original is not None and self.text != clean_item(self.original)

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape (CLI contract)."""
        return {"text": self.text, "topic": self.topic, "section": self.section}


@dataclass
class Signatory:
    name: str | None
    titles: list[str] = field(default_factory=list)


@dataclass
class ConceptNote:
    language: Language
    title: str | None = None  # the annex title ("Concept note for the … open debate on …")
    focus: str | None = None  # the annex sub-title, when there is one
    topic: str | None = None  # the theme as quoted in the letter
    symbol: str | None = None
    presidency: str | None = None
    sender: str | None = None
    addressee: str | None = None
    signatory: Signatory | None = None
    letter_title: str | None = None
    letter_date: date | None = None
    meeting_date: date | None = None
    sections: list[Section] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    briefers: list[Briefer] = field(default_factory=list)
    outcome: Outcome = field(default_factory=lambda: Outcome("unknown", None))
    cited_documents: list[str] = field(default_factory=list)
    speaking_limit_minutes: float | None = None  # "statements will be limited to four minutes"

    def to_json(self, note_id: int | None = None) -> dict[str, Any]:
        """The object `debateprep import --json` and `show --json` print (issue 2 contract)."""
        return {
            "id": note_id,
            "symbol": self.symbol,
            "language": self.language,
            "presidency": self.presidency,
            "letter_date": self.letter_date.isoformat() if self.letter_date else None,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "title": self.title,
            "sections": [{"heading": s.heading, "level": s.level} for s in self.sections if s.heading],
            "questions": [q.to_json() for q in self.questions],
            "themes": list(self.themes),
            "briefers": [b.to_json() for b in self.briefers],
            "outcome": self.outcome.to_json(),
            "cited_documents": list(self.cited_documents),
            "speaking_limit_minutes": self.speaking_limit_minutes,
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, for storage (round-trips through `from_dict`)."""
        data = asdict(self)
        data["letter_date"] = self.letter_date.isoformat() if self.letter_date else None
        data["meeting_date"] = self.meeting_date.isoformat() if self.meeting_date else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConceptNote:
        data = dict(data)
        for key in ("letter_date", "meeting_date"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        data["sections"] = [Section(**{**s, "roles": tuple(s.get("roles", ()))}) for s in data.get("sections", [])]
        data["questions"] = [
            Question(**{**q, "provenance": Provenance(**q["provenance"])}) for q in data.get("questions", [])
        ]
        data["briefers"] = [Briefer(**b) for b in data.get("briefers", [])]
        data["outcome"] = Outcome(**data["outcome"]) if data.get("outcome") else Outcome("unknown", None)
        data["signatory"] = Signatory(**data["signatory"]) if data.get("signatory") else None
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class NoteSummary:
    """One line of `debateprep notes`."""

    id: int
    symbol: str | None
    language: str
    title: str | None
    presidency: str | None
    letter_date: date | None
    meeting_date: date | None
    question_count: int
    source_name: str
    imported_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "symbol": self.symbol,
            "language": self.language,
            "title": self.title,
            "presidency": self.presidency,
            "letter_date": self.letter_date.isoformat() if self.letter_date else None,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "questions": self.question_count,
            "source": self.source_name,
            "imported_at": self.imported_at.isoformat(),
        }


@dataclass
class StoredNote:
    """An imported note: the parse as stored, with the guiding questions as edited since."""

    id: int
    note: ConceptNote
    source_name: str
    imported_at: datetime
    text: str  # normalised text
    original: str  # text as extracted from the file

    def to_json(self) -> dict[str, Any]:
        return self.note.to_json(self.id)
