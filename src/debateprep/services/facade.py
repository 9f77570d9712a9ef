"""The one seam between the front ends and the core: `Services`.

The CLI and the terminal UI each receive one `Services` (built by `Services.for_url`, or around a
database a test made) and reach every use case through it: `services.notes.edit_question(…)`,
`services.speakers.view(…)`. No front end opens a database or constructs a service itself.

It opens the database on first use (so the UI paints before SQLAlchemy is imported, and `--help`
never pays for it), and announces what each change touched: every method that `topics.CHANGES`
lists is wrapped so that, once it returns, the listeners (`subscribe`) receive its topics. A change
made of other changes (withdraw = update) is announced once, when the outermost call ends.

Each change also raises its topics' marks in the database (storage/changes.py), so another process
learns of it: `changes_elsewhere()` says which topics someone else changed since it was last asked.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from debateprep.domain.errors import DatabaseError
from debateprep.services.topics import CHANGES, OWN_CHANGES, Topic

if TYPE_CHECKING:
    from debateprep.domain.roster import Roster
    from debateprep.services.backup import BackupService
    from debateprep.services.brief import BriefService
    from debateprep.services.debates import DebateService
    from debateprep.services.library import LibraryService
    from debateprep.services.notes import NotesService
    from debateprep.services.our_statement import OurStatementService
    from debateprep.services.prst import PrstService
    from debateprep.services.settings import UserSettings
    from debateprep.services.speakers import SpeakersService
    from debateprep.services.statements import StatementService
    from debateprep.storage.db import Database

Listener = Callable[[frozenset[Topic]], None]
P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")


class Services:
    """Every use case, over one database; see the module docstring."""

    def __init__(self, db: Database | None = None, *, url: str | None = None, roster: Roster | None = None,
                 settings: UserSettings | None = None) -> None:
        if (db is None) == (url is None):
            raise ValueError("give a database or a URL, not both")
        if settings is None:
            from debateprep.services.settings import UserSettings

            settings = UserSettings()
        self.settings = settings  # the user's own (the interface language), not the database's
        self._db = db
        self.url = db.url if db is not None else str(url)
        self._roster = roster
        self._open_lock = threading.Lock()
        self._listeners: tuple[Listener, ...] = ()
        self._calls = threading.local()  # per thread: how deep in announcing calls, what they changed
        self._marks_lock = threading.Lock()
        self._marks_seen: dict[str, int] | None = None  # the change marks as `changes_elsewhere` last read them
        self._own_marks: dict[str, set[int]] = {}  # revisions of the marks raised by this process's changes

    @classmethod
    def for_url(cls, url: str) -> Services:
        """Services over the database at `url`, opened (and migrated) on first use."""
        return cls(url=url)

    # -- the database --------------------------------------------------------------------

    def open(self) -> Database:
        """The database, opened and migrated once (from any thread)."""
        with self._open_lock:
            if self._db is None:
                from debateprep.storage.db import open_database

                self._db = open_database(self.url)
            return self._db

    @property
    def db(self) -> Database:
        return self._db if self._db is not None else self.open()

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def display_url(self) -> str:
        """Where the data is, as it may be shown (no password)."""
        from debateprep.storage.db import redact

        return redact(self.url)

    # -- change notices ------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(topics)` after each change (in the thread that made it); returns an unsubscribe."""
        self._listeners = (*self._listeners, listener)

        def unsubscribe() -> None:
            self._listeners = tuple(x for x in self._listeners if x is not listener)

        return unsubscribe

    def _announcing(self, method: Callable[P, R], topics: frozenset[Topic]) -> Callable[P, R]:
        @functools.wraps(method)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            calls = self._calls
            calls.depth = getattr(calls, "depth", 0) + 1
            if calls.depth == 1:
                calls.changed = set()
            try:
                result = method(*args, **kwargs)
                calls.changed |= topics
                return result
            finally:
                calls.depth -= 1
                if calls.depth == 0 and calls.changed:  # inner changes that succeeded count even if this failed
                    changed = frozenset(calls.changed)
                    self._raise_marks(changed)
                    for listener in self._listeners:
                        listener(changed)

        return call

    def _raise_marks(self, topics: frozenset[Topic]) -> None:
        """Tell other processes that `topics` changed; remember the marks as this process's own."""
        from debateprep.storage.changes import raise_marks

        # (under the lock: a look for changes made meanwhile waits, and then knows these marks are ours)
        with self._marks_lock:
            try:
                raised = raise_marks(self.db, topics)
            except DatabaseError:
                return  # the change itself is saved; only the notice to others is lost (their next reload shows it)
            for topic, revision in raised.items():
                self._own_marks.setdefault(topic, set()).add(revision)

    def changes_elsewhere(self) -> frozenset[Topic]:
        """The topics another process (a command, a colleague on the same database) changed since
        the last call: one small query. The first call only takes note of where the marks stand."""
        from debateprep.storage.changes import read_marks

        known = {str(topic) for topic in Topic}
        changed: set[Topic] = set()
        with self._marks_lock:
            marks = read_marks(self.db)
            seen, self._marks_seen = self._marks_seen, marks
            if seen is None:
                return frozenset()
            for topic in (set(marks) | set(seen)) & known:
                now, before = marks.get(topic, 0), seen.get(topic, 0)
                own = self._own_marks.get(topic, set())
                mine = sum(1 for revision in own if before < revision <= now)
                if now != before and (now < before or mine < now - before):  # (lower: a restore, a new database)
                    changed.add(Topic(topic))
                self._own_marks[topic] = {revision for revision in own if revision > now}
        return frozenset(changed)

    def _wrap(self, name: str, service: S) -> S:
        for method, topics in CHANGES[name].items():
            setattr(service, method, self._announcing(getattr(service, method), topics))
        return service

    # -- the use cases -------------------------------------------------------------------

    @cached_property
    def roster(self) -> Roster:
        from debateprep.domain.roster import Roster

        return self._roster or Roster.load()

    @cached_property
    def notes(self) -> NotesService:
        from debateprep.services.notes import NotesService

        return self._wrap("notes", NotesService(self.db))

    @cached_property
    def debates(self) -> DebateService:
        from debateprep.services.debates import DebateService

        return self._wrap("debates", DebateService(self.db, self._roster))

    @cached_property
    def speakers(self) -> SpeakersService:
        from debateprep.services.speakers import SpeakersService

        return self._wrap("speakers", SpeakersService(self.db, self.roster))

    @cached_property
    def statements(self) -> StatementService:
        from debateprep.services.statements import StatementService

        return self._wrap("statements", StatementService(self.db, self.roster))

    @cached_property
    def library(self) -> LibraryService:
        from debateprep.services.library import LibraryService

        return self._wrap("library", LibraryService(self.db))

    @cached_property
    def prst(self) -> PrstService:
        from debateprep.services.prst import PrstService

        return self._wrap("prst", PrstService(self.db))

    @cached_property
    def ours(self) -> OurStatementService:
        from debateprep.services.our_statement import OurStatementService

        return self._wrap("ours", OurStatementService(self.db, self.roster))

    @cached_property
    def brief(self) -> BriefService:
        from debateprep.services.brief import BriefService

        return self._wrap("brief", BriefService(self.db))

    @cached_property
    def backup(self) -> BackupService:
        from debateprep.services.backup import BackupService

        return self._wrap("backup", BackupService(self.db))

    # -- Services' own use cases ---------------------------------------------------------

    def load_sample(self) -> list[str]:
        """Import the bundled sample debate (safe to run twice); what was loaded, line by line."""
        return self._announcing(self._load_sample, OWN_CHANGES["load_sample"])()

    def _load_sample(self) -> list[str]:
        from debateprep.services.sample import load_sample

        return load_sample(self.db)

    def write_export(self, path: Path, content: str | bytes, *, force: bool = False) -> Path:
        """Write an exported document (text, or the bytes of a .docx), readable by its owner only,
        atomically; never over a file unless `force` (services/exports.py, the one rule)."""
        from debateprep.services.exports import write_export

        return write_export(path, content, force=force)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def make_services(db_flag: str | None = None) -> Services:
    """The `Services` a front end runs on: `--db` beats $DEBATEPREP_DATABASE_URL beats the default file."""
    from debateprep.config import resolve_database_url

    return Services.for_url(resolve_database_url(db_flag))

