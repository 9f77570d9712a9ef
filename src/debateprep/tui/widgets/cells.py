"""Text fitted to terminal cells: a CJK glyph takes two, so len() is the wrong measure."""

from __future__ import annotations

from rich.cells import cell_len


def clip(text: str, cells: int) -> str:
    """`text` cut to `cells` terminal cells (a CJK glyph is two), with an ellipsis when cut."""
    if cell_len(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        width = cell_len(ch)
        if used + width > cells - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + "…"
