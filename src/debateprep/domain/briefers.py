"""Briefers and the expected outcome, read from a concept note's sentences.

Briefers are read in three steps. The *passage* is found: a sentence that announces them ("The
Council will be briefed by …", "通报人：…", "…将向安理会通报情况"), a lead-in and the list after it,
or a list of lines that each describe someone. The passage is cut into *entries*, one a person:
list items (a line that names nobody continues the item before it), or running text cut at ";",
"；", "以及", at "by"/"and" before the next person, at commas where a second name begins, and at
"、" after a whole person ("…女士、", "…·阿莫斯、", a post that names its office). Each entry is then
parsed into name, title and organisation by `briefer_entry`'s small grammar. A group heading
("two representatives of the ICRC: Ms. A, …, and Mr. B, …") gives its members its body.
"""

from __future__ import annotations

import re

from debateprep.domain.briefer_entry import (
    ORGANIZATIONS,
    POSTS,
    QUALIFIER,
    RELATIVE,
    ZH_SPEAKS_FOR_CLAUSE,
    complete_role,
    describes_zh_briefer,
    names_body,
    names_person,
    parse_en_entry,
    parse_zh_entry,
    zh_person_ends,
)
from debateprep.domain.note_model import OUTCOME_LABELS, Briefer, Outcome, OutcomeKind
from debateprep.domain.questions import strip_marker
from debateprep.domain.text import BULLET_CHARS, is_section_name, sentences

__all__ = ["CHAIR_LINE", "ORGANIZATIONS", "OUTCOME_LABELS", "POSTS", "Briefer", "Outcome", "continues_entry",
           "describes_briefer", "find_briefers", "find_outcome"]

# An entry: its text, and the body a group heading gave it.
_Entry = tuple[str, str | None]

# -- the passage ------------------------------------------------------------------------------

_ZH_BRIEF = re.compile(r"^(?P<who>.+?)(?:将|拟)(?:在|向|于|就)?[^。；]{0,60}?(?:通报|介绍情况|作简报)")
_ZH_HEAR = re.compile(r"听取(?P<who>.+?)的?(?:通报|介绍)")
_ZH_LISTED = re.compile(r"通报人(?:将|拟|预计)?(?:(?:包括|为|是|有|如下)[：:]?|[：:])(?P<who>.+?)[。；;]?$")
_EN_BRIEF = re.compile(
    r"^(?P<who>.+?)\s(?:will|are expected to|is expected to|have been invited to|has been invited to|"
    r"are invited to|is invited to)\s(?:also\s)?(?:brief|address|deliver briefings|provide briefings)",
)
_EN_BRIEFED_BY = re.compile(
    r"(?:will be briefed by|briefings? will be (?:provided|given|delivered|made) by|"
    r"briefers? (?:will be|are|is|(?:will )?include)|briefed by|will hear (?:briefings? )?(?:from|by)|"
    r"^briefers?\s*:|^briefings? (?:by|from)\s*:)\s*:?\s*(?P<who>.*)$",
    re.IGNORECASE,
)
# Who the lead-in of a list names instead of the briefers themselves ("The following have been
# invited to brief the Council:", "The following briefers are expected:").
_GENERIC_WHO = re.compile(
    r"^(?:the )?following(?: \w+){0,3}$|^(?:the )?(?:briefers?|speakers?)$|^(?:expected|confirmed|invited|as follows)$",
    re.IGNORECASE,
)
# Who a Chinese lead-in names instead of the briefers ("以下人士", "下列通报人"): the list follows its colon.
_ZH_GENERIC_WHO = re.compile(r"(?:以下|下列|如下)(?:人士|人员|通报人|几位)?")
_BRIEF_WORD = re.compile(r"brief|通报|介绍情况", re.IGNORECASE)
# A sentence that announces briefers wherever it stands (not "the Council was briefed by").
_ANNOUNCES = re.compile(
    r"will be briefed|will (?:also )?brief|will hear|(?:invited|expected) to brief|following (?:briefers|speakers)|"
    r"briefers? will|^briefings? (?:by|from)\s*:|将.{0,30}通报|应邀.{0,20}通报|听取",
    re.IGNORECASE,
)
CHAIR_LINE = re.compile(r"(?:chair(?:ed)?(?: by)?|presid(?:ed|ing|ent)(?: by)?|moderat\w*(?: by)?)\s*[:：]|主持", re.IGNORECASE)


