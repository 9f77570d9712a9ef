"""A draft presidential statement (PRST): chapeau, paragraphs with provenance, order, revisions.

The chapeau follows the Council's forms exactly (see shared DOMAIN.md); paragraphs are quoted the
PRST way: each opens with a quotation mark and only the last one closes. Form conversion of single
paragraphs lives in `prst_form`; the word-level diff between revisions in `prst_diff`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

from debateprep.domain.errors import InputError
from debateprep.domain.prst_form import CATEGORY_NAMES, Flag, category_of, zh_subject
from debateprep.i18n import _, ngettext

Language = Literal["en", "zh"]
LANGUAGES: tuple[str, ...] = ("en", "zh")
ProvenanceKind = Literal["group", "library", "typed"]
Status = Literal["agreed", "new", "unchecked"]

# Agenda items the Council uses often, English <-> Chinese (official UN Chinese titles).
AGENDA_ITEMS: dict[str, str] = {
    "Protection of civilians in armed conflict": "武装冲突中保护平民",
    "Maintenance of international peace and security": "维护国际和平与安全",
    "United Nations peacekeeping operations": "联合国维持和平行动",
    "Children and armed conflict": "儿童与武装冲突",
    "Women and peace and security": "妇女与和平与安全",
    "Threats to international peace and security caused by terrorist acts": "恐怖行为对国际和平与安全造成的威胁",
    "Post-conflict peacebuilding": "冲突后建设和平",
    "Peacebuilding and sustaining peace": "建设和平与保持和平",
    "Non-proliferation of weapons of mass destruction": "不扩散大规模毁灭性武器",
    "Threats to international peace and security": "对国际和平与安全的威胁",
    "Small arms": "小武器",
    "Youth and peace and security": "青年与和平与安全",
}

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
QUOTES: dict[str, tuple[str, str]] = {"en": ('"', '"'), "zh": ("“", "”")}


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise InputError(None, _("language must be en or zh, not {language!r}").format(language=language))
    return language


def ordinal(n: int) -> str:
    """7109 -> '7109th', 7101 -> '7101st', 7112 -> '7112th'."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def translate_item(item: str | None, language: str) -> str | None:
    """The agenda item in `language` when it is a known one; otherwise unchanged."""
    if not item:
        return item
    key = item.strip().strip('"“”')
    if language == "zh":
        for en, zh in AGENDA_ITEMS.items():
            if key.lower() == en.lower():
                return zh
    else:
        for en, zh in AGENDA_ITEMS.items():
            if key == zh:
                return en
    return key


def chapeau(meeting_number: int | None, meeting_date: date | None, agenda_item: str | None, language: str) -> str:
    """The opening sentence; unknown parts appear as bracketed placeholders for the drafter."""
    item = (agenda_item or "").strip().strip('"“”')
    if language == "zh":
        when = f"{meeting_date.year}年{meeting_date.month}月{meeting_date.day}日" if meeting_date else "[日期]"
        number = str(meeting_number) if meeting_number else "[xxxx]"
        return (
            f"安全理事会主席在{when}安全理事会第{number}次会议上，就安理会审议的题为"
            f"“{item or '[项目]'}”的项目，代表安理会发表声明如下："
        )
    when = f"{meeting_date.day} {_MONTHS_EN[meeting_date.month - 1]} {meeting_date.year}" if meeting_date else "[date]"
    number = ordinal(meeting_number) if meeting_number else "[xxxx]th"
    return (
        f"At the {number} meeting of the Security Council, held on {when}, in connection with the "
        f"Council's consideration of the item entitled \"{item or '[item]'}\", the President of the "
        f"Security Council made the following statement on behalf of the Council:"
    )


def quote_paragraphs(texts: Sequence[str], language: str) -> list[str]:
    """PRST quoting: every paragraph opens with a quotation mark; only the last one closes."""
    opening, closing = QUOTES[language]
    out = [opening + t for t in texts]
    if out:
        out[-1] += closing
    return out


def position_subjects(texts: Sequence[str], language: str) -> list[str]:
    """Chinese: 安全理事会 opens the first paragraph, 安理会 the others (English is unchanged)."""
    if language != "zh":
        return list(texts)
    return [zh_subject(t, first=(i == 0)) for i, t in enumerate(texts)]


