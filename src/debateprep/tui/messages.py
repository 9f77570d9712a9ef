"""Messages the panes of the TUI send each other (through the app)."""

from __future__ import annotations

from textual.message import Message


class DebateSelected(Message):
    """The current debate changed (id None: no debate)."""

    def __init__(self, debate_id: int | None) -> None:
        self.debate_id = debate_id
        super().__init__()


class DataChanged(Message):
    """Something was imported or edited; panes showing `what` should reload."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__()
