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
from typing import TYPE_CHECKING, Any

from debateprep.domain import limits
from debateprep.domain.errors import InputError, NotFound
from debateprep.domain.resolution import KINDS, AdoptedDocument, Paragraph, parse_citation
from debateprep.domain.search_text import PUNCT_TOKEN, Snippet, parse_query, snippet, tokens
from debateprep.domain.text import detect_language
from debateprep.i18n import N_, _, document_language_name, ngettext
from debateprep.storage.db import Database
from debateprep.storage.repos import library as repo
from debateprep.storage.search import Filters, backend_for

if TYPE_CHECKING:
    from debateprep.importers.library import ImportReport, Progress

SAMPLE_FOLDER = "library_samples"
SIMILAR_CAP = 500  # a phrase in more paragraphs than this says little about where a text comes from
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
            "part": p.part or None,
            "lead": p.lead, "lang": p.lang, "text": p.text, "citation": p.citation,
            "score": round(self.score, 4), "snippet": self.snippet.text,
            "highlights": [list(s) for s in self.snippet.spans],
        }


@dataclass(frozen=True)
class RemovedDocument:
    symbol: str
    lang: str
    paragraphs: int

    def to_json(self) -> dict[str, object]:
        return {"symbol": self.symbol, "lang": self.lang, "paragraphs": self.paragraphs}


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
            "part": p.part or None,
            "lead": p.lead, "lang": p.lang, "text": p.text, "citation": p.citation,
            "similarity": round(self.similarity, 4),
        }


_WORDS = re.compile(r"[^\W_]+")


def _comparable(text: str) -> str:
    """Text reduced to what similarity is about: no punctuation, no case; Chinese runs together."""
    words = _WORDS.findall(text.casefold())
    if any(len(w) > 1 and not w.isascii() for w in words[:50]):
        return "".join(words)  # Chinese: characters, no separators
    return " ".join(words)


def similarity(draft: str, adopted: str) -> float:
    """0..1: how much of `draft`'s wording `adopted` holds (rapidfuzz).

    A draft sentence taken from a longer adopted paragraph is still agreed language (a little less
    close); an adopted paragraph that covers only part of the draft counts for the part it covers.
    """
    from rapidfuzz import fuzz

    x, y = _comparable(draft), _comparable(adopted)
    if not x or not y:
        return 0.0
    whole = fuzz.ratio(x, y)
    if len(x) <= len(y):  # the draft inside a longer paragraph
        cover = 0.85 + 0.15 * len(x) / len(y)
        words_cover = 0.5 + 0.5 * len(x) / len(y)
    else:  # the paragraph is only a part of the draft
        cover = words_cover = len(y) / len(x)
    part = fuzz.partial_ratio(x, y) * cover if min(len(x), len(y)) >= 6 else 0.0
    words = fuzz.token_set_ratio(x, y) * words_cover if " " in x and " " in y else 0.0
    return max(whole, part, words) / 100.0


def _phrase_terms(text: str, size: int, limit: int = 12) -> list[tuple[str, ...]]:
    """Phrases of `size` tokens spread over `text` (never across punctuation; English stopwords
    alone make no phrase), to find where the text comes from."""
    runs: list[list[str]] = [[]]
    for t in tokens(text):
        if t == PUNCT_TOKEN:
            runs.append([])
        else:
            runs[-1].append(t)
    step = 2 if size > 2 else 1
    terms = [tuple(run[i : i + size]) for run in runs for i in range(0, max(len(run) - size + 1, 0), step)]
    terms = [t for t in terms if not all(w in _EN_STOP for w in t)]
    return _spread(list(dict.fromkeys(terms)), limit)


def _spread(items: list[tuple[str, ...]], limit: int) -> list[tuple[str, ...]]:
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


