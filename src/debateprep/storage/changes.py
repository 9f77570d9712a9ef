"""Change marks: a counter per topic (the `Topic` values of services/topics.py), raised once per
change, read by whoever wants to know that another process changed something.

A mark is raised in a short transaction of its own, right after the change committed, as a plain
increment: two writers raising the same topic wait for each other (SQLite takes turns; PostgreSQL,
in READ COMMITTED, queues the second update) instead of one of them failing, which a counter
updated inside every change's REPEATABLE READ transaction would do on PostgreSQL. A reader that
sees the new mark therefore always finds the change it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from debateprep.domain.errors import DatabaseError
from debateprep.storage.db import Database

_RAISE = text("INSERT INTO change_marks (topic, revision) VALUES (:topic, 1) "
              "ON CONFLICT (topic) DO UPDATE SET revision = change_marks.revision + 1 RETURNING revision")
_READ = text("SELECT topic, revision FROM change_marks")


def raise_marks(db: Database, topics: Iterable[str]) -> dict[str, int]:
    """Raise the mark of each topic by one; the revision each now has."""
    raised: dict[str, int] = {}
    try:
        with db.engine.begin() as conn:
            for topic in sorted(topics):  # one order for everyone: no deadlock between two writers
                raised[topic] = int(conn.execute(_RAISE, {"topic": topic}).scalar_one())
    except SQLAlchemyError as exc:
        raise DatabaseError(f"database {db.display_url}: could not record a change mark ({type(exc).__name__})") from exc
    return raised


def read_marks(db: Database) -> dict[str, int]:
    """Every topic's mark (a topic never changed has none)."""
    try:
        with db.engine.connect() as conn:
            return {str(topic): int(revision) for topic, revision in conn.execute(_READ)}
    except SQLAlchemyError as exc:
        raise DatabaseError(f"database {db.display_url}: could not read the change marks ({type(exc).__name__})") from exc
