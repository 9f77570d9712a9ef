"""Errors the user sees as one line. Every front end catches DebateprepError."""

from __future__ import annotations

from pathlib import Path


class DebateprepError(Exception):
    """Base class: the message is a complete, one-line explanation for the user."""

    exit_code = 2


class InputError(DebateprepError):
    """A file or value the user gave us is unusable; names the file and the problem."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class NotFound(DebateprepError):
    """Something asked for by id or symbol does not exist."""

    exit_code = 1


class Conflict(DebateprepError):
    """The operation clashes with what is stored (duplicate inscription, already imported …)."""


class StaleEdit(Conflict):
    """Optimistic concurrency: someone else saved this record since it was read."""

    def __init__(self, what: str, expected: int, actual: int, changes: str = "", by: str | None = None) -> None:
        self.what, self.expected, self.actual, self.changes, self.by = what, expected, actual, changes, by
        detail = f": {changes}" if changes else ""
        super().__init__(
            f"{what} was changed by {by or 'someone else'} (you edited version {expected}, "
            f"it is now version {actual}){detail}; reload and apply your change again"
        )


class DatabaseError(DebateprepError):
    """The database cannot be reached or used; never includes credentials."""
