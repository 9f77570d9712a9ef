"""A concept note and its parts, and the parser that builds one from normalised text.

The parser reads Chinese and English notes with the usual structure (DOMAIN.md): a letter
(date, sender, addressee, signatory), the annex title and focus, the date of the debate, then
sections: background, developments, challenges (whose sub-headings are the *themes*), guiding
questions, briefers and outcome. It never guesses silently: what it cannot find stays None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from debateprep.domain import briefers as briefers_mod
from debateprep.domain.briefers import Briefer, Outcome
from debateprep.domain.note_model import (
    ConceptNote, NoteSummary, Provenance, Question, Section, Signatory, StoredNote,
)
from debateprep.domain.cells import cell_len
from debateprep.domain.questions import (
    clean_item,
    is_question,
    question_form,
    split_atomic,
    strip_marker,
)
from debateprep.domain.symbols import find_symbols, normalise_symbol
from debateprep.domain.text import (
    BULLET_CHARS,
    CJK_TERMINAL,
    EN_TERMINAL,
    NOTE_KIND_EN,
    NOTE_KIND_ZH,
    Language,
    WORD_SUB_BULLET,
    detect_language,
    ends_sentence,
    day_month,
    find_dates,
    has_cjk,
    is_cjk,
    is_dateline,
    is_section_name,
    first_date,
    paragraphs,
    sentences,
)

__all__ = [
    "Briefer", "ConceptNote", "cut_questions", "NoteSummary", "Outcome", "Provenance", "Question", "Section", "Signatory", "StoredNote",
    "parse_concept_note",
]


# -- headings ---------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"""^(?P<num>
        (?P<roman>(?![CD]\.)[IVXLC]{1,6}\.)\s+        # "C." and "D." alone are letters (100 and 500 head nothing)
      | (?P<arabic>\d{1,2}(?:\.\d{1,2})+[.)．]?(?=\s)|\d{1,2}(?:\.\d{1,2})*[.)．]|\d{1,2}、)\s*
      | (?P<upper>[A-H]\.)\s+
      | (?P<paren>\(?(?:[ivx]{1,5}|[a-z])\)|（[a-z]）|[(（]\d{1,2}[)）])\s*
      | (?P<lower>(?:[a-h]|[ivx]{1,4})\.)\s+
      | (?P<zh1>[一二三四五六七八九十]{1,3}[、.．])\s*
      | (?P<zh2>[(（][一二三四五六七八九十]{1,3}[)）])\s*
    )""",
    re.VERBOSE,
)
_ROLE_PATTERNS: dict[str, tuple[str, ...]] = {
    "questions": (
        r"^.{0,6}(?:审议|讨论|探讨|指导性?)的?问题$", r"指导性问题", r"^问题$", r"^关键问题$", r"^(?:讨论|审议|辩论)要点$",
        r"\bquestions?\b",
    ),
    "background": (r"^背景", r"^导言$|^引言$|^概述$", r"^(?:background|introduction|context|overview)\b"),
    "developments": (r"^(?:情况|最新|近期)?发展$|^情况发展|^最新情况", r"\b(?:developments?|recent)\b"),
    "challenges": (r"挑战", r"^(?:主要|关键)?议题", r"\bchallenges?\b|\bissues? (?:to|for)\b|\bkey issues\b|\bthemes?\b|"
                   r"^(?:the )?(?:main )?issues$"),
    "briefers": (r"通报", r"\bbriefers?\b|\bbriefings?\b|\bspeakers\b|^(?:\w+ and )?participa(?:tion|nts)(?: and \w+)?$"),
    "outcome": (r"结果|成果", r"\boutcomes?\b"),
    "format": (r"形式|安排|方式", r"\bformat\b|\bmodalities\b|\borgani[sz]ation of\b"),
    "objective": (r"目标|目的|宗旨", r"\bobjectives?\b|\bpurpose\b|\baims?\b"),
}
MAX_HEADING_CELLS = 100


def heading_roles(heading: str) -> tuple[str, ...]:
    """What a heading announces ("通报人和结果" -> briefers, outcome)."""
    roles = []
    for role, patterns in _ROLE_PATTERNS.items():
        if any(re.search(p, heading, re.IGNORECASE) for p in patterns):
            roles.append(role)
    if "questions" in roles and "challenges" in roles:
        roles.remove("challenges")  # "Questions and issues to be addressed" asks questions
    return tuple(roles)


def _is_heading(paragraph: str) -> bool:
    p = paragraph.strip()
    if not p or p[0] in BULLET_CHARS or cell_len(p) > MAX_HEADING_CELLS:
        return False
    if p[-1] in CJK_TERMINAL or p[-1] in EN_TERMINAL or p[-1] in "，,、" or p.endswith(("?)", "。”", ".”", '."')):
        return False
    if p.startswith(("(Signed)", "（签名）", "(签名)")) or "(签名)" in p or "（签名）" in p:
        return False
    body = _NUMBER.sub("", p, count=1)
    if not body or find_dates(body) and len(body) < 40:
        return False
    return not body[0].islower()


def _split_number(paragraph: str) -> tuple[str | None, str, str | None]:
    """(number, heading text, numbering style) of a heading."""
    m = _NUMBER.match(paragraph)
    if not m:
        return None, paragraph.strip(), None
    style = next(k for k in ("roman", "arabic", "upper", "paren", "lower", "zh1", "zh2") if m.group(k))
    if style == "arabic" and re.match(r"\d{1,2}\.\d", m.group("arabic")):
        style = "arabic2"  # "3.1", "3.1.": under "3."
    return m.group("num").strip(), paragraph[m.end():].strip(), style


# -- letter -----------------------------------------------------------------------------------

_ZH_LETTER = re.compile(r"^(?P<date>\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)(?P<sender>.+?)给(?P<to>.+?)的(?:信|函)$")
_EN_LETTER = re.compile(
    r"^(?:Identical )?(?:letters?|notes? verbales?) dated (?P<date>.+?\d{4}) from (?P<sender>.+?) addressed to "
    r"(?P<to>.+?)(?:\s*\((?P<symbol>S/\d{4}/\d{1,4})\*?\))?\.?$",
    re.IGNORECASE,
)
_ZH_ANNEX = re.compile(r"的(?:信|函)的附件$|^附件$|^附件[：:]")
_EN_ANNEX = re.compile(r"^annex\b", re.IGNORECASE)


def _letter_parts(paras: list[str], language: Language) -> tuple[int | None, int | None]:
    """Indexes of the letter's title and of the annex heading (None when absent)."""
    letter = annex = None
    for i, p in enumerate(paras):
        if annex is None and (_ZH_ANNEX.search(p) if language == "zh" else _EN_ANNEX.match(p)) and cell_len(p) < 300:
            annex = i
            break
        if letter is None and (_ZH_LETTER.match(p) or _EN_LETTER.match(p)):
            letter = i
    return letter, annex


