"""Where a database's schema stands against this debateprep's migrations; downgrades for tests/tools."""

from __future__ import annotations

from dataclasses import dataclass, field

from debateprep.domain.errors import DatabaseError
from debateprep.i18n import _
from debateprep.storage.db import Database


def revisions(db: Database) -> list[str]:
    """Every migration revision this debateprep knows, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def is_known(db: Database, revision: str) -> bool:
    return revision in revisions(db)


def is_newer(db: Database, revision: str | None) -> bool:
    """True for a revision this debateprep does not know: a later version made it."""
    return revision is not None and not is_known(db, revision)


@dataclass(frozen=True)
class SchemaStatus:
    url: str
    dialect: str
    current: str | None
    head: str | None
    known: bool  # False when a newer debateprep made this database
    rows: dict[str, int] = field(default_factory=dict)  # rows per data table
    extensions: list[str] | None = None  # PostgreSQL only (search needs pg_trgm)

    @property
    def state(self) -> str:
        if self.current is None:
            return "empty (not created yet)"
        if self.current == self.head:
            return "up to date"
        if self.known:
            return "behind: run `debateprep db upgrade`"
        return "newer than this debateprep: upgrade debateprep"

    def to_json(self) -> dict[str, object]:
        return {"url": self.url, "dialect": self.dialect, "revision": self.current, "head": self.head,
                "state": self.state, "rows": self.rows, "extensions": self.extensions}


def status(db: Database) -> SchemaStatus:
    from sqlalchemy import text

    from debateprep.storage.backup import table_counts

    current = db.current_revision()
    extensions = None
    if db.dialect == "postgresql":
        with db.session() as s:
            extensions = sorted(s.connection().execute(text("SELECT extname FROM pg_extension")).scalars())
    return SchemaStatus(db.display_url, db.dialect, current, db.head_revision(),
                        known=current is None or is_known(db, current),
                        rows=table_counts(db) if current else {}, extensions=extensions)


def downgrade(db: Database, revision: str) -> None:
    """Take the schema back to `revision` ("base" drops everything). Loses the data of dropped tables."""
    from alembic import command

    if is_newer(db, db.current_revision()):
        raise DatabaseError(_("database {url}: schema {revision} is newer than this debateprep").format(
            url=db.display_url, revision=db.current_revision()))
    cfg = db._alembic_config()
    with db._guard(), db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