def find_briefers(paragraphs: list[str], language: str, *, announced_only: bool = False) -> list[Briefer]:
    """The briefers named in a briefers section (or in the paragraphs given); `announced_only`:
    only from a sentence that announces the briefers of this debate."""
    entries = _passage(paragraphs, language, announced_only)
    out: list[Briefer] = []
    for text, organization in entries:
        if language == "zh":
            out += [Briefer(*parsed) for parsed in parse_zh_entry(text)]
        elif parsed := parse_en_entry(text, organization):
            out.append(Briefer(*parsed))
    return out


def _passage(paragraphs: list[str], language: str, announced_only: bool) -> list[_Entry]:
    """The entries of the passage that names the briefers (see the module doc)."""
    if language != "zh":
        paragraphs = _join_open_groups(paragraphs)
    for i, p in enumerate(paragraphs):
        found: list[_Entry] = []
        for s in sentences(p):
            if announced_only and not _ANNOUNCES.search(s):
                continue
            found += _zh_sentence(s, paragraphs[i + 1:]) if language == "zh" else _en_sentence(s, paragraphs[i + 1:])
        if found:
            return found
    if announced_only:
        return []
    # no sentence names them: a list of briefers one a line, with or without markers
    start = next((i for i, p in enumerate(paragraphs) if describes_briefer(strip_marker(p))), None)
    if start is None:
        return []
    items = _list_items(paragraphs[start:])
    return [e for item in items for e in (_zh_running(item) if language == "zh" else [(item, None)])]


def _join_open_groups(paragraphs: list[str]) -> list[str]:
    """A sentence that names briefers and breaks off at a colon ("…, and by two representatives of
    the ICRC:"), then goes on in a paragraph of running text (a hard-wrapped line ended at the
    colon), made one paragraph again."""
    out: list[str] = []
    for p in paragraphs:
        if out and out[-1].endswith(":") and not _marked(p) and not describes_briefer(p):
            last = sentences(out[-1])[-1]
            m = _EN_BRIEFED_BY.search(last)
            who = m.group("who").rstrip(":").strip() if m else ""
            if who and not _GENERIC_WHO.match(who) and names_person(who.split(",")[0]) or _GROUP_HEAD.search(last):
                out[-1] = f"{out[-1]} {p}"
                continue
        out.append(p)
    return out


def _list_items(after: list[str]) -> list[str]:
    """The list items right after a lead-in, without their markers and closing marks; or, when
    the list has no markers, the lines that each describe one briefer. A line that names nobody
    and reads as the rest of the line before it ("Canal Authority") continues that item."""
    out: list[str] = []
    marked = bool(after) and _marked(after[0])
    for q in after:
        if out and continues_entry(out[-1], q):
            out[-1] = f"{out[-1]} {q}" if q.isascii() else out[-1] + q
            continue
        if marked and not _marked(q) or not marked and not describes_briefer(q):
            break
        out.append(_CHAIR_AFTER.sub("", strip_marker(q)).rstrip("；;。.，, "))
    return out


# Who chairs the debate, in a sentence a PDF copy ran into the list's last line ("…发言会议将由…
# 主持。", "… Responders The debate will be chaired by …"): no part of the last briefer.
_CHAIR_AFTER = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:本次)?(?:公开)?(?:会议|辩论)将由[^。；]{2,40}主持。?$|"
    r"(?<=[\w.)])\s+(?:The|This) (?:open |high-level )?(?:debate|meeting) will be (?:chaired|presided over) by .*$"
)


