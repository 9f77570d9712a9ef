"""Agreed language on a debate's guiding questions: for the brief ("Relevant agreed language") and
for our statement's sections (F7's Sources, `ours sources`).

Candidates come from the library's own search (`LibraryService.similar`, the rarest phrases of each
wording of a question) and from the documents the concept note cites. Wording similarity alone
says little here: a question and an adopted paragraph differ in length and form, and on the
1946-1994 resolutions the closest paragraph to "How can the Council work with the Peacebuilding
Commission, regional organizations …" was S/RES/572 (1985), OP 5 on assistance to Botswana (0.64).
So each candidate is judged the way coverage judges a statement (`coverage.compute_coverage`):
the question's words weighed by how specific they are, one of its own subject's words required,
the debate's title weighing as the topic ("protection of civilians" is no one question's subject).

- Relevance: the matcher's score over `coverage.FULL` (1.0 = as strong as a full answer), shown
  as a percentage with the words that matched. Below RELEVANCE_FLOOR a paragraph is not offered.
- Subject: only documents on the debate's subject are offered: those the concept note cites (they
  come first) and those with a paragraph on the debate's own title (judged the same way). Another
  subject's paragraph meets a question's words by chance ("Decides to keep this item on its agenda
  … an early end" for "planning starts early and keeps …").
- Date: a debate is prepared with what the Council had adopted before it met: a document adopted
  on or after the meeting date (or in the meeting's year with no date known) is never offered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from debateprep.domain.coverage import FULL, CoverageQuestion, compute_coverage
from debateprep.domain.resolution import symbol_year
from debateprep.domain.statements import Statement
from debateprep.domain.text import detect_language
from debateprep.storage.db import Database

# Measured on the sample debates (the English note on transitions with the 900 resolutions of
# 1946-1994 from ../shared/data and the sample library; the Chinese seed note with the sample library,
# its date set aside), printing every candidate's relevance with the words that matched: under 0.44
# the matches are the debate's topic words or one broad word alone (保护平民 0.28-0.31, "close;
# missions" 0.28, "Council" 0.25); from 0.44 a word of the question's own subject is there ("lessons"
# 0.50, "police; capacities" 0.66, 警察派遣国 0.82-0.91). 0.44 is also the coverage threshold over
# FULL: a paragraph must say as much about the question as a statement that addresses it.
RELEVANCE_FLOOR = 0.44
CANDIDATES = 30  # per wording, from the library's search
CITED_PARAGRAPHS = 400  # at most, of the documents the note cites
SUBJECT_FIRST = 0.15  # the lead a document the concept note cites gets in the ranking


@dataclass(frozen=True)
class Relevant:
    """A library paragraph relevant to one guiding question."""

    id: int | None  # library paragraph id (None: found in a cited document, insert it by citation)
    citation: str
    text: str
    lang: str
    relevance: float  # 0..1, the matcher's score over FULL
    matched: tuple[str, ...]  # the question's words found, as the question words them
    cited: bool = False  # the concept note cites its document
    themed: bool = False  # its document has a paragraph on the debate's own title

    @property
    def rank(self) -> float:
        return self.relevance + (SUBJECT_FIRST if self.cited else 0.0)

    @property
    def subject(self) -> str:
        """Why its document is on the debate's subject: "cited", "themed" (or "": no topic known)."""
        return "cited" if self.cited else "themed" if self.themed else ""


def adopted_before(symbol: str, adopted_on: date | None, meeting: date | None) -> bool:
    """Whether the Council had adopted the document before the meeting (always, with no meeting date)."""
    if meeting is None:
        return True
    if adopted_on is not None:
        return adopted_on < meeting
    year = symbol_year(symbol)
    return year is not None and year < meeting.year


