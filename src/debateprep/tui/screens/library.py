"""The library pane (being built: shows what will come)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from debateprep.storage.db import Database
from debateprep.tui.widgets.empty import EmptyState


class LibraryPane(Vertical):
    def __init__(self, db: Database, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.db = db

    def compose(self) -> ComposeResult:
        yield EmptyState("Agreed language: search adopted resolutions and presidential statements paragraph by paragraph, with citations.")