def continues_entry(previous: str, line: str) -> bool:
    """`line` is the rest of the briefer entry `previous`, wrapped onto a line of its own: a few
    capitalised words that name nobody, after an entry that ends without punctuation ("Ms. X,
    Vice-President for Water Resources, Panama" / "Canal Authority")."""
    line = line.strip()
    words = line.split()
    if not words or len(words) > 5 or not line.isascii() or _marked(line) or previous.rstrip()[-1:] in ".;:,)":
        return False
    if is_section_name(line) or not describes_briefer(strip_marker(previous)) or describes_briefer(line) \
            or CHAIR_LINE.match(line):
        return False
    return all(w[:1].isupper() or w in ("of", "for", "and", "the", "on", "in", "de", "la", "des", "du") for w in words) \
        and not re.search(r"[.;:?!]$", line)


def _marked(q: str) -> bool:
    return q[:1] in BULLET_CHARS or bool(re.match(
        r"^(?:\(?[a-z]\)|[a-h]\.\s|\d{1,2}[.)、]|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）])\s*", q))


def describes_briefer(q: str) -> bool:
    """An unmarked line of a list of briefers: short, one sentence at most, naming someone
    (honorific, "representative", a comma or dash between name and role, 代表/·, an office
    named with its article: "The Executive Director of …"; a Chinese line ending with a title)."""
    q = QUALIFIER.sub("", q).strip()
    if not q or len(q) > 300 or len(sentences(q)) > 1 or re.search(r"\b(?:will|is|are|was|were)\b", q):
        return False
    if CHAIR_LINE.match(q):
        return False  # "Chair: H.E. Mr. …": who chairs the debate does not brief it
    if not q.isascii() and re.search(r"[\u4e00-\u9fff]", q):
        return describes_zh_briefer(q)
    first = re.split(r",| [—–] | \(", q)[0]
    return bool(names_person(first) and (first != q or len(first.split()) <= 6 and _HONORIFIC_START.match(q))
                or re.search(r"\brepresentative", q, re.IGNORECASE)
                or re.match(r"(?:the|an?)\s", q, re.IGNORECASE) and complete_role(first))


_HONORIFIC_START = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr|Prof|H\.E|His Excellency|Her Excellency|Professor|Ambassador)\b")


def _en_sentence(s: str, after: list[str]) -> list[_Entry]:
    lead_in = s.rstrip().endswith(":")
    m = _EN_BRIEFED_BY.search(s)
    who = m.group("who").strip() if m else None
    if who is None:
        m2 = _EN_BRIEF.match(s)
        who = m2.group("who").strip() if m2 else None
    elif ":" in who and _GENERIC_WHO.match(who.split(":")[0].strip()):
        who = who.split(":", 1)[1].strip()  # "The following briefers are expected: A; B; and C."
    if who is None:
        return [(i, None) for i in _list_items(after)] if lead_in and _BRIEF_WORD.search(s) else []
    who = who.rstrip(".:").strip()
    if who and who[0].islower() and not re.match(r"(?:the|an?|one|two|three|four|five|several|representatives?)\b", who):
        who = ""  # "The briefers will be announced in due course": nobody named
    if not who or _GENERIC_WHO.match(who) or lead_in and not _GROUP_HEAD.search(who):
        return [(i, None) for i in _list_items(after)]
    entries = _en_running(who)
    if lead_in:  # "… and by two representatives of the ICRC:" then its members, one a line
        group = _GROUP_HEAD.search(who)
        organization = group.group("org") if group else None
        entries = [e for e in entries if e[0] != group.group(0).rstrip(":")] if group else entries
        entries += [(i, organization) for i in _list_items(after)]
    return entries


