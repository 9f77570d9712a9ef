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

OutcomeKind = Literal["presidential statement", "resolution", "summary", "none", "unknown"]

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
    "Under-Secretary-General for Political and Peacebuilding Affairs": "Department of Political and Peacebuilding Affairs",
    "Under-Secretary-General for Legal Affairs": "Office of Legal Affairs",
    "High Representative for Disarmament Affairs": "United Nations Office for Disarmament Affairs",
    "Executive Director of the United Nations Office on Drugs and Crime": "United Nations Office on Drugs and Crime",
    "主管政治和建设和平事务副秘书长": "政治和建设和平事务部",
    "主管法律事务副秘书长": "法律事务厅",
}
_ORG_WORDS = re.compile(
    r"Office|Department|Committee|Programme|Program|Fund|Organi[sz]ation|Agency|Union|Mission|Commission|"
    r"Council|Network|Centre|Center|Institute|Bank|Red Cross|Crescent|Secretariat|Entity|Alliance|Forum|"
    r"Group|Association|Foundation|Coalition|Court|Tribunal|University|College|School|Academy|Initiative|Project|"
    r"Partnership|Platform|Society|Trust|Watch|Campaign|UN-Women|[A-Z]{3,}"
)
_ZH_ORG_END = ("部", "厅", "处", "署", "会", "组织", "办事处", "委员会", "基金", "联盟", "中心", "法院", "网络", "协会", "大学", "研究所")
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

_ZH_BRIEF = re.compile(r"^(?P<who>.+?)(?:将|拟)(?:在|向|于|就)?[^。；]{0,60}?(?:通报|介绍情况|作简报)")
_ZH_HEAR = re.compile(r"听取(?P<who>.+?)的?(?:通报|介绍)")
_EN_BRIEF = re.compile(
    r"^(?P<who>.+?)\s(?:will|are expected to|is expected to|have been invited to|has been invited to|"
    r"are invited to|is invited to)\s(?:brief|address|deliver briefings|provide briefings)",
)
_EN_BRIEFED_BY = re.compile(
    r"(?:will be briefed by|briefings? will be (?:provided|given|delivered|made) by|"
    r"briefers? (?:will be|are|is|(?:will )?include)|briefed by|will hear (?:briefings? )?(?:from|by)|"
    r"^briefers?\s*:)\s*:?\s*(?P<who>.*)$",
    re.IGNORECASE,
)
# Who the lead-in of a list names instead of the briefers themselves ("The following have been
# invited to brief the Council:").
_GENERIC_WHO = re.compile(r"^(?:the )?following(?: \w+){0,3}$|^(?:the )?(?:briefers?|speakers?)$", re.IGNORECASE)
_BRIEF_WORD = re.compile(r"brief|通报|介绍情况", re.IGNORECASE)


# A sentence that announces briefers wherever it stands (not "the Council was briefed by").
_ANNOUNCES = re.compile(
    r"will be briefed|will brief|will hear|(?:invited|expected) to brief|following (?:briefers|speakers)|"
    r"briefers? will|将.{0,30}通报|应邀.{0,20}通报|听取",
    re.IGNORECASE,
)


def find_briefers(paragraphs: list[str], language: str, *, announced_only: bool = False) -> list[Briefer]:
    """The briefers named in a briefers section (or in the paragraphs given); `announced_only`:
    only from a sentence that announces the briefers of this debate."""
    found: list[Briefer] = []
    for i, p in enumerate(paragraphs):
        for s in sentences(p):
            if announced_only and not _ANNOUNCES.search(s):
                continue
            if language == "zh":
                found += _zh_sentence(s, paragraphs[i + 1:])
            else:
                found += _en_sentence(s, paragraphs[i + 1:])
        if found:
            break
    return found


def _bullets(after: list[str]) -> list[str]:
    """The list items right after a lead-in, without their markers and closing marks; or, when
    the list has no markers, the lines that each describe one briefer."""
    out = []
    marked = bool(after) and _marked(after[0])
    for q in after:
        if marked and not _marked(q) or not marked and not _describes_briefer(q):
            break
        out.append(strip_marker(q).rstrip("；;。.，, "))
    return out


