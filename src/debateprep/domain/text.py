"""Text helpers shared by every importer: CJK, cell widths, language, PDF-text normalisation.

`normalise(raw)` turns text extracted from a PDF (or pasted from one) into one paragraph per
line, paragraphs separated by a blank line:

- hard-wrapped lines are joined (Chinese with no space, English with one space);
- words and sentences split across a page break ("安\\n\\n全理事会") are joined again;
- page furniture is dropped and returned separately: job numbers ("21-11413", "14-22674 (C)"),
  page counters ("4/4", "Page 2 of 5"), running symbols ("S/2014/74", "S/RES/2589 (2021)"),
  mastheads ("United Nations S/2014/74"), undocs URLs and barcodes ("*1422674*"), and short lines
  repeated on every page (running titles);
- footnotes at the bottom of a page (numbered on through the document) are taken out and
  returned separately, and their markers taken out of the text ("statements:1");
- a page break is no paragraph break: the lines on either side join as if wrapped, so a sentence
  or a word cut by the page ("…如何更好地体" / "现…") comes back whole;
- a bullet glyph alone on its line (as PDF text has it, "•" or a symbol font's "\x7f") goes in
  front of its item.

It is linear in the size of the text: no pattern rescans what it has passed.

Nothing here imports a UI or database library; widths in terminal cells are in domain/cells.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from debateprep.domain.cells import cell_len
from debateprep.domain.note_model import Language as Language  # one definition, re-exported

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
BULLET_CHARS = "-•·●▪◦‣–—*○■□➢►▶◆◇❖✓✔→\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8"


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
    | United\ Nations | Nations\ Unies | 联合国 | Security\ Council | 安全理事会   # masthead "United Nations S/2014/74"
    | Distr\.?:?\s*(?:General|Limited|Restricted)
    | (?:[ASE]|ST)/[A-Z0-9.]+(?:/[A-Z0-9.]+)*(?:\s*[(（]\d{4}[)）])?(?:\s*\((?:Resumption|Part)\s*\d+\))?\*?
                                                   # a symbol, "*" marking a reissue ("S/2025/540*")
    | (?:文号|文件编号|Symbol)\s*[：:]              # a line giving the symbol ("文号：S/2026/356")
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
        [IVXLC]{1,6}\.\s | \d{1,2}(?:\.\d{1,2})*[.)．](?:\s+\S|[\u4e00-\u9fff]) | \d{1,2}、[\u4e00-\u9fff] | [A-H]\.\s | \(?[a-z]\)\s | （[a-z]） | \(?[ivx]{1,4}\)\s
      | [a-h]\.\s | [ivx]{1,4}\.\s
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
# A line at least this share of the wrap width, followed by one word alone, was wrapped.
LONE_WORD_LINE_SHARE = 0.7
# A list item is set in from the margin (a hanging indent): its lines are this much narrower.
ITEM_INDENT_SHARE = 0.06
_UNIT = re.compile(r"[^\s\u3400-\u9fff]*[\u3400-\u9fff]?")


def _first_unit(line: str) -> str:
    """What a line breaker could not split: up to the first space, or through one ideograph."""
    m = _UNIT.match(line)
    return m.group(0) if m else ""


_DANGLING = re.compile(
    r"\b(?:the|a|an|of|and|or|to|in|for|by|with|on|at|from|its|their|that|which|as|under|into|upon|between)$",
)


# The first word of a resolution's preambular paragraph: a participle or one of the adjectives
# and adverbs that open them ("Deeply concerned", "Mindful", "Bearing in mind").
_PARAGRAPH_OPENER = re.compile(
    r"^(?:[A-Z][a-z]+ing\b|(?:Deeply|Gravely|Seriously|Strongly|Further|Mindful|Aware|Conscious|Convinced|Determined|"
    r"Concerned|Alarmed|Encouraged|Disturbed|Cognizant|Desirous|Guided|Having|Affirming|Noting|Taking|Bearing)\b)"
)
# What a note that frames a debate calls itself in its title ("Concept note for …", "Background
# note for …", "Concept paper for …"; "…概念说明", "…概念文件").
NOTE_KIND_EN = r"(?:concept|background|discussion|information|framing|issues) (?:note|paper)"
NOTE_KIND_ZH = r"概念(?:说明|文件)"
_NOTE_TITLE_LINE = re.compile(r"^\s*" + NOTE_KIND_EN + r"\b", re.IGNORECASE)
# The names of a concept note's sections, alone on a line.
_SECTION_WORD = (
    r"(?:(?:expected |proposed )?outcomes?|(?:expected )?briefers?|briefings?|background|introduction|context|format|"
    r"objectives?|purpose|overview|(?:guiding |key |framing |suggested )?questions(?: for discussion)?|participation|"
    r"participants|speakers|modalities|programme(?: of (?:work|the day|the meeting))?|agenda)(?: \((?:tbc|to be confirmed)\))?"
)
_SECTION_LINE = re.compile(
    r"^(?i:" + _SECTION_WORD + r"(?:(?:,| and| &) " + _SECTION_WORD + r")*)$"
    r"|^(?:背景(?:介绍)?|导言|结果|成果|通报人(?:和结果)?(?:（待定）)?|审议的问题|讨论的问题|关键问题|讨论要点|形式|会议形式|"
    r"会议安排(?:和成果)?|目标)$"
)


def is_section_name(line: str) -> bool:
    """A line that is only the name of a concept note's section ("Outcome", "Format and outcome", "通报人")."""
    return bool(_SECTION_LINE.match(line.strip()))