TRIGRAM_FALLBACK = 0.8  # below this, the full-text candidates found nothing close
ADD_SAMPLE = N_("Load the sample: `debateprep library sample`, or ctrl+l on the Agreed language tab (F4).")
ADD_TEXTS = N_("Add texts: `debateprep library import PATH…` (files or folders), or ctrl+t on the Agreed "
               "language tab (F4).")
ADD_LANGUAGE_TEXTS = N_("Add {language} texts: `debateprep library import PATH…` (files or folders), or ctrl+t on "
                        "the Agreed language tab (F4).")
# a filter that left nothing, as named in "with the language filter and the years"
FILTER_NAMES = {"lang": N_("the language filter"), "kind": N_("the PP/OP filter"), "lead": N_("the lead verb"),
                "symbol": N_("the document"), "years": N_("the years")}


def describe_holdings(held: dict[str, tuple[int, int]]) -> str:
    """"3 Chinese documents (412 paragraphs)" / "… and 2 English documents (96 paragraphs)"."""
    parts = [ngettext("{count} {language} document", "{count} {language} documents", docs).format(
                 count=docs, language=document_language_name(lang))
             + ngettext(" ({count} paragraph)", " ({count} paragraphs)", paras).format(count=paras)
             for lang, (docs, paras) in sorted(held.items())]
    return _and(parts)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else _("{items} and {last}").format(items=_(", ").join(items[:-1]),
                                                                            last=items[-1])