def _marked(q: str) -> bool:
    return q[:1] in BULLET_CHARS or bool(re.match(r"^(?:\(?[a-z]\)|\d{1,2}[.)]|[(（][一二三四五六七八九十]{1,3}[)）])\s*", q))


def _describes_briefer(q: str) -> bool:
    """An unmarked line of a list of briefers: short, one sentence at most, naming someone
    (honorific, "representative", a comma between name and role, 代表/·)."""
    if len(q) > 300 or len(sentences(q)) > 1 or re.search(r"\b(?:will|is|are|was|were)\b", q):
        return False
    return bool(re.match(_HONORIFIC + r"\s", q) or re.search(r"representative|代表|·", q, re.IGNORECASE)
                or "," in q and _split_name(q.split(",")[0])[0] is not None)


def _zh_sentence(s: str, after: list[str]) -> list[Briefer]:
    if s.rstrip().endswith(("：", ":")) and _BRIEF_WORD.search(s):
        return [b for item in _bullets(after) for b in _zh_list(item)]
    m = _ZH_BRIEF.match(s) or _ZH_HEAR.search(s)
    return _zh_list(m.group("who")) if m else []


def _en_sentence(s: str, after: list[str]) -> list[Briefer]:
    lead_in = s.rstrip().endswith(":")
    m = _EN_BRIEFED_BY.search(s)
    if m:
        rest = m.group("who").strip().rstrip(".:")
        if rest and not lead_in:
            return _en_list(rest)
        return [b for item in _bullets(after) if (b := _en_item(item))]
    m = _EN_BRIEF.match(s)
    if m and (lead_in or _GENERIC_WHO.match(m.group("who").strip())):
        return [b for item in _bullets(after) if (b := _en_item(item))]
    if m:
        return _en_list(m.group("who"))
    if lead_in and _BRIEF_WORD.search(s):
        return [b for item in _bullets(after) if (b := _en_item(item))]
    return []


_ZH_DOT_NAME = re.compile(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+")
_ZH_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fff])(?:先生|女士|阁下|博士|教授)(?=$|、)")
_ZH_CAPACITY = re.compile(r"以(?:其)?个人身份(?:通报的?|发言的?|参加的?)?")


def _zh_list(who: str) -> list[Briefer]:
    out: list[Briefer] = []
    who = _ZH_AFTER_NAME.sub("", _ZH_CAPACITY.sub("", who))  # "…莫罗女士", "以个人身份通报的…"
    for chunk in re.split(r"以及|；|，|;", who):
        chunk = chunk.strip()
        if not chunk:
            continue
        # "、" after a name starts another person ("迪卡洛、…纳迪娅·拉希米")
        pieces = re.split(r"(?<=[\u4e00-\u9fff]·[\u4e00-\u9fff])、|(?<=·[\u4e00-\u9fff]{2})、|(?<=·[\u4e00-\u9fff]{3})、|"
                          r"(?<=·[\u4e00-\u9fff]{4})、", chunk)
        for piece in pieces:
            out += _zh_chunk(piece.strip())
    return out