def _country_from_sender(sender: str, language: Language) -> str | None:
    if language == "zh":
        m = re.match(r"(.+?)(?:常驻联合国|常驻|代表团|代办|外交部长|总统|总理)", sender)
        return m.group(1).strip() if m else None
    m = re.search(r"^.*(?:Permanent Representative|Chargé d'affaires(?: a\.i\.)?|Permanent Mission|Mission|"
                  r"Minister (?:for|of) Foreign Affairs) of (?:the )?(.+?)(?: to the United Nations|$)", sender)
    return m.group(1).strip() if m else None


# "主席国X将…": the country, not what the presidency will do ("主席国拟提交…")
_ZH_ACTS = r"的|打算|将|拟|在|担任|会|已|正|计划|希望|建议|提议|提交|提出|邀请|鼓励|，|。"
_ZH_PRESIDENCY = re.compile(r"(?:轮值)?主席国((?:(?!" + _ZH_ACTS + r")[\u4e00-\u9fff]){2,12}?)(?:" + _ZH_ACTS + r")")
# "X担任安全理事会2025年7月份主席期间", "X作为2026年1月安全理事会主席": the country opens its clause
_ZH_PRESIDES = re.compile(
    r"(?<![\u4e00-\u9fff])(?:在)?([\u4e00-\u9fff]{2,15}?)(?:将|拟|已|正在|曾)?(?:担任|作为)[^，。；]{0,20}?"
    r"(?:安全理事会|安理会)[^，。；]{0,20}?主席")
_EN_PRESIDENCY_OF = re.compile(r"presidency of (?:the )?([A-Z][\w'’-]*+(?: (?:of (?:the )?)?[A-Z][\w'’-]*+){0,5})")
# What follows the country's name: "Ireland's presidency", "Panama, which holds the presidency",
# "Ecuador, which presides over the Security Council", "Denmark will assume the presidency",
# "Slovenia, in its capacity as President of the Security Council", "X, as President of the Council".
_EN_PRESIDENCY_S = re.compile(
    r"['’]s presidency|,? (?:which|that|who) (?:holds|hold|assumes|has) the presidency|"
    r" holds the presidency|,? as (?:the )?(?:holder of the )?presidency|"
    r",? (?:which|that|who) presides over|,? (?:will|shall) (?:preside over|assume the presidency|hold the presidency)|"
    r",? (?:in its capacity )?as (?:the )?President of the (?:Security )?Council"
)
_EN_NAME_BEFORE = re.compile(r"(?<![\w'’-])((?:the )?[A-Z][\w'’-]*(?: (?:of (?:the )?)?[A-Z][\w'’-]*){0,4})$")
# A capitalised word that opens a sentence before the country: "Under Guyana's presidency".
_LEADING_WORD = re.compile(r"^(?:Under|During|In|With|For|At|By|Through|From|On|As|And|Since|After|Before|Then) ")
# What "the presidency of …" names that is not a country.
_NOT_A_PRESIDENT = re.compile(r"^(?:the )?(?:Security Council|Council|General Assembly|United Nations)\b")


def _presidency(text: str, language: Language) -> str | None:
    if language == "zh":
        m = _ZH_PRESIDENCY.search(text) or _ZH_PRESIDES.search(text)
        return m.group(1) if m else None
    for m in _EN_PRESIDENCY_OF.finditer(text):
        if not _NOT_A_PRESIDENT.match(m.group(1)):
            return m.group(1)
    for m in _EN_PRESIDENCY_S.finditer(text):  # "Ireland's presidency", "Panama, which holds the presidency"
        name = _EN_NAME_BEFORE.search(text[max(0, m.start() - 80):m.start()])
        country = _LEADING_WORD.sub("", name.group(1)) if name else ""
        if country and not _NOT_A_PRESIDENT.match(country):
            return re.sub(r"^the ", "", country)
    return None


def _topic(letter_text: str, language: Language) -> str | None:
    m = re.search(r"“([^”]{4,200})”|\"([^\"]{4,200})\"", letter_text)
    return (m.group(1) or m.group(2) or "").strip() or None if m else None


def _signatory(letter_paras: list[str], language: Language) -> Signatory | None:
    for i, p in enumerate(letter_paras):
        if language == "zh" and re.search(r"[(（]签名[)）]", p):
            name = re.sub(r"[(（]签名[)）]", "", p).strip()
            titles: list[str] = []
            for q in reversed(letter_paras[:i]):
                if cell_len(q) > 30 or q[-1] in CJK_TERMINAL:
                    break
                titles.insert(0, q)
            return Signatory(name or None, titles)
        if language == "en" and p.startswith("(Signed)"):
            name = p[len("(Signed)"):].strip()
            titles = [q for q in letter_paras[i + 1:] if cell_len(q) <= 80 and q[-1] not in EN_TERMINAL]
            return Signatory(name or None, titles)
    return None


# -- the parser -------------------------------------------------------------------------------


