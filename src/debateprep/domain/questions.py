"""Guiding questions: split a bullet into its atomic questions, tell questions from topics,
and offer a question form for a topic (the original wording is always kept).

A concept note's bullet often bundles several questions: "…形成共识；进一步确保…；" or
"How can …? What benchmarks …?". Each piece is one question. A piece not phrased as a question
("保护平民政策、规划和准备相互脱节问题") is a *topic*; `question_form` offers a question built
from it, which the user may keep, edit or ignore.
"""

from __future__ import annotations

import re

from debateprep.domain.text import BULLET_CHARS, WORD_SUB_BULLET, collapse_spaces

# Split after "；" ";", and after "？" "?" and "。" when more text follows; never inside parentheses
# ("(at the national level; before international courts)" is one aside).
_SPLIT_AFTER = "；;？?。"
_OPENING, _CLOSING = "(（[", ")）]"
_TRAILING = "；;。.，, "
_LIST_MARKER = re.compile(
    r"^(?:——\s*|" + WORD_SUB_BULLET.pattern[1:] + r"|[" + re.escape(BULLET_CHARS) + r"]\s*|\(?[a-z]\)\s+|（[a-z]）\s*|\(?[ivx]{1,4}\)\s+|(?:[a-h]|[ivx]{1,4})\.\s+|\d{1,2}[.)．、]\s*|[一二三四五六七八九十]{1,3}、\s*|[(（][一二三四五六七八九十\d]{1,3}[)）]\s*)"
)

_ZH_INTERROGATIVE = re.compile(r"如何|怎样|怎么|哪些|哪个|哪种|什么|是否|为何|为什么|能否|可否|何种|多大程度|何以|何时|谁")
_EN_INTERROGATIVE = re.compile(
    r"^(?:how|what|which|who|whom|whose|why|when|where|whether|to what extent|in what ways?|"
    r"is|are|was|were|can|could|should|would|will|do|does|did|has|have|may|might|must|shall)\b",
    re.IGNORECASE,
)
_ZH_ACTORS = ("安全理事会", "安理会", "秘书处", "秘书长", "会员国", "特派团", "部队和警察派遣国", "部队警察派遣国", "联合国", "东道国")
# Verbs that open an imperative topic; 保护 and 执行 are left out: "保护平民…", "执行任务所需的…"
# usually start noun phrases in concept notes.
_ZH_VERBS = (
    "进一步", "确保", "加强", "推动", "促进", "支持", "提供", "改进", "改善", "提高", "增强", "建立", "制定", "落实",
    "保障", "预防", "防止", "减少", "应对", "解决", "利用", "鼓励", "维护", "完善", "深化", "扩大",
    "纳入", "协调", "动员", "监测", "评估", "实现", "消除", "打击", "强化", "避免",
)
_EN_VERBS = (
    "ensure", "strengthen", "promote", "improve", "support", "enhance", "build", "develop", "provide", "prevent",
    "protect", "increase", "reduce", "address", "integrate", "make", "share", "align", "plan", "sustain",
    "mobilize", "mobilise", "encourage", "foster", "secure", "establish", "deliver", "advance", "monitor",
)


def strip_marker(item: str) -> str:
    """A list item without its bullet or number ("- ", "• ", "(a) ", "1. ", "（一）")."""
    return _LIST_MARKER.sub("", item.strip(), count=1).strip()


def split_atomic(bullet: str, *, semicolons: bool = True) -> list[str]:
    """The atomic pieces of one bullet, each exactly as written (its separator kept);
    `semicolons=False`: a ";" splits nothing (the bullet's sub-items end with one)."""
    body = strip_marker(bullet)
    pieces: list[str] = []
    depth = start = 0
    end = len(body.rstrip())  # a "?" before this has more text after it
    balanced = sum(body.count(c) for c in _OPENING) == sum(body.count(c) for c in _CLOSING)
    for i, ch in enumerate(body):
        if ch in _OPENING and balanced:  # a parenthesis left open shelters nothing
            depth += 1
        elif ch in _CLOSING and balanced:
            depth = max(0, depth - 1)
        elif ch in _SPLIT_AFTER and depth == 0 and (semicolons or ch not in "；;"):
            if ch in "；;" or i + 1 < end:
                pieces.append(body[start:i + 1])
                start = i + 1
    pieces.append(body[start:])
    return [p.strip() for p in pieces if p.strip(_TRAILING + "\u3000")]


def clean_item(piece: str) -> str:
    """An atomic piece as a question text: separators dropped at the end, spaces tidied, a
    leading "and"/"or" left by the split removed; "?"/"？" kept."""
    text = collapse_spaces(piece).rstrip(_TRAILING)
    text = re.sub(r"^(?:and|or|but)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:以及|并且|另外)", "", text)
    if text and text[0].islower() and text.isascii():
        text = text[0].upper() + text[1:]
    return text


def is_question(text: str, language: str) -> bool:
    """Phrased as a question: ends with ?/？, or asks with an interrogative word."""
    stripped = text.strip()
    if stripped.endswith(("?", "？")):
        return True
    if language == "zh":
        return bool(_ZH_INTERROGATIVE.search(stripped))
    return bool(_EN_INTERROGATIVE.match(stripped))


def question_form(text: str, language: str) -> str:
    """The text as a question: a question gets its question mark, a topic an offered phrasing."""
    text = text.strip().rstrip(_TRAILING)
    if is_question(text, language):
        return text if text.endswith(("?", "？")) else text + ("？" if language == "zh" else "?")
    return _zh_form(text) if language == "zh" else _en_form(text)


def _zh_form(text: str) -> str:
    for actor in _ZH_ACTORS:  # a clause with its subject: ask how the subject should act
        if text.startswith(actor) and len(text) > len(actor) + 1:
            return f"{actor}应如何{text[len(actor):]}？"
    # Endings before verbs: "保护平民…问题" is a noun phrase even though 保护 can be a verb.
    if text.endswith("问题"):
        return f"如何解决{text}？"
    if text.endswith(("挑战", "风险", "威胁", "障碍", "困难", "差距")):
        return f"如何应对{text}？"
    if text.endswith(("做法", "经验", "教训", "办法", "措施", "工具", "手段", "机制", "作用", "进展")):
        return f"{text}有哪些？"
    if text.startswith(_ZH_VERBS):
        return f"如何{text}？"
    return f"关于{text}，应采取哪些措施？"


def _en_form(text: str) -> str:
    first, _, rest = text.partition(" ")
    lowered = text[0].lower() + text[1:] if text[:1].isupper() and not text[:2].isupper() else text
    if first.lower() in _EN_VERBS:
        return f"How can the Council and Member States {lowered}?"
    if re.search(r"\b(?:challenges|risks|threats|gaps|obstacles)$", text, re.IGNORECASE):
        return f"How can {lowered} be addressed?"
    if re.match(r"(?:best |good )?(?:practices|lessons|experiences|examples)\b", text, re.IGNORECASE):
        return f"What are the {lowered}?"
    return f"How can progress be made on {lowered}?"