def _zh_chunk(chunk: str) -> list[Briefer]:
    if not chunk:
        return []
    rep = re.match(r"^(?P<orgs>.+?)的?(?:代表|代表们)$", chunk)
    if rep and not _ZH_DOT_NAME.search(rep.group("orgs")):
        return [Briefer(None, "代表", org) for org in _zh_orgs(rep.group("orgs"))]
    if rep:  # "X处长伊莎贝尔·莫罗、红十字国际委员会的代表": a person, then representatives
        head, _, tail = rep.group("orgs").rpartition("、")
        return _zh_chunk(head) + [Briefer(None, "代表", org) for org in _zh_orgs(tail)]
    name_m = re.search(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+$", chunk)
    if name_m:
        # transliterated names use the middle dot; the title is what precedes it
        name, title = _zh_name(chunk, name_m.start())
    else:
        name, title = None, chunk
    title = title.split("、")[-1]  # "民间社会代表、…主席": the descriptors before the role go
    organization = _organization_of(title)
    head = _ZH_BODY_HEAD.match(title) if title not in POSTS else None
    if head:  # "联合国地雷行动处处长": the head of a body, and the body
        title, organization = head.group("head"), head.group("body")
    return [Briefer(name, title or None, organization)]


_ZH_BODY_HEAD = re.compile(
    r"^(?P<body>.+?(?:部|厅|处|署|委员会|组织|办事处|办公室|基金会?|联盟|中心|法院|网络|协会|大学|研究所|银行|红十字会))"
    r"(?P<head>院长|处长|主任|主席|总干事|执行主任|秘书长|会长|所长|行长|署长|司长|负责人|创始人|联合创始人|"
    r"[\u4e00-\u9fff]{0,8}?(?:助理秘书长|副秘书长|特使|特别代表|高级专员|协调员|顾问))$"
)


_ZH_TITLE_ENDS = (
    "副秘书长", "秘书长", "高级专员", "特别代表", "特使", "主席", "总干事", "执行主任", "主任", "大使", "部长", "代表", "顾问",
    "协调员", "院长", "处长", "司长", "会长", "所长", "行长", "署长", "负责人", "创始人", "教授", "研究员", "专家",
)


def _zh_name(chunk: str, start: int) -> tuple[str, str]:
    """Split "主管人道主义事务副秘书长瓦莱丽·阿莫斯" after the title's last word."""
    head = chunk[:start + chunk[start:].index("·")]
    end = max((head.rfind(t) + len(t) for t in _ZH_TITLE_ENDS if t in head), default=-1)
    if end > 0:
        return chunk[end:], chunk[:end]
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


_ZH_HEAD = r"(?:主席|总干事|执行主任|主任|秘书长|代表|院长|负责人|会长)"


_LEADS_WITH_TITLE = re.compile(r"(?:Chairperson|Chair|President|Secretary-General|Director|Head|Executive Secretary)\b")
_ORG_END = r"(?:Commission|Union|Council|Committee|Organization|Organisation|Office|Agency|Fund|Programme|Court)"
_REMIT = re.compile(r"\b(" + _ORG_END + r") on [A-Z]")
_ENVOY_OFFICE = re.compile(
    r"^(?:Deputy )?(?:Special Representative|Special Envoy|Special Adviser|Personal Envoy) of the Secretary-General\b"
)
_USG_FOR = re.compile(r"^Under-Secretary-General for (?P<area>[A-Z][\w ]+?)$")


def _organization_of(title: str | None) -> str | None:
    if not title:
        return None
    for post, org in POSTS.items():
        if title.endswith(post) or title == post:
            return org
    if title in ("Secretary-General", "Secretary-General of the United Nations", "Deputy Secretary-General"):
        return "United Nations"
    if _ENVOY_OFFICE.match(title):
        return f"Office of the {re.sub(r'^Deputy ', '', title)}"
    usg = _USG_FOR.match(title)
    if usg:
        return f"Department of {usg.group('area')}"
    m = re.search(r"\b(?:at|from) (?:the )?(.+)$", title)
    if m and _ORG_WORDS.search(m.group(1)):
        return m.group(1).strip()
    for m in re.finditer(r"\bof (?:the )?", title):
        rest = title[m.end():]
        if _LEADS_WITH_TITLE.match(rest):
            continue  # "Special Envoy of the Chairperson of …": the body comes after the person
        if _ORG_WORDS.search(rest):
            # "African Union Commission on Women, Peace and Security": the body, not its remit
            remit = _REMIT.search(rest)
            return rest[:remit.end(1)] if remit else rest.strip()
        break
    m = re.match(r"^(.+?(?:" + "|".join(_ZH_ORG_END) + r"))" + _ZH_HEAD + "$", title)
    return m.group(1) if m else None


def _en_list(who: str) -> list[Briefer]:
    """Briefers named in running text: "A, Title; B of Org; and C, Title", "A, B and C"."""
    who = _RELATIVE.sub("", re.sub(r"^the\s+", "", who.strip(), flags=re.IGNORECASE))
    out: list[Briefer] = []
    for item in (x for x in re.split(r";\s*|,?\s+(?:and\s+)?by\s+(?=[A-Z]|the\s|an?\s)", who) if x.strip()):
        rep = re.search(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?:a\s+|the\s+)?representatives?\s+(?:of|from)\s+(?P<orgs>.+)$",
                        item)
        head = item[:rep.start()].strip().rstrip(",") if rep else item
        if head:
            out += [b for person in _people(head) if (b := _en_item(person))]
        if rep:
            out += [Briefer(None, "Representative", org) for org in _en_orgs(rep.group("orgs"))]
    return out