def parse_concept_note(text: str, *, symbol: str | None = None, furniture: tuple[str, ...] = (),
                       footnotes: Sequence[tuple[int, str]] = ()) -> ConceptNote:
    """Parse normalised text (see `text.normalise`) into a ConceptNote.

    `symbol` (from the user) wins; otherwise the symbol is taken from the running headers and
    other page furniture the normaliser dropped (a symbol alone on a line is furniture), else
    from a reference after the letter's heading ("… addressed to the Secretary-General (S/…)").
    `footnotes` are the footnote lines the normaliser took from the page bottoms, each with the
    number of paragraphs of `text` printed above it: their citations count where they stand.
    """
    language = detect_language(text)
    paras = [p for p in paragraphs(text) if not _ORIGINAL_LANGUAGE.match(p)]
    paras = _rejoin_headings(rejoin_sentences(paras, language), language)
    note = ConceptNote(language=language)
    letter_i, annex_i = _letter_parts(paras, language)
    body_start = 0
    heading_symbol = None
    if letter_i is not None:
        heading_symbol = _read_letter(note, paras, letter_i, annex_i, language)
    if annex_i is not None:
        body_start = annex_i + 1
    elif letter_i is not None:
        body_start = letter_i + 1
    else:  # no letter, no annex line: the note opens with its title, perhaps after a preamble
        body_start = next((i for i, p in enumerate(paras[:6]) if _NOTE_TITLE.search(p) and _titleish(p)), None) or next(
            (i for i, p in enumerate(paras[:3]) if _DEBATE_LINE.search(p) and _titleish(p) and not _NUMBER.match(p)), 0)
    header_end = _read_header(note, paras, body_start, language)
    note.sections = _sections(paras[header_end:])
    note.questions = _questions(note.sections, language)
    note.themes = _themes(note.sections)
    note.briefers = _briefers(note.sections, paras[header_end:], language)
    note.outcome = briefers_mod.find_outcome(
        _role_text(note.sections, "outcome") or _role_text(note.sections, "briefers"), paras[header_end:], language
    )
    if note.meeting_date is None:
        note.meeting_date = _meeting_date(paras, note.letter_date)
    note.symbol = _symbol(symbol, furniture) or heading_symbol
    note.cited_documents = [s for s in find_symbols(_with_footnotes(text, footnotes)) if s != note.symbol]
    if note.presidency is None:
        note.presidency = _presidency("\n".join(paras), language)
    note.speaking_limit_minutes = speaking_limit(paras[header_end:])
    return note


# "[Original: French]", "Original: English and French", "原文：英文": the language the note was
# written in, a line of the document's furniture, never its title or a heading.
_ORIGINAL_LANGUAGE = re.compile(r"^\[?\s*(?:Original|原文|原件)\s?[:：]\s*[^\]\n]{1,60}\]?$")


def _briefers(sections: list[Section], body: list[str], language: Language) -> list[Briefer]:
    """From the briefers section; else from the format section; else from a sentence anywhere
    that announces who will brief."""
    for role in ("briefers", "format"):
        found = briefers_mod.find_briefers(_role_text(sections, role), language)
        if found:
            return found
    return briefers_mod.find_briefers(body, language, announced_only=True)


# -- sentences split by a blank line -----------------------------------------------------------

# Clause and sentence marks inside a paragraph: a paragraph holding one is running text, not a
# heading (headings hold at most "、" or a colon: "领导、战略和协调", "概念说明：…").
_ZH_CLAUSE = re.compile(r"[，。；？！]")
_EN_CLAUSE = re.compile(r"[,.;?!]\s")


# A Chinese line this wide without a clause mark, cut after an ideograph, is the first line of a
# paragraph, not a heading (headings and titles are shorter): "这次辩论是秘书长提出关于…以来的首场公开辩".
MIN_OPEN_LINE_CELLS = 70


def _clause(text: str, language: Language) -> bool:
    return bool(_ZH_CLAUSE.search(text) if language == "zh" else _EN_CLAUSE.search(text))


def open_sentence(paragraph: str, language: Language) -> bool:
    """`paragraph` is running text whose last sentence is not finished: it ends without
    sentence-final punctuation ("…在执行保护任", "…加强保护平民工作。安", "… Member States are
    invited to") and, in Chinese, holds a clause mark or is a bulleted item, so it is no heading,
    no title, no name on a line of its own ("背景介绍", "概念说明：…", "一、背景")."""
    p = paragraph.rstrip()
    return _open(p, _clause(p[:-1], language), language)


def _open(p: str, clause: bool, language: Language) -> bool:
    """`open_sentence` of `p`, told whether `p` holds a clause mark before its last character."""
    if not p or ends_sentence(p):
        return False
    if language == "en" or p[0] in BULLET_CHARS or WORD_SUB_BULLET.match(p):
        return True  # a bulleted item is never a heading; a numbered one ("一、背景") may be
    return clause


def _cut_first_line(paragraph: str, nxt: str, language: Language) -> bool:
    """A Chinese paragraph's first line alone, cut mid-word, then its running text: too wide for a
    heading, ends on an ideograph, and what follows holds a clause mark."""
    p = paragraph.rstrip()
    return (language == "zh" and cell_len(p) >= MIN_OPEN_LINE_CELLS and is_cjk(p[-1]) and not _ZH_CLAUSE.search(p)
            and bool(_ZH_CLAUSE.search(nxt)))


def _continues_sentence(nxt: str, language: Language) -> bool:
    """`nxt` can be the rest of a sentence: no list marker, no number, no section's name or role,
    no date line, no person on a line of their own; in English it opens lower-case."""
    n = nxt.strip()
    if not n or _is_item(n) or _NUMBER.match(n) or is_section_name(n) or is_dateline(n):
        return False
    if any(at == 0 for at, _ in find_dates(n)):
        return False  # "2026年1月22日星期四上午10时，…": the dateline under a title
    if _is_heading(n) and heading_roles(n):
        return False  # "通报人和结果", "Guiding questions": a section opens
    if briefers_mod.describes_briefer(n) or briefers_mod.CHAIR_LINE.match(n):
        return False
    if language == "en":
        return n[0].islower()
    return has_cjk(n[:1]) or n[0].isalnum()


