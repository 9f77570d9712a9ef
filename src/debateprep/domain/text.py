"""Text helpers shared by every importer: CJK, cell widths, language, PDF-text normalisation.

`normalise(raw)` turns text extracted from a PDF (or pasted from one) into one paragraph per
line, paragraphs separated by a blank line:

- hard-wrapped lines are joined (Chinese with no space, English with one space);
- words and sentences split across a page break ("安\\n\\n全理事会") are joined again;
- page furniture is dropped and returned separately: job numbers ("21-11413", "14-22674 (C)"),
  page counters ("4/4", "Page 2 of 5"), running symbols ("S/2014/74", "S/RES/2589 (2021)"),
  undocs URLs and barcodes ("*1422674*"), and short lines repeated on every page (running titles).

Nothing here imports a UI or database library; widths in terminal cells are in domain/cells.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from debateprep.domain.cells import cell_len

Language = Literal["zh", "en"]

# -- characters ------------------------------------------------------------------------------

_CJK_RANGES = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # Unified Ideographs
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x2FA1F),  # Extensions B-F and supplement
)
# Punctuation that ends a sentence or a clause a line may legitimately end on.
CJK_TERMINAL = "。！？；：…"
EN_TERMINAL = ".!?;:"
# Closing marks that may follow a terminal mark ("。”", "?)").
_CLOSERS = "”’」』）)】]》\"'"
# A line may not start with these in Chinese typesetting: such a line always continues.
_CJK_NO_LINE_START = "，。、；：！？）》」』】”’…"
# Bullets as typed, and as Word's Symbol/Wingdings bullets come out of a PDF (private use area).
BULLET_CHARS = "-•·●▪◦‣–—*○■□➢►\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8"


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (Han character)."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def is_cjk_punct(ch: str) -> bool:
    """Full-width CJK punctuation: 。，、；：？！“”‘’（）《》【】 and friends."""
    code = ord(ch)
    return 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFF65 or ch in "“”‘’…—·"


def has_cjk(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


def cjk_ratio(text: str) -> float:
    """Share of CJK ideographs among the letters and ideographs of `text` (0..1)."""
    cjk = sum(1 for ch in text if is_cjk(ch))
    letters = sum(1 for ch in text if ch.isalpha() and not is_cjk(ch))
    return cjk / (cjk + letters) if cjk + letters else 0.0


def detect_language(text: str) -> Language:
    """'zh' when Chinese ideographs carry the text, else 'en'.

    An English word averages ~5 letters and a Chinese word ~1.7 ideographs, so ideographs are
    weighted up: a Chinese note quoting English titles stays Chinese, an English note quoting a
    Chinese name stays English.
    """
    cjk = sum(1 for ch in text if is_cjk(ch))
    letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if cjk * 3 >= letters and cjk > 0 else "en"


def collapse_spaces(text: str) -> str:
    """Runs of whitespace become one space; no space is kept between two Chinese characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])", "", text)


# -- page furniture --------------------------------------------------------------------------

_FURNITURE_TOKEN = re.compile(
    r"""
      https?://(?:undocs\.org|documents[-\w.]*\.un\.org|daccess[-\w.]*\.un\.org|www\.un\.org)\S*
    | \*\d{6,}\*                                   # barcode line "*1422674*"
    | \d{2}-\d{5}(?:\s*\([A-Z]\))?                 # job number "21-11413", "14-22674 (C)"
    | (?:Page|页)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?   # "Page 2 of 5"
    | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?
    | \d{1,4}\s*/\s*\d{1,4}                        # page counter "4/4"
    | -\s*\d{1,4}\s*-                              # "- 3 -"
    | \d{1,3}                                      # bare page number
    | (?:[ASE]|ST)/[A-Z0-9.]+(?:/[A-Z0-9.]+)*(?:\s*[(（]\d{4}[)）])?(?:\s*\((?:Resumption|Part)\s*\d+\))?
    """,
    re.VERBOSE,
)
_HAS_DIGIT = re.compile(r"\d")


def is_furniture(line: str) -> bool:
    """True for a line made only of page furniture (symbols, job numbers, counters, URLs)."""
    stripped = line.strip()
    if not stripped or not _HAS_DIGIT.search(stripped) and "undocs" not in stripped:
        return False
    rest = _FURNITURE_TOKEN.sub(" ", stripped)
    return not rest.strip(" \t\u3000|·•")