class LibraryService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.backend = backend_for(db.dialect)

    # import ------------------------------------------------------------------------------

    def _save(self, doc: AdoptedDocument, digest: str, replace: bool = True) -> None:
        with self.db.transaction() as s:
            repo.save_document(s, doc, digest, replace=replace)

    def import_paths(self, paths: Sequence[str | Path], progress: Progress | None = None) -> ImportReport:
        """Import files and folders; resumable (what is in is skipped), one transaction per document."""
        with self.db.session() as s:
            stored = repo.stored_index(s)  # read once: a bulk import checks every file against it
        hashes = {digest for digest, _source in stored.values()}
        from debateprep.importers.library import bulk_import  # the readers: loaded to import

        def save(doc: AdoptedDocument, digest: str) -> None:
            key = (doc.symbol, doc.lang)
            self._save(doc, digest, replace=key in stored)
            stored[key] = (digest, doc.source)

        report = bulk_import(
            paths, known_hashes=hashes, stored=lambda sym, lang: stored.get((sym, lang)), save=save, progress=progress
        )
        if report.imported:
            with self.db.transaction() as s:
                self.backend.after_import(s)
        return report

    def import_text(self, text: str, *, symbol: str | None = None, source: str = "") -> AdoptedDocument:
        """Import one document given as text (replaces a stored one with the same symbol)."""
        from debateprep.domain.resolution import parse_adopted
        from debateprep.importers.library import content_hash

        doc = parse_adopted(text, symbol=symbol, source=source)
        if doc.not_adopted:
            raise InputError(source or None, _("not imported: {not_adopted}").format(not_adopted=doc.not_adopted))
        if not doc.symbol:
            raise InputError(source or None, _("no resolution or presidential statement symbol found"))
        if not doc.paragraphs:
            raise InputError(source or None, _("no paragraphs found"))
        self._save(doc, content_hash(text))
        return doc

    def load_sample(self, progress: Progress | None = None) -> ImportReport:
        """The three seed resolutions bundled with debateprep (S/RES/2518, 2589, 2594)."""
        from debateprep.services.sample import sample_dir

        return self.import_paths([sample_dir(SAMPLE_FOLDER)], progress)

    def remove(self, symbol: str, lang: str | None = None) -> list[RemovedDocument]:
        """Remove a document (every language version, or `lang` only) and its paragraphs from the
        library and its search index, in one transaction; NotFound when the library does not hold it."""
        if lang not in (None, "zh", "en"):
            raise InputError(None, _("language must be zh or en, not {lang!r}").format(lang=lang))
        with self.db.transaction() as s:
            removed = repo.remove_documents(s, self._symbol(symbol), lang)
        return [RemovedDocument(sym, lg, n) for sym, lg, n in removed]

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
                    raise NotFound(_("library paragraph {ref} does not exist").format(ref=ref))
                return next(iter(found.values()))
            cited = parse_citation(str(ref))
            if cited is None:
                raise InputError(None, _("not a citation: {ref!r} (like 'S/RES/2594 (2021), OP 4' or 'S/RES/1454 "
                                         "(2002), annex B, para. 3')").format(
                    ref=ref))
            return repo.paragraph_at(s, self._symbol(cited.symbol), cited.kind, cited.number, cited.sub, lang,
                                     cited.part)

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
        limits.check_query(query, "the search", limits.MAX_SEARCH_CHARS)
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

    def holdings(self) -> dict[str, tuple[int, int]]:
        """What the library holds, by language: {"zh": (documents, paragraphs), ...}."""
        held: dict[str, tuple[int, int]] = {}
        for d in self.documents():
            docs, paras = held.get(d.lang, (0, 0))
            held[d.lang] = (docs + 1, paras + d.paragraphs)
        return held

    def why_empty(
        self,
        query: str,
        *,
        lang: str | None = None,
        kind: str | None = None,
        lead: str | None = None,
        symbol: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
    ) -> str:
        """Why `search` found nothing for these arguments, in one or two sentences, with the way on:
        an empty library, a language the library does not hold, filters that leave nothing."""
        held = self.holdings()
        if not held:
            return _("The library is empty.") + " " + _(ADD_SAMPLE) + " " + _(ADD_TEXTS)
        holds = describe_holdings(held)
        if parse_query(query).empty:
            return _("Nothing to search for in {query!r}: type English words or Chinese characters.").format(query=query)
        asked = detect_language(query)
        wanted = lang or asked
        if wanted not in held:
            return (_("No paragraph contains {query!r}: the library holds only {holds}, nothing in {language}.").format(
                query=query, holds=holds, language=document_language_name(wanted))
                + " " + _(ADD_LANGUAGE_TEXTS).format(language=document_language_name(wanted)))
        if lang and asked != lang:
            return _("No paragraph contains {query!r}: those are {asked} words and the search is limited to "
                     "{language} paragraphs (language filter {lang}).").format(
                query=query, asked=document_language_name(asked), language=document_language_name(lang), lang=lang)
        if symbol:
            wanted_symbol = self._symbol(symbol)
            if not any(d.symbol == wanted_symbol for d in self.documents()):
                return _("{symbol} is not in the library, which holds {holds}.").format(
                    symbol=wanted_symbol, holds=holds) + " " + _(ADD_TEXTS)
        filters = [_(FILTER_NAMES[f]) for f, on in (("lang", lang), ("kind", kind), ("lead", lead), ("symbol", symbol),
                                                    ("years", year_from or year_to)) if on]
        if filters:
            found = len(self.search(query, limit=500))
            if found:
                without = (ngettext("No paragraph matches {query!r} with {filters}; without it, {found} paragraph does.",
                                    "No paragraph matches {query!r} with {filters}; without it, {found} paragraphs do.",
                                    found) if len(filters) == 1 else
                           ngettext("No paragraph matches {query!r} with {filters}; without them, {found} paragraph "
                                    "does.",
                                    "No paragraph matches {query!r} with {filters}; without them, {found} paragraphs "
                                    "do.", found))
                return without.format(query=query, filters=_and(filters), found=f"{found}{'+' if found >= 500 else ''}")
        return _("No paragraph of the library ({holds}) contains every term of {query!r}. Try fewer words or a "
                 "shorter phrase; for text worded differently, `debateprep library similar`.").format(
            holds=holds, query=query)

    def similar(self, text: str, limit: int = 10, *, lang: str | None = None, candidates: int = 60) -> list[SimilarHit]:
        """Adopted paragraphs closest in wording to `text` (a draft sentence or paragraph), best first.

        Candidates come from the index: the rarest phrases of `text` the library holds (4 Chinese
        characters or 3 English words; so a copied or lightly edited paragraph is among them), else
        shorter ones, down to single words or characters for new language; then `similarity`
        re-scores them.
        """
        if not text.strip():
            return []
        limits.check_query(text, "the text to match", limits.MAX_SIMILAR_CHARS)
        lang = lang or detect_language(text)
        hits: list[Any] = []
        with self.db.session() as s:
            # Longest phrases first; shorter ones while the longer found too little in the library.
            chosen: list[tuple[str, ...]] = []
            for size in (4, 2, 1) if lang == "zh" else (3, 2, 1):
                chosen += [t for t in self._rare_terms(s, _phrase_terms(text, size)) if t not in chosen]
                if len(chosen) >= 4:
                    break
            if chosen:  # no language filter: the phrases carry the language (and it costs a join)
                hits = self.backend.any_of(s, chosen[:8], Filters(), candidates)
            rows = repo.paragraphs_by_id(s, [h.paragraph_id for h in hits])
            scored = self._scored(text, lang, rows)
            if not scored or scored[0].similarity < TRIGRAM_FALLBACK:
                # Nothing close by shared phrases (reworded, or new language): ask the database's own
                # similarity machinery too, where it has one (PostgreSQL trigrams; slower, so second).
                extra = [h.paragraph_id for h in self.backend.close_to(s, text, lang, candidates // 2)
                         if h.paragraph_id not in rows]
                if extra:
                    rows.update(repo.paragraphs_by_id(s, extra))
                    scored = self._scored(text, lang, rows)
        return scored[:limit]

    @staticmethod
    def _scored(text: str, lang: str, rows: dict[int, repo.StoredParagraph]) -> list[SimilarHit]:
        scored = [
            SimilarHit(pid, sp.paragraph, similarity(text, sp.paragraph.text))
            for pid, sp in rows.items()
            if sp.paragraph.lang == lang
        ]
        scored.sort(key=lambda h: (-h.similarity, h.id))
        return scored

    def _rare_terms(self, session: Any, terms: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """The terms the library holds, rarest first, as long as they stay selective."""
        counted = [(self.backend.count(session, [t], Filters(), cap=SIMILAR_CAP), t) for t in terms]
        chosen: list[tuple[str, ...]] = []
        total = 0
        for n, term in sorted(c for c in counted if c[0] > 0):
            if chosen and (len(chosen) >= 8 or total + n > 2 * SIMILAR_CAP):
                break
            chosen.append(term)
            total += n
        return chosen

    # helpers -----------------------------------------------------------------------------

    @staticmethod
    def _symbol(symbol: str) -> str:
        from debateprep.domain.symbols import normalise_symbol

        try:
            return normalise_symbol(symbol)
        except ValueError as exc:
            raise InputError(None, _("not a UN document symbol: {symbol!r}").format(symbol=symbol)) from exc

    def _filters(
        self, lang: str | None, kind: str | None, lead: str | None, symbol: str | None,
        year_from: int | None, year_to: int | None,
    ) -> Filters:
        if lang not in (None, "zh", "en"):
            raise InputError(None, _("language must be zh or en, not {lang!r}").format(lang=lang))
        if kind is not None:
            kind = kind.lower() if kind.lower() in ("para", "annex") else kind.upper()
            if kind not in KINDS:
                raise InputError(None, _("kind must be PP, OP, para or annex, not {kind!r}").format(kind=kind))
        if year_from is not None and year_to is not None and year_from > year_to:
            raise InputError(None, _("year range {year_from}-{year_to} is empty").format(
                year_from=year_from, year_to=year_to))
        return Filters(
            lang=lang, kind=kind, lead=(lead or "").strip() or None,
            symbol=self._symbol(symbol) if symbol else None, year_from=year_from, year_to=year_to,
        )
