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

from debateprep.domain.leads import match_lead

EN_SUBJECT = "The Security Council"
ZH_SUBJECT_FIRST = "安全理事会"
ZH_SUBJECT_NEXT = "安理会"

# Conventional order: reaffirm/recall -> concern/condemn -> stress/recognize/underline ->
# welcome/encourage/call upon -> request/intend. Text with no known lead sits in the middle.
CATEGORY_NAMES: dict[int, str] = {
    1: "reaffirm/recall",
    2: "concern/condemn",
    3: "stress/recognize/underline",
    4: "welcome/encourage/call upon",
    5: "request/intend",
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
class Conversion:
    """The PRST form of one paragraph and what was recognised on the way."""

    text: str
    lead: str | None  # the lead as found in the source ("Recalling", "强调指出")
    prst_lead: str | None  # the lead as it reads in the PRST ("recalls", "强调指出")
    category: int
    changed: bool
    note: str = ""


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


# A sentence from a national statement ("We strongly condemn …") speaks for a delegation; the
# Council speaks for itself. The subject is replaced when a known verb follows it.
_EN_SPEAKER = re.compile(
    r"^(?:we|my delegation|my country|my government|our delegation|our country|i)\s+"
    r"(?P<adv>(?:(?:also|further|strongly|therefore|again|once again|firmly|fully|deeply|gravely|"
    r"resolutely|equally|likewise)\s+)*)(?P<verb>[a-z-]+)\b",
    re.IGNORECASE,
)


def _from_statement_en(text: str) -> tuple[str, str] | None:
    """(the sentence with the Council as subject, the speaker's lead) or None."""
    m = _EN_SPEAKER.match(text)
    if not m:
        return None
    verb = m.group("verb").lower()
    adverbs = m.group("adv").lower()
    rest = text[m.end():]
    if verb in ("are", "am"):
        head = [w.lower().strip(",") for w in rest.split()[:2]]
        if any(w in EN_ADJECTIVES for w in head):
            return f"{EN_SUBJECT} is {adverbs}{rest.strip()}", text[: m.end()]
        return None
    if verb in ("is",):
        return _from_statement_en("we are" + rest) if rest.strip() else None
    if verb in EN_VERBS:
        return f"{EN_SUBJECT} {adverbs}{third_person(verb)}{rest}", text[: m.end()]
    if verb.endswith("s") and base_of_third(verb) in EN_VERBS:  # "My delegation welcomes …"
        return f"{EN_SUBJECT} {adverbs}{verb}{rest}", text[: m.end()]
    return None


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
_PROPER_ENDINGS_AL = frozenset({"nepal", "senegal", "portugal"})


def _sentence_start(text: str) -> str:
    """Lower-case the first word for use after 'that', unless it looks like a proper noun."""
    words = text.split(maxsplit=2)
    if not words:
        return text
    first = words[0].lower()
    second_capital = len(words) > 1 and words[1][:1].isupper()
    common = first in _LOWER_STARTERS or (
        re.search(r"(al|ion|ity|ice|ment|ness|ing|ive|ers|ians|ism|ship)$", first) is not None
        and first not in _PROPER_ENDINGS_AL
    )
    if common and not second_capital and not words[0].isupper():
        return text[:1].lower() + text[1:]
    return text


def _modal_statement_en(text: str) -> str | None:
    """'Secondly, transitional justice must be inclusive.' -> 'The Security Council stresses that
    transitional justice must be inclusive.' (a delegation's view made the Council's)."""
    body = _EN_ENUMERATOR.sub("", text).strip()
    if not body or not _EN_MODAL.search(body) or re.match(r"(we|i|my|our)\b", body, re.IGNORECASE):
        return None
    return f"{EN_SUBJECT} stresses that {_sentence_start(body)}"


def to_prst_en(source: str) -> Conversion:
    text = clean(source, "en")
    if not text:
        return Conversion("", None, None, UNKNOWN_CATEGORY, False, "empty paragraph")
    spoken = _from_statement_en(text)
    if spoken is not None:
        converted = to_prst_en(spoken[0])
        return replace(converted, lead=spoken[1], changed=True,
                       note="from a national statement: the Council speaks for itself")
    already = re.match(r"the\s+(?:security\s+)?council\s+", text, re.IGNORECASE)
    if already:
        start = already.end()
        copula = re.match(r"(?:is|has)\s+", text[start:])
        start += copula.end() if copula else 0
        lead = _parse_en_lead(text[start:])
        after = text[start + lead.end:] if lead else ""
        category = _en_category(lead, after) if lead else UNKNOWN_CATEGORY
        final = text + "."
        return Conversion(final, None, None, category, final != source.strip(), "already in PRST form")
    seized = re.match(r"(?:decides\s+to\s+)?remains?\s+(actively\s+)?seized\s+of\s+the\s+matter", text, re.IGNORECASE)
    if seized:
        final = f"{EN_SUBJECT} will remain {seized.group(1) or ''}seized of the matter."
        return Conversion(final, text[: seized.end()], "will remain seized", 5, True)
    lead = _parse_en_lead(text)
    if lead is None:
        modal = _modal_statement_en(text)
        if modal is not None:
            return replace(to_prst_en(modal), lead=None, changed=True,
                           note="from a statement: a delegation's view, put as 'stresses that'; review the wording")
        final = text + "."
        return Conversion(final, None, None, UNKNOWN_CATEGORY, final != source.strip(),
                          "no lead verb recognised; left as written")
    after = text[lead.end:]
    body = _chain(after) if lead.kind in ("participle", "adjective") else after
    prst_lead = _en_prst_lead(lead)
    note = ""
    if lead.word.lower() == "acting" and "chapter vii" in (lead.middle + after).lower():
        note = "a presidential statement is not adopted under Chapter VII: review this paragraph"
    elif lead.kind == "whereas":
        note = "'Whereas' rendered as 'considers that': review"
    return Conversion(f"{EN_SUBJECT} {prst_lead}{body}.", text[: lead.end], prst_lead, _en_category(lead, after),
                      True, note)


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


_ZH_SPEAKER = re.compile(r"^(?:我们|我国代表团|本代表团|我国政府|我国|中方|我方)")
_ZH_ENUMERATOR = re.compile(r"^(?:(?:第[一二三四五六七八九十]+|首先|其次|再次|最后|此外|另外|同时|还有)[，,、：:]?)+")
_ZH_MODAL = re.compile(r"应当|应该|应|必须|需要|要")


def to_prst_zh(source: str, first: bool = False) -> Conversion:
    text = clean(source, "zh")
    if not text:
        return Conversion("", None, None, UNKNOWN_CATEGORY, False, "empty paragraph")
    speaker = _ZH_SPEAKER.match(text)
    if speaker and zh_lead(text[speaker.end():]):
        converted = to_prst_zh(text[speaker.end():], first)
        return replace(converted, changed=True, note="来自国家发言：改为安理会的口吻 (from a national statement)")
    subject = ZH_SUBJECT_FIRST if first else ZH_SUBJECT_NEXT
    body = strip_zh_subject(text)
    already = body != text
    if re.match(r"(决定)?(将)?继续(积极)?处理此案", body):
        final = subject + "将继续处理此案。"
        return Conversion(final, "决定", "将", 5, True)
    lead = zh_lead(body)
    if lead and body[len(lead):].startswith(ZH_SUBJECT_NEXT):
        body = lead + "其" + body[len(lead) + len(ZH_SUBJECT_NEXT):]  # "重申安理会决心" -> "安理会重申其决心"
    if lead is None and not already:
        body = _ZH_ENUMERATOR.sub("", text)
        if _ZH_MODAL.search(body) and not _ZH_SPEAKER.match(body):
            converted = to_prst_zh("强调指出，" + body, first)
            return replace(converted, lead=None, changed=True,
                           note="来自发言：以“强调指出”表述代表团的观点，请审查措辞 (from a statement; review)")
        final = text + "。"
        return Conversion(final, None, None, UNKNOWN_CATEGORY, final != source.strip(),
                          "no lead verb recognised; left as written")
    note = "already in PRST form" if already else ""
    if lead and "第七章采取行动" in lead:
        note = "主席声明不根据《宪章》第七章通过：请审查此段 (a PRST is not adopted under Chapter VII)"
    final = subject + body + "。"
    return Conversion(final, lead, lead, zh_category(lead), final != source.strip(), note)


def to_prst(source: str, language: str | None = None, first: bool = False) -> Conversion:
    """Convert one resolution-style paragraph to PRST form in its language (detected if None)."""
    language = language or ("zh" if is_chinese(source) else "en")
    return to_prst_zh(source, first) if language == "zh" else to_prst_en(source)


def category_of(text: str, language: str | None = None) -> int:
    """The conventional-order category of a paragraph in either form."""
    return to_prst(text, language).category