# A line that opens with a person: honorific, name, comma or dash ("Mr. Viktor Haugen, Professor …",
# "Dr. Karim Benali-Haddad — Director …").
_PERSON_LINE = re.compile(
    r"^(?:(?:H\.E\.|His Excellency|Her Excellency)\s+)?(?:(?:Mr|Ms|Mrs|Dr|Prof)\.|Professor)\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,3}(?:,|\s[—–]\s)"
)
# Titles that stand before a name: a line ending with one ends no sentence.
_ABBREVIATION_AT_END = re.compile(r"(?:^|[\s(])(?:Mr|Ms|Mrs|Dr|Prof|H\.E|St|No|Nos|para|paras|Art|e\.g|i\.e|cf)\.$")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
# A line that opens with a weekday and a date: a dateline ("Thursday, 21 August 2025, 10 a.m., …").
_DATELINE_START = re.compile(
    r"^" + _WEEKDAY + r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4}\b"
)


def is_dateline(line: str) -> bool:
    """A line that opens with a weekday and a date: the debate's dateline under a note's title."""
    return bool(_DATELINE_START.match(line.strip()))


_DATE_LINE = re.compile(
    r"^(?:" + _WEEKDAY + r")?(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4})\.?$"
    r"|^\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日(?:[（(]?星期[一二三四五六日][)）]?)?$"
)


# Word's second-level bullet, copied as a letter: "o What role …?".
WORD_SUB_BULLET = re.compile(r"^o\s+(?=[A-Z\u4e00-\u9fff])")


def starts_block(line: str) -> bool:
    """A bullet or a numbered item/heading: always starts a new paragraph."""
    s = line.lstrip()
    if not s:
        return False
    if s[:2] == "——":
        s = s[1:]  # the Chinese dash "——" is one bullet
    if s[0] in BULLET_CHARS and (len(s) == 1 or s[1] in " \t\u3000" or is_cjk(s[1])):
        return True
    return bool(_HEADING_NUMBER.match(s) or WORD_SUB_BULLET.match(s))


_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_NUMBER_WORD_END = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")$", re.IGNORECASE)
_FIGURE_START = re.compile(r"^\((\d{1,2})\)\s")


def _figure_after_its_word(prev: str, nxt: str) -> bool:
    """"… should not exceed four" / "(4) minutes …": a number written out and then in figures, the
    figures wrapped to the next line, where they look like an item number."""
    word, figure = _NUMBER_WORD_END.search(prev), _FIGURE_START.match(nxt)
    if word is None or figure is None:
        return False
    return _NUMBER_WORDS.index(word.group(1).lower()) == int(figure.group(1))


