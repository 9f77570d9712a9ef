"""Parse adopted text (resolution or presidential statement, English or Chinese) into paragraphs.

Text extracted from PDFs and OCR is messy: page furniture (job numbers, page counters, running
headers, URLs), paragraphs continuing across pages, several paragraphs on one line, hard wraps,
markdown bold markers. The parser works on lines and decides, at each line, whether a paragraph
starts there, from several signals: an operative number in sequence, a sub-paragraph marker, a
lead verb or phrase after a line that ends a paragraph, the line's indentation, blank lines (when
the document uses them only between paragraphs) and whether the previous line was wrapped full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from debateprep.domain.cells import cell_len, is_wide
from debateprep.domain.leads import leads, match_lead
from debateprep.domain.resolution import (
    ANNEX,
    OP,
    PARA,
    PP,
    PRST,
    RESOLUTION,
    AdoptedDocument,
    Footnote,
    Paragraph,
)
from debateprep.domain.verbatim import parse_speaker_header

# ---------------------------------------------------------------- text helpers

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "0123456789")


_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")


def _language(head: str) -> str:
    """Same rule as `domain.text.detect_language` (ideographs weigh 3 letters), regex-fast."""
    cjk = len(_HAN_RE.findall(head))
    return "zh" if cjk and cjk * 3 >= len(_ASCII_LETTER_RE.findall(head)) else "en"


def join_lines(parts: list[str], lang: str = "en") -> str:
    """Join wrapped lines: no space next to Chinese, one space between Latin words,
    and a hyphen broken at a line end rejoined ("under-" + "taken" -> "undertaken").
    In Chinese text a line may break anywhere, even inside a number: only two Latin letters
    get a space between them."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif is_wide(out[-1]) or is_wide(part[0]):
            out += part
        elif lang == "zh" and not (out[-1].isalpha() and part[0].isalpha()):
            out += part
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and part[0].islower():
            out = out[:-1] + part
        elif out.endswith(("-", "/")):
            out += part
        else:
            out += " " + part
    return out


# ---------------------------------------------------------------- line preparation

_FURNITURE = [
    re.compile(p, re.I)
    for p in (
        r"^(?:https?://|www\.)\S+$",
        r"^\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}\s*/\s*\d{1,3})?$",  # 21-11413 4/4
        r"^\d{1,3}\s*/\s*\d{1,3}(?:\s+\d{2}-\d{4,6}(?:\s*\([A-Z]\))?)?$",  # 4/4 21-11413
        r"^\*\d{6,}\*$",  # barcode
        r"^[-–—]?\s*\d{1,3}\s*[-–—]?$",  # bare page number
        r"^(?:S/RES/\d+\s*\(\d{4}\)|S/PRST/\d{4}/\d+)$",  # running header
        r"^(?:United Nations|联合国)\s+S/(?:RES|PRST)/\S+.*$",
        r"^(?:Security Council|安全理事会)?\s*Distr\.?\s*[:：]?\s*General.*$",
        r"^(?:Original|原件|原文)\s*[:：].*$",
        r"^[*_=\-–—·•\s]{3,}$",
        r"^GE\.\d{2}-\d+.*$",
        r"^(?:Please recycle|请回收).*$",
        r"^(?:Page|第)\s*\d{1,3}\s*(?:页)?$",
        r"^(?:Distr\.?|GENERAL|UNITED NATIONS|S|Security Council|安全理事会|Decision)$",
    )
]
_URL_RE = re.compile(r"https?://\S+")
_BOLD_LEAD_RE = re.compile(r"^((?:\d{1,3}\s*[.．]\s*)?)\x02([^\x03]{1,40})\x03")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_OP_RE = re.compile(r"^(\d{1,3}|[lLI](?=\.\s))\s*(?:[.．](?:\s+|(?=[\u3400-\u9fff“\"(（]))|,\s+(?=[A-Z]))")
# An operative number as OCR garbles it: letters for digits ("ll.", "i9.", "Z.", "S."), a
# comma or no dot ("7 Calls"), no space ("6.Calls").
_GARBLED_NUMBER = re.compile(r"^[0-9lIiLZzSsOoB]{1,3}(?:\s*[.,]\s*|\s+)(?=[A-Z“\"])")
_SUB_RE = re.compile(r"^[（(]([a-z]{1,2}|[ivx]{1,5}|\d{1,2})[)）]\s*")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}

# Points where a PDF ran two paragraphs into one line; each is re-checked as a line start.
_INLINE_SPLITS = [
    re.compile(r"(?<=[；;。.:：，,])(\s*)(?=\d{1,3}\s*[.．]\s*(?:[\u3400-\u9fff\x02]|[A-Z]))"),
    re.compile(r"(?<=[:;：；])(\s+)(?=[（(][a-z]{1,2}[)）]\s)"),
    re.compile(r"(?<=[，,;；])(\s+)(?=[\u3400-\u9fff]{2})"),
    re.compile(r"(?<=[^\d\s][,;])(\s+)(?=[A-Z][a-z]+(?:ing|ed)?\b)"),
    re.compile(r"(?<=[.。”\"])(\s*)(?=[“\"](?:The Security Council|The Council|安全理事会|安理会))"),
    re.compile(r"(?<=[.;])(\s+)(?=Ad[oa]pted (?:unanimously|at|without|by \d))"),
]


@dataclass
class _Line:
    text: str
    indent: int
    blank_before: bool
    lead_hint: str = ""
    gap: str | None = None  # set when an inline split made this line: the separator removed


_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE), re.I)


def _is_furniture(s: str) -> bool:
    return _ANY_FURNITURE.match(s) is not None


_BOLD_SPAN = re.compile(r"(?:\*\*|__)(?=\S)([^*_\n]{0,40}(?:\n[^*_\n]{0,40})?)(?<=\S)(?:\*\*|__)")