# -- joining wrapped lines -------------------------------------------------------------------

_HEADING_NUMBER = re.compile(
    r"""^(?:
        [IVXLC]{1,6}\.\s | \d{1,2}(?:\.\d{1,2})*[.)．](?:\s+\S|[\u4e00-\u9fff]) | [A-H]\.\s | \(?[a-z]\)\s | （[a-z]） | \(?[ivx]{1,4}\)\s
      | [一二三四五六七八九十]{1,3}[、.．] | [(（][一二三四五六七八九十\d]{1,3}[)）]
    )""",
    re.VERBOSE,
)
# A Chinese line at least this wide (cells) that ends mid-sentence is taken as split even when
# the document has no regular wrap width (a paragraph per line, split only at page breaks);
# in hard-wrapped text a line this wide is full whatever the wrap width.
LONG_LINE_CELLS = 100
# A line this close to the document's wrap width counts as full.
FULL_LINE_SHARE = 0.8
# Widths are counted in cells, not points: allow for proportional fonts when testing a fit.
WRAP_FIT_SHARE = 0.9
_UNIT = re.compile(r"[^\s\u3400-\u9fff]*[\u3400-\u9fff]?")


def _first_unit(line: str) -> str:
    """What a line breaker could not split: up to the first space, or through one ideograph."""
    m = _UNIT.match(line)
    return m.group(0) if m else ""


_DANGLING = re.compile(
    r"\b(?:the|a|an|of|and|or|to|in|for|by|with|on|at|from|its|their|that|which|as|under|into|upon|between)$",
)


def starts_block(line: str) -> bool:
    """A bullet or a numbered item/heading: always starts a new paragraph."""
    s = line.lstrip()
    if not s:
        return False
    if s[0] in BULLET_CHARS and (len(s) == 1 or s[1] in " \t\u3000" or is_cjk(s[1])):
        return True
    return bool(_HEADING_NUMBER.match(s))


def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip(_CLOSERS)
    return bool(s) and (s[-1] in CJK_TERMINAL or s[-1] in EN_TERMINAL)


def wrap_width(lines: list[str]) -> int:
    """The width at which the document's lines were wrapped: the 90th percentile line width."""
    widths = sorted(cell_len(line.strip()) for line in lines if line.strip())
    if not widths:
        return 0
    return widths[min(len(widths) - 1, int(len(widths) * 0.9))]


def joiner(prev: str, nxt: str, nxt_indented: bool, full: int, gap: bool = False) -> str | None:
    """How line `nxt` continues after line `prev`: "" or " ", or None (a new paragraph).

    `full` is the document's wrap width (`wrap_width`), `gap` whether blank lines came between.
    """
    p, n = prev.rstrip(), nxt.strip()
    if not p or not n or starts_block(n):
        return None
    last, first = p[-1], n[0]
    cjk_join = is_cjk(last) or is_cjk_punct(last) or is_cjk(first) or is_cjk_punct(first)
    glue = "" if cjk_join else " "
    if first in _CJK_NO_LINE_START:
        return ""  # Chinese typesetting never starts a line with these: it is a continuation
    if last == "-" and len(p) > 1 and p[-2].isalpha() and first.isalpha():
        return ""  # hyphenated word broken at the line end; the hyphen is kept
    if first.islower() and not cjk_join:
        # English: a line starting lower-case continues the sentence, even after "e.g."
        return " "
    if _ends_sentence(p):
        return None
    if not cjk_join and _DANGLING.search(p):
        return " "  # no English line ends a paragraph on "the", "of", "and" …
    if not cjk_join and (gap or p.endswith(",")):
        return None  # English: a capital after a blank line or a comma opens a paragraph (PP of resolutions)
    width = cell_len(p.strip())
    if 0 < full <= 2 * LONG_LINE_CELLS:  # hard-wrapped text: a full line was wrapped
        # Full, or the next line's first unbreakable piece would not have fitted after it
        # (a long symbol such as "A/63/19、A/64/19" pushed to the next line leaves a short one).
        is_full = width >= min(LONG_LINE_CELLS, FULL_LINE_SHARE * full) or (
            width + 1 + cell_len(_first_unit(n)) > WRAP_FIT_SHARE * full
        )
    else:  # a paragraph per line, split only at page breaks: a long Chinese line cut mid-word
        is_full = width >= LONG_LINE_CELLS and cjk_join and (is_cjk(last) or last.isalnum())
    if not is_full:
        return None
    if nxt_indented and not (is_cjk(last) or last.isalnum()):
        return None  # an indented line after a clause mark: a new paragraph that opens indented
    return glue


