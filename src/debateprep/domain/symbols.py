"""UN document symbols: parse, normalise, find them in English and Chinese text.

Normal forms:
    S/2014/74                      Council document (letters, reports, notes)
    S/RES/2594 (2021)              resolution (year in parentheses after one space)
    S/PRST/2014/3                  presidential statement
    S/PV.7109, S/PV.7109 (Resumption 1)   verbatim record
    A/63/19, A/RES/70/1            General Assembly
    S/2014/74/Add.1, S/2013/689/Corr.1    addenda, corrigenda, revisions

Chinese text cites resolutions as "第2594(2021)号决议", lists as "第1265(1999)、1296(2000)和
1674(2006)号决议"; English as "resolution 1894 (2009)", "resolutions 1265 (1999) and 1296 (2000)".
All of these normalise to S/RES/N (YYYY).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

SymbolKind = Literal["resolution", "prst", "record", "council", "assembly", "other"]

_SEG = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*"
_SYMBOL = re.compile(
    rf"""(?<![A-Za-z0-9/])
    (?P<body>(?:A|S|E|ST)/{_SEG}(?:/{_SEG})*)
    (?P<year>\s?\(\s?\d{{4}}\s?\))?
    (?P<part>\s?\(\s?(?i:resumption|part)\s?\d+\s?\))?
    """,
    re.VERBOSE,
)
# A dated item of a list may say what it is about before the next: "984 (1995) on security
# assurances, 1540 (2004) on non-State actors and 1887 (2009)" (no digits in the subject, and
# another resolution's number after it).
_RES_SUBJECT = r"(?:\s(?:on|concerning|regarding)\s[^\d,;.()]{1,60}?(?=\s?,\s?\d|\s?,?\s(?:and|as well as)\s\d))?"
_RES_EN = re.compile(
    r"\bresolutions?\s+(?P<list>\d{1,4}(?:/\d{1,4})?(?:\s?\(\d{4}\)" + _RES_SUBJECT + r")?"
    r"(?:(?:\s?,\s?|\s?,?\s(?:and|as well as)\s)\d{1,4}(?:/\d{1,4})?(?:\s?\(\d{4}\)" + _RES_SUBJECT + r")?)*)",
    re.IGNORECASE,
)
_RES_ZH = re.compile(
    r"第\s?(?P<list>\d{1,4}(?:/\d{1,4})?(?:\s?\(\d{4}\))?(?:\s?(?:、|,|和|及|以及|与)\s?"
    r"(?:第\s?)?\d{1,4}(?:/\d{1,4})?(?:\s?\(\d{4}\))?)*)\s?号(?:决议)"
)
_RES_ITEM = re.compile(r"(\d{1,4})(?:/(\d{1,4}))?(?:\s?\((\d{4})\))?")


def _fold(text: str) -> str:
    """Full-width forms to ASCII (（）／Ｓ), non-breaking and ideographic spaces to spaces."""
    return unicodedata.normalize("NFKC", text)


def resolution_symbol(number: int | str, year: int | str | None = None) -> str:
    """S/RES/2594 (2021), or S/RES/2594 when the year is unknown."""
    return f"S/RES/{int(number)} ({int(year)})" if year else f"S/RES/{int(number)}"


def normalise_symbol(text: str) -> str:
    """The normal form of one symbol; ValueError if `text` is not a UN document symbol."""
    folded = _fold(text).strip().rstrip(".,;:")
    folded = re.sub(r"^(st|s|a|e)/", lambda m: m.group(0).upper(), folded, flags=re.IGNORECASE)
    folded = re.sub(r"/(res|prst)/|/pv\.", lambda m: m.group(0).upper(), folded, flags=re.IGNORECASE)
    match = _SYMBOL.fullmatch(folded)
    if match:
        return _from_match(match)
    found = find_symbols(folded)
    if len(found) == 1:
        return found[0]
    raise ValueError(f"not a UN document symbol: {text!r}")


def _from_match(match: re.Match[str]) -> str:
    body = match.group("body").rstrip(".")
    parts = body.split("/")
    parts[0] = parts[0].upper()
    if len(parts) > 1 and parts[1].upper() in ("RES", "PRST"):
        parts[1] = parts[1].upper()
    if len(parts) > 1 and parts[1][:3].upper() == "PV.":
        parts[1] = "PV." + parts[1][3:]
    body = "/".join(parts)
    year = match.group("year")
    if year and body.startswith("S/RES/"):
        body += f" ({_digits(year)})"
    part = match.group("part")
    if part and body.startswith("S/PV."):
        word = "Resumption" if "resumption" in part.lower() else "Part"
        body += f" ({word} {_digits(part)})"
    return body


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _valid(symbol: str) -> bool:
    return any(ch.isdigit() for ch in symbol)


def _resolution_list(items: str, *, chinese: bool) -> list[str]:
    found: list[str] = []
    for number, second, year in _RES_ITEM.findall(items):
        if second:  # "70/1": a General Assembly resolution (session/number)
            found.append(f"A/RES/{int(number)}/{int(second)}")
        elif chinese or year or len(number) >= 3:
            found.append(resolution_symbol(number, year or None))
    return found


def find_symbols(text: str) -> list[str]:
    """Every UN symbol cited in `text`, normalised, without duplicates, in order of appearance.

    A resolution cited both with and without its year keeps the form with the year.
    """
    folded = _fold(text)
    hits: list[tuple[int, str]] = []
    for m in _SYMBOL.finditer(folded):
        symbol = _from_match(m)
        if _valid(symbol):
            hits.append((m.start(), symbol))
    for m in _RES_ZH.finditer(folded):
        hits += [(m.start(), s) for s in _resolution_list(m.group("list"), chinese=True)]
    for m in _RES_EN.finditer(folded):
        hits += [(m.start(), s) for s in _resolution_list(m.group("list"), chinese=False)]
    hits.sort(key=lambda h: h[0])
    with_year = {s.split(" (")[0]: s for _, s in hits if s.startswith("S/RES/") and "(" in s}
    ordered: list[str] = []
    for _, symbol in hits:
        symbol = with_year.get(symbol, symbol)
        if symbol not in ordered:
            ordered.append(symbol)
    return ordered


def symbol_kind(symbol: str) -> SymbolKind:
    """What kind of document a normalised symbol names."""
    if symbol.startswith("S/RES/"):
        return "resolution"
    if symbol.startswith("S/PRST/"):
        return "prst"
    if symbol.startswith("S/PV."):
        return "record"
    if symbol.startswith("S/"):
        return "council"
    if symbol.startswith("A/"):
        return "assembly"
    return "other"


def symbol_from_filename(name: str) -> str | None:
    """S/2014/74 from a file named like "concept-note_S-2014-74_poc.txt" or "S_2014_74.pdf"."""
    m = re.search(r"(?<![A-Za-z])S[-_](\d{4})[-_](\d{1,4})(?!\d)", name)
    return f"S/{m.group(1)}/{int(m.group(2))}" if m else None
