"""Full-text search over library paragraphs, one backend per database dialect.

Both backends answer the same two questions over `library_paragraphs.search_text` (see
`debateprep.domain.search_text`): `search` (every term of a query, ranked) and `any_of` (any of
several terms, ranked: candidates for "find agreed language like this").
"""

from __future__ import annotations

from debateprep.storage.search.base import RANK_WINDOW, Filters, Hit, SearchBackend


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a database dialect ("sqlite" or "postgresql")."""
    if dialect == "sqlite":
        from debateprep.storage.search.sqlite import SqliteFts5

        return SqliteFts5()
    if dialect == "postgresql":
        from debateprep.storage.search.postgres import PostgresTsvector

        return PostgresTsvector()
    raise ValueError(f"no library search for database dialect {dialect!r}")


__all__ = ["RANK_WINDOW", "Filters", "Hit", "SearchBackend", "backend_for"]