# "two representatives of the International Committee of the Red Cross:", then its members.
_GROUP_HEAD = re.compile(
    r"(?:^|,\s*(?:and\s+)?(?:by\s+)?|\s+and\s+(?:by\s+)?)(?:one|two|three|four|five|several|\d+)\s+representatives?\s+"
    r"(?:of|from)\s+(?:the\s+)?(?P<org>[^:;]+?)\s*:\s*(?P<members>.*)$",
    re.IGNORECASE,
)
# "…, and by Ms. Y", ", by the High Representative …": "by" starts another briefer.
_BY_NEXT = re.compile(r",?\s+and\s+by\s+|,\s*by\s+(?=[A-Z]|the\s|an?\s|one\s|two\s|three\s|four\s|several\s)")
# "…, and Ms. Y", "… and a representative of …", "… and the Chairperson of …" start another
# person; "… and the Empowerment of Women" does not.
_HONORIFIC_RE = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|H\.E|His Excellency|Her Excellency|Ambassador|Judge|Sir|Dame)\.?"
_AND_NEXT = re.compile(
    r",?\s+(?:and|as well as)\s+(?=" + _HONORIFIC_RE + r"\s|an?\s|the\s(?:[\w-]+\s){0,3}?(?:Secretary|Director|President|Chair|"
    r"Commissioner|Envoy|Representative|Minister|Head|Chief|Coordinator|Adviser|Rapporteur|Prosecutor)\b)"
)
_REPRESENTATIVES_TAIL = re.compile(
    r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?:a\s+|the\s+)?representatives?\s+(?:of|from)\s+(?P<orgs>.+)$")


def _en_running(who: str) -> list[_Entry]:
    """Entries named in running text: "A, Title; B of Org; and C, Title", "A, by B and by C",
    "A and representatives of X, Y and Z", "two representatives of X: A, Title, and B, Title"."""
    who = RELATIVE.sub("", re.sub(r"^the\s+", "", who.strip(), flags=re.IGNORECASE))
    out: list[_Entry] = []
    for segment in _top_level_split(who, ";"):
        segment = re.sub(r"^\s*(?:and\s+)?by\s+(?:the\s+)?", "", segment)  # "…; by the Director of X, Mr. Y; and by Ms. Z"
        for item in (x.strip() for x in _BY_NEXT.split(segment) if x.strip()):
            group = _GROUP_HEAD.search(item)
            if group and group.group("members").strip():
                head = item[:group.start()].strip().rstrip(",")
                out += [(p, None) for p in _people(head)] if head else []
                out += [(p, group.group("org").strip()) for p in _people(group.group("members"))]
                continue
            rep = _REPRESENTATIVES_TAIL.search(item)
            head = item[:rep.start()].strip().rstrip(",") if rep else item
            if head:
                out += [(p, None) for p in _people(head)]
            if rep:
                out += [(f"a representative of {org}", None) for org in _en_orgs(rep.group("orgs"))]
    return out


