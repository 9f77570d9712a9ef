"""One briefer's entry read as honorific, name, title and organisation.

`briefers.py` cuts a note's briefers passage into one entry per person; this module parses an
entry with a small grammar and general knowledge of how people, posts and bodies are named:

    entry  = person ["," | "—"] role | role "," person | role person | person "(" role ")" | role
    person = honorific* name        a name: capitalised words, particles between (de la, van der, bin)
    role   = title [("of" | "at" | "to" | "from" | ",") body] | body title

English: "Ms. Ana Costa, Chief of Child Protection (UNICEF)", "the Under-Secretary-General for
Peace Operations, Mr. X", "Dr. X — Director, Y Institute", "Ms. X (Coordinator of the Panel of
Experts on South Sudan)", "a representative of the ICRC". Chinese: "联合国地雷行动处处长伊莎贝尔·
莫罗女士" (body, title, name), "主管人道主义事务副秘书长" (a post alone), "X的代表".

Title words (Director, Envoy, Commissioner …; 主任, 专员, 特使 …) tell a role from a name, body
words (Office, Commission, Institute, an acronym …; 部, 署, 委员会, 大学 …) a body from a title,
and a post that names an area ("Under-Secretary-General for Peace Operations") gives the body
the office heads. Nothing here names a word only one note uses.
"""

from __future__ import annotations

import re

from debateprep.domain.organizations import ORGANIZATIONS as ORGANIZATIONS  # re-exported

# name, title, organization
Parsed = tuple[str | None, str | None, str | None]

# -- general knowledge ------------------------------------------------------------------------

# Posts whose holder heads a known office (title as written -> organisation).
POSTS: dict[str, str] = {
    "主管人道主义事务副秘书长": "人道主义事务协调厅",
    "主管维持和平行动副秘书长": "维持和平行动部",
    "主管和平行动副秘书长": "和平行动部",
    "联合国人权事务高级专员": "联合国人权事务高级专员办事处",
    "联合国难民事务高级专员": "联合国难民事务高级专员办事处",
    "Under-Secretary-General for Humanitarian Affairs": "Office for the Coordination of Humanitarian Affairs",
    "Under-Secretary-General for Peacekeeping Operations": "Department of Peacekeeping Operations",
    "Under-Secretary-General for Peace Operations": "Department of Peace Operations",
    "United Nations High Commissioner for Human Rights": "Office of the United Nations High Commissioner for Human Rights",
    "High Commissioner for Human Rights": "Office of the United Nations High Commissioner for Human Rights",
    "United Nations High Commissioner for Refugees": "Office of the United Nations High Commissioner for Refugees",
    "Assistant Secretary-General for Peacebuilding Support": "Peacebuilding Support Office",
    "Under-Secretary-General for Political and Peacebuilding Affairs": "Department of Political and Peacebuilding Affairs",
    "Under-Secretary-General for Legal Affairs": "Office of Legal Affairs",
    "High Representative for Disarmament Affairs": "United Nations Office for Disarmament Affairs",
    "Assistant Secretary-General for Humanitarian Affairs": "Office for the Coordination of Humanitarian Affairs",
    "Emergency Relief Coordinator": "Office for the Coordination of Humanitarian Affairs",
    "Special Adviser of the Secretary-General on the Prevention of Genocide":
        "Office on Genocide Prevention and the Responsibility to Protect",
    "Special Adviser on the Prevention of Genocide": "Office on Genocide Prevention and the Responsibility to Protect",
    "Under-Secretary-General for Disarmament Affairs": "United Nations Office for Disarmament Affairs",
    "Under-Secretary-General for Global Communications": "Department of Global Communications",
    "Special Coordinator for the Middle East Peace Process":
        "Office of the United Nations Special Coordinator for the Middle East Peace Process",
    "United Nations Special Coordinator for the Middle East Peace Process":
        "Office of the United Nations Special Coordinator for the Middle East Peace Process",
    # the European Union's foreign-policy chief, named for the Union's remit
    "High Representative of the Union for Foreign Affairs and Security Policy": "European Union",
    "High Representative of the European Union for Foreign Affairs and Security Policy": "European Union",
    "主管政治和建设和平事务副秘书长": "政治和建设和平事务部",
    "主管法律事务副秘书长": "法律事务厅",
    "紧急救济协调员": "人道主义事务协调厅",
    "主管裁军事务副秘书长": "裁军事务厅",
    "裁军事务高级代表": "裁军事务厅",
}
# Posts of the Organization itself.
_UN_POSTS = {"Secretary-General", "Secretary-General of the United Nations", "Deputy Secretary-General",
             "秘书长", "联合国秘书长", "常务副秘书长"}

