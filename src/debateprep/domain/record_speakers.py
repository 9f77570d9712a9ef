"""The speakers list as heard, read back from a verbatim record (S/PV.xxxx).

Uses the speaker headers (`verbatim.parse_speaker_header`) and what the President says between
statements: "I now call on the Minister for Foreign Affairs of the Republic of Estonia" gives the
level, "I now give the floor to the observer of the European Union" the delegation of a header
without one, rule 39 invitations ("Mr. Robert Mardini, Permanent Observer of the International
Committee of the Red Cross") the body a briefer speaks for, "in my capacity as ..." the
President's national statement, "suspend the meeting" the end of a session.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import unicodedata
from collections.abc import Sequence

from debateprep.domain.errors import InputError
from debateprep.domain.roster import PERMANENT_MEMBERS, Delegation, Roster, membership_unknown
from debateprep.domain.speakers import Basis, Level, SpeakerEntry
from debateprep.domain.verbatim import SpeakerHeader, iter_speeches, person_name

_CALL = re.compile(r"(?:floor to|call on|call upon|give the floor to)\s+(?:the\s+)?(?P<who>[^.]{3,200}?)\s*\.(?:\s|$)")
_CAPACITY = re.compile(r"in my capacity as\s+(?:the\s+)?(?P<who>[^.]{3,200}?)\s*\.")
_INVITED = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|Dr|Dame|Sir)\.?\s+(?P<name>(?:[A-Z][\w'\-]+\s+){0,4}?(?P<surname>[A-Z][\w'\-]+)),\s+"
    r"(?P<role>[^,;]{3,200}?)(?=,|;|\s+to participate|\.\s)")
_BEHALF = re.compile(r"on (?:the )?behalf of (?:the )?(?P<group>[^.;:]{3,140}?)(?=[.;:,]| and its | - |\s+-)")
_FURTHER = re.compile(r"asked for the floor to make a further statement|make a further statement")
_ALIGNING = re.compile(r"align|associate|statement|deliver|made by|endorse|support|apolog", re.I)
_SUSPEND = re.compile(r"\bsuspend(?:ed)? (?:the|this) meeting")

_HEAD = re.compile(r"\b(?<!Deputy )(?:Prime Minister|President|Head of State|Head of Government|King|Queen|Emir|"
                   r"Crown Prince|Vice-President|Chancellor|Taoiseach)\b")
_VICE = re.compile(r"\b(?:Minister of State|Deputy Minister|Vice-Minister|Vice Minister|State Secretary|"
                   r"Minister-Delegate|Minister Delegate|Parliamentary Secretary|Secretary of State for)\b")
_MINISTER = re.compile(r"\bMinister\b|\bSecretary of State\b")


@dataclass
class HeardSpeaker:
    """One statement of the record, as a speakers-list entry."""

    order: int  # 1-based, in the order heard
    delegation: str
    delegation_code: str | None
    representative: str
    title: str  # as the President introduced them, e.g. "Minister for Foreign Affairs"
    level: Level
    basis: Basis
    session: int  # 1-based: a suspension or a new record part starts the next session
    on_behalf_of: str | None = None
    language: str | None = None
    words: int = 0
    further: bool = False  # a further statement (right of reply), not a new inscription

    def to_entry(self, inscribed_at: datetime) -> SpeakerEntry:
        return SpeakerEntry(
            delegation=self.delegation, delegation_code=self.delegation_code,
            representative=self.representative, title=self.title, level=self.level,
            basis=self.basis, on_behalf_of=self.on_behalf_of, inscribed_at=inscribed_at,
            draw=self.order if self.basis == Basis.MEMBER else None,
            notes=f"heard {_ordinal(self.order)} in the record")


def speakers_from_record(parts: Iterable[str], roster: Roster, meeting_date: date,
                         president_code: str | None = None) -> list[HeardSpeaker]:
    """Everyone who made a statement, in the order heard. `parts` are the texts of the record
    (one or several files; each part after the first starts a new session, as a resumption does)."""
    if president_code is None and meeting_date.year in roster.council:
        president_code = roster.presidency(meeting_date).code
    year = meeting_date.year
    members = set(roster.council[year].members) if year in roster.council else set(PERMANENT_MEMBERS)
    if president_code is not None:
        members.add(president_code)  # who presides sits on the Council
    invited: dict[str, tuple[Delegation, str]] = {}
    heard: list[HeardSpeaker] = []
    seen: set[tuple[str, str]] = set()
    call = ""
    session = 0
    further_next = False
    member_spoke = False
    for part in parts:
        session += 1
        for header, text in iter_speeches(part):
            if header.is_president:
                _note_invitations(text, roster, invited)
                capacity = _CAPACITY.search(text)
                if capacity and president_code:
                    president = roster.get(president_code)
                    heard_one = _make(len(heard) + 1, president, header, text, capacity.group("who"), session,
                                      Basis.MEMBER, roster)  # who presides sits on the Council
                    member_spoke = True
                    _add(heard, seen, heard_one)
                calls = list(_CALL.finditer(text))
                call = calls[-1].group("who") if calls else ""
                call = "" if call.startswith(("make ", "him ", "her ")) else call
                further_next = bool(_FURTHER.search(text))
                if _SUSPEND.search(text):
                    session += 1
                continue
            d = _delegation(header, call, roster, invited)
            if d is not None and d.is_state:
                if d.code not in members and d.basis != "observer" and roster.membership(d.code, year) is None:
                    raise InputError(None, f"{d.name}: {membership_unknown(year)} (the record does not say who "
                                           "sits on the Council)")
                basis = Basis.MEMBER if d.code in members else (Basis.OBSERVER if d.basis == "observer" else Basis.RULE37)
            elif d is not None and d.basis == "observer":
                basis = Basis.OBSERVER
            else:
                basis = Basis.RULE39 if member_spoke else Basis.BRIEFER
            member_spoke = member_spoke or basis == Basis.MEMBER
            surname = header.name.split()[-1] if header.name else ""
            role = invited[surname][1] if surname in invited and invited[surname][0] == d else ""
            one = _make(len(heard) + 1, d, header, text, call, session, basis, roster, role)
            one.further = further_next
            _add(heard, seen, one)
            call, further_next = "", False
    # renumber sessions 1..n without gaps (a suspension at the very end adds none)
    numbers = {s: i + 1 for i, s in enumerate(sorted({h.session for h in heard}))}
    for h in heard:
        h.session = numbers[h.session]
    return heard


def entries_from_heard(heard: Iterable[HeardSpeaker], inscription_start: datetime) -> list[SpeakerEntry]:
    """First statements only, as inscriptions one minute apart in the order heard."""
    return [h.to_entry(inscription_start + timedelta(minutes=i))
            for i, h in enumerate(x for x in heard if not x.further)]


_NAME_SEPARATORS = re.compile(r"[\s·•・‧.,，、]+")


def _name_parts(name: str) -> list[str]:
    """Words of a person's name, accents and case aside ("Mr. De Roux" -> ["de", "roux"]);
    Chinese names split at the middle dot ("哈立德·希亚里" -> ["哈立德", "希亚里"])."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return [w for w in _NAME_SEPARATORS.split(plain.casefold()) if w]


