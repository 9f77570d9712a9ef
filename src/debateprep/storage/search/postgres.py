"""PostgreSQL: a generated tsvector ('simple' configuration) over the token string, GIN-indexed.

Chinese characters are separate tokens, so a phrase query (<->) is an exact Chinese substring
match of any length. Ranked by ts_rank (normalised by length, like bm25); as on SQLite, a query
matching more than `RANK_WINDOW` paragraphs ranks the newest `RANK_WINDOW` of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy import text as text_sql
from sqlmodel import Session

from debateprep.storage.search.base import RANK_WINDOW, Filters, Hit, Term


def _phrase(term: Term) -> str:
    inner = " <-> ".join(f"'{tok}'" for tok in term)  # tokens are letters/digits only
    return f"({inner})"


TRIGRAM_THRESHOLD = 0.5  # word similarity below this is not "like this"


class PostgresTsvector:
    def __init__(self) -> None:
        self._trigrams: bool | None = None  # is the trigram index there? (asked once)

    def after_import(self, session: Session) -> None:
        """Fresh statistics: without them the planner takes a common Chinese character pair for a
        rare one and rechecks every match (100+ ms) instead of walking the newest rows (5 ms)."""
        session.connection().execute(text("ANALYZE library_paragraphs"))

    def _ranked(self, session: Session, tsquery: str, filters: Filters, limit: int, window: int | None) -> list[Hit]:
        cond, params = filters.sql("p")
        matching = f"FROM library_paragraphs AS p WHERE p.search_tsv @@ to_tsquery('simple', :tsquery){cond}"
        if window:
            candidates = f"(SELECT p.id, p.search_tsv {matching} ORDER BY p.id DESC LIMIT :window)"
            params["window"] = window
        else:
            candidates = f"(SELECT p.id, p.search_tsv {matching})"
        sql = (
            "SELECT c.id, ts_rank(c.search_tsv, to_tsquery('simple', :tsquery), 1) AS r "
            f"FROM {candidates} AS c ORDER BY r DESC, c.id DESC LIMIT :limit"
        )
        rows = session.connection().execute(text(sql), {"tsquery": tsquery, "limit": limit, **params})
        return [Hit(int(pid), float(r)) for pid, r in rows]

    def search(
        self, session: Session, terms: Sequence[Term], filters: Filters, limit: int, window: int | None = RANK_WINDOW
    ) -> list[Hit]:
        if not terms:
            return []
        return self._ranked(session, " & ".join(_phrase(t) for t in terms), filters, limit, window)

    def any_of(
        self, session: Session, terms: Sequence[Term], filters: Filters, limit: int, window: int | None = None
    ) -> list[Hit]:
        if not terms:
            return []
        return self._ranked(session, " | ".join(_phrase(t) for t in terms), filters, limit, window)

    def count(self, session: Session, terms: Sequence[Term], filters: Filters, cap: int | None = None) -> int:
        if not terms:
            return 0
        cond, params = filters.sql("p")
        params["tsquery"] = " & ".join(_phrase(t) for t in terms)
        inner = f"SELECT 1 FROM library_paragraphs AS p WHERE p.search_tsv @@ to_tsquery('simple', :tsquery){cond}"
        if cap is not None:
            inner += " LIMIT :cap"
            params["cap"] = cap
        return int(session.connection().execute(text(f"SELECT count(*) FROM ({inner}) AS m"), params).scalar_one())

    def close_to(self, session: Session, text: str, lang: str, limit: int) -> list[Hit]:
        """pg_trgm's word similarity (`<%`, served by the GIN trigram index of migration 0007):
        finds a paragraph whose wording a draft follows even where the full-text phrases differ
        (inflections, punctuation, a word changed every few words)."""
        conn = session.connection()
        if self._trigrams is None:
            self._trigrams = conn.execute(text_sql(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'ix_library_paragraphs_text_trgm'")).first() is not None
        if not self._trigrams or not text.strip():
            return []
        conn.execute(text_sql("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)"),
                     {"t": str(TRIGRAM_THRESHOLD)})
        rows = conn.execute(text_sql(
            "SELECT p.id, word_similarity(:q, p.text) AS s FROM library_paragraphs AS p "
            "WHERE p.lang = :lang AND :q <% p.text ORDER BY s DESC, p.id LIMIT :limit"
        ), {"q": text[:300], "lang": lang, "limit": limit})
        return [Hit(int(pid), float(score)) for pid, score in rows]