# ", who will brief in her personal capacity" says nothing about who the briefer is.
_RELATIVE = re.compile(r",\s*who (?:will|is|are|has|have)\b[^,;]*")
# "…, and Ms. Y", "… and a representative of …", "… and the Chairperson of …" start another
# person; "… and the Empowerment of Women" does not.
_AND_NEXT = re.compile(
    r",?\s+and\s+(?=" + _HONORIFIC + r"\s|an?\s|the\s(?:[\w-]+\s){0,3}?(?:Secretary|Director|President|Chair|"
    r"Commissioner|Envoy|Representative|Minister|Head|Chief|Coordinator|Adviser|Rapporteur|Prosecutor)\b)"
)


def _people(item: str) -> list[str]:
    """One item of running text split into persons: at "and"/"," before an honorific or an
    article, then part by part, a part naming someone when the person so far is named."""
    item = re.sub(r"^(?:and\s+)", "", item.strip())
    out: list[str] = []
    for chunk in _AND_NEXT.split(item):
        chunk = re.sub(r"^(?:and\s+)", "", chunk.strip())
        current: list[str] = []
        named = False
        for part in (p.strip() for p in re.split(r",\s*(?:and\s+)?", chunk)):
            if not part:
                continue
            has_name = _split_name(part)[0] is not None
            if has_name and named:
                out.append(", ".join(current))
                current, named = [], False
            current.append(part)
            named = named or has_name
        if current:
            out.append(", ".join(current))
    return out


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


_TITLE_WORDS = re.compile(
    r"Secretary|General|Director|President|Representative|Commissioner|Minister|Envoy|Chair|Coordinator|Adviser|"
    r"Advisor|Ambassador|Professor|Judge|Head|Chief|Founder|Officer|Rapporteur|Member|Fellow|Researcher|Advocate|"
    r"Activist|Journalist|Expert|Prosecutor|Registrar|Commander|Deputy|Vice"
)
_NAME_WORD = r"[A-Z][\w'’.-]*"
# A title, then the person's name ("Executive Director of UNICEF Omar Farouk").
_TITLE_THEN_NAME = re.compile(r"^(?P<title>.*\S)\s(?P<name>" + _NAME_WORD + r"\s" + _NAME_WORD + r")$")
# A name, then where the person comes from ("Mr. Tomás Herrera of the Andean Climate Institute").
_NAME_THEN_REST = re.compile(
    r"^(?P<name>" + _HONORIFIC + r"\s+" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r"){0,3})\s(?P<rest>(?:of|from|at)\s.+)$"
)


# A title never ends on these, so what follows is still the title, not a name.
_OPEN_END = re.compile(r"\b(?:for|of|on|the|and|in|to|at|from|with)$")
# Words of the subjects titles name ("… for Humanitarian Affairs"), never of a person's name.
_SUBJECT_WORDS = re.compile(
    r"\b(?:Affairs|Operations|Rights|Development|Security|Peace|Peacebuilding|Conflict|Crisis|Policy|Support|"
    r"Assistance|Relief|Justice|Law|Women|Children|Youth|Refugees|Humanitarian|Political|Legal|Economic|Social|"
    r"Nations|Council|Assembly|Africa|Europe|Asia|America)\b"
)


def _looks_like_name(text: str) -> bool:
    if re.match(_HONORIFIC + r"\s", text):
        return True
    words = text.split()
    return (
        1 < len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not _ORG_WORDS.search(text)
        and not _TITLE_WORDS.search(text)
    )


