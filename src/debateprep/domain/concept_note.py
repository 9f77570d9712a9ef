"""A concept note and its parts, and the parser that builds one from normalised text.

The parser reads Chinese and English notes with the usual structure (DOMAIN.md): a letter
(date, sender, addressee, signatory), the annex title and focus, the date of the debate, then
sections: background, developments, challenges (whose sub-headings are the *themes*), guiding
questions, briefers and outcome. It never guesses silently: what it cannot find stays None.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from debateprep.domain import briefers as briefers_mod
from debateprep.domain.briefers import Briefer, Outcome
from debateprep.domain.cells import cell_len
from debateprep.domain.questions import clean_item, is_question, question_form, split_atomic, strip_marker
from debateprep.domain.symbols import find_symbols, normalise_symbol
from debateprep.domain.text import (
    BULLET_CHARS,
    CJK_TERMINAL,
    EN_TERMINAL,
    Language,
    detect_language,
    day_month,
    find_dates,
    first_date,
    paragraphs,
    sentences,
)

__all__ = [
    "Briefer", "ConceptNote", "NoteSummary", "Outcome", "Provenance", "Question", "Section", "Signatory", "StoredNote",
    "parse_concept_note",
]


@dataclass
class Section:
    heading: str  # without its number
    level: int  # 1 = top level
    number: str | None = None  # "1.", "I.", "(a)", "一、" as written
    roles: tuple[str, ...] = ()  # background, developments, challenges, questions, briefers, outcome …
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Provenance:
    """Where a question came from: the section, the bullet (1-based) and the piece in it."""

    section: str | None
    bullet: int | None
    item: int | None
    bullet_text: str | None = None

    def describe(self) -> str:
        if self.bullet is None:
            return "added by hand"
        where = f"“{self.section}”, " if self.section else ""
        return f"{where}bullet {self.bullet}, item {self.item}"


@dataclass
class Question:
    text: str  # current wording (the original piece, tidied, until someone edits it)
    original: str | None  # the piece exactly as written in the note (None: added by hand)
    topic: bool  # not phrased as a question
    section: str | None
    position: int  # 1-based order in the list
    provenance: Provenance
    question_form: str | None = None  # a question offered for a topic (or the question itself)
    id: int | None = None  # set once stored
    version: int = 1  # optimistic concurrency for edits

    @property
    def edited(self) -> bool:
        return self.original is not None and self.text != clean_item(self.original)

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape (CLI contract)."""
        return {"text": self.text, "topic": self.topic, "section": self.section}


@dataclass
class Signatory:
    name: str | None
    titles: list[str] = field(default_factory=list)


