"""How library text is tokenised for search, how a query is read, and where it matched.

Both search backends (SQLite FTS5, PostgreSQL tsvector) index the same token string made here:
every Chinese character is its own token, so a phrase of characters is an exact Chinese
substring match of any length (one and two characters included); Latin-script words are whole
tokens, case- and accent-folded, so English search is word-aware. Chinese punctuation becomes the
token `zzp` so that a phrase never matches across "，" or "。" ("平安" does not match "和平，安全").

A query is whitespace-separated terms, all required; a term is a phrase of its tokens
("保护平民" = 保 护 平 民 in a row, "Secretary-General" = secretary general in a row);
"double quotes" make one phrase of several words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from debateprep.domain.cells import cell_len, char_len, is_wide

PUNCT_TOKEN = "zzp"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—"
_TOKEN_RE = re.compile(rf"([{_HAN}])|([{_CJK_PUNCT}])|([^\W_{_HAN}]+)")
_WORD_RE = re.compile(r"[^\W_]+")
_QUERY_PART = re.compile(r'"([^"]*)"|“([^”]*)”|(\S+)')


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case- and accent-folded, full-width forms made ASCII: "Côte" -> "cote", "２０" -> "20"."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", word).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    out: list[str] = []
    if not _SHARED_RE.search(text):  # the common case, without match objects (bulk imports)
        for han, punct, word in _TOKEN_RE.findall(text):
            if han:
                out.append(han)
            elif punct:
                if out and out[-1] != PUNCT_TOKEN:
                    out.append(PUNCT_TOKEN)
            elif word.isascii():
                out.append(word.lower())
            else:
                out.extend(_WORD_RE.findall(fold(word)))
        return out
    for m in _TOKEN_RE.finditer(text):
        han, punct, word = m.groups()
        if han:
            out.append(han)
        elif punct:
            if punct in _LATIN_SHARED and not _near_han(text, m.start(), m.end()):
                continue  # English curly quotes and dashes only separate words
            if out and out[-1] != PUNCT_TOKEN:
                out.append(PUNCT_TOKEN)
        elif word.isascii():
            out.append(word.lower())
        else:
            out.extend(_WORD_RE.findall(fold(word)))
    return out


_LATIN_SHARED = "“”‘’…—"
_SHARED_RE = re.compile(f"[{_LATIN_SHARED}]")
_HAN_RE = re.compile(rf"[{_HAN}]")


def _near_han(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(_HAN_RE.match(before) or _HAN_RE.match(after))


def index_text(text: str) -> str:
    """The string both backends index: tokens separated by single spaces."""
    return " ".join(tokens(text))


@dataclass(frozen=True)
class Query:
    raw: str
    terms: tuple[tuple[str, ...], ...]  # each term a phrase of tokens; all terms required

    @property
    def empty(self) -> bool:
        return not self.terms


def parse_query(raw: str) -> Query:
    terms: list[tuple[str, ...]] = []
    for m in _QUERY_PART.finditer(raw):
        part = next(g for g in m.groups() if g is not None)
        toks = tokens(part)
        while toks and toks[0] == PUNCT_TOKEN:
            toks.pop(0)
        while toks and toks[-1] == PUNCT_TOKEN:
            toks.pop()
        if toks and tuple(toks) not in terms:
            terms.append(tuple(toks))
    return Query(raw, tuple(terms))


def _term_pattern(term: tuple[str, ...]) -> str:
    parts: list[str] = []
    for i, tok in enumerate(term):
        if tok == PUNCT_TOKEN:
            piece = rf"[{_CJK_PUNCT}]"
        elif re.fullmatch(rf"[{_HAN}]", tok):
            piece = re.escape(tok)
        else:
            piece = r"(?<![^\W_])" + _loose(tok) + r"(?![^\W_])"
        if i:
            prev_han = re.fullmatch(rf"[{_HAN}]", term[i - 1]) is not None
            this_han = re.fullmatch(rf"[{_HAN}]", tok) is not None
            parts.append(r"\s*" if prev_han or this_han or PUNCT_TOKEN in (tok, term[i - 1]) else r"[\W_]+")
        parts.append(piece)
    return "".join(parts)


def _loose(word: str) -> str:
    """A folded word as a pattern that also matches its accented / full-width spellings."""
    return "".join(f"{re.escape(ch)}\\W?" if not ch.isalnum() else f"[{re.escape(ch)}{_variants(ch)}]" for ch in word)


def _variants(ch: str) -> str:
    extra = {"a": "àáâãäåā", "e": "èéêëē", "i": "ìíîïī", "o": "òóôõöøō", "u": "ùúûüū", "c": "ç", "n": "ñ", "y": "ýÿ"}
    vs = extra.get(ch, "")
    return vs + vs.upper() + ch.upper()


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Where each term of `query` occurs in `text` (start, end), sorted, not overlapping."""
    spans: list[tuple[int, int]] = []
    for term in query.terms:
        rx = re.compile(_term_pattern(term), re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # highlighted ranges within `text`

    def marked(self, left: str = "«", right: str = "»") -> str:
        """The snippet with each highlight wrapped in markers (for plain-text output)."""
        out, pos = [], 0
        for s, e in self.spans:
            out += [self.text[pos:s], left, self.text[s:e], right]
            pos = e
        out.append(self.text[pos:])
        return "".join(out)


def snippet(text: str, query: Query, cells: int = 120) -> Snippet:
    """A window of about `cells` terminal cells around the first match, with its highlights."""
    spans = match_spans(text, query)
    if cell_len(text) <= cells:
        return Snippet(text, tuple(spans))
    first = spans[0][0] if spans else 0
    start = first
    budget = cells // 3
    while start > 0 and budget > 0:
        start -= 1
        budget -= char_len(text[start])
    if start > 0 and not is_wide(text[start]):  # do not cut an English word
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end, used = start, 0
    while end < len(text) and used < cells:
        used += char_len(text[end])
        end += 1
    if end < len(text) and not is_wide(text[end - 1]):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 20 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end)
    return Snippet(prefix + text[start:end] + suffix, inside)