# Words that head the name of a body ("… Office", "… Commission", "Réseau …"), or an acronym.
_BODY_WORDS = (
    r"Office|Department|Division|Section|Unit|Service|Bureau|Directorate|Secretariat|Committee|Commission|Council|"
    r"Board|Panel|Programme|Program|Fund|Facility|Organi[sz]ation|Agency|Authority|Union|League|Community|Mission|"
    r"Network|Centre|Center|Institute|Institution|Foundation|Initiative|Alliance|Coalition|Forum|Group|Association|"
    r"Federation|Society|Trust|Watch|Campaign|Project|Partnership|Platform|Court|Tribunal|University|College|School|"
    r"Academy|Bank|Ministry|Parliament|Assembly|Red Cross|Crescent|Entity|Company|Corporation|Cooperative|Clinic|"
    r"Hospital|Shelter|Observatory|Laboratory|Museum|Réseau|Institut|Instituto|Fondation|Fundación|Comité|Conseil|"
    r"Centro|UN-Women"
)
_ORG_WORDS = re.compile(r"\b(?:" + _BODY_WORDS + r")s?\b|\b[A-Z]{3,}\b|\bUN\b")
# Words of a role ("Director", "Special Envoy", "co-founder", "epidemiologist").
_TITLE_VOCABULARY = (
    r"Secretary-General|Secretary|Director-General|Director|President|Chair|Chairperson|Chairman|Chairwoman|"
    r"Commissioner|Envoy|Representative|Adviser|Advisor|Coordinator|Professor|Ambassador|Minister|Head|Chief|"
    r"Officer|Rapporteur|Member|Fellow|Researcher|Advocate|Activist|Journalist|Expert|Prosecutor|Registrar|"
    r"Commander|Deputy|Vice|Founder|Co-founder|Cofounder|Spokesperson|Spokesman|Spokeswoman|Ombudsperson|Ombudsman|"
    r"Leader|Manager|Economist|Lawyer|Physician|Doctor|Scientist|Analyst|Specialist|Consultant|Administrator|Judge|"
    r"Lecturer|Teacher|Mediator|Negotiator|Observer|Editor|Correspondent|Reporter|Writer|Practitioner|Nurse|Surgeon|"
    r"Engineer|Official|Worker|Governor|Mayor|Delegate|Epidemiologist|Survivor|Trustee|Partner|"
    r"Under-Secretary-General|Vice-President|Vice-Chair|Vice-Chairperson|Co-Chair"
)
_TITLE_WORDS = re.compile(r"\b(?:" + _TITLE_VOCABULARY + r")\b")
_TITLE_WORDS_ANY_CASE = re.compile(r"\b(?:" + _TITLE_VOCABULARY + r")s?\b", re.IGNORECASE)
# Words of the areas posts and bodies name ("… for Humanitarian Affairs", "Crisis Management
# Studies"): never part of a person's name.
_SUBJECT_WORDS = re.compile(
    r"\b(?:Affairs|Operations|Rights|Development|Security|Peace|Peacebuilding|Conflict|Crisis|Policy|Support|"
    r"Assistance|Relief|Justice|Law|Women|Children|Youth|Refugees|Humanitarian|Political|Legal|Economic|Social|"
    r"Nations|Council|Assembly|Africa|Europe|Asia|America|Management|Studies|Research|Resources|Relations|Science|"
    r"Sciences|Strategic|International|National|Regional|Global|Emergency|Health|Water|Climate|Environment|Energy|"
    r"Education|Culture|Protection|Prevention|Governance|Trade|Migration|Medicine|Technology|Information|Media|"
    r"Freedom|Democracy|Elections|Electoral|Disarmament|Gender|Equality|Affairs|Cooperation|Dialogue|Armed|"
    r"Human|Public|Sustainable|United|Union|Excellency|Assistant|Executive|Special|Senior|Associate|Acting|General|"
    r"High|Permanent|Personal|Principal|Former|Civil|Society|Interim)\b"
)
# Subject words that qualify the next word and never end a name of a body or an area.
_ADJECTIVES = re.compile(
    r"United|International|National|Regional|Global|Armed|Human|Public|Sustainable|Political|Legal|Economic|Social|"
    r"Humanitarian|Strategic|Electoral|Civil|High|Special|Senior|Executive|Assistant|Associate|Acting|Permanent|"
    r"Personal|Principal|Former|Interim"
)
# Honorifics before a name; the titles among them ("Professor", "Ambassador") only when a name follows.
_HONORIFIC_WORDS = ("Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Mx.", "Dr.", "Dr", "Prof.", "H.E.", "Sir", "Dame",
                    "Lord", "Lady", "Rev.", "Sheikh")
_TITLE_HONORIFICS = ("Professor", "Ambassador", "Judge", "Justice", "General", "Colonel", "Senator", "Chief", "Bishop",
                     "Archbishop", "Cardinal", "Imam", "Rabbi")
_EXCELLENCY = re.compile(r"^(?:His|Her|Their) Excellency\s+")
# Military and police ranks before a name ("Major X", "Lieutenant Colonel X"): dropped like "Ms.".
_RANKS = ("Major", "Captain", "Lieutenant", "Colonel", "Brigadier", "Admiral", "Commodore", "Sergeant", "Commissioner")
# Lower-case words inside a name: "Ana María de la Cruz", "Jean-Pierre van der Berg".
_PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "bin",
              "binti", "bint", "ibn", "al", "el", "y", "e", "ter", "ten", "zu", "af", "ben", "ould", "st."}
# A role never ends on these: what follows is still the role.
_OPEN_END = re.compile(r"\b(?:for|of|on|the|and|in|to|at|from|with|a|an)$", re.IGNORECASE)

# Chinese: how bodies end, how titles end, honorifics after a name.
_ZH_BODY_END = ("部", "厅", "局", "处", "署", "会", "组织", "办事处", "办公室", "委员会", "基金", "基金会", "联盟", "中心",
                "法院", "网络", "协会", "大学", "学院", "研究所", "研究院", "银行", "机构", "红十字会", "秘书处", "论坛",
                "倡议", "运动", "项目", "平台")
