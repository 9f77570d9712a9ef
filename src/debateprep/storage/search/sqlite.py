"""SQLite: FTS5 (unicode61) over the token string, ranked by bm25.

SQLite 3.40's trigram tokenizer finds nothing for one- and two-character queries, so Chinese is
indexed one character per token instead and a query is a phrase of characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlmodel import Session

from debateprep.storage.search.base import Filters, Hit, Term


def _phrase(term: Term) -> str:
    return '"' + " ".join(term) + '"'  # tokens are letters/digits only: nothing to escape


class SqliteFts5:
    def _run(self, session: Session, match: str, filters: Filters, limit: int) -> list[Hit]:
        cond, params = filters.sql("p")
        if cond:
            sql = (
                "SELECT f.rowid, bm25(library_fts) AS r FROM library_fts AS f "
                "JOIN library_paragraphs AS p ON p.id = f.rowid "
                f"WHERE library_fts MATCH :match{cond} ORDER BY r LIMIT :limit"
            )
        else:
            sql = "SELECT rowid, rank FROM library_fts WHERE library_fts MATCH :match ORDER BY rank LIMIT :limit"
        rows = session.connection().execute(text(sql), {"match": match, "limit": limit, **params})
        return [Hit(int(pid), -float(r)) for pid, r in rows]

    def search(self, session: Session, terms: Sequence[Term], filters: Filters, limit: int) -> list[Hit]:
        if not terms:
            return []
        return self._run(session, " AND ".join(_phrase(t) for t in terms), filters, limit)

    def any_of(self, session: Session, terms: Sequence[Term], filters: Filters, limit: int) -> list[Hit]:
        if not terms:
            return []
        return self._run(session, " OR ".join(_phrase(t) for t in terms), filters, limit)

    def count(self, session: Session, terms: Sequence[Term], filters: Filters) -> int:
        if not terms:
            return 0
        cond, params = filters.sql("p")
        sql = (
            "SELECT count(*) FROM library_fts AS f JOIN library_paragraphs AS p ON p.id = f.rowid "
            f"WHERE library_fts MATCH :match{cond}"
        )
        match = " AND ".join(_phrase(t) for t in terms)
        return int(session.connection().execute(text(sql), {"match": match, **params}).scalar_one())