@dataclass
class ConceptNote:
    language: Language
    title: str | None = None  # the annex title ("Concept note for the … open debate on …")
    focus: str | None = None  # the annex sub-title, when there is one
    topic: str | None = None  # the theme as quoted in the letter
    symbol: str | None = None
    presidency: str | None = None
    sender: str | None = None
    addressee: str | None = None
    signatory: Signatory | None = None
    letter_title: str | None = None
    letter_date: date | None = None
    meeting_date: date | None = None
    sections: list[Section] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    briefers: list[Briefer] = field(default_factory=list)
    outcome: Outcome = field(default_factory=lambda: Outcome("unknown", None))
    cited_documents: list[str] = field(default_factory=list)
    speaking_limit_minutes: float | None = None  # "statements will be limited to four minutes"

    def to_json(self, note_id: int | None = None) -> dict[str, Any]:
        """The object `debateprep import --json` and `show --json` print (issue 2 contract)."""
        return {
            "id": note_id,
            "symbol": self.symbol,
            "language": self.language,
            "presidency": self.presidency,
            "letter_date": self.letter_date.isoformat() if self.letter_date else None,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "title": self.title,
            "sections": [{"heading": s.heading, "level": s.level} for s in self.sections if s.heading],
            "questions": [q.to_json() for q in self.questions],
            "themes": list(self.themes),
            "briefers": [b.to_json() for b in self.briefers],
            "outcome": self.outcome.to_json(),
            "cited_documents": list(self.cited_documents),
            "speaking_limit_minutes": self.speaking_limit_minutes,
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, for storage (round-trips through `from_dict`)."""
        data = asdict(self)
        data["letter_date"] = self.letter_date.isoformat() if self.letter_date else None
        data["meeting_date"] = self.meeting_date.isoformat() if self.meeting_date else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConceptNote:
        data = dict(data)
        for key in ("letter_date", "meeting_date"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        data["sections"] = [Section(**{**s, "roles": tuple(s.get("roles", ()))}) for s in data.get("sections", [])]
        data["questions"] = [
            Question(**{**q, "provenance": Provenance(**q["provenance"])}) for q in data.get("questions", [])
        ]
        data["briefers"] = [Briefer(**b) for b in data.get("briefers", [])]
        data["outcome"] = Outcome(**data["outcome"]) if data.get("outcome") else Outcome("unknown", None)
        data["signatory"] = Signatory(**data["signatory"]) if data.get("signatory") else None
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class NoteSummary:
    """One line of `debateprep notes`."""

    id: int
    symbol: str | None
    language: str
    title: str | None
    presidency: str | None
    letter_date: date | None
    meeting_date: date | None
    question_count: int
    source_name: str
    imported_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "symbol": self.symbol,
            "language": self.language,
            "title": self.title,
            "presidency": self.presidency,
            "letter_date": self.letter_date.isoformat() if self.letter_date else None,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "questions": self.question_count,
            "source": self.source_name,
            "imported_at": self.imported_at.isoformat(),
        }


@dataclass
class StoredNote:
    """An imported note: the parse as stored, with the guiding questions as edited since."""

    id: int
    note: ConceptNote
    source_name: str
    imported_at: datetime
    text: str  # normalised text
    original: str  # text as extracted from the file

    def to_json(self) -> dict[str, Any]:
        return self.note.to_json(self.id)


# -- headings ---------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"""^(?P<num>
        (?P<roman>[IVXLC]{1,6}\.)\s+
      | (?P<arabic>\d{1,2}(?:\.\d{1,2})*[.)．])\s*
      | (?P<upper>[A-H]\.)\s+
      | (?P<paren>\(?(?:[ivx]{1,5}|[a-z])\)|（[a-z]）)\s*
      | (?P<zh1>[一二三四五六七八九十]{1,3}[、.．])\s*
      | (?P<zh2>[(（][一二三四五六七八九十]{1,3}[)）])\s*
    )""",
    re.VERBOSE,
)
_ROLE_PATTERNS: dict[str, tuple[str, ...]] = {
    "questions": (
        r"^(?:审议|讨论|探讨|指导性?|供讨论|有待讨论|需要讨论)的?问题$", r"指导性问题", r"^问题$", r"^关键问题$",
        r"\bquestions?\b",
    ),
    "background": (r"^背景", r"^导言$|^引言$|^概述$", r"^(?:background|introduction|context|overview)\b"),
    "developments": (r"^(?:情况|最新|近期)?发展$|^情况发展|^最新情况", r"\b(?:developments?|recent)\b"),
    "challenges": (r"挑战", r"^(?:主要|关键)?议题", r"\bchallenges?\b|\bissues? (?:to|for)\b|\bkey issues\b|\bthemes?\b"),
    "briefers": (r"通报", r"\bbriefers?\b|\bbriefings?\b|\bspeakers\b"),
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
    style = next(k for k in ("roman", "arabic", "upper", "paren", "zh1", "zh2") if m.group(k))
    if style == "arabic" and m.group("arabic").count(".") > 1:
        style = "arabic2"
    return m.group(style).strip(), paragraph[m.end():].strip(), style


# -- letter -----------------------------------------------------------------------------------

_ZH_LETTER = re.compile(r"^(?P<date>\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)(?P<sender>.+?)给(?P<to>.+?)的(?:信|函)$")
_EN_LETTER = re.compile(
    r"^(?:Identical )?letters? dated (?P<date>.+?\d{4}) from (?P<sender>.+?) addressed to (?P<to>.+?)\.?$",
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
    m = re.search(r"(?:Permanent Representative|Chargé d'affaires a\.i\.|Permanent Mission|Minister for Foreign Affairs) of (?:the )?(.+?)(?: to the United Nations|$)", sender)
    return m.group(1).strip() if m else None


_ZH_PRESIDENCY = re.compile(r"(?:轮值)?主席国([\u4e00-\u9fff]{2,12}?)(?:的|打算|将|拟|在|担任|，|。)")
_EN_PRESIDENCY_OF = re.compile(r"presidency of (?:the )?([A-Z][\w'’-]*+(?: (?:of )?[A-Z][\w'’-]*+){0,5})")
_EN_PRESIDENCY_S = re.compile(r"['’]s presidency|,? (?:which|that|who) (?:holds|hold|assumes|has) the presidency|"
                              r" holds the presidency|,? as (?:the )?(?:holder of the )?presidency")
_EN_NAME_BEFORE = re.compile(r"(?<![\w'’-])((?:the )?[A-Z][\w'’-]*(?: (?:of )?[A-Z][\w'’-]*){0,4})$")
# What "the presidency of …" names that is not a country.
_NOT_A_PRESIDENT = re.compile(r"^(?:the )?(?:Security Council|Council|General Assembly|United Nations)\b")


def _presidency(text: str, language: Language) -> str | None:
    if language == "zh":
        m = _ZH_PRESIDENCY.search(text)
        return m.group(1) if m else None
    for m in _EN_PRESIDENCY_OF.finditer(text):
        if not _NOT_A_PRESIDENT.match(m.group(1)):
            return m.group(1)
    for m in _EN_PRESIDENCY_S.finditer(text):  # "Ireland's presidency", "Panama, which holds the presidency"
        name = _EN_NAME_BEFORE.search(text[max(0, m.start() - 80):m.start()])
        if name and not _NOT_A_PRESIDENT.match(name.group(1)):
            return re.sub(r"^the ", "", name.group(1))
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


def parse_concept_note(text: str, *, symbol: str | None = None, furniture: tuple[str, ...] = ()) -> ConceptNote:
    """Parse normalised text (see `text.normalise`) into a ConceptNote.

    `symbol` (from the user) wins; otherwise the symbol is taken from the running headers and
    other page furniture the normaliser dropped (a symbol alone on a line is furniture).
    """
    language = detect_language(text)
    paras = _rejoin_headings(paragraphs(text), language)
    note = ConceptNote(language=language)
    letter_i, annex_i = _letter_parts(paras, language)
    body_start = 0
    if letter_i is not None:
        _read_letter(note, paras, letter_i, annex_i, language)
    if annex_i is not None:
        body_start = annex_i + 1
    elif letter_i is not None:
        body_start = letter_i + 1
    else:  # no letter, no annex line: the note opens with its title, perhaps after a preamble
        body_start = next((i for i, p in enumerate(paras[:6]) if _NOTE_TITLE.search(p) and _titleish(p)), 0)
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
    note.symbol = _symbol(symbol, furniture)
    note.cited_documents = [s for s in find_symbols("\n".join(paras)) if s != note.symbol]
    if note.presidency is None:
        note.presidency = _presidency("\n".join(paras), language)
    note.speaking_limit_minutes = speaking_limit(paras[header_end:])
    return note


def _briefers(sections: list[Section], body: list[str], language: Language) -> list[Briefer]:
    """From the briefers section; else from the format section; else from a sentence anywhere
    that announces who will brief."""
    for role in ("briefers", "format"):
        found = briefers_mod.find_briefers(_role_text(sections, role), language)
        if found:
            return found
    return briefers_mod.find_briefers(body, language, announced_only=True)


# -- split headings ---------------------------------------------------------------------------

# A heading line that cannot end there: a preposition, an article, "entitled" or a colon.
_EN_OPEN_HEADING = re.compile(r"(?:\b(?:on|of|for|the|and|in|to|entitled|addressed|dated|from)|[:,—–-])$", re.IGNORECASE)
_ZH_OPEN_HEADING = re.compile(r"(?:关于|的|和|与|及|就|在|给|：|:|，)$")
_EN_TITLE_START = re.compile(r"^(?:annex\b|concept note\b|letter dated\b|identical letters dated\b)", re.IGNORECASE)
_ZH_TITLE_START = re.compile(r"^(?:\d{4}\s?年|安全理事会.{0,40}概念说明|概念说明|附件)")
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
    r"^((?:Annex to the )?(?:identical )?letters? dated .{0,300}? addressed to the "
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
        return bool(_ZH_OPEN_HEADING.search(prev)) and "概念说明" in whole and nxt[-1] not in CJK_TERMINAL
    if not _EN_TITLE_START.match(prev) or prev.endswith((".", "?", "!", ";")):
        return False
    if _EN_OPEN_HEADING.search(prev):
        return not nxt.endswith((".", ";")) or nxt.endswith(('".', '”.'))
    # "Annex to the letter … addressed to the" / "Secretary-General": the tail of the letter's title
    return bool(re.match(r"^annex\b", prev, re.IGNORECASE)) and bool(re.fullmatch(
        r"(?:the )?(?:Secretary-General|President of the Security Council)\.?", nxt))


# -- speaking limit ---------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}
_MINUTES = r"(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|[一二两三四五六七八九十])"
_EN_LIMIT = re.compile(
    r"(?:limited to|(?:keep|limit|restrict)\w* (?:\w+ ){0,3}(?:statements?|interventions?|remarks|speeches) to|"
    r"not (?:to )?exceed(?:ing)?|no (?:more|longer) than|(?:a )?maximum of|up to|at most|within|"
    r"shorter than|under)\s(?:a maximum of\s)?" + _MINUTES + r"(?:\s\(\d{1,2}\))?[\s-]minutes?"
    r"|" + _MINUTES + r"(?:\s\(\d{1,2}\))?[\s-]minutes?\s(?:or (?:less|fewer)|maximum|at most)"
    r"|" + _MINUTES + r"-minute (?:limit|statements?|interventions?|speaking)",
    re.IGNORECASE,
)
_ZH_LIMIT = re.compile(r"(?:限(?:于|制在|定为|为)?|不(?:得)?超过|控制在|最多|以)\s?" + _MINUTES + r"\s?分钟")
_SPEECH = re.compile(r"statement|intervention|remark|speak|speech|deliver|发言|讲话", re.IGNORECASE)


def speaking_limit(paras: list[str]) -> float | None:
    """The time each speaker is asked to keep to, in minutes: "Statements will be limited to
    four minutes", "no more than three minutes", "发言控制在四分钟以内"."""
    for p in paras:
        for sentence in sentences(p):
            if not _SPEECH.search(sentence):
                continue
            m = _EN_LIMIT.search(sentence) or _ZH_LIMIT.search(sentence)
            if m:
                word = next(g for g in m.groups() if g)
                value = _NUMBER_WORDS.get(word.lower())
                return float(value if value is not None else word)
    return None


