"""Form conversion: a resolution paragraph (PP or OP) becomes a presidential-statement paragraph.

English: "Recalling its resolution 1894 (2009)," -> "The Security Council recalls its resolution
1894 (2009)."; "Deeply concerned at …" -> "The Security Council is deeply concerned at …";
"Stresses …;" -> "The Security Council stresses ….". Addressees ("requests the Secretary-General")
are kept as they are. Chinese: "强调指出……，" -> "安全理事会强调指出……。" for the first paragraph and
"安理会强调指出……。" after it.

Each lead verb also has a place in the conventional order of a PRST (CATEGORY_NAMES).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from debateprep.domain.leads import match_lead
from debateprep.i18n import N_

if TYPE_CHECKING:
    from debateprep.domain.roster import Roster

EN_SUBJECT = "The Security Council"
ZH_SUBJECT_FIRST = "安全理事会"
ZH_SUBJECT_NEXT = "安理会"

# Conventional order: reaffirm/recall -> concern/condemn -> stress/recognize/underline ->
# welcome/encourage/call upon -> request/intend. Text with no known lead sits in the middle.
# (English names: in JSON as they are, and msgids where the interface shows them)
CATEGORY_NAMES: dict[int, str] = {
    1: N_("reaffirm/recall"),
    2: N_("concern/condemn"),
    3: N_("stress/recognize/underline"),
    4: N_("welcome/encourage/call upon"),
    5: N_("request/intend"),
}
UNKNOWN_CATEGORY = 3

# English base verbs found as leads in Council resolutions, with their conventional category.
EN_VERBS: dict[str, int] = {
    **dict.fromkeys(
        "reaffirm recall affirm reiterate renew confirm reconfirm bear recollect re-affirm".split(), 1
    ),
    **dict.fromkeys("condemn deplore regret censure denounce reject warn deprecate".split(), 2),
    **dict.fromkeys(
        "stress emphasize emphasise re-emphasize underline underscore recognize recognise acknowledge "
        "note take highlight consider believe insist observe determine find declare remind agree "
        "hold accept act respond refer draw seek desire point express reassert keep stand "
        "commit view deem record proclaim".split(),
        3,
    ),
    **dict.fromkeys(
        "welcome encourage call urge appeal invite demand commend appreciate support endorse pay "
        "extend praise applaud congratulate thank salute approve".split(),
        4,
    ),
    **dict.fromkeys(
        "request intend decide direct authorize authorise instruct recommend look undertake "
        "resolve mandate establish entrust appoint transmit require order remain adopt elect nominate lift "
        "terminate".split(),
        5,
    ),
}
# Leads that are adjectives or past participles: "Deeply concerned" -> "is deeply concerned".
EN_ADJECTIVES: dict[str, int] = {
    **dict.fromkeys(
        "concerned alarmed dismayed grieved indignant outraged disturbed shocked saddened "
        "appalled distressed troubled worried anxious".split(),
        2,
    ),
    **dict.fromkeys(
        "convinced determined mindful conscious aware cognizant desirous resolved committed "
        "persuaded".split(),
        3,
    ),
    "guided": 1,
    **dict.fromkeys("encouraged gratified pleased satisfied heartened appreciative".split(), 4),
}

# Adverbs that may stand before the lead ("Further recalling", "Strongly condemns").
EN_PRE_ADVERBS = (
    "once again", "most strongly", "further", "also", "strongly", "again", "fully", "urgently",
    "solemnly", "firmly", "deeply", "gravely", "seriously", "highly", "unequivocally",
    "categorically", "warmly", "particularly", "especially", "equally", "likewise", "moreover",
    "emphatically", "unreservedly", "expressly", "resolutely", "wholeheartedly",
)
_IRREGULAR_ING = {"having": "have", "being": "be"}
_IRREGULAR_THIRD = {"have": "has", "be": "is"}

# Participles that, after ", " or " and ", continue a preambular chain ("…, and calling upon …").
EN_CHAIN_PARTICIPLES = frozenset(
    "recalling reaffirming noting calling stressing emphasizing emphasising underlining "
    "recognizing recognising welcoming expressing condemning urging encouraging acknowledging "
    "commending reiterating deploring affirming underscoring highlighting appealing".split()
)

# Chinese base leads and their category; adverbial prefixes (又, 还, 进一步 …) are stripped first.
ZH_CATEGORY: dict[str, int] = {
    **dict.fromkeys("重申 回顾 忆及 申明 铭记 遵循 回顾指出 重申支持".split(), 1),
    **dict.fromkeys(
        "表示严重关切 表示深切关切 表示关切 严重关切 深表关切 关切 深为关切 关切地注意到 严重关切地注意到 谴责 "
        "痛惜 震惊 深感震惊 表示震惊 遗憾 深感遗憾 表示遗憾 严重关注".split(),
        2,
    ),
    **dict.fromkeys(
        "强调指出 强调 着重指出 特别指出 指出 认识到 承认 确认 注意到 表示注意到 深信 相信 坚信 认为 决心 决意 "
        "表示决心 意识到 断定 认定 表示 重视 肯定 考虑到 深知 鉴于 审议了 审查了 听取了 收到 宣布 提醒 坚持 同意 "
        "根据《联合国宪章》第七章采取行动 根据《宪章》第七章采取行动".split(),
        3,
    ),
    **dict.fromkeys(
        "欢迎 欣见 赞扬 称赞 赞赏 赞赏地注意到 满意地注意到 表示赞赏 鼓励 促请 呼吁 敦促 要求 吁请 支持 "
        "表示支持 致敬 感谢 核可 赞同 认可 邀请".split(),
        4,
    ),
    **dict.fromkeys("请 表示打算 打算 决定 期待 期望 希望 授权 建议 指示 通过 设立 表示愿意".split(), 5),
}
ZH_ADVERBS = ("最强烈地", "进一步", "再次", "强烈", "大力", "又", "还", "也", "再")

_OP_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*[.．、]|\(\d{1,3}\)|[（(][a-z][)）])\s*")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_ZH_PUNCT = r"，。；：、“”‘’《》（）！？"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}{_ZH_PUNCT}])[ \t\u3000]+|[ \t\u3000]+(?=[{_CJK}{_ZH_PUNCT}])")
_TRAILING = re.compile(r"[\s,;.，；。:：]+$")


@dataclass(frozen=True)
class Flag:
    """Something a drafter must review in a paragraph, and why ("chapter-vii": a presidential
    statement is not adopted under Chapter VII)."""

    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}

    @classmethod
    def from_json(cls, data: object) -> Flag:
        """From {"code": …, "message": …} or a stored [code, message] pair."""
        if isinstance(data, dict):
            return cls(str(data.get("code", "")), str(data.get("message", "")))
        if isinstance(data, (list, tuple)) and len(data) == 2:
            return cls(str(data[0]), str(data[1]))
        raise ValueError(f"not a review flag: {data!r}")


@dataclass(frozen=True)
class Conversion:
    """The PRST form of one paragraph and what was recognised on the way."""

    text: str
    lead: str | None  # the lead as found in the source ("Recalling", "强调指出")
    prst_lead: str | None  # the lead as it reads in the PRST ("recalls", "强调指出")
    category: int
    changed: bool
    note: str = ""  # how it was converted ("already in PRST form", "from a statement …")
    flags: tuple[Flag, ...] = ()  # what the drafter must review, with the reason


def is_chinese(text: str) -> bool:
    cjk = len(re.findall(rf"[{_CJK}]", text))
    return cjk > 0 and cjk * 3 >= len(re.findall(r"[A-Za-z]", text))


def clean(text: str, language: str) -> str:
    """One paragraph on one line: no OP number, no markdown bold, no trailing comma/semicolon."""
    text = text.replace("**", "").replace("__", "")
    if language == "zh":
        text = re.sub(r"\s*\n\s*", "", text)
        text = _SPACE_NEAR_CJK.sub("", text)
    text = " ".join(text.split())
    text = _OP_NUMBER.sub("", text, count=1)
    return _TRAILING.sub("", text).strip()


# English -------------------------------------------------------------------------------------


def base_of_participle(word: str) -> str:
    """'noting' -> 'note', 'recalling' -> 'recall', 'emphasizing' -> 'emphasize'."""
    w = word.lower()
    if w in _IRREGULAR_ING:
        return _IRREGULAR_ING[w]
    stem = w[:-3]
    for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if candidate and candidate in EN_VERBS:
            return candidate
    if re.search(r"(iz|is|at|ur|rg|dg|[^aeiou]v|c|u|[^aeiou][aeiou][tdkmlnp]|or|in|ov)$", stem) and not re.search(
        r"(ll|ss|ck|rn|rm|nd|ng|st|en|ain|ein|oin|eat|oat|eet|ain|oor)$", stem
    ):
        return stem + "e"
    return stem


def third_person(base: str) -> str:
    """'stress' -> 'stresses', 'note' -> 'notes', 'apply' -> 'applies', 'have' -> 'has'."""
    if base in _IRREGULAR_THIRD:
        return _IRREGULAR_THIRD[base]
    if re.search(r"(s|sh|ch|x|z|o)$", base):
        return base + "es"
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ies"
    return base + "s"


def base_of_third(word: str) -> str:
    """'stresses' -> 'stress', 'notes' -> 'note', 'applies' -> 'apply', 'has' -> 'have'."""
    w = word.lower()
    if w == "has":
        return "have"
    if w == "is":
        return "be"
    for candidate in (w[:-1], w[:-2], w[:-3] + "y" if w.endswith("ies") else ""):
        if candidate and candidate in EN_VERBS:
            return candidate
    if w.endswith("ies"):
        return w[:-3] + "y"
    if re.search(r"(ss|sh|ch|x|z|o)es$", w):
        return w[:-2]
    return w[:-1]


@dataclass(frozen=True)
class _EnLead:
    adverb: str  # before the verb: "further", "deeply", "" …
    word: str  # the verb or adjective as written ("Recalling", "concerned")
    kind: str  # participle | third | adjective | whereas
    middle: str  # the rest of the lead after the verb: " in mind", " with concern", " note"
    post_adverb: str  # "also"/"further" written after the verb, moved before it in a PRST
    end: int  # index in the text just after the lead


def _en_kind(word: str) -> str | None:
    w = word.lower()
    if w in EN_ADJECTIVES:
        return "adjective"
    if w == "whereas":
        return "whereas"
    if w.endswith("ing") and (w in _IRREGULAR_ING or base_of_participle(w) in EN_VERBS):
        return "participle"
    if w.endswith("s") and base_of_third(w) in EN_VERBS:
        return "third"
    return None


def _parse_en_lead(text: str) -> _EnLead | None:
    rest, pos, adverb = text, 0, ""
    for adv in EN_PRE_ADVERBS:
        m = re.match(rf"{adv}\s+", rest, re.IGNORECASE)
        if m:
            adverb, pos, rest = adv.lower(), m.end(), rest[m.end():]
            break
    m = re.match(r"[A-Za-z][A-Za-z-]*", rest)
    if not m:
        return None
    word = m.group(0)
    kind = _en_kind(word)
    if kind is None and match_lead(text, "en"):  # a table lead we have no lexicon entry for
        w = word.lower()
        kind = "participle" if w.endswith("ing") else "third" if w.endswith("s") else "adjective"
    if kind is None:
        return None
    verb_end = pos + m.end()
    table = match_lead(text, "en")
    end = max(verb_end, len(table) if table else 0)
    middle, post = text[verb_end:end], ""
    pm = re.search(r"\s+(also|further)$", middle)
    if pm:
        middle, post = middle[: pm.start()], pm.group(1)
    elif kind in ("participle", "third"):
        pm = re.match(r"\s+(also|further)\b", text[end:])
        if pm and not middle:
            post, end = pm.group(1), end + pm.end()
    return _EnLead(adverb, word, kind, middle, post, end)


def _en_category(lead: _EnLead, after: str) -> int:
    w = lead.word.lower()
    phrase = (lead.middle + after).lower()
    if lead.kind == "adjective":
        return EN_ADJECTIVES.get(w, 2 if "concern" in w else UNKNOWN_CATEGORY)
    if lead.kind == "whereas":
        return UNKNOWN_CATEGORY
    base = base_of_participle(w) if lead.kind == "participle" else base_of_third(w)
    if base == "have":
        m = re.match(r"\s*([a-z-]+)", phrase)
        done = m.group(1) if m else ""
        base = {"considered": "consider", "examined": "consider", "heard": "note", "received": "note",
                "decided": "decide", "noted": "note", "recalled": "recall", "regard": "bear"}.get(done, done)
    if re.match(r"\s*with\s+(grave\s+|deep\s+|serious\s+|great\s+)?(concern|alarm|regret)", phrase):
        return 2
    if re.match(r"\s*with\s+(appreciation|satisfaction)", phrase):
        return 4
    if base == "express":
        if re.match(r"\s*(its\s+)?(grave\s+|deep\s+|serious\s+|profound\s+|strong\s+|continued\s+)?"
                    r"(concern|alarm|outrage|indignation|dismay|regret|shock)", phrase):
            return 2
        if re.match(r"\s*(its\s+)?(firm\s+|strong\s+)?(intention|readiness|willingness)", phrase):
            return 5
        if re.match(r"\s*(its\s+|deep\s+|sincere\s+|full\s+|strong\s+|continued\s+)*"
                    r"(appreciation|gratitude|support|condolences|sympathy|thanks|satisfaction)", phrase):
            return 4
        return 3
    return EN_VERBS.get(base, UNKNOWN_CATEGORY)


def _en_prst_lead(lead: _EnLead) -> str:
    """The PRST verb phrase: 'recalls', 'also recalls', 'is deeply concerned', 'has considered'."""
    w = lead.word.lower()
    adverbs = " ".join(a for a in (lead.post_adverb, lead.adverb) if a)
    before = adverbs + " " if adverbs else ""
    if lead.kind == "adjective":
        return f"is {before}{w}{lead.middle}"
    if lead.kind == "whereas":
        return "considers that"
    verb = w if lead.kind == "third" else third_person(base_of_participle(w))
    return f"{before}{verb}{lead.middle}"


def _chain(text: str) -> str:
    """'…, and calling upon that party to …' -> '…, and calls upon that party to …'."""

    def repl(m: re.Match[str]) -> str:
        return m.group(1) + third_person(base_of_participle(m.group(2)))

    pattern = r"(,\s+(?:and\s+)?(?:also\s+|further\s+)?|\s+and\s+(?:also\s+|further\s+)?)(%s)\b" % "|".join(
        sorted(EN_CHAIN_PARTICIPLES)
    )
    return re.sub(pattern, repl, text)


# A sentence from a statement speaks for a delegation ("We strongly condemn …", "France calls
# for …", "Our delegation believes …"); the Council speaks for itself. The speaker is replaced
# by the Council when what follows says what the Council could say; a request made *to* the
# Council ("We call on the Council to request …") becomes what the Council does ("The Security
# Council requests …"). Where the Council's verb has to be chosen for it, the paragraph is flagged.
_EN_FIRST_PERSON = re.compile(
    r"^(?:we|i|my delegation|our delegation|this delegation|my country|our country|my government|"
    r"our government|my own country)\s+",
    re.IGNORECASE,
)
_EN_WRAPPER = re.compile(
    r"^(?:would (?:also )?like to|would (?:also )?wish to|wish to|want to|should like to|take this opportunity to|"
    r"take the opportunity to|would therefore like to)\s+",
    re.IGNORECASE,
)
_EN_SPEAKER_ADVERBS = (
    r"(?P<adv>(?:(?:also|further|strongly|therefore|again|once again|firmly|fully|deeply|gravely|resolutely|"
    r"equally|likewise|really|particularly|wholeheartedly|warmly|sincerely|categorically|unequivocally|"
    r"highly|thus|indeed|hence|furthermore|moreover|continue to|continues to)\s+)*)"
)
_EN_VERB_AFTER = re.compile(_EN_SPEAKER_ADVERBS + r"(?P<verb>[a-z][a-z-]*)\b", re.IGNORECASE)
# Verbs a Council paragraph opens with when the Council acts on a delegation's request.
_DECLARATIVE = frozenset(
    "reaffirm recall reiterate condemn deplore stress emphasize emphasise underline underscore recognize "
    "recognise acknowledge note welcome encourage call urge appeal invite demand commend appreciate support "
    "endorse express request reject remind renew".split()
)
_ASKS_THE_COUNCIL = re.compile(
    r"^(?:(?:up)?on|to)?\s*the\s+(?:security\s+)?council\s+to\s+" + _EN_SPEAKER_ADVERBS + r"(?P<verb>[a-z][a-z-]*)\b",
    re.IGNORECASE,
)
_ASKING_VERBS = frozenset("call appeal urge encourage invite ask request want expect need count".split())
# What a speaker says to the room, not about the matter: thanks, welcomes to the meeting, wishes.
_COURTESY = re.compile(
    r"\b(?:Mr\.|Madam|Madame|Mme\.?)\s+President\b|\bthank you\b|\bcongratulat|"
    r"\b(?:this|today's)\s+(?:open\s+)?(?:debate|meeting|briefing|discussion)\b|\bconvening\b|\bpresence of\b|"
    r"\bparticipation of\b.*\b(?:meeting|debate)\b|\bwish (?:them|him|her|you)\b|"
    r"\bfor (?:his|her|their|your) (?:briefing|remarks|statement|presentation|leadership)\b|\bmy \w+ colleague\b",
    re.IGNORECASE,
)
_NOT_A_POSITION_END = "not a Council position"
_NOT_A_POSITION = f"a courtesy or an alignment with another statement: {_NOT_A_POSITION_END}"
_EN_STATE_KINDS = ("member_state", "observer_state", "regional_org")


@dataclass(frozen=True)
class _Spoken:
    subject: str  # the speaker's words, as written ("We", "My delegation", "France")
    adverbs: str  # "strongly ", "also " …
    verb: str  # base form: "condemn", "call", "be", "must"
    rest: str  # what follows the verb


def _named_speaker(text: str) -> tuple[str, str] | None:
    """("France", rest) when `text` opens with a delegation or group speaking in the third person
    ("France calls for …", "The European Union welcomes …", "The Nordic countries believe …")."""
    words = text.split()
    for n in range(min(8, len(words) - 1), 0, -1):
        subject = " ".join(words[:n])
        if not subject[:1].isupper() or subject.lower().startswith(("the security council", "the council")):
            continue
        nxt = _EN_VERB_AFTER.match(" ".join(words[n:]))
        if nxt is None:
            continue
        verb = nxt.group("verb").lower()
        plural = subject.lower().endswith(("countries", "states", "members", "nations"))
        base = verb if plural else (base_of_third(verb) if verb.endswith("s") else "")
        if not base or (base not in EN_VERBS and base not in _NAMED_SPEAKER_VERBS):
            continue
        if _is_delegation(subject):
            return subject, text[len(subject):].lstrip()
    return None


_STATEMENT_VERBS = frozenset("think feel hope align associate wish want must should need have be".split())
# A named delegation speaks for itself with a stance ("France calls for …", "Viet Nam believes …");
# "South Sudan must hold elections" is said *about* it, and is not its voice.
_NAMED_SPEAKER_VERBS = frozenset("think feel hope align associate".split())


def _is_delegation(name: str) -> bool:
    """A State, observer, regional organisation or group of States (not a Secretariat office:
    "The Secretary-General calls for …" is not a delegation speaking for itself)."""
    roster = _roster()
    found = roster.find(name)
    if found is not None and (found.kind in _EN_STATE_KINDS or found.basis == "observer"):
        return True
    return roster.find_group(name) is not None


@lru_cache(maxsize=1)
def _roster() -> Roster:
    from debateprep.domain.roster import Roster

    return Roster.load()


def _spoken_en(text: str) -> _Spoken | None:
    """The speaker, verb and rest of a sentence a delegation says about itself, or None."""
    m = _EN_FIRST_PERSON.match(text)
    if m:
        subject, rest = text[: m.end()].strip(), text[m.end():]
    else:
        named = _named_speaker(text)
        if named is None:
            return None
        subject, rest = named
    rest = _EN_WRAPPER.sub("", rest)
    v = _EN_VERB_AFTER.match(rest)
    if v is None:
        return None
    verb = v.group("verb").lower()
    adverbs = " ".join(a for a in v.group("adv").lower().split() if a not in ("continue", "continues", "to"))
    adverbs = adverbs.replace("once again", "once again")
    if verb in ("am", "are", "is"):
        verb = "be"
    elif verb in ("has", "have"):
        verb = "have"
    elif verb.endswith("s") and verb not in EN_VERBS and (base_of_third(verb) in EN_VERBS or base_of_third(verb) in _STATEMENT_VERBS):
        verb = base_of_third(verb)  # "My delegation welcomes …", "France calls …"
    return _Spoken(subject, adverbs + " " if adverbs else "", verb, rest[v.end():])


def _council_acts(adverbs: str, verb: str, rest: str) -> tuple[str, tuple[Flag, ...]]:
    """What the Council does when a delegation asked it to `verb`: "requests …" when that is a
    Council paragraph's verb, otherwise its intention ("expresses its intention to consider …")."""
    if verb in _DECLARATIVE:
        return f"{EN_SUBJECT} {adverbs}{third_person(verb)}{rest}", ()
    flag = Flag(STATEMENT_VOICE, f"a delegation asked the Council to {verb}: put as the Council's intention; "
                                 "review the wording")
    return f"{EN_SUBJECT} {adverbs}expresses its intention to {verb}{rest}", (flag,)