@dataclass(frozen=True)
class Provenance:
    """Where a paragraph came from: a convergence group, agreed language, or the drafter's keyboard.

    A paragraph the drafter rewrote is typed text (`source_text`: what they typed, before form
    conversion); where it came from before that is kept in `edited_from` (never itself edited: a
    paragraph rewritten twice is still "edited from" its first source)."""

    kind: ProvenanceKind = "typed"
    citation: str | None = None  # "S/RES/2594 (2021), OP 4" for agreed language
    source_id: int | None = None  # convergence-group id or library paragraph id
    supporters: tuple[str, ...] = ()  # delegations behind a convergence group
    source_text: str | None = None  # the text as it came in, before form conversion
    edited_from: Provenance | None = None  # the source the drafter's rewrite started from

    def edited(self, typed: str) -> Provenance:
        """The provenance after the drafter rewrote the paragraph as `typed`: typed text, edited from
        the first source that was not the drafter's keyboard (none when it always was)."""
        origin = self.edited_from or (self if self.kind != "typed" else None)
        return Provenance("typed", source_text=typed.strip(), edited_from=origin)

    def describe(self) -> str:
        """Where the paragraph came from, in the interface language."""
        if self.edited_from is not None:
            return _("edited by the drafter from {origin}").format(origin=self.edited_from.describe())
        if self.kind == "library":
            return _("agreed language: {citation}").format(citation=self.citation or _("library paragraph"))
        if self.kind == "group":
            who = _(", ").join(self.supporters) if self.supporters else _("no supporters recorded")
            ref = f" #{self.source_id}" if self.source_id is not None else ""
            return ngettext("convergence group{ref} ({count} delegation: {who})",
                            "convergence group{ref} ({count} delegations: {who})", len(self.supporters)).format(
                ref=ref, count=len(self.supporters), who=who)
        return _("typed by the drafter")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "citation": self.citation,
            "source_id": self.source_id,
            "supporters": list(self.supporters),
            "source_text": self.source_text,
            "edited_from": self.edited_from.to_json() if self.edited_from is not None else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Provenance:
        data = data or {}
        origin = data.get("edited_from")
        return cls(
            kind=data.get("kind", "typed"),
            citation=data.get("citation"),
            source_id=data.get("source_id"),
            supporters=tuple(data.get("supporters") or ()),
            source_text=data.get("source_text"),
            edited_from=cls.from_json(origin) if origin else None,
        )


@dataclass
class Paragraph:
    text: str
    provenance: Provenance = field(default_factory=Provenance)
    id: int | None = None
    status: Status = "unchecked"
    closest_citation: str | None = None  # nearest library paragraph found by the check
    closest_text: str | None = None
    similarity: float | None = None  # 0..1 against closest_citation
    version: int = 1
    flags: tuple[Flag, ...] = ()  # what the drafter must review (from form conversion and the check)

    @property
    def category(self) -> int:
        return category_of(self.text)

    def flag_summary(self) -> str:
        """"review: …; …" for lists, "" when nothing is flagged."""
        return _("review: {reasons}").format(reasons="; ".join(f.message for f in self.flags)) if self.flags else ""

    @property
    def mark(self) -> str:
        """A one-word mark for lists: agreed / NEW / ? (in the interface language)."""
        return {"agreed": _("agreed"), "new": _("NEW")}.get(self.status, "?")

    def check_summary(self) -> str:
        if self.status == "unchecked":
            return _("not checked against the library yet")
        near = (
            _("closest {citation} ({similarity})").format(citation=self.closest_citation,
                                                          similarity=f"{self.similarity:.0%}")
            if self.closest_citation and self.similarity is not None
            else _("no close paragraph in the library")
        )
        return (_("agreed language; {near}") if self.status == "agreed" else _("new language; {near}")).format(near=near)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "category": CATEGORY_NAMES[self.category],
            "status": self.status,
            "closest_citation": self.closest_citation,
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "provenance": self.provenance.to_json(),
            "flags": [f.to_json() for f in self.flags],
            "version": self.version,
        }


@dataclass(frozen=True)
class Revision:
    """A circulated state of the draft: rev.1, rev.2 …"""

    number: int
    paragraphs: tuple[str, ...]
    created_at: datetime | None = None
    note: str = ""
    id: int | None = None
    # the id of each paragraph as circulated (what a diff matches paragraphs by); empty for a
    # revision stored before ids were kept, whose paragraphs are matched by wording
    paragraph_ids: tuple[int | None, ...] = ()

    @property
    def label(self) -> str:
        return f"rev.{self.number}"