def rejoin_sentences(paras: list[str], language: Language) -> list[str]:
    """A sentence split by a blank line made one paragraph again: the paragraph before ends
    mid-sentence (`open_sentence`) and the next continues it (`_continues_sentence`). The S/2014/74
    text breaks a guiding question mid-word so ("…在执行保护任" / "务方面取得的经验…"), and printed
    to PDF it leaves the tail of a sentence alone on a line ("全理事会第一份维和专题决议第 2086(2013)"),
    which is no heading: it goes on the paragraph before, and so does what follows it while the
    sentence stays open. Chinese joins with no space, English with one. Linear: each paragraph's
    pieces are joined once, and whether it holds a clause mark is carried along."""
    out: list[list[str]] = []  # each paragraph's pieces
    clause: list[bool] = []  # the paragraph holds a clause mark before its last character
    for p in paras:
        p = p.strip()
        if out:
            last = out[-1][-1]
            # its marker (the first piece's opening) and its end (the last piece's) decide
            opened = _open(out[-1][0][:3] + last, clause[-1], language) or (
                len(out[-1]) == 1 and _cut_first_line(last, p, language))
            if opened and _continues_sentence(p, language):
                glue = "" if language == "zh" else " "
                clause[-1] = clause[-1] or _clause(last[-1:] + glue + p[:-1], language)
                out[-1] += [glue, p]
                continue
        out.append([p])
        clause.append(_clause(p[:-1], language))
    return ["".join(pieces) for pieces in out]


# An English question that stops on one of these words, or on a comma, stops mid-sentence.
_EN_CUT_END = re.compile(r"(?:,|\b(?:the|a|an|of|and|or|to|in|for|by|with|on|at|from|its|their|that|which|as|into))$",
                         re.IGNORECASE)


def cut_questions(note: ConceptNote) -> list[int]:
    """The positions of the questions that still stop mid-sentence once read: the last item of a
    bullet that ends on an ideograph while the note's other bullets end with punctuation ("…在执行
    保护任"), or on "the", "of", "and" or a comma. Such a text is not to be trusted as a heading of
    our statement: the importer names them so the user checks them against the document."""
    last: dict[int, Question] = {}
    for q in note.questions:
        if q.provenance.bullet is not None:
            last[q.provenance.bullet] = q
    bullets = {b: (q.provenance.bullet_text or q.original or q.text).rstrip() for b, q in last.items()}
    closed = sum(1 for text in bullets.values() if ends_sentence(text))
    cut: list[int] = []
    for b, q in last.items():
        text = bullets[b]
        if not text or ends_sentence(text):
            continue
        if note.language == "zh" and is_cjk(text[-1]) and closed * 2 >= len(bullets):
            cut.append(q.position)
        elif note.language == "en" and _EN_CUT_END.search(text):
            cut.append(q.position)
    return sorted(cut)


# -- split headings ---------------------------------------------------------------------------

# A heading line that cannot end there: a preposition, an article, "entitled" or a colon.
_EN_OPEN_HEADING = re.compile(r"(?:\b(?:on|of|for|the|and|in|to|entitled|addressed|dated|from)|[:,—–-])$", re.IGNORECASE)
_ZH_OPEN_HEADING = re.compile(r"(?:关于|的|和|与|及|就|在|给|：|:|，)$")
_EN_TITLE_START = re.compile(r"^(?:annex\b|" + NOTE_KIND_EN + r"\b|(?:identical )?letters? dated\b|notes? verbales? dated\b)",
                             re.IGNORECASE)
_ZH_TITLE_START = re.compile(r"^(?:\d{4}\s?年|安全理事会.{0,40}" + NOTE_KIND_ZH + "|" + NOTE_KIND_ZH + "|附件)")
MAX_SPLIT_HEADING_CELLS = 200


def _rejoin_headings(paras: list[str], language: Language) -> list[str]:
    """The letter's title, the annex heading and the note's title over two lines (each line its
    own paragraph, as in a .docx or text with blank lines) made one again: "Concept note for the
    Security Council open debate on" + "“…”"; "…给秘书长的" + "信的附件"."""
    out: list[str] = []
    for p in paras:
        if out and len(out) < 40 and _continues_heading(out[-1], p, language):
            out[-1] = out[-1] + ("" if language == "zh" else " ") + p
        else:
            out.append(p)
    return [piece for p in out[:40] for piece in _split_letter_heading(p)] + out[40:]


# The letter's title and the annex heading end with the addressee; what follows on the same
# line is the next paragraph, joined to it because the heading's last line looked full.
_EN_HEADING_END = re.compile(
    r"^((?:Annex to the )?(?:identical )?(?:letters?|notes? verbales?) dated .{0,300}? addressed to the "
    r"(?:Secretary-General|President of the Security Council))\s+(?=[A-Z“\"])(.+)$",
    re.IGNORECASE,
)
_ZH_HEADING_END = re.compile(r"^(\d{4}\s?年.{0,120}?给.{1,30}?的(?:信|函)的附件)(.+)$")


def _split_letter_heading(p: str) -> list[str]:
    m = _EN_HEADING_END.match(p) or _ZH_HEADING_END.match(p)
    return [m.group(1), m.group(2)] if m else [p]