_ZH_TITLE_ENDS = (
    "委员", "成员", "副秘书长", "秘书长", "高级专员", "专员", "特别代表", "特使", "主席", "总干事", "执行主任", "主任", "大使",
    "部长", "代表", "顾问", "协调员", "院长", "处长", "司长", "局长", "会长", "所长", "行长", "署长", "负责人", "创始人",
    "教授", "研究员", "专家", "记者", "撰稿人", "律师", "医生", "法官", "检察官", "活动人士", "倡导者", "领导人", "领袖",
    "幸存者", "学者", "作家", "发言人", "干事", "官员", "书记", "总监", "首席执行官", "总裁", "理事",
    "执行秘书", "学家", "教师", "农民", "工程师", "指挥官", "司令", "建设者", "工作者", "组织者", "捍卫者", "维护者",
)
_ZH_HONORIFIC_AFTER = ("先生", "女士", "阁下", "博士", "教授")
_ZH_DOT = "·•・"


def _ends_with_zh_title(text: str) -> bool:
    """Ends with a title word ("…研究员", "…专员"), not with a body ("…委员会")."""
    return text.endswith(_ZH_TITLE_ENDS)


# -- English ----------------------------------------------------------------------------------

# How a briefer takes part or a note on the invitation: no part of who the briefer is.
QUALIFIER = re.compile(
    r"\s*[(（](?:to be (?:confirmed|determined)|tbc|tbd|待定|待确认|(?:via |by )?(?:video|vtc)[\w -]*|virtually|remotely|"
    r"online|in person|retired|ret\.|通过视频[\u4e00-\u9fff]{0,6}|视频[\u4e00-\u9fff]{0,4}|线上|远程[\u4e00-\u9fff]{0,4})\.?[)）]",
    re.IGNORECASE,
)
# ", who will brief in her personal capacity", ", whose brother …": nothing about who the briefer is.
RELATIVE = re.compile(r",\s*(?:who|whose)\s[^,;]*")
_CAPACITY = re.compile(
    r"(?:,|\s+and)?\s*\b(?:in (?:her|his|their|a) (?:personal|individual|own) capacity|(?:who is )?(?:representing|"
    r"on behalf of) civil society)\b",
    re.IGNORECASE,
)
# "(UNICEF)", "(UN-Women)": a body's acronym (two capitals at least; "(Da'esh)" is a name's part).
_ACRONYM = re.compile(r"\s*\((?=[^()]*[A-Z][^()]*[A-Z])[A-Z][A-Za-z-]{1,12}\)")
_CIVIL = re.compile(r"civil[- ]society(?: organi[sz]ations)?|民间社会(?:组织)?", re.IGNORECASE)
_REPRESENTATIVE = re.compile(
    r"^(?:a|an|the|one|two|three|four|several|\d+)?\s*representatives?\s+(?:of|from)\s+(?:the\s+)?(?P<org>.+)$",
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
_LEADS_WITH_TITLE = re.compile(r"(?:Chairperson|Chair|President|Secretary-General|Director|Head|Executive Secretary)\b")
_ORG_END = r"(?:Commission|Union|Council|Committee|Organization|Organisation|Office|Agency|Fund|Programme|Court)"
_REMIT = re.compile(r"\b(" + _ORG_END + r") on [A-Z]")
# Offices that hold a remit ("Special Envoy … on Youth"), unlike bodies named "… on …".
_REMIT_HOLDER = re.compile(r"\b(?:Envoy|Representative|Adviser|Advisor|Rapporteur|Coordinator|Champion)\b")
_ENVOY_OFFICE = re.compile(
    r"^(?:Deputy )?(?:Special Representative|Special Envoy|Special Adviser|Personal Envoy) of the Secretary-General\b"
)
_ZH_ENVOY_OFFICE = re.compile(r"(?:联合国)?秘书长[\u4e00-\u9fff、]{2,30}?(?:问题)?(?:副)?(?:特别代表|特使|特别顾问|个人特使)")
# The second of two titles heads a body: "… and Head of the United Nations Verification Mission in Colombia".
_HEAD_OF = re.compile(r"\band (?:Head|Chief|Director) of (?:the )?(?P<body>[A-Z].+)$")
_USG_FOR = re.compile(r"^Under-Secretary-General for (?P<area>[A-Z][\w ]+?)$")
_ZH_USG = re.compile(r"主管(?P<area>[\u4e00-\u9fff、]{2,20}?)副秘书长")
# A name in capitals, small words between: "Nordhavn Shipping", "Kenema Survivors' Clinic".
_PROPER_NAME = r"[A-Z][\w'’.&-]*(?:\s(?:(?:of|for|and|the|on|in|de|du|des|la|le)\s)*[A-Z][\w'’.&-]*)*"


def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and word[0].isalpha()


def _name_word(word: str) -> bool:
    """A word of a personal name: capitalised, letters (and ' - .), not a word of roles, bodies or
    subjects, not an acronym ("UNICEF")."""
    bare = word.rstrip(",;")
    if not _is_capitalised(bare) or any(c.isdigit() for c in bare):
        return False
    letters = [c for c in bare if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False  # an acronym
    if bare in ("The", "A", "An", "And", "Of", "For"):
        return False
    # "Vice-President", "Secretary-General": a hyphenated word of a role is no name
    return not any(_TITLE_WORDS.fullmatch(piece) or _ORG_WORDS.fullmatch(piece) or _SUBJECT_WORDS.fullmatch(piece)
                   for piece in [bare, *bare.split("-")] if piece)


def _capitals_surname(word: str) -> bool:
    """A surname set in capitals after the given name ("Jean-Pierre LACROIX"), not an acronym."""
    bare = word.rstrip(",;")
    return len(bare) >= 3 and bare.replace("-", "").replace("'", "").isalpha() and bare.isupper() \
        and bare not in ORGANIZATIONS.values()


def is_person_name(words: list[str], *, alone: bool = False) -> bool:
    """Words that make a personal name: first and last name words, particles between; two to six
    words (one is enough after an honorific)."""
    if not words or len(words) > 6 or len(words) < (1 if alone else 2):
        return False
    if not (_name_word(words[0]) and _name_word(words[-1])):
        return False
    return all(_name_word(w) or w.lower() in _PARTICLES for w in words[1:-1])


def _honorifics(words: list[str]) -> int:
    """How many of the first words are honorifics ("H.E. Ms.", "His Excellency Mr.", "Professor")."""
    k = 0
    while k < len(words):
        w = words[k]
        if w in _HONORIFIC_WORDS:
            k += 1
        elif w in ("His", "Her", "Their") and k + 1 < len(words) and words[k + 1] == "Excellency":
            k += 2
        elif w in _TITLE_HONORIFICS and k + 1 < len(words) and (_name_word(words[k + 1]) or words[k + 1] in _HONORIFIC_WORDS):
            k += 1  # "Professor Rosa Kim", "Ambassador Henrik Vestergaard"; "Professor of Law" is a title
        elif w in ("Lieutenant", "Major", "Brigadier") and k + 1 < len(words) and words[k + 1] in ("General", "Colonel"):
            k += 2
        elif w in _RANKS and k + 1 < len(words) and _name_word(words[k + 1]):
            k += 1  # "Major Siti X", "Captain Y"; "Captain of the …" is a role
        else:
            break
    return k


def split_person(part: str) -> tuple[str | None, str]:
    """(name, the rest) of one comma-separated part of an entry: "Ms. X", "Ms. X of Y", "X Y",
    "Executive Director of UNICEF Omar Farouk"; no name: (None, part)."""
    words = part.split()
    k = _honorifics(words)
    if k:
        j = k
        while j < len(words) and (_name_word(words[j]) or words[j].lower() in _PARTICLES and j > k
                                  or j > k and _capitals_surname(words[j])):
            j += 1
        while j > k and words[j - 1].lower() in _PARTICLES:
            j -= 1  # "Ms. X of …": a particle ends no name
        if j > k:
            return " ".join(words[k:j]), " ".join(words[j:])
        return None, part
    if is_person_name(words):
        return part, ""
    # a role, then the name ("Executive Director of UNICEF Omar Farouk"): the role is complete and
    # ends on a title, a body or a subject ("… for Children and Armed Conflict Maria Lindqvist"),
    # not on an adjective that a name goes on from ("… of the United Arab Emirates")
    for n in (4, 3, 2):
        if len(words) > n and is_person_name(words[-n:]) and complete_role(" ".join(words[:-n])) \
                and _ends_role(words[-n - 1]):
            return " ".join(words[-n:]), " ".join(words[:-n])
    return None, part


def _ends_role(word: str) -> bool:
    return bool(_TITLE_WORDS_ANY_CASE.fullmatch(word) or _ORG_WORDS.fullmatch(word)
                or _SUBJECT_WORDS.fullmatch(word) and not _ADJECTIVES.fullmatch(word))


def complete_role(text: str) -> bool:
    """A role that could end here: it has a title word and does not end on "of", "for" …"""
    return bool(_TITLE_WORDS_ANY_CASE.search(text)) and not _OPEN_END.search(text)


def names_person(part: str) -> bool:
    return split_person(part)[0] is not None


def names_body(text: str) -> bool:
    """Has a word that heads a body's name ("Office", "Institute") or an acronym."""
    return bool(_ORG_WORDS.search(text))


def _capitalised(text: str | None) -> str | None:
    return text[0].upper() + text[1:] if text else text


_AFTER_NAME_NOTE = re.compile(r"^(?P<name>[^(),]+?)\s*\((?P<note>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})\)(?=,|$)")


def _drop_note_after_name(item: str) -> str:
    """"Mr. Paul Kagame (Rwanda), Champion …": a country or affiliation noted after the name is no
    part of the name or the role (an acronym there is a body's: "(UNICEF)" stays)."""
    m = _AFTER_NAME_NOTE.match(item)
    if m and names_person(m.group("name")) and not _ORG_WORDS.search(m.group("note")) \
            and not _TITLE_WORDS.search(m.group("note")):
        return m.group("name") + item[m.end():]
    return item


def _parenthesised_role(item: str) -> str:
    """"Ms. X (Coordinator of the Panel …)" -> "Ms. X, Coordinator of the Panel …": a role in
    parentheses right after the name (parentheses inside it kept)."""
    if not item.endswith(")"):
        return item
    depth = 0
    for i in range(len(item) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(item[i], 0)
        if depth == 0:
            head, inner = item[:i].rstrip(), item[i + 1:-1].strip()
            if head and "," not in head and names_person(head) and split_person(head)[1] == "" and (
                    complete_role(inner.split(",")[0]) or _ORG_WORDS.search(inner)):
                return f"{head}, {inner}"
            return item
    return item


def _comma_parts(text: str) -> list[str]:
    """Split at commas outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def clean_entry(item: str) -> str:
    """An entry without what says nothing about who the briefer is: qualifiers "(via VTC)",
    "(retired)", relative clauses, "in her personal capacity", a leading "and", closing marks."""
    item = QUALIFIER.sub("", item.strip())
    item = re.sub(r"\s+[—–]\s+", ", ", item)  # "Ms. X — Title, Organization"
    item = re.sub(r"^(?:and|also)\s+", "", item)
    return RELATIVE.sub("", _CAPACITY.sub("", item)).strip().rstrip(".;,:").strip()


# "…, in her capacity as Co-Chair of X": the role in which the Council hears the briefer.
_IN_CAPACITY_AS = re.compile(r",?\s*\bin (?:her|his|their|its) capacity as (?:an? |the )?(?P<role>.+)$", re.IGNORECASE)
# "(Gabon)", "(Sierra Leone)" after a body: where it works, no part of its name (an acronym stays).
_PLACE_AFTER = re.compile(r"\s*\((?P<place>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})\)$")
# "the NGO Saferworld": the kind of body before its name ("NGO Working Group on …" is a name).
_NGO = re.compile(r"^NGO\s+(?=[A-Z])(?!(?:[\w'’-]+\s)?(?:" + _BODY_WORDS + r")\b)")


def _in_capacity(item: str) -> str:
    """"Ms. X, Professor at Y, in her capacity as member of Z" -> "Ms. X, member of Z": the
    capacity is the role the briefer speaks in, so a post printed before it gives way."""
    m = _IN_CAPACITY_AS.search(item)
    if m is None:
        return item
    head = _comma_parts(item[:m.start()])
    name = head[0] if head and names_person(head[0]) and split_person(head[0])[1] == "" else None
    return f"{name}, {m.group('role')}" if name else m.group("role")


def _drop_place_after_body(item: str) -> str:
    """"…, Director of X (Gabon)", "…, Director of X, Ghana", "…, Commander of X, recipient of the
    Y Award": a place, or a clause in lower case, after a role with its body is neither."""
    m = _PLACE_AFTER.search(item)
    if m and not _ORG_WORDS.search(m.group("place")) and not _TITLE_WORDS.search(m.group("place")) \
            and not m.group("place").isupper() and _ORG_WORDS.search(item[:m.start()]):
        item = item[:m.start()]
    parts = _comma_parts(item)
    while len(parts) > 2 and _has_role_and_body(parts[-2]) and (
            _is_place(parts[-1]) or parts[-1][:1].islower() and not complete_role(parts[-1].split(" of ")[0])):
        parts.pop()
    return ", ".join(parts)


def _has_role_and_body(part: str) -> bool:
    return complete_role(part) and organization_of(part) is not None


def _is_place(part: str) -> bool:
    """A country or place alone: one to three capitalised words, no body, role or subject word."""
    words = part.split()
    return 0 < len(words) <= 3 and all(_is_capitalised(w) for w in words) and not _ORG_WORDS.search(part) \
        and not _TITLE_WORDS_ANY_CASE.search(part) and not part.isupper()


def parse_en_entry(item: str, organization: str | None = None) -> Parsed | None:
    """One briefer from an English entry; `organization`: the body a group heading gave
    ("two representatives of the ICRC: Ms. A, …, and Mr. B, …")."""
    item = _parenthesised_role(_drop_note_after_name(_in_capacity(clean_entry(item))))
    acronyms = _ACRONYM.findall(item)
    item = _drop_place_after_body(_ACRONYM.sub("", item).rstrip(".;,").strip())
    if not item:
        return None
    if (speaks_for := _SPEAKS_FOR.search(item)) and item[:speaks_for.start()].strip():
        return _speaking_for(item[:speaks_for.start()], speaks_for.group("org"))
    rep = _REPRESENTATIVE.match(item)
    if rep and _CIVIL.fullmatch(rep.group("org").strip()):
        # "a representative of civil society": a role, no body
        return None, _capitalised(re.sub(r"^(?:a|an|the|one)\s+", "", item, flags=re.IGNORECASE)), None
    if rep:
        return None, "Representative", rep.group("org").strip()
    name = None
    rest: list[str] = []
    first = item.split()
    honorific_title = next((w for w in first[:_honorifics(first)] if w in _TITLE_HONORIFICS), None)
    for part in _comma_parts(item):
        found, remainder = split_person(part) if name is None else (None, part)
        name = name or found
        if remainder:
            rest.append(re.sub(r"^(?:the|a|an)\s+", "", remainder, flags=re.IGNORECASE))
    title, body = title_and_body(rest)
    if title is None and name and honorific_title:
        title = honorific_title  # "Professor X of the University of Helsinki": the professor's title
    if body is None and len(acronyms) == 1 and (name or title):
        body = acronyms[0].strip(" ()")  # "Ms. X, Chief of Child Protection (UNICEF)": the body as printed
    body = body or organization
    if name is None and title is None and body is None:
        return None
    if name is None and body is None and title and _ORG_WORDS.search(title) and not _TITLE_WORDS.search(title):
        return None, None, title  # a body named alone
    return name, _capitalised(title), _NGO.sub("", body) if body else body


# "…, representing the X", "…, on behalf of the X": X is the body the briefer speaks for.
_SPEAKS_FOR = re.compile(r",?\s+\b(?:representing|(?:speaking |who will speak )?on behalf of)\s+(?:the\s+)?(?P<org>[A-Z].*)$")
# What a role printed before "representing X" says about the person, no part of the title:
# "a farmer from the Ségou region", "a nurse with 20 years of experience".
_ROLE_DESCRIPTOR = re.compile(r"\s+(?:from|with|who)\s.*$")


def _speaking_for(head: str, organization: str) -> Parsed:
    """"Ms. X, a farmer from Y, on behalf of Z": the name, the role printed (or "Representative"
    when none is), and Z."""
    parts = _comma_parts(head)
    name, remainder = split_person(parts[0]) if parts else (None, "")
    roles = [r for r in [remainder, *parts[1:]] if r.strip()]
    role = _ROLE_DESCRIPTOR.sub("", re.sub(r"^(?:the|a|an)\s+", "", roles[0].strip(), flags=re.IGNORECASE)) if roles else ""
    return name, _capitalised(role) or "Representative", organization.strip()


def title_and_body(parts: list[str]) -> tuple[str | None, str | None]:
    """(title, organization) from what describes a briefer besides the name: "X of/at/to Y" or
    "X, Y" where Y is a body gives X and Y; a title naming an area gives the body that office
    heads; "from" a place (no body) gives no organization."""
    if not parts:
        return None, None
    civil = _CIVIL_SOCIETY.search(parts[-1])
    if civil:
        head = parts[-1][:civil.start()].strip(" ,")
        org = civil.group("org")
        body = org.strip() if org and _ORG_WORDS.search(org) else None
        return civil.group("role"), body if not head else (title_and_body([*parts[:-1], head])[1] or body)
    title = ", ".join(parts)
    whole = organization_of(title)
    last = parts[-1]
    if (len(parts) > 1 and _ORG_WORDS.search(last) and not _TITLE_WORDS.search(last)
            and (whole is None or whole == last or title.find(whole) < len(title) - len(last))
            and whole not in ORGANIZATIONS):  # "… of the United Nations Educational, Scientific and …" is one
        return ", ".join(parts[:-1]), re.sub(r"^the\s+", "", last)  # "Title, United Nations Youth Office"
    body = _BODY_THEN_ROLE.match(title)
    if body and title not in POSTS:
        return title, body.group("org")
    organization = whole
    if organization:
        at = title.rfind(organization)
        if at > 0 and title.endswith(organization) and title not in POSTS:
            # "Director of X" -> "Director"; two titles ("… and Head of X") -> "… and Head", as two
            # roles joined by "and" are one title; a remit after X keeps all
            title = re.sub(r"\s*\b(?:of|at|from|with|to|in)(?: the)?\s*$", "", title[:at]).strip(" ,")
    elif place := re.search(r"\s(?:from|in) (?:the )?(?P<where>.+)$", title):
        if not _ORG_WORDS.search(place.group("where")):
            title = title[:place.start()]  # "a youth leader from the department of Cauca": a place
    if re.fullmatch(r"(?:of|from|at|to|in)\s.*", title):
        title = ""
    return title or None, organization


def organization_of(title: str | None) -> str | None:
    """The body a role names or implies: "Director of X" -> X; "X, Title" -> X; "Under-Secretary-
    General for Peace Operations" -> Department of Peace Operations; "…处处长" -> …处."""
    if not title:
        return None
    # a double title ("… for Humanitarian Affairs and Emergency Relief Coordinator", "…副秘书长兼
    # 紧急救济协调员"): the office of the first names the body
    first = re.split(r"兼| and (?=(?:[A-Z][\w-]* ){1,3}(?:Coordinator|Representative|Adviser|Envoy)\b)", title)[0]
    for post, org in POSTS.items():
        if title.endswith(post) or title == post or first == post:
            return org
    if title in _UN_POSTS:
        return "联合国" if re.search(r"[\u4e00-\u9fff]", title) else "United Nations"
    head_of = _HEAD_OF.search(title)
    if head_of and _ORG_WORDS.search(head_of.group("body")):
        return head_of.group("body")  # "Special Representative … and Head of the United Nations … Mission"
    if _ENVOY_OFFICE.match(title):
        return f"Office of the {re.sub(r'^Deputy ', '', title)}"
    if _ZH_ENVOY_OFFICE.fullmatch(title):
        return f"{title}办公室"  # "秘书长儿童与武装冲突问题特别代表": the office the envoy heads
    usg = _USG_FOR.match(first)
    if usg:
        return f"Department of {usg.group('area')}"
    zh_usg = _ZH_USG.fullmatch(first)
    if zh_usg:  # "主管行动支助副秘书长" heads the department of 行动支助, as in English
        return f"{zh_usg.group('area')}部"
    m = re.search(r"\b(?:at|from|to) (?:the )?(.+)$", title)
    of_body = re.search(r"\bof (?:the )?[A-Z]", title)
    if m and of_body and of_body.start() < m.start() and _ORG_WORDS.search(title[of_body.end() - 1:m.start()]) \
            and not _LEADS_WITH_TITLE.match(title[of_body.end() - 1:]):
        m = None  # "Co-Chair of the Study Group on … in relation to …": the body named first is the one
    if m and _ORG_WORDS.search(m.group(1)) and not _LEADS_WITH_TITLE.match(m.group(1)):
        return m.group(1).strip()
    m = re.search(r"\bat (?:the )?(" + _PROPER_NAME + r")$", title)
    if m:  # "Chief Security Officer at Nordhavn Shipping": one works at a body, not a place
        return m.group(1)
    for m in re.finditer(r"\bof (?:the )?", title):
        rest = title[m.end():]
        if _LEADS_WITH_TITLE.match(rest):
            continue  # "Special Envoy of the Chairperson of …": the body comes after the person
        if _ORG_WORDS.search(rest):
            # "Special Envoy of the Chairperson of the African Union Commission on Women, Peace and
            # Security": an envoy's remit, not part of the body; "the International Commission on
            # Missing Persons" is the body's name
            remit = _REMIT.search(rest) if _REMIT_HOLDER.search(title[:m.start()]) else None
            return rest[:remit.end(1)] if remit else rest.strip()
        before = title[:m.start()]
        if m.group(0).endswith("the ") and _is_capitalised(rest) and complete_role(before) \
                and not re.search(r"\b(?:from|in) (?!.*(?:" + _BODY_WORDS + r"))", before):
            # "founder of the Kenema Survivors' Clinic", "coordinator of the Réseau des jeunes …": after
            # "of the", a name in capitals is a body; not "… from the X region of the Niger", a place
            return rest
        break
    m = re.search(r"\bin (?:the )?(.+)$", title)
    if m and _ORG_WORDS.search(m.group(1)):  # "Assistant Secretary-General for Africa in the Departments of …"
        return m.group(1).strip()
    return _zh_body_and_head(title)[0]


# -- Chinese ----------------------------------------------------------------------------------

# The body is the longest that leaves a title: "反恐怖主义委员会执行局" + "代理执行主任",
# "联合国教育、科学及文化组织" + "传播和信息助理总干事", "非洲联盟委员会" + "政治事务、和平与安全专员".
_ZH_BODY_HEAD = re.compile(
    r"^(?P<body>.+(?:" + "|".join(_ZH_BODY_END) + r"))(?P<head>[\u4e00-\u9fff、]{0,16}?(?:"
    + "|".join(t for t in _ZH_TITLE_ENDS if t != "委员") + r"|委员(?!会)))$"
)


def _zh_body_and_head(title: str) -> tuple[str | None, str]:
    """(body, title) of "联合国地雷行动处处长"; (None, title) when no body leads it."""
    if title in POSTS or not re.search(r"[\u4e00-\u9fff]", title):
        return None, title
    m = _ZH_BODY_HEAD.match(title)
    if m is None or m.group("head").startswith("、") or m.group("body").endswith("、"):
        return None, title
    return m.group("body"), m.group("head")


# A transliterated name: parts joined by a middle dot, a part perhaps double-barrelled ("门多萨-哈特").
_ZH_DOT_NAME = re.compile(r"[\u4e00-\u9fff]+(?:[" + _ZH_DOT + r"][\u4e00-\u9fff]+(?:[-－][\u4e00-\u9fff]+)?)+$")
# How the briefer takes part, no part of who the briefer is: "以个人身份(作)通报的", "代表民间社会发言的".
_ZH_CAPACITY = re.compile(r"以(?:其)?个人身份(?:作)?(?:通报的?|发言的?|参加的?)?|代表民间社会(?:组织)?(?:作)?(?:发言|通报)的")
# The name first, then the role: "林文德先生（东南亚国家联盟秘书长）", "阿玛尔·哈迪女士——小学教师".
_ZH_NAME_THEN_ROLE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff" + _ZH_DOT + r"\-－]{2,20}?)(?:先生|女士|博士|阁下)?"
    r"(?:[(（](?P<paren>[^()（）]+)[)）]|\s*(?:——|—|–|－{2})\s*(?P<dash>.+))$")