@dataclass
class Draft:
    debate_id: int
    language: Language
    agenda_item: str | None = None
    meeting_number: int | None = None
    meeting_date: date | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    id: int | None = None
    version: int = 1

    @property
    def chapeau(self) -> str:
        return chapeau(self.meeting_number, self.meeting_date, self.agenda_item, self.language)

    def texts(self) -> list[str]:
        """Paragraph texts as they read at their current positions."""
        return position_subjects([p.text for p in self.paragraphs], self.language)

    def quoted(self) -> list[str]:
        return quote_paragraphs(self.texts(), self.language)

    def statement(self) -> str:
        """The clean statement: chapeau, then the quoted paragraphs, blank line between."""
        return "\n\n".join([self.chapeau, *self.quoted()])

    def numbered(self) -> list[str]:
        """For negotiation: 'para 1', 'para 2' … ahead of each paragraph."""
        return [f"{i}. {t}" for i, t in enumerate(self.texts(), start=1)]

    def latest_revision(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None

    def revision(self, ref: str | int) -> Revision:
        number = parse_revision(ref)
        for rev in self.revisions:
            if rev.number == number:
                return rev
        known = ", ".join(r.label for r in self.revisions) or "none yet"
        raise InputError(None, _("no rev.{number} of this draft (revisions: {known})").format(
            number=number, known=known))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "debate_id": self.debate_id,
            "language": self.language,
            "agenda_item": self.agenda_item,
            "meeting_number": self.meeting_number,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "chapeau": self.chapeau,
            "paragraphs": [
                {**p.to_json(), "number": i, "text": t}
                for i, (p, t) in enumerate(zip(self.paragraphs, self.texts(), strict=True), start=1)
            ],
            "revisions": [r.label for r in self.revisions],
            "version": self.version,
        }


@dataclass(frozen=True)
class Sent:
    """What sending a paragraph to a debate's draft did: the draft (started for it when `started`)
    and the paragraph added."""

    draft: Draft
    paragraph: Paragraph
    started: bool

    def describe(self, what: str) -> str:
        """What was done, for the user: `what` (in the interface language) names what was sent."""
        number = next((i for i, p in enumerate(self.draft.paragraphs, start=1) if p.id == self.paragraph.id), 0)
        if self.started:
            text = _("{what}: added as paragraph {number} of PRST draft #{draft} (started for it), in PRST form.")
        else:
            text = _("{what}: added as paragraph {number} of PRST draft #{draft}, in PRST form.")
        return text.format(what=what, number=number, draft=self.draft.id)


def parse_revision(ref: str | int) -> int:
    """'rev.2', 'rev2', '2' or 2 -> 2."""
    if isinstance(ref, int):
        number = ref
    else:
        raw = ref.strip().lower().removeprefix("rev").lstrip(". ")
        if not raw.isdigit():
            raise InputError(None, _("not a revision: {ref!r} (use rev.1, rev.2 …)").format(ref=ref))
        number = int(raw)
    if number < 1:
        raise InputError(None, _("revisions start at rev.1, not {ref!r}").format(ref=ref))
    return number


# Ordering ------------------------------------------------------------------------------------


def conventional_order(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Stable sort by category: reaffirm/recall -> concern/condemn -> stress -> welcome -> request."""
    return sorted(paragraphs, key=lambda p: p.category)


def insertion_index(paragraphs: Sequence[Paragraph], category: int) -> int:
    """Where a new paragraph of `category` goes: after the last one of the same or an earlier category."""
    index = 0
    for i, p in enumerate(paragraphs):
        if p.category <= category:
            index = i + 1
    return index


def move_to(items: Sequence[Paragraph], paragraph_id: int, target: int) -> list[Paragraph]:
    """Move the paragraph with id `paragraph_id` to number `target` (1-based, as numbered now)."""
    n = len(items)
    if not 1 <= target <= n:
        raise InputError(None, _("position {target} is out of range (the draft has {n} paragraphs)").format(
            target=target, n=n))
    index = next((i for i, p in enumerate(items) if p.id == paragraph_id), None)
    if index is None:
        raise InputError(None, _("no paragraph id {paragraph_id} in this draft").format(paragraph_id=paragraph_id))
    out = list(items)
    out.insert(target - 1, out.pop(index))
    return out


def with_texts(paragraphs: Sequence[Paragraph], texts: Sequence[str]) -> list[Paragraph]:
    return [replace(p, text=t) for p, t in zip(paragraphs, texts, strict=True)]