def _from_statement_en(text: str) -> Conversion | None:
    """A statement sentence in the Council's voice, or None when `text` is not one."""
    spoken = _spoken_en(text)
    if spoken is None:
        return None
    adverbs, verb, rest = spoken.adverbs, spoken.verb, spoken.rest
    lead = text[: len(text) - len(rest)].rstrip()
    flags: list[Flag] = []
    if verb in _ASKING_VERBS:
        asked = _ASKS_THE_COUNCIL.match(rest.lstrip())
        if asked:
            inner = asked.group("adv").lower()
            sentence, more = _council_acts(adverbs + inner, asked.group("verb").lower(), rest.lstrip()[asked.end():])
            converted = to_prst_en(sentence)
            return replace(converted, lead=lead, changed=True, note=_FROM_STATEMENT,
                           flags=_merge(more, converted.flags))
    if verb in ("align", "associate", "thank", "congratulate") or _COURTESY.search(text):
        flag = Flag(STATEMENT_VOICE, _NOT_A_POSITION)
        final = text + "."
        return Conversion(final, lead, None, UNKNOWN_CATEGORY, True, _FROM_STATEMENT, (flag,))
    if verb in ("must", "should") or (verb in ("need", "have") and rest.lstrip().startswith("to ")):
        body = rest.lstrip().removeprefix("to ").lstrip()
        sentence = f"{EN_SUBJECT} {adverbs}stresses the need to {body}"
        flags.append(Flag(STATEMENT_VOICE, f"'{lead}' speaks for everyone: put as 'stresses the need to'; "
                                           "say who should act"))
    elif verb == "be":
        head = [w.lower().strip(",") for w in rest.split()[:2]]
        if not any(w in EN_ADJECTIVES for w in head):
            return None
        sentence = f"{EN_SUBJECT} is {adverbs}{rest.strip()}"
    elif verb in ("think", "feel"):
        sentence = f"{EN_SUBJECT} {adverbs}considers{rest}"
    elif verb == "hope":
        sentence = f"{EN_SUBJECT} {adverbs}expresses the hope{rest}" if rest.lstrip().startswith("that") else ""
        if not sentence:
            return None
    elif verb == "have":
        flag = Flag(STATEMENT_VOICE, f"'{lead}' tells what a delegation has done or seen: {_NOT_A_POSITION_END}")
        final = text + "."
        return Conversion(final, lead, None, UNKNOWN_CATEGORY, True, _FROM_STATEMENT, (flag,))
    elif verb in EN_VERBS:
        # "We reaffirm our commitment" -> "… reaffirms its commitment" (only right after the verb:
        # a later "our" may be everyone's, and stays flagged)
        rest = re.sub(r"^(\s+)(?:our|my)\b", r"\1its", rest, count=1, flags=re.IGNORECASE)
        # "We recall X, stress that …" / "… and call upon …": the speaker's other verbs become the Council's
        rest = _EN_BASE_JOIN.sub(lambda m: m.group(1) + third_person(m.group(2).lower()), rest)
        sentence = f"{EN_SUBJECT} {adverbs}{third_person(verb)}{rest}"
    else:
        return None
    converted = to_prst_en(sentence)
    return replace(converted, lead=lead, changed=True, note=_FROM_STATEMENT,
                   flags=_merge(tuple(flags), converted.flags))