def listed_briefer(speaker: str, entries: Sequence[SpeakerEntry]) -> SpeakerEntry | None:
    """The briefer already on the speakers list whom a record's header names, by surname: "Mr. Khiari"
    is "Khaled Khiari, Assistant Secretary-General …"; "希亚里先生" is "哈立德·希亚里". The listed
    name is the entry's representative (or, for someone inscribed in a personal capacity, the entry
    itself). None when no briefer, or more than one, carries that name."""
    name = person_name(speaker) or ""
    wanted = _name_parts(name)
    if not wanted:
        return None
    found: list[SpeakerEntry] = []
    for e in entries:
        if not e.active or e.basis not in (Basis.BRIEFER, Basis.RULE39):
            continue
        for listed in (e.representative, e.delegation if e.delegation_code is None else ""):
            parts = _name_parts(listed.split(",")[0]) if listed else []
            if not parts:
                continue
            if wanted == parts[-len(wanted):] or (len(wanted) == 1 and wanted[0] in parts[1:]):
                found.append(e)
                break
            if len(wanted) == 1 and len(parts) == 1 and parts[0].endswith(wanted[0]) and not parts[0].isascii():
                found.append(e)  # a Chinese name written without its middle dot: "哈立德希亚里"
                break
    return found[0] if len(found) == 1 else None


def level_from_title(title: str) -> Level:
    """Level from how a speaker is introduced ("Minister for Foreign Affairs of ...")."""
    if _VICE.search(title):
        return Level.VICE_MINISTER
    if _HEAD.search(title):
        return Level.HEAD
    if _MINISTER.search(title):
        return Level.MINISTER
    if "Deputy Permanent Representative" in title or "Chargé d'affaires" in title:
        return Level.DEPUTY
    # ambassadors, permanent observers, heads of delegation: the usual level of the floor
    return Level.PERMANENT_REPRESENTATIVE