# "以青年代表身份发言的…": the role the briefer speaks in, which wins over descriptors after it.
_ZH_IN_CAPACITY = re.compile(r"以(?:其)?(?P<role>[\u4e00-\u9fff]{2,16}?)身份(?:通报|发言|参加|出席)?的?")
# "…女士(莫桑比克)": a country after the person is no part of the entry.
_ZH_PLACE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])[(（][\u4e00-\u9fff]{2,10}[)）]$")
# "，代表X发言" after a briefer: the body the briefer speaks for.
ZH_SPEAKS_FOR_CLAUSE = re.compile(r"代表(?P<org>[^，,；;。]+?)(?:发言|作?通报)")
ZH_SPEAKS_FOR = re.compile(r"[，,]\s*" + ZH_SPEAKS_FOR_CLAUSE.pattern + "$")
# A town or region before a role ("塔伊兹市小学教师"): where the briefer is from, no part of the title.
_ZH_PLACE_BEFORE = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:市|省|县|州|村|镇|地区)(?=[\u4e00-\u9fff]{2,}$)")
_ZH_REPRESENTATIVES = re.compile(r"^(?P<orgs>.+?)的?(?:一名|一位|两名|几名|若干名|数名|多名)?(?:代表|代表们)$")


# "联合国儿童基金会（儿基会）": the short name after a body's name.
_ZH_SHORT_NAME = re.compile(r"(?<=[部厅局处署会织室金盟心院网所行构])[(（][\u4e00-\u9fffA-Za-z-]{2,8}[)）]")


