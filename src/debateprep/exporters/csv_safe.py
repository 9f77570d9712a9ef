"""CSV that is safe to open in a spreadsheet, and read back by our own import unchanged.

A cell that starts with `=`, `+`, `-`, `@` (or their full-width forms), a tab or a carriage
return is a formula to Excel and LibreOffice: `=HYPERLINK("http://…")` in a delegation's notes
would run when a colleague opens the list. Such a cell is written with a single quote in front,
as spreadsheet-safe exporters do (OWASP "CSV injection"); the quote is shown, never evaluated.
A cell that already starts with quotes before such a character gets one more, so `from_cell`
removes exactly one and every value comes back as it was. Control and bidi-control characters are
written visibly (domain.controls), as in every export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from debateprep.domain.controls import escape_controls

FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
QUOTE = "'"


def to_cell(value: object) -> str:
    """A value as a spreadsheet-safe cell."""
    text = "" if value is None else str(value)
    if text.lstrip(QUOTE)[:1] in FORMULA_STARTS and text.lstrip(QUOTE):
        text = QUOTE + text
    return escape_controls(text, keep="\n\t\r")


def from_cell(cell: str) -> str:
    """What `to_cell` wrote, back to the value (one protective quote removed)."""
    if cell.startswith(QUOTE) and cell.lstrip(QUOTE)[:1] in FORMULA_STARTS and cell.lstrip(QUOTE):
        return cell[1:]
    return cell


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([to_cell(h) for h in header])
    for row in rows:
        writer.writerow([to_cell(v) for v in row])
    return out.getvalue()
