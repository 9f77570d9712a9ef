"""Text editors inside a pane: every key that types a character is text there, and Escape hands
the keyboard back to the pane (its keys work again)."""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import REPLACED_KEYS, key_to_character
from textual.message import Message
from textual.widgets import TextArea

from debateprep.i18n import N_


def typed_character(key: str) -> str | None:
    """The character the key `key` types, if it types one ("slash": "/", "ctrl+s": None).
    Textual's `key_to_character` misses the keys it renames (slash, minus, plus, at, backslash,
    underscore): it looks up "SLASH", where the character is named SOLIDUS."""
    return key_to_character(REPLACED_KEYS.get(key, key))


class WritingArea(TextArea):
    """A TextArea that claims every key that types a character (Textual's misses "/", "-", "+" …):
    while it has the keyboard, the pane's bindings on such keys are neither run nor shown in the
    footer, which then lists only what works in the editor (Ctrl keys, Escape, the F keys)."""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return super().check_consume_key(key, character if character is not None else typed_character(key))


class Editor(WritingArea):
    """A WritingArea whose Escape leaves it: typed keys go into the text, so the pane's own keys only
    work again once the focus is out; the pane handles `Editor.Left` by focusing its list."""

    BINDINGS = [Binding("escape", "leave", N_("Leave editor"), id="editor-leave", tooltip=N_("back to the pane's keys"))]

    class Left(Message):
        """Escape was pressed in the editor."""

    def action_leave(self) -> None:
        self.post_message(self.Left())
