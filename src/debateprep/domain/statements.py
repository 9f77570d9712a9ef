"""Statements: who said it, segmentation into paragraphs/sentences/passages, and proposals.

Works on English and Chinese (and mixed) text. Chinese sentences end with 。！？； ; English ones
with . ! ? followed by a space and a capital, unless the dot ends an abbreviation ("Mr.", "No.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from debateprep.i18n import _

ProposalKind = Literal["call", "recommendation", "commitment", "position"]
PROPOSAL_KINDS: tuple[ProposalKind, ...] = ("call", "recommendation", "commitment", "position")

# How a statement got its delegation: from the speaker header, the President's introduction
# ("I now give the floor to the observer of the European Union"), the presidency (a President
# speaking "in my capacity as ..."), a file imported for a named delegation, or by hand.
MAPPED_BY = ("header", "introduction", "presidency", "file", "manual")
# What a speech is: a statement (counts for coverage), procedural remarks of the chair, or a
# briefing by someone who speaks for no delegation (Secretary-General, ICRC, civil society).
KINDS = ("statement", "procedural", "briefing")


@dataclass
class Statement:
    """One speech or written statement of a debate."""

    text: str
    language: str = "en"
    delegation: str | None = None  # the roster name ("China"), None while unmapped
    delegation_code: str | None = None  # the roster code ("CHN", "EU", "ICRC")
    speaker: str | None = None
    source: str = ""  # file name, or "S/PV.8699 (Resumption 1) #12"
    record: str | None = None  # the verbatim record symbol when split from one
    id: int | None = None
    debate_id: int | None = None
    position: int = 0
    header: str | None = None
    spoken_language: str | None = None
    kind: str = "statement"
    mapped_by: str | None = None
    suggestion: str | None = None  # a delegation the importer guessed but did not apply
    speakers_entry_id: int | None = None
    version: int = 1

    @property
    def unmapped(self) -> bool:
        return self.delegation is None and self.kind != "procedural"

    def label(self) -> str:
        who = self.delegation or self.speaker or "(unmapped)"
        return f"#{self.id} {who}" if self.id is not None else who

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "debate_id": self.debate_id,
            "position": self.position,
            "delegation": self.delegation,
            "delegation_code": self.delegation_code,
            "speaker": self.speaker,
            "language": self.language,
            "spoken_language": self.spoken_language,
            "kind": self.kind,
            "mapped_by": self.mapped_by,
            "suggestion": self.suggestion,
            "speakers_entry_id": self.speakers_entry_id,
            "source": self.source,
            "record": self.record,
            "header": self.header,
            "version": self.version,
            "chars": len(self.text),
        }
        if with_text:
            data["text"] = self.text
        return data


@dataclass(frozen=True)
class Sentence:
    index: int  # in the statement
    paragraph: int
    start: int  # character offsets into Statement.text
    end: int
    text: str


@dataclass(frozen=True)
class Passage:
    """A few consecutive sentences of one paragraph: the unit matched to guiding questions."""

    index: int
    paragraph: int
    first_sentence: int
    last_sentence: int
    start: int
    end: int
    text: str

    @property
    def sentence_range(self) -> str:
        if self.first_sentence == self.last_sentence:
            return _("sentence {number}").format(number=self.first_sentence + 1)
        return _("sentences {first}–{last}").format(first=self.first_sentence + 1, last=self.last_sentence + 1)


@dataclass(frozen=True)
class Proposal:
    """A sentence that calls for, recommends, commits to or takes a position on something."""

    kind: ProposalKind
    cue: str
    sentence: Sentence

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass
class Segmentation:
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets
    sentences: list[Sentence] = field(default_factory=list)


# --- sentences ------------------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_CLOSERS = "”’」』）)\"'】》"
# A Chinese terminator (plus closing quotes) always ends a sentence; "!" and "?" do before a space.
_ZH_END = re.compile(f"[。！？；][{re.escape(_CLOSERS)}]*|[!?][{re.escape(_CLOSERS)}]*(?=\\s|$)")
# A Latin terminator ends one when whitespace and a plausible sentence start follow.
_EN_END = re.compile(
    f"(?<=[^\\s])[.!?][{re.escape(_CLOSERS)}]*(?=\\s+[\"“‘(\\[]?[A-Z0-9{_CJK}])"
)
_ABBREVIATIONS = frozenset(
    """mr mrs ms messrs mmes dr prof st no nos art arts para paras op pp p vol rev add corr
    e.g i.e etc vs cf jr sr gen col lt capt amb h.e u.s u.n u.k s.a jan feb mar apr jun jul aug
    sep sept oct nov dec fig ch sec approx""".split()
)


_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    match = _LAST_WORD.search(text, max(0, dot - 24), dot)
    if not match:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (start, end) spans of text[start:end], whitespace trimmed."""
    cuts: set[int] = set()
    chunk = text[start:end]
    for m in _ZH_END.finditer(chunk):
        cuts.add(start + m.end())
    for m in _EN_END.finditer(chunk):
        if not _is_abbreviation(text, start + m.start()):
            cuts.add(start + m.end())
    spans: list[tuple[int, int]] = []
    prev = start
    for cut in sorted(cuts | {end}):
        a, b = prev, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        prev = cut
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of a piece of text, Chinese, English or both."""
    return [text[a:b] for a, b in _sentence_spans(text, 0, len(text))]


# --- paragraphs -----------------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated when the text has blank lines, else one per line."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    prev = 0
    for m in list(splitter.finditer(text)) + [None]:
        cut = m.start() if m else len(text)
        a, b = prev, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        prev = m.end() if m else len(text)
    return spans


def split_paragraphs(text: str) -> list[str]:
    return [text[a:b] for a, b in paragraph_spans(text)]


def segment(text: str) -> Segmentation:
    """Paragraphs and sentences with offsets into `text` (for tracing evidence back)."""
    seg = Segmentation()
    for p_index, (a, b) in enumerate(paragraph_spans(text)):
        seg.paragraphs.append((a, b))
        for s_start, s_end in _sentence_spans(text, a, b):
            seg.sentences.append(Sentence(len(seg.sentences), p_index, s_start, s_end, text[s_start:s_end]))
    return seg


def passages(text: str, max_sentences: int = 3, max_chars: int = 600) -> list[Passage]:
    """Consecutive sentences of a paragraph grouped into passages of bounded size.

    A Chinese character counts as three for `max_chars` (it carries about a word).
    """
    seg = segment(text)
    out: list[Passage] = []
    group: list[Sentence] = []

    def size(s: Sentence) -> int:
        return len(s.text) + 2 * len(_CJK_RE.findall(s.text))

    def flush() -> None:
        if group:
            a, b = group[0].start, group[-1].end
            out.append(Passage(len(out), group[0].paragraph, group[0].index, group[-1].index, a, b, text[a:b]))
            group.clear()

    for sentence in seg.sentences:
        if group and (
            sentence.paragraph != group[0].paragraph
            or len(group) >= max_sentences
            or sum(size(s) for s in group) + size(sentence) > max_chars
        ):
            flush()
        group.append(sentence)
    flush()
    return out


# --- proposals ------------------------------------------------------------------------------

# Cues in order of precedence: a sentence with several cues takes the first kind that matches.
_WE = r"(?i:we|I|my (?:delegation|country|Government))"
# Commitments are made for a delegation; "I will now turn to ..." only organises a speech.
_WE_DELEGATION = r"(?i:we|my (?:delegation|country|Government))"
# A named subject ("China", "Viet Nam", "The European Union") but not a pronoun or a predicate.
_NAMED = (r"(?!(?:It|This|That|There|These|Those|They|He|She|Which|What|Who|Such|Each|Any|Nothing|No|One|"
          r"Peace|History|Time)\b)[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}")
_EN_CUES: dict[ProposalKind, str] = {
    "call": rf"\b(?:calls?|called|calling) (?:on|upon|for)\b|\burg(?:es?|ed|ing)\b|\bappeal(?:s|ed)? (?:to|for)\b"
    rf"|\b{_WE}(?: also| again| once again| sincerely| therefore)? (?:invite|encourage|ask|request|want to see|wish to see"
    r"|hope|trust)\b|\b(?:demands?|insists?) (?:on|that)\b|\bremains? hopeful\b"
    r"|\bjoin(?:s|ed)? (?:\w+ ){0,4}in call(?:ing|s) (?:on|upon|for)\b",
    "recommendation": rf"\b{_WE} (?:propose|suggest|recommend)\b|\bshould(?! like)\b|\bmust\b|\bneeds? to\b"
    r"|\b(?i:it) is (?:therefore |also |thus )?(?:essential|imperative|necessary|crucial|vital|important|critical|"
    r"urgent|high time|time|incumbent on \w+|of (?:the )?(?:utmost|crucial|critical|paramount|great) importance)"
    r"(?: that| to| for)?\b|\bought to\b|\b(?:there is|we see) (?:an? )?(?:urgent |pressing |clear )?need\b"
    r"|\b(?:has|have) to\b|\b(?:is|are) (?:urgently )?(?:needed|required)\b|\bcannot (?:allow|accept|afford)\b"
    r"|\b(?:[Ii]t is )?incumbent (?:up)?on\b|\b(?:[Tt]here is|[Ww]e see) (?:an? )?(?:urgent |pressing |clear )?need\b"
    rf"|\b{_WE} need\b|\b(?:is|are|remains?) (?:key|essential|vital|crucial|indispensable) (?:to|for)\b",
    "commitment": rf"\b(?:{_WE_DELEGATION}|{_NAMED}) (?:will|shall|remains?|stands?|is|are)"
    r"(?: also| fully| firmly| always)? (?:continue to|committed to|ready to|determined to)\b"
    rf"|\b(?:{_WE_DELEGATION}|{_NAMED}) (?:will|shall) (?!not\b|be\b|have\b|now\b)(?:\w+ly )?\w+"
    rf"|\b(?i:we) (?:commit|pledge)\b|\b(?:{_WE_DELEGATION}|{_NAMED})(?: also)? continues? to"
    r" (?:support|call|advocate|promote|urge|believe|stress|encourage)\b",
    "position": rf"\b(?:{_WE}|{_NAMED})(?: also| therefore| firmly| strongly| fully| again| once again| further"
    r"| unequivocally| very much| sincerely| always){0,2}"
    r" (?:believes?|considers?|supports?|opposes?|rejects?|condemns?|welcomes?|reaffirms?|reiterates?|stress(?:es)?"
    r"|emphasizes?|underlines?|underscores?|insists?|recognizes?|shares? the view|adheres? to|favours?|is convinced"
    r"|are convinced|deplores?|regrets?|expresses?|calls?)\b|\b(?i:in our view)\b|\b(?i:it) is our (?:view|position|belief)\b"
    r"|\bis (?:unacceptable|inadmissible|illegal|a violation)\b|\b(?:remains?|is) the only (?:way|path|solution)\b"
    r"|\b(?:has|have|bears?) (?:a |the )?(?:special |particular |primary )?responsibility to\b"
    r"|\battach(?:es)? (?:great |particular |the utmost )?importance to\b|\b(?:note|notes) with (?:regret|concern)\b"
    r"|\bis (?:highly |deeply )?regrettable\b|\b(?:is|are|remains?) (?:deeply |gravely |seriously )?concerned\b"
    # evaluations that take a side: "our strong support for", "is unacceptable", "would constitute a
    # serious violation", "will not recognize", "the only viable solution", "in favour of", "condemn"
    r"|\b(?:our|its|their) (?:full |strong |firm |continued |unwavering |steadfast )?(?:support|commitment|opposition"
    r"|condemnation|rejection) (?:for|to|of)\b|\b(?:is|are|remains?) (?:strongly |firmly |fully )?(?:opposed|committed)"
    r" to\b|\bin favour of\b|\b(?:is|are) not acceptable\b|\b(?:is|are|would be|constitutes?|would constitute) (?:an? )?"
    r"(?:serious |grave |flagrant |clear |very serious )?(?:violation|breach)\b|\b(?:undermines?|will fail|will not help)\b"
    r"|\b(?:will not|do not|does not) recogni[sz]e\b|\b(?:is|are) not recogni[sz]ed\b"
    r"|\bthe (?:best and )?only (?:viable |sustainable |realistic |possible )?(?:way|path|solution|option)\b"
    r"|\bcondemn(?:s|ation)?\b|\bof (?:the )?(?:highest|particular|key|great|utmost|critical|paramount) importance\b",
}
_ZH_CUES: dict[ProposalKind, str] = {
    "call": r"呼吁|敦促|促请|吁请|倡议|要求各方|恳请|鼓励|希望|期待",
    # 应 alone, but not in 应对/应用/应邀/应有 or 相应/响应/适应/反应/供应/回应/效应/答应/感应.
    "recommendation": r"建议|提议|应当|应该|必须|需要|要(?=[坚加推维尊恪遵履切])"
    r"|(?<![对适相响反供回效答感])应(?![对用有邀])",
    "commitment": r"我们将|中方将|中国将|愿同|愿与|愿意|承诺|致力于|将继续|将一如既往",
    "position": r"认为|主张|支持|反对|坚持|重申|谴责|欢迎|赞赏|强调|赞成|不能接受|不可接受",
}
_COMPILED = {
    kind: (re.compile(_EN_CUES[kind]), re.compile(_ZH_CUES[kind])) for kind in PROPOSAL_KINDS
}
# Courtesies are not proposals ("I should like to thank ...", "We welcome you, Mr. President").
_COURTESY = re.compile(
    r"^\s*(?:(?:at the outset|first of all|allow me to|let me)[ ,]*)?"
    r"(?:i|we)?\s*(?:also\s+)?(?:would|should) like to (?:thank|congratulate|welcome|commend|express|join|begin|start)"
    r"|\b(?:thank|congratulate)\b.*\b(?:presidency|Mr\. President|Sir|Madam President|for convening|for organizing)\b"
    r"|^(?:我)?(?:感谢|祝贺)",
    re.IGNORECASE,
)


# Any cue at all, in one pass: most sentences have none (the kinds are then tried in order).
_ANY_EN = re.compile("|".join(f"(?:{_EN_CUES[kind]})" for kind in PROPOSAL_KINDS))
_ANY_ZH = re.compile("|".join(f"(?:{_ZH_CUES[kind]})" for kind in PROPOSAL_KINDS))


def classify_sentence(text: str) -> tuple[ProposalKind, str] | None:
    """The kind of proposal a sentence makes and the cue found, or None."""
    chinese = _CJK_RE.search(text) is not None
    if not _ANY_EN.search(text) and not (chinese and _ANY_ZH.search(text)):
        return None
    if _COURTESY.search(text):
        return None
    for kind in PROPOSAL_KINDS:
        en, zh = _COMPILED[kind]
        m = en.search(text) or (zh.search(text) if chinese else None)
        if m:
            return kind, m.group(0)
    return None


def extract_proposals(text: str) -> list[Proposal]:
    """Every sentence of `text` that makes a call, recommendation, commitment or position."""
    out: list[Proposal] = []
    for sentence in segment(text).sentences:
        found = classify_sentence(sentence.text)
        if found:
            out.append(Proposal(found[0], found[1], sentence))
    return out
