"""Statements from files: one file per delegation, or a verbatim record split into speeches.

A verbatim record is split at its speaker headers (`domain.verbatim`); each speech is mapped to
a roster delegation (`domain.roster`):

- "Mr. Zhang Jun (China) (spoke in Chinese):"  -> China, from the header;
- "The President:" speaking "in my capacity as ... of Viet Nam" -> Viet Nam (the presidency);
  the President's other speeches are procedural;
- "The Secretary-General:" -> the Secretary-General entry;
- "Mr. Skoog:" after "I now give the floor to the observer of the European Union", or a speaker
  invited under rule 39 as "Mr. Robert Mardini, Permanent Observer of the International
  Committee of the Red Cross" -> from the President's introduction or invitation;
- "Ms. Tsolakis:", a briefer the President invited ("Ms. Marika Tsolakis, Global Coalition to
  Protect Education from Attacks") or gave the floor to, from a body outside the roster -> the
  office and body as the invitation words them (no roster code), or the briefer's own name when
  the invitation names none ("Hadiza");
- anything else stays unmapped, for a person to resolve.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from debateprep.domain.errors import InputError
from debateprep.i18n import _
from debateprep.domain.roster import Delegation, Roster
from debateprep.domain.statements import Statement
from debateprep.domain.text import collapse_spaces, detect_language, normalise
from debateprep.domain.verbatim import SpeakerHeader, iter_speeches, parse_speaker_header

BRIEFER_KINDS = ("secretariat", "un_entity", "court", "icrc", "intergovernmental", "civil_society")


@dataclass
class ImportResult:
    statements: list[Statement] = field(default_factory=list)
    records: list[str] = field(default_factory=list)  # record parts read, in order

    @property
    def unmapped(self) -> list[Statement]:
        return [s for s in self.statements if s.unmapped]

    def summary(self) -> dict[str, int]:
        kinds = Counter(s.kind for s in self.statements)
        return {
            "speeches": len(self.statements),
            "statements": kinds.get("statement", 0),
            "briefings": kinds.get("briefing", 0),
            "procedural": kinds.get("procedural", 0),
            "mapped": sum(1 for s in self.statements if s.delegation),
            "unmapped": len(self.unmapped),
        }


# --- one file per delegation ----------------------------------------------------------------


def statement_from_file(path: str | Path, roster: Roster, delegation: str | None = None) -> Statement:
    """A delegation's statement from a .txt/.md/.docx/.pdf file.

    The delegation is, in order: `delegation` (a roster name), a speaker header opening the
    file ("Mr. Zhang Jun (China):", "张军先生（中国）："), a roster name in the file name
    ("statement_france.docx"); otherwise the statement is imported unmapped.
    """
    from debateprep.importers.reader import read_document

    doc = read_document(path)
    text = doc.text
    header = parse_speaker_header(text.split("\n", 1)[0])
    statement = Statement(text=text, source=Path(path).name)
    if header is not None and (header.delegation or header.role):
        body = header.rest + ("\n" + text.split("\n", 1)[1] if "\n" in text else "")
        statement.text = body.strip()
        statement.header = _header_line(text)
        statement.speaker = header.speaker
        statement.spoken_language = header.language
    statement.language = detect_language(statement.text)
    if not statement.text.strip():
        raise InputError(path, _("no statement text after the speaker header"))

    found: Delegation | None = None
    if delegation:
        found = roster.resolve(delegation)
        statement.mapped_by = "file"
    elif header is not None and header.delegation:
        found = roster.find(header.delegation, fuzzy=True)
        statement.mapped_by = "header"
    elif header is not None and header.is_president:  # "in my capacity as …" / 以巴西代表的身份发言
        capacity = _CAPACITY.search(statement.text)
        found = _delegation_in_phrase(capacity.group("zh") or capacity.group(0), roster) if capacity else None
        statement.mapped_by = "presidency" if found else None
    if found is None and not delegation:
        found = _delegation_in_filename(Path(path).stem, roster)
        statement.mapped_by = "file" if found else None
    if found is not None:
        _assign(statement, found)
    else:
        statement.mapped_by = None
    return statement


def _header_line(text: str) -> str:
    first = text.split("\n", 1)[0]
    colon = min((i for i in (first.find(":"), first.find("：")) if i >= 0), default=-1)
    return first[: colon + 1] if colon >= 0 else first


_CJK_NAME = re.compile(r"[\u4e00-\u9fff]")


def _delegation_in_filename(stem: str, roster: Roster) -> Delegation | None:
    """'statement_united-kingdom_2020' -> United Kingdom: the longest run of words naming one."""
    words = [w for w in re.split(r"[\s_\-.]+", stem) if w]
    for size in range(min(6, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start : start + size])
            if len(candidate) < (2 if _CJK_NAME.search(candidate) else 3) or candidate.isdigit():
                continue
            found = roster.find(candidate)
            if found is not None:
                return found
    return None


def _assign(statement: Statement, delegation: Delegation) -> None:
    statement.delegation = delegation.name
    statement.delegation_code = delegation.code
    statement.suggestion = None
    if delegation.kind in BRIEFER_KINDS and statement.kind == "statement":
        statement.kind = "briefing"


# --- verbatim records -----------------------------------------------------------------------

_CAPACITY = re.compile(
    r"\bin (?:my|its) (?:national )?capacity as\b[^.]*\.|(?:我)?(?:现在)?(?:我)?以(?P<zh>[^，。；：]{1,40}?)(?:代表)?的?身份发言[。，；]?",
    re.IGNORECASE,
)
_RESUME = re.compile(r"\bI (?:now )?resume my functions as President\b[^.]*\.|(?:我)?(?:现在)?恢复(?:行使)?(?:安理会)?主席(?:的)?职(?:能|务)[。，]?",
                     re.IGNORECASE)
# "I now give the floor to ...", and its slips ("give the floor the Vice-Chair ..."); 我现在请……发言.
_FLOOR = re.compile(
    r"\b(?:give|giving) the floor (?:to\s+)?(?P<to>[^.;:]+)|\bI (?:now )?call on\s+(?P<on>[^.;:]+)|"
    r"\bI (?:now )?invite\s+(?P<inv>[^.;:]+?)\s+to (?:take the floor|make a statement|brief)|"
    r"(?:现在|我)请(?P<zh>[^，。；：]{2,40}?)(?:发言|作通报|通报情况)",
    re.IGNORECASE,
)
_ZH_OFFICE = re.compile(r"(?:常驻)?(?:观察员|代表|大使|先生|女士|阁下)+$")
_TRAILING_FLOOR = re.compile(r"\b(?:once again|now|again)\b", re.IGNORECASE)
# "I invite the following briefers to participate in this meeting: Ms. A, role; Hadiza; and Ms. B, role."
_INVITED_LIST = re.compile(
    r"\binvite the following [^:.]{1,80}:\s*(?P<list>.+?)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bMme)\.(?=\s|$)",
    re.IGNORECASE | re.DOTALL,
)
_INVITEE = re.compile(
    r"^(?:and\s+)?(?:(?:His|Her) (?:Excellency|Royal Highness) )?(?:(?:Mr|Mrs|Ms|Miss|Dr|Mme)\.?\s+)?"
    r"(?P<name>[^,;:()]{2,80}?)(?:,\s*(?P<role>.+))?$",
    re.DOTALL,
)
_NEXT_CLAUSE = re.compile(r",\s+(?:was|is|who|which)\b.*$")  # "…, was escorted to a seat at the Council table"
_NOT_A_ROLE = re.compile(r"(?:and|but|who|which|I)\b")
_NEXT_TITLE = re.compile(r"\s+(?:and\s+)?(?:Mr|Mrs|Ms|Dr|Mme)\.?$")  # "… Research Institute Mr. Madeira is …"
_INVITATION = re.compile(
    r"(?:(?:His|Her) (?:Excellency|Royal Highness) )?(?:Mr|Mrs|Ms|Miss|Dr|Mme)\.? (?P<name>[^,;:()]{2,80}?), "
    r"(?P<role>[^;:]{3,200}?)(?=,? to participate|;|, and |\.|\s+and (?:His|Her|Mr|Mrs|Ms|Dr)\b)",
)


def split_record(text: str, symbol: str, roster: Roster, presidency: str | None = None) -> ImportResult:
    """A whole verbatim record (one part) split into mapped statements."""
    return split_records([(symbol, text)], roster, presidency)


def split_records(parts: Sequence[tuple[str, str]], roster: Roster, presidency: str | None = None) -> ImportResult:
    """Several parts of one meeting (the meeting, then its resumptions), in order.

    Invitations made in an earlier part still apply in its resumptions.
    """
    mapper = _Mapper(roster, presidency)
    result = ImportResult()
    for symbol, text in parts:
        speeches = list(iter_speeches(text))
        if not speeches:
            raise InputError(None, _("{symbol}: no speaker headers found (is this a verbatim record?)").format(
                symbol=symbol))
        bodies = strip_running_headers([body for _h, body in speeches], symbol)
        for number, ((header, _raw), body) in enumerate(zip(speeches, bodies), 1):
            statement = mapper.map(header, body)
            statement.source = f"{symbol} #{number}"
            statement.record = symbol
            result.statements.append(statement)
        result.records.append(symbol)
    return result


def read_record_files(paths: Sequence[str | Path], roster: Roster, presidency: str | None = None) -> ImportResult:
    """Record files: whole parts ("S-PV.8699.pdf") or one speech per file
    ("UNSC_2020_SPV.8699Resumption1_spch012.txt"); grouped and ordered by part."""
    from debateprep.importers.verbatim_record import record_parts

    parts = record_parts(paths)
    return split_records([(p.label, p.text) for p in parts], roster, presidency)


class _Mapper:
    """Maps speeches to delegations, remembering what the President said before each."""

    def __init__(self, roster: Roster, presidency: str | None) -> None:
        self.roster = roster
        self.presidency = roster.find(presidency, fuzzy=True) if presidency else None
        self.introduced: str | None = None  # who the President just gave the floor to
        self.invited: dict[str, str] = {}  # surname -> role phrase from rule 39 invitations
        self.invitees: dict[str, str] = {}  # surname -> the name as invited ("Hadiza", "Marika Tsolakis")

    def map(self, header: SpeakerHeader, body: str) -> Statement:
        # A record extracted from a PDF is hard-wrapped with page furniture: join and clean it.
        body = collapse_spaces(body) if "\n" not in body.strip() else normalise(body).text
        statement = Statement(
            text=body, header=_header_text(header), speaker=header.speaker,
            spoken_language=header.language, language=detect_language(body),
        )
        if header.is_president:
            self._president(statement, body)
            return statement
        introduced, self.introduced = self.introduced, None
        if header.role:
            found = self.roster.find(header.role)
            if found is not None:
                statement.mapped_by = "header"
                _assign(statement, found)
            return statement
        if header.delegation:
            found = self.roster.find(header.delegation, fuzzy=True)
            if found is not None:
                statement.mapped_by = "header"
                _assign(statement, found)
            else:
                statement.suggestion = self._suggest(header.delegation)
            return statement
        # A speaker without a delegation note: the President's words before say who it is.
        # An introduction may name a State ("the representative of ..."); a rule 39 invitation
        # names a person's office, where a State ("... Commission ... of Colombia") is not theirs.
        for phrase, states in ((introduced, True), (self._invitation(header), False)):
            found = _delegation_in_phrase(phrase, self.roster, states=states) if phrase else None
            if found is not None:
                statement.mapped_by = "introduction"
                _assign(statement, found)
                return statement
        role = self._invitation(header)
        briefer = self._briefer(header, introduced, role)
        if briefer is not None:  # invited or introduced, from a body outside the roster
            statement.delegation, statement.delegation_code = briefer, None
            statement.kind, statement.mapped_by, statement.suggestion = "briefing", "invitation", None
        elif role:
            statement.kind = "briefing"
            statement.suggestion = role
        return statement

    def _president(self, statement: Statement, body: str) -> None:
        self._remember_invitations(body)
        capacity = _CAPACITY.search(body)
        if capacity is None:
            statement.kind = "procedural"
            floors = list(_FLOOR.finditer(body))
            self.introduced = _floor_target(floors[-1]) if floors else None
            return
        found = _delegation_in_phrase(capacity.group("zh") or capacity.group(0), self.roster) or self.presidency
        national = body[capacity.end():]
        resume = _RESUME.search(national)
        if resume:
            national = national[: resume.start()]
        statement.text = national.strip() or body
        statement.language = detect_language(statement.text)
        if found is not None:
            statement.mapped_by = "presidency"
            _assign(statement, found)

    def _remember_invitations(self, body: str) -> None:
        if "rule 39" not in body and "invite" not in body:
            return
        for m in _INVITATION.finditer(body):
            self._invite(m.group("name"), m.group("role"))
        for listed in _INVITED_LIST.finditer(body):  # the list of invited briefers, with or without a title
            for item in re.split(r";\s*", listed.group("list")):
                invitee = _INVITEE.match(item.strip())
                if invitee is not None:
                    self._invite(invitee.group("name"), invitee.group("role") or "")

    def _invite(self, name: str, role: str) -> None:
        name = name.strip()
        if not name:
            return
        surname = name.split()[-1].lower()
        self.invitees.setdefault(surname, name)
        role = _NEXT_TITLE.sub("", _NEXT_CLAUSE.sub("", collapse_spaces(role))).strip()
        if role and not _NOT_A_ROLE.match(role):  # not the President's next words ("and I request …")
            self.invited.setdefault(surname, role)

    def _briefer(self, header: SpeakerHeader, introduced: str | None, role: str | None) -> str | None:
        """Whom a speaker the President invited or just gave the floor to speaks for, when the
        roster has no such body: the office and body as the invitation words them ("Global
        Coalition to Protect Education from Attacks"), else the person's name as invited."""
        if not header.name:
            return None
        surname = header.name.split()[-1]
        named = bool(introduced) and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", introduced or "", re.IGNORECASE)
        if not named and surname.lower() not in self.invitees:
            return None
        if role and any(ch.isupper() for ch in role):  # "civil society representative" names no one
            return role
        return self.invitees.get(surname.lower(), header.name)

    def _invitation(self, header: SpeakerHeader) -> str | None:
        if not header.name:
            return None
        return self.invited.get(header.name.split()[-1].lower())

    def _suggest(self, name: str) -> str | None:
        matches = self.roster.search(name, limit=1)
        return matches[0].delegation.name if matches and matches[0].score >= 70 else None


def _header_text(header: SpeakerHeader) -> str:
    notes = "".join(f" ({n})" for n in (header.delegation,) if n)
    if header.language:
        notes += f" (spoke in {header.language})"
    return f"{header.speaker}{notes}:"


def _floor_target(m: re.Match[str]) -> str:
    target = m.group("to") or m.group("on") or m.group("inv") or m.group("zh") or ""
    return _TRAILING_FLOOR.sub("", target).strip()


def _delegation_in_phrase(phrase: str, roster: Roster, states: bool = True) -> Delegation | None:
    """The delegation a phrase names: "the representative of the Islamic Republic of Iran",
    "the Permanent Observer of the Observer State of Palestine", "the observer of the European
    Union", "Minister for Foreign Affairs and Worship of Haiti", "... of the International
    Committee of the Red Cross to the United Nations"."""
    if re.search(r"[\u4e00-\u9fff]", phrase):  # 欧洲联盟观察员, 巴西代表
        name = _ZH_OFFICE.sub("", re.sub(r"^(?:现在|我)*(?:以|请)", "", phrase.strip(" 。，")))
        found = roster.find(name) if name else None
        return found if found is not None and (states or not found.is_state) else None
    phrase = re.sub(r"\s+to the United Nations\b.*$", "", phrase.strip().rstrip("."))
    phrase = re.sub(r"^.*?\bcapacity as\s+", "", phrase, flags=re.IGNORECASE)
    candidates = _of_suffixes(phrase)
    # "the representative of the Niger on behalf of the three African members ..." and an office
    # before its body ("Executive Director, United Nations Children's Fund")
    shorter = re.split(r"\s+on behalf of\b|\s+[-\u2013\u2014]\s+", phrase)[0]
    if shorter != phrase:
        candidates += _of_suffixes(shorter)
    candidates += [piece.strip() for piece in phrase.split(",")[1:]]
    for candidate in candidates:
        candidate = re.sub(r"^(?:the|a)\s+", "", candidate.strip(), flags=re.IGNORECASE)
        if len(candidate) < 2:
            continue
        found = roster.find(candidate) or roster.find(candidate.replace("Committeeof", "Committee of"))
        if found is not None and (states or not found.is_state):
            return found
    return None


def _of_suffixes(phrase: str) -> list[str]:
    """The phrase and what follows each "of" in it, longest first."""
    pieces = re.split(r"\s+of\s+", phrase)
    return [phrase] + [" of ".join(pieces[i:]) for i in range(1, len(pieces))]


# --- record page furniture ------------------------------------------------------------------

_DATE_GLUED = re.compile(r"\d{2}/\d{2}/\d{4}\s*")
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def strip_running_headers(bodies: Sequence[str], symbol: str) -> list[str]:
    """Drop the running header a record's pages carry ("Maintenance of international peace and
    security S/PV.8699 (Resumption 1)", "16/01/2020 The situation in the Middle East S/PV.8704")
    where it was pasted into the speeches; citations such as "(see S/PV.8699)" stay.

    The agenda title before the symbol is learned from the record: the longest run of words
    that precedes at least two of its bare occurrences.
    """
    sym = re.escape(symbol).replace(r"\ ", r"\s*")
    not_cited = r"(?<!see )(?<!\()(?<!, )(?<!and )"
    tail = r"(?![\d/])" + ("" if "Resumption" in symbol else r"(?!\s*\(Resumption)")
    bare = re.compile(rf"{not_cited}\b{sym}{tail}")
    before: list[list[str]] = []
    for body in bodies:
        for m in bare.finditer(body):
            before.append(body[: m.start()].split()[-12:])
    title = _common_suffix(before)
    pattern = r"\s*(?:\d{2}/\d{2}/\d{4}\s*)?"
    if title:
        pattern += rf"(?:{re.escape(title)}\s+)?"
    furniture = re.compile(pattern + bare.pattern)
    return [_DOUBLE_SPACE.sub(" ", furniture.sub(" ", body)).strip() if bare.search(body) else body
            for body in bodies]


def _common_suffix(contexts: list[list[str]]) -> str:
    """The longest word sequence (starting with a capital) ending at least two contexts."""
    if len(contexts) < 2:
        return ""
    counts: Counter[tuple[str, ...]] = Counter()
    for words in contexts:
        words = [_DATE_GLUED.sub("", w) or w for w in words]
        for size in range(2, len(words) + 1):
            counts[tuple(words[-size:])] += 1
    repeated = [seq for seq, n in counts.items() if n >= 2 and seq[0][:1].isupper()]
    if not repeated:
        return ""
    best = max(repeated, key=lambda seq: (len(seq), counts[seq]))
    return " ".join(best)