def _prepare(text: str) -> list[_Line]:
    # Bold spans become \x02…\x03 (a wrap inside one is undone) so a lead in bold can be told
    # apart and the markers dropped even when a hard wrap split them.
    text = re.sub(r"(?<!\*)\*\n\s*\*(?!\*)", "**", text)  # a wrap that split a "**" marker
    text = _BOLD_SPAN.sub(lambda m: "\x02" + m.group(1).replace("\n", "") + "\x03", text)
    lines: list[_Line] = []
    blank = False
    for raw in text.split("\n"):
        s = raw.replace("\u3000", " ").replace("\xa0", " ").replace("\t", " ").rstrip()
        s = _MD_HEADING_RE.sub("", s.lstrip()) if s.lstrip().startswith("#") else s
        stripped = s.strip()
        if not stripped or _is_furniture(stripped):
            blank = True if not stripped else blank
            continue
        indent = len(s) - len(s.lstrip(" "))
        hint = ""
        m = _BOLD_LEAD_RE.match(stripped)
        if m:
            hint = m.group(2).strip()
        stripped = stripped.replace("\x02", "").replace("\x03", "")
        stripped = _URL_RE.sub("", stripped).strip()
        if not stripped:
            continue
        lines.append(_Line(stripped, indent, blank, hint))
        blank = False
    return _split_inline(lines)


_ANY_SPLIT = re.compile("|".join(f"(?:{p.pattern})" for p in _INLINE_SPLITS))


def _split_inline(lines: list[_Line]) -> list[_Line]:
    out: list[_Line] = []
    for line in lines:
        pieces: list[tuple[str, str | None]] = []
        pos, gap = 0, None
        t = line.text
        for m in _ANY_SPLIT.finditer(t):
            if m.start() == 0 or m.end() >= len(t) or m.start() < pos:
                continue
            pieces.append((t[pos : m.start()], gap))
            gap, pos = m.group(m.lastindex or 0), m.end()
        pieces.append((t[pos:], gap))
        first = True
        for piece, piece_gap in pieces:
            if not piece.strip():
                continue
            if first:
                out.append(_Line(piece.strip(), line.indent, line.blank_before, line.lead_hint))
                first = False
            else:
                out.append(_Line(piece.strip(), line.indent, False, "", piece_gap or ""))
    return out


# ---------------------------------------------------------------- header / metadata

_MONTHS = {
    m: i
    for i, m in enumerate(
        "January February March April May June July August September October November December".split(),
        1,
    )
}
_EN_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s*,?\s+(\d{4})")
_ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EN_MEETING = re.compile(r"(\d{1,5})\s*(?:st|nd|rd|th|d)\s+meeting", re.I)
_ZH_MEETING = re.compile(r"第\s*(\d{1,5})\s*次会议")
_SYMBOL_PATTERNS = [
    (PRST, re.compile(r"S/PRST/(\d{4})/(\d+)")),
    (RESOLUTION, re.compile(r"S/RES/(\d+)\s*[(（]\s*(\d{4})\s*[)）]")),
    (RESOLUTION, re.compile(r"第\s*(\d+)\s*[(（]\s*(\d{4})\s*[)）]\s*号决议")),
    (RESOLUTION, re.compile(r"\bResolution\s+(\d+)\s*\((\d{4})\)", re.I)),
    (RESOLUTION, re.compile(r"^\s*Resolution\s+(\d+)()\s*$", re.I | re.M)),  # year from the date
    (RESOLUTION, re.compile(r"^\s*(\d+)\s*\((\d{4})\)\s*\.?\s*Resolution\b", re.M)),
]
_EN_CHAPEAU = re.compile(r"^(?:(?:Now,?\s+)?[Tt]herefore,?\s+)?[Tt]he Security Council\s*[,:]?\s*(.*)$")
_ZH_CHAPEAU = re.compile(r"^安全理事会\s*[，,]\s*(.*)$")
_PRST_CHAPEAU = re.compile(r"(?:behalf of the (?:Security )?Council\s*:|声明如下\s*[：:])\s*(.*)$")
_PRST_MARKERS = re.compile(
    r"made the following statement|Statement by the President of the Security Council"
    r"|发表声明如下|安全理事会主席的声明"
)
_ITEM_EN = re.compile(r"item entitled\s*[\"“](.+?)[\"”]", re.S)
_ITEM_ZH = re.compile(r"题为\s*“(.+?)”\s*的项目", re.S)
_ID_LINE = re.compile(
    r"^(?:(?:Resolution|RESOLUTION)\s+\d+|\d+\s*\(\d{4}\)|第\s*\d+|[\[(]S/[^\])]*[\])]$|of \d|on \d|"
    r"Adopted by the Security Council|安全理事会.*通过$|\d{1,2} \w+ \d{4}$|Statement by the President|"
    r"安全理事会主席的声明)"
)


def _symbol_from(head: str) -> tuple[str, str] | None:
    for kind, rx in _SYMBOL_PATTERNS:
        m = rx.search(head)
        if m:
            if kind == PRST:
                return kind, f"S/PRST/{m.group(1)}/{int(m.group(2))}"
            if not m.group(2):
                when = _date_from(head[m.end() : m.end() + 200])
                if not when:
                    continue
                return kind, f"S/RES/{int(m.group(1))} ({when.year})"
            return kind, f"S/RES/{int(m.group(1))} ({m.group(2)})"
    return None