_FROM_STATEMENT = "from a statement: the Council speaks for itself"
# A second verb of the same speaker: only before words that make it a verb, not a noun ("and support for").
_EN_BASE_JOIN = re.compile(
    r"((?:,\s+(?:and\s+)?|\s+and\s+)(?:(?:also|further|again|strongly|firmly|fully|urgently)\s+)?)(%s)"
    r"(?=\s+(?:that|upon|on|all)\b)" % "|".join(sorted(_DECLARATIVE, key=len, reverse=True))
)

_EN_ENUMERATOR = re.compile(
    r"^(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth(?:ly)?|last(?:ly)?|"
    r"finally|in addition|moreover|furthermore|in that regard|in this regard|to that end|above all|"
    r"at the same time|likewise|also|and)\s*,?\s*)+",
    re.IGNORECASE,
)
_EN_MODAL = re.compile(
    r"\b(?:should|must|need to|needs to|has to|have to|ought to)\b|"
    r"^it is (?:important|essential|crucial|vital|imperative|necessary|critical|key|urgent)\b",
    re.IGNORECASE,
)
_LOWER_STARTERS = frozenset(
    "the it this these those such their its our all any every each a an there those both".split()
)
# Capitalised in UN English wherever they stand (besides the names of States and bodies).
_UN_PROPER = (
    "United Nations", "Security Council", "General Assembly", "Secretary-General", "Member States", "States",
    "Governments", "Government", "Council", "Charter", "Secretariat", "Peacebuilding Commission",
    "International Court", "International Criminal Court", "Human Rights Council", "African Union",
    "Africa", "Agenda", "Sustainable Development Goals", "Special Representative", "Special Envoy",
)


