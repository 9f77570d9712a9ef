"""An empty state that says what will come and how to get it."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static


class EmptyState(Static):
    DEFAULT_CSS = """
    EmptyState {
        width: 1fr;
        height: auto;
        padding: 1 2;
        color: $text-muted;
        border: round $panel;
    }
    """

    def __init__(self, text: str, **kwargs: Any) -> None:
        super().__init__(text, markup=False, **kwargs)