@dataclass(frozen=True)
class Normalised:
    text: str  # one paragraph per line, paragraphs separated by a blank line
    furniture: tuple[str, ...]  # the lines dropped as page furniture, in order


def normalise(raw: str) -> Normalised:
    """Join wrapped lines and page-split words, drop page furniture (see the module doc)."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\ufeff", "")
    raw = raw.replace("\u00ad", "")  # soft hyphens
    furniture: list[str] = []
    lines: list[str] = []
    raw_lines = raw.split("\n")
    running = _running_headers(raw_lines)
    for line in raw_lines:
        if is_furniture(line) or line.strip() in running:
            furniture.append(line.strip())
            lines.append("")
        else:
            lines.append(line.rstrip())
    full = wrap_width(lines)
    paragraphs: list[str] = []
    last = ""  # the previous physical line: its width tells whether it was wrapped
    gap = False
    for line in lines:
        if not line.strip():
            gap = True
            continue
        indented = line[:1] in (" ", "\t", "\u3000")
        glue = joiner(last, line, indented, full, gap) if paragraphs else None
        gap = False
        if glue is None:
            paragraphs.append(_clean(line))
        else:
            paragraphs[-1] = paragraphs[-1].rstrip() + glue + _clean(line)
        last = line
    return Normalised("\n\n".join(paragraphs), tuple(furniture))


RUNNING_HEADER_REPEATS = 3


def _running_headers(lines: list[str]) -> set[str]:
    """Short lines repeated on every page (a running title such as "MADE-UP SAMPLE")."""
    counts: dict[str, int] = {}
    for line in lines:
        s = line.strip()
        if s and cell_len(s) <= 60 and not starts_block(s) and not _ends_sentence(s):
            counts[s] = counts.get(s, 0) + 1
    return {s for s, n in counts.items() if n >= RUNNING_HEADER_REPEATS}


def _clean(line: str) -> str:
    """Trim a line and collapse inner runs of spaces (PDF extraction pads with them)."""
    return re.sub(r"[ \t\u3000]{2,}", " ", line.strip(" \t\u3000"))


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of normalised text."""
    return [p.strip() for p in text.split("\n") if p.strip()]


# -- dates -----------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s?年\s?(?P<m>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?日"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
)


def find_dates(text: str) -> list[tuple[int, date]]:
    """Calendar dates written in `text` ("2014年2月12日", "12 February 2014", "February 12, 2014",
    "2014-02-12") as (offset, date), in order; impossible dates are skipped."""

    found: dict[int, date] = {}
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"].lower()]
            try:
                found.setdefault(m.start(), date(int(groups["y"]), month, int(groups["d"])))
            except ValueError:
                continue
    return sorted(found.items())


def first_date(text: str) -> date | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


# -- sentences -------------------------------------------------------------------------------

_ABBREVIATIONS = ("Mr", "Ms", "Mrs", "Dr", "H.E", "St", "No", "e.g", "i.e", "para", "paras", "Corr", "Rev", "Add",
                  "Jr", "vs", "etc", "U.N", "U.S")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (Chinese on 。！？, English on . ! ? before a capital)."""
    parts: list[str] = []
    start = 0
    for m in re.finditer(r"[。！？]+[”’」』）)]*|[.!?]+[\"”’)]*(?=\s+[\"“(A-Z0-9])", paragraph):
        end = m.end()
        head = paragraph[start:m.start()]
        if m.group(0).startswith(".") and re.search(r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")$", head):
            continue
        if m.group(0).startswith(".") and re.search(r"(?:^|\s)[A-Z]$", head):
            continue  # an initial: "J. Smith"
        parts.append(paragraph[start:end].strip())
        start = end
    if paragraph[start:].strip():
        parts.append(paragraph[start:].strip())
    return [p for p in parts if p]
