"""Coverage (which delegation addressed which guiding question, with the passage) and
convergence (similar proposals shared by several delegations).

Ranking is scikit-learn TF-IDF (hashed features, sublinear tf), offline and deterministic:
- character n-grams ("char_wb", 2–4) work for Chinese and English alike;
- word features: English unigrams and bigrams (stop words dropped, light stemming), Chinese
  character bigrams, and concept tokens from the English–Chinese bridge in `coverage_terms`;
- every document also carries the bridge's words in both languages for the concepts it
  mentions, so IDF learns across languages ("宪章" is as common as "Charter").
A passage is compared with the question's wording in its own language. A question worded in
only one language reaches the other language through the bridge's concepts alone: that
finds passages on listed topics (training, host State, unilateralism …), not paraphrases.
Give the translation (`CoverageQuestion.alternatives`) for real cross-language matching.
A cell's strength compares the best passage with how every passage of the debate scores on
that question (a z-score), so generic text ("the Charter", "the Council") is not an answer.
Convergence clusters proposal sentences (agglomerative, average linkage, cosine distance
threshold) and ranks groups by the number of delegations behind them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from debateprep.domain.coverage_terms import bridge_text, concepts_in
from debateprep.domain.statements import Passage, Proposal, Statement, extract_proposals, passages

# Tuned on S/PV.8699 (see benchmarks/bench_coverage.py and tests/test_coverage.py).
Z_COVERED = 2.0  # z-score from which a passage counts as addressing a question
Z_FULL = 5.0  # z-score at which strength reaches 1.0
MIN_SCORE = 0.06  # and a floor on the raw similarity
MIN_LANGUAGE_PASSAGES = 40  # fewer in a language: its null is how they score on the other questions
CHAR_WEIGHT = 0.5
CONVERGENCE_DISTANCE = 0.75  # cosine distance under which proposals are grouped (average linkage)


@dataclass(frozen=True)
class CoverageQuestion:
    """A guiding question; `alternatives` are other wordings (a translation, the question form)."""

    key: int
    label: str
    text: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoverageCell:
    delegation: str
    question_key: int
    strength: float  # 0..1; 0 means not addressed
    score: float  # raw similarity of the best passage
    z: float
    statement_id: int | None
    statement_position: int
    passage: Passage
    source: str

    @property
    def covered(self) -> bool:
        return self.strength > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "delegation": self.delegation,
            "question": self.question_key,
            "covered": self.covered,
            "strength": round(self.strength, 3),
            "score": round(self.score, 4),
            "z": round(self.z, 2),
            "statement_id": self.statement_id,
            "source": self.source,
            "passage": {
                "paragraph": self.passage.paragraph + 1,
                "sentences": [self.passage.first_sentence + 1, self.passage.last_sentence + 1],
                "start": self.passage.start,
                "end": self.passage.end,
                "text": self.passage.text,
            },
        }


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

    def to_json(self) -> dict[str, Any]:
        return {
            "questions": [
                {"key": q.key, "label": q.label, "text": q.text, "covered_by": len(self.covered_by(q.key))}
                for q in self.questions
            ],
            "delegations": self.delegations,
            "cells": [c.to_json() for c in self.cells.values() if c.covered],
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


# --- features -------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z][a-z'-]+")
_PUNCTUATION = re.compile(r"[^\w\s]+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light English stemmer: enough to meet 'disputes'/'dispute', 'strengthening'/'strengthen'."""
    for suffix, keep in (("ies", 3), ("ing", 4), ("ed", 4), ("es", 4), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def _word_features(doc: tuple[str, list[str]]) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    text, concepts = doc
    text = f"{text}\n{bridge_text(concepts)}"
    lowered = text.lower()
    words = [_stem(w) for w in _WORD.findall(lowered) if w not in ENGLISH_STOP_WORDS and len(w) > 2]
    features = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    for run in _CJK_RUN.findall(text):
        features.extend(run[i : i + 2] for i in range(len(run) - 1))
    features.extend(f"@{c}" for c in concepts)
    return features


def _char_text(text: str, concepts: list[str]) -> str:
    """Lowercased text plus concept tokens, so the bridge also counts in the character space."""
    return _PUNCTUATION.sub(" ", f"{text}\n{bridge_text(concepts)}".lower()) + " " + " ".join(f"@{c}" for c in concepts)


@lru_cache(maxsize=65536)
def _word_ngrams(word: str, low: int = 2, high: int = 4) -> tuple[str, ...]:
    """Character n-grams of one space-padded word, exactly as scikit-learn's "char_wb"."""
    padded = f" {word} "
    size = len(padded)
    out: list[str] = []
    for n in range(low, high + 1):
        out.extend(padded[i : i + n] for i in range(max(1, size - n + 1)))
        if size <= n:  # a short word is counted once, not once per n
            break
    return tuple(out)


def _char_features(text: str) -> list[str]:
    """char_wb 2–4-grams; words repeat, so each word's n-grams are computed once (cached)."""
    out: list[str] = []
    for word in text.split():
        out.extend(_word_ngrams(word))
    return out


def _tfidf(analyzer: Callable[[Any], list[str]], documents: Sequence[Any]) -> Any:
    """Sublinear TF-IDF rows (L2-normalised) over hashed features: no vocabulary to build."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    counts = HashingVectorizer(
        analyzer=analyzer, n_features=2**22, alternate_sign=False, norm=None, dtype=np.float64
    ).transform(documents)
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts)


class _Space:
    """TF-IDF spaces fitted on the same documents.

    `lexical` is the weighted mean of the character and word spaces (language-dependent);
    `concepts` compares only bridge concepts, so it means the same in both languages.
    """

    def __init__(self, documents: Sequence[str], with_concepts: bool = True) -> None:
        concepts = [concepts_in(d) for d in documents]
        self.char_matrix = _tfidf(_char_features, [_char_text(d, c) for d, c in zip(documents, concepts)])
        self.word_matrix = _tfidf(_word_features, list(zip(documents, concepts)))
        self.concept_matrix = _tfidf(_concept_features, concepts) if with_concepts and any(concepts) else None

    def lexical(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> Any:
        a, b = list(rows_a), list(rows_b)
        char = self.char_matrix[a] @ self.char_matrix[b].T
        word = self.word_matrix[a] @ self.word_matrix[b].T
        return (CHAR_WEIGHT * char + (1 - CHAR_WEIGHT) * word).toarray()

    def concepts(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> Any:
        import numpy as np

        if self.concept_matrix is None:
            return np.zeros((len(rows_a), len(rows_b)))
        return (self.concept_matrix[list(rows_a)] @ self.concept_matrix[list(rows_b)].T).toarray()


def _concept_features(concepts: list[str]) -> list[str]:
    return concepts


# --- coverage -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    statement: Statement
    passage: Passage
    language: str


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


def _language(text: str) -> str:
    return "zh" if _CJK_RUN.search(text) else "en"


def _zscores(sims: Any, mask: Any) -> Any:
    """z-scores of sims[:, mask] against each row's distribution over those columns."""
    sub = sims[:, mask]
    return (sub - sub.mean(axis=1, keepdims=True)) / (sub.std(axis=1, keepdims=True) + 1e-9)


def compute_coverage(statements: Iterable[Statement], questions: Sequence[CoverageQuestion]) -> CoverageMatrix:
    """The delegations × questions matrix, each cell with its best passage and strength.

    A passage is scored against the question's wording in the passage's own language
    (characters, words and bridge concepts); when the question has no wording in that
    language, against the question's bridge concepts only. Scores become z-scores against all
    passages of the debate scored the same way (per language when a language has enough
    passages), so each question's generic vocabulary does not count as an answer.
    """
    import numpy as np

    skipped: list[str] = []
    chosen = _eligible(statements, skipped)
    delegations = sorted({s.delegation for s in chosen if s.delegation})
    matrix = CoverageMatrix(list(questions), delegations, skipped=skipped)
    units = [_Unit(s, p, _language(p.text)) for s in chosen for p in passages(s.text)]
    if not units or not questions:
        return matrix

    # One document per question and language it is worded in; plus all wordings together.
    wordings: dict[tuple[int, str], list[str]] = defaultdict(list)
    for qi, q in enumerate(questions):
        for text in (q.text, *q.alternatives):
            if text.strip():
                wordings[(qi, _language(text))].append(text)
    keys = sorted(wordings)
    documents = [u.passage.text for u in units]
    documents += ["\n".join(wordings[k]) for k in keys]
    documents += ["\n".join((q.text, *q.alternatives)) for q in questions]
    n, n_keys = len(units), len(keys)
    space = _Space(documents)

    languages = np.array([u.language for u in units])
    # Passages in a language the question is not worded in: only the concepts can match.
    scores = space.concepts(range(n + n_keys, n + n_keys + len(questions)), range(n))
    z = _zscores(scores, np.ones(n, dtype=bool)) if scores.any() else np.full(scores.shape, -np.inf)
    lexical = space.lexical(range(n, n + n_keys), range(n))
    counts = {lang: int((languages == lang).sum()) for lang in set(languages.tolist())}
    for lang in sorted(counts):
        mask = languages == lang
        rows = [(qi, i) for i, (qi, ql) in enumerate(keys) if ql == lang]
        if not rows:
            continue
        sims = lexical[[i for _, i in rows]][:, mask]  # questions worded in lang × its passages
        if counts[lang] >= MIN_LANGUAGE_PASSAGES or len(rows) < 3:
            # Each question against its own distribution over this language's passages.
            zl = (sims - sims.mean(axis=1, keepdims=True)) / (sims.std(axis=1, keepdims=True) + 1e-9)
        else:
            # Too few passages for that: a question's null is how these passages score on
            # the other questions (more samples, same language and scale).
            zl = np.empty_like(sims)
            for r in range(len(rows)):
                others = np.delete(sims, r, axis=0)
                zl[r] = (sims[r] - others.mean()) / (others.std() + 1e-9)
        for r, (qi, _) in enumerate(rows):
            z[qi, mask] = zl[r]
            scores[qi, mask] = sims[r]

    best: dict[tuple[str, int], tuple[float, float, int]] = {}
    for qi, question in enumerate(questions):
        for ui, unit in enumerate(units):
            key = (unit.statement.delegation or "", question.key)
            candidate = (float(z[qi, ui]), float(scores[qi, ui]), ui)
            if key not in best or candidate[:2] > best[key][:2]:
                best[key] = candidate
    for (delegation, qkey), (zv, score, ui) in sorted(best.items()):
        unit = units[ui]
        covered = zv >= Z_COVERED and score >= MIN_SCORE
        strength = min(1.0, 0.2 + 0.8 * (zv - Z_COVERED) / (Z_FULL - Z_COVERED)) if covered else 0.0
        matrix.cells[(delegation, qkey)] = CoverageCell(
            delegation, qkey, round(strength, 4), score, zv, unit.statement.id, unit.statement.position,
            unit.passage, unit.statement.source,
        )
    return matrix


# --- convergence ----------------------------------------------------------------------------


def collect_proposals(statements: Iterable[Statement]) -> list[tuple[Statement, Proposal]]:
    """Every proposal of every statement that belongs to a delegation."""
    return [
        (s, p) for s in _eligible(statements, []) for p in extract_proposals(s.text) if len(p.text) >= 25
    ]


def compute_convergence(
    statements: Iterable[Statement],
    *,
    distance_threshold: float = CONVERGENCE_DISTANCE,
    min_supporters: int = 2,
    kinds: Sequence[str] = ("call", "recommendation", "commitment"),
) -> list[ConvergenceGroup]:
    """Groups of similar proposals from different delegations, most widely shared first."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    found = [(s, p) for s, p in collect_proposals(statements) if p.kind in kinds]
    if len(found) < 2:
        return []
    space = _Space([p.text for _, p in found], with_concepts=False)
    everything = range(len(found))
    sims = np.clip(space.lexical(everything, everything), 0.0, 1.0)
    distance = 1.0 - sims
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=distance_threshold
    ).fit_predict(distance)

    by_label: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        by_label[int(label)].append(index)
    groups: list[ConvergenceGroup] = []
    for indices in by_label.values():
        supporters = sorted({found[i][0].delegation or "" for i in indices})
        if len(supporters) < min_supporters:
            continue
        centre = max(indices, key=lambda i: (sims[i, indices].mean(), -i))
        members = []
        for i in sorted(indices, key=lambda i: (-sims[centre, i], i)):
            statement, proposal = found[i]
            members.append(ConvergenceMember(
                statement.delegation or "", statement.id, proposal.kind, proposal.text,
                proposal.sentence.index, float(sims[centre, i]),
            ))
        kinds_count: dict[str, int] = defaultdict(int)
        for m in members:
            kinds_count[m.kind] += 1
        groups.append(ConvergenceGroup(
            0, supporters, members[0], members, float(np.mean([m.similarity for m in members])), dict(kinds_count)
        ))
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
