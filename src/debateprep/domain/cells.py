"""Widths in terminal cells: the one home of `cell_len`, `clip`, `fit`, `head` and `tail`.

A CJK glyph takes two cells, a combining mark none, so `len()` is the wrong measure for anything
laid out in a terminal or compared with a line's width. Every layer imports these (the domain may
not import rich): they rest on wcwidth, the reference table of terminal widths, which agrees with
rich's own (what Textual draws with) on every character the project shows — tests/test_cells.py
checks that over the CJK, fullwidth and Latin ranges.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache


@cache
def _tables() -> tuple[Callable[[str], int], Callable[[str], int]]:
    """wcwidth's `wcwidth` and `wcswidth`, imported on first use: loading its tables costs ~30 ms,
    which a command that never measures a non-ASCII text should not pay."""
    from wcwidth import wcswidth, wcwidth

    return wcwidth, wcswidth


def char_len(ch: str) -> int:
    """Cells taken by one character (a control character: none)."""
    return max(_tables()[0](ch), 0)


def cell_len(text: str) -> int:
    """Cells taken by `text`."""
    if text.isascii() and text.isprintable():
        return len(text)
    width = _tables()[1](text)
    return width if width >= 0 else sum(char_len(ch) for ch in text)  # -1: a control character inside


def is_wide(ch: str) -> bool:
    """A character drawn two cells wide (CJK ideographs, kana, hangul, fullwidth forms)."""
    return _tables()[0](ch) == 2


def clip(text: str, cells: int) -> str:
    """`text` cut to at most `cells` cells, with an ellipsis when cut."""
    if cell_len(text) <= cells:
        return text
    return head(text, cells - 1) + "…" if cells > 0 else ""


def fit(text: str, cells: int) -> str:
    """`text` clipped, then padded with spaces, to exactly `cells` cells (a column of plain text)."""
    text = clip(text, cells)
    return text + " " * (cells - cell_len(text))


def head(text: str, cells: int) -> str:
    """The start of `text` that fits in `cells` cells (no ellipsis)."""
    out, used = [], 0
    for ch in text:
        used += char_len(ch)
        if used > cells:
            break
        out.append(ch)
    return "".join(out)


def tail(text: str, cells: int) -> str:
    """The end of `text` that fits in `cells` cells (no ellipsis)."""
    return head(text[::-1], cells)[::-1]
