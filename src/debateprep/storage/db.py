"""The database: engine factory, sessions, transactions and migrations.

One `Database` per URL. SQLite (the default) runs in WAL mode with foreign keys on;
PostgreSQL is reached through psycopg. Credentials never appear in messages: not in the URL's
user part, not in its query (?password=…), not when the URL cannot even be parsed.

A SQLite path is checked before anything touches it: a folder, a device, a FIFO, an empty file or a
file that is not a SQLite database is refused; only a new file is created (0600), and only a
database file of the user's own is made private.
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

from sqlalchemy import BigInteger, Integer, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, create_engine

from debateprep.domain import limits
from debateprep.domain.errors import Conflict, DatabaseError, InputError
from debateprep.i18n import _

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


SQLITE_HEADER = b"SQLite format 3\x00"
HIDDEN = "***"
# Query parameters that carry a secret (libpq: password, passfile, sslpassword; and the usual others).
_SECRET_PARAM = re.compile(r"pass|pwd|secret|token|credential|sslkey", re.IGNORECASE)
_SECRET_PARAM_TEXT = re.compile(r"([?&;]\s*)([^=&;\s]*(?:pass|pwd|secret|token|credential|sslkey)[^=&;\s]*)=[^&;\s]*",
                                re.IGNORECASE)


def redact(url: str) -> str:
    """The URL as it may be shown to a person: no password, wherever it was written."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown without anything before its last "@"
        return _redact_text(url)
    if "@" in (parsed.host or "") or "@" in (parsed.database or "").split("?")[0] and parsed.password:
        return _redact_text(url)  # an unencoded "@" in the password: the parse cut it in the wrong place
    query = {k: (HIDDEN if _SECRET_PARAM.search(k) else v) for k, v in parsed.query.items()}
    shown = parsed.set(query=query).render_as_string(hide_password=True)
    return shown.replace("%2A%2A%2A", HIDDEN)