def ends_sentence(line: str) -> bool:
    """The line ends a sentence: "。", "？", "；", ".", "?" … (a closing quotation mark aside), not "Mr."."""
    s = line.rstrip().rstrip(_CLOSERS)
    if s.endswith(".") and _ABBREVIATION_AT_END.search(s):
        return False  # "… Operational Support, Ms." / "Annelise Vermeulen": the sentence goes on
    return bool(s) and (s[-1] in CJK_TERMINAL or s[-1] in EN_TERMINAL)


# The wrap width is the width of the widest lines, ignoring the widest 2 % (a long URL, a table
# row): a short note may have only a few wrapped lines, so a lower percentile would fall on its
# headings and short paragraphs.
WRAP_PERCENTILE = 0.98


def wrap_width(lines: list[str]) -> int:
    """The width at which the document's lines were wrapped (see WRAP_PERCENTILE)."""
    widths = sorted(cell_len(line.strip()) for line in lines if line.strip())
    if not widths:
        return 0
    return widths[min(len(widths) - 1, int(len(widths) * WRAP_PERCENTILE))]


def joiner(prev: str, nxt: str, nxt_indented: bool, full: int, gap: bool = False, item: bool = False) -> str | None:
    """How line `nxt` continues after line `prev`: "" or " ", or None (a new paragraph).

    `full` is the document's wrap width (`wrap_width`), `gap` whether blank lines came between,
    `item` whether `prev` belongs to a list item (set in from the margin, so its lines are shorter).
    """
    p, n = prev.rstrip(), nxt.strip()
    if p and _figure_after_its_word(p, n):
        return " "
    if not p or not n or starts_block(n):
        return None
    last, first = p[-1], n[0]
    cjk_join = is_cjk(last) or is_cjk_punct(last) or is_cjk(first) or is_cjk_punct(first)
    glue = "" if cjk_join else " "
    if first in _CJK_NO_LINE_START:
        return ""  # Chinese typesetting never starts a line with these: it is a continuation
    if last == "-" and len(p) > 1 and p[-2].isalpha() and first.isalpha():
        return ""  # a word broken at the line end after its hyphen (whether the hyphen stays: `_drops_hyphen`)
    if first.islower() and not cjk_join:
        # English: a line starting lower-case continues the sentence, even after "e.g."
        return " "
    if ends_sentence(p):
        return None
    if not cjk_join and _DANGLING.search(p):
        return " "  # no English line ends a paragraph on "the", "of", "and" …
    if _DATE_LINE.match(n) or _SECTION_LINE.match(n):
        # a line that is only a date is a dateline of its own ("17 March 2026"), and a line that
        # is only a section's name ("Outcome", "通报人和结果") a heading, however full the line before
        return None
    if not cjk_join and last != "," and _DATELINE_START.match(n):
        return None  # "Thursday, 21 August 2025, 10 a.m., Security Council Chamber": the debate's dateline
    if not cjk_join and _NOTE_TITLE_LINE.match(p) and p.count("“") <= p.count("”") and p.count('"') % 2 == 0 and (
            "“" in p or '"' in p or find_dates(n)):
        # the note's title line with its quotation closed, or followed by a dated line: what follows
        # is a sub-title or the date (a title without quotation marks goes on when its line is full)
        return None
    if not cjk_join and (last.isalpha() or last == ")") and _PERSON_LINE.match(n):
        return None  # "… for Disarmament Affairs" / "Mr. Viktor Haugen, …": a list of people, one a line
    if not cjk_join and (gap or p.endswith(",") and _PARAGRAPH_OPENER.match(n)):
        # English: a capital after a blank line opens a paragraph, and so does a preambular
        # paragraph's opening word after a comma ("…(2009),\nRecalling …"); a name after a
        # comma ("… by Dr. Ingrid Solberg,\nResearch Director …") goes on
        return None
    width = cell_len(p.strip()) + (round(ITEM_INDENT_SHARE * full) if item else 0)
    if gap:  # Chinese across a blank line: only a long line cut mid-word ("…安" / "全理事会…") goes on
        is_full = width >= LONG_LINE_CELLS and (is_cjk(last) or last.isalnum())
    elif 0 < full <= 2 * LONG_LINE_CELLS:  # hard-wrapped text: a full line was wrapped
        # Full, or the next line's first unbreakable piece would not have fitted after it
        # (a long symbol such as "A/63/19、A/64/19" pushed to the next line leaves a short one).
        is_full = width >= min(LONG_LINE_CELLS, FULL_LINE_SHARE * full) or (
            width + 1 + cell_len(_first_unit(n)) > WRAP_FIT_SHARE * full
        ) or (
            # one word alone on the next line, after a line that ends mid-phrase ("… Blue Pacific
            # Youth" / "Network"): a line set in bold holds fewer cells than the text's wrap width
            " " not in n and not cjk_join and last.isalpha() and n[-1].isalpha()
            and width >= LONE_WORD_LINE_SHARE * full
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
    footnotes: tuple[str, ...] = ()  # footnote lines taken from the page bottoms, in order
    # where each footnote line was printed: the number of paragraphs of `text` begun above it
    footnote_at: tuple[int, ...] = ()


# A footnote rule typed as text ("__________"); a PDF draws it as a line, which leaves no text.
_RULE = re.compile(r"^[ \t]*[_\-—–=]{5,}[ \t]*$")
# A footnote's first line: its number, then its text ("1 See S/2013/689", "2 见…", "3见…").
# (not a time of day that opens a line of a programme: "3 p.m. Resumption of the meeting", "10 时")
_FOOTNOTE_START = re.compile(
    r"^[ \t]*(\d{1,3})(?![ \t]*(?:[ap]\.m\.|[ap]m\b|h\b|时|點|点))(?:[ \t\u3000]+(?=\S)|(?=[\u3400-\u9fff“《(（]))"
)
# The footnotes of one page never take more lines than this.
MAX_FOOTNOTE_LINES = 24
_TEXT, _BLANK, _FURNITURE = 0, 1, 2


def normalise(raw: str) -> Normalised:
    """Join wrapped lines and page-split words, drop page furniture and footnotes (see the module
    doc). Linear in the size of `raw`."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    raw = raw.replace("\u00ad", "")  # soft hyphens
    lines = raw.replace("\f", "\n\f\n").split("\n")
    running = _running_headers(lines)
    kinds = [_kind(line, running) for line in lines]
    furniture = [lines[i].strip() for i, k in enumerate(kinds) if k == _FURNITURE and lines[i].strip()]
    footnotes = _drop_footnotes(lines, kinds)
    footnote_lines = {j for j, _ in footnotes}
    footnote_at: list[int] = []
    _attach_lone_bullets(lines, kinds)
    text_lines = [line for line, k in zip(lines, kinds) if k == _TEXT]
    full = wrap_width(text_lines)
    blank_means_nothing = _blank_after_every_line(kinds) and _hard_wrapped(text_lines, full)
    vocabulary = _Vocabulary(raw)
    paragraphs: list[list[str]] = []  # each paragraph's pieces, joined once at the end (linear)
    last = ""  # the previous line of text: its width tells whether it was wrapped
    gap = False  # blank lines (and nothing else) since that line
    page = False  # a page break (furniture) since that line
    for j, (line, kind) in enumerate(zip(lines, kinds)):
        if kind == _BLANK:
            gap = True
            continue
        if kind == _FURNITURE:
            page = True
            if j in footnote_lines:
                footnote_at.append(len(paragraphs))
            continue
        indented = line[:1] in (" ", "\t", "\u3000")
        # A page break is no paragraph break: across one, lines join as if wrapped.
        glue = joiner(last, line, indented, full, gap and not page and not blank_means_nothing,
                      item=starts_block(paragraphs[-1][0])) if paragraphs else None
        gap = page = False
        if glue is None:
            paragraphs.append([_clean(line)])
        else:
            if glue == "" and paragraphs[-1][-1].endswith("-") and _drops_hyphen(paragraphs[-1][-1], line, vocabulary):
                paragraphs[-1][-1] = paragraphs[-1][-1][:-1]
            paragraphs[-1] += [glue, _clean(line)]
        last = line
    return Normalised("\n\n".join("".join(p) for p in paragraphs), tuple(furniture), tuple(t for _, t in footnotes),
                      tuple(footnote_at))


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class _Vocabulary:
    """How often the document writes each word and each hyphenated compound (lower case)."""

    def __init__(self, text: str) -> None:
        self.words: dict[str, int] = {}
        self.compounds: set[str] = set()
        for m in _WORD.finditer(text):
            token = m.group(0).lower()
            if "-" in token:
                self.compounds.add(token)
            for word in token.split("-"):
                self.words[word] = self.words.get(word, 0) + 1


_BROKEN_HEAD = re.compile(r"([^\W\d_]+)-$")
_BROKEN_TAIL = re.compile(r"[^\W\d_]+")


def _drops_hyphen(before: str, line: str, vocabulary: _Vocabulary) -> bool:
    """Whether the hyphen of a word broken at a line end ("peace-" / "keeping") goes: the note's own
    words decide. The joined word written elsewhere ("peacekeeping") drops it; the compound written
    elsewhere ("troop-contributing"), or two halves that are each words of the note ("conflict-" /
    "affected"), keep it; a half that is no word of the note ("implemen-" / "tation", "keeping"
    nowhere else) was only broken there. A capital after the break ("Secretary-" / "General") keeps it."""
    head, tail = _BROKEN_HEAD.search(before), _BROKEN_TAIL.match(line.strip())
    if head is None or tail is None or not tail.group(0)[0].islower():
        return False
    a, b = head.group(1).lower(), tail.group(0).lower()
    if vocabulary.words.get(a + b, 0) > 0:
        return True
    if f"{a}-{b}" in vocabulary.compounds:
        return False
    # this break counts once for each half
    return not (vocabulary.words.get(a, 0) >= 2 and vocabulary.words.get(b, 0) >= 2)


# Text hard-wrapped with a blank line after every line (some conversions do that): its blank
# lines say nothing about paragraphs.
BLANK_AFTER_EVERY_LINE = 0.9
HARD_WRAPPED_SHARE = 0.5
HARD_WRAP_MIN_LINES = 8
HARD_WRAP_MIN_CELLS = 30


def _blank_after_every_line(kinds: list[int]) -> bool:
    text = followed = 0
    for k, nxt in zip(kinds, kinds[1:]):
        if k == _TEXT:
            text += 1
            followed += nxt != _TEXT
    return text > 0 and followed >= BLANK_AFTER_EVERY_LINE * text


def _hard_wrapped(lines: list[str], full: int) -> bool:
    """Most lines are nearly as wide as the widest: the text was wrapped at a fixed width."""
    if len(lines) < HARD_WRAP_MIN_LINES or full < HARD_WRAP_MIN_CELLS:
        return False  # too few or too narrow lines to tell
    return sum(1 for line in lines if cell_len(line.strip()) >= FULL_LINE_SHARE * full) >= HARD_WRAPPED_SHARE * len(lines)


def _kind(line: str, running: set[str]) -> int:
    stripped = line.strip()
    if line.strip(" \t") == "\f" or stripped in running or _RULE.match(line) or is_furniture(line):
        return _FURNITURE
    return _TEXT if stripped else _BLANK


def _drop_footnotes(lines: list[str], kinds: list[int]) -> list[tuple[int, str]]:
    """Find the footnotes at the bottom of each page, mark their lines as furniture, take their
    markers out of the page's text ("statements:1" -> "statements:"), and return them (line
    index, text).

    A page ends where furniture follows (the job number, the page counter). Its footnotes are the
    lines above that which start with the next footnote number of the document (footnotes are
    numbered 1, 2, 3 … through a document) and run down to the furniture.
    """
    found: list[tuple[int, str]] = []
    expected = 1
    page_start = 0
    i = 0
    n = len(lines)
    while i < n:
        if kinds[i] != _FURNITURE or _RULE.match(lines[i]):
            i += 1  # the rule above the footnotes is no page end: the page's text is above it
            continue
        block = _footnote_block(lines, kinds, page_start, i, expected)
        if block is not None:
            start, numbers = block
            for j in range(start, i):
                if kinds[j] == _TEXT:
                    found.append((j, lines[j].strip()))
                    kinds[j] = _FURNITURE
            for number in numbers:
                _strip_marker(lines, kinds, page_start, start, number)
            expected = numbers[-1] + 1
        while i < n and kinds[i] != _TEXT:
            i += 1
        page_start = i
    return found


def _footnote_block(lines: list[str], kinds: list[int], page_start: int, end: int, expected: int) -> tuple[int, list[int]] | None:
    """(first line, footnote numbers) of the footnotes right above line `end`, or None."""
    seen = 0
    j = end - 1
    while j >= page_start and seen < MAX_FOOTNOTE_LINES:
        if kinds[j] == _TEXT:
            seen += 1
            m = _FOOTNOTE_START.match(lines[j])
            if m and int(m.group(1)) == expected:
                numbers = [expected]
                for k in range(j + 1, end):
                    m2 = _FOOTNOTE_START.match(lines[k]) if kinds[k] == _TEXT else None
                    if m2 and int(m2.group(1)) == numbers[-1] + 1:
                        numbers.append(numbers[-1] + 1)
                # footnotes drawn out of order ("2 …" above "1 …"): the lines just above, each
                # starting with a later number of this page, belong to the block too
                while j - 1 >= page_start and kinds[j - 1] == _TEXT:
                    m3 = _FOOTNOTE_START.match(lines[j - 1])
                    if not m3 or not expected < int(m3.group(1)) <= expected + MAX_FOOTNOTE_LINES or int(m3.group(1)) in numbers:
                        break
                    j -= 1
                    numbers.append(int(m3.group(1)))
                return j, sorted(numbers)
        j -= 1
    return None


# A footnote marker: digits glued to the word or mark before them, ending the number.
_MARKER = re.compile(
    r"(?<=[a-z\u3400-\u9fff.,;:!?)\]”’\"'。，；：！？）」』】》])(?<!第)(\d{1,3})(?![0-9A-Za-z/年月日号次条段个项届名])"
)


def _strip_marker(lines: list[str], kinds: list[int], start: int, end: int, number: int) -> None:
    """Take footnote `number`'s marker out of the page's text: its last occurrence glued to the
    word or mark before it ("conflict.1", "备忘录1。")."""
    wanted = str(number)
    for j in range(end - 1, start - 1, -1):
        if kinds[j] != _TEXT:
            continue
        hits = [m for m in _MARKER.finditer(lines[j]) if m.group(1) == wanted]
        if hits:
            at = hits[-1]
            lines[j] = lines[j][:at.start()] + lines[j][at.end():]
            return


def _attach_lone_bullets(lines: list[str], kinds: list[int]) -> None:
    """A bullet alone on its line (PDF text puts the glyph on a line of its own) goes in front of
    the next line of text."""
    pending: int | None = None
    for j, line in enumerate(lines):
        if kinds[j] != _TEXT:
            continue
        stripped = line.strip()
        if _lone_glyph(stripped):
            pending = j
            continue
        if pending is not None:
            glyph = lines[pending].strip()
            lines[j] = (glyph if glyph in BULLET_CHARS else "•") + " " + stripped
            kinds[pending] = _BLANK
            pending = None


def _lone_glyph(stripped: str) -> bool:
    """A bullet, or a glyph a symbol font's bullet comes out as ("\x7f", "\uf0b7"): one
    character that is neither a letter, a digit nor a mark of punctuation."""
    if len(stripped) != 1:
        return False
    ch = stripped
    return ch in BULLET_CHARS or unicodedata.category(ch) in ("Cc", "Co", "So", "Sm") and ch not in "\f"


RUNNING_HEADER_REPEATS = 3


def _running_headers(lines: list[str]) -> set[str]:
    """Short lines repeated on every page (a running title such as "MADE-UP SAMPLE")."""
    counts: dict[str, int] = {}
    for line in lines:
        s = line.strip()
        if len(s) > 1 and cell_len(s) <= 60 and not starts_block(s) and not ends_sentence(s):
            counts[s] = counts.get(s, 0) + 1
    return {s for s, n in counts.items() if n >= RUNNING_HEADER_REPEATS}


def _clean(line: str) -> str:
    """Trim a line and collapse inner runs of spaces (PDF extraction pads with them)."""
    return re.sub(r"[ \t\u3000]{2,}", " ", line.strip(" \t\u3000"))


# -- Markdown ---------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_MD_PLUS_ITEM = re.compile(r"^([ \t]*)\+[ \t]+")
# Each pattern stops at the next opening mark, so a line full of unclosed marks costs linear time.
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")
_MD_STRONG = re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))*?\S)\*\*|__(?=\S)((?:[^_\n]|_(?!_))*?\S)__")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])|(?<!\w)_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)")
_MD_CODE = re.compile(r"`([^`\n]*)`")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def markdown_to_text(raw: str) -> str:
    """A Markdown document as plain text, line for line: "## Guiding questions" -> "Guiding
    questions", "**Briefers**" -> "Briefers", "[S/2017/507](https://…)" -> "S/2017/507", "+ item" ->
    "- item"; list markers, numbering and line breaks stay as they are."""
    out: list[str] = []
    for line in raw.split("\n"):
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_PLUS_ITEM.sub(r"\1- ", _MD_QUOTE.sub("", line))
        # an escaped mark ("\\*") is text: set it aside while the marks are taken out
        line = _MD_ESCAPE.sub(lambda m: chr(_ESCAPED + ord(m.group(1))), line)
        line = _MD_CODE.sub(r"\1", _MD_LINK.sub(r"\1", line))
        line = _MD_STRONG.sub(lambda m: m.group(1) or m.group(2) or "", line)
        line = _MD_EM.sub(lambda m: m.group(1) or m.group(2) or "", line)
        out.append(_ESCAPED_MARK.sub(lambda m: chr(ord(m.group(0)) - _ESCAPED), line))
    return "\n".join(out)


_ESCAPED = 0xF0000  # escaped marks wait in a private-use plane
_ESCAPED_MARK = re.compile("[\U000F0000-\U000F00FF]")


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


# Month names as written in running text (capitalised: "may" is a verb, "May" a month).
_MONTH_CAP = "|".join(m.capitalize() for m in sorted(_MONTHS, key=len, reverse=True) if len(m) > 3 or m == "may")
_DAY_MONTH = (
    re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?日"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_CAP})\b(?!\.?,?\s+\d{{4}})"),
    re.compile(rf"\b(?P<mon>{_MONTH_CAP})\s+(?P<d>\d{{1,2}})\b(?!,?\s+\d{{4}})"),
)


def day_month(text: str, year: int) -> date | None:
    """The first date written without its year ("on 8 May", "5月14日"), in `year`."""
    found: list[tuple[int, date]] = []
    for pattern in _DAY_MONTH:
        m = pattern.search(text)
        if m:
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"].lower()]
            try:
                found.append((m.start(), date(year, month, int(groups["d"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def first_date(text: str) -> date | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


# -- sentences -------------------------------------------------------------------------------

_ABBREVIATIONS = ("Mr", "Ms", "Mrs", "Dr", "H.E", "St", "No", "e.g", "i.e", "para", "paras", "Corr", "Rev", "Add",
                  "Jr", "vs", "etc", "U.N", "U.S")


_SENTENCE_END = re.compile(
    # never starting inside a run of marks (that would rescan the run at every position)
    r"(?<![。！？])[。！？]++[”’」』）)]*+|(?<![.!?])[.!?]++[\"”’)]*+(?=\s+[\"“(A-Z0-9])"
)
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")$")
_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]$")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (Chinese on 。！？, English on . ! ? before a capital).
    Linear in the paragraph's length."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        end = m.end()
        if m.group(0).startswith("."):
            tail = paragraph[max(start, m.start() - 8):m.start()]  # longest abbreviation + a space
            if _ABBREVIATION_END.search(tail) or _INITIAL_END.search(tail):
                continue  # "Ms. Amina", an initial: "J. Smith"
        parts.append(paragraph[start:end].strip())
        start = end
    if paragraph[start:].strip():
        parts.append(paragraph[start:].strip())
    return [p for p in parts if p]
