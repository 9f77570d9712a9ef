"""Is our statement ready? Which guiding questions it addresses and which it misses (the coverage
engine, `coverage.compute_coverage`, run on our text), whether it runs over the limit, and what is
left unfinished: placeholders ("[our position]", "XXX") and square brackets left open.

Our text is scored together with the debate's other statements when there are some: the engine
judges a passage against how every passage of the debate scores on a question, and a single short
text is a thin basis for that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from debateprep.domain.coverage import CoverageQuestion, compute_coverage
from debateprep.domain.delivery import FOOTNOTE_MARKER, LengthEstimate, spoken
from debateprep.domain.our_statement import OurStatement
from debateprep.domain.statements import Statement
from debateprep.i18n import N_, _

IssueKind = Literal["placeholder", "open bracket", "stray bracket", "empty"]
OURS = "\u0000ours"  # the delegation key of our text inside the coverage matrix (no roster name)
_OPEN = "[［【"
_CLOSE = "]］】"
_FILLER = re.compile(r"(?<![A-Za-z])(?:XX+|xxx+)(?![A-Za-z])")
EXCERPT_CHARS = 40

TEXT: dict[str, str] = {
    "placeholder": N_("placeholder left: {excerpt}"),
    "open bracket": N_("square bracket left open: {excerpt}"),
    "stray bracket": N_("closing bracket with no opening one: {excerpt}"),
    "empty": N_("the statement has no text yet"),
    "placeholder many": N_("{n} placeholders left"),
    "open bracket many": N_("{n} square brackets left open"),
    "stray bracket many": N_("{n} closing brackets with no opening one"),
    "only placeholders": N_("the statement holds only placeholders: nothing to deliver yet"),
    "addressed": N_("addresses {n} of {total} guiding questions"),
    "missing": N_("not yet addressed: {labels}"),
    "over": N_("over the limit by {units} {unit} (≈ {seconds} s)"),
    "fits": N_("fits the limit ({estimate})"),
    "ready": N_("ready: every question addressed, within the limit, nothing left open"),
}


def _text(key: str) -> str:
    """The interface string `key` of TEXT, in the interface language."""
    return _(TEXT[key])


@dataclass(frozen=True)
class TextIssue:
    kind: IssueKind
    section: int | None  # 1-based section number
    heading: str
    excerpt: str

    def describe(self) -> str:
        where = (_("section {n} ({heading}): ").format(n=self.section, heading=self.heading)
                 if self.section is not None else "")
        return where + _text(self.kind).format(excerpt=self.excerpt)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "section": self.section, "heading": self.heading, "excerpt": self.excerpt}


@dataclass(frozen=True)
class QuestionCheck:
    key: int
    label: str
    text: str
    addressed: bool
    strength: float
    section: int | None = None  # where the best passage is
    passage: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "text": self.text, "addressed": self.addressed,
                "strength": round(self.strength, 3), "section": self.section, "passage": self.passage}


@dataclass
class CheckReport:
    estimate: LengthEstimate
    questions: list[QuestionCheck] = field(default_factory=list)
    issues: list[TextIssue] = field(default_factory=list)

    @property
    def missing(self) -> list[QuestionCheck]:
        return [q for q in self.questions if not q.addressed]

    @property
    def addressed(self) -> list[QuestionCheck]:
        return [q for q in self.questions if q.addressed]

    @property
    def empty(self) -> bool:
        return any(i.kind == "empty" for i in self.issues)

    @property
    def ready(self) -> bool:
        return not self.missing and not self.estimate.over and not self.issues

    def lines(self) -> list[str]:
        """The report for people, one finding a line."""
        out: list[str] = []
        if self.questions:
            out.append(_text("addressed").format(n=len(self.addressed), total=len(self.questions)))
            if self.missing:
                out.append(_text("missing").format(labels=", ".join(q.label for q in self.missing)))
                out += [f"  {q.label} {q.text}" for q in self.missing]
        e = self.estimate
        if e.over:
            out.append(_text("over").format(units=e.over_units, unit=e.unit_name, seconds=round(e.over_seconds)))
        else:
            out.append(_text("fits").format(estimate=e.describe()))
        out += self._issue_lines()
        if self.ready:
            out.append(_text("ready"))
        return out

    def _issue_lines(self) -> list[str]:
        """One line per section and kind of issue ("section 3 (…): 3 placeholders left: […], …")."""
        grouped: dict[tuple[int | None, str, str], list[str]] = {}
        for issue in self.issues:
            grouped.setdefault((issue.section, issue.heading, issue.kind), []).append(issue.excerpt)
        out = []
        for (section, heading, kind), excerpts in grouped.items():
            if kind == "empty":
                out.append(_text("empty"))
                continue
            where = _("section {n} ({heading}): ").format(n=section, heading=heading) if section is not None else ""
            label = _text(f"{kind} many").format(n=len(excerpts)) if len(excerpts) > 1 else re.split("[:：]", _text(kind))[0]
            out.append(f"{where}{label}: {', '.join(excerpts)}")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "estimate": self.estimate.to_json(),
            "questions": [q.to_json() for q in self.questions],
            "missing": [q.label for q in self.missing],
            "issues": [i.to_json() for i in self.issues],
        }


def _excerpt(text: str, start: int, end: int) -> str:
    """The text around [start, end), on one line, at most about EXCERPT_CHARS long."""
    lo = max(0, start - 8)
    hi = min(len(text), max(end, start + EXCERPT_CHARS))
    piece = " ".join(text[lo:hi].split())
    return ("…" if lo else "") + piece + ("…" if hi < len(text) else "")


def bracket_issues(text: str) -> list[tuple[IssueKind, str]]:
    """Placeholders, brackets left open and stray closing brackets in `text` (footnote markers and
    their citations are fine)."""
    found: list[tuple[int, IssueKind, str]] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE:
            if stack:
                start = stack.pop()
                if not stack and text[start + 1:start + 2] != "^":
                    found.append((start, "placeholder", text[start:i + 1]))
            else:
                found.append((i, "stray bracket", _excerpt(text, i, i + 1)))
    for start in stack:
        found.append((start, "open bracket", _excerpt(text, start, start + 1)))
    for m in _FILLER.finditer(text):
        if not any(s <= m.start() < s + len(x) for s, k, x in found if k == "placeholder"):
            found.append((m.start(), "placeholder", _excerpt(text, m.start(), m.end())))
    found.sort(key=lambda f: f[0])
    return [(kind, excerpt) for _start, kind, excerpt in found]


def text_issues(statement: OurStatement) -> list[TextIssue]:
    issues: list[TextIssue] = []
    if not any(s.text.strip() for s in statement.sections):
        return [TextIssue("empty", None, "", "")]
    for number, section in enumerate(statement.sections, start=1):
        for kind, excerpt in bracket_issues(section.text):
            issues.append(TextIssue(kind, number, section.heading, excerpt))
    return issues


def only_placeholders(statement: OurStatement) -> bool:
    """Nothing of substance would be said: beyond the opening and the closing, every section holds
    only placeholders (or nothing)."""
    body = "\n\n".join(s.text for s in statement.sections if s.kind not in ("opening", "closing"))
    return not spoken(body).strip(" \n\t，。,.;；:：")


def _spoken_sections(statement: OurStatement) -> tuple[str, list[tuple[int, int, int]]]:
    """Our spoken text (no markers, no placeholders) and each section's (start, end, number) in it.
    The opening and the closing are courtesies: thanking a briefer answers no question."""
    pieces: list[str] = []
    spans: list[tuple[int, int, int]] = []
    offset = 0
    for number, section in enumerate(statement.sections, start=1):
        if section.kind in ("opening", "closing"):
            continue
        said = "\n\n".join(p for p in (spoken(x).strip() for x in section.paragraphs()) if p)
        if not said:
            continue
        if pieces:
            offset += 2
        spans.append((offset, offset + len(said), number))
        pieces.append(said)
        offset += len(said)
    return "\n\n".join(pieces), spans


def addressed_questions(statement: OurStatement, questions: Sequence[CoverageQuestion],
                        others: Sequence[Statement] = (), topic: Sequence[str] = ()) -> list[QuestionCheck]:
    """Each guiding question, addressed by our text or not (with our passage and its section).

    A question with a section of its own is answered there or not at all: only when that section
    holds real text (placeholders say nothing), never by a mention of its words in another section
    ("保护平民" in §2 answers none of the other questions that name it). A question without a
    section of its own (the writer dropped it) is looked for in the whole text by the coverage
    matcher, the debate's `topic` (its title, agenda item) weighing as the topic, not as any one
    question's subject."""
    text, spans = _spoken_sections(statement)
    if not questions:
        return []
    if not text.strip():
        return [QuestionCheck(q.key, q.label, q.text, False, 0.0) for q in questions]
    ours = Statement(text=text, language=statement.language, delegation=OURS, source="our statement")
    context = [s for s in others if s.delegation and s.delegation != OURS]
    matrix = compute_coverage([ours, *context], questions, topic=topic)
    own: dict[int, list[int]] = {}
    for number, section in enumerate(statement.sections, start=1):
        if section.kind == "question" and section.question_id is not None:
            own.setdefault(section.question_id, []).append(number)
    written = {n for _start, _end, n in spans}
    out = []
    for q in questions:
        cell = matrix.cell(OURS, q.key)
        where = next((n for start, end, n in spans if cell is not None and start <= cell.passage.start < end), None)
        if q.key in own:
            answered = [n for n in own[q.key] if n in written]
            if not answered:
                out.append(QuestionCheck(q.key, q.label, q.text, False, 0.0, own[q.key][0]))
            elif cell is not None and cell.covered and where in answered:
                out.append(QuestionCheck(q.key, q.label, q.text, True, cell.strength, where, cell.passage.text))
            else:  # its own section has real text, in words the matcher does not tie to the question
                start, end, number = next(x for x in spans if x[2] == answered[0])
                out.append(QuestionCheck(q.key, q.label, q.text, True, 0.0, number, text[start:end]))
            continue
        if cell is None or not cell.covered:
            out.append(QuestionCheck(q.key, q.label, q.text, False, 0.0))
            continue
        out.append(QuestionCheck(q.key, q.label, q.text, True, cell.strength, where, cell.passage.text))
    return out


def check(statement: OurStatement, questions: Sequence[CoverageQuestion], others: Sequence[Statement] = (),
          topic: Sequence[str] = ()) -> CheckReport:
    """The report; `topic`: the debate's title and agenda item (their words are no question's subject)."""
    topics = [t for t in (statement.topic, *topic) if t]
    return CheckReport(statement.estimate(), addressed_questions(statement, questions, others, topics),
                       text_issues(statement))


def strip_markers(text: str) -> str:
    """Text without its footnote markers (the delivery copy)."""
    return re.sub(r"[ \t]+(?=[,.;:!?，。；：！？]|$)", "", FOOTNOTE_MARKER.sub("", text))