class AgreedLanguageFinder:
    """The library paragraphs relevant to each of a debate's questions, computed once per debate."""

    def __init__(self, db: Database, questions: Sequence[CoverageQuestion], *, topic: Sequence[str] = (),
                 meeting: date | None = None, cited: Sequence[str] = ()) -> None:
        from debateprep.services.library import LibraryService

        self.library = LibraryService(db)
        self.questions = list(questions)
        self.topic = [t for t in topic if t and t.strip()]
        self.meeting = meeting
        self.cited = {" ".join(c.split()) for c in cited}
        self._scored: dict[int, list[Relevant]] | None = None

    def for_question(self, key: int, lang: str | None = None, limit: int = 3) -> list[Relevant]:
        """The paragraphs relevant to question `key` (in `lang` when given), best first."""
        if self._scored is None:
            self._scored = self._score()
        found = [r for r in self._scored.get(key, []) if lang is None or r.lang == lang]
        return found[:limit]

    def _available(self) -> dict[str, bool]:
        """Each library document's symbol: adopted before the meeting or not."""
        out: dict[str, bool] = {}
        for doc in self.library.documents():
            out[doc.symbol] = out.get(doc.symbol, False) or adopted_before(doc.symbol, doc.adopted_on, self.meeting)
        return out

    def _candidates(self, available: dict[str, bool]) -> dict[int, tuple[str, str, str, str]]:
        """id -> (symbol, citation, text, lang) of the paragraphs worth judging."""
        from debateprep.domain.errors import InputError, NotFound

        found: dict[int, tuple[str, str, str, str]] = {}
        wordings = [w for q in self.questions for w in (q.text, *q.alternatives)] + self.topic
        for wording in dict.fromkeys(w for w in wordings if w.strip()):
            for hit in self.library.similar(wording, CANDIDATES, lang=detect_language(wording)):
                p = hit.paragraph
                if available.get(p.symbol, False):
                    found[hit.id] = (p.symbol, p.citation, p.text, p.lang)
        budget = CITED_PARAGRAPHS
        for symbol in sorted(self.cited):
            if not available.get(symbol, False):
                continue
            for lang in ("en", "zh"):
                try:
                    doc = self.library.show(symbol, lang)
                except (NotFound, InputError):
                    continue
                for p in doc.paragraphs[:budget]:
                    found.setdefault(-len(found) - 1, (p.symbol, p.citation, p.text, p.lang))
                budget -= min(budget, len(doc.paragraphs))
        return found

    def _score(self) -> dict[int, list[Relevant]]:
        if not self.questions or self.library.count() == 0:
            return {}
        available = self._available()
        candidates = self._candidates(available)
        if not candidates:
            return {}
        statements = [Statement(text=text, language=lang, delegation=str(pid), source=citation)
                      for pid, (_symbol, citation, text, lang) in candidates.items()]
        matrix = compute_coverage(statements, self.questions, topic=self.topic)
        themed: set[str] = set()
        if self.topic:  # the debate's own subject, as a question of its own
            theme = [CoverageQuestion(0, "topic", self.topic[0], tuple(self.topic[1:]))]
            on_theme = compute_coverage(statements, theme)
            themed = {candidates[int(c.delegation)][0] for c in on_theme.covered_by(0)}
        out: dict[int, list[Relevant]] = {}
        for q in self.questions:
            chosen: dict[tuple[str, str], Relevant] = {}
            for pid, (symbol, citation, text, lang) in candidates.items():
                cell = matrix.cell(str(pid), q.key)
                if cell is None:
                    continue
                relevance = min(1.0, cell.score / FULL)
                if relevance < RELEVANCE_FLOOR:
                    continue
                cited = symbol in self.cited
                if self.topic and not cited and symbol not in themed:
                    continue  # a document on another subject: its words meet the question's by chance
                found = Relevant(pid if pid > 0 else None, citation, text, lang, round(relevance, 4),
                                 tuple(r.question_words for r in cell.reasons), cited, symbol in themed)
                best = chosen.get((citation, lang))
                if best is None or found.rank > best.rank:
                    chosen[(citation, lang)] = found
            out[q.key] = sorted(chosen.values(), key=lambda r: (-r.rank, r.citation))
        return out