def _continues_heading(prev: str, nxt: str, language: Language) -> bool:
    if cell_len(prev) + cell_len(nxt) > MAX_SPLIT_HEADING_CELLS or _is_item(nxt) or _NUMBER.match(nxt):
        return False
    if language == "zh":
        if not _ZH_TITLE_START.match(prev) or prev[-1] in CJK_TERMINAL + "。":
            return False
        whole = prev + nxt
        if _ZH_LETTER.match(whole) and not _ZH_LETTER.match(prev):
            return True
        if _ZH_ANNEX.search(whole) and not _ZH_ANNEX.search(prev):
            return True
        return bool(_ZH_OPEN_HEADING.search(prev)) and bool(re.search(NOTE_KIND_ZH, whole)) and nxt[-1] not in CJK_TERMINAL
    if not _EN_TITLE_START.match(prev) or prev.endswith((".", "?", "!", ";")):
        return False
    if _EN_OPEN_HEADING.search(prev):
        return not nxt.endswith((".", ";")) or nxt.endswith(('".', '”.'))
    if re.fullmatch(NOTE_KIND_EN + r":?", prev, re.IGNORECASE):
        # "Concept note" / "Security Council open debate on “…”": a title block set on two lines
        return not is_section_name(nxt) and not nxt.endswith((".", ";", ":")) and bool(
            re.search(r"\b(?:debate|meeting|briefing|Security Council)\b", nxt, re.IGNORECASE))
    # "Annex to the letter … addressed to the" / "Secretary-General": the tail of the letter's title
    return bool(re.match(r"^annex\b", prev, re.IGNORECASE)) and bool(re.fullmatch(
        r"(?:the )?(?:Secretary-General|President of the Security Council)\.?", nxt))


# -- speaking limit ---------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}
_MINUTE = r"(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|[一二两三四五六七八九十])"
# A number of minutes, or a range of them ("three to four minutes", "三至四分钟"): the upper bound counts.
_MINUTES = _MINUTE + r"(?:\s?(?:to|or|-|–|至|到|~|～)\s?" + _MINUTE + r")?"
_EN_LIMIT = re.compile(
    r"(?:limited to|(?:keep|limit|restrict)\w* (?:\w+ ){0,3}(?:statements?|interventions?|remarks|speeches) to|"
    r"not (?:to )?exceed(?:ing)?|no (?:more|longer) than|not (?:be )?(?:more|longer) than|(?:a )?maximum of|up to|"
    r"at most|within|(?:time )?limit of|(?:statements?|interventions?|remarks|speeches) of|"
    r"shorter than|under)\s(?:a maximum of\s)?" + _MINUTES + r"(?:\s\(\d{1,2}\))?[\s-](?:minutes?|mins?\b)"
    r"|" + _MINUTES + r"(?:\s\(\d{1,2}\))?[\s-]minutes?\s(?:or (?:less|fewer)|maximum|at most)"
    r"|" + _MINUTES + r"-minute (?:limit|statements?|interventions?|speaking)",
    re.IGNORECASE,
)
_ZH_LIMIT = re.compile(r"(?:限(?:于|制在|定为|为)?|(?:不(?:得|应|要|宜)?|请勿|勿)超过|控制在|最多|以)\s?" + _MINUTES + r"\s?分钟"
                       r"|" + _MINUTES + r"\s?分钟(?:以内|之内|为限|为宜)")
_SPEECH = re.compile(r"statement|intervention|remark|speak|speech|deliver|发言|讲话", re.IGNORECASE)


def speaking_limit(paras: list[str]) -> float | None:
    """The time each speaker is asked to keep to, in minutes: "Statements will be limited to
    four minutes", "no more than three minutes", "发言控制在四分钟以内"."""
    for p in paras:
        for sentence in sentences(p):
            if not _SPEECH.search(sentence):
                continue
            m = _EN_LIMIT.search(sentence) or _ZH_LIMIT.search(sentence)
            if m:  # a range gives its upper bound
                return max(float(_NUMBER_WORDS.get(word.lower(), word)) for word in m.groups() if word)
    return None


def _read_letter(note: ConceptNote, paras: list[str], letter_i: int, annex_i: int | None,
                 language: Language) -> str | None:
    """Read the letter (or note verbale); return the symbol its heading refers to, if any."""
    title = paras[letter_i]
    note.letter_title = title
    m = _ZH_LETTER.match(title) or _EN_LETTER.match(title)
    heading_symbol = None
    if m:
        note.letter_date = first_date(m.group("date"))
        note.sender = m.group("sender").strip()
        note.addressee = re.sub(r"^the\s+", "", m.group("to").strip())
        heading_symbol = m.groupdict().get("symbol")
    letter_paras = paras[letter_i + 1: annex_i if annex_i is not None else len(paras)]
    letter_text = "\n".join(letter_paras)
    note.signatory = _signatory(letter_paras, language)
    note.topic = _topic(letter_text, language)
    note.presidency = _presidency(letter_text, language) or (
        _country_from_sender(note.sender, language) if note.sender else None
    )
    note.meeting_date = _meeting_date(letter_paras, note.letter_date, held_only=True)
    return heading_symbol


def _with_footnotes(text: str, footnotes: Sequence[tuple[int, str]]) -> str:
    """The note's paragraphs with each page's footnotes where they were printed."""
    if not footnotes:
        return text
    paras = paragraphs(text)
    at: dict[int, list[str]] = {}
    for index, line in footnotes:
        at.setdefault(index, []).append(line)
    out: list[str] = []
    for i in range(len(paras) + 1):
        if i in at:
            out.append(" ".join(at.pop(i)))
        if i < len(paras):
            out.append(paras[i])
    return "\n".join(out + [" ".join(lines) for lines in at.values()])


_NOTE_TITLE = re.compile(r"^" + NOTE_KIND_EN + r"\b|" + NOTE_KIND_ZH + "$", re.IGNORECASE)


# A sub-title under the note's title: 'Theme: "…"', "Sub-theme: …", "主题：…".
_SUBTITLE = re.compile(r"^(?:(?:sub-?)?theme|subtitle)\s*:\s*\S|^(?:副)?主题[：:]\s*\S", re.IGNORECASE)


def _titleish(p: str) -> bool:
    """Short enough for a title and not a sentence of body text."""
    end = p.rstrip("”\"’' ")
    return cell_len(p) <= 300 and bool(end) and end[-1] not in "。；.;" and not _NUMBER.match(p) and p[0] not in BULLET_CHARS


# A dateline under the title names the day, the hour and the room: never a paragraph.
MAX_DATELINE_CELLS = 120