def _read_letter(note: ConceptNote, paras: list[str], letter_i: int, annex_i: int | None, language: Language) -> None:
    title = paras[letter_i]
    note.letter_title = title
    m = _ZH_LETTER.match(title) or _EN_LETTER.match(title)
    if m:
        note.letter_date = first_date(m.group("date"))
        note.sender = m.group("sender").strip()
        note.addressee = re.sub(r"^the\s+", "", m.group("to").strip())
    letter_paras = paras[letter_i + 1: annex_i if annex_i is not None else len(paras)]
    letter_text = "\n".join(letter_paras)
    note.signatory = _signatory(letter_paras, language)
    note.topic = _topic(letter_text, language)
    note.presidency = _presidency(letter_text, language) or (
        _country_from_sender(note.sender, language) if note.sender else None
    )
    note.meeting_date = _meeting_date(letter_paras, note.letter_date, held_only=True)


_NOTE_TITLE = re.compile(r"^concept note\b|概念说明$", re.IGNORECASE)


def _titleish(p: str) -> bool:
    """Short enough for a title and not a sentence of body text."""
    end = p.rstrip("”\"’' ")
    return cell_len(p) <= 300 and bool(end) and end[-1] not in "。；.;" and not _NUMBER.match(p) and p[0] not in BULLET_CHARS