def _split_name(part: str) -> tuple[str | None, str]:
    """(name, the rest) of one comma-separated part of a briefer's description."""
    part = part.strip()
    m = _NAME_THEN_REST.match(part)
    if m:
        return m.group("name"), m.group("rest")
    if _looks_like_name(part):
        return part, ""
    m = _TITLE_THEN_NAME.match(part)
    if (
        m
        and _TITLE_WORDS.search(m.group("title"))
        and not _OPEN_END.search(m.group("title"))
        and _looks_like_name(m.group("name"))
        and not _SUBJECT_WORDS.search(m.group("name"))
    ):
        return m.group("name"), m.group("title")
    return None, part


_CAPACITY = re.compile(
    r"(?:,|\s+and)?\s*\b(?:in (?:her|his|their|a) (?:personal|individual|own) capacity|(?:who is )?(?:representing|on behalf of) civil society)\b",
    re.IGNORECASE,
)
# "a civil-society representative from the Sahel Network": a role as written, then perhaps a body.
_CIVIL_SOCIETY = re.compile(
    r"\b(?:as )?(?:an? )?(?P<role>civil[- ]society (?:representative|briefer|speaker|leader|activist))"
    r"(?:\s(?:from|of|with) (?:the )?(?P<org>.+))?$",
    re.IGNORECASE,
)
# A body named first, then the role: "African Union Youth Envoy", "UNICEF Executive Director".
_BODY_THEN_ROLE = re.compile(
    r"^(?P<org>(?:[A-Z][\w'’-]*\s){0,5}?(?:Union|Commission|Organization|Organisation|Bank|Court|Fund|"
    r"Programme|Office|League|Community|[A-Z]{3,}))\s(?P<role>(?:[A-Z][\w-]*\s)?(?:Youth\s)?(?:Envoy|"
    r"Director|President|Chair|Chairperson|Commissioner|Representative|Coordinator|Adviser|Head|Chief)\b.*)$"
)
_ACRONYM = re.compile(r"\s*\([A-Z][\w-]{1,12}\)")


def _capitalised(text: str | None) -> str | None:
    return text[0].upper() + text[1:] if text else text


def _en_item(item: str) -> Briefer | None:
    """One briefer from its description ("Ms. X, Title of Organization", "Title X", "a
    representative of Org", "Mr. Y of Org, representing civil society")."""
    item = _ACRONYM.sub("", item.strip()).rstrip(".;,")  # "(UN-Women)", "(FAO)": the name is enough
    item = re.sub(r"^(?:and\s+)", "", item)
    item = _RELATIVE.sub("", _CAPACITY.sub("", item)).strip().rstrip(",")
    if not item:
        return None
    rep = re.match(r"^(?:a|an|the)?\s*representatives?\s+(?:of|from)\s+(?:the\s+)?(?P<org>.+)$", item, re.IGNORECASE)
    if rep:
        return Briefer(None, "Representative", rep.group("org").strip())
    name = None
    rest: list[str] = []
    for part in (p.strip() for p in item.split(",")):
        if not part:
            continue
        found, remainder = _split_name(part) if name is None else (None, part)
        if found:
            name = found
        if remainder:
            rest.append(re.sub(r"^(?:the|a|an)\s+", "", remainder))
    if name:
        while re.match(_HONORIFIC + r"\s", name):  # "H.E. Ms. Adaeze Okonkwo"
            name = re.sub(r"^" + _HONORIFIC + r"\s+", "", name).strip()
    title, organization = _title_and_body(rest)
    if name is None and title is None and organization is None:
        return None
    if name is None and organization is None and title and _ORG_WORDS.search(title) and not _TITLE_WORDS.search(title):
        return Briefer(None, None, title)  # an organisation named alone
    return Briefer(name, _capitalised(title), organization)


