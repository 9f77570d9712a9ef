"""Widths in terminal cells: one helper (domain/cells.py), the same measure as what Textual draws."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

from rich.cells import cell_len as rich_cell_len

from debateprep.domain.cells import cell_len, clip, fit, head, tail

SRC = Path(__file__).resolve().parents[1] / "src" / "debateprep"

# What the project shows: CJK ideographs and punctuation, fullwidth forms, Latin with accents,
# general punctuation (quotes, dashes, ellipsis), box drawing and block elements of the heatmap.
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x2500, 0x259F), (0x3000, 0x303F),
          (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6)]


def test_cjk_counts_two_cells_latin_one() -> None:
    assert cell_len("安理会") == 6
    assert cell_len("S/2014/74") == 9
    assert cell_len("（签名）") == 8
    assert cell_len("Côte d'Ivoire") == 13
    assert cell_len("e\u0301") == 1  # a combining accent takes no cell
    assert cell_len("a\tb") == 2  # a control character takes none, and does not make the sum negative


def test_clip_fit_head_tail() -> None:
    assert clip("安全理事会回顾", 8) == "安全理…"
    assert clip("short", 8) == "short"
    assert clip("Lao People's Democratic Republic", 12) == "Lao People'…"
    assert clip("大不列颠及北爱尔兰联合王国", 9) == "大不列颠…"
    assert fit("中国", 6) == "中国  " and cell_len(fit("大不列颠及北爱尔兰联合王国", 9)) == 9
    assert head("安全理事会", 5) == "安全" and tail("安全理事会", 5) == "事会"


def test_the_same_measure_as_rich_draws_with() -> None:
    """The TUI clips with this helper and Textual draws with rich: they must agree."""
    differ = []
    for first, last in RANGES:
        for cp in range(first, last + 1):
            ch = chr(cp)
            if unicodedata.category(ch) in ("Cn", "Co", "Cc"):
                continue
            if cell_len(ch) != rich_cell_len(ch):
                differ.append(hex(cp))
    assert differ == []
    text = "安全理事会重申其保护平民的首要责任 The Security Council reaffirms “agreed language”…"
    assert cell_len(text) == rich_cell_len(text)


def test_one_home_for_cell_widths() -> None:
    """Nothing else measures widths itself (east_asian_width, rich.cells or wcwidth directly)."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path == SRC / "domain" / "cells.py":
            continue
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Attribute) and node.attr == "east_asian_width":
                offenders.append(f"{path.relative_to(SRC)}: east_asian_width")
            if isinstance(node, ast.ImportFrom) and node.module in ("rich.cells", "wcwidth"):
                offenders.append(f"{path.relative_to(SRC)}: {node.module}")
    assert offenders == []