def _read_header(note: ConceptNote, paras: list[str], start: int, language: Language) -> int:
    """Read the annex title, focus and date; return the index where the sections begin."""
    i = start
    if i < len(paras) and _titleish(paras[i]):
        is_section = heading_roles(paras[i]) and not re.search(r"概念说明|concept note", paras[i], re.IGNORECASE)
        if not is_section and not (find_dates(paras[i]) and cell_len(paras[i]) < 60):
            note.title = paras[i]
            i += 1
    while i < len(paras):
        p = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else ""
        if find_dates(p) and cell_len(p) < 60 and not _NUMBER.match(p):
            note.meeting_date = note.meeting_date or find_dates(p)[0][1]
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
    for p in paras:
        if _is_heading(p):
            number, heading, style = _split_number(p)
            roles = heading_roles(heading)
            if style is not None:
                if style not in styles:
                    styles.append(style)
                level = styles.index(style) + 1
            elif roles and any(r in roles for r in ("questions", "briefers", "outcome", "background",
                                                    "developments", "challenges", "format", "objective")):
                level = 1
            else:
                level = 2 if sections else 1
            if style is None and level == 1 and styles:
                level = 1  # plain headings among numbered ones: top level
            sections.append(Section(heading, level, number, roles))
        elif sections:
            sections[-1].paragraphs.append(p)
        else:
            sections.append(Section("", 1, None, (), [p]))
    return [s for s in sections if s.heading or s.paragraphs]


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
    return p[:1] in BULLET_CHARS or bool(_NUMBER.match(p))


