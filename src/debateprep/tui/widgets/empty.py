"""An empty state that says what will come and how to get it."""

from __future__ import annotations

from typing import Any

from debateprep.tui.localized import Caption


class EmptyState(Caption):
    """A msgid shown in the interface language (markup off), in a muted frame."""

    DEFAULT_CSS = """
    EmptyState {
        width: 1fr;
        height: auto;
        padding: 1 2;
        color: $text-muted;
        border: round $panel;
    }
    """

    def __init__(self, msgid: str, **kwargs: Any) -> None:
        super().__init__(msgid, **kwargs)