def _top_level_split(text: str, mark: str) -> list[str]:
    """Split at `mark` outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch == mark and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def _people(item: str) -> list[str]:
    """One item of running text split into persons: at "and"/"," before an honorific or an
    article, then part by part, a part naming someone when the person so far is named."""
    item = re.sub(r"^(?:and\s+)", "", item.strip())
    out: list[str] = []
    for chunk in _AND_NEXT.split(item):
        chunk = re.sub(r"^(?:and\s+)", "", chunk.strip())
        current: list[str] = []
        named = False
        for part in (p.strip() for p in _top_level_split(chunk, ",")):
            part = re.sub(r"^and\s+", "", part)
            if not part:
                continue
            has_name = names_person(QUALIFIER.sub("", part))
            # "the President of X, the Chair of Y": an article and a role open another briefer
            # once the one so far has a role
            another = bool(re.match(r"the\s", part)) and complete_role(part) and any(
                not names_person(c) for c in current)
            if has_name and named or another:
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
        if merged and not names_body(p):
            merged[-1] = f"{merged[-1]} and {p}"  # "Economic and Social Affairs" was split
        else:
            merged.append(p)
    return merged


# -- Chinese ----------------------------------------------------------------------------------


def _zh_sentence(s: str, after: list[str]) -> list[_Entry]:
    s = strip_marker(s)  # "9. 联合国秘书长…将在会上作通报": a numbered paragraph's number names nobody
    if s.rstrip().endswith(("：", ":")) and _BRIEF_WORD.search(s):
        return [e for item in _list_items(after) for e in _zh_running(item)]
    m = _ZH_HEAR.search(s) or _ZH_BRIEF.match(s)
    head, colon, rest = s.partition("：")
    if m and colon and rest.strip() and m.start() < len(head) and _ZH_GENERIC_WHO.search(m.group("who")):
        return _zh_running(rest.strip().rstrip("。"))  # "安理会将听取以下人士的通报：A；B；以及C。"
    listed = _ZH_LISTED.search(s)
    if listed:  # "预计通报人包括：A、B以及C。"
        return _zh_running(listed.group("who"))
    m = _ZH_HEAR.search(s) or _ZH_BRIEF.match(s)  # "安理会将听取A和B的通报": A and B brief, not the Council
    if m is None or re.fullmatch(r"(?:安全理事会|安理会)(?:成员)?", m.group("who").strip()):
        return []
    return _zh_running(m.group("who"))


def _zh_running(who: str) -> list[_Entry]:
    """Chinese entries: cut at "以及", "；", "，", and at "、" after a whole person."""
    out: list[_Entry] = []
    for chunk in re.split(r"以及|；|，|;", who):
        chunk = chunk.strip()
        if not chunk:
            continue
        # "、", and "和"/"及"/"与" (not the 和 of 和平): a new briefer when a whole one ends before it
        pieces = re.split(r"(、|和(?!平)|及|与)", chunk)
        current = pieces[0]
        for sep, piece in zip(pieces[1::2], pieces[2::2]):
            if zh_person_ends(current) and piece:
                out.append((current, None))
                current = piece
            else:
                current = f"{current}{sep}{piece}"
        if out and ZH_SPEAKS_FOR_CLAUSE.fullmatch(current):
            out[-1] = (f"{out[-1][0]}，{current}", None)  # "…，代表X发言" belongs to the briefer before it
            continue
        out.append((current, None))
    return out

# -- outcome ----------------------------------------------------------------------------------

_OUTCOME_PATTERNS: tuple[tuple[OutcomeKind, str], ...] = (
    ("none", r"不(?:会|寻求|打算|拟)?(?:谈判)?(?:通过|形成|产生|达成)?(?:任何)?(?:正式)?成果文件|不(?:会|寻求|打算|拟)?(?:通过|形成|产生)?(?:任何)?正式成果|没有(?:预期)?(?:的)?(?:正式)?成果|无(?:正式)?成果文件|"
             r"无意(?:寻求|通过|形成|产生)(?:任何)?(?:正式)?成果"),
    ("none", r"\bno (?:formal |official |negotiated |planned |expected )?(?:outcome|product)|\bno outcome document|"
             r"\bnot (?:expected|envisaged|intended) to (?:have|produce|adopt) (?:a |any )?(?:formal )?outcome|"
             r"\b(?:not intend(?:s)? to|(?:will|does|do|shall) not) (?:pursue|seek|propose|adopt|produce|have|negotiate) "
             r"(?:a |an |any )?(?:formal |negotiated |official )?outcome"),
    ("presidential statement", r"主席声明|presidential statement"),
    ("resolution", r"(?:通过|提出|提交|分发|散发|拟订|起草)(?:一项|一份)?(?:关于[^。；，]{1,20}的)?(?:决议草案|决议)|draft resolution|adopt(?:ion of)? a resolution|resolution (?:will|would) be"),
)
# A summary of the debate the presidency will issue: an outcome, though not a negotiated one.
_SUMMARY = re.compile(r"\bsummary\b|主席(?:的)?(?:总结|摘要)|会议总结", re.IGNORECASE)
_FUTURE = re.compile(r"将|拟|打算|无意|希望|计划|预期|寻求|will|would|intends?|expects?|envisag|propos|plans?|prepare|issue|circulate", re.IGNORECASE)


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