_HELD = re.compile(r"举行|召开|举办|\bheld\b|\bhold\b|take place|convene|scheduled", re.IGNORECASE)
_LONE_CONJUNCTION = re.compile(r"(?i:and|or|but|and/or)|以及|并且|和|或")


def _is_lead_in(text: str, language: Language) -> bool:
    """A sentence that announces the questions ("… invited to address the following questions")."""
    return not is_question(text, language) and bool(_INTRO.search(text)) and not text.endswith(("?", "？"))


_INTRO = re.compile(
    r"以下(?:几个方面|问题|各点)|下列问题|following (?:questions|issues|points)|guiding questions|"
    r"(?:invited|encouraged|requested) to (?:address|consider|reflect on)",
    re.IGNORECASE,
)


def _questions(sections: list[Section], language: Language) -> list[Question]:
    bullets: list[tuple[str, str]] = []  # (section heading, bullet text)
    for i, s in enumerate(sections):
        if "questions" in s.roles:
            for sub in _subtree(sections, i):
                bullets += [(sub.heading, p) for p in _question_items(sub.paragraphs)]
            if bullets:
                break
    if not bullets:  # no questions section: bullets right after an intro that announces questions
        for s in sections:
            for j, p in enumerate(s.paragraphs):
                if _INTRO.search(p) and p.rstrip().endswith((":", "：")):
                    bullets += [(s.heading, q) for q in _items_after(s.paragraphs[j + 1:])]
    questions: list[Question] = []
    for b, (section, bullet) in enumerate(bullets, start=1):
        kept = sentences(strip_marker(bullet))  # a lead-in sentence before the questions goes
        if len(kept) > 1 and _is_lead_in(kept[0], language):
            while len(kept) > 1 and _is_lead_in(kept[0], language):
                kept = kept[1:]
            bullet = bullet[bullet.index(kept[0]):]
        for k, piece in enumerate(split_atomic(bullet), start=1):
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


def _question_items(paras: list[str]) -> list[str]:
    items = [p for p in paras if _is_item(p)]
    asked = [p for p in paras if p.rstrip().endswith(("?", "？")) and not _is_item(p)]
    if items:
        return [p for p in paras if _is_item(p) or p.rstrip().endswith(("?", "？"))]
    if asked:
        return asked
    for j, p in enumerate(paras):  # plain paragraphs after an intro ending with a colon
        if p.rstrip().endswith((":", "：")):
            return [q for q in paras[j + 1:] if not q.rstrip().endswith((":", "："))]
    return []


def _items_after(paras: list[str]) -> list[str]:
    out = []
    for p in paras:
        if not _is_item(p):
            break
        out.append(p)
    return out


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