def _title_and_body(parts: list[str]) -> tuple[str | None, str | None]:
    """(title, organization) from what describes a briefer besides the name: "X of/at/from Y"
    or "X, Y" where Y is a body gives X and Y; a title naming an area gives the body that
    office heads; "from" a place (no body) gives no organization."""
    if not parts:
        return None, None
    civil = _CIVIL_SOCIETY.search(parts[-1])
    if civil:
        head = parts[-1][:civil.start()].strip(" ,")
        org = civil.group("org")
        body = org.strip() if org and _ORG_WORDS.search(org) else None
        return civil.group("role"), body if not head else (_title_and_body([*parts[:-1], head])[1] or body)
    title: str | None = ", ".join(parts)
    assert title is not None
    if len(parts) > 1 and not _organization_of(title) and _ORG_WORDS.search(parts[-1]) and not _TITLE_WORDS.search(parts[-1]):
        return ", ".join(parts[:-1]), re.sub(r"^the\s+", "", parts[-1])  # "Title, United Nations Youth Office"
    body = _BODY_THEN_ROLE.match(title)
    if body and title not in POSTS:
        return title, body.group("org")
    organization = _organization_of(title)
    if organization and title not in POSTS:
        at = title.rfind(organization)
        if at > 0 and title.endswith(organization):  # "Director of X" -> "Director"; a remit after X keeps all
            title = re.sub(r"\s*\b(?:of|at|from|with)(?: the)?\s*$", "", title[:at]).strip(" ,") or None
    elif title and (place := re.search(r"\s(?:from|in) (?:the )?(?P<where>.+)$", title)):
        if not _ORG_WORDS.search(place.group("where")):
            title = title[:place.start()]  # "a youth leader from the department of Cauca": a place
    if title and re.fullmatch(r"(?:of|from|at)\s.*", title):
        title = None
    return title, organization


# -- outcome ----------------------------------------------------------------------------------

_OUTCOME_PATTERNS: tuple[tuple[OutcomeKind, str], ...] = (
    ("none", r"不(?:会|寻求|打算|拟)?(?:通过|形成|产生)?(?:任何)?正式成果|没有(?:预期)?(?:的)?(?:正式)?成果|无(?:正式)?成果文件"),
    ("none", r"\bno (?:formal |official )?(?:outcome|product)|\bnot (?:expected|envisaged|intended) to (?:have|produce|adopt) (?:a |any )?(?:formal )?outcome|\bno outcome document"),
    ("presidential statement", r"主席声明|presidential statement"),
    ("resolution", r"(?:通过|提出|拟订|起草)(?:一项|一份)?(?:决议草案|决议)|draft resolution|adopt(?:ion of)? a resolution|resolution (?:will|would) be"),
)
# A summary of the debate the presidency will issue: an outcome, though not a negotiated one.
_SUMMARY = re.compile(r"\bsummary\b|主席(?:的)?(?:总结|摘要)|会议总结", re.IGNORECASE)
_FUTURE = re.compile(r"将|拟|打算|希望|计划|预期|will|would|intends?|expects?|envisag|propos|plans?|prepare|issue|circulate", re.IGNORECASE)


def find_outcome(outcome_paragraphs: list[str], all_paragraphs: list[str], language: str) -> Outcome:
    """The expected outcome: first from the outcome section, else from a forward-looking sentence.
    A summary the presidency will issue wins over "no outcome" (the note says both)."""
    found = Outcome("unknown", None)
    for paras, need_future in ((outcome_paragraphs, False), (all_paragraphs, True)):
        found = _first_outcome(paras, need_future)
        if found.kind != "unknown":
            break
    if found.kind in ("none", "unknown"):
        for paras in (outcome_paragraphs, all_paragraphs):
            for p in paras:
                for s in sentences(p):
                    if _SUMMARY.search(s) and _FUTURE.search(s):
                        return Outcome("summary", s)
    return found


def _first_outcome(paras: list[str], need_future: bool) -> Outcome:
    for p in paras:
        for s in sentences(p):
            for kind, pattern in _OUTCOME_PATTERNS:
                if re.search(pattern, s, re.IGNORECASE) and (not need_future or _FUTURE.search(s)):
                    return Outcome(kind, s)
    return Outcome("unknown", None)