def _sentence_start(text: str) -> str:
    """Lower-case the first word for use after 'that', unless it begins a name ("the United
    Nations must …" but "Member States should …", "South Sudan needs …", "UNMISS has …")."""
    words = text.split(maxsplit=1)
    if not words or not words[0][:1].isupper():
        return text
    bare = words[0].strip("\"“‘(").rstrip(",;:")
    if bare.lower() in _LOWER_STARTERS:
        return text[:1].lower() + text[1:]
    if bare == "I" or bare.isupper() or any(c.isdigit() for c in bare) or any(c.isupper() for c in bare[1:]):
        return text  # a pronoun, an acronym, a symbol
    if text.startswith(_UN_PROPER) or _starts_with_a_name(text):
        return text
    return text[:1].lower() + text[1:]


def _starts_with_a_name(text: str) -> bool:
    words = text.split()
    for n in range(min(6, len(words)), 0, -1):
        if _roster().find(" ".join(words[:n]).rstrip(",;:.")) is not None:
            return True
    return False


_AFTER_THAT = re.compile(r"^(The Security Council [^,;:.]{0,80}?\bthat\s+)(?=[A-Z])")


def _lower_after_that(text: str) -> str:
    """"… stresses that Climate change …" -> "… stresses that climate change …"."""
    m = _AFTER_THAT.match(text)
    return m.group(1) + _sentence_start(text[m.end():]) if m else text


