"""Control characters made visible: the one helper for everything debateprep shows or exports.

Imported text and file names are not trusted: an escape sequence (ESC [ 31 m, an OSC that sets the
terminal title), a carriage return that overwrites a line, or a bidi override (U+202E) that
reverses what a reader sees must reach neither a terminal nor an exported file as it is. They are
written out as `\\u001b`, `\\u202e` …: visible, unambiguous, and valid inside JSON strings. Chinese,
punctuation and ordinary spaces are untouched. Used at the output boundary only: the CLI's output
streams and the exporters (markdown, HTML, CSV).
"""

from __future__ import annotations

import re
from functools import lru_cache

# C0 and C1 controls, DEL; Arabic letter mark, LRM/RLM, the bidi embeddings, overrides and isolates;
# line and paragraph separators; lone surrogates (undecodable bytes of a file name).
INVISIBLE = (
    "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
)
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@lru_cache(maxsize=8)
def _pattern(keep: str) -> re.Pattern[str]:
    keep_set = "".join(re.escape(c) for c in keep)
    return re.compile(f"(?![{keep_set}])[{INVISIBLE}]" if keep else f"[{INVISIBLE}]")


def _show(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_controls(text: str, keep: str = "\n\t") -> str:
    """`text` with every control, bidi-control and separator character written as `\\uXXXX`,
    except those in `keep` (by default line feeds and tabs, so lines and tables still work)."""
    return _pattern(keep).sub(_show, text)


def has_controls(text: str, keep: str = "\n\t") -> bool:
    return _pattern(keep).search(text) is not None
