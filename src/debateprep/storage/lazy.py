"""A database opened on first use, so the terminal UI paints before SQLAlchemy is even imported."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debateprep.storage.db import Database


class LazyDatabase:
    """Stands in for `Database`: the first use (from any thread) opens and migrates it, once."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._db: Database | None = None
        self._lock = threading.Lock()

    def open(self) -> Database:
        with self._lock:
            if self._db is None:
                from debateprep.storage.db import open_database

                self._db = open_database(self.url)
            return self._db

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.open(), name)