def _modal_statement_en(text: str) -> str | None:
    """'Secondly, transitional justice must be inclusive.' -> 'The Security Council stresses that
    transitional justice must be inclusive.' (a delegation's view made the Council's)."""
    body = _EN_ENUMERATOR.sub("", text).strip()
    if not body or not _EN_MODAL.search(body) or re.match(r"(we|i|my|our)\b", body, re.IGNORECASE):
        return None
    return f"{EN_SUBJECT} stresses that {_sentence_start(body)}"


_EN_COUNCIL_SUBJECT = re.compile(r"the\s+(?:security\s+)?council\b\s*,?\s+", re.IGNORECASE)
_SEIZED = re.compile(r"(?:decides\s+to\s+)?(?:will\s+)?remains?\s+(actively\s+)?seized\s+of\s+the\s+matter", re.IGNORECASE)
_ADDRESSED = re.compile(r"^(?:also\s+|further\s+)?(?:calls?\s+(?:up)?on|appeals?\s+to|urges|encourages|invites|asks|requests)\s+",
                        re.IGNORECASE)


def to_prst_en(source: str) -> Conversion:
    c = _to_prst_en(source)
    text = _lower_after_that(c.text)
    splice = _comma_splice(text)
    if splice is not None:  # "recalls X, stresses that …" -> "recalls X and stresses that …"
        text = text[: splice.start("sep")] + " and " + text[splice.end("sep"):]
        flag = Flag(JOINED_VERBS, f"two Council verbs were joined by a comma only: 'and' inserted before "
                                  f"'{splice.group('verb')}'; review, or split into two paragraphs")
        return replace(c, text=text, changed=True, flags=_merge(c.flags, (flag,)))
    return replace(c, text=text) if text != c.text else c


# Two main clauses of the Council joined by a comma alone ("The Security Council recalls its
# resolution 2594 (2021), stresses that …") are ungrammatical in a PRST paragraph; a series is
# right when its last join has "and" ("recalls X, stresses Y and calls upon Z").
_EN_FINITE = "|".join(sorted({third_person(v) for v in EN_VERBS} - {"has", "is"}, key=len, reverse=True))
_EN_VERB_JOIN = re.compile(
    rf"(?P<sep>,\s+(?:and\s+)?|\s+and\s+|\s+and,\s+[^,;]{{1,40}},\s+)(?:(?:also|further|again|once again|strongly|"
    rf"firmly|fully|urgently)\s+)?(?P<verb>{_EN_FINITE})\s+(?=(?:that|the|its|all|upon|on|for|to|with|in|at|a|an|"
    rf"his|her|their|Member|States|any|further|also|again|grave|deep|serious|concern|appreciation|support|"
    rf"full|strong|continued|particular|both|each|every|this|these|those|UN|United)\b)"
)
_EN_PARENTHETICAL = re.compile(r"\b(?:which|who|whom|whose|that|and|or|but)\s*,\s*[^,;]{1,60}$", re.IGNORECASE)