def _redact_text(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    if "@" in rest:
        rest = f"{HIDDEN}@" + rest.rsplit("@", 1)[1]
    rest = _SECRET_PARAM_TEXT.sub(lambda m: f"{m.group(1)}{m.group(2)}={HIDDEN}", rest)
    return f"{scheme}{sep}{rest}"


def secrets_in(url: str) -> list[str]:
    """Every secret written in the URL (the password, secret query values, and for an unparsable
    URL all it has before its last "@"), longest first, for scrubbing messages that quote them."""
    found: list[str] = []
    try:
        parsed = make_url(url)
        if parsed.password:
            found.append(str(parsed.password))
        found += [v for k, v in parsed.query.items() if _SECRET_PARAM.search(k) and isinstance(v, str)]
    except Exception:  # noqa: BLE001 - unparsable: everything it has before its last "@"
        pass
    before_query = url.partition("://")[2].split("?", 1)[0]
    if "@" in before_query:
        userinfo = before_query.rsplit("@", 1)[0]
        password = userinfo.split(":", 1)[1] if ":" in userinfo else ""
        found += [userinfo, password, *password.split("@")]
    found += [m.group(0).split("=", 1)[1] for m in _SECRET_PARAM_TEXT.finditer(url)]
    return sorted({s for s in found if len(s) >= 3}, key=len, reverse=True)


def scrub(message: str, url: str) -> str:
    """`message` with every secret of `url` hidden (a driver may quote the host or the DSN)."""
    for secret in secrets_in(url):
        message = message.replace(secret, HIDDEN)
    return message


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _without_nul(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: _without_nul(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_without_nul(v) for v in value)
    return value


def _no_nul_parameters(_conn, _cursor, statement, parameters, _context, _executemany):  # type: ignore[no-untyped-def]
    """NUL characters leave every statement's parameters, queries included: PostgreSQL refuses
    them and SQLite would keep them, so both databases see the same text. (Rows are cleaned of
    every control character before they are written: domain/limits.py via the row guard.)"""
    return statement, _without_nul(parameters)


def check_sqlite_path(path: Path, create: bool = True) -> bool:
    """Refuse what must not be used as a database file, before touching it: a folder, a device,
    a FIFO, an empty file, a file that is not a SQLite database. Returns True if the file exists
    (False: it may be created, when `create`). Nothing is changed here."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if not create:
            raise InputError(path, _("no database here yet (the first command that saves something creates it)")) from None
        return False
    except OSError as exc:
        raise InputError(path, _("cannot use it as a database ({error})").format(error=exc.strerror or exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, _("is a folder, not a database file (give a file name, e.g. {example})").format(
            example=path / 'debateprep.db'))
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, _("is not a regular file (a device, FIFO or socket): not a database"))
    if info.st_size == 0:
        raise InputError(path, _("is an empty file, not a debateprep database (remove it, or give a new file name)"))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise InputError(path, _("cannot read it ({error})").format(error=exc.strerror or exc)) from None
    if header != SQLITE_HEADER:
        raise InputError(path, _("is not a SQLite database (its first bytes say otherwise): refused, left as it was"))
    return True


def _prepare_sqlite_file(path: Path, create: bool = True) -> None:
    """A new database file is created readable by the user only (delegation material is
    confidential); an existing database of the user's own is made private. Nothing else is touched."""
    try:
        if check_sqlite_path(path, create):
            info = path.stat()
            if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & 0o077:
                os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
            return
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
        os.close(os.open(path, flags, stat.S_IRUSR | stat.S_IWUSR))
    except FileExistsError:  # created by someone else a moment ago: check it like any existing file
        check_sqlite_path(path, create)
    except OSError as exc:
        raise InputError(path, _("cannot create a database here ({error})").format(error=exc.strerror or exc)) from None
    except ValueError:  # a NUL character in the path
        raise InputError(path, _("not a usable file name")) from None


_DRIVERS = {"sqlite": ("pysqlite",), "postgresql": ("psycopg",)}


def make_engine(url: str, create: bool = True) -> Engine:
    """The engine for `url`; a new SQLite file is made only when `create`."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise DatabaseError(_("not a database URL: {url}").format(url=redact(url))) from exc
    backend = parsed.get_backend_name()
    if backend not in _DRIVERS:
        raise DatabaseError(_("unsupported database {backend!r} in {url} (use sqlite or postgresql)").format(
            backend=backend, url=redact(url)))
    driver = parsed.get_driver_name()
    if driver not in _DRIVERS[backend] and parsed.drivername != backend:
        raise DatabaseError(_("database driver {driver!r} in {url} is not supported: write {scheme}… (or just the "
                              "plain scheme)").format(
            driver=driver, url=redact(url),
            scheme='postgresql+psycopg://' if backend == 'postgresql' else 'sqlite:///'))
    if backend == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            _prepare_sqlite_file(Path(database), create)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "before_cursor_execute", _no_nul_parameters, retval=True)
        return engine
    if "@" in (parsed.host or ""):
        raise DatabaseError(_("{url}: the password contains an \"@\" (write it as %40), or better, leave the "
                              "password out of the URL and use PGPASSWORD or ~/.pgpass").format(
            url=redact(url)))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        engine = create_engine(parsed, pool_pre_ping=True)
    except ModuleNotFoundError as exc:  # the driver is an extra: SQLite users do not need it
        raise DatabaseError(_("{url}: the PostgreSQL driver ({driver}) is not installed; install it with: pip install "
                              "'debateprep[postgres]'").format(
            url=redact(url), driver=exc.name)) from None
    except (ImportError, SQLAlchemyError, ValueError, TypeError) as exc:
        reason = scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__, url)
        raise DatabaseError(_("database {url}: {reason}").format(url=redact(url), reason=reason)) from None
    event.listen(engine, "before_cursor_execute", _no_nul_parameters, retval=True)
    return engine


_TABLE_LABELS = {
    "debates": "debate", "speaker_entries": "speakers entry", "statements": "statement",
    "concept_notes": "concept note", "questions": "guiding question", "prst_drafts": "PRST draft",
    "prst_paragraphs": "PRST paragraph", "library_documents": "library document",
    "library_paragraphs": "library paragraph",
}
_guard_installed = False


def _install_row_guard() -> None:
    """Every row written through a session passes the domain's limits (domain/limits.py) first,
    the same on SQLite and PostgreSQL: text cleaned of control characters, short fields no longer
    than their column, integers within 32 bits. (Restores check the same in storage/backup.py.)"""
    global _guard_installed
    if not _guard_installed:
        event.listen(Session, "before_flush", _check_rows)
        _guard_installed = True


def _check_rows(session: Session, _context: object, _instances: object) -> None:
    from sqlalchemy import inspect as inspect_object

    dirty = list(session.dirty)
    changed = {id(obj) for obj in dirty}
    for obj in [*session.new, *dirty]:
        table = getattr(obj, "__table__", None)
        if table is None:
            continue
        state = inspect_object(obj)
        for column in table.columns:
            key = column.key
            if key not in state.attrs:
                continue
            if id(obj) in changed and not state.attrs[key].history.has_changes():
                continue
            value = state.attrs[key].value
            label = f"{_TABLE_LABELS.get(table.name, table.name)} {column.name}"
            if isinstance(value, str):
                length = getattr(column.type, "length", None)
                checked = limits.check_text(value, label, length or len(value), single_line=length is not None)
                if checked is not value:
                    setattr(obj, key, checked)
            elif isinstance(value, int) and not isinstance(value, bool) and isinstance(column.type, Integer) \
                    and not isinstance(column.type, BigInteger):
                limits.check_integer(value, label)


class Database:
    """Engine plus short-lived sessions. Return plain domain objects, never ORM rows."""

    def __init__(self, url: str, create: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url, create)
        _install_row_guard()

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
                raise Conflict(_("someone else saved a change to the same record at the same moment; nothing was "
                                 "saved: reload and apply your change again")) from exc
            lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            reason = scrub(lines[0] if lines else type(exc).__name__, self.url)
            raise DatabaseError(_("database {url}: {reason}").format(
                url=self.display_url, reason=reason)) from exc
        except OverflowError as exc:  # SQLite: an integer beyond 64 bits (e.g. `debate show 99999999999999999999`)
            raise InputError(None, _("a number is too large (the database keeps at most 64-bit integers)")) from exc

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
                    _("database {url}: schema {current} is unknown to this debateprep (it knows up to "
                      "{known}; upgrade debateprep) [{exc}]").format(
                        url=self.display_url, current=current, known=self.head_revision(), exc=exc)) from exc

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
