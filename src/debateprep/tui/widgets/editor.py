"""A text editor inside a pane: Escape hands the keyboard back to the pane (its keys work again)."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from debateprep.i18n import N_


class Editor(TextArea):
    """A TextArea whose Escape leaves it: typed keys go into the text, so the pane's own keys only
    work again once the focus is out; the pane handles `Editor.Left` by focusing its list."""

    BINDINGS = [Binding("escape", "leave", N_("Leave editor"), id="editor-leave", tooltip=N_("back to the pane's keys"))]

    class Left(Message):
        """Escape was pressed in the editor."""

    def action_leave(self) -> None:
        self.post_message(self.Left())
