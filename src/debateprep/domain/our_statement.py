"""Our delegation's statement at a debate: sections from the concept note, revisions, rehearsals.

A statement is a list of sections: the conventional opening, one per guiding question (its talking
points to expand, and the library paragraphs most relevant to the question, found when the section
was made), any the writer adds, and the closing. The writer may reorder, drop and add sections.
The delivered text is the sections' paragraphs in order; citations of inserted agreed language stay
in the text as footnote markers ("[^S/RES/2594 (2021), OP 4]"), which are not spoken and become
footnotes on export. Revisions keep the delivered paragraphs; the diff between two is the PRST
drafts' (`prst_diff`). Forms of the opening and closing live in `statement_forms`, the length
estimate in `delivery`, the check in `statement_check`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from debateprep.domain.delivery import FOOTNOTE_MARKER, LengthEstimate, Rates, estimate
from debateprep.domain.errors import InputError
from debateprep.domain.prst import Revision, parse_revision
from debateprep.domain.statement_forms import header_lines
from debateprep.i18n import N_, _

Language = Literal["en", "zh"]
SectionKind = Literal["opening", "question", "text", "closing"]
SECTION_KINDS: tuple[str, ...] = ("opening", "question", "text", "closing")
LimitSource = Literal["statement", "speakers list", "debate"]
# where the limit comes from, as the interface names it ("· limit from the speakers list")
LIMIT_SOURCE_NAMES: dict[str, str] = {"statement": N_("statement"), "speakers list": N_("speakers list"),
                                      "debate": N_("debate")}

_BLANK_LINES = re.compile(r"\n\s*\n")

# Headings of the sections the structure makes (the writer may rename them).
HEADINGS: dict[str, dict[str, str]] = {
    "en": {"opening": "Opening", "closing": "Closing", "text": "New section"},
    "zh": {"opening": "开场", "closing": "结束语", "text": "新的部分"},
}


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines; lines inside a paragraph are joined (no space between Chinese)."""
    out = []
    for chunk in _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            cjk_join = re.search(r"[\u3000-\u9fff\uff00-\uffef]$", joined) and re.match(r"[\u3000-\u9fff\uff00-\uffef]", line)
            joined += ("" if cjk_join else " ") + line
        out.append(joined)
    return out


@dataclass(frozen=True)
class Suggestion:
    """A library paragraph relevant to a section's question, ready to insert."""

    citation: str
    text: str
    similarity: float
    lang: str
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "citation": self.citation, "text": self.text,
                "similarity": round(self.similarity, 4), "lang": self.lang}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Suggestion:
        return cls(str(data["citation"]), str(data["text"]), float(data.get("similarity") or 0.0),
                   str(data.get("lang") or ""), data.get("id"))


@dataclass
class Section:
    kind: SectionKind
    heading: str
    text: str = ""
    question_id: int | None = None  # the guiding question this section answers
    question_label: str | None = None  # "Q5"
    question_text: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    id: int | None = None
    version: int = 1

    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.text)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "heading": self.heading,
            "text": self.text,
            "question": None if self.question_id is None else {
                "id": self.question_id, "label": self.question_label, "text": self.question_text},
            "suggestions": [s.to_json() for s in self.suggestions],
            "version": self.version,
        }


@dataclass(frozen=True)
class Rehearsal:
    """A read-aloud: how long it took against what the estimate said."""

    actual_seconds: int
    estimated_seconds: int
    units: int
    created_at: datetime | None = None
    id: int | None = None

    @property
    def rate(self) -> float | None:
        """Units per minute actually delivered."""
        return self.units / self.actual_seconds * 60 if self.actual_seconds > 0 and self.units else None

    def to_json(self) -> dict[str, Any]:
        return {"actual_seconds": self.actual_seconds, "estimated_seconds": self.estimated_seconds,
                "units": self.units, "rate_per_minute": None if self.rate is None else round(self.rate, 1),
                "created_at": self.created_at.isoformat() if self.created_at else None}


@dataclass(frozen=True)
class Footnote:
    number: int
    citation: str