def _date_from(text: str) -> date | None:
    for m in _ZH_DATE.finditer(text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    for m in _EN_DATE.finditer(text):
        try:
            return date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
        except ValueError:
            continue
    return None


def _meeting_from(text: str) -> int | None:
    m = _ZH_MEETING.search(text) or _EN_MEETING.search(text)
    return int(m.group(1)) if m else None


def _chapeau_at(lines: list[_Line], lang: str, is_prst: bool) -> tuple[int, str] | None:
    """Index of the line that introduces the paragraphs, and any text after it on that line."""
    for i, line in enumerate(lines[:60]):
        if is_prst:
            m = _PRST_CHAPEAU.search(line.text)
        else:
            m = (_ZH_CHAPEAU if lang == "zh" else _EN_CHAPEAU).match(line.text)
            if m and lang == "en" and m.group(1) and not m.group(1)[:1].isupper():
                m = None  # "The Security Council decides …" opens a paragraph, not the chapeau
        if m:
            return i, m.group(1).strip()
    return None


def _id_lines(lines: list[_Line]) -> int:
    """How many lines at the top identify the document (symbol, date, title, meeting)."""
    i = 0
    while i < min(len(lines), 10) and (
        _ID_LINE.match(lines[i].text) or (lines[i].text.isupper() and len(lines[i].text) < 80)
    ):
        i += 1
    return i


# ---------------------------------------------------------------- segmentation

_TERMINATORS = (",", "，", ";", "；", ":", "：")
_PRST_TERMINATORS = (".", "。", "”", '"', ":", "：", ";", "；")
_EN_NOT_LEADS = {"During", "Beijing", "Nothing", "Something", "Everything", "Anything", "King",
                 "Spring", "Pending", "Notwithstanding", "Including", "Following", "Bearing"}
_EN_ADJ_LEADS = {"Concerned", "Alarmed", "Convinced", "Determined", "Mindful", "Aware", "Conscious",
                 "Cognizant", "Whereas", "Desirous", "Anxious", "Satisfied", "Gratified", "Shocked",
                 "Disturbed", "Appalled", "Outraged", "Saddened", "Dismayed", "Resolved"}
_QUOTES = "‘'’`\"“”「『"
_ADOPTED_RE = re.compile(r"^Ad[oa]pted (?!by the Security Council at its)")
_THEREFORE_RE = re.compile(r"^(?:Now,?\s+)?[Tt]herefore,?\s+the Security Council\b(?!\s*,?\s*$)")
_THEREFORE_VERB = re.compile(r"\b(?:hereby\s+)?(resolves|decides|approves|determines)\b")
_INTRO_RE = re.compile(r"^([A-Z]?[\w ]{2,30}?|[\u3400-\u9fff]{1,6})\s*[:：]$")
# A heading that opens an annex, appendix or attachment: "Annex", "ANNEX II", "Annex A",
# "Appendix 1", "Attachment", "附件一" — alone on its line, or followed by its title after a
# colon or dash ("Annex B: Goods Review List procedures").
_PART_RE = re.compile(
    r"^(?P<word>(?i:annex|appendix|attachment|enclosure)|附件|附录|附文)"
    r"(?:\s*(?P<label>[IVXL]{1,6}|\d{1,2}|[A-Z]|[一二三四五六七八九十]{1,3})(?![\w]))?"
    r"\s*(?:[.:：—–-]\s*(?P<title>\S.{0,200}))?$"
)
_PART_WORDS = {"附件": "annex", "附录": "appendix", "附文": "attachment"}
_ZH_NUMERALS = {"一": "I", "二": "II", "三": "III", "四": "IV", "五": "V", "六": "VI", "七": "VII", "八": "VIII",
                "九": "IX", "十": "X"}
_PART_NUMBER_RE = re.compile(r"^(\d{1,3})\s*[.．](?:\s+(?=\S)|(?=[\u3400-\u9fff“\"(（]))")


# The articles of an agreement the resolution approves ("… hereby resolves to approve the
# following terms of trusteeship …:" then "Article 1", "Article 2" …: 21 (1947)).
_ARTICLE_RE = re.compile(r"^Article\s+(?P<label>[IVXL]{1,6}|\d{1,3})\s*$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_to_int(label: str) -> int:
    total = 0
    for i, ch in enumerate(label):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(label) and _ROMAN_VALUES[label[i + 1]] > value else value
    return total


def _part_heading(text: str) -> tuple[str, str, str] | None:
    """("annex", "A", title) for an annex/appendix/attachment heading line, else None."""
    m = _PART_RE.match(text)
    if m is None:
        return None
    word = _PART_WORDS.get(m.group("word"), m.group("word").lower())
    label = m.group("label") or ""
    label = _ZH_NUMERALS.get(label, label)
    return word, label, (m.group("title") or "").strip()


@dataclass
class _Block:
    kind: str
    number: int
    sub: str = ""
    parts: list[str] = field(default_factory=list)
    lead_hint: str = ""
    part: str = ""  # "annex A" … for a paragraph of an annex, appendix or attachment
    section: str = ""  # "B" in a resolution made of sections A, B … ("" before the first)


# A resolution in sections: a line "A", "B" … or "I", "II" … alone, before the section's
# paragraphs (or before its own "The Security Council,"). Sections usually continue the operative
# numbering (687 (1991)); when one restarts it at 1 (101 (1953), 161 (1961)) its paragraphs are
# cited with it: "S/RES/101 (1953), section B, OP 2".
_SECTION_RE = re.compile(r"^(?:[A-I]|II|III|IV|V|VI|VII|VIII|IX|X)$")
_SECTION_CHAPEAU = re.compile(r"^(?:The Security Council|安全理事会)\s*[,，:：]?$")


@dataclass
class _Part:
    """An annex, appendix or attachment: its citation label and its lines, segmented apart."""

    label: str  # "annex", "annex A", "annex II, appendix 1"
    title: str
    lines: list[_Line] = field(default_factory=list)


def _en_lead_word(t: str) -> str | None:
    """A preambular opening in English: table entry, a participle, or an adjective of feeling."""
    t = t.lstrip(_QUOTES)
    hit = match_lead(t, "en", PP)
    if hit:
        return hit
    words = t.split()
    if not words or not words[0][:1].isupper():
        return None
    w0 = words[0].rstrip(",;:")
    if w0 in _EN_NOT_LEADS:
        return None
    if w0.endswith("ing") and w0[1:].islower() and len(w0) > 4:
        return w0
    if w0 in _EN_ADJ_LEADS:
        return w0
    if w0.endswith("ly") and w0[1:].islower() and len(words) > 1 and words[1].endswith(("ed", "ing")):
        return f"{w0} {words[1].rstrip(',;:')}"
    return None


_EN_ADVERBS = ("Hereby", "Therefore", "Also", "Further", "Again", "Once again", "Strongly", "Urgently",
               "Solemnly", "Accordingly", "Firmly", "Unanimously", "Formally", "Now")


@lru_cache(maxsize=1)
def _en_op_first_words() -> frozenset[str]:
    """First words of the English operative leads: "Calls" (for "Calls once again for")."""
    return frozenset(le.text.split()[0] for le in leads("en", OP))


def _op_only_lead(t: str, lang: str) -> str | None:
    """An operative verb that never opens a preambular paragraph: an unnumbered OP."""
    t = t.lstrip(_QUOTES)
    hit = match_lead(t, lang, OP)
    if lang == "en":
        if hit:
            return hit if hit[:1].isupper() else None
        words = t.split(" ", 2)
        adverbs = [a for a in _EN_ADVERBS if t.startswith(a + " ")]
        if not adverbs and len(words) > 1 and words[0].endswith("ly") and words[0][1:].islower():
            adverbs = [words[0]]
        for adv in adverbs:
            rest = t[len(adv) + 1 :]
            verb = match_lead(rest[:1].upper() + rest[1:], "en", OP) if rest[:1].islower() else None
            if verb:
                return f"{adv} {rest[: len(verb)]}"
        return None
    if not hit:
        return None
    return hit if hit not in {le.text for le in leads("zh", PP)} else None


_TRAILING_MARK = re.compile(r"(?<=[,;:.，；：。])(?:\s*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+))+$")


def _ends(text: str, terminators: tuple[str, ...]) -> bool:
    """Does the line end with one of `terminators`, ignoring closing quotes and a footnote mark?"""
    t = _TRAILING_MARK.sub("", text.rstrip())
    return t.endswith(terminators) or t.rstrip(_QUOTES + " ").endswith(terminators)


class _Segmenter:
    def __init__(self, lines: list[_Line], lang: str, is_prst: bool) -> None:
        self.lines, self.lang, self.is_prst = lines, lang, is_prst
        self.blocks: list[_Block] = []
        self.warnings: list[str] = []
        self.tail: list[_Line] = []
        self.parts: list[_Part] = []
        self.section_label = ""
        self.first_section = ""
        self.may_restart = False  # a section just opened: its OPs may start again at 1
        self.restarted = False
        self.index = 0  # of the line being read (for the look-ahead of `_garbled_op`)
        self.last_op = 0
        self.section = PP
        self.intro_lead = ""
        self.intro_line = ""
        self.unnumbered = False
        widths = sorted(cell_len(ln.text) for ln in lines) or [0]
        p90 = widths[int(len(widths) * 0.9)] if len(widths) > 1 else widths[0]
        near = sum(1 for w in widths if w >= 0.75 * p90)
        self.wrapped = 0 < p90 <= 200 and near >= 0.4 * len(widths)
        self.width = p90
        chars = sorted(len(ln.text) for ln in lines) or [0]
        self.width_chars = chars[int(len(chars) * 0.9)] if len(chars) > 1 else chars[0]
        gaps = sum(1 for ln in lines[1:] if ln.blank_before)
        self.blank_informative = len(lines) > 3 and gaps < 0.6 * (len(lines) - 1)
        indents = sorted(ln.indent for ln in lines)
        self.base_indent = indents[len(indents) // 2] if indents else 0

    # signals ---------------------------------------------------------------
    def _full(self, line: _Line) -> bool:
        """Was `line` wrapped because it was full (by display width, or by characters)?"""
        if not self.wrapped:
            return False
        return cell_len(line.text) >= self.width - 1 or len(line.text) >= self.width_chars

    def _boundary(self, prev: _Line, cur: _Line, terminators: tuple[str, ...]) -> bool:
        """Does `prev` end a paragraph so that `cur` may start one?"""
        if cur.gap is not None:  # split out of a run-together line
            return True
        if not _ends(prev.text, terminators):
            return False
        if self.blank_informative and cur.blank_before:
            return True
        if cur.indent > self.base_indent and cur.indent > prev.indent:
            return True
        return not self._full(prev)

    # main loop -------------------------------------------------------------
    def run(self) -> None:
        prev: _Line | None = None
        skip = -1
        for i, line in enumerate(self.lines):
            self.index = i
            if i == skip:
                continue
            if self.blocks and self._ends_body(line):
                self.tail = self.lines[i:]
                break
            heading = _part_heading(line.text) if self.blocks and prev is not None else None
            ended = prev is not None and (line.blank_before or _ends(prev.text, _TERMINATORS + (".", "。", ")", "）")))
            nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
            article = _ARTICLE_RE.match(line.text) if ended and prev is not None else None
            if article and (_ends(prev.text, (":", "：")) or (self.parts and self.parts[-1].label.startswith("article"))):  # type: ignore[union-attr]
                label = article.group("label")
                self.parts.append(_Part(f"article {label if label.isdigit() else _roman_to_int(label)}", ""))
            elif heading and ended:
                self._open_part(*heading)
            elif not self.parts and self.blocks and ended and nxt is not None and _SECTION_RE.match(line.text) and (
                _SECTION_CHAPEAU.match(nxt.text) or _OP_RE.match(nxt.text) or _op_only_lead(nxt.text, self.lang)
            ):
                self._open_section(line.text)
                if _SECTION_CHAPEAU.match(nxt.text):
                    skip = i + 1  # the section's own "The Security Council,": its PPs follow
                    self.section, self.unnumbered, self.intro_lead, self.intro_line = PP, False, "", ""
            elif self.parts:
                self.parts[-1].lines.append(line)
            elif not self._start(prev, line):
                self._continue(line)
            prev = line
        if self.restarted:
            self._label_sections()
        for part in self.parts:
            self.blocks.extend(_part_blocks(part, self))

    def _open_section(self, label: str) -> None:
        self.section_label = label
        self.first_section = self.first_section or label
        self.may_restart = True

    def _label_sections(self) -> None:
        """Numbering restarted in a section: every section's paragraphs carry its label. When the
        first heading seen is "B" (or "II"), "A" was lost in the document's header."""
        before = {"B": "A", "II": "I"}.get(self.first_section, "")
        for block in self.blocks:
            label = block.section or before
            if label:
                block.part = f"section {label}"

    def _open_part(self, word: str, label: str, title: str) -> None:
        name = f"{word} {label}".strip()
        if word != "annex" and self.parts:  # an appendix or attachment of the annex before it
            base = self.parts[-1].label.split(",")[0]
            if base.startswith("annex"):
                name = f"{base}, {name}"
        self.parts.append(_Part(name, title))

    def _ends_body(self, line: _Line) -> bool:
        return (
            self.lang == "en"
            and not self.is_prst
            and bool(_ADOPTED_RE.match(line.text))
        )

    def _new(self, kind: str, number: int, text: str, hint: str, sub: str = "") -> None:
        self.blocks.append(_Block(kind, number, sub, [text] if text else [], hint, section=self.section_label))

    def _continue(self, line: _Line) -> None:
        if not self.blocks:
            self._new(PARA if self.is_prst else PP, 1, line.text, line.lead_hint)
            return
        parts = self.blocks[-1].parts
        if line.gap is not None and parts:
            parts[-1] = parts[-1] + line.gap + line.text  # undo a split that was not a paragraph
        else:
            parts.append(line.text)

    def _start(self, prev: _Line | None, line: _Line) -> bool:
        t = line.text
        if self.is_prst:
            return self._start_prst(prev, line)
        m = _OP_RE.match(t)
        if m:
            n = int(m.group(1)) if m.group(1).isdigit() else 1  # OCR reads "1." as "L."
            rest = t[m.end() :]
            plausible = n == self.last_op + 1 or (n == self.last_op + 2 and self._looks_operative(rest))
            if n == 1 and self.last_op > 0 and self.may_restart:
                plausible, self.restarted, self.last_op = True, True, 0
            if plausible:
                self.may_restart = False
                if n != self.last_op + 1:
                    self.warnings.append(f"OP {self.last_op + 1} missing (found {n} after {self.last_op})")
                self.last_op = n
                self.section, self.unnumbered = OP, False
                self._new(OP, n, rest, line.lead_hint or self._intro_hint(rest))
                return True
        garbled = self._garbled_op(prev, line)
        if garbled is not None:
            self.last_op += 1
            self.may_restart = False
            self.section, self.unnumbered = OP, False
            self._new(OP, self.last_op, garbled, line.lead_hint or self._intro_hint(garbled))
            return True
        ms = _SUB_RE.match(t)
        if ms and self.intro_line and self.section == PP:
            # "Decides:" followed by (a), (b): one unnumbered operative paragraph with sub-paragraphs
            self.last_op += 1
            self.section, self.unnumbered = OP, True
            self._new(OP, self.last_op, self.intro_line, self.intro_lead)
        if ms and self.blocks and prev is not None and self._sub_ok(prev, line):
            parent = self.blocks[-1]
            self._new(parent.kind, parent.number, t[ms.end() :], line.lead_hint, self._sub_key(ms.group(1)))
            return True
        intro = _INTRO_RE.match(t) if self.section == PP else None
        if intro and _op_only_lead(t, self.lang):
            self.intro_lead = intro.group(1)  # "Resolves:" introduces numbered OPs
            self.intro_line = t
            return True
        if self.section == PP and self.lang == "en" and _THEREFORE_RE.match(t) and prev is not None and _ends(prev.text, _TERMINATORS + (".",)):
            self.last_op += 1  # "Now, therefore, the Security Council …, hereby resolves …"
            self.section, self.unnumbered = OP, True
            self._new(OP, self.last_op, t, "")
            return True
        unnumbered = self.section == PP or self.unnumbered
        if unnumbered and (
            _op_only_lead(t, self.lang)
            or (self.intro_lead and (self.lang == "zh" or t[:1].isupper()))
        ):
            if prev is None or self._op_boundary(prev, line):
                self.last_op += 1
                self.section, self.unnumbered = OP, True
                self._new(OP, self.last_op, t, line.lead_hint or self._intro_hint(t))
                return True
        if prev is None:
            return False
        if self.section == PP:
            if self._pp_start(prev, line):
                self._new(PP, 0, t, line.lead_hint)
                return True
        return False

    def _garbled_op(self, prev: _Line | None, line: _Line) -> str | None:
        """The text of operative paragraph last+1 whose number OCR garbled ("Z.", "ll.", "i9.",
        "S.", "6.Calls", "7 Calls") or lost: a line opening with an operative verb after a paragraph
        end, when the next numbered paragraph is last+2. None otherwise."""
        if prev is None or self.unnumbered or (self.section == PP and self.last_op) or self.restarted:
            return None
        if not _ends(prev.text, _TERMINATORS + (".", "。")):
            return None
        m = _GARBLED_NUMBER.match(line.text)
        rest = line.text[m.end():] if m else line.text
        first = rest.lstrip(_QUOTES).split(" ", 1)[0].rstrip(",;:")
        if not (_op_only_lead(rest, self.lang) or (self.lang == "en" and first in _en_op_first_words())):
            return None
        for later in self.lines[self.index + 1 :]:
            n = _OP_RE.match(later.text)
            if n and n.group(1).isdigit():
                if int(n.group(1)) != self.last_op + 2:
                    return None
                shown = m.group(0).strip() if m else "no number"
                self.warnings.append(f"OP {self.last_op + 1}: number unreadable in the source ({shown})")
                return rest
            if _part_heading(later.text) or _ADOPTED_RE.match(later.text):
                return None
        return None

    def _op_boundary(self, prev: _Line, line: _Line) -> bool:
        """May an unnumbered operative paragraph start here?"""
        if self.lang == "en" and line.text[:1].isupper():  # capitalised verb: case says enough
            return (
                line.gap is not None
                or _ends(prev.text, _TERMINATORS + (".",))
                or (self.blank_informative and line.blank_before)
            )
        return self._boundary(prev, line, _TERMINATORS + (".", "。"))

    def _intro_hint(self, rest: str) -> str:
        """Numbered paragraphs under "Resolves:" take it as their lead unless they have their own."""
        if self.intro_lead and not match_lead(rest.lstrip(_QUOTES), self.lang, OP):
            return self.intro_lead
        return ""

    def _looks_operative(self, rest: str) -> bool:
        rest = rest.lstrip(_QUOTES)
        return bool(match_lead(rest, self.lang, OP)) or (self.lang == "en" and rest[:1].isupper())

    def _sub_ok(self, prev: _Line, line: _Line) -> bool:
        if line.gap is not None or self.blank_informative and line.blank_before:
            return True
        return _ends(prev.text, _TERMINATORS + (".", "。")) or not self._full(prev)

    def _sub_key(self, marker: str) -> str:
        parent = self.blocks[-1]
        cur = parent.sub.split(".")[0] if parent.sub else ""
        if marker in _ROMAN and cur and cur not in _ROMAN and cur.isalpha() and not (
            (marker == "i" and cur == "h") or (marker == "v" and cur == "u") or (marker == "x" and cur == "w")
        ):
            return f"{cur}.{marker}"
        return marker

    def _pp_start(self, prev: _Line, line: _Line) -> bool:
        t = line.text
        if self.lang == "en":
            return _en_lead_word(t) is not None and (
                line.gap is not None
                or _ends(prev.text, _TERMINATORS)
                or (self.blank_informative and line.blank_before)
            )
        if match_lead(t.lstrip(_QUOTES), "zh"):
            return self._boundary(prev, line, _TERMINATORS)
        if line.gap is not None:
            return False  # inline split without a lead: a clause, not a paragraph
        if not _ends(prev.text, _TERMINATORS):
            return False
        if not self.wrapped:
            return not self.blank_informative or line.blank_before
        return (
            (self.blank_informative and line.blank_before)
            or (line.indent > self.base_indent and line.indent > prev.indent)
            or cell_len(prev.text) < 0.75 * self.width
        )

    def _start_prst(self, prev: _Line | None, line: _Line) -> bool:
        t = line.text
        if prev is None:
            self._new(PARA, 1, t, line.lead_hint)
            return True
        opens = t[:1] in "“\"" or t.startswith(("The Security Council", "安全理事会", "安理会"))
        if opens and self._boundary(prev, line, _PRST_TERMINATORS):
            self._new(PARA, len(self.blocks) + 1, t, line.lead_hint)
            return True
        return False


def _is_title(lines: list[_Line]) -> bool:
    """A heading-like opening block: short, and not ending as a sentence or a list intro does."""
    text = join_lines([ln.text for ln in lines])
    return 0 < len(text) <= 300 and not _ends(text, _TERMINATORS + (".", "。")) and not _SUB_RE.match(text)


def _part_blocks(part: _Part, seg: _Segmenter) -> list[_Block]:
    """Paragraphs of an annex (appendix, attachment). They are cited by the annex's own paragraph
    numbers when it numbers them 1., 2. … in sequence, otherwise by their running position; an
    opening heading is the part's title (number 0). Sub-paragraphs (a), (b) belong to the
    numbered paragraph above them."""
    lines: list[_Line] = []
    for ln in part.lines:  # undo inline splits, but for a (sub-)paragraph run into the line above
        if ln.gap is not None and lines and not (ln.gap and (_PART_NUMBER_RE.match(ln.text) or _SUB_RE.match(ln.text))):
            lines[-1] = _Line(lines[-1].text + ln.gap + ln.text, lines[-1].indent, lines[-1].blank_before,
                              lines[-1].lead_hint, lines[-1].gap)
        else:
            lines.append(ln)
    title_lines: list[_Line] = []
    if not part.title and lines:
        end = next((i for i, ln in enumerate(lines[1:], 1) if ln.blank_before), len(lines))
        if _is_title(lines[:end]) and not _PART_NUMBER_RE.match(lines[0].text):
            title_lines, lines = lines[:end], lines[end:]
    blocks: list[_Block] = []
    if part.title or title_lines:
        blocks.append(_Block(ANNEX, 0, parts=[part.title] if part.title else [ln.text for ln in title_lines],
                             part=part.label))
    in_sequence = 0
    for ln in lines:
        m = _PART_NUMBER_RE.match(ln.text)
        if m and int(m.group(1)) == in_sequence + 1:
            in_sequence += 1
    numbered = in_sequence >= 2
    last = 0
    prev: _Line | None = None
    for line in lines:
        m = _PART_NUMBER_RE.match(line.text) if numbered else None
        ms = _SUB_RE.match(line.text)
        if m and int(m.group(1)) == last + 1:
            last = int(m.group(1))
            blocks.append(_Block(ANNEX, last, parts=[line.text[m.end():]], part=part.label))
        elif numbered and not last:  # text before "1.": the part's opening
            if not blocks:
                blocks.append(_Block(ANNEX, 0, part=part.label))
            blocks[-1].parts.append(line.text)
        elif numbered and ms and prev is not None and seg._sub_ok(prev, line):
            parent = blocks[-1]
            blocks.append(_Block(ANNEX, parent.number, ms.group(1), [line.text[ms.end():]], part=part.label))
        elif numbered:
            blocks[-1].parts.append(line.text)  # more of the numbered paragraph (or sub) above
        elif prev is None or not blocks or _annex_boundary(seg, prev, line):
            running = sum(1 for b in blocks if b.number and not b.sub) + 1
            blocks.append(_Block(ANNEX, running, parts=[line.text], part=part.label))
        else:
            blocks[-1].parts.append(line.text)
        prev = line
    return blocks


def _annex_boundary(seg: _Segmenter, prev: _Line, line: _Line) -> bool:
    """May an unnumbered annex paragraph start at `line`?"""
    if seg.blank_informative:
        return line.blank_before
    return _ends(prev.text, _TERMINATORS + (".", "。")) and not seg._full(prev) or (
        line.indent > seg.base_indent and line.indent > prev.indent
    )


# ---------------------------------------------------------------- finishing paragraphs

_SUP_MARK = re.compile(r"(?<![A-Za-z])(?<!\bm)([" + _SUPERSCRIPTS + r"]+)")
_FOOTNOTE_DEF = re.compile(r"^(\d{1,3})\s+((?:Ibid|See|[A-Z“\"‘(\[]).*)$")
_SUP_DEF = re.compile(r"^([" + _SUPERSCRIPTS + r"]+)\s*(.+)$")
_MARK_STOP = {
    "resolution", "resolutions", "paragraph", "paragraphs", "article", "articles", "chapter", "no.",
    "section", "annex", "rule", "rules", "and", "of", "to", "by", "at", "the", "on", "from", "in",
    "para", "page", "pp.", "p.", "with", "under", "its", "meeting", "document", "s", "sub-paragraph",
    "or", "than", "for", "about", "some", "over", "last", "first", "nos.", "annexes", "volume",
}
_PRST_SUBJECT_EN = re.compile(r"^(?:The (?:Security )?Council|It)\s+(?:(?:also|further)\s+)?")
_PRST_SUBJECT_ZH = re.compile(r"^(?:安全理事会|安理会)")


def _strip_text(text: str, lang: str) -> str:
    text = re.sub(r"[ ]{2,}", " ", text).strip()
    if lang == "zh":
        text = re.sub(r"(?<=[\u3400-\u9fff，。；：、）》”])\s+(?=[\u3400-\u9fff，。；：、（《“])", "", text)
    return text


def _lead_for(kind: str, text: str, lang: str, hint: str, sub: str = "") -> str:
    body = text.lstrip(_QUOTES + " ")
    if hint:
        return hint
    if kind == ANNEX:
        return match_lead(body, lang) or ""
    if kind == PARA:
        if lang == "en":
            rest = _PRST_SUBJECT_EN.sub("", body)
            if rest != body and rest:
                hit = match_lead(rest[:1].upper() + rest[1:], "en", OP)
                return hit.lower() if hit else rest.split()[0].strip(",;:")
            return ""
        rest = _PRST_SUBJECT_ZH.sub("", body)
        rest = rest[1:] if rest[:1] in "又还" and match_lead(rest[1:], "zh", OP) else rest
        return match_lead(rest, "zh", OP) or "" if rest != body else ""
    if sub:
        return match_lead(body, lang) or ""
    if lang == "en":
        hit = match_lead(body, "en", kind)
        if hit:
            return hit
        if kind == OP and _THEREFORE_RE.match(body):
            verb = _THEREFORE_VERB.search(body)
            return verb.group(1) if verb else ""
        subject = _PRST_SUBJECT_EN.sub("", body)
        if kind == OP and subject != body and subject[:1].islower():
            hit = match_lead(subject[:1].upper() + subject[1:], "en", OP)
            return hit.lower() if hit else subject.split()[0].strip(",;:")
        if kind == PP:
            return _en_lead_word(body) or ""
        other = match_lead(body, "en")
        return other or (body.split()[0].strip(",;:") if body[:1].isupper() else "")
    return match_lead(body, "zh", kind) or match_lead(body, "zh") or ""


def _en_marker(text: str, mark: str) -> re.Match[str] | None:
    for m in re.finditer(r"(?<=\S)\s+" + re.escape(mark) + r"(?=[\s,;.:]|$)", text):
        before = text[: m.start()].split()
        prev_word = before[-1].lower() if before else ""
        if prev_word in _MARK_STOP or prev_word.rstrip(",").capitalize() in _MONTHS:
            continue
        if prev_word[-1:].isdigit() and not re.fullmatch(r"\d{4}", prev_word):
            continue
        return m
    return None


def _tail_footnotes(tail: list[_Line]) -> tuple[list[Footnote], str]:
    notes: list[tuple[str, list[str]]] = []
    adoption: list[str] = []
    for line in tail:
        m = _FOOTNOTE_DEF.match(line.text) or _SUP_DEF.match(line.text)
        if m:
            mark = m.group(1).translate(_SUP_TO_DIGIT)
            if not notes or int(mark) > int(notes[-1][0]):
                notes.append((mark, [m.group(2)]))
                continue
        if notes:
            notes[-1][1].append(line.text)
        else:
            adoption.append(line.text)
    return [Footnote(k, join_lines(v)) for k, v in notes], join_lines(adoption)


def parse(text: str, *, symbol: str | None = None, lang: str | None = None, source: str = "") -> AdoptedDocument:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    lang = lang or _language(text[:4000])
    found = _symbol_from(text[:300])
    is_prst = bool((found and found[0] == PRST) or (symbol or "").startswith("S/PRST/"))
    is_prst = is_prst or bool(_PRST_MARKERS.search(text[:1500]))
    lines = _prepare(text)
    n_id = _id_lines(lines)
    chapeau = _chapeau_at(lines, lang, is_prst)
    rest_of_chapeau = ""
    if chapeau and chapeau[0] >= n_id:
        rest_of_chapeau = chapeau[1]
        # Paragraphs some old texts put before "Therefore the Security Council,"
        before = lines[n_id : chapeau[0]] if lang == "en" and not is_prst else []
        body = before + ([_Line(rest_of_chapeau, 0, True)] if rest_of_chapeau else [])
        body += lines[chapeau[0] + 1 :]
        header = lines[: chapeau[0] + 1] if is_prst or lang == "zh" else lines[:n_id]
    else:
        header, body = lines[:n_id], lines[n_id:]
    head_text = "\n".join(ln.text for ln in header)
    cut = text.find(header[-1].text) + len(header[-1].text) if header else 0
    raw_head = text[: max(cut, 0)] if cut > 0 else text[:300]
    warnings: list[str] = []

    found = _symbol_from(raw_head) or (found if found and found[1].startswith("S/") else None)
    adopted = _date_from(head_text) or _date_from(raw_head)
    sym = found[1] if found else (symbol or "")
    if found and symbol and symbol != found[1]:
        # OCR slips in a header year ("434 (1973)" adopted in 1978): trust the one the date agrees with
        if adopted and str(adopted.year) in symbol and str(adopted.year) not in found[1]:
            sym = symbol
        warnings.append(f"text names {found[1]}, file name suggests {symbol}; using {sym}")
    if not sym:
        warnings.append("no document symbol found")

    seg = _Segmenter(body, lang, is_prst)
    seg.run()
    warnings.extend(seg.warnings)
    notes, adoption = _tail_footnotes(seg.tail)
    tail_text = adoption

    paragraphs: list[Paragraph] = []
    loose_notes: list[Footnote] = []
    defined = {n.mark: n for n in notes}
    pp_numbers: dict[str, int] = {}
    for block in seg.blocks:
        raw = join_lines(block.parts, lang) if block.parts else ""
        fns: list[Footnote] = []
        for m in list(_SUP_MARK.finditer(raw)):
            mark = m.group(1).translate(_SUP_TO_DIGIT)
            fns.append(defined.pop(mark, Footnote(mark, "")))
        raw = _SUP_MARK.sub("", raw)
        if lang == "en":
            for mark in list(defined):
                mm = _en_marker(raw, mark)
                if mm:
                    raw = raw[: mm.start()] + raw[mm.end() :]
                    fns.append(defined.pop(mark))
        txt = _strip_text(raw, lang)
        if block.kind == PARA:
            txt = txt.strip("“”\"").strip()
        if not txt:
            continue
        if block.kind == PP and not block.sub:
            pp_numbers[block.part] = pp_numbers.get(block.part, 0) + 1
        number = pp_numbers.get(block.part, 0) if block.kind == PP else block.number
        lead = _lead_for(block.kind, txt, lang, block.lead_hint, block.sub)
        if block.kind == PP and not block.sub and lang == "en":
            txt = txt.lstrip("‘'’`")
        paragraphs.append(Paragraph(sym, block.kind, number, txt, lead, block.sub, tuple(fns), lang, block.part))
    loose_notes.extend(defined.values())

    if not paragraphs:
        warnings.append("no paragraphs found")
    elif not is_prst and not any(p.kind == OP for p in paragraphs):
        warnings.append("no operative paragraphs found")

    title = ""
    item = (_ITEM_ZH if lang == "zh" else _ITEM_EN).search(head_text + "\n" + rest_of_chapeau)
    if item:
        title = join_lines(item.group(1).split("\n"))
    else:
        heads = [ln.text for ln in header if not _ID_LINE.match(ln.text) and not _symbol_from(ln.text)]
        heads = [h for h in heads if not _date_from(h) and not h.startswith(("The Security Council", "安全理事会"))]
        title = join_lines(heads[:2]) if heads else ""

    adopted = adopted or _date_from(text[:600]) or _date_from(tail_text)
    meeting = _meeting_from(head_text) or _meeting_from(tail_text)
    refusal = _not_adopted(text, lines, is_prst, paragraphs, chapeau is not None, named=bool(symbol), sym=sym)
    return AdoptedDocument(
        symbol=sym,
        kind=PRST if is_prst else RESOLUTION,
        lang=lang,
        paragraphs=tuple(paragraphs),
        adopted_on=adopted,
        meeting=meeting,
        title=title,
        footnotes=tuple(loose_notes),
        warnings=tuple(warnings),
        source=source,
        not_adopted=refusal,
    )


# ---------------------------------------------------------------- is it an adopted text at all?

# A symbol that opens one of the top lines identifies the document itself ("Resolution 242 (1967)",
# "17 (1947). Resolution of …", "United Nations S/RES/1445 (2002)", "S/PRST/2014/3", "第2594(2021)号决议");
# one met inside a sentence ("… pursuant to resolution 2374 (2017) …") only cites it.
_HEAD_SYMBOL = re.compile(
    r"^(?:United Nations\s+|联合国\s*)?(?:Security Council\s+|安全理事会\s*)?"
    r"(?:S/RES/\d|S/PRST/\d|(?:Resolution|RESOLUTION)\s+\d|\d{1,4}\s*\(\s*\d{3}|第\s*\d+\s*[(（]\s*\d{4})"
)
# The chapeau itself, strictly: "The Security Council," alone or before a paragraph; not "the
# Security Council Committee established pursuant to …" in a speech.
_FORM_CHAPEAU = re.compile(r"^(?:(?:Now,?\s+)?[Tt]herefore,?\s+)?The Security Council\s*(?:[,:]|$)|^安全理事会\s*[，,]")
_HEAD_LINES = 15  # non-blank lines at the top that may identify the document
_HEAD_LINE_CHARS = 150  # a longer line is running text: the header is over
# How the Council speaks in an adopted text when no chapeau or operative number shows it:
# "It is resolved that the Security Council …" (1940s), "The Security Council … resolves".
_RESOLVE_RE = re.compile(r"^(?:It is (?:hereby )?resolved\b|(?:The Security Council\s*,?\s*)?(?:hereby\s+)?resolves\b)",
                         re.I)


def _operative(text: str, lang: str) -> bool:
    """Does an operative paragraph open as one: a known operative lead ("Decides", "Strongly
    condemns", "决定"), or the Council acting ("The Security Council requests …", "Now, therefore,
    the Security Council … resolves": older texts)?"""
    body = text.lstrip(_QUOTES + " ")
    if lang == "en" and not body[:1].isupper():
        return False  # a sentence running on from the line before, not a paragraph's opening
    return (bool(match_lead(body, lang, OP)) or _op_only_lead(body, lang) is not None
            or _council_acts(body, lang)
            or (_THEREFORE_RE.match(body) is not None and _THEREFORE_VERB.search(body[:250]) is not None))


def _council_acts(text: str, lang: str) -> bool:
    """Does the paragraph open with the Council doing what Councils do in a statement
    ("The Security Council reaffirms …", "安理会又强调指出 …"), not "The Security Council will now …"?"""
    body = text.lstrip(_QUOTES + " ")
    if lang == "zh":
        rest = _PRST_SUBJECT_ZH.sub("", body)
        rest = rest[1:] if rest[:1] in "又还" else rest
        return rest != body and bool(match_lead(rest, "zh", OP))
    rest = _PRST_SUBJECT_EN.sub("", body)
    return rest != body and bool(rest) and _op_only_lead(rest[:1].upper() + rest[1:], "en") is not None


def _header_symbol(text: str) -> bool:
    """Does a symbol open one of the lines at the top of `text`, before its running text?"""
    seen = 0
    for raw in text.split("\n"):
        line = raw.strip().strip("*#_ ").strip()
        if not line:
            continue
        if len(line) > _HEAD_LINE_CHARS or seen >= _HEAD_LINES or line[0].islower() or _FORM_CHAPEAU.match(line):
            return False  # running text, or the paragraphs begin: the header is over
        if _HEAD_SYMBOL.match(line):
            return True
        seen += 1
    return False


def _not_adopted(
    text: str, lines: list[_Line], is_prst: bool, paragraphs: list[Paragraph], chapeau: bool,
    *, named: bool, sym: str,
) -> str:
    """Why `text` is not an adopted resolution or PRST by its own evidence, "" when it is one.

    Its own evidence is its header (a speaker's name opens a statement in a verbatim record; the
    symbol must open a line of the header, or be given by the file name) and its form: "The Security
    Council," and numbered operative paragraphs for a resolution, the statement's opening or
    "The Security Council …" paragraphs for a presidential statement."""
    if lines:
        speaker = parse_speaker_header(lines[0].text)
        if speaker is not None:
            return (f"it opens with a speaker's name ({speaker.speaker}:) — a statement from a verbatim record, "
                    "not an adopted resolution or presidential statement")
    if not sym:
        return ""  # refused anyway, for want of a symbol
    if not named and not _header_symbol(text):
        return (f"{sym} appears only in its running text, not in a document header — a text that cites it, "
                "not the adopted text itself")
    if is_prst:
        voiced = sum(1 for p in paragraphs if p.kind == PARA and _council_acts(p.text, p.lang))
        if not chapeau and not voiced:
            return ("it has neither the statement's opening (\"… made the following statement on behalf of the "
                    "Council:\") nor paragraphs beginning \"The Security Council …\" — not a presidential statement")
        return ""
    if any(p.kind == OP and _operative(p.text, p.lang) for p in paragraphs):  # "1. Decides …", not any "1."
        return ""
    if any(_FORM_CHAPEAU.match(ln.text) or _RESOLVE_RE.match(ln.text) for ln in lines):
        return ""
    return ("it has neither \"The Security Council,\" nor numbered operative paragraphs — not the form of a "
            "resolution")
