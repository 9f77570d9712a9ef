"""Briefers and the expected outcome, read from a concept note's sentences.

Chinese: "主管人道主义事务副秘书长瓦莱丽·阿莫斯以及维持和平行动部、…、红十字国际委员会的代表将…通报情况"
gives one named briefer and one representative per organisation. English: "The Council will be
briefed by:" followed by bullets ("Ms. X, Title of Organization"), or a sentence
"The Under-Secretary-General …, Valerie Amos, and representatives of A, B and C will brief …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from debateprep.domain.questions import strip_marker
from debateprep.domain.text import BULLET_CHARS, sentences
from debateprep.i18n import N_

OutcomeKind = Literal["presidential statement", "resolution", "none", "unknown"]
# How each kind is shown (msgids: translated where shown); the kinds themselves are data (JSON).
OUTCOME_LABELS: dict[str, str] = {"presidential statement": N_("presidential statement"),
                                  "resolution": N_("resolution"), "none": N_("none"), "unknown": N_("unknown")}

# Organisations that brief the Council often: names as written in UN Chinese and English -> acronym.
ORGANIZATIONS: dict[str, str] = {
    "维持和平行动部": "DPKO",
    "维和行动部": "DPKO",
    "和平行动部": "DPO",
    "政治和建设和平事务部": "DPPA",
    "人道主义事务协调厅": "OCHA",
    "联合国人权事务高级专员办事处": "OHCHR",
    "人权高专办": "OHCHR",
    "红十字国际委员会": "ICRC",
    "联合国儿童基金会": "UNICEF",
    "联合国难民事务高级专员办事处": "UNHCR",
    "联合国妇女署": "UN-Women",
    "Department of Peacekeeping Operations": "DPKO",
    "Department of Peace Operations": "DPO",
    "Department of Political and Peacebuilding Affairs": "DPPA",
    "Office for the Coordination of Humanitarian Affairs": "OCHA",
    "Office of the United Nations High Commissioner for Human Rights": "OHCHR",
    "International Committee of the Red Cross": "ICRC",
    "United Nations Children's Fund": "UNICEF",
    "Office of the United Nations High Commissioner for Refugees": "UNHCR",
    "Peacebuilding Support Office": "PBSO",
}
# Posts whose holder heads a known office (title as written -> organisation).
POSTS: dict[str, str] = {
    "主管人道主义事务副秘书长": "人道主义事务协调厅",
    "主管维持和平行动副秘书长": "维持和平行动部",
    "主管和平行动副秘书长": "和平行动部",
    "联合国人权事务高级专员": "联合国人权事务高级专员办事处",
    "Under-Secretary-General for Humanitarian Affairs": "Office for the Coordination of Humanitarian Affairs",
    "Under-Secretary-General for Peacekeeping Operations": "Department of Peacekeeping Operations",
    "Under-Secretary-General for Peace Operations": "Department of Peace Operations",
    "United Nations High Commissioner for Human Rights": "Office of the United Nations High Commissioner for Human Rights",
    "High Commissioner for Human Rights": "Office of the United Nations High Commissioner for Human Rights",
    "Assistant Secretary-General for Peacebuilding Support": "Peacebuilding Support Office",
}
_ORG_WORDS = re.compile(
    r"Office|Department|Committee|Programme|Program|Fund|Organi[sz]ation|Agency|Union|Mission|Commission|"
    r"Council|Network|Centre|Center|Institute|Bank|Red Cross|Crescent|Secretariat|Entity|Alliance|Forum|"
    r"Group|Association|Foundation|Coalition|Court|Tribunal|UN-Women|[A-Z]{3,}"
)
_ZH_ORG_END = ("部", "厅", "处", "署", "会", "组织", "办事处", "委员会", "基金", "联盟", "中心", "法院", "网络", "协会")
_HONORIFIC = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|H\.E|Sir|Dame|Lord|Lady|Judge|General|Lieutenant General|Major General)\.?"


@dataclass
class Briefer:
    name: str | None
    title: str | None
    organization: str | None

    @property
    def acronym(self) -> str | None:
        return ORGANIZATIONS.get(self.organization or "")

    def label(self) -> str:
        """"Valerie Amos, Under-Secretary-General …" / "Representative, 维持和平行动部 (DPKO)"."""
        org = self.organization
        if org and self.acronym:
            org = f"{org} ({self.acronym})"
        return ", ".join(p for p in (self.name, self.title, org) if p)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "organization": self.organization}


@dataclass
class Outcome:
    kind: OutcomeKind
    evidence: str | None  # the sentence the kind was read from

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "evidence": self.evidence}


# -- briefers ---------------------------------------------------------------------------------

_ZH_BRIEF = re.compile(r"^(?P<who>.+?)(?:将|拟)(?:在|向|于|就)?[^。；]*?(?:通报|介绍情况|作简报)")
_EN_BRIEF = re.compile(
    r"^(?P<who>.+?)\s+(?:will|are expected to|is expected to|have been invited to|has been invited to)\s+"
    r"(?:brief|address|deliver briefings|provide briefings)",
)
_EN_BRIEFED_BY = re.compile(r"(?:will be briefed by|briefers? (?:will be|are|is)|briefed by)\s*:?\s*(?P<who>.*)$", re.IGNORECASE)


def find_briefers(paragraphs: list[str], language: str) -> list[Briefer]:
    """The briefers named in a briefers section (or in the paragraphs given)."""
    found: list[Briefer] = []
    for i, p in enumerate(paragraphs):
        for s in sentences(p):
            if language == "zh":
                m = _ZH_BRIEF.match(s)
                if m:
                    found += _zh_list(m.group("who"))
                continue
            m = _EN_BRIEFED_BY.search(s)
            if m:
                rest = m.group("who").strip().rstrip(".")
                if rest:
                    found += [b for item in re.split(r";\s*", rest) if (b := _en_item(item))]
                else:  # "briefed by:" then a bulleted list
                    for q in paragraphs[i + 1:]:
                        if q[:1] not in BULLET_CHARS:
                            break
                        b = _en_item(strip_marker(q))
                        if b:
                            found.append(b)
                continue
            m = _EN_BRIEF.match(s)
            if m:
                found += _en_list(m.group("who"))
        if found:
            break
    return found


def _zh_list(who: str) -> list[Briefer]:
    out: list[Briefer] = []
    for chunk in re.split(r"以及|；|，|;", who):
        chunk = chunk.strip()
        if not chunk:
            continue
        rep = re.match(r"^(?P<orgs>.+?)的?(?:代表|代表们)$", chunk)
        if rep:
            out += [Briefer(None, "代表", org) for org in _zh_orgs(rep.group("orgs"))]
            continue
        name_m = re.search(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+$", chunk)
        if name_m:
            # transliterated names use the middle dot; the title is what precedes it
            name, title = _zh_name(chunk, name_m.start())
        else:
            name, title = None, chunk
        out.append(Briefer(name, title or None, _organization_of(title)))
    return out


def _zh_name(chunk: str, start: int) -> tuple[str, str]:
    """Split "主管人道主义事务副秘书长瓦莱丽·阿莫斯" after the title's last word."""
    head = chunk[:start + chunk[start:].index("·")]
    for suffix in ("副秘书长", "秘书长", "高级专员", "特别代表", "特使", "主席", "总干事", "执行主任", "主任", "大使", "部长", "代表", "顾问", "协调员"):
        cut = head.rfind(suffix)
        if cut >= 0:
            return chunk[cut + len(suffix):], chunk[:cut + len(suffix)]
    return chunk[start:], chunk[:start]