def _add(heard: list[HeardSpeaker], seen: set[tuple[str, str]], one: HeardSpeaker) -> None:
    key = (one.delegation_code or one.delegation, one.on_behalf_of or "")
    if key in seen:
        one.further = True
    seen.add(key)
    heard.append(one)


def _make(order: int, d: Delegation | None, header: SpeakerHeader, text: str, call: str, session: int,
          basis: Basis, roster: Roster, invited_role: str = "") -> HeardSpeaker:
    name = header.role if header.role else header.speaker  # as printed: "Mr. Zhang Jun", "张军先生"
    title = _title_from_call(call, d, roster) if d is not None and d.is_state else invited_role
    level = level_from_title(title)
    if header.title in ("President", "King", "Queen", "Emir", "Prime Minister"):
        level = Level.HEAD
    if basis == Basis.BRIEFER:
        level = Level.OTHER  # briefers are not ordered by level
    group = _group(text, roster)
    return HeardSpeaker(order=order, delegation=d.name if d else name, delegation_code=d.code if d else None,
                        representative=name if header.role != "President" else "",
                        title=title, level=level, basis=basis, session=session, on_behalf_of=group,
                        language=header.language, words=len(text.split()))


def _title_from_call(call: str, d: Delegation | None, roster: Roster) -> str:
    """'Minister for Foreign Affairs of the Republic of Estonia' -> 'Minister for Foreign Affairs'
    (only when the rest of the call names the same delegation)."""
    if not call or d is None:
        return ""
    for m in re.finditer(r"\s(?:of|for)\s", call):
        if roster.find(call[m.end():]) == d:
            title = call[: m.start()].strip()
            return "" if title.startswith(("representative", "observer")) else title
    return ""


def _delegation(header: SpeakerHeader, call: str, roster: Roster, invited: dict[str, tuple[Delegation, str]]
                ) -> Delegation | None:
    if header.delegation:
        found = roster.find(header.delegation, fuzzy=True)
        if found is not None:
            return found
    if header.role == "Secretary-General":
        return roster.get("SG")
    if header.role == "Deputy Secretary-General":
        return roster.get("DSG")
    if header.name:
        surname = header.name.split()[-1]
        if surname in invited:
            return invited[surname][0]
    if call:
        return _find_in_phrase(call, roster)
    return None


def _find_in_phrase(phrase: str, roster: Roster, bodies_only: bool = False) -> Delegation | None:
    """The delegation a phrase ends with, longest ending first. For rule 39 invitees
    (`bodies_only`) any ending counts but States do not ("... Foundation for Human Rights in
    South Africa" is not South Africa); otherwise the ending must follow "of"/"for"."""
    phrase = re.sub(r"\s+to the United Nations$", "", phrase.strip())
    if not bodies_only:
        found = roster.find(phrase)
        if found is not None:
            return found
        for m in re.finditer(r"\s(?:of|for)\s", phrase):
            found = roster.find(phrase[m.end():])
            if found is not None:
                return found
        return None
    words = phrase.split()
    for i in range(len(words)):
        found = roster.find(" ".join(words[i:]))
        if found is not None and not found.is_state:
            return found
    return None


def _note_invitations(text: str, roster: Roster, invited: dict[str, tuple[Delegation, str]]) -> None:
    if "rule 39" not in text:
        return
    for m in _INVITED.finditer(text):
        role = re.sub(r"\s+to the United Nations$", "", m.group("role").strip())
        d = _find_in_phrase(role, roster, bodies_only=True)
        if d is not None:
            invited[m.group("surname")] = (d, role)


def _group(text: str, roster: Roster) -> str | None:
    """The group a statement is delivered for ("I have the honour to speak on behalf of the Nordic
    countries"); aligning with a group's statement ("aligns itself with the statement to be
    delivered on behalf of the EU") is not speaking for it."""
    for m in _BEHALF.finditer(text[:600]):
        sentence_start = max(text.rfind(". ", 0, m.start()), 0)
        if _ALIGNING.search(text[sentence_start:m.start()]):
            continue
        phrase = re.sub(r"\s*\([^)]*\)", "", m.group("group"))
        phrase = re.sub(r"^(?:\d+|ten|twenty-seven)?\s*States members of the\s+", "", phrase)
        for candidate in (phrase, re.sub(r"\s+and its member States$", "", phrase)):
            group = roster.find_group(candidate)
            if group is not None:
                return group.code
    return None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
