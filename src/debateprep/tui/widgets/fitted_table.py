"""A DataTable that tells its pane when its own width changes.

A pane that cuts a text column to the table's width must cut again once the table is laid out: the
pane's own Resize comes before its children's layout on a busy machine, so the width read there may
be the one before the last layout. The table's own Resize is the last word; it does not bubble, so
the table posts `FittedTable.Resized` (which does).
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import DataTable


class FittedTable(DataTable[object]):
    """A DataTable posting `Resized(width)` whenever its content width changes."""

    class Resized(Message):
        """The table's content width is now `width` cells."""

        def __init__(self, table: FittedTable, width: int) -> None:
            super().__init__()
            self.table = table
            self.width = width

        @property
        def control(self) -> FittedTable:
            return self.table

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(self, self.size.width))
