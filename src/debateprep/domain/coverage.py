"""Coverage (which delegation addressed which guiding question, with the passage) and
convergence (the same proposal made by several delegations).

Coverage judges each sentence on its own, against the question's subject, never against the
rest of the debate (no quota, no ranking, no z-score): a delegation that addresses a question
gets its cell however many others do too. What makes a sentence address a question comes from
the question's own words and from general knowledge of the language, learned from public
background text (benchmarks/coverage_tables.py), never from lists written for a topic:

- A question becomes a set of features: its content words (English stems, so "mandates" meets
  "mandate"; Chinese words as a general dictionary segments them, `coverage_zh`), its two-word
  phrases ("Chapter VIII", "regional organizations", "working methods"), and the concepts of a
  small generic thesaurus of UN vocabulary (`coverage_terms`: "PBC" for the Peacebuilding
  Commission, 建设和平委员会 for it in Chinese, "impunity" for accountability).
- Each feature weighs how specific it is in Council debates: the share of sentences that use
  it outside the meetings that use it most ("Syria" is rare in a debate on anything else, "peace"
  everywhere); a word used mostly as a verb ("avoid", "be brought") weighs less than a noun.
  A feature that half the debate's questions share is the debate's topic, not one question's
  subject, and weighs half; a word of a two-word phrase, met alone, weighs less than the phrase.
- An English word also meets the words used in the most similar contexts in Council debates
  (word vectors of the background corpus: "calm" meets "de-escalation", "impunity" meets
  "prosecute"), for a share of its weight.
- A sentence scores the summed weight of the distinct features it contains, with passing
  mentions discounted: a word in a list of levels ("national, regional and international"), an
  adjective qualifying something the question is not about ("regional tensions" for regional
  organizations), a word about another subject than the question's (another modifier or "of":
  "gender equality" for sovereign equality, "the Prohibition of Nuclear Weapons" for the
  prohibition of the use of force), thanks and courtesies. A specific feature of the question
  (an "anchor") must be there, written as the question writes it (or as a name's own form):
  broad words, the debate's topic and words of similar contexts only support a match
  (SUPPORT_CAP at most).
- The cell is the delegation's best sentence; it is addressed when that sentence scores at
  least `THRESHOLD` (absolute; checked by leaving each debate of the dev and first held-out sets
  out, and on questions rewritten in other words: benchmarks/bench_coverage_quality.py).
  Each cell keeps its reasons: which question words matched which words of the passage.

Statements in either language are matched with questions in either language through the
thesaurus; words outside it only match in their own language.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import datetime
from typing import Any, Literal

from debateprep.domain.coverage_terms import (
    FRAME_WORDS,
    STOP_WORDS,
    Matcher,
    Token,
    concept_table,
    full_matcher,
    is_phrase,
    neighbours,
    stem,
    tokens,
    verb_share,
    weight,
    word_weight,
)
from debateprep.domain.coverage_zh import key_terms, split_at_function_words
from debateprep.domain.statements import (
    Passage,
    Proposal,
    Sentence,
    Statement,
    classify_sentence,
    segment,
)
from debateprep.i18n import _

THRESHOLD = 0.7  # a sentence addressing a question scores at least this much
FULL = 1.6  # and a cell's strength reaches 1.0 here
TOPIC_FACTOR = 0.5  # a feature of half the questions or more: the debate's topic
LIST_FACTOR = 0.2  # "national, regional and international"
QUALIFIER_FACTOR = 0.4  # "regional tensions" for regional organizations
COURTESY_FACTOR = 0.3  # thanks and congratulations
OTHER_SUBJECT_FACTOR = 0.5  # "gender equality" for sovereign equality
SUPPORT_CAP = 0.45  # all that broad words and the debate's topic can add
VERB_DISCOUNT = 0.8  # a word always used as a verb keeps a fifth of its weight
PHRASE_SCALE = 0.8  # a two-word phrase of the background corpus, against a single word
PART_FACTOR = 0.6  # a word of a question's phrase, met alone
NEAR_SCALE = 0.8  # a word of similar contexts, times its cosine, against the question's own word
NEAR_FLOOR = 0.5  # the least cosine for that
NEAR_ANCHOR = 0.9  # from this factor (a name's own forms) a similar word can be the anchor
NEAR_SUPPORT_ONLY = True
NAME_FORM = 0.9  # a name's own form of similar contexts ("Syrian" for "Syria")
ZH_SCALE = 0.8  # a Chinese word, against a concept of the thesaurus
CONVERGENCE_SIMILARITY = 0.2  # mean cosine similarity from which proposals are grouped (average linkage)

# Concepts that name the debate's frame or a broad field: they help a match, never make one.
BROAD_CONCEPTS = frozenset("""
council un member-states charter sg development humanitarian implementation resolutions mission dialogue
civilians funding human-rights intl-law rule-of-law reform children training multilateral security-sector
""".split())
CONCEPT_FLOOR = THRESHOLD  # any other concept weighs at least this: alone, it makes a match
ANCHOR_FLOOR = 0.6  # a word (or phrase) weighing this much is the question's own subject
BROAD_CAP = 0.3

Mark = Literal["addressed", "wrong"]


@dataclass(frozen=True)
class CoverageQuestion:
    """A guiding question; `alternatives` are other wordings (a translation, the question form)."""

    key: int
    label: str
    text: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    """One question word found in the passage: "Peacebuilding Commission ← PBC"."""

    question_words: str  # as the question words it
    passage_words: str  # as the passage words it
    weight: float  # what it added to the score
    note: str = ""  # "topic of the debate", "in a list", "qualifies another word", "thanks"

    def __str__(self) -> str:
        same = self.question_words.lower() == self.passage_words.lower()
        text = self.question_words if same else f"{self.question_words} ← {self.passage_words}"
        return f"{text} ({self.note})" if self.note else text

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question_words, "passage": self.passage_words,
                "weight": round(self.weight, 3), "note": self.note}


@dataclass(frozen=True)
class CoverageCell:
    delegation: str
    question_key: int
    strength: float  # 0..1; 0 means not addressed (after the user's mark)
    score: float  # the best sentence's score
    statement_id: int | None
    statement_position: int
    passage: Passage
    source: str
    reasons: tuple[Reason, ...] = ()
    tool_covered: bool | None = None  # what the tool said, when a user mark overrides it
    mark: Mark | None = None  # the user's mark: "addressed" or "wrong"

    @property
    def covered(self) -> bool:
        return self.strength > 0

    @property
    def by_tool(self) -> bool:
        """Whether the tool itself judged the cell addressed (whatever the user marked)."""
        return self.covered if self.tool_covered is None else self.tool_covered

    def explanation(self) -> str:
        """What matched, in one line: "matched: Peacebuilding Commission ← PBC; prevent conflicts"."""
        if not self.reasons:
            return _("no question word in the passage")
        return _("matched: {reasons}").format(reasons=_("; ").join(str(r) for r in self.reasons))

    def to_json(self) -> dict[str, Any]:
        return {
            "delegation": self.delegation,
            "question": self.question_key,
            "covered": self.covered,
            "by_tool": self.by_tool,
            "mark": self.mark,
            "strength": round(self.strength, 3),
            "score": round(self.score, 4),
            "statement_id": self.statement_id,
            "source": self.source,
            "reasons": [r.to_json() for r in self.reasons],
            "explanation": self.explanation(),
            "passage": {
                "paragraph": self.passage.paragraph + 1,
                "sentences": [self.passage.first_sentence + 1, self.passage.last_sentence + 1],
                "start": self.passage.start,
                "end": self.passage.end,
                "text": self.passage.text,
            },
        }


@dataclass(frozen=True)
class CoverageMark:
    """A user's mark on one cell: "wrong" (the tool's cell is not an answer) or "addressed" (the
    delegation addressed the question where the tool saw nothing). Never used to tune the tool."""

    delegation: str
    question_key: int
    question_text: str
    mark: Mark
    tool_covered: bool  # what the tool said when the user marked the cell
    passage: str | None = None
    marked_at: datetime | None = None
    version: int = 1

    @property
    def agrees_with_tool(self) -> bool:
        return (self.mark == "addressed") == self.tool_covered

    def to_json(self) -> dict[str, Any]:
        return {"delegation": self.delegation, "question": self.question_key, "question_text": self.question_text,
                "mark": self.mark, "tool_covered": self.tool_covered, "passage": self.passage,
                "marked_at": self.marked_at.isoformat() if self.marked_at else None, "version": self.version}


@dataclass
class CoverageMatrix:
    questions: list[CoverageQuestion]
    delegations: list[str]
    cells: dict[tuple[str, int], CoverageCell] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # statements left out (no delegation)

    def cell(self, delegation: str, question_key: int) -> CoverageCell | None:
        return self.cells.get((delegation, question_key))

    def covered_by(self, question_key: int) -> list[CoverageCell]:
        found = [c for (_, k), c in self.cells.items() if k == question_key and c.covered]
        return sorted(found, key=lambda c: (-c.strength, c.delegation))

    def marked(self) -> list[CoverageCell]:
        return [c for c in self.cells.values() if c.mark is not None]

    def to_json(self) -> dict[str, Any]:
        return {
            "questions": [
                {"key": q.key, "label": q.label, "text": q.text, "covered_by": len(self.covered_by(q.key))}
                for q in self.questions
            ],
            "delegations": self.delegations,
            "cells": [c.to_json() for c in self.cells.values() if c.covered or c.mark is not None],
            "marks": [c.to_json() for c in self.marked()],
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class ConvergenceMember:
    delegation: str
    statement_id: int | None
    kind: str
    text: str
    sentence_index: int
    similarity: float  # to the group's representative


@dataclass
class ConvergenceGroup:
    rank: int
    supporters: list[str]
    representative: ConvergenceMember
    members: list[ConvergenceMember]
    cohesion: float  # mean similarity of members to the representative
    kinds: dict[str, int]

    @property
    def count(self) -> int:
        return len(self.supporters)

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "count": self.count,
            "supporters": self.supporters,
            "representative": {"delegation": self.representative.delegation, "text": self.representative.text},
            "cohesion": round(self.cohesion, 3),
            "kinds": self.kinds,
            "members": [
                {"delegation": m.delegation, "statement_id": m.statement_id, "kind": m.kind,
                 "sentence": m.sentence_index + 1, "similarity": round(m.similarity, 3), "text": m.text}
                for m in self.members
            ],
        }


# --- questions as features ------------------------------------------------------------------

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class Feature:
    key: str  # "@pbc" (a concept), an English stem, or a Chinese word
    label: str  # as the question words it
    weight: float
    topic: bool = False  # shared with half the questions of the debate or more
    near: tuple[tuple[str, float], ...] = ()  # other words that count for it, each with its factor (< 1)
    # What the question says the word is about: the word right before it ("sovereign" for
    # equality) and what follows "of" ("force" for use); empty when the question says nothing.
    modifiers: frozenset[str] = frozenset()
    complements: frozenset[str] = frozenset()

    @property
    def anchor(self) -> bool:
        """The question's own subject: a specific concept of the thesaurus, or a word that alone
        weighs a match. Only anchors make a match; broad words and the debate's topic support
        one (they add SUPPORT_CAP at most)."""
        if self.topic:
            return False
        if self.key.startswith("@"):
            return self.key[1:] not in BROAD_CONCEPTS
        return self.weight >= ANCHOR_FLOOR


@dataclass
class QuestionProfile:
    question: CoverageQuestion
    features: dict[str, Feature]
    index: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # passage key -> (feature, factor)
    # False when nothing in the question is specific: then all its words, whatever they weigh,
    # add up without a cap (a question of broad words still works).
    anchored: bool = field(init=False, default=False)
    anchors: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        if not self.index:
            for f in self.features.values():
                self.index.setdefault(f.key, []).append((f.key, 1.0))
                for key, factor in f.near:
                    self.index.setdefault(key, []).append((f.key, factor))
        self.anchors = frozenset(k for k, f in self.features.items() if f.anchor)
        self.anchored = bool(self.anchors)

    def describe(self) -> str:
        return ", ".join(f"{f.label} {f.weight:.2f}" for f in sorted(self.features.values(), key=lambda f: -f.weight))


def concept_weight(concept: str, floor: float | None = None) -> float:
    """A concept's weight: a broad one at most BROAD_CAP, any other at least `floor` (the
    threshold in use, CONCEPT_FLOOR by default), so that alone it makes a match."""
    w = weight("@" + concept)
    return min(w, BROAD_CAP) if concept in BROAD_CONCEPTS else max(w, CONCEPT_FLOOR if floor is None else floor)


def _english_near(stem_key: str, own_weight: float) -> list[tuple[str, float]]:
    """Stems used in contexts like this one's (the background corpus's word vectors), each with
    the share of the word's weight it carries: its cosine, and never more than its own weight."""
    out = []
    for other, similarity in neighbours(stem_key):
        if similarity < NEAR_FLOOR or other in STOP_WORDS or other in FRAME_WORDS or own_weight <= 0:
            continue
        factor = NEAR_SCALE * similarity * min(1.0, word_weight(other) / own_weight)
        if factor >= 0.05:
            out.append((other, round(factor, 4)))
    return out


