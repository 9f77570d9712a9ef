"""The conventional forms of a delegation's statement at an open debate, in English and Chinese.

Opening: the salutation, thanks to the presidency for convening the debate and to the briefers by
name in the form each language uses ("Under-Secretary-General Amos" / "阿莫斯副秘书长"), then, for
a statement on behalf of a group, the group and the delegations that align themselves. Closing: the
conventional thanks. Header: who speaks, on what occasion, where and when, "Check against delivery".
Anything the data cannot tell (the President's form of address, a presidency not recorded) is
left as a bracketed placeholder for the writer, which the check reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

Chair = Literal["madam", "mister"]
CHAIRS: tuple[str, ...] = ("madam", "mister")

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# Fixed text of the forms, per language (one place, for translation).
FORMS: dict[str, dict[str, str]] = {
    "en": {
        "president.madam": "Madam President",
        "president.mister": "Mr. President",
        "president.unknown": "[Mr./Madam] President",
        "thank.presidency": "I thank the presidency of {presidency} for convening this open debate",
        "thank.briefers.only": "I thank {briefers} for {their} {briefings}.",
        "thank.and.briefers": " and {briefers} for {their} {briefings}",
        "presidency.unknown": "[presidency]",
        "representative.of": "the representative of {organization}",
        "representatives.of": "the representatives of {organizations}",
        "group": "I have the honour to speak on behalf of {group}.",
        "aligning.one": "{names} aligns itself with this statement.",
        "aligning.many": "{names} align themselves with this statement.",
        "closing.known": "Thank you, {president}.",
        "closing.unknown": "Thank you.",
        "title": "Statement by {speaker}",
        "title.group": "Statement by {speaker} on behalf of {group}",
        "occasion": "at the Security Council open debate on {topic}",
        "place": "New York, {date}",
        "check": "Check against delivery",
        "and": " and ",
        "comma": ", ",
    },
    "zh": {
        "president.madam": "主席女士",
        "president.mister": "主席先生",
        "president.unknown": "主席[女士/先生]",
        "thank.presidency": "我感谢{presidency}举办此次公开辩论",
        "thank.briefers.only": "我感谢{briefers}的通报。",
        "thank.and.briefers": "，感谢{briefers}的通报",
        "presidency.unknown": "[主席国]",
        "representative.of": "{organization}代表",
        "representatives.of": "{organizations}代表",
        "group": "我谨代表{group}发言。",
        "aligning.one": "{names}赞同本发言。",
        "aligning.many": "{names}赞同本发言。",
        "closing.known": "谢谢{president}。",
        "closing.unknown": "谢谢。",
        "title": "{speaker}的发言",
        "title.group": "{speaker}代表{group}的发言",
        "occasion": "在安全理事会{topic}公开辩论会上",
        "place": "{date}，纽约",
        "check": "请以实际发言为准",
        "and": "和",
        "comma": "、",
    },
}

# Talking points a question's section starts with: placeholders the writer replaces.
TALKING_POINTS: dict[str, tuple[str, ...]] = {
    "en": ("[Our position on this question]", "[What we have done: national experience and contributions]",
           "[What we propose]"),
    "zh": ("[我方对此问题的立场]", "[我国的做法、经验和贡献]", "[我方的具体建议]"),
}

# Posts that brief the Council often, Chinese <-> English (official UN titles).
POSTS: tuple[tuple[str, str], ...] = (
    ("主管人道主义事务副秘书长兼紧急救济协调员", "Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator"),
    ("主管人道主义事务副秘书长", "Under-Secretary-General for Humanitarian Affairs"),
    ("主管维持和平行动副秘书长", "Under-Secretary-General for Peacekeeping Operations"),
    ("主管和平行动副秘书长", "Under-Secretary-General for Peace Operations"),
    ("主管政治和建设和平事务副秘书长", "Under-Secretary-General for Political and Peacebuilding Affairs"),
    ("主管政治事务副秘书长", "Under-Secretary-General for Political Affairs"),
    ("主管建设和平支助助理秘书长", "Assistant Secretary-General for Peacebuilding Support"),
    ("联合国人权事务高级专员", "United Nations High Commissioner for Human Rights"),
    ("联合国难民事务高级专员", "United Nations High Commissioner for Refugees"),
    ("红十字国际委员会主席", "President of the International Committee of the Red Cross"),
    ("红十字国际委员会总干事", "Director-General of the International Committee of the Red Cross"),
    ("秘书长", "Secretary-General"),
)
# The rank a briefer is addressed by, longest first: "Under-Secretary-General Amos", "阿莫斯副秘书长".
RANKS_EN = (
    "Under-Secretary-General", "Assistant Secretary-General", "Deputy Secretary-General", "Secretary-General",
    "High Commissioner", "Special Representative", "Special Envoy", "Special Adviser", "Director-General",
    "Executive Director", "Deputy Executive Director", "President", "Director", "Chair", "Chairperson",
    "Ambassador", "Minister", "Judge", "Professor",
)
RANKS_ZH = (
    "常务副秘书长", "副秘书长", "助理秘书长", "秘书长", "高级专员", "特别代表", "特使", "特别顾问", "总干事",
    "执行主任", "主席", "主任", "大使", "部长", "法官", "教授",
)
_REPRESENTATIVE = {"代表", "representative", "a representative", "representatives"}
_HONORIFIC = re.compile(r"^(?P<h>Mr|Ms|Mrs|Miss|Madam|Dr|Prof|H\.E|Sir|Dame|Lord|Lady)\.?\s+", re.IGNORECASE)
_FEMALE = {"ms", "mrs", "miss", "madam", "dame", "lady"}
_MALE = {"mr", "sir", "lord"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def has_cjk(text: str | None) -> bool:
    return bool(text and _CJK.search(text))


def in_language(text: str | None, language: str) -> bool:
    """Written in the statement's language: Chinese characters for zh, none for en."""
    return bool(text) and has_cjk(text) == (language == "zh")