def _read_header(note: ConceptNote, paras: list[str], start: int, language: Language) -> int:
    """Read the annex title, focus and date; return the index where the sections begin."""
    i = start
    if i < len(paras) and _titleish(paras[i]):
        is_section = heading_roles(paras[i]) and not re.search(NOTE_KIND_ZH + "|" + NOTE_KIND_EN, paras[i], re.IGNORECASE)
        if not is_section and not (find_dates(paras[i]) and cell_len(paras[i]) < 60):
            note.title = paras[i]
            i += 1
    while i < len(paras):
        p = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else ""
        # a short dated line, or a dateline however long its place ("Wednesday, 14 August 2024, 10 a.m., …")
        if find_dates(p) and (cell_len(p) < 60 or is_dateline(p) and cell_len(p) <= MAX_DATELINE_CELLS) \
                and not _NUMBER.match(p):
            note.meeting_date = note.meeting_date or find_dates(p)[0][1]
            i += 1
            continue
        if _SUBTITLE.match(p) and cell_len(p) <= 300:
            # 'Theme: "…"' under the title: the debate's theme, then perhaps its date line
            note.focus = f"{note.focus} {p}" if note.focus else p
            i += 1
            continue
        if not _is_heading(p) or _NUMBER.match(p) or heading_roles(p):
            break
        if not _is_heading(nxt) and not (find_dates(nxt) and cell_len(nxt) < 60):
            break  # a heading followed by body text: the first section
        note.focus = f"{note.focus} {p}" if note.focus else p
        i += 1
    if note.title is None:
        note.title = note.topic
    return i


def _sections(paras: list[str]) -> list[Section]:
    sections: list[Section] = []
    styles: list[str] = []  # numbering styles in order of first appearance = levels
    in_briefers = False
    caps = False  # the note sets its unnumbered top headings in capitals
    asking: int | None = None  # the level of the questions heading while in its section
    item_styles: set[str] = set()  # numbering of that section's list items ("a.", "(1)"), no headings
    for p in paras:
        own_style = _item_shape(p)
        # in a list of briefers, a line that names someone is no heading, numbered or not
        person = (own_style is None or in_briefers) and (
            briefers_mod.describes_briefer(strip_marker(p)) or briefers_mod.CHAIR_LINE.match(p)
                                         or in_briefers and bool(sections[-1].paragraphs)
                                         and not heading_roles(_split_number(p)[1])
                                         and briefers_mod.continues_entry(sections[-1].paragraphs[-1], p))
        if (_is_heading(p) and not (in_briefers and person)
                and not (asking is not None and own_style in item_styles and not heading_roles(_split_number(p)[1]))):
            number, heading, style = _split_number(p)
            roles = heading_roles(heading)
            if style is not None:
                if style not in styles:
                    styles.append(style)
                level = styles.index(style) + 1
            elif _all_caps(heading):
                level, caps = 1, True  # "THE ISSUES": capitals rank a heading above sentence-case ones
            elif caps:
                level = 2  # "Heritage, identity and reconciliation" under "THE ISSUES"
            elif roles and any(r in roles for r in ("questions", "briefers", "outcome", "background",
                                                    "developments", "challenges", "format", "objective")):
                level = 1
            else:
                # a plain heading under the issues to explore is one of them (a theme); elsewhere
                # plain text cannot rank it: top level
                top = next((t for t in reversed(sections) if t.level == 1 and t.heading), None)
                under = top is not None and ("challenges" in top.roles or "questions" in top.roles and not top.paragraphs)
                level = 2 if under or styles and top is not None else 1
            sections.append(Section(heading, level, number, roles))
            in_briefers = "briefers" in roles
            if "questions" in roles:
                asking, item_styles = level, set()
            elif asking is not None and level <= asking:
                asking = None
        elif sections:
            sections[-1].paragraphs.append(p)
            if asking is None and _announces_questions(p):
                asking, item_styles = sections[-1].level, set()
            if asking is not None and own_style is not None:
                item_styles.add(own_style)  # an item of the list, not a heading: so are the next ones
        else:
            sections.append(Section("", 1, None, (), [p]))
    for s in sections:  # a section that announces the questions asks them, whatever its heading says
        if "questions" not in s.roles and any(_announces_questions(p) for p in s.paragraphs):
            s.roles = ("questions",) + tuple(r for r in s.roles if r != "challenges")
    _issues_are_not_questions(sections)
    return [s for s in sections if s.heading or s.paragraphs]


def _issues_are_not_questions(sections: list[Section]) -> None:
    """"有待探讨的问题" with sub-headings and no question of its own, before the section that asks
    the questions ("审议的问题"): the issues to explore, its sub-headings the themes."""
    asking = [i for i, s in enumerate(sections) if "questions" in s.roles]
    for i in asking[:-1]:
        tree = _subtree(sections, i)
        asks = any(_is_item(p) or p.rstrip().endswith(("?", "？")) for sub in tree for p in sub.paragraphs)
        if len(tree) > 1 and not asks:
            sections[i].roles = ("challenges",) + tuple(r for r in sections[i].roles if r != "questions")