def _zh_orgs(text: str) -> list[str]:
    parts = [p.strip() for p in text.split("、") if p.strip()]
    out: list[str] = []
    for p in parts:
        for sep in ("和", "及", "与"):
            pieces = p.split(sep)
            if len(pieces) == 2 and all(x.endswith(_ZH_ORG_END) for x in pieces):
                out += pieces
                break
        else:
            out.append(p)
    return out


def _organization_of(title: str | None) -> str | None:
    if not title:
        return None
    for post, org in POSTS.items():
        if title.endswith(post) or title == post:
            return org
    m = re.search(r"\bof (?:the )?(.+)$", title)
    if m and _ORG_WORDS.search(m.group(1)):
        return m.group(1).strip()
    m = re.match(r"^(.+?(?:" + "|".join(_ZH_ORG_END) + r"))(?:主席|总干事|执行主任|主任|秘书长|代表)$", title)
    return m.group(1) if m else None


def _en_list(who: str) -> list[Briefer]:
    who = re.sub(r"^the\s+", "", who.strip(), flags=re.IGNORECASE)
    out: list[Briefer] = []
    rep = re.search(r"(?:,\s*|\s)(?:and\s+)?(?:a\s+)?representatives?\s+of\s+(?P<orgs>.+)$", who)
    if rep:
        head = who[:rep.start()].strip().rstrip(",")
        if head:
            out += [b for item in re.split(r";\s*", head) if (b := _en_item(item))]
        out += [Briefer(None, "Representative", org) for org in _en_orgs(rep.group("orgs"))]
        return out
    return [b for item in re.split(r";\s*|,\s+and\s+(?=(?:" + _HONORIFIC + r"\s|the\s|a\s))", who) if (b := _en_item(item))]


