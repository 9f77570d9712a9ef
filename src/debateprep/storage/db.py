"""The database: engine factory, sessions, transactions and migrations.

One `Database` per URL. SQLite (the default) runs in WAL mode with foreign keys on;
PostgreSQL is reached through psycopg. Credentials never appear in messages.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, create_engine

from debateprep.domain.errors import Conflict, DatabaseError, InputError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*["']([^"']+)["']\s*$""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision(?:\s*:[^=\n]*)?\s*=\s*(?:None|["']([^"']+)["'])\s*$""", re.MULTILINE)


def known_head() -> str | None:
    """The newest schema revision this debateprep knows (see `chain_head`)."""
    return chain_head(MIGRATIONS_DIR / "versions")


@cache
def chain_head(versions: Path) -> str | None:
    """The newest schema revision of this debateprep, read from the migration scripts' text.

    Loading Alembic costs a command more than the command itself: this lets `migrate` see that a
    database is up to date with one query. None when the scripts are not one plain chain (a merge,
    a branch, a line this reading does not understand): then Alembic decides.
    """
    revisions: dict[str, str | None] = {}
    for script in sorted(versions.glob("*.py")):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN_REVISION.search(source)
        if len(revision) != 1 or down is None or revision[0] in revisions:
            return None
        revisions[revision[0]] = down.group(1)
    heads = set(revisions) - set(revisions.values())
    roots = [rev for rev, down in revisions.items() if down is None]
    if len(heads) != 1 or len(roots) != 1 or not set(revisions.values()) - {None} <= set(revisions):
        return None
    return heads.pop()


def redact(url: str) -> str:
    """The URL as it may be shown to a person: password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown without its credentials part
        return url.split("@")[-1]


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _prepare_sqlite_file(path: Path) -> None:
    """Create the file readable by the user only (delegation material is confidential)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, stat.S_IRUSR | stat.S_IWUSR)
        os.close(fd)
    else:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise DatabaseError(f"not a database URL: {redact(url)}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            _prepare_sqlite_file(Path(database))
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except ModuleNotFoundError as exc:  # the driver is an extra: SQLite users do not need it
            raise DatabaseError(f"{redact(url)}: the PostgreSQL driver ({exc.name}) is not installed; "
                                "install it with: pip install 'debateprep[postgres]'") from None
    raise DatabaseError(f"unsupported database {backend!r} in {redact(url)} (use sqlite or postgresql)")


class Database:
    """Engine plus short-lived sessions. Return plain domain objects, never ORM rows."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return redact(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; nothing is committed."""
        with self._guard(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: everything in it is committed together or not at all.

        A version check and the write after it must not interleave with another writer's (two
        people saving the same paragraph): SQLite writers take turns (BEGIN IMMEDIATE); PostgreSQL
        runs REPEATABLE READ, where the second concurrent update of a row fails instead of winning.
        """
        with self._guard(), Session(self.engine, expire_on_commit=False) as session:
            with session.begin():
                if self.dialect == "postgresql":
                    session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                elif self.dialect == "sqlite":
                    conn = session.connection()
                    if not conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield session

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            if getattr(getattr(exc, "orig", None), "sqlstate", None) in ("40001", "40P01"):
                raise Conflict("someone else saved a change to the same record at the same moment; "
                               "nothing was saved: reload and apply your change again") from exc
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise DatabaseError(f"database {self.display_url}: {reason}") from exc
        except OverflowError as exc:  # SQLite: an integer beyond 64 bits (e.g. `debate show 99999999999999999999`)
            raise InputError(None, "a number is too large (the database keeps at most 64-bit integers)") from exc

    # migrations -------------------------------------------------------------

    def _alembic_config(self) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        return cfg

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self._guard(), self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str | None:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def at_head(self) -> bool:
        """Whether the schema is this debateprep's newest, by one plain query (no Alembic)."""
        head = known_head()
        if head is None:
            return False
        try:
            with self.engine.connect() as conn:
                found = [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
        except SQLAlchemyError:  # no schema yet, or not ours: Alembic looks closer
            return False
        return found == [head]

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema up to `revision` (idempotent; cheap when already there)."""
        if revision == "head" and self.at_head():
            return
        current = self.current_revision()
        if revision == "head" and current == self.head_revision():
            return
        from alembic import command
        from alembic.util.exc import CommandError

        cfg = self._alembic_config()
        with self._guard(), self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            try:
                command.upgrade(cfg, revision)
            except CommandError as exc:  # e.g. a schema revision made by a newer debateprep
                raise DatabaseError(
                    f"database {self.display_url}: schema {current} is unknown to this debateprep "
                    f"(it knows up to {self.head_revision()}; upgrade debateprep) [{exc}]") from exc

    def ping(self) -> None:
        with self._guard(), self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, migrate: bool = True) -> Database:
    db = Database(url)
    if migrate:
        db.migrate()
    return db
