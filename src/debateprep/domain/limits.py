"""Every bound on what debateprep takes in, in one place, the same on SQLite and PostgreSQL.

SQLite stores a 400-character name in a VARCHAR(300) column and keeps NUL characters; PostgreSQL
refuses the first and cannot store the second. So the limits are checked here, before storage,
with a one-line refusal, and text is cleaned the same way whichever database is behind:
control characters (NUL, ESC …) are removed from text on its way in (line feeds and tabs are kept
in long text, turned into spaces in short fields); a field over its length is refused.
The README's "Limits on what is imported" lists the same numbers.
"""

from __future__ import annotations

import re

from debateprep.domain.errors import InputError
from debateprep.i18n import _

MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB  # every file read: concept notes, statements, records, library, speakers CSV, backups
MAX_BACKUP_BYTES = 200 * MB  # a whole-database backup (JSON) may be larger than any document
MAX_SPEAKERS_ROWS = 2_000  # a speakers list: the largest open debates had about 110 participants
MAX_QUESTIONS = 500  # guiding questions of one concept note: real ones have 5 to 30
MAX_RECORD_SPEECHES = 3_000  # one verbatim record (all its parts): real ones have a few hundred
MAX_CSV_COLUMNS = 100
MAX_CSV_FIELD_CHARS = 100_000  # one CSV cell (notes included)
MAX_SEARCH_CHARS = 1_000  # a library search query
MAX_SIMILAR_CHARS = 4_000  # "find agreed language like this": about the longest adopted paragraph
MAX_INTEGER = 2**31 - 1  # INTEGER columns hold 32 bits on PostgreSQL (SQLite: 64)
MIN_INTEGER = -(2**31)

# Short fields, by kind (the tables' VARCHAR lengths come from these).
NAME_CHARS = 300  # delegation, representative, speaker
GROUP_CHARS = 200  # on behalf of a group; presidency
CITATION_CHARS = 200
SYMBOL_CHARS = 64  # a library document symbol
SOURCE_CHARS = 500  # a file name as imported
USER_CHARS = 100  # who made a change

_CONTROLS_LONG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROLS_SHORT = re.compile(r"[\x00-\x1f\x7f]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: str, *, single_line: bool = False) -> str:
    """Control characters removed (NUL, ESC, backspace …): the same text on every database.
    Long text keeps line feeds, tabs and carriage returns; a short field (`single_line`) gets a
    space for each run of them."""
    if single_line:
        return _CONTROLS_SHORT.sub(" ", value) if _CONTROLS_SHORT.search(value) else value
    return _CONTROLS_LONG.sub("", value) if _CONTROLS_LONG.search(value) else value


def check_text(value: str, what: str, limit: int, *, single_line: bool = False) -> str:
    """`value` cleaned; InputError if it is longer than `limit` characters or not text at all."""
    value = clean_text(value, single_line=single_line)
    if _SURROGATE.search(value):
        raise InputError(None, _("{what}: not valid text (bytes that are not UTF-8)").format(what=what))
    if len(value) > limit:
        raise InputError(None, _("{what} is {count:,} characters long (at most {limit:,}): “{value}”").format(
            what=what, count=len(value), limit=limit, value=_preview(value)))
    return value


def check_integer(value: int, what: str) -> int:
    if not MIN_INTEGER <= value <= MAX_INTEGER:
        raise InputError(None, _("{what} {value} is out of range (at most {limit:,})").format(
            what=what, value=value, limit=MAX_INTEGER))
    return value


def check_query(text: str, what: str, limit: int) -> str:
    """A search text: refused past `limit` characters, with how long it was and what to do."""
    if len(text) > limit:
        raise InputError(None, _("{what} is {count:,} characters long; at most {limit:,} are searched: shorten it to "
                                 "the words that matter").format(
            what=what, count=len(text), limit=limit))
    return text


def _preview(value: str) -> str:
    head = " ".join(value[:40].split())
    return head + "…"