def clean_zh_entry(item: str) -> str:
    """An entry without qualifiers ("（视频连线）", "以个人身份通报的"), a body's short name in
    parentheses, a leading "一名", closing marks, or the honorific after the name ("女士", "先生",
    "教授" after a name)."""
    item = _ZH_CAPACITY.sub("", QUALIFIER.sub("", item.strip())).strip().rstrip("；;。.，,、 ")
    if (first := _ZH_NAME_THEN_ROLE.match(item)) and _ends_with_zh_title(role := first.group("paren") or first.group("dash")):
        item = role + first.group("name")  # read as the usual "role name"
    item = re.sub(r"^(?:一名|一位|两名|几名|若干名|数名|多名)", "", _ZH_SHORT_NAME.sub("", item))
    if (place := _ZH_PLACE_AFTER.search(item)) and (
            item[:place.start()].endswith(_ZH_HONORIFIC_AFTER) or _ZH_DOT_NAME.search(item[:place.start()])):
        item = item[:place.start()]
    for honorific in _ZH_HONORIFIC_AFTER:
        if item.endswith(honorific) and len(item) > len(honorific) + 1:
            return item[:-len(honorific)]
    return item


def parse_zh_entry(item: str) -> list[Parsed]:
    """The briefers of one Chinese entry: a person ("联合国地雷行动处处长伊莎贝尔·莫罗"), a post
    alone ("主管人道主义事务副秘书长"), or representatives of bodies ("A、B和C的代表")."""
    speaks_for = ZH_SPEAKS_FOR.search(item)
    item = clean_zh_entry(item[:speaks_for.start()] if speaks_for else item)
    if not item:
        return []
    if speaks_for:  # "…小学教师，代表X发言": X is the body; a place before the role is a descriptor
        who: tuple[str | None, str] = (_zh_split_name(item, dotted.start()) if (dotted := _ZH_DOT_NAME.search(item))
                                       else _zh_plain_name(item))
        return [(who[0], _ZH_PLACE_BEFORE.sub("", who[1]) or None, speaks_for.group("org"))]
    capacity = _ZH_IN_CAPACITY.search(item)
    if capacity and (dotted_after := _ZH_DOT_NAME.search(item, capacity.end())):
        # the capacity is the role; descriptors between it and the name go
        speaker = _zh_split_name(item[capacity.end():], dotted_after.start() - capacity.end())[0]
        return [(speaker, capacity.group("role"), organization_of(capacity.group("role")))]
    rep = _ZH_REPRESENTATIVES.match(item)
    if rep and _CIVIL.fullmatch(rep.group("orgs")):
        return [(None, item, None)]  # "民间社会代表": a role, no body
    if rep and not _ZH_DOT_NAME.search(rep.group("orgs")):
        return [(None, "代表", org) for org in _zh_orgs(rep.group("orgs"))]
    dotted = _ZH_DOT_NAME.search(item)
    name: str | None
    if dotted:
        name, role = _zh_split_name(item, dotted.start())
    else:
        name, role = _zh_plain_name(item)
    role = _zh_drop_descriptors(role)
    organization = organization_of(role)
    body, head = _zh_body_and_head(role)
    if role.startswith("联合国") and _ZH_USG.fullmatch(role[3:]):
        role = role[3:]  # "联合国主管…副秘书长": a post that names its area, as "主管…副秘书长"
    if role.startswith("联合国") and role[3:] in _UN_POSTS:
        body, head = "联合国", role[3:]  # "联合国秘书长": the Organization's post, as "Secretary-General of the United Nations"
    if body is not None and role not in POSTS:  # "联合国地雷行动处处长": the head of a body, and the body
        role, organization = head, body
    return [(name, role or None, organization)]


