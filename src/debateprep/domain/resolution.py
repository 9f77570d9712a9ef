"""Adopted Security Council text: resolutions and presidential statements, paragraph by paragraph.

`AdoptedDocument` holds the metadata (symbol, adoption date, meeting, title, language) and its
`Paragraph`s: preambular (PP, running number), operative (OP, numbered), sub-paragraphs
((a), (b) … carried as rows of their parent's kind and number with `sub` set), presidential-
statement paragraphs (kind "para") and paragraphs of an annex, appendix or attachment (kind
"annex", `part` naming it: "annex A"), which are text the Council adopted but neither PPs nor OPs
("S/RES/1454 (2002), annex B, para. 3"). `parse_adopted` (in `resolution_parse`) builds one from text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from debateprep.domain.leads import LEADS, Lead, leads, match_lead

__all__ = [
    "AdoptedDocument",
    "Footnote",
    "Paragraph",
    "LEADS",
    "Lead",
    "leads",
    "match_lead",
    "PP",
    "OP",
    "PARA",
    "ANNEX",
    "parse_citation",
    "RESOLUTION",
    "PRST",
    "parse_adopted",
]

PP, OP, PARA, ANNEX = "PP", "OP", "para", "annex"
RESOLUTION, PRST = "resolution", "prst"
KINDS = (PP, OP, PARA, ANNEX)


@dataclass(frozen=True)
class Footnote:
    mark: str  # "1", "22"
    text: str  # the note's text, "" when the source lost it


@dataclass(frozen=True)
class Paragraph:
    symbol: str  # of the document: "S/RES/2594 (2021)"
    kind: str  # PP | OP | para
    number: int  # PP running number, OP number, PRST paragraph number
    text: str  # the paragraph as adopted, without its number or sub-paragraph marker
    lead: str = ""  # opening verb or phrase: "Decides", "表示严重关切"; "" when unknown
    sub: str = ""  # sub-paragraph marker without brackets: "a", "ii"; "" for the paragraph itself
    footnotes: tuple[Footnote, ...] = ()
    lang: str = ""
    # where in the document, when the kind and number alone do not say: annex paragraphs
    # ("annex", "annex A", "annex II, appendix 1", "attachment"); the sections of a resolution
    # whose operative numbering starts again in each ("section B")
    part: str = ""

    @property
    def label(self) -> str:
        """"OP 4 (a)", "PP 3", "para 2"; "annex A, para. 3" (its title: "annex A, title");
        "section B, OP 2"."""
        if self.kind == ANNEX:
            base = f"{self.part or 'annex'}, " + (self._opening() if self.number == 0 else f"para. {self.number}")
        else:
            base = f"{self.part}, {self.kind} {self.number}" if self.part else f"{self.kind} {self.number}"
        return f"{base} ({self.sub})" if self.sub else base

    def _opening(self) -> str:
        """Number 0 of an annex: its title, or the text that introduces its numbered paragraphs."""
        return "opening" if self.text.rstrip().endswith((":", ";", ".", "：", "；", "。")) else "title"

    @property
    def citation(self) -> str:
        """"S/RES/2594 (2021), OP 4" — how negotiators cite agreed language."""
        return f"{self.symbol}, {self.label}"


@dataclass(frozen=True)
class AdoptedDocument:
    symbol: str
    kind: str  # RESOLUTION | PRST
    lang: str  # "en" | "zh"
    paragraphs: tuple[Paragraph, ...]
    adopted_on: date | None = None
    meeting: int | None = None
    title: str = ""  # heading or agenda item, when the text gives one
    footnotes: tuple[Footnote, ...] = ()  # notes not tied to one paragraph
    warnings: tuple[str, ...] = field(default=(), compare=False)  # what the parser doubts
    source: str = ""  # file it came from
    # Why the text is not, by its own evidence, an adopted resolution or presidential statement
    # (a speech, a symbol only quoted in running text, no Council form); "" when it is one, and
    # when no symbol was found at all (the text is refused for that).
    not_adopted: str = field(default="", compare=False)

    @property
    def year(self) -> int | None:
        return symbol_year(self.symbol) or (self.adopted_on.year if self.adopted_on else None)

    def count(self, kind: str) -> int:
        """Number of paragraphs of `kind`, sub-paragraphs not counted."""
        return sum(1 for p in self.paragraphs if p.kind == kind and not p.sub)

    def paragraph(self, kind: str, number: int, sub: str = "") -> Paragraph:
        for p in self.paragraphs:
            if p.kind == kind and p.number == number and p.sub == sub:
                return p
        raise KeyError(f"{self.symbol} has no {kind} {number}{f' ({sub})' if sub else ''}")

    def subparagraphs(self, parent: Paragraph) -> tuple[Paragraph, ...]:
        return tuple(
            p
            for p in self.paragraphs
            if p.sub and p.kind == parent.kind and p.number == parent.number
        )


@dataclass(frozen=True)
class Citation:
    """A parsed citation of one adopted paragraph."""

    symbol: str
    kind: str
    number: int
    sub: str = ""
    part: str = ""


_CITATION = re.compile(
    r"^\s*(?P<symbol>S/(?:RES/\d+\s*\(\d{4}\)|RES/\d+|PRST/\d{4}/\d+))\s*,?\s*"
    r"(?:(?:section\s+(?P<section>[A-I]|[IVX]{1,4})\s*,?\s*)?(?P<kind>PP|OP|para\.?)\s*(?P<number>\d+)"
    r"|(?P<part>(?:annex|appendix|attachment|enclosure|article)(?:\s+(?:[IVXL]{1,6}|\d{1,2}|[A-Z]))?"
    r"(?:\s*,\s*(?:appendix|attachment|enclosure)(?:\s+(?:[IVXL]{1,6}|\d{1,2}|[A-Z]))?)?)"
    r"\s*,?\s*(?:(?:para(?:graph)?\.?\s*(?P<pnumber>\d+))|(?P<title>title|opening)))"
    r"\s*(?:\((?P<sub>[a-z]{1,2}(?:\.[ivx]+)?|[ivx]+|\d+)\))?\s*$",
    re.IGNORECASE,
)


def parse_citation(text: str) -> Citation | None:
    """"S/RES/2594 (2021), OP 4", "… OP 4 (a)", "S/PRST/2014/3, para 2",
    "S/RES/1454 (2002), annex B, para. 3" -> Citation; None if `text` is not one."""
    m = _CITATION.match(text)
    if m is None:
        return None
    symbol = re.sub(r"\s*\(", " (", m.group("symbol"))
    sub = (m.group("sub") or "").lower()
    if m.group("part"):
        words = [w.strip() for w in m.group("part").split(",")]
        part = ", ".join(
            w.split()[0].lower() + (f" {w.split()[1].upper()}" if len(w.split()) > 1 else "") for w in words
        )
        number = 0 if m.group("title") else int(m.group("pnumber"))
        return Citation(symbol, ANNEX, number, sub, part)
    kind = m.group("kind").rstrip(".")
    kind = PARA if kind.lower() == "para" else kind.upper()
    section = f"section {m.group('section').upper()}" if m.group("section") else ""
    return Citation(symbol, kind, int(m.group("number")), sub, section)


def symbol_year(symbol: str) -> int | None:
    """The year a resolution or PRST symbol carries: S/RES/2594 (2021) -> 2021, S/PRST/2014/3 -> 2014."""
    m = re.search(r"\((\d{4})\)\s*$", symbol) or re.match(r"S/PRST/(\d{4})/", symbol)
    return int(m.group(1)) if m else None


def parse_adopted(
    text: str, *, symbol: str | None = None, lang: str | None = None, source: str = ""
) -> AdoptedDocument:
    """Parse a resolution or presidential statement (English or Chinese) from extracted text."""
    from debateprep.domain.resolution_parse import parse

    return parse(text, symbol=symbol, lang=lang, source=source)