def _comma_splice(text: str) -> re.Match[str] | None:
    """The last join of the Council's own verbs when it is a comma alone, or None (also None for
    "The Security Council, acting under …, decides", "which, inter alia, calls upon …", "notes
    that the Union, in its communiqué, calls upon …": there the verb has another subject)."""
    subject = _EN_COUNCIL_SUBJECT.match(text)
    if subject is None or "," in text[: subject.end()]:
        return None
    body_start = subject.end()
    first = re.match(rf"(?:(?:{'|'.join(EN_PRE_ADVERBS)})\s+)?(?:is|has|{_EN_FINITE})\b", text[body_start:],
                     re.IGNORECASE)
    if first is None:
        return None
    last: re.Match[str] | None = None
    for m in _EN_VERB_JOIN.finditer(text, body_start + first.end()):
        before = text[: m.start()]
        if _EN_PARENTHETICAL.search(before):
            continue
        if m.group("sep").strip() == "," and "," in before[body_start:] and re.search(r"\bthat\b", before[body_start:]):
            prev_comma = before.rfind(",")
            if re.search(r"\bthat\b", before[body_start:prev_comma]):
                continue  # ", in its communiqué, calls upon": the verb of a subject inside a that-clause
        last = m
    if last is None or last.group("sep").strip() != ",":
        return None
    return last


def _to_prst_en(source: str) -> Conversion:
    text = clean(source, "en")
    if not text:
        return Conversion("", None, None, UNKNOWN_CATEGORY, False, "empty paragraph")
    spoken = _from_statement_en(text)
    if spoken is not None:
        return spoken
    already = _EN_COUNCIL_SUBJECT.match(text)
    if already:
        start = already.end()
        asked = _ADDRESSED.match(text[start:])
        council = _ASKS_THE_COUNCIL.match(text[start + asked.end():]) if asked else None
        if asked and council:  # "The Security Council calls on the Council to request …"
            rest = text[start + asked.end() + council.end():]
            sentence, more = _council_acts(council.group("adv").lower(), council.group("verb").lower(), rest)
            converted = to_prst_en(sentence)
            return replace(converted, changed=True, flags=_merge(more, converted.flags),
                           note="the Council does what it was asked to do")
        if _SEIZED.match(text[start:]):
            final = text + "."
            return Conversion(final, None, "will remain seized", 5, final != source.strip(), "already in PRST form")
        if _EN_MODAL.match(text[start:]):  # "The Council must do more": a delegation's view of the Council
            flag = Flag(STATEMENT_VOICE, "a view of what the Council should do, not what it does: rephrase "
                                         "('expresses its intention to …')")
            final = text + "."
            return Conversion(final, None, None, UNKNOWN_CATEGORY, final != source.strip(), _FROM_STATEMENT,
                              (flag, Flag(COUNCIL_ADDRESSEE, _SELF_ADDRESSED)))
        copula = re.match(r"(?:is|has)\s+", text[start:])
        start += copula.end() if copula else 0
        lead = _parse_en_lead(text[start:])
        after = text[start + lead.end:] if lead else ""
        category = _en_category(lead, after) if lead else UNKNOWN_CATEGORY
        final = text + "."
        return Conversion(final, None, None, category, final != source.strip(), "already in PRST form")
    seized = _SEIZED.match(text)
    if seized:
        final = f"{EN_SUBJECT} will remain {seized.group(1) or ''}seized of the matter."
        return Conversion(final, text[: seized.end()], "will remain seized", 5, True)
    lead = _parse_en_lead(text)
    if lead is None:
        modal = _modal_statement_en(text)
        if modal is not None:
            flag = Flag(STATEMENT_VOICE, "a delegation's view put as 'stresses that': review the wording")
            converted = to_prst_en(modal)
            return replace(converted, lead=None, changed=True, flags=_merge((flag,), converted.flags),
                           note="from a statement: a delegation's view, put as 'stresses that'")
        final = text + "."
        return Conversion(final, None, None, UNKNOWN_CATEGORY, final != source.strip(),
                          "no lead verb recognised; left as written")
    after = text[lead.end:]
    body = _chain(after) if lead.kind in ("participle", "adjective") else after
    prst_lead = _en_prst_lead(lead)
    note = ""
    flags: tuple[Flag, ...] = ()
    if lead.kind == "whereas":
        note = "'Whereas' rendered as 'considers that'"
        flags = (Flag(WHEREAS, "'Whereas' rendered as 'considers that': review"),)
    return Conversion(f"{EN_SUBJECT} {prst_lead}{body}.", text[: lead.end], prst_lead, _en_category(lead, after),
                      True, note, flags)


# What to review in a PRST paragraph, whatever way it came in --------------------------------------

CHAPTER_VII = "chapter-vii"
STATEMENT_VOICE = "statement-voice"
FIRST_PERSON = "first-person"
COUNCIL_ADDRESSEE = "council-addresses-itself"
NO_SUBJECT = "no-subject"
WHEREAS = "whereas"
COMMA_SPLICE = "comma-splice"
JOINED_VERBS = "joined-verbs"
# Flags read from the paragraph's text (recomputed by `prst check`); the others record how the
# conversion went and stay with the paragraph until its text is replaced.
TEXT_FLAGS = frozenset({CHAPTER_VII, FIRST_PERSON, COUNCIL_ADDRESSEE, NO_SUBJECT, COMMA_SPLICE})

_EN_CHAPTER_VII = re.compile(r"\bact(?:s|ing|ed)?\s+under\s+chapter\s+vii\b", re.IGNORECASE)
_EN_SPEAKER_WORDS = re.compile(
    r"\b(?:we|our|ours|us|ourselves|my delegation|my country|my government)\b|\bI\b(?!\s*(?:\)|,\s*II|\s+and\s+II))",
    re.IGNORECASE,
)
_EN_SELF_ADDRESSED = re.compile(
    r"\b(?:calls?\s+(?:up)?on|appeals?\s+to|urges|encourages|invites|asks|requests)\s+the\s+(?:security\s+)?council\b"
    r"|\bthe\s+(?:security\s+)?council\s+(?:should|must|needs?\s+to|ought\s+to|has\s+to)\b"
    r"|\bthe\s+(?:security\s+)?council['’]s\b",
    re.IGNORECASE,
)
_SELF_ADDRESSED = "the Council speaks of itself ('… the Council to …', 'the Council's …'): rephrase as what it does"
_ZH_SPEAKER_WORDS = re.compile(r"我们|我国|我方|中方|本代表团|我代表团|本国政府")
_ZH_SELF_ADDRESSED = re.compile(r"(?:呼吁|敦促|鼓励|请|要求|促请|吁请|希望)(?:安理会|安全理事会)|(?:安理会|安全理事会)(?:应当|应该|应|必须|需要)")