def with_article(organization: str, language: str) -> str:
    """English organisation names take "the" ("the Department of Peacekeeping Operations");
    a single word or acronym ("UNICEF", "UN-Women") does not, nor does Chinese."""
    if language == "zh" or organization.lower().startswith("the ") or " " not in organization.strip():
        return organization
    return f"the {organization}"


def join_names(names: Sequence[str], language: str) -> str:
    """"A, B and C" / "A、B和C"."""
    forms = FORMS[language]
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return forms["comma"].join(names[:-1]) + forms["and"] + names[-1]


def translate_post(title: str | None, language: str) -> str | None:
    """A known post in `language` ("主管人道主义事务副秘书长" -> "Under-Secretary-General for …")."""
    if not title:
        return None
    key = title.strip()
    for zh, en in POSTS:
        if key == zh or key.casefold() == en.casefold():
            return zh if language == "zh" else en
    return key if in_language(key, language) else None


@dataclass(frozen=True)
class BrieferRef:
    """A briefer as the debate knows them; `organization` already in the statement's language
    (the service looks it up in the roster)."""

    name: str | None = None
    title: str | None = None
    organization: str | None = None

    @property
    def gender(self) -> str | None:
        m = _HONORIFIC.match(self.name or "")
        if m is None:
            return None
        h = m.group("h").lower().rstrip(".")
        return "f" if h in _FEMALE else "m" if h in _MALE else None

    @property
    def named(self) -> bool:
        return bool(self.name and self.name.strip())

    def representative_only(self, language: str) -> bool:
        """Someone the note names only as "a representative of" an organisation (or whose name is in
        another script): thanked as that organisation's representative."""
        title = (self.title or "").strip().casefold()
        named = self.named and in_language(self.name, language)
        return not named and (not title or title in _REPRESENTATIVE or translate_post(self.title, language) is None)

    def addressed(self, language: str) -> str:
        """How the statement names this briefer: "Under-Secretary-General Amos", "阿莫斯副秘书长",
        "the Under-Secretary-General for Humanitarian Affairs", "维持和平行动部代表"."""
        name = (self.name or "").strip()
        title = translate_post(self.title, language) or ""
        if name and in_language(name, language):
            if language == "zh":
                surname = re.split(r"[·・•]", name)[-1]
                rank = next((r for r in RANKS_ZH if title.endswith(r)), None)
                return f"{surname}{rank}" if rank else f"{title}{name}"
            bare = _HONORIFIC.sub("", name)
            surname = bare.split()[-1] if bare.split() else bare
            rank = next((r for r in RANKS_EN if title.lower().startswith(r.lower())), None)
            if rank:
                return f"{rank} {surname}"
            honorific = _HONORIFIC.match(name)
            return f"{honorific.group(0).strip()} {surname}" if honorific else bare
        if title and title.casefold() not in _REPRESENTATIVE:
            return title if language == "zh" else f"the {title}"
        organization = with_article(self.organization, language) if self.organization else (
            "[通报人]" if language == "zh" else "[briefer]")
        return FORMS[language]["representative.of"].format(organization=organization)


