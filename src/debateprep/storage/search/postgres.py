"""PostgreSQL: a generated tsvector ('simple' configuration) over the token string, GIN-indexed.

Chinese characters are separate tokens, so a phrase query (<->) is an exact Chinese substring
match of any length; ranked by ts_rank.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlmodel import Session

from debateprep.storage.search.base import Filters, Hit, Term


def _phrase(term: Term) -> str:
    inner = " <-> ".join(f"'{tok}'" for tok in term)  # tokens are letters/digits only
    return f"({inner})"


class PostgresTsvector:
    def _run(self, session: Session, tsquery: str, filters: Filters, limit: int) -> list[Hit]:
        cond, params = filters.sql("p")
        sql = (
            "SELECT p.id, ts_rank(p.search_tsv, q, 1) AS r "  # 1: longer paragraphs rank lower, as with bm25
            "FROM library_paragraphs AS p, to_tsquery('simple', :tsquery) AS q "
            f"WHERE p.search_tsv @@ q{cond} ORDER BY r DESC, p.id LIMIT :limit"
        )
        rows = session.connection().execute(text(sql), {"tsquery": tsquery, "limit": limit, **params})
        return [Hit(int(pid), float(r)) for pid, r in rows]

    def search(self, session: Session, terms: Sequence[Term], filters: Filters, limit: int) -> list[Hit]:
        if not terms:
            return []
        return self._run(session, " & ".join(_phrase(t) for t in terms), filters, limit)

    def any_of(self, session: Session, terms: Sequence[Term], filters: Filters, limit: int) -> list[Hit]:
        if not terms:
            return []
        return self._run(session, " | ".join(_phrase(t) for t in terms), filters, limit)

    def count(self, session: Session, terms: Sequence[Term], filters: Filters) -> int:
        if not terms:
            return 0
        cond, params = filters.sql("p")
        sql = (
            "SELECT count(*) FROM library_paragraphs AS p, to_tsquery('simple', :tsquery) AS q "
            f"WHERE p.search_tsv @@ q{cond}"
        )
        tsquery = " & ".join(_phrase(t) for t in terms)
        return int(session.connection().execute(text(sql), {"tsquery": tsquery, **params}).scalar_one())