def _all_caps(heading: str) -> bool:
    letters = [c for c in heading if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and heading.isascii()


def _item_shape(p: str) -> str | None:
    """How a numbered line is numbered, the digits and letters aside: "1.", "1)", "(a)", "a." …"""
    m = _NUMBER.match(p)
    if m is None:
        return None
    number = m.group("num").strip()
    return re.sub(r"[ivx]+|[a-z]", "a", re.sub(r"[IVXLC]+|[A-H]", "A", re.sub(r"\d+", "1", number)))


def _announces_questions(p: str) -> bool:
    """A lead-in to the questions: "Participants may wish to consider the following questions:"."""
    return bool(_INTRO.search(p)) and p.rstrip().endswith((":", "：")) and cell_len(p) <= 300


def _subtree(sections: list[Section], index: int) -> list[Section]:
    """The section at `index` and those nested under it."""
    level = sections[index].level
    out = [sections[index]]
    for s in sections[index + 1:]:
        if s.level <= level:
            break
        out.append(s)
    return out


def _role_text(sections: list[Section], role: str) -> list[str]:
    for i, s in enumerate(sections):
        if role in s.roles:
            return [p for sub in _subtree(sections, i) for p in ([sub.heading] if sub is not s else []) + sub.paragraphs]
    return []


def _is_item(paragraph: str) -> bool:
    p = paragraph.strip()
    return p[:1] in BULLET_CHARS or bool(_NUMBER.match(p)) or bool(WORD_SUB_BULLET.match(p))


_HELD = re.compile(r"举行|召开|举办|\bheld\b|\bhold\b|take place|convene|scheduled", re.IGNORECASE)
_LONE_CONJUNCTION = re.compile(r"(?i:and|or|but|and/or)|以及|并且|和|或")


def _is_lead_in(text: str, language: Language) -> bool:
    """A sentence that announces the questions ("… invited to address the following questions")."""
    return not is_question(text, language) and bool(_INTRO.search(text)) and not text.endswith(("?", "？"))


_INTRO = re.compile(
    r"以下(?:几个方面|问题|各点)|下列问题|following (?:questions|issues|points)|guiding questions|the following\s*:$|"
    r"(?:invited|encouraged|requested|asked|may wish|might wish) to (?:address|consider|reflect on|discuss|focus on)",
    re.IGNORECASE,
)


def _questions(sections: list[Section], language: Language) -> list[Question]:
    bullets: list[tuple[str, Item]] = []  # (section heading, bullet)
    for i, s in enumerate(sections):
        if "questions" in s.roles:
            tree = _subtree(sections, i)
            for sub in tree:
                bullets += [(sub.heading, p) for p in _question_items(sub.paragraphs)]
            if not bullets:  # the questions under headings of their own that announce nothing else
                for sub in sections[i + len(tree):]:
                    if sub.roles:
                        break
                    bullets += [(sub.heading, p) for p in _question_items(sub.paragraphs)]
            if bullets:
                break
    if not bullets:  # no questions section: bullets right after an intro that announces questions
        for s in sections:
            for j, p in enumerate(s.paragraphs):
                if _INTRO.search(p) and p.rstrip().endswith((":", "：")):
                    bullets += [(s.heading, q) for q in _items_after(s.paragraphs[j + 1:])]
    questions: list[Question] = []
    for b, (section, (bullet, whole)) in enumerate(bullets, start=1):
        kept = sentences(strip_marker(bullet))  # a lead-in sentence before the questions goes
        if len(kept) > 1 and _is_lead_in(kept[0], language):
            while len(kept) > 1 and _is_lead_in(kept[0], language):
                kept = kept[1:]
            bullet = bullet[bullet.index(kept[0]):]
        lead = _COLON_LEAD_IN.match(strip_marker(bullet))
        if lead and "?" not in lead.group(1) and (_INTRO.search(lead.group(0)) or _ASKS_WORD.search(lead.group(1))):
            bullet = strip_marker(bullet)[lead.end():]  # "Questions to consider include: How …?"
        for k, piece in enumerate(split_atomic(bullet, semicolons=not whole), start=1):
            text = clean_item(piece)
            if not text or _LONE_CONJUNCTION.fullmatch(text) or _is_lead_in(text, language):
                continue  # "…; and" leaves "and"; "… the following questions." announces, not asks
            topic = not is_question(text, language)
            questions.append(
                Question(
                    text=text,
                    original=piece,
                    topic=topic,
                    section=section or None,
                    position=len(questions) + 1,
                    provenance=Provenance(section or None, b, k, bullet),
                    question_form=question_form(text, language),
                )
            )
    return questions


# A lead-in and its colon before the first question of a paragraph.
_COLON_LEAD_IN = re.compile(r"^([^:：?？]{3,200})[:：]\s*(?=[A-Z\u4e00-\u9fff])")
_ASKS_WORD = re.compile(r"\bquestions?\b|问题", re.IGNORECASE)


# A question item: its text, and whether it holds sub-items (their ";" split nothing).
Item = tuple[str, bool]


def _question_items(paras: list[str]) -> list[Item]:
    paras = [q for p in paras for q in _inline_items(p)]
    items = [p for p in paras if _is_item(p)]
    asked = [p for p in paras if p.rstrip().endswith(("?", "？")) and not _is_item(p)]
    if items:
        kept = [p for p in paras if _is_item(p) or p.rstrip().endswith(("?", "？"))]
        return _join_continued([p for k, p in enumerate(kept) if not _group_label(p, kept[k + 1:k + 2])])
    if asked:
        return [(p, False) for p in asked]
    for j, p in enumerate(paras):  # plain paragraphs after an intro ending with a colon
        if p.rstrip().endswith((":", "：")):
            return [(q, False) for q in paras[j + 1:] if not q.rstrip().endswith((":", "："))]
    return []


# A label that groups the items under it ("• On prevention:", "• 关于预防："): a few words, a colon.
MAX_GROUP_LABEL_CELLS = 20
MAX_GROUP_LABEL_WORDS = 5


def _group_label(item: str, following: list[str]) -> bool:
    """`item` only names the group of the sub-items that follow it (marked otherwise): no question
    of its own, and no sentence its sub-items complete ("…可以进一步加强：" is one)."""
    body = strip_marker(item).rstrip()
    if not body.endswith((":", "：")) or not following or not _is_item(following[0]):
        return False
    if _marker_kind(following[0]) == _marker_kind(item):
        return False
    words = body[:-1].split()
    short = cell_len(body) <= MAX_GROUP_LABEL_CELLS if has_cjk(body) else len(words) <= MAX_GROUP_LABEL_WORDS
    return short and not _INTRO.search(body) and not is_question(body[:-1], "zh" if has_cjk(body) else "en")


_INLINE_MARKER = re.compile(r"(?<![\w(（])[(（]([a-h]|[ivx]{1,4}|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_ZH_NUMERALS = "一二三四五六七八九十"


def _marker_rank(mark: str, roman: bool) -> int | None:
    """The place of an inline marker in its list: (a)/(i)/(1)/（一） are 1."""
    if mark.isdigit():
        return int(mark)
    if mark[0] in _ZH_NUMERALS:
        return _ZH_NUMERALS.index(mark) + 1 if len(mark) == 1 else None
    if roman:
        return _ROMAN.index(mark) + 1 if mark in _ROMAN else None
    return ord(mark) - ord("a") + 1 if len(mark) == 1 else None


def _inline_items(p: str) -> list[str]:
    """A paragraph that lists its items inline ("… consider: (a) how …; (b) whether …; and (c) …")
    as its lead-in and one item per marker; any other paragraph as it is."""
    if _is_item(p):
        return [p]
    marks = list(_INLINE_MARKER.finditer(p))
    chosen: list[re.Match[str]] = []
    roman = False
    for m in marks:
        if not chosen:
            if m.group(1) in ("a", "i", "1", "一"):
                chosen, roman = [m], m.group(1) == "i"
        elif (last := _marker_rank(chosen[-1].group(1), roman)) is not None and _marker_rank(m.group(1), roman) == last + 1:
            chosen.append(m)
    if len(chosen) < 2:
        return [p]
    out = [p[:chosen[0].start()].strip()] if p[:chosen[0].start()].strip() else []
    for k, m in enumerate(chosen):
        end = chosen[k + 1].start() if k + 1 < len(chosen) else len(p)
        body = p[m.end():end].strip()
        if cell_len(re.sub(r"[;；,，、]?\s*(?:and|or|以及|和|或)?$", "", body)) < MIN_INLINE_ITEM_CELLS:
            return [p]  # "paragraphs (a) and (b) of …": a reference, not a list
        out.append(f"({m.group(1)}) " + body)
    return out


# An item of an inline list says something: "(a) and (b)" lists nothing.
MIN_INLINE_ITEM_CELLS = 8


def _items_after(paras: list[str]) -> list[Item]:
    out = []
    for p in paras:
        if not _is_item(p):
            break
        out.append(p)
    return _join_continued(out)


# An item that cannot end there: a comma, or a word that needs what follows ("the", "and", "of").
_OPEN_ITEM_END = re.compile(r"(?:[,，、]|\b(?:and|or|of|the|to|in|for|with|by|that|which|on))$")


_EN_ASKS = re.compile(r"^(?:How|What|Which|Who|Why|When|Where|Whether|To what extent|In what ways?)\b")


def _join_continued(items: list[str]) -> list[Item]:
    """A question the note continues on its next item ("… and not only those who carry it out," /
    "– are investigated and prosecuted?") made one item again, the second marker dropped; and an
    item that ends with a colon ("… including:") with the sub-items that complete it (another
    marker, or lower case: "– identifying …;" / "– freezing …; and" / "– screening …?"), one item
    whose ";" split nothing. Looks only at the ends of items: linear however many items join."""
    out: list[list[str]] = []  # each item's pieces, joined once at the end
    whole: list[bool] = []
    sub_marker: str | None = None  # the marker of the sub-items the last item is taking in
    for item in items:
        body = strip_marker(item)
        if out and body:
            head, tail = strip_marker(out[-1][0][:80]), out[-1][-1][-40:].rstrip()
            glue = "" if has_cjk(body[:1]) else " "
            marker, parent = _marker_kind(item), _marker_kind(out[-1][0])
            if sub_marker is None and tail.endswith((":", "：")) and (marker != parent or body[0].islower()) \
                    and not _INTRO.search("".join(out[-1])):
                sub_marker = marker  # "… including:" then its sub-items (not a lead-in: "… the following:")
            if sub_marker is not None and marker == sub_marker and (marker != parent or body[0].islower()):
                out[-1] += [glue, body]
                whole[-1] = True
                continue
            sub_marker = None
            opened = (bool(tail) and tail[-1] not in ".?!;:。？！；：" and bool(_EN_ASKS.match(head))
                      and body.endswith("?"))
            if _OPEN_ITEM_END.search(tail) and not body[0].isupper() or opened and body[0].islower():
                out[-1] += [glue, body]
                continue
        out.append([item.rstrip()])
        whole.append(False)
    return [("".join(pieces), w) for pieces, w in zip(out, whole)]


def _marker_kind(item: str) -> str:
    """What marks an item, digits and letters aside: "•", "–", "1.", "(a)" …"""
    s = item.lstrip()
    if s[:2] == "——":
        return "—"
    if s[:1] in BULLET_CHARS:
        return s[0]
    return _item_shape(s) or ""


def _themes(sections: list[Section]) -> list[str]:
    for i, s in enumerate(sections):
        if "challenges" in s.roles and "questions" not in s.roles:
            children = _subtree(sections, i)[1:]
            if children:
                top = min(c.level for c in children)
                return [c.heading for c in children if c.level == top]
    return []


_DEBATE_LINE = re.compile(r"open debate|公开辩论", re.IGNORECASE)


def _meeting_date(paras: list[str], letter_date: date | None, *, held_only: bool = False) -> date | None:
    """The date in the first sentence that says when the debate is held ("on 8 May at 10 a.m."
    takes the letter's year); failing that, in a line naming the open debate with its date."""
    patterns = (_HELD,) if held_only else (_HELD, _DEBATE_LINE)
    for pattern in patterns:
        for p in paras:
            for sentence in sentences(p):
                if pattern.search(sentence):
                    dates = [d for _, d in find_dates(sentence) if d != letter_date]
                    if dates:
                        return dates[0]
                    if letter_date is not None and pattern is _HELD:
                        found = day_month(sentence, letter_date.year)
                        if found is not None and found != letter_date:
                            return found
    return None


def _symbol(given: str | None, furniture: tuple[str, ...]) -> str | None:
    """The given symbol, else the most frequent running-header symbol (URLs do not count)."""
    if given:
        return normalise_symbol(given)
    counts: dict[str, int] = {}
    for line in furniture:
        if "://" not in line:
            for s in find_symbols(line):
                counts[s] = counts.get(s, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else None