@dataclass
class OurStatement:
    debate_id: int
    language: Language
    delegation: str  # who delivers it, in the statement's language ("China", "中国")
    on_behalf_of: str | None = None  # a group the statement is delivered for
    aligning: tuple[str, ...] = ()  # delegations that align themselves with it
    chair: str | None = None  # "madam" / "mister": how the President is addressed
    topic: str | None = None  # the debate's subject, in the statement's language
    meeting_date: date | None = None
    limit_minutes: float | None = None  # set by hand; otherwise the speakers list's / debate's
    rates: Rates = field(default_factory=Rates)
    sections: list[Section] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    rehearsals: list[Rehearsal] = field(default_factory=list)
    id: int | None = None
    version: int = 1
    # Resolved by the service when the statement is read (not stored with it):
    limit_seconds: int = 300
    limit_source: LimitSource = "debate"

    def limit_source_name(self) -> str:
        """Where the limit comes from, in the interface language."""
        return _(LIMIT_SOURCE_NAMES[self.limit_source])

    # text ------------------------------------------------------------------------------------

    def paragraphs(self) -> list[str]:
        """The delivered paragraphs, section after section (footnote markers kept)."""
        return [p for s in self.sections for p in s.paragraphs()]

    def text(self) -> str:
        return "\n\n".join(self.paragraphs())

    def estimate(self) -> LengthEstimate:
        return estimate(self.text(), self.language, self.limit_seconds, self.rates)

    def header(self) -> list[str]:
        return header_lines(self.language, speaker=self.delegation, group=self.on_behalf_of,
                            topic=self.topic, meeting_date=self.meeting_date)

    def footnotes(self) -> list[Footnote]:
        """Citations in the order their markers appear (a citation cited twice is one footnote)."""
        seen: dict[str, int] = {}
        for paragraph in self.paragraphs():
            for m in FOOTNOTE_MARKER.finditer(paragraph):
                seen.setdefault(m.group(1).strip(), len(seen) + 1)
        return [Footnote(n, c) for c, n in seen.items()]

    def section(self, number: int) -> Section:
        if not 1 <= number <= len(self.sections):
            raise InputError(None, _("no section {number}: the statement has {count} sections").format(
                number=number, count=len(self.sections)))
        return self.sections[number - 1]

    def section_by_id(self, section_id: int) -> Section:
        """The section with this id: ids stay while numbers move when someone adds, drops or
        moves a section."""
        for section in self.sections:
            if section.id == section_id:
                return section
        listed = ", ".join(f"id {s.id} (§{n} {s.heading})" for n, s in enumerate(self.sections, start=1))
        raise InputError(None, _("no section with id {section_id} in statement {statement_id}: its sections are {value}").format(
            section_id=section_id, statement_id=self.id, value=listed or 'none'))

    def section_number(self, section_id: int | None) -> int | None:
        return next((i for i, s in enumerate(self.sections, start=1) if s.id == section_id), None)

    # revisions -------------------------------------------------------------------------------

    def latest_revision(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None

    def revision(self, ref: str | int) -> Revision:
        number = parse_revision(ref)
        for rev in self.revisions:
            if rev.number == number:
                return rev
        known = ", ".join(r.label for r in self.revisions) or "none yet"
        raise InputError(None, _("no rev.{number} of this statement (revisions: {known})").format(
            number=number, known=known))

    def label(self) -> str:
        group = f" on behalf of {self.on_behalf_of}" if self.on_behalf_of else ""
        return f"#{self.id} {self.delegation}{group} ({self.language})"

    def to_json(self) -> dict[str, Any]:
        latest = self.latest_revision()
        return {
            "id": self.id,
            "debate_id": self.debate_id,
            "language": self.language,
            "delegation": self.delegation,
            "on_behalf_of": self.on_behalf_of,
            "aligning": list(self.aligning),
            "chair": self.chair,
            "topic": self.topic,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "header": self.header(),
            "limit": {"seconds": self.limit_seconds, "source": self.limit_source,
                      "minutes_set_by_hand": self.limit_minutes},
            "rates": self.rates.to_json(),
            "estimate": self.estimate().to_json(),
            "sections": [s.to_json() for s in self.sections],
            "footnotes": [{"number": f.number, "citation": f.citation} for f in self.footnotes()],
            "revisions": [r.label for r in self.revisions],
            "current_revision": latest.label if latest else None,
            "rehearsals": [r.to_json() for r in self.rehearsals],
            "version": self.version,
        }


def move(sections: Sequence[Section], source: int, target: int) -> list[Section]:
    """Section number `source` moved to number `target` (both 1-based)."""
    n = len(sections)
    for label, value in (("from", source), ("to", target)):
        if not 1 <= value <= n:
            raise InputError(None, _("section {label} {value} is out of range (the statement has {n} sections)").format(
                label=label, value=value, n=n))
    out = list(sections)
    out.insert(target - 1, out.pop(source - 1))
    return out


def citation_marker(citation: str) -> str:
    """The marker that keeps a citation with inserted text: "[^S/RES/2594 (2021), OP 4]"."""
    clean = " ".join(citation.replace("[", "(").replace("]", ")").split())
    return f"[^{clean}]"


def insert_paragraph(text: str, paragraph: str, at: int | None = None) -> str:
    """`text` with `paragraph` added as a paragraph of its own, at paragraph index `at` (0-based;
    None: at the end)."""
    paragraphs = [p for p in _BLANK_LINES.split(text.strip()) if p.strip()] if text.strip() else []
    index = len(paragraphs) if at is None else max(0, min(at, len(paragraphs)))
    paragraphs.insert(index, paragraph.strip())
    return "\n\n".join(p.strip() for p in paragraphs)