def _content(tok: Token) -> bool:
    """A word that can be part of a two-word phrase (as benchmarks/coverage_tables.py counts them)."""
    return len(tok.surface) > 1 and not tok.surface[0].isdigit() and tok.surface.lower() not in STOP_WORDS


def _phrase_pairs(toks: list[Token], skip: set[int]) -> list[tuple[int, int]]:
    """Positions of adjacent content words (stop words between them left out), and, in
    "regional and subregional organizations", also "regional organizations"."""
    content = [i for i, tok in enumerate(toks) if i not in skip and _content(tok)]
    pairs = list(zip(content, content[1:]))
    pairs += [(i, i + 3) for i in range(len(toks) - 3) if toks[i + 1].surface.lower() in ("and", "or")
              and not skip & {i, i + 2, i + 3} and all(_content(toks[k]) for k in (i, i + 2, i + 3))]
    return pairs


def _question_features(question: CoverageQuestion, thesaurus: bool = True,
                       floor: float | None = None) -> dict[str, Feature]:
    matcher = full_matcher() if thesaurus else Matcher(())
    found: dict[str, Feature] = {}

    context: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))

    def add(key: str, label: str, w: float, near: tuple[tuple[str, float], ...] = ()) -> None:
        if key not in found or found[key].weight < w:
            found[key] = Feature(key, label, w, near=near)

    for wording in (question.text, *question.alternatives):
        toks = tokens(wording)
        consumed: set[int] = set()
        for concept, a, b, _text in matcher.english(toks):
            consumed.update(range(a, b))
            add("@" + concept, wording[toks[a].start : toks[b - 1].end], concept_weight(concept, floor))
        words: dict[int, float] = {}
        for i, tok in enumerate(toks):
            low = tok.surface.lower()
            if i in consumed or low in STOP_WORDS or low in FRAME_WORDS or len(low) < 3 and not tok.key.isupper():
                continue
            words[i] = word_weight(tok.key) * (1.0 - VERB_DISCOUNT * verb_share(tok.surface))
        in_phrase: set[int] = set()
        for i, j in _phrase_pairs(toks, consumed):
            key = f"{toks[i].stem} {toks[j].stem}"
            if toks[i].stem != toks[j].stem and is_phrase(key):
                add(key, wording[toks[i].start : toks[j].end], PHRASE_SCALE * weight(key))
                in_phrase.update((i, j))
        for i, w in words.items():
            add(toks[i].key, toks[i].surface, w * (PART_FACTOR if i in in_phrase else 1.0))
            before, of = _subject(toks, i, wording, 0)
            context[toks[i].key][0].update((before,) if before else ())
            context[toks[i].key][1].update((of,) if of else ())
        taken: list[tuple[int, int]] = []
        for concept, a, b, term in matcher.chinese_in(wording):
            taken.append((a, b))
            add("@" + concept, term, concept_weight(concept, floor))
        rest = list(wording)
        for a, b in taken:
            rest[a:b] = [" "] * (b - a)
        for run in _CJK_RUN.findall("".join(rest)):
            for word, specific, parts in key_terms(run):
                add(word, word, ZH_SCALE * specific, parts)
    for key, (modifiers, complements) in context.items():
        found[key] = replace(found[key], modifiers=frozenset(modifiers), complements=frozenset(complements))
    return found


