"""SQLite: FTS5 (unicode61) over the token string, ranked by bm25.

SQLite 3.40's trigram tokenizer finds nothing for one- and two-character queries, so Chinese is
indexed one character per token instead and a query is a phrase of characters.

bm25 costs a few microseconds per matching row, and a two-character Chinese query can match most
Chinese paragraphs; so when more than `RANK_WINDOW` paragraphs match, only the newest
`RANK_WINDOW` of them (highest row ids: the latest imported — a library imported in symbol order
puts the latest resolutions last) are ranked. Anything narrower is ranked in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from debateprep.storage.search.base import RANK_WINDOW, Filters, Hit, Term


def _phrase(term: Term) -> str:
    return '"' + " ".join(term) + '"'  # tokens are letters/digits only: nothing to escape


class SqliteFts5:
    def after_import(self, session: Session) -> None:
        """Let SQLite refresh its planner statistics if it finds them stale (cheap)."""
        session.connection().exec_driver_sql("PRAGMA optimize")

    def _from(self, filters: Filters) -> tuple[str, dict[str, Any]]:
        cond, params = filters.sql("p")
        join = " JOIN library_paragraphs AS p ON p.id = f.rowid" if cond else ""
        return f"FROM library_fts AS f{join} WHERE library_fts MATCH :match{cond}", params

    def _ranked(self, session: Session, match: str, filters: Filters, limit: int, window: int | None) -> list[Hit]:
        source, params = self._from(filters)
        conn = session.connection()
        params = {**params, "match": match, "limit": limit}
        cut = ""
        if window:
            row = conn.execute(
                text(f"SELECT f.rowid {source} ORDER BY f.rowid DESC LIMIT 1 OFFSET :skip"),
                {**params, "skip": window - 1},
            ).first()
            if row is not None:
                cut, params["cut"] = " AND f.rowid >= :cut", row[0]
        rows = conn.execute(
            text(f"SELECT f.rowid, bm25(library_fts) AS r {source}{cut} ORDER BY r LIMIT :limit"), params
        )
        return [Hit(int(pid), -float(r)) for pid, r in rows]

    def search(
        self, session: Session, terms: Sequence[Term], filters: Filters, limit: int, window: int | None = RANK_WINDOW
    ) -> list[Hit]:
        if not terms:
            return []
        return self._ranked(session, " AND ".join(_phrase(t) for t in terms), filters, limit, window)

    def any_of(
        self, session: Session, terms: Sequence[Term], filters: Filters, limit: int, window: int | None = None
    ) -> list[Hit]:
        if not terms:
            return []
        return self._ranked(session, " OR ".join(_phrase(t) for t in terms), filters, limit, window)

    def count(self, session: Session, terms: Sequence[Term], filters: Filters, cap: int | None = None) -> int:
        if not terms:
            return 0
        source, params = self._from(filters)
        params["match"] = " AND ".join(_phrase(t) for t in terms)
        if cap is None:
            sql = f"SELECT count(*) {source}"
        else:  # stop counting at `cap`: cheap even for a term in every paragraph
            sql = f"SELECT count(*) FROM (SELECT f.rowid {source} LIMIT :cap)"
            params["cap"] = cap
        return int(session.connection().execute(text(sql), params).scalar_one())

    def close_to(self, session: Session, text: str, lang: str, limit: int) -> list[Hit]:
        return []  # SQLite has no trigram similarity: candidates come from the FTS5 index alone