def _en_orgs(text: str) -> list[str]:
    raw = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip().rstrip(".")) if p.strip()]
    merged: list[str] = []
    for p in raw:
        p = re.sub(r"^the\s+", "", p.strip())
        if merged and not _ORG_WORDS.search(p):
            merged[-1] = f"{merged[-1]} and {p}"  # "Economic and Social Affairs" was split
        else:
            merged.append(p)
    return merged


def _looks_like_name(text: str) -> bool:
    if re.match(_HONORIFIC + r"\s", text):
        return True
    words = text.split()
    return (
        1 < len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not _ORG_WORDS.search(text)
        and not re.search(r"Secretary|General|Director|President|Representative|Commissioner|Minister|Envoy|Chair", text)
    )


def _en_item(item: str) -> Briefer | None:
    item = item.strip().rstrip(".;,")
    item = re.sub(r"^(?:and\s+)", "", item)
    if not item:
        return None
    rep = re.match(r"^(?:a|an|the)?\s*representatives?\s+of\s+(?:the\s+)?(?P<org>.+)$", item, re.IGNORECASE)
    if rep:
        return Briefer(None, "Representative", rep.group("org").strip())
    parts = [p.strip() for p in item.split(",") if p.strip()]
    name = next((p for p in parts if _looks_like_name(p)), None)
    rest = [re.sub(r"^the\s+", "", p) for p in parts if p is not name]
    title = ", ".join(rest) or None
    if name:
        name = re.sub(r"^" + _HONORIFIC + r"\s+", "", name).strip()
    organization = _organization_of(title)
    if title and organization and title.endswith(organization) and title not in POSTS:
        title = re.sub(r"\s+of(?: the)?\s*$", "", title[: -len(organization)]).strip() or None
    return Briefer(name, title, organization)


# -- outcome ----------------------------------------------------------------------------------

_OUTCOME_PATTERNS: tuple[tuple[OutcomeKind, str], ...] = (
    ("none", r"不(?:会|寻求|打算|拟)?(?:通过|形成|产生)?(?:任何)?正式成果|没有(?:预期)?(?:的)?(?:正式)?成果|无(?:正式)?成果文件"),
    ("none", r"\bno (?:formal |official )?(?:outcome|product)|\bnot (?:expected|envisaged|intended) to (?:have|produce|adopt) (?:a |any )?(?:formal )?outcome|\bno outcome document"),
    ("presidential statement", r"主席声明|presidential statement"),
    ("resolution", r"(?:通过|提出|拟订|起草)(?:一项|一份)?(?:决议草案|决议)|draft resolution|adopt(?:ion of)? a resolution|resolution (?:will|would) be"),
)
_FUTURE = re.compile(r"将|拟|打算|希望|计划|预期|will|would|intends?|expects?|envisag|propos|plans?", re.IGNORECASE)


def find_outcome(outcome_paragraphs: list[str], all_paragraphs: list[str], language: str) -> Outcome:
    """The expected outcome: first from the outcome section, else from a forward-looking sentence."""
    for paras, need_future in ((outcome_paragraphs, False), (all_paragraphs, True)):
        for p in paras:
            for s in sentences(p):
                for kind, pattern in _OUTCOME_PATTERNS:
                    if re.search(pattern, s, re.IGNORECASE) and (not need_future or _FUTURE.search(s)):
                        return Outcome(kind, s)
    return Outcome("unknown", None)
