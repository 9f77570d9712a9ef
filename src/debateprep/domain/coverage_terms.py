"""The vocabulary coverage and convergence match with: words, their variants, and what they weigh.

- `stem(word)`: a light English stemmer that meets the forms of one word family
  ("prevention", "preventive", "preventing" -> "prevent"; "peacefully", "peaceful" -> "peac")
  and keeps others apart ("accountability" is not "account", "tensions" not "ten").
- `CONCEPTS`: a small, generic English–Chinese thesaurus of UN vocabulary: bodies, instruments
  and legal terms with their acronyms, expansions, translations and strict synonyms ("PBC" for
  the Peacebuilding Commission and 建设和平委员会; "impunity" and "bring to justice" for
  accountability). It names no country, situation or topic of a debate: a topic's vocabulary
  comes from the question's own words, the corpus weights and the word neighbours below.
  English wordings are matched word by word on stems ("*" ends a prefix; an all-capital word is
  an acronym matched as written); Chinese wordings as substrings.
- Learned from the 2020 verbatim records (evaluated meetings left out) by
  benchmarks/coverage_tables.py, in `data/coverage/`, each read on first use:
  `term_weights.tsv` (how rarely a stem, a concept or a two-word phrase appears in a sentence,
  outside the meetings that use it most: "Council" weighs nothing, "veto" a lot), `verbs.tsv`
  (how much a word form is used as a verb) and `neighbours.tsv` (the stems of the most similar
  contexts, from word vectors).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

# (concept id, English wordings, Chinese wordings)
CONCEPTS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # --- organs, bodies and instruments
    ("council", ("security council", "council"), ("安全理事会", "安理会")),
    ("un", ("united nations", "UN", "organization"), ("联合国",)),
    ("member-states", ("member state", "member states"), ("会员国",)),
    ("charter", ("charter",), ("宪章",)),
    ("general-assembly", ("general assembly",), ("大会",)),
    ("ecosoc", ("economic and social council", "ECOSOC"), ("经济及社会理事会", "经社理事会")),
    ("sg", ("secretary-general", "secretary general"), ("秘书长",)),
    ("article-99", ("article 99",), ("第九十九条", "第99条")),
    ("pbc", ("peacebuilding commission", "peace-building commission", "PBC", "country configuration*"),
     ("建设和平委员会", "建和委", "国别组合")),
    ("pbf", ("peacebuilding fund", "PBF"), ("建设和平基金",)),
    ("peacebuilding", ("peacebuild*", "peace-build*", "sustaining peace", "peacebuilding architecture"),
     ("建设和平", "持续和平")),
    ("icj", ("international court of justice", "ICJ", "world court", "advisory opinion*"), ("国际法院", "咨询意见")),
    ("icc", ("international criminal court", "ICC", "rome statute"), ("国际刑事法院", "罗马规约")),
    ("tribunals", ("tribunal*", "investigative mechanism*", "IIIM", "residual mechanism", "special court*",
                   "hybrid court*"), ("法庭", "调查机制", "余留机制")),
    ("quartet", ("quartet",), ("四方",)),
    ("unrwa", ("UNRWA", "relief and works agency"), ("近东救济工程处", "工程处")),
    ("regional-orgs", (
        "regional organization*", "regional and subregional organization*", "subregional organization*",
        "regional and subregional", "subregional", "regional arrangement*", "regional bod*", "regional partner*",
        "regional mechanism*", "regional actor*", "regional organisation*", "chapter viii",
        "african union", "AU", "AMISOM", "AUPSC", "ASEAN", "association of southeast asian nations", "OSCE",
        "organization for security and co-operation in europe", "OAS", "organization of american states",
        "league of arab states", "arab league", "ECOWAS", "SADC", "southern african development community",
        "IGAD", "EAC", "east african community", "ECCAS", "gulf cooperation council", "GCC",
        "organization of islamic cooperation", "OIC", "african peace and security architecture"),
     ("区域组织", "次区域组织", "区域和次区域", "区域安排", "第八章", "非洲联盟", "非盟", "东盟", "东南亚国家联盟",
      "欧安组织", "美洲国家组织", "阿拉伯国家联盟", "阿盟", "西非经共体", "西非国家经济共同体", "南共体",
      "南部非洲发展共同体", "伊加特", "东非共同体", "中部非洲国家经济共同体", "海湾合作委员会",
      "伊斯兰合作组织")),
    ("chapter-vi", ("chapter vi",), ("第六章",)),
    ("chapter-vii", ("chapter vii",), ("第七章",)),
    ("country-team", ("country team*", "resident coordinator*", "UNCT"), ("国家工作队", "驻地协调员")),
    ("ifi", ("international financial institution*", "world bank", "IMF", "international monetary fund",
             "development bank*"), ("国际金融机构", "世界银行", "国际货币基金组织")),
    # --- the Charter's principles
    ("sovereignty", ("sovereign*",), ("主权",)),
    ("territorial", ("territorial integrity",), ("领土完整",)),
    ("non-interference", ("non-interference", "non-intervention", "internal affairs", "domestic affairs",
                          "interfere*", "interference"), ("不干涉", "内政", "干涉")),
    ("use-of-force", ("use of force", "threat of force", "threat or use of force", "use or threat of force",
                      "article 2 (4)", "aggression", "armed attack*", "invasion"),
     ("使用武力", "武力", "侵略")),
    ("self-defence", ("self-defen*", "article 51"), ("自卫", "第五十一条", "第51条")),
    ("unilateral-measures", ("unilateral coercive measure*", "unilateral sanction*", "coercive measure*",
                             "unilateral measure*"), ("单边强制措施", "单边制裁", "强制措施")),
    ("unilateral", ("unilateral*",), ("单边",)),
    ("multilateral", ("multilateral*",), ("多边",)),
    ("self-determination", ("self-determination",), ("自决",)),
    ("selectivity", ("selective*", "double standard*"), ("选择性", "双重标准")),
    # --- peaceful settlement and prevention
    ("peaceful-settlement", ("peaceful settlement*", "peaceful means", "peaceful resolution*", "settled peacefully",
                             "settle peacefully", "resolved peacefully", "resolve peacefully", "peaceful solution*",
                             "pacific settlement", "settlement of disputes", "political solution*",
                             "political settlement*", "negotiated settlement*", "article 33"),
     ("和平解决", "和平方式", "政治解决", "第三十三条")),
    ("dispute", ("dispute*",), ("争端",)),
    ("prevention", ("conflict prevention", "prevention", "preventive", "prevent conflict*", "preventing conflict*",
                    "prevent war*", "prevent the outbreak", "preventing the outbreak"),
     ("预防冲突", "预防", "防止冲突")),
    ("mediation", ("mediat*", "good offices"), ("调解", "斡旋")),
    ("dialogue", ("dialogue*", "negotiat*", "talks"), ("对话", "谈判", "协商")),
    ("early-warning", ("early warning", "early-warning", "early action"), ("预警", "早期行动")),
    ("de-escalation", ("de-escalat*", "escalat*"), ("降级", "升级")),
    # --- the Council itself
    ("veto", ("veto*",), ("否决",)),
    ("council-reform", ("council reform", "reform of the security council", "reform of the council",
                       "reforming the council", "reforming the security council", "expansion of the council",
                       "enlargement", "permanent member*", "permanent seat*", "permanent category",
                       "non-permanent", "permanent and non-permanent", "intergovernmental negotiations", "IGN",
                       "ezulwini", "equitable geographical representation", "equitable geographic representation",
                       "equitable representation"),
     ("安理会改革", "安全理事会改革", "常任理事国", "非常任理事国", "政府间谈判", "扩大安理会", "公平地域代表性")),
    ("reform", ("reform*",), ("改革",)),
    ("working-methods", ("working method*", "penholder*"), ("工作方法", "执笔")),
    ("implementation", ("implement*", "complian*", "comply", "complied", "complies", "enforce*"),
     ("执行", "落实", "履行", "遵守")),
    ("resolutions", ("resolution*",), ("决议",)),
    # --- law and accountability
    ("intl-law", ("international law",), ("国际法",)),
    ("ihl", ("international humanitarian law", "IHL", "geneva convention*", "laws of war"),
     ("国际人道主义法", "国际人道法", "日内瓦公约")),
    ("human-rights", ("human rights",), ("人权",)),
    ("rule-of-law", ("rule of law",), ("法治",)),
    ("accountability", ("accountabilit*", "held accountable", "hold accountable", "holding accountable", "impunity",
                        "amnest*", "bring to justice", "brought to justice", "bringing to justice", "prosecut*",
                        "held responsible", "hold responsible", "justice for victims"),
     ("问责", "有罪不罚", "追究", "绳之以法", "惩处", "起诉", "大赦", "赦免", "罪责")),
    ("transitional-justice", ("transitional justice", "truth commission*", "truth and reconciliation",
                              "reparation*"), ("过渡期正义", "过渡司法", "真相委员会", "赔偿")),
    ("sea", ("sexual exploitation and abuse", "sexual exploitation", "SEA", "zero tolerance"),
     ("性剥削", "性虐待", "零容忍")),
    ("sexual-violence", ("sexual violence", "sexual and gender-based violence", "SGBV", "rape"), ("性暴力",)),
    ("genocide", ("genocide", "war crime*", "crimes against humanity", "atrocit*", "mass atrocit*"),
     ("灭绝种族", "种族灭绝", "战争罪", "危害人类罪", "暴行")),
    # --- peace operations
    ("peacekeeping", ("peacekeep*", "peace operation*", "blue helmet*", "MINUSMA", "MONUSCO", "UNMISS", "MINUSCA",
                      "UNIFIL", "UNAMID", "UNDOF", "UNFICYP", "MINUJUSTH", "MINUSTAH", "UNMIL"),
     ("维和", "维持和平", "蓝盔", "联利特派团", "联刚稳定团", "联马团", "联中稳定团", "联黎部队")),
    ("mission", ("mission*",), ("特派团",)),
    ("mandate", ("mandate*",), ("任务授权", "授权")),
    ("poc", ("protection of civilians", "protect civilians", "protecting civilians", "civilian protection", "POC"),
     ("保护平民",)),
    ("civilians", ("civilian*",), ("平民",)),
    ("transition", ("transition*", "drawdown*", "draw-down*", "drawing down", "draw down", "withdrawal*",
                    "exit strateg*", "handover", "hand over", "reconfiguration", "closure of the mission"),
     ("过渡", "缩编", "撤出", "移交", "撤离", "交接", "撤军")),
    ("host-state", ("host state*", "host government*", "host countr*", "national authorities", "host nation*"),
     ("东道国", "国家当局")),
    ("security-sector", ("security sector", "SSR"), ("安全部门",)),
    ("tcc", ("troop- and police-contributing", "troop-contributing", "police-contributing",
             "contributing countr*", "TCCs", "TCC"), ("部队和警察派遣国", "部队派遣国", "警察派遣国", "派遣国")),
    ("training", ("training", "trained"), ("培训",)),
    ("funding", ("funding", "financ*", "budget*", "assessed contribution*", "fund", "funds", "funded"),
     ("资金", "筹资", "经费", "预算", "分摊会费", "供资")),
    ("women", ("women", "woman", "gender", "female", "1325", "women and peace and security", "WPS"),
     ("妇女", "性别", "女性", "第1325")),
    ("youth", ("youth", "young people", "2250"), ("青年", "第2250")),
    ("children", ("children", "child"), ("儿童",)),
    # --- themes
    ("terrorism", ("terroris*", "terror"), ("恐怖",)),
    ("sanctions", ("sanction*",), ("制裁",)),
    ("disarmament", ("disarmament", "non-proliferation", "nuclear", "weapons of mass destruction"),
     ("裁军", "不扩散", "核武器", "核裁军", "大规模毁灭性武器")),
    ("small-arms", ("small arms", "light weapons", "arms trade"), ("小武器", "轻武器", "轻小武器", "武器贸易")),
    ("climate", ("climate",), ("气候",)),
    ("development", ("development", "sustainable development", "2030 agenda"), ("发展",)),
    ("humanitarian", ("humanitarian",), ("人道主义", "人道")),
    ("humanitarian-access", ("humanitarian access", "unhindered access"), ("人道主义准入",)),
    ("refugees", ("refugee*", "right of return", "displaced", "displacement"), ("难民", "流离失所")),
    ("elections", ("election*", "electoral"), ("选举",)),
    ("pandemic", ("pandemic", "covid*"), ("疫情", "大流行")),
)

# Wordings of the debate's frame, not of any subject: they neither make nor weigh a match.
STOP_WORDS = frozenset("""
a about above after again against all also although am among an and any are as at be because been before
being between both but by can could did do does doing during each either else etc even ever every few for
from further had has have having he her here hers herself him himself his how however i if in into is it
its itself just least less like made make makes making many may me might more most much must my myself
no nor not now of off often on once only or other others otherwise our ours ourselves out over own per
rather same shall she should so some such than that the their theirs them themselves then there these
they this those through thus to too under until up upon us very via was we well were what when where
whether which while who whom whose why will with within without would yet you your yours
""".split())
# Question frames: "How can ... make fuller use of ... be strengthened ...?"
FRAME_WORDS = frozenset("""
better best fuller full fully greater great more further improve improved improving improvement enhance
enhanced enhancing strengthen strengthened strengthening ensure ensured ensuring advance advanced advancing
promote promoted promoting support supported supporting address addressed addressing contribute contributes
contribution way ways means use used using make made role roles play played including include includes
included particular particularly especially notably respect respected regard regarding also what how which
should can could would wider broader whole new today todays current recent weeks along context light
well need needs needed best possible key main among other others kind kinds various number long-overdue
help helps take taken taking upheld uphold done do bearing
""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:\s?\(\d+\))?")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_SUFFIXES = (
    "izations", "ization", "ational", "ations", "ation", "ators", "ator", "ements", "ement", "ments", "ment",
    "nesses", "ness", "abilities", "ability", "ibilities", "ibility", "ities", "ity", "ively", "ive", "fully",
    "ful", "ously", "ous", "ings", "ing", "ions", "ion", "ances", "ance", "ences", "ence", "ably", "able", "ibly",
    "ible", "ists", "ist", "isms", "ism", "ally", "ated", "ates", "ating", "ate", "ers", "er", "ors", "or", "ied",
    "ies", "ed", "al", "ly", "es", "s",
)
# "-able" words keep a mark of it: "accountable", "accountability" -> "accountabl", never "account".
_ABLE = {"abilities": "abl", "ability": "abl", "ibilities": "ibl", "ibility": "ibl", "ably": "abl", "able": "abl",
         "ibly": "ibl", "ible": "ibl"}