_DETERMINERS = frozenset("the a an its their his her our this these those all".split())


def _subject(toks: list[Token], i: int, text: str, base: int) -> tuple[str, str]:
    """The stems that say what toks[i] is about: the content word written right before it
    ("gender" in "gender equality"; not across punctuation) and the first content word after
    "of" ("nuclear" in "Prohibition of Nuclear Weapons")."""
    before = ""
    if i > 0 and _content(toks[i - 1]) and not text[toks[i - 1].end - base : toks[i].start - base].strip():
        before = toks[i - 1].stem
    of = ""
    if i + 2 < len(toks) and toks[i + 1].surface.lower() == "of":
        j = i + 2
        while j < len(toks) - 1 and toks[j].surface.lower() in _DETERMINERS:
            j += 1
        if _content(toks[j]):
            of = toks[j].stem
    return before, of


def profile_questions(questions: Sequence[CoverageQuestion], *, thesaurus: bool = True,
                      floor: float | None = None, topic: Sequence[str] = ()) -> list[QuestionProfile]:
    """Each question's features, a feature shared by half the questions or more weighed as the
    topic, and so is a feature of `topic` (the debate's title or agenda item, when given: "保护平民"
    in six of thirteen questions of a debate on the protection of civilians is still its topic). An English word's corpus neighbours count for it, partly, unless they are words of the
    questions themselves (then they count as themselves) or it is the debate's topic; a name
    ("Syria") meets only its own forms ("Syrian"). `thesaurus=False` leaves the thesaurus out:
    the benchmark's measure of the method on vocabulary nobody listed."""
    features = [_question_features(q, thesaurus, floor) for q in questions]
    counts: dict[str, int] = defaultdict(int)
    for found in features:
        for key in found:
            counts[key] += 1
    direct = set(counts)
    titled = {k for wording in topic if wording and wording.strip()
              for k in _question_features(CoverageQuestion(0, "", wording), thesaurus, floor)}
    profiles = []
    shared = max(2, (len(questions) + 1) // 2)  # in half the questions or more (two at least)
    for q, found in zip(questions, features):
        adjusted = {}
        for k, f in found.items():
            if len(questions) > 2 and counts[k] >= shared or k in titled:
                adjusted[k] = replace(f, weight=f.weight * TOPIC_FACTOR, topic=True)
            elif not f.near and k.isascii() and k.islower() and " " not in k and not k.startswith("@"):
                if f.label[:1].isupper() and not f.label.isupper():  # a name: its own forms, nearly as itself
                    near = tuple((n, NAME_FORM) for n, sim in neighbours(k) if n[:4] == k[:4] and sim >= NEAR_FLOOR)
                else:
                    near = tuple((n, factor) for n, factor in _english_near(k, f.weight) if n not in direct)
                adjusted[k] = replace(f, topic=False, near=near)
            else:
                adjusted[k] = f
        profiles.append(QuestionProfile(q, adjusted))
    return profiles


# --- sentences as matches -------------------------------------------------------------------

LEVEL_WORDS = frozenset("local national subnational regional subregional continental international global "
                        "bilateral multilateral community country".split())
_ZH_LEVELS = re.compile(r"(?:国家|地方|区域|次区域|国际|全球|双边|多边)(?:、|和|与|及)(?:国家|地方|区域|次区域|国际|全球|双边|多边)")
_QUALIFIER = re.compile(r"(?:al|ic|ian|ive|ary)$")
_COURTESY = re.compile(
    r"\b(?:thank|thanks|congratulat\w*|commend|grateful|gratitude|pay tribute|welcome the presence)\b|^(?:我|我们)?(?:感谢|祝贺|欢迎)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Hit:
    key: str
    passage_words: str
    factor: float
    note: str
    before: str = ""  # see _subject
    of: str = ""


def _english_hits(text: str, base: int, toks: list[Token], keys: set[str], matcher: Matcher,
                  firsts: frozenset[str] = frozenset()) -> list[_Hit]:
    """The question features in a sentence's words; `firsts`: the first words of the questions'
    two-word phrases (no phrase is looked for in a sentence without one)."""
    hits: list[_Hit] = []
    consumed: set[int] = set()
    for concept, a, b, _w in matcher.english(toks):
        consumed.update(range(a, b))
        key = "@" + concept
        if key in keys:
            hits.append(_Hit(key, _span(toks, a, b, text, base), *_passing(toks, a, b, keys, single=b - a == 1)))
    for i, tok in enumerate(toks):
        if i in consumed or tok.key not in keys:
            continue
        hits.append(_Hit(tok.key, tok.surface, *_passing(toks, i, i + 1, keys, single=True),
                         *_subject(toks, i, text, base)))
    if firsts and any(tok.stem in firsts for tok in toks):
        for i, j in _phrase_pairs(toks, consumed):
            key = f"{toks[i].stem} {toks[j].stem}"
            if key in keys:
                hits.append(_Hit(key, _span(toks, i, j + 1, text, base), 1.0, ""))
    return hits


def _span(toks: list[Token], a: int, b: int, text: str, base: int) -> str:
    return text[toks[a].start - base : toks[b - 1].end - base]


_VICTIMS = re.compile(r"\b(?:women and children|women, children|children and women|women and girls)\b", re.IGNORECASE)
_ZH_VICTIMS = re.compile("妇女儿童|妇女和儿童|妇女、儿童|儿童和妇女|妇女和女童")


def _passing(toks: list[Token], a: int, b: int, keys: set[str], single: bool) -> tuple[float, str]:
    """A discount when the words at toks[a:b] are mentioned in passing."""
    word = toks[a].surface.lower()
    if word in ("women", "children") and b < len(toks) + 1:
        around = " ".join(t.surface for t in toks[max(0, a - 2) : b + 2])
        if _VICTIMS.search(around):
            return LIST_FACTOR, "in a list of victims"
    if word in LEVEL_WORDS and b - a == 1:
        near = [t.surface.lower() for t in toks[max(0, a - 3) : a] + toks[b : b + 3]]
        if sum(w in LEVEL_WORDS for w in near) >= 1:
            return LIST_FACTOR, _("in a list")
    if single and _QUALIFIER.search(word) and b < len(toks) and not toks[a].surface[:1].isupper():  # "Syrian crisis" is about Syria
        nxt = toks[b]
        low = nxt.surface.lower()
        if low not in STOP_WORDS and nxt.key not in keys and not low[0].isdigit():
            return QUALIFIER_FACTOR, _("qualifies “{word}”").format(word=nxt.surface)
    return 1.0, ""


def _chinese_hits(text: str, keys: set[str], matcher: Matcher, words: list[str]) -> list[_Hit]:
    hits: list[_Hit] = []
    for concept, a, _b, term in matcher.chinese_in(text):
        key = "@" + concept
        if key in keys:
            around = text[max(0, a - 6) : a + len(term) + 6]
            if _ZH_LEVELS.search(around) is not None and len(term) <= 3:
                hits.append(_Hit(key, term, LIST_FACTOR, _("in a list")))
            elif _ZH_VICTIMS.search(around) is not None and term in ("妇女", "儿童"):
                hits.append(_Hit(key, term, LIST_FACTOR, _("in a list of victims")))
            else:
                hits.append(_Hit(key, term, 1.0, ""))
    for word in words:
        if word in text:
            hits.append(_Hit(word, word, 1.0, ""))
    return hits


@dataclass(frozen=True)
class _Unit:
    statement: Statement
    sentence: Sentence


def _score(hits: list[_Hit], profile: QuestionProfile, courtesy: bool) -> tuple[float, tuple[Reason, ...]]:
    best: dict[str, tuple[float, _Hit, float]] = {}
    for hit in hits:
        for key, factor in profile.index.get(hit.key, ()):
            value = profile.features[key].weight * factor * hit.factor * (COURTESY_FACTOR if courtesy else 1.0)
            found = hit
            if _other_subject(hit, profile.features[key], profile):
                value *= OTHER_SUBJECT_FACTOR
                about = _("about “{word}”").format(word=hit.before or hit.of)
                found = replace(hit, note=_(", ").join(n for n in (hit.note, about) if n))
            if key not in best or value > best[key][0]:
                best[key] = (value, found, factor)
    reasons = []
    anchors = support = 0.0
    anchored = profile.anchored
    for key, (value, hit, factor) in sorted(best.items(), key=lambda x: (-x[1][0], x[0])):
        feature = profile.features[key]
        related = "" if hit.key == key else _("part of the word") if hit.key in key else _("similar word")
        notes = [n for n in (hit.note, related, _("thanks") if courtesy else "",
                             _("topic of the debate") if feature.topic else "") if n]
        reasons.append(Reason(feature.label, hit.passage_words, value, _(", ").join(notes)))
        # a word of similar contexts supports a match, never makes one (a name's own forms do)
        similar = hit.key != key and hit.key not in key and factor < NEAR_ANCHOR
        if not anchored or key in profile.anchors and not (similar and NEAR_SUPPORT_ONLY):
            anchors += value
        else:
            support += value
    return anchors + min(support, SUPPORT_CAP), tuple(reasons)


def _other_subject(hit: _Hit, feature: Feature, profile: QuestionProfile) -> bool:
    """The passage's word is about something the question does not ask about: "gender equality"
    for sovereign equality, "Prohibition of Nuclear Weapons" for the prohibition of the use of
    force (another modifier, or another "of", that is none of the question's words)."""
    if hit.before and feature.modifiers and hit.before not in feature.modifiers and hit.before not in profile.features:
        return True
    return bool(hit.of and feature.complements and hit.of not in feature.complements
                and hit.of not in profile.features)


def _eligible(statements: Iterable[Statement], skipped: list[str]) -> list[Statement]:
    out = []
    for s in statements:
        if s.kind == "procedural":
            continue
        if not s.delegation:
            skipped.append(s.source or s.label())
            continue
        out.append(s)
    return out


def _sentence_passage(sentence: Sentence) -> Passage:
    return Passage(sentence.index, sentence.paragraph, sentence.index, sentence.index, sentence.start,
                   sentence.end, sentence.text)


def compute_coverage(
    statements: Iterable[Statement], questions: Sequence[CoverageQuestion], *, threshold: float = THRESHOLD,
    thesaurus: bool = True, topic: Sequence[str] = (),
) -> CoverageMatrix:
    """The delegations × questions matrix, each cell with its best sentence and why it matched
    (`thesaurus=False`: without the thesaurus; `topic`: the debate's title, whose words weigh as
    the topic; see `profile_questions`)."""
    skipped: list[str] = []
    chosen = _eligible(statements, skipped)
    delegations = sorted({s.delegation for s in chosen if s.delegation})
    matrix = CoverageMatrix(list(questions), delegations, skipped=skipped)
    if not chosen or not questions:
        return matrix
    profiles = profile_questions(questions, thesaurus=thesaurus, floor=threshold, topic=topic)
    keys = {k for p in profiles for k in p.index}
    concepts = [k[1:] for k in keys if k.startswith("@")]
    matcher = Matcher(c for c in concepts if c in concept_table())
    zh_words = sorted(k for k in keys if not k.startswith("@") and _CJK_RUN.fullmatch(k))
    firsts = frozenset(k.split(" ")[0] for k in keys if " " in k)

    chosen.sort(key=_order)
    best: dict[tuple[str, int], tuple[float, tuple[Reason, ...], Statement, Sentence]] = {}
    for statement in chosen:
        delegation = statement.delegation or ""
        for sentence in segment(statement.text).sentences:
            text = sentence.text
            toks = tokens(text, sentence.start)
            hits = _english_hits(text, sentence.start, toks, keys, matcher, firsts) if toks else []
            hits += _chinese_hits(text, keys, matcher, zh_words)
            if not hits:
                continue
            courtesy = _COURTESY.search(text) is not None
            present = {hit.key for hit in hits}
            for profile in profiles:
                if present.isdisjoint(profile.index):
                    continue
                score, reasons = _score(hits, profile, courtesy)
                key = (delegation, profile.question.key)
                if score > 0 and (key not in best or score > best[key][0]):
                    best[key] = (score, reasons, statement, sentence)
    for delegation in delegations:
        first = next(s for s in chosen if s.delegation == delegation)
        for q in questions:
            found = best.get((delegation, q.key))
            if found is None:
                score, reasons, statement, sentence = 0.0, (), first, _first_sentence(first)
            else:
                score, reasons, statement, sentence = found
            score = round(score, 4)
            covered = score >= threshold
            strength = min(1.0, 0.25 + 0.75 * (score - threshold) / (FULL - threshold)) if covered else 0.0
            matrix.cells[(delegation, q.key)] = CoverageCell(
                delegation, q.key, round(strength, 4), score, statement.id, statement.position,
                _sentence_passage(sentence), statement.source, reasons,
            )
    return matrix


def _order(statement: Statement) -> tuple[int, int, str, str]:
    """A canonical order of statements, so results never depend on the order they come in."""
    return statement.position, statement.id or 0, statement.source, statement.text


def _first_sentence(statement: Statement) -> Sentence:
    sentences = segment(statement.text).sentences
    return sentences[0] if sentences else Sentence(0, 0, 0, 0, "")


def apply_marks(matrix: CoverageMatrix, marks: dict[tuple[str, int], Mark]) -> CoverageMatrix:
    """The matrix with the user's marks laid over the tool's judgement (a mark wins)."""
    for (delegation, key), mark in marks.items():
        cell = matrix.cells.get((delegation, key))
        if cell is None:
            continue
        covered = mark == "addressed"
        strength = (cell.strength or 1.0) if covered else 0.0
        matrix.cells[(delegation, key)] = CoverageCell(
            cell.delegation, cell.question_key, strength, cell.score, cell.statement_id, cell.statement_position,
            cell.passage, cell.source, cell.reasons, cell.covered, mark,
        )
    return matrix


# --- convergence ----------------------------------------------------------------------------


def collect_proposals(statements: Iterable[Statement]) -> list[tuple[Statement, Proposal]]:
    """Every proposal of every statement that belongs to a delegation."""
    return [(s, p) for s, p, _before in _proposals_in_context(statements)]


def _proposals_in_context(statements: Iterable[Statement]) -> list[tuple[Statement, Proposal, str]]:
    """Every proposal with the sentence before it in its paragraph ("" for a paragraph's first): a
    proposal often names its object there ("... settlement activities. They must be halted.")."""
    out = []
    for s in sorted(_eligible(statements, []), key=_order):
        sentences = segment(s.text).sentences
        for n, sentence in enumerate(sentences):
            text = sentence.text
            if len(text) < MIN_PROPOSAL_CHARS and len(text) + 2 * len(_CJK_CHAR.findall(text)) < MIN_PROPOSAL_CHARS:
                continue
            found = classify_sentence(text)
            if found:
                previous = sentences[n - 1] if n else None
                same = previous is not None and previous.paragraph == sentence.paragraph
                out.append((s, Proposal(found[0], found[1], sentence), previous.text if same and previous else ""))
    return out


MIN_PROPOSAL_CHARS = 25  # shorter sentences carry no proposal ("We agree."); a Chinese character counts 3
_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# What a proposal is about is its object, not the act of proposing: the words that make a sentence
# a call, a recommendation or a position ("we call for", "reiterates", "it is essential") are the
# same in every proposal and would group sentences by how they are phrased.
SPEECH_ACT_WORDS = frozenset(stem(w) for w in """
call calls called calling urge urged urging appeal appealed invite encourage encouraged ask request requested hope
trust demand insist propose suggest recommend need essential imperative necessary crucial vital important importance
critical urgent urgently believe consider oppose reject condemn condemnation welcome reaffirm reiterate stress
emphasize underline underscore recognize share view adhere favour convinced deplore regret regrettable express note
noted concern concerned attach commit committed pledge continue remain ready determined firmly strongly once again
therefore indeed delegation country government still fact thereby order
""".split())
ZH_SPEECH_ACT_WORDS = frozenset("""
呼吁 敦促 促请 吁请 倡议 希望 期待 鼓励 建议 提议 必须 认为 主张 支持 反对 坚持 重申 谴责 欢迎 赞赏 强调 赞成 我们 我国
中方 愿意 承诺 致力于 继续 各方 第一 第二 第三 第四 此外 同时 因此 安理会
""".split())

PROPOSAL_WORD = 0.5  # an English word outside the thesaurus at full specificity, against a concept (0.7 or more)
PROPOSAL_ZH_WORD = 0.8  # a Chinese word at full specificity
PROPOSAL_ZH_PAIR = 0.2  # a pair of Chinese characters inside a word (meets another segmentation of the same words)
SPECIFICITY_POWER = 2.0  # weights squared: a fairly common word counts far less than a specific one
DEBATE_SHARE = 0.3  # the share of a feature's weight that depends on how rare it is in this debate's proposals
CONTEXT_SHARE = 0.3  # the sentence before a proposal, against the proposal itself
CONTEXT_TERMS = 4  # its most telling terms only
CONTEXT_CHARS = 60  # of its end, when it is no proposal itself
MIN_FEATURE_WEIGHT = 0.05
MIN_SHARE = 0.12  # a term below this share of a proposal's vector is left out of it


def proposal_terms(text: str) -> dict[str, float]:
    """What one proposal sentence is about, as weighted features (not normalised): thesaurus
    concepts (shared by both languages), English stems, Chinese words of a general dictionary and
    their character pairs; the words that make it a proposal are left out (SPEECH_ACT_WORDS)."""
    matcher = full_matcher()
    toks = tokens(text)
    features: dict[str, float] = {}
    consumed: set[int] = set()
    for concept, a, b, _w in matcher.english(toks):
        consumed.update(range(a, b))
        features["@" + concept] = concept_weight(concept)
    for i, tok in enumerate(toks):
        if i in consumed:
            continue
        value = _word_value(tok.surface, tok.stem, tok.key)
        if value > features.get(tok.key, 0.0):
            features[tok.key] = value
    if _CJK_RUN.search(text):
        rest = list(text)
        for concept, a, b, _t in matcher.chinese_in(text):
            features["@" + concept] = concept_weight(concept)
            rest[a:b] = [" "] * (b - a)
        for run in _CJK_RUN.findall("".join(rest)):
            for piece in split_at_function_words(run):
                for i in range(len(piece) - 1):
                    features["·" + piece[i : i + 2]] = PROPOSAL_ZH_PAIR
            for word, specificity, parts in key_terms(run):
                if word in ZH_SPEECH_ACT_WORDS:
                    continue
                value = PROPOSAL_ZH_WORD * math.pow(specificity, SPECIFICITY_POWER)
                features["·" + word] = max(features.get("·" + word, 0.0), value)
                for part, share in parts:
                    if part not in ZH_SPEECH_ACT_WORDS:
                        features["·" + part] = max(features.get("·" + part, 0.0), 0.5 * share * value)
    return {k: v for k, v in features.items() if v >= MIN_FEATURE_WEIGHT}


@lru_cache(maxsize=65536)
def _word_value(surface: str, stemmed: str, key: str) -> float:
    """What an English word outside the thesaurus weighs in a proposal (0: not a content word)."""
    low = surface.lower()
    if low in STOP_WORDS or low in FRAME_WORDS or len(low) <= 2 or stemmed in SPEECH_ACT_WORDS:
        return 0.0
    return PROPOSAL_WORD * math.pow(weight(key), SPECIFICITY_POWER)


def proposal_vectors(texts: Sequence[str], before: Sequence[str] = ()) -> list[dict[str, float]]:
    """Unit vectors of proposals made in one debate: each proposal's terms (`proposal_terms`), with
    the sentence before it for a share (CONTEXT_SHARE), each term weighed down by how many of
    the debate's proposals use it (the debate's own topic tells proposals apart less)."""
    cache: dict[str, dict[str, float]] = {}

    def terms(text: str) -> dict[str, float]:
        if text not in cache:
            cache[text] = proposal_terms(text) if text else {}
        return cache[text]

    own = [terms(t) for t in texts]
    # the sentence before: its terms if it is a proposal too (already read), else its end's
    contexts = [cache[b] if b in cache else terms(_tail(b)) for b in before] if before else [{}] * len(own)
    count = len(own)
    used: dict[str, int] = defaultdict(int)
    for features in own:
        for key in features:
            used[key] += 1
    scale = math.log(count + 1) if count else 1.0
    # 1 for a term of one proposal, 1 - DEBATE_SHARE for a term of all (a term of none: 1)
    in_debate = {key: 1.0 - DEBATE_SHARE * (1.0 - min(1.0, math.log((count + 1) / (n + 0.5)) / scale))
                 for key, n in used.items()}

    vectors = []
    for features, context in zip(own, contexts):
        vector = {k: v * in_debate[k] for k, v in features.items()}
        for k, v in heapq.nlargest(CONTEXT_TERMS, context.items(), key=lambda kv: (kv[1], kv[0])):
            vector[k] = vector.get(k, 0.0) + CONTEXT_SHARE * v * in_debate.get(k, 1.0)
        vectors.append(_unit(vector))
    return vectors


def _tail(text: str) -> str:
    """The end of a sentence (CONTEXT_CHARS, from a word's start), where it names what the next
    sentence refers to ("... expand settlements in the West Bank. They must be halted.")."""
    if len(text) <= CONTEXT_CHARS:
        return text
    cut = text.find(" ", len(text) - CONTEXT_CHARS)
    return text[cut + 1 :] if cut >= 0 else text


def _unit(vector: dict[str, float]) -> dict[str, float]:
    """The vector at unit length, without the terms that would carry less than MIN_SHARE of it
    (they hardly change a similarity, and every term kept costs a comparison)."""
    norm = sum(v * v for v in vector.values()) ** 0.5
    if not norm:
        return {}
    kept = {k: v for k, v in vector.items() if v >= MIN_SHARE * norm}
    norm = sum(v * v for v in kept.values()) ** 0.5
    return {k: v / norm for k, v in kept.items()}


def sentence_features(text: str) -> dict[str, float]:
    """One proposal sentence alone as a unit vector (`proposal_vectors` of a debate of one)."""
    return proposal_vectors([text])[0]


NEIGHBOURS = 15  # similarities kept per proposal (the graph stays sparse at any size)
EDGE_SHARE = 0.85  # similarities below this share of the threshold are left out of the graph (taken as 0)
MAX_POSTINGS = 120  # a feature in more proposals than this proposes no candidates (too common to tell)


def _similarities(vectors: list[dict[str, float]], owners: list[str], floor: float) -> dict[tuple[int, int], float]:
    """Cosine similarities >= floor between proposals of different delegations, each proposal
    keeping its NEIGHBOURS best: an inverted index instead of an n×n matrix, each pair once.

    Candidates come from features shared by at most MAX_POSTINGS proposals; a candidate's exact
    similarity then adds what the common features share."""
    owner_of = {name: n for n, name in enumerate(sorted(set(owners)))}
    owner_ids = [owner_of[o] for o in owners]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for key, value in vector.items():
            postings[key].append((i, value))
    place: dict[tuple[str, int], int] = {}
    top: dict[str, float] = {}  # a common feature's largest value in any proposal
    for key, posting in postings.items():
        if len(posting) <= MAX_POSTINGS:
            for at, (i, _v) in enumerate(posting):
                place[(key, i)] = at
        else:
            top[key] = max(v for _i, v in posting)
    commons = [{k: v for k, v in vector.items() if k in top} for vector in vectors]
    found: list[tuple[float, int, int]] = []
    for i, vector in enumerate(vectors):
        mine = owner_ids[i]
        dots: dict[int, float] = {}
        for key, value in vector.items():
            if key in top:
                continue
            for j, other in postings[key][place[(key, i)] + 1 :]:  # later proposals only: each pair once
                if owner_ids[j] != mine:
                    dots[j] = dots.get(j, 0.0) + value * other
        common = commons[i]
        reach = sum(value * top[key] for key, value in common.items())  # the most the common features can add
        for j, d in dots.items():
            if d + reach >= floor:
                theirs = commons[j]
                for key in common.keys() & theirs.keys():
                    d += common[key] * theirs[key]
                if d >= floor:
                    found.append((d, i, j))
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for d, i, j in found:
        best[i].append((-d, j))
        best[j].append((-d, i))
    edges: dict[tuple[int, int], float] = {}
    for i, near in best.items():
        for negative, j in heapq.nsmallest(NEIGHBOURS, near):  # the most similar first, ties by index
            edges[(min(i, j), max(i, j))] = -negative
    return edges


def _average_linkage(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage, on a sparse similarity graph (a missing edge is 0):
    merge the two clusters of highest mean similarity while it is at least `threshold`."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), value in edges.items():
        sums[a][b] = sums[a].get(b, 0.0) + value
        sums[b][a] = sums[b].get(a, 0.0) + value
    heap = [(-value, a, b) for (a, b), value in edges.items() if value >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        mean = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(mean + negative) > 1e-12:  # stale entry: pushed before a merge changed it
            continue
        c = next_id
        next_id += 1
        members[c] = members.pop(a) + members.pop(b)
        merged: dict[int, float] = {}
        for old in (a, b):
            for x, value in sums.pop(old).items():
                if x in (a, b):
                    continue
                merged[x] = merged.get(x, 0.0) + value
                del sums[x][old]
        sums[c] = merged
        for x, value in merged.items():
            sums[x][c] = value
            mean = value / (len(members[c]) * len(members[x]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(c, x), max(c, x)))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def compute_convergence(
    statements: Iterable[Statement],
    *,
    threshold: float = CONVERGENCE_SIMILARITY,
    min_supporters: int = 2,
    kinds: Sequence[str] = ("call", "recommendation", "commitment", "position"),
) -> list[ConvergenceGroup]:
    """Groups of similar proposals from different delegations, most widely shared first.

    Proposal sentences become weighted vectors of what they propose (`proposal_vectors`: the
    object's terms, not the act of proposing, with the sentence before for context and the
    debate's own topic weighed down); similarities are computed through an inverted index and
    kept sparse (NEIGHBOURS per proposal); groups are formed by average linkage with an absolute
    similarity threshold, so a group grows only while its members stay similar on average (no
    chain of weak links makes a giant group). Time and memory grow with the number of proposals.
    """
    chosen = [(s, p, before) for s, p, before in _proposals_in_context(statements) if p.kind in kinds]
    if len(chosen) < 2:
        return []
    found = [(s, p) for s, p, _before in chosen]
    vectors = proposal_vectors([p.text for _s, p in found], [before for _s, _p, before in chosen])
    owners = [s.delegation or "" for s, _p in found]
    edges = _similarities(vectors, owners, floor=threshold * EDGE_SHARE)
    groups: list[ConvergenceGroup] = []
    for indices in _average_linkage(len(found), edges, threshold):
        supporters = sorted({owners[i] for i in indices})
        if len(supporters) < min_supporters:
            continue

        def sim(i: int, j: int) -> float:
            if i == j:
                return 1.0
            return edges.get((min(i, j), max(i, j)), 0.0)

        centre = max(indices, key=lambda i: (sum(sim(i, j) for j in indices), -i))
        members = []
        for i in sorted(indices, key=lambda i: (-sim(centre, i), i)):
            statement, proposal = found[i]
            members.append(ConvergenceMember(
                statement.delegation or "", statement.id, proposal.kind, proposal.text,
                proposal.sentence.index, sim(centre, i),
            ))
        kinds_count: dict[str, int] = defaultdict(int)
        for m in members:
            kinds_count[m.kind] += 1
        cohesion = sum(m.similarity for m in members) / len(members)
        groups.append(ConvergenceGroup(0, supporters, members[0], members, cohesion, dict(kinds_count)))
    groups.sort(key=lambda g: (-g.count, -g.cohesion, g.representative.text))
    for rank, group in enumerate(groups, 1):
        group.rank = rank
    return groups


# --- questions given as text ----------------------------------------------------------------

_MARKER = re.compile(r"^\s*(?:[-•·*]|\d{1,2}[.)、]|[(（]?[a-z一二三四五六七八九十][)）.、])\s*")


def parse_questions(text: str) -> list[CoverageQuestion]:
    """Guiding questions from text: one per line, "#" lines are comments, and " | " separates
    other wordings of the same question (its translation), e.g.
    "How can regional organizations help? | 区域组织如何发挥作用？"."""
    out: list[CoverageQuestion] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        wordings = [_MARKER.sub("", w).strip() for w in line.split(" | ")]
        wordings = [w for w in wordings if w]
        if wordings:
            n = len(out) + 1
            out.append(CoverageQuestion(n, f"Q{n}", wordings[0], tuple(wordings[1:])))
    return out
