"""The brief pane (being built: shows what will come)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from debateprep.storage.db import Database
from debateprep.tui.widgets.empty import EmptyState


class BriefPane(Vertical):
    def __init__(self, db: Database, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.db = db

    def compose(self) -> ComposeResult:
        yield EmptyState("The delegation brief: a markdown document of the whole debate, previewed and exported.")