def review_flags(text: str, language: str) -> tuple[Flag, ...]:
    """What a drafter must look at in a PRST paragraph, read from its text alone."""
    flags: list[Flag] = []
    if language == "zh":
        body = strip_zh_subject(text)
        if body == text:
            flags.append(Flag(NO_SUBJECT, "不以安理会为主语：未说明安理会做什么"))
        if "第七章采取行动" in text:
            flags.append(Flag(CHAPTER_VII, "主席声明不根据《宪章》第七章通过：请审查此段"))
        if _ZH_SPEAKER_WORDS.search(body):
            flags.append(Flag(FIRST_PERSON, "仍有发言者的口吻（我们、中方……）"))
        if _ZH_SELF_ADDRESSED.search(body):
            flags.append(Flag(COUNCIL_ADDRESSEE, "安理会在对自己提要求：请改写"))
        return tuple(flags)
    m = _EN_COUNCIL_SUBJECT.match(text)
    body = text[m.end():] if m else text
    if m is None:
        flags.append(Flag(NO_SUBJECT, "does not open with 'The Security Council': say what the Council does"))
    if _EN_CHAPTER_VII.search(text):
        flags.append(Flag(CHAPTER_VII, "a presidential statement is not adopted under Chapter VII: review this paragraph"))
    if _EN_SPEAKER_WORDS.search(body):
        flags.append(Flag(FIRST_PERSON, "a delegation's voice (we, our, my delegation …) is left in the text"))
    if _EN_SELF_ADDRESSED.search(body):
        flags.append(Flag(COUNCIL_ADDRESSEE, _SELF_ADDRESSED))
    splice = _comma_splice(text)
    if splice is not None:
        flags.append(Flag(COMMA_SPLICE, f"two Council verbs joined by a comma only (', {splice.group('verb')} …'): "
                                        "join them with 'and' or split the paragraph"))
    return tuple(flags)


def _merge(*groups: tuple[Flag, ...]) -> tuple[Flag, ...]:
    """Flags of all `groups`, one per code (the first one's message)."""
    seen: dict[str, Flag] = {}
    for group in groups:
        for flag in group:
            seen.setdefault(flag.code, flag)
    return tuple(seen.values())


def refresh_flags(flags: tuple[Flag, ...], text: str, language: str) -> tuple[Flag, ...]:
    """Flags after a check: those from the conversion kept, those read from the text read again."""
    return _merge(tuple(f for f in flags if f.code not in TEXT_FLAGS), review_flags(text, language))


# Chinese -------------------------------------------------------------------------------------


def _zh_base(lead: str) -> str:
    for adverb in ZH_ADVERBS:
        if lead.startswith(adverb) and len(lead) > len(adverb):
            return _zh_base(lead[len(adverb):])
    return lead


def zh_lead(text: str) -> str | None:
    """The lead at the start of `text` (after any subject): the shared table first, then ours."""
    table = match_lead(text, "zh")
    best = table
    for adverb in ("", *ZH_ADVERBS):
        if adverb and not text.startswith(adverb):
            continue
        for base in ZH_CATEGORY:
            cand = adverb + base
            if text.startswith(cand) and (best is None or len(cand) > len(best)):
                best = cand
    return best


def zh_category(lead: str | None) -> int:
    if not lead:
        return UNKNOWN_CATEGORY
    base = _zh_base(lead)
    if base in ZH_CATEGORY:
        return ZH_CATEGORY[base]
    for known in sorted(ZH_CATEGORY, key=len, reverse=True):
        if base.startswith(known):
            return ZH_CATEGORY[known]
    return UNKNOWN_CATEGORY


def strip_zh_subject(text: str) -> str:
    for subject in (ZH_SUBJECT_FIRST, ZH_SUBJECT_NEXT):
        if text.startswith(subject) and not text.startswith(subject + "主席"):
            return text[len(subject):]
    return text


def zh_subject(text: str, first: bool) -> str:
    """Set the subject a Chinese PRST paragraph needs at its position (安全理事会 first, then 安理会)."""
    body = strip_zh_subject(text)
    if body == text and not zh_lead(text):
        return text  # typed text with no subject and no lead: leave it to the drafter
    return (ZH_SUBJECT_FIRST if first else ZH_SUBJECT_NEXT) + body


_ZH_SPEAKER = re.compile(r"^(?:我们|我国代表团|本代表团|我代表团|我国政府|本国政府|我国|中方|我方|我谨|我)")
_ZH_COURTESY = re.compile(r"^(?:也|还|谨|愿)*(?:感谢|祝贺|欢迎.{0,30}(?:出席|参加|主持|召开)(?:本次|今天的)?(?:会议|辩论))")
_ZH_NOT_A_POSITION = "礼节性表述或与其他发言保持一致：不是安理会的立场"
_ZH_SPEAKER_ADVERBS = re.compile(r"^(?:也|还|再次|坚决|强烈|始终|一贯|高度|坚定|积极|同样|一直|完全|愿|谨|希望借此机会|借此机会)+")
_ZH_ASKING = re.compile(r"^(?:呼吁|敦促|促请|鼓励|希望|请|要求|吁请|期待|期望)(?:安理会|安全理事会)")
# Leads a Council paragraph opens with when the Council acts on a delegation's request.
_ZH_DECLARATIVE = ("请", "谴责", "呼吁", "敦促", "促请", "鼓励", "欢迎", "强调", "重申", "回顾", "支持", "要求", "吁请",
                   "表示", "赞扬", "赞赏", "认识到", "确认", "注意到", "邀请", "决定", "继续")
_ZH_ENUMERATOR = re.compile(r"^(?:(?:第[一二三四五六七八九十]+|首先|其次|再次|最后|此外|另外|同时|还有)[，,、：:]?)+")
_ZH_MODAL = re.compile(r"应当|应该|应|必须|需要|要")
_ZH_FROM_STATEMENT = "来自国家发言：改为安理会的口吻 (from a statement: the Council speaks for itself)"


def _zh_speaker(text: str) -> int:
    """Length of the speaker at the start of a Chinese statement sentence ("中方", "我们",
    "法国", "欧洲联盟"), 0 when there is none."""
    m = _ZH_SPEAKER.match(text)
    if m:
        return m.end()
    for n in range(min(12, len(text) - 1), 1, -1):
        name = text[:n]
        found = _roster().find(name)
        if found is not None and (found.kind in _EN_STATE_KINDS or found.basis == "observer"):
            return n
        if _roster().find_group(name) is not None:
            return n
    return 0