def briefers_phrase(briefers: Sequence[BrieferRef], language: str) -> str:
    """All briefers in one phrase; representatives named only by organisation are grouped:
    "Under-Secretary-General Amos and the representatives of A, B and C" /
    "阿莫斯副秘书长以及维持和平行动部、人权高专办和红十字国际委员会代表"."""
    forms = FORMS[language]
    people = [b.addressed(language) for b in briefers if not b.representative_only(language)]
    orgs = [with_article(b.organization, language) for b in briefers
            if b.representative_only(language) and b.organization]
    nameless = [b.addressed(language) for b in briefers if b.representative_only(language) and not b.organization]
    parts = list(people)
    if len(orgs) == 1:
        parts.append(forms["representative.of"].format(organization=orgs[0]))
    elif orgs:
        parts.append(forms["representatives.of"].format(organizations=join_names(orgs, language)))
    parts += nameless
    if language == "zh" and people and len(parts) > len(people):
        return "、".join(people) + "以及" + join_names(parts[len(people):], language)
    return join_names(parts, language)


def address(chair: str | None, language: str) -> str:
    """"Madam President" / "主席女士"; a placeholder when the form is not known."""
    key = f"president.{chair}" if chair in CHAIRS else "president.unknown"
    return FORMS[language][key]


def opening(language: str, *, presidency: str | None, briefers: Sequence[BrieferRef], chair: str | None,
            we_preside: bool = False, group: str | None = None, aligning: Sequence[str] = ()) -> list[str]:
    """The opening paragraphs: address and thanks; then the group and who aligns, if any."""
    forms = FORMS[language]
    sep = "，" if language == "zh" else ", "
    count = len(briefers)
    if language == "en":
        their = {"f": "her", "m": "his"}.get(briefers[0].gender or "", "the") if count == 1 else "their"
        briefings = "briefing" if count == 1 else "briefings"
    else:
        their = briefings = ""
    phrase = briefers_phrase(briefers, language) if briefers else ""
    if we_preside:
        thanks = forms["thank.briefers.only"].format(briefers=phrase, their=their, briefings=briefings) if phrase else ""
    else:
        thanks = forms["thank.presidency"].format(presidency=presidency or forms["presidency.unknown"])
        if phrase:
            thanks += forms["thank.and.briefers"].format(briefers=phrase, their=their, briefings=briefings)
        thanks += "。" if language == "zh" else "."
    first = address(chair, language) + (sep + thanks if thanks else ("，" if language == "zh" else ","))
    paragraphs = [first]
    if group:
        line = forms["group"].format(group=group)
        names = [a for a in aligning if a.strip()]
        if names:
            key = "aligning.one" if len(names) == 1 else "aligning.many"
            line += ("" if language == "zh" else " ") + forms[key].format(names=join_names(names, language))
        paragraphs.append(line)
    return paragraphs


def closing(language: str, chair: str | None) -> str:
    forms = FORMS[language]
    if chair in CHAIRS:
        return forms["closing.known"].format(president=address(chair, language))
    return forms["closing.unknown"]


def talking_points(language: str) -> list[str]:
    return list(TALKING_POINTS["zh" if language == "zh" else "en"])


def format_date(day: date | None, language: str) -> str:
    if day is None:
        return "[日期]" if language == "zh" else "[date]"
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def topic_phrase(topic: str | None, language: str) -> str:
    """The debate's subject as it follows "open debate on" / precedes "问题公开辩论会"."""
    topic = (topic or "").strip().strip('"“”')
    if not topic:
        return "[议题]" if language == "zh" else "[topic]"
    if language == "zh":
        return topic if topic.endswith("问题") else f"{topic}问题"
    if len(topic) > 1 and topic[0].isupper() and topic[1].islower():
        topic = topic[0].lower() + topic[1:]
    return topic


def header_lines(language: str, *, speaker: str, group: str | None, topic: str | None,
                 meeting_date: date | None) -> list[str]:
    """"Statement by China at the Security Council open debate on …", "New York, 12 February 2014",
    "Check against delivery" (Chinese: "中国在安全理事会…公开辩论会上的发言", "2014年2月12日，纽约",
    "请以实际发言为准")."""
    forms = FORMS[language]
    occasion = forms["occasion"].format(topic=topic_phrase(topic, language))
    if language == "zh":
        who = f"{speaker}代表{group}" if group else speaker
        title = f"{who}{occasion}的发言"
    else:
        title = (forms["title.group"].format(speaker=speaker, group=group) if group
                 else forms["title"].format(speaker=speaker)) + " " + occasion
    return [title, forms["place"].format(date=format_date(meeting_date, language)), forms["check"]]
