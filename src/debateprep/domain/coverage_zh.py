"""The key terms of a Chinese question, without a hand list: its words as a general Chinese
dictionary segments them, each weighed by how specific it is in general Chinese, with the
shorter words inside a long one as partial matches ("安全部门" also meets "安全").

The dictionary (`data/coverage/zh_lexicon.txt.gz`: ~97,000 words with their frequency, part of
speech and IDF) is derived from jieba's (MIT) by benchmarks/coverage_tables.py; it is read lazily,
on the first Chinese question, in about 0.2 s. Segmentation is jieba's maximum-probability route
over the dictionary's words; a run of characters the dictionary does not know is kept as one word.

Question frames and function words (如何, 应当, 发挥作用 …) are dropped: they say what is asked,
not about what; verbs and adverbs weigh less than nouns (提早, 杜绝, 介入 say what to do).
"""

from __future__ import annotations

import gzip
import math
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

# Question frames and generic verbs of a question: what is asked, not about what.
FRAME = frozenset("""
如何 怎样 怎么 哪些 什么 为何 为什么 是否 应当 应该 应 可以 能够 能 要 需要 以便 从而 并且 以及 及其 其中
特别 特别是 尤其 尤其是 包括 进一步 切实 更好 更好地 确保 保证 加强 推进 推动 促进 发挥 作用 方面 问题
期间 之后 之前 有关 相关 各方 进行 提供 给予 支持 通过 实现 继续 做些 哪里 当前 目前 今天 如今 什么样 方式
办法 途径 手段 措施 采取 作出 做出 开展 提升 提高 增加 增强 改善 帮助 协助 考虑 处理 应对 解决 避免 防止
这些 那些 它们 他们 我们 自己 本国 各国 一个 一些 所有 一切 任何 所需 能否 可否 出现 受到 成为 存在
""".split())
# Characters that never start or end a content word of a question (function characters).
_FUNCTION = frozenset("的和与及或在并对将等中为是有让使由向从被要也都又就而了着过后之其该这那以应能可把给于")
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

# IDF -> specificity: 4.5 or less is everyday vocabulary (国家, 资金, 作用), 7.5 or more a
# specific term (平民 7.5, 干旱 7.4); a word without an IDF is taken as fairly specific.
GENERIC_IDF = 4.5
SPECIFIC_IDF = 7.5
UNKNOWN_IDF = 8.0
SUBWORD_FACTOR = 0.6  # a shorter word inside a long one: this share of its weight
# Parts of speech that say what to do or how, not about what: verbs, adverbs, pronouns, numerals…
VERBAL = frozenset("v vd vg d ad c r p u m q f t z zg b".split())
VERB_DISCOUNT = 0.5


# Without a dictionary: frames and function words that separate the content words of a run; the
# words in _WHOLE contain one of those characters and are never split (convergence's character
# pairs are taken inside these pieces).
_SPLIT = re.compile(
    "如何|怎样|哪些|什么|是否|应当|应该|可以|能够|以便|从而|并且|以及|及其|特别是|尤其是|包括|进一步|切实|"
    "更好地|确保|加强|推进|推动|促进|发挥|作用|方面|问题|期间|之后|之前|其中|[的和与及或在并对将等中为是有让使由向从被要也都又就而了着过后]"
)
_WHOLE = re.compile(
    "参与|和平|和解|及时|涉及|存在|现在|在于|对话|反对|针对|应对|相对|合并|中央|中心|集中|为止|是非|有效|有关|"
    "所有|拥有|具有|享有|没有|特有|使用|行使|大使|由于|理由|自由|方向|导向|从事|服从|被迫|要求|主要|重要|需要|"
    "必要|首要|也门|而是|了解|过渡|通过|经过|后勤|落后|最后|其后|之后|平等|等待|国家|东道国"
)


def split_at_function_words(run: str) -> list[str]:
    """The pieces of a run of Chinese characters between function words and frames (2+ characters)."""
    kept: list[str] = []

    def hide(m: re.Match[str]) -> str:
        kept.append(m.group(0))
        return f"\x00{len(kept) - 1}\x01"

    hidden = _WHOLE.sub(hide, run)
    words = []
    for piece in _SPLIT.split(hidden):
        word = re.sub("\x00(\\d+)\x01", lambda m: kept[int(m.group(1))], piece)
        if len(word) >= 2:
            words.append(word)
    return words


class Lexicon(NamedTuple):
    words: dict[str, tuple[str, str, str]]  # word -> (frequency, IDF or "-", part of speech), parsed on use
    log_total: float
    longest: int


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = resources.files("debateprep").joinpath("data", "coverage", "zh_lexicon.txt.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        header, words, frequencies, idfs, tags = text.read().split("\n")[:5]
    found = re.search(r"total frequency (\d+)", header)
    total = int(found.group(1)) if found else 1
    listed = words.split(" ")
    return Lexicon(dict(zip(listed, zip(frequencies.split(" "), idfs.split(" "), tags.split(" ")))),
                   math.log(total), max(map(len, listed), default=1))


def segment_words(run: str) -> list[str]:
    """A run of Chinese characters cut into words: the most probable route through the
    dictionary's words (jieba's method, without its model of unknown words); consecutive
    characters left single and not function characters are kept together as one word."""
    lex = lexicon()
    n = len(run)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for start in range(n - 1, -1, -1):
        options = []
        for end in range(start + 1, min(n, start + lex.longest) + 1):
            entry = lex.words.get(run[start:end])
            if entry is not None or end == start + 1:
                logp = math.log(int(entry[0]) if entry else 1) - lex.log_total
                options.append((logp + best[end][0], end))
        best[start] = max(options)
    words: list[str] = []
    pending = ""
    at = 0
    while at < n:
        end = best[at][1]
        piece = run[at:end]
        if len(piece) == 1 and piece not in _FUNCTION:
            pending += piece
        else:
            if pending:
                words.append(pending)
                pending = ""
            words.append(piece)
        at = end
    if pending:
        words.append(pending)
    return words


def specificity(word: str) -> float:
    """0 for everyday words, 1 for specific terms (the dictionary's IDF); verbs and adverbs less."""
    entry = lexicon().words.get(word)
    idf = float(entry[1]) if entry is not None and entry[1] != "-" else UNKNOWN_IDF
    value = min(1.0, max(0.0, (idf - GENERIC_IDF) / (SPECIFIC_IDF - GENERIC_IDF)))
    if entry is not None and entry[2] in VERBAL:
        value *= 1.0 - VERB_DISCOUNT
    return value


def key_terms(run: str) -> list[tuple[str, float, tuple[tuple[str, float], ...]]]:
    """(word, specificity, ((shorter word inside it, its share), ...)) for a run of Chinese."""
    out = []
    for word in segment_words(run):
        if len(word) < 2 or word in FRAME or not _CHINESE.fullmatch(word):
            continue
        w = specificity(word)
        parts: list[tuple[str, float]] = []
        if len(word) >= 3 and w > 0:
            for size in range(len(word) - 1, 1, -1):
                for start in range(len(word) - size + 1):
                    part = word[start : start + size]
                    if part in lexicon().words and part not in FRAME and part not in {p for p, _s in parts}:
                        share = SUBWORD_FACTOR * min(1.0, specificity(part) / w)
                        if share >= 0.05:
                            parts.append((part, round(share, 4)))
        out.append((word, w, tuple(parts)))
    return out