def _zh_drop_descriptors(role: str) -> str:
    """"民间社会代表、摩加迪沙…中心主任" -> the role after the descriptors; a "、" inside a title or a
    body's name ("政治事务、和平与安全专员", "联合国教育、科学及文化组织…") stays."""
    parts = role.split("、")
    start = 0
    for k, part in enumerate(parts[:-1]):
        if _ends_with_zh_title(part) and _ends_with_zh_title("、".join(parts[k + 1:])):
            start = k + 1
    return "、".join(parts[start:])


def _zh_split_name(item: str, start: int) -> tuple[str, str]:
    """Split "主管人道主义事务副秘书长瓦莱丽·阿莫斯" after the title's last word (the transliterated
    name is the run of characters and dots at the end)."""
    dot = min(i for i in range(start, len(item)) if item[i] in _ZH_DOT)
    head = item[:dot]
    end = _zh_title_end(head)
    if end > 0:
        return item[end:], item[:end]
    return item[start:], item[:start]


def _zh_title_end(text: str) -> int:
    """Where the last title word of `text` ends ("委员" in "委员会" is a body's name, not a title)."""
    ends = [(text.rfind(t), t) for t in _ZH_TITLE_ENDS if t in text]
    return max((at + len(t) for at, t in ends if text[at + len(t):at + len(t) + 1] != "会"), default=-1)


