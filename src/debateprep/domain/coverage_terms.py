"""A compact English–Chinese bridge of Security Council vocabulary for cross-language matching.

Each concept lists English word stems (whole words, or prefixes when they end in "*"; case-insensitive) and Chinese
terms (matched as substrings). Built from the glossary in DOMAIN.md, the seed concept note's
guiding questions (S/2014/74) and the recurring themes of thematic open debates. It lets an
English passage and a Chinese question (or the reverse) share features; it cannot translate
anything it does not list, so cross-language matches are only as good as this list.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (concept id, English stems, Chinese terms)
CONCEPTS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("charter", ("charter",), ("宪章",)),
    ("un", ("united nations",), ("联合国",)),
    ("council", ("security council", "council"), ("安全理事会", "安理会")),
    ("general-assembly", ("general assembly",), ("大会",)),
    ("sg", ("secretary-general", "secretary general"), ("秘书长",)),
    ("secretariat", ("secretariat",), ("秘书处",)),
    ("member-states", ("member state",), ("会员国",)),
    ("icj", ("international court of justice", "world court"), ("国际法院",)),
    ("intl-law", ("international law",), ("国际法",)),
    ("ihl", ("international humanitarian law",), ("国际人道主义法", "国际人道法")),
    ("human-rights", ("human rights",), ("人权",)),
    ("rule-of-law", ("rule of law",), ("法治",)),
    ("multilateral", ("multilateral*",), ("多边",)),
    ("unilateral", ("unilateral*",), ("单边",)),
    ("sovereignty", ("sovereign*",), ("主权",)),
    ("territorial", ("territorial integrity",), ("领土完整",)),
    ("non-interference", ("non-interference", "internal affairs", "domestic affairs", "non-intervention"),
     ("不干涉", "内政")),
    ("peaceful-settlement", ("peaceful settlement", "peaceful resolution", "peaceful means", "settlement of disputes"),
     ("和平解决", "和平方式")),
    ("dispute", ("dispute",), ("争端",)),
    ("use-of-force", ("use of force", "threat of force", "threat or use of force"), ("使用武力", "武力")),
    ("self-defence", ("self-defen*",), ("自卫",)),
    ("chapter-vi", ("chapter vi",), ("第六章",)),
    ("chapter-vii", ("chapter vii",), ("第七章",)),
    ("chapter-viii", ("chapter viii",), ("第八章",)),
    ("regional", ("regional organization", "regional arrangement", "subregional",
                  "african union", "regional"), ("区域", "地区组织", "非洲联盟", "非盟")),
    ("prevention", ("prevent*",), ("预防", "防止")),
    ("mediation", ("mediat*", "good offices"), ("调解", "斡旋")),
    ("dialogue", ("dialogue", "negotiat*", "consultation"), ("对话", "谈判", "协商")),
    ("cooperation", ("cooperat*", "partnership"), ("合作", "伙伴")),
    ("conflict", ("conflict",), ("冲突",)),
    ("armed-conflict", ("armed conflict",), ("武装冲突",)),
    ("war", ("war",), ("战争",)),
    ("peace-security", ("international peace and security", "peace and security"), ("国际和平与安全", "和平与安全")),
    ("peace", ("peace",), ("和平",)),
    ("security", ("security",), ("安全",)),
    ("reform", ("reform*",), ("改革",)),
    ("veto", ("veto*",), ("否决权", "否决")),
    ("working-methods", ("working method",), ("工作方法",)),
    ("transparency", ("transparen*",), ("透明",)),
    ("accountability", ("accountab*", "impunity"), ("问责", "有罪不罚", "追究")),
    ("sanctions", ("sanction",), ("制裁",)),
    ("terrorism", ("terroris*",), ("恐怖主义", "恐怖")),
    ("disarmament", ("disarmament", "non-proliferation", "nuclear"), ("裁军", "不扩散", "核武器", "核裁军")),
    ("small-arms", ("small arms", "light weapons", "arms trade"), ("小武器", "轻武器", "轻小武器", "武器贸易")),
    ("development", ("development", "sustainable", "2030 agenda"), ("发展", "可持续")),
    ("climate", ("climate",), ("气候",)),
    ("humanitarian", ("humanitarian",), ("人道主义", "人道")),
    ("civilians", ("civilian",), ("平民",)),
    ("poc", ("protection of civilians", "protect civilians"), ("保护平民",)),
    ("protection", ("protect*",), ("保护",)),
    ("peacekeeping", ("peacekeep*", "peace operation", "peace mission", "blue helmet"), ("维和", "维持和平")),
    ("peacebuilding", ("peacebuilding", "sustaining peace", "post-conflict"), ("建设和平", "持续和平", "冲突后")),
    ("mission", ("mission",), ("特派团",)),
    ("mandate", ("mandate*",), ("授权", "任务")),
    ("tcc", ("troop- and police-contributing", "troop-contributing", "police-contributing", "contributing countr*"),
     ("部队和警察派遣国", "部队派遣国", "警察派遣国", "派遣国")),
    ("host-state", ("host state", "host government", "host countr*"), ("东道国",)),
    ("training", ("training", "train"), ("培训",)),
    ("early-warning", ("early warning",), ("预警",)),
    ("rapid-response", ("rapid response", "rapid reaction", "quick response"), ("快速反应",)),
    ("coordination", ("coordinat*",), ("协调",)),
    ("planning", ("planning", "plan"), ("规划", "计划")),
    ("resources", ("resource", "funding", "financ*", "budget"), ("资源", "经费", "资金", "预算")),
    ("capacity", ("capacit*", "capabilit*"), ("能力",)),
    ("best-practice", ("best practice", "lessons learned", "good practice"), ("最佳做法", "经验教训")),
    ("leadership", ("leadership", "leader"), ("领导",)),
    ("women", ("women", "gender"), ("妇女", "性别")),
    ("sexual-violence", ("sexual violence", "sexual and gender-based"), ("性暴力",)),
    ("children", ("children", "child"), ("儿童",)),
    ("justice", ("justice",), ("正义", "司法")),
    ("transitional-justice", ("transitional justice",), ("过渡司法",)),
    ("reconciliation", ("reconcil*",), ("和解",)),
    ("equality", ("sovereign equality", "equal*"), ("平等",)),
    ("self-determination", ("self-determination",), ("自决",)),
    ("presidential-statement", ("presidential statement",), ("主席声明",)),
    ("resolution", ("resolution",), ("决议",)),
    ("implementation", ("implement*", "compliance", "comply"), ("执行", "落实", "履行", "遵守")),
    ("agreed-language", ("agreed language",), ("商定措辞", "商定的术语")),
    ("aide-memoire", ("aide-m*",), ("备忘录",)),
    ("elections", ("election",), ("选举",)),
    ("governance", ("governance",), ("治理", "良政")),
    ("trust", ("trust", "confidence"), ("信任",)),
    ("pandemic", ("pandemic", "covid*"), ("疫情", "大流行")),
    ("refugees", ("refugee", "displaced"), ("难民", "流离失所")),
    ("information", ("information", "situational awareness", "intelligence"), ("信息", "情报", "情况了解")),
    ("consensus", ("consensus", "common understanding", "shared understanding"), ("共识",)),
    ("risks", ("risk", "threat"), ("风险", "威胁")),
    ("standards", ("standard",), ("标准",)),
)


def _stem_pattern(stem: str) -> str:
    """`prevent*` matches any word starting so; other stems match whole words (plural allowed)."""
    if stem.endswith("*"):
        return re.escape(stem[:-1])
    return re.escape(stem) + r"(?:s|es)?(?![\w-])"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, tuple[str, ...], re.Pattern[str], tuple[str, ...]], ...]:
    out = []
    for concept, en, zh in CONCEPTS:
        en_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(_stem_pattern, en)) + ")", re.IGNORECASE)
        cores = tuple(stem.rstrip("*").lower() for stem in en)
        out.append((concept, cores, en_re, zh))
    return tuple(out)


_CJK = re.compile(r"[\u3400-\u9fff]")


def concepts_in(text: str) -> list[str]:
    """Concept ids found in `text`, each once per occurrence (so frequency still counts)."""
    lowered = text.lower()
    cjk = _CJK.search(text) is not None
    found: list[str] = []
    for concept, cores, en_re, zh in _patterns():
        n = len(en_re.findall(text)) if any(core in lowered for core in cores) else 0
        if cjk:
            n += sum(text.count(term) for term in zh)
        found.extend([concept] * n)
    return found


@lru_cache(maxsize=1)
def _canonical() -> dict[str, str]:
    return {concept: f"{en[0].rstrip('*')} {zh[0]}" for concept, en, zh in CONCEPTS}


def bridge_text(concepts: list[str]) -> str:
    """Both languages' words for the concepts found, to append to a document.

    Appended to every document, they also let IDF learn across languages: "宪章" becomes as
    common as "Charter" in a debate about the Charter, even if only one statement is Chinese.
    """
    canonical = _canonical()
    return " ".join(canonical[c] for c in concepts)