def _from_statement_zh(text: str, first: bool) -> Conversion | None:
    n = _zh_speaker(text)
    if not n:
        return None
    rest = text[n:]
    if _ZH_COURTESY.match(rest) or rest.startswith(("赞同", "同意")) and "发言" in rest:
        return Conversion(text + "。" if not text.endswith("。") else text, text[:n], None, UNKNOWN_CATEGORY, True,
                          _ZH_FROM_STATEMENT, (Flag(STATEMENT_VOICE, _ZH_NOT_A_POSITION),))
    adverbs = _ZH_SPEAKER_ADVERBS.match(rest)
    kept = ""
    if adverbs:
        kept = "".join(a for a in ("也", "还", "再次", "强烈", "坚决") if rest.startswith(a))  # kept as Council style
        rest = rest[adverbs.end():]
    asked = _ZH_ASKING.match(rest)
    if asked:
        wanted = rest[asked.end():]
        if wanted.startswith(_ZH_DECLARATIVE):
            converted = to_prst_zh(wanted, first)
            return replace(converted, lead=text[: n + len(kept)] + asked.group(0), changed=True, note=_ZH_FROM_STATEMENT)
        flag = Flag(STATEMENT_VOICE, "代表团请安理会采取行动：改为安理会“表示打算”，请审查措辞")
        converted = to_prst_zh("表示打算" + wanted, first)
        return replace(converted, changed=True, note=_ZH_FROM_STATEMENT, flags=_merge((flag,), converted.flags))
    if rest.startswith("主张"):
        flag = Flag(STATEMENT_VOICE, "“主张”改为“强调”，请审查措辞")
        converted = to_prst_zh("强调" + rest[2:], first)
        return replace(converted, changed=True, note=_ZH_FROM_STATEMENT, flags=_merge((flag,), converted.flags))
    lead = zh_lead(kept + rest)
    if lead:
        after = (kept + rest)[len(lead):]
        own = re.match(r"(?:我们的|我们|我国的|我方的|本国的)", after)  # "重申我们的承诺" -> "重申其承诺"
        body = lead + ("其" + after[own.end():] if own else after)
        converted = to_prst_zh(body, first)
        return replace(converted, changed=True, note=_ZH_FROM_STATEMENT)
    if _ZH_MODAL.search(rest[:12]):
        flag = Flag(STATEMENT_VOICE, "“我们应……”代表所有人发言：改为“强调需要”，请说明由谁行动")
        body = re.sub(r"^(?:应当|应该|必须|需要|应|要)", "", rest)
        converted = to_prst_zh("强调需要" + body, first)
        return replace(converted, changed=True, note=_ZH_FROM_STATEMENT, flags=_merge((flag,), converted.flags))
    return None


def to_prst_zh(source: str, first: bool = False) -> Conversion:
    text = clean(source, "zh")
    if not text:
        return Conversion("", None, None, UNKNOWN_CATEGORY, False, "empty paragraph")
    spoken = _from_statement_zh(text, first)
    if spoken is not None:
        return spoken
    subject = ZH_SUBJECT_FIRST if first else ZH_SUBJECT_NEXT
    body = strip_zh_subject(text)
    already = body != text
    seized = re.match(r"(决定)?(将)?继续(积极)?处理此案", body)
    if seized:
        final = subject + f"将继续{seized.group(3) or ''}处理此案。"
        return Conversion(final, "决定", "将", 5, True)
    if already:
        asked = _ZH_ASKING.match(body)
        if asked:  # "安理会呼吁安理会请秘书长……": the Council does what it was asked to do
            return replace(to_prst_zh(body[asked.end():], first), changed=True)
    lead = zh_lead(body)
    if lead and body[len(lead):].startswith(ZH_SUBJECT_NEXT):
        body = lead + "其" + body[len(lead) + len(ZH_SUBJECT_NEXT):]  # "重申安理会决心" -> "安理会重申其决心"
    if lead is None and not already:
        body = _ZH_ENUMERATOR.sub("", text)
        if _ZH_MODAL.search(body) and not _ZH_SPEAKER.match(body):
            flag = Flag(STATEMENT_VOICE, "以“强调指出”表述代表团的观点，请审查措辞")
            converted = to_prst_zh("强调指出，" + body, first)
            return replace(converted, lead=None, changed=True, flags=_merge((flag,), converted.flags),
                           note="来自发言：以“强调指出”表述代表团的观点 (from a statement)")
        final = text + "。"
        return Conversion(final, None, None, UNKNOWN_CATEGORY, final != source.strip(),
                          "no lead verb recognised; left as written")
    note = "already in PRST form" if already else ""
    final = subject + body + "。"
    return Conversion(final, lead, lead, zh_category(lead), final != source.strip(), note)


def to_prst(source: str, language: str | None = None, first: bool = False) -> Conversion:
    """Convert one paragraph (resolution PP/OP, statement sentence, or PRST text) to PRST form in
    its language (detected if None), with what the drafter must review (`Conversion.flags`)."""
    language = language or ("zh" if is_chinese(source) else "en")
    c = to_prst_zh(source, first) if language == "zh" else to_prst_en(source)
    found = review_flags(c.text, language)
    if any(f.message.endswith(_NOT_A_POSITION_END) or f.message == _ZH_NOT_A_POSITION for f in c.flags):
        found = ()  # left as said, for the drafter to drop: its wording needs no further review
    return replace(c, flags=_merge(c.flags, found))


def draft_text(source: str, language: str, *, convert: bool = True, first: bool = False) -> Conversion:
    """The text a paragraph is stored with in a draft, and its flags: the one way text enters a
    PRST draft (typed, edited, from the library, from convergence, from the TUI editor). With
    `convert=False` the text is kept as typed (spacing aside) and only reviewed."""
    if convert:
        return to_prst(source, language, first)
    text = " ".join(source.split())
    return Conversion(text, None, None, category_of(text, language), text != source, "kept as typed",
                      review_flags(text, language))


def category_of(text: str, language: str | None = None) -> int:
    """The conventional-order category of a paragraph in either form."""
    return to_prst(text, language).category