def _zh_plain_name(item: str) -> tuple[str | None, str]:
    """A Chinese name (two to four characters, no middle dot) right after the title's last word:
    "主管政治事务助理秘书长李华" -> 李华; otherwise no name."""
    end = _zh_title_end(item)
    tail = item[end:] if end > 0 else ""
    if 2 <= len(tail) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in tail) and not tail.endswith(_ZH_BODY_END):
        return tail, item[:end]
    return None, item


def _zh_orgs(text: str) -> list[str]:
    """"A、B和C": the bodies (a "、" or "和" inside a known body's name stays)."""
    out: list[str] = []
    pending = ""
    for p in (p.strip() for p in text.split("、")):
        if not p:
            continue
        if pending:
            p = f"{pending}、{p}"
            pending = ""
        if any(org.startswith(p + "、") for org in ORGANIZATIONS):
            pending = p  # "联合国教育、" goes on: "联合国教育、科学及文化组织"
            continue
        for sep in ("和", "及", "与"):
            pieces = p.split(sep)
            if len(pieces) == 2 and all(x.endswith(_ZH_BODY_END) for x in pieces):
                out += pieces
                break
        else:
            out.append(p)
    return out + ([pending] if pending else [])


def zh_person_ends(text: str) -> bool:
    """The text up to a "、" ends with a whole person ("…瓦莱丽·阿莫斯", "…女士") or a post that
    names its office ("主管安全和安保副秘书长"): the next "、" starts another briefer."""
    text = QUALIFIER.sub("", text).strip()
    if text.endswith(_ZH_HONORIFIC_AFTER[:4]) or re.search(r"[" + _ZH_DOT + r"][\u4e00-\u9fff]{1,6}(?:[-－][\u4e00-\u9fff]{1,6})?$", text):
        return True
    if _zh_plain_name(text)[0] is not None:
        return True  # "秘书长古特雷斯、"
    return (_ends_with_zh_title(text) and not text.endswith("代表") and "·" not in text
            and organization_of(text) is not None)


def describes_zh_briefer(q: str) -> bool:
    return q.endswith(_ZH_TITLE_ENDS) or bool(re.search(r"代表|[" + _ZH_DOT + r"]", q))
