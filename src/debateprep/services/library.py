"""Agreed-language library use cases: import adopted text, search it, find language like a draft's.

`LibraryService(db)` is shared by the CLI and the TUI. Searches return `SearchHit`s (paragraph,
citation, score, highlighted snippet); `similar` returns `SimilarHit`s with a 0..1 similarity,
best first — the PRST drafting code calls it to mark paragraphs agreed or new, so its signature
stays put: `similar(text, limit=10, lang=None) -> list[SimilarHit]`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from debateprep.domain.errors import InputError, NotFound
from debateprep.domain.resolution import KINDS, AdoptedDocument, Paragraph
from debateprep.domain.search_text import PUNCT_TOKEN, Snippet, parse_query, snippet, tokens
from debateprep.domain.text import detect_language
from debateprep.importers.library import ImportReport, Progress, bulk_import, content_hash
from debateprep.storage.db import Database
from debateprep.storage.repos import library as repo
from debateprep.storage.search import Filters, backend_for

SAMPLE_FOLDER = "library_samples"
_CITATION = re.compile(
    r"^\s*(?P<symbol>S/(?:RES/\d+\s*\(\d{4}\)|PRST/\d{4}/\d+))\s*,?\s*"
    r"(?P<kind>PP|OP|para)\s*(?P<number>\d+)\s*(?:\((?P<sub>[a-z]{1,2}(?:\.[ivx]+)?|[ivx]+|\d+)\))?\s*$",
    re.IGNORECASE,
)
_EN_STOP = set(
    "the of and to in a an its on for by with all that as be is at from this which their or are has have it "
    "also including such these those other any into under upon within been was were will shall should may "
    "must not no nor".split()
)


@dataclass(frozen=True)
class SearchHit:
    id: int  # library paragraph id (stable while the document is not re-imported)
    paragraph: Paragraph
    score: float
    snippet: Snippet

    @property
    def symbol(self) -> str:
        return self.paragraph.symbol

    @property
    def citation(self) -> str:
        return self.paragraph.citation

    @property
    def text(self) -> str:
        return self.paragraph.text

    def to_json(self) -> dict[str, object]:
        p = self.paragraph
        return {
            "id": self.id, "symbol": p.symbol, "kind": p.kind, "number": p.number, "sub": p.sub or None,
            "lead": p.lead, "lang": p.lang, "text": p.text, "citation": p.citation,
            "score": round(self.score, 4), "snippet": self.snippet.text,
            "highlights": [list(s) for s in self.snippet.spans],
        }


@dataclass(frozen=True)
class SimilarHit:
    id: int
    paragraph: Paragraph
    similarity: float  # 0..1 (1: the same words)

    @property
    def citation(self) -> str:
        return self.paragraph.citation

    @property
    def text(self) -> str:
        return self.paragraph.text

    def to_json(self) -> dict[str, object]:
        p = self.paragraph
        return {
            "id": self.id, "symbol": p.symbol, "kind": p.kind, "number": p.number, "sub": p.sub or None,
            "lead": p.lead, "lang": p.lang, "text": p.text, "citation": p.citation,
            "similarity": round(self.similarity, 4),
        }


def _comparable(text: str) -> str:
    """Text reduced to what similarity is about: tokens, no punctuation, no case."""
    toks = [t for t in tokens(text) if t != PUNCT_TOKEN]
    out: list[str] = []
    for t in toks:
        if len(t) == 1 and not t.isascii():
            out.append(t)  # Chinese: characters run together
        else:
            out.append((" " if out else "") + t + " ")
    return re.sub(r"\s+", " ", "".join(out)).strip()


def similarity(a: str, b: str) -> float:
    """0..1: how close two paragraphs are in wording (rapidfuzz, tolerant of one being a part of the other)."""
    from rapidfuzz import fuzz

    x, y = _comparable(a), _comparable(b)
    if not x or not y:
        return 0.0
    whole = fuzz.ratio(x, y)
    shorter, longer = sorted((len(x), len(y)))
    # A draft sentence taken from a longer paragraph is still agreed language, a bit less close.
    part = fuzz.partial_ratio(x, y) * (0.85 + 0.15 * shorter / longer) if shorter >= 12 else 0.0
    words = fuzz.token_set_ratio(x, y) * (0.5 + 0.5 * shorter / longer) if " " in x and " " in y else 0.0
    return max(whole, part, words) / 100.0


def _similar_terms(text: str, lang: str, limit: int = 48) -> list[tuple[str, ...]]:
    """Candidate terms for "like this": English content words, Chinese character bigrams."""
    toks = tokens(text)
    terms: list[tuple[str, ...]] = []
    if lang == "zh":
        han = [t for t in toks if len(t) == 1 and not t.isascii() and t != PUNCT_TOKEN]
        terms = [(a, b) for a, b in zip(han, han[1:], strict=False)]
    else:
        terms = [(t,) for t in toks if t != PUNCT_TOKEN and t not in _EN_STOP and len(t) > 1]
    unique = list(dict.fromkeys(terms))
    if len(unique) > limit:  # keep an even spread over the text
        step = len(unique) / limit
        unique = [unique[int(i * step)] for i in range(limit)]
    return unique


class LibraryService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.backend = backend_for(db.dialect)

    # import ------------------------------------------------------------------------------

    def _save(self, doc: AdoptedDocument, digest: str) -> None:
        with self.db.transaction() as s:
            repo.save_document(s, doc, digest)

    def _stored(self, symbol: str, lang: str) -> tuple[str, str] | None:
        with self.db.session() as s:
            return repo.find_stored(s, symbol, lang)

    def import_paths(self, paths: Sequence[str | Path], progress: Progress | None = None) -> ImportReport:
        """Import files and folders; resumable (what is in is skipped), one transaction per document."""
        with self.db.session() as s:
            hashes = repo.known_hashes(s)
        return bulk_import(paths, known_hashes=hashes, stored=self._stored, save=self._save, progress=progress)

    def import_text(self, text: str, *, symbol: str | None = None, source: str = "") -> AdoptedDocument:
        """Import one document given as text (replaces a stored one with the same symbol)."""
        from debateprep.domain.resolution import parse_adopted

        doc = parse_adopted(text, symbol=symbol, source=source)
        if not doc.symbol:
            raise InputError(source or None, "no resolution or presidential statement symbol found")
        if not doc.paragraphs:
            raise InputError(source or None, "no paragraphs found")
        self._save(doc, content_hash(text))
        return doc

    def load_sample(self, progress: Progress | None = None) -> ImportReport:
        """The three seed resolutions bundled with debateprep (S/RES/2518, 2589, 2594)."""
        from debateprep.services.sample import sample_dir

        return self.import_paths([sample_dir(SAMPLE_FOLDER)], progress)

    # reading -----------------------------------------------------------------------------

    def show(self, symbol: str, lang: str | None = None) -> AdoptedDocument:
        with self.db.session() as s:
            return repo.get_document(s, self._symbol(symbol), lang)[1]

    def documents(self) -> list[repo.DocumentSummary]:
        with self.db.session() as s:
            return repo.summaries(s)

    def count(self) -> int:
        with self.db.session() as s:
            return repo.count_documents(s)

    def paragraph(self, ref: int | str, lang: str | None = None) -> repo.StoredParagraph:
        """A paragraph by library id or by citation ("S/RES/2594 (2021), OP 4", "… OP 4 (a)")."""
        with self.db.session() as s:
            if isinstance(ref, int) or str(ref).strip().isdigit():
                found = repo.paragraphs_by_id(s, [int(ref)])
                if not found:
                    raise NotFound(f"library paragraph {ref} does not exist")
                return next(iter(found.values()))
            m = _CITATION.match(str(ref))
            if not m:
                raise InputError(None, f"not a citation: {ref!r} (like 'S/RES/2594 (2021), OP 4')")
            kind = m.group("kind").upper() if m.group("kind").lower() != "para" else "para"
            return repo.paragraph_at(
                s, self._symbol(m.group("symbol")), kind, int(m.group("number")), (m.group("sub") or "").lower(), lang
            )

    def context(self, paragraph_id: int, before: int = 2, after: int = 2) -> list[repo.StoredParagraph]:
        with self.db.session() as s:
            return repo.neighbours(s, paragraph_id, before, after)

    # search ------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        kind: str | None = None,
        lead: str | None = None,
        symbol: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Paragraphs containing every term of `query`, best first, with highlighted snippets."""
        parsed = parse_query(query)
        if parsed.empty:
            return []
        filters = self._filters(lang, kind, lead, symbol, year_from, year_to)
        with self.db.session() as s:
            hits = self.backend.search(s, parsed.terms, filters, max(1, min(limit, 500)))
            rows = repo.paragraphs_by_id(s, [h.paragraph_id for h in hits])
        return [
            SearchHit(h.paragraph_id, rows[h.paragraph_id].paragraph, h.score, snippet(rows[h.paragraph_id].paragraph.text, parsed))
            for h in hits
            if h.paragraph_id in rows
        ]

    def similar(self, text: str, limit: int = 10, *, lang: str | None = None, candidates: int = 60) -> list[SimilarHit]:
        """Adopted paragraphs closest in wording to `text` (a draft sentence or paragraph), best first."""
        if not text.strip():
            return []
        lang = lang or detect_language(text)
        terms = _similar_terms(text, lang)
        if not terms:
            return []
        with self.db.session() as s:
            hits = self.backend.any_of(s, terms, Filters(lang=lang), candidates)
            rows = repo.paragraphs_by_id(s, [h.paragraph_id for h in hits])
        scored = [SimilarHit(pid, sp.paragraph, similarity(text, sp.paragraph.text)) for pid, sp in rows.items()]
        scored.sort(key=lambda h: (-h.similarity, h.id))
        return scored[:limit]

    # helpers -----------------------------------------------------------------------------

    @staticmethod
    def _symbol(symbol: str) -> str:
        from debateprep.domain.symbols import normalise_symbol

        try:
            return normalise_symbol(symbol)
        except ValueError as exc:
            raise InputError(None, f"not a UN document symbol: {symbol!r}") from exc

    def _filters(
        self, lang: str | None, kind: str | None, lead: str | None, symbol: str | None,
        year_from: int | None, year_to: int | None,
    ) -> Filters:
        if lang not in (None, "zh", "en"):
            raise InputError(None, f"language must be zh or en, not {lang!r}")
        if kind is not None:
            kind = "para" if kind.lower() == "para" else kind.upper()
            if kind not in KINDS:
                raise InputError(None, f"kind must be PP, OP or para, not {kind!r}")
        if year_from is not None and year_to is not None and year_from > year_to:
            raise InputError(None, f"year range {year_from}-{year_to} is empty")
        return Filters(
            lang=lang, kind=kind, lead=(lead or "").strip() or None,
            symbol=self._symbol(symbol) if symbol else None, year_from=year_from, year_to=year_to,
        )