_IRREGULAR = {"crises": "crisis", "analyses": "analysis", "bases": "basis", "theses": "thesis", "women": "woman",
              "children": "child", "men": "man", "people": "people"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The family of an English word: suffixes stripped twice at most (the second time only when
    four letters remain: "tensions" -> "tens", not "ten"), a final "e" dropped, a doubled final
    consonant undone ("committed" -> "commit")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _IRREGULAR.get(w, w)
    w = w.replace("isation", "ization").replace("ised", "ized").replace("ising", "izing")
    for rounds in range(2):
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= (3 if suffix in ("s", "es", "ed") and not rounds else 4):
                if suffix.endswith("s") and w.endswith("ss"):
                    continue
                w = w[: -len(suffix)]
                if suffix in ("ied", "ies"):
                    w += "y"
                if suffix in _ABLE:
                    return w + _ABLE[suffix]
                break
        else:
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


class Token(NamedTuple):
    surface: str  # as written
    key: str  # stem, or the acronym as written (all capitals), or a number
    start: int
    end: int
    stem: str  # always the lowercase stem ("VI" -> "vi")


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 7 and word.isupper() and word.isalpha()


@lru_cache(maxsize=131072)
def _analyse(word: str) -> tuple[str, str, str]:
    """(surface, key, stem) of one written word."""
    if word[-2:] in ("'s", "’s"):  # the PBC's role -> PBC
        word = word[:-2]
    stemmed = word if word[0].isdigit() else stem(word)
    return word, (word if _is_acronym(word) else stemmed), stemmed


def tokens(text: str, offset: int = 0) -> list[Token]:
    """English words of a text with their stems (acronyms kept as written)."""
    out = []
    make = tuple.__new__  # Token(...) without NamedTuple's keyword handling: a third faster here
    for m in _WORD.finditer(text):
        word, key, stemmed = _analyse(m.group(0))
        start = offset + m.start()
        out.append(make(Token, (word, key, start, start + len(word), stemmed)))
    return out


# --- compiled wordings ----------------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    """One English wording: per word, ("=", stem), ("^", lowercase prefix) or ("A", acronym)."""

    concept: str
    text: str
    parts: tuple[tuple[str, str], ...]


def _compile_wording(concept: str, text: str) -> Wording:
    parts = []
    for word in text.split():
        if word.endswith("*"):
            parts.append(("^", word[:-1].lower()))
        elif _is_acronym(word) or word.isdigit():
            parts.append(("A", word))
        else:
            parts.append(("=", stem(word)))
    return Wording(concept, text, tuple(parts))


def _part_matches(part: tuple[str, str], token: Token) -> bool:
    kind, value = part
    if kind == "=":
        return token.stem == value
    if kind == "^":
        return token.surface.lower().startswith(value)
    return token.surface == value


class Matcher:
    """Finds the wordings of a set of concepts in text (English on tokens, Chinese as substrings)."""

    def __init__(self, concepts: Iterable[str]) -> None:
        table = concept_table()
        self.by_key: dict[str, list[Wording]] = {}
        self.by_prefix: dict[str, list[Wording]] = {}
        self.chinese: list[tuple[str, str]] = []
        for concept in sorted(set(concepts)):  # a fixed order: ties never depend on hashing
            en, zh = table[concept]
            for wording in en:
                kind, value = wording.parts[0]
                index = self.by_prefix if kind == "^" else self.by_key
                index.setdefault(value, []).append(wording)
            self.chinese += [(concept, term) for term in zh]
        self.chinese.sort(key=lambda x: (-len(x[1]), x[1], x[0]))
        self.prefix_lengths = sorted({len(p) for p in self.by_prefix}, reverse=True)
        self._candidates: dict[tuple[str, str, str], tuple[Wording, ...]] = {}

    def candidates(self, token: Token) -> tuple[Wording, ...]:
        """The wordings that may start at this token (cached per written word)."""
        ident = (token.surface, token.key, token.stem)
        found = self._candidates.get(ident)
        if found is None:
            out = list(self.by_key.get(token.stem, ()))
            if token.key != token.stem:
                out += self.by_key.get(token.key, ())
            lowered = token.surface.lower()
            for n in self.prefix_lengths:
                out += self.by_prefix.get(lowered[:n], ())
            found = self._candidates[ident] = tuple(out)
        return found

    def english(self, toks: list[Token]) -> Iterator[tuple[str, int, int, str]]:
        """(concept, first token, last token + 1, wording) for the longest wording at each place."""
        i = 0
        while i < len(toks):
            candidates = self.candidates(toks[i])
            if not candidates:
                i += 1
                continue
            best: tuple[int, Wording] | None = None
            for wording in candidates:
                size = len(wording.parts)
                if i + size <= len(toks) and all(_part_matches(p, toks[i + k]) for k, p in enumerate(wording.parts)):
                    if best is None or size > best[0]:
                        best = (size, wording)
            if best is None:
                i += 1
                continue
            yield best[1].concept, i, i + best[0], best[1].text
            i += best[0]

    def chinese_in(self, text: str) -> Iterator[tuple[str, int, int, str]]:
        """(concept, start, end, term): longest terms first, never overlapping."""
        if not _CJK.search(text):
            return
        taken: list[tuple[int, int]] = []
        for concept, term in self.chinese:
            start = text.find(term)
            while start >= 0:
                end = start + len(term)
                if not any(a < end and start < b for a, b in taken):
                    taken.append((start, end))
                    yield concept, start, end, term
                start = text.find(term, end)


@lru_cache(maxsize=1)
def concept_table() -> dict[str, tuple[tuple[Wording, ...], tuple[str, ...]]]:
    return {cid: (tuple(_compile_wording(cid, w) for w in en), zh) for cid, en, zh in CONCEPTS}


@lru_cache(maxsize=1)
def full_matcher() -> Matcher:
    return Matcher(c for c, _en, _zh in CONCEPTS)


def concepts_in(text: str) -> list[str]:
    """Concept ids found in `text`, once per occurrence."""
    matcher = full_matcher()
    found = [c for c, *_ in matcher.english(tokens(text))]
    found += [c for c, *_ in matcher.chinese_in(text)]
    return found


@lru_cache(maxsize=1)
def _canonical() -> dict[str, str]:
    return {concept: en[0].rstrip("*") for concept, en, _zh in CONCEPTS}


def concept_label(concept: str) -> str:
    """How a concept is named in an explanation ("peacebuilding commission")."""
    return _canonical().get(concept, concept)


# --- weights --------------------------------------------------------------------------------

# Sentence frequency -> weight: a feature in 8 % or more of a debate's sentences weighs 0; one in
# 0.4 % or fewer weighs 1; in between, by the logarithm (inverse document frequency). The
# frequency is taken outside the tenth of meetings that use the feature most, so a topic's own
# meetings do not make it common ("Syria" in the Syria meetings, "climate" in the climate one).
COMMON = 0.08
RARE = 0.004
UNSEEN = 0.0005  # a word absent from the table is taken to be rare
WORD_SCALE = 0.8  # a word or phrase, against a concept of the thesaurus


def _read(name: str) -> str:
    return resources.files("debateprep").joinpath("data", "coverage", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in _read("term_weights.tsv").splitlines():
        if line and not line.startswith("#"):
            key, _sentences, _meetings, outside = line.split("\t")
            out[key] = float(outside)
    return out


def is_phrase(key: str) -> bool:
    """Whether two stems ("chapt viii") make a phrase of Council debates (listed in the table)."""
    return " " in key and key in _frequencies()


def frequency(feature: str) -> float:
    """The share of debate sentences with this feature ("@concept", an English stem, "stem stem"),
    outside the meetings that use it most."""
    return _frequencies().get(feature, UNSEEN)


def weight(feature: str) -> float:
    """0 for the debate's common vocabulary, 1 for a rare and telling word."""
    f = frequency(feature)
    if f >= COMMON:
        return 0.0
    if f <= RARE:
        return 1.0
    return math.log(COMMON / f) / math.log(COMMON / RARE)


def word_weight(key: str) -> float:
    """A word outside the thesaurus: its weight, scaled against the thesaurus's concepts."""
    return WORD_SCALE * weight(key)


@lru_cache(maxsize=1)
def _verbs() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in _read("verbs.tsv").splitlines():
        if line and not line.startswith("#"):
            form, share = line.split("\t")
            out[form] = float(share)
    return out


def verb_share(form: str) -> float:
    """How much a word form is used as a verb in Council debates ("avoid" 0.71, "sovereignty" 0)."""
    return _verbs().get(form.lower().replace("’", "'"), 0.0)


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, tuple[tuple[str, float], ...]]:
    out: dict[str, tuple[tuple[str, float], ...]] = {}
    for line in _read("neighbours.tsv").splitlines():
        if line and not line.startswith("#"):
            word, *rest = line.split("\t")
            out[word] = tuple((other, float(sim)) for other, sim in (r.rsplit(" ", 1) for r in rest))
    return out


def neighbours(stem_key: str) -> tuple[tuple[str, float], ...]:
    """Stems used in the most similar contexts in Council debates, with their cosine (best first)."""
    return _neighbours().get(stem_key, ())
