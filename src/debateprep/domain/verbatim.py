"""Speaker headers of Security Council verbatim records (S/PV.xxxx).

A verbatim record opens every statement with a header and a colon::

    Mr. Zhang Jun (China) (spoke in Chinese): China appreciates ...
    The President: I now give the floor to ...
    The President (spoke in French): ...
    Mrs. Robinson: I am honoured ...              (a briefer: no delegation)
    张军先生（中国）：中国赞赏……                      (Chinese record)
    主席（以法语发言）：……

`parse_speaker_header(line)` reads one line and returns a `SpeakerHeader` (or None when the line
does not open a statement); `iter_speeches(text)` splits a whole record into (header, text) pairs.
Both tolerate the OCR noise found in real records: a sentence spliced into the language note
("The President (spoke I thank Mr. X for his briefing. in French):" -> the sentence is put back
at the start of the statement), notes in either order ("Mr. Michon (spoke in French) (France):"),
missing dots after titles, and slips in the delegation name ("C6te d'Ivoire" is kept as written:
resolve it with the roster).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

LANGUAGES = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
_ZH_LANGUAGES = {"阿拉伯语": "Arabic", "中文": "Chinese", "汉语": "Chinese", "英语": "English",
                 "法语": "French", "俄语": "Russian", "西班牙语": "Spanish"}

ROLES = ("President", "Acting President", "Vice-President", "Secretary-General",
         "Deputy Secretary-General", "Chair", "Chairman", "Chairperson")
_ZH_ROLES = {"主席": "President", "代理主席": "Acting President", "秘书长": "Secretary-General",
             "常务副秘书长": "Deputy Secretary-General"}

# Titles that open a personal header; the dot is optional because OCR often loses it.
_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mme", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness",
           "Baron", "Monsignor", "Msgr", "Archbishop", "Cardinal", "Bishop", "Father", "Sister",
           "Sheikh", "Sheikha", "Prince", "Princess", "King", "Queen", "Emir", "Sultan",
           "President", "Prime Minister", "Tan Sri", "Datuk", "Dato'", "Dato", "Rabbi", "Imam",
           "Judge", "Justice", "General", "Ambassador")
_ZH_TITLES = ("先生", "女士", "夫人", "小姐", "阁下", "博士", "大主教", "主教", "国王", "总统", "殿下")

_DOTTED = {"Mr", "Mrs", "Ms", "Mme", "Dr", "Msgr"}  # written with a dot; OCR may drop it
_PRESIDENT_VARIANTS = {"Mr. President", "Mr President", "Madam President", "Madame President"}
_MAX_HEADER = 160  # characters before the colon; longer means a sentence, not a header
_PARTICLES = {"de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "van", "von",
              "la", "le", "al", "el", "bin", "binti", "ibn", "ben", "ould", "y", "e", "di", "zu",
              "ter", "ten", "bint", "abu"}
_NAME_TOKEN = re.compile(r"^(?:[A-Z\u00C0-\u024F][\w'’.\-]*|[a-z]{1,5}-[A-Z][\w'’\-]*|[A-Z]')[\w'’\-]*$")
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_SPOKE = re.compile(
    r"^(?:spoke|spokein|interpretation from)\s*(?P<splice>.*?)\s*(?:in\s*)?(?P<lang>[A-Z][a-z]+)\s*$",
    re.S)
_ZH_HEADER = re.compile(r"^(?P<who>[^（）()：:，。,；;“”\s]{1,24}?)(?P<notes>(?:（[^（）]{1,40}）)*)：")
_ZH_SPOKE = re.compile(r"^以(?P<lang>\S{2,4}?)发言$")


@dataclass(frozen=True)
class SpeakerHeader:
    """One statement's header, as written in the record.

    speaker: who, as printed ("Mr. Zhang Jun", "The President", "张军先生").
    title: "Mr.", "Ms.", "King", "先生" ... (None for roles and bare names).
    name: the person's name without title (None for roles).
    role: "President", "Secretary-General" ... when the header names an office instead of a person.
    delegation: text of the delegation note, as written ("China", "C6te d'Ivoire"), else None.
    language: "French" for "(spoke in French)"; None when the note is absent (the floor language).
    rest: the statement text that follows on the same line (with any spliced sentence first).
    spliced: a sentence OCR moved inside the header, "" when there was none.
    """

    speaker: str
    title: str | None
    name: str | None
    role: str | None
    delegation: str | None
    language: str | None
    rest: str
    spliced: str = ""

    @property
    def is_president(self) -> bool:
        return self.role in ("President", "Acting President")


def parse_speaker_header(line: str) -> SpeakerHeader | None:
    """Parse the header opening `line`; None if the line does not open a statement."""
    line = line.lstrip("\ufeff \t")
    if not line:
        return None
    if "\u4e00" <= line[0] <= "\u9fff":
        return _parse_chinese(line)
    colon = _header_colon(line)
    if colon < 0:
        return None
    head, rest = line[:colon].strip(), line[colon + 1:].strip()
    who, notes = _split_notes(head)
    if who is None:
        return None
    delegation = language = None
    spliced = ""
    for note in notes:
        spoke = _SPOKE.match(note.strip())
        if spoke and spoke.group("lang") in LANGUAGES:
            language = spoke.group("lang")
            spliced = spoke.group("splice").strip()
        elif delegation is None and note.strip() and not note.strip().lower().startswith("spoke"):
            delegation = " ".join(note.split())
        else:
            return None
    speaker = _speaker(who, has_language=language is not None)
    if speaker is None:
        return None
    title, name, role = speaker
    if spliced:
        rest = f"{spliced} {rest}".strip()
    return SpeakerHeader(speaker=who, title=title, name=name, role=role, delegation=delegation,
                         language=language, rest=rest, spliced=spliced)


def person_name(speaker: str) -> str | None:
    """The person's name in a header's speaker ("Mr. Khiari" -> "Khiari", "希亚里先生" -> "希亚里"),
    None for an office ("The President", "秘书长") or text that is not a speaker."""
    text = speaker.strip()
    if not text:
        return None
    header = parse_speaker_header(text + ("：" if "\u4e00" <= text[0] <= "\u9fff" else ":"))
    if header is None and not text.startswith("The "):
        header = parse_speaker_header(f"{text} (spoke in English):")  # a bare name
    if header is None or header.role or not header.name:
        return None
    return header.name


def iter_speeches(text: str) -> Iterator[tuple[SpeakerHeader, str]]:
    """Split a verbatim record into (header, statement text) pairs, in the order spoken.

    A statement runs from its header to the next line that parses as a header. Text before the
    first header (cover page, agenda) is skipped. Lines are joined with newlines as found.
    """
    current: SpeakerHeader | None = None
    lines: list[str] = []
    for raw in text.splitlines():
        header = parse_speaker_header(raw)
        if header is not None:
            if current is not None:
                yield current, "\n".join(lines).strip()
            current, lines = header, [header.rest]
        elif current is not None:
            lines.append(raw)
    if current is not None:
        yield current, "\n".join(lines).strip()


def _header_colon(line: str) -> int:
    """Index of the colon closing the header, skipping colons inside parentheses."""
    depth = 0
    for i, ch in enumerate(line[: _MAX_HEADER + 1]):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ":" and depth == 0:
            return i
    return -1


def _split_notes(head: str) -> tuple[str | None, list[str]]:
    """'Mr. X (China) (spoke in Chinese)' -> ('Mr. X', ['China', 'spoke in Chinese'])."""
    first = head.find("(")
    if first < 0:
        return head, []
    who, tail = head[:first].strip(), head[first:]
    notes: list[str] = []
    pos = 0
    while pos < len(tail):
        m = _PAREN.match(tail, pos)
        if m is None:
            return None, []
        notes.append(m.group(1))
        pos = m.end()
    return who, notes


def _speaker(who: str, has_language: bool) -> tuple[str | None, str | None, str | None] | None:
    """(title, name, role) for the text before the notes, or None if it is not a speaker."""
    if who.startswith("The "):
        role = who[4:].strip()
        return (None, None, role) if role in ROLES else None
    if who in _PRESIDENT_VARIANTS:
        return None, None, "President"
    for title in _TITLES:
        for written in (title + ".", title):
            if who.startswith(written + " "):
                name = who[len(written):].strip()
                if _is_name(name) and name not in ROLES:
                    return (title + "." if title in _DOTTED else title), name, None
    # A bare name ("Hadiza (spoke in French)") only counts with a language note.
    if has_language and _is_name(who) and len(who.split()) <= 3:
        return None, who, None
    return None


def _is_name(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 7:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in _PARTICLES:
            continue
        if not _NAME_TOKEN.match(token):
            return False
        capitalised += 1
    return capitalised >= 1


def _parse_chinese(line: str) -> SpeakerHeader | None:
    colon = next((i for i, ch in enumerate(line[:60]) if ch in "：:"), -1)
    if colon < 0:
        return None
    head = line[:colon].replace("(", "（").replace(")", "）")
    m = _ZH_HEADER.match(head + "：")
    if m is None:
        return None
    who = m.group("who")
    rest = line[colon + 1:].strip()
    delegation = language = None
    for note in re.findall(r"（([^（）]*)）", m.group("notes")):
        spoke = _ZH_SPOKE.match(note)
        if spoke and spoke.group("lang") in _ZH_LANGUAGES:
            language = _ZH_LANGUAGES[spoke.group("lang")]
        elif delegation is None:
            delegation = note
        else:
            return None
    if who in _ZH_ROLES:
        return SpeakerHeader(who, None, None, _ZH_ROLES[who], delegation, language, rest)
    for title in _ZH_TITLES:
        if who.endswith(title) and len(who) > len(title):
            return SpeakerHeader(who, title, who[: -len(title)], None, delegation, language, rest)
    return None
