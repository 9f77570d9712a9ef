"""Who can be on a speakers list: States, observers, UN entities and other bodies, and groups.

The data are reviewed files shipped inside the package as debateprep/data/speakers/ (states.csv,
entities.csv, groups.csv, council.toml); the repository's speakers/ folder links to them.
`Roster.load()` reads them once; `resolve()` finds a delegation from any name staff or verbatim
records use (English or Chinese, short or formal, aliases such as "Turkey", "Russia", "英国",
OCR slips such as "C6te d'Ivoire"); `search()` ranks candidates for autocomplete.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

from debateprep.domain.errors import InputError, NotFound
from debateprep.i18n import _, language

DATA_PACKAGE = "debateprep"
DATA_DIR = ("data", "speakers")
STATE_KINDS = ("member_state", "observer_state")


@dataclass(frozen=True)
class Delegation:
    """A State or body that can take the floor.

    code: ISO 3166 alpha-3 for States ("CHN"), a short code for bodies ("EU", "OCHA").
    kind: member_state, observer_state, secretariat, un_entity, court, icrc, regional_org,
          intergovernmental, civil_society.
    name / zh_name: as on a speakers list and in verbatim records ("United Kingdom" / UN Chinese).
    basis: the usual basis for taking the floor when not a Council member (rule37, observer,
          briefer); Council members are known from `CouncilYear`.
    """

    code: str
    kind: str
    name: str
    zh_name: str
    formal_name: str = ""
    zh_formal_name: str = ""
    abbrev: str = ""
    zh_abbrev: str = ""
    aliases: tuple[str, ...] = ()
    basis: str = "rule37"

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS

    def label(self, lang: str = "en") -> str:
        return self.zh_name if lang == "zh" and self.zh_name else self.name

    def names(self) -> tuple[str, ...]:
        """Every name this delegation goes by (for matching)."""
        found = (self.code, self.name, self.zh_name, self.formal_name, self.zh_formal_name,
                 self.abbrev, self.zh_abbrev, *self.aliases)
        return tuple(n for n in found if n)


@dataclass(frozen=True)
class Group:
    """A group on whose behalf one delegation speaks (EU, NAM, Nordic countries, E10 ...)."""

    code: str
    name: str
    zh_name: str
    members: tuple[str, ...] = ()  # delegation codes; empty when not listed
    dynamic: str = ""  # "elected" / "african": members come from the Council of the year
    aliases: tuple[str, ...] = ()
    note: str = ""

    def label(self, lang: str = "en") -> str:
        return self.zh_name if lang == "zh" and self.zh_name else self.name

    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.code, self.name, self.zh_name, *self.aliases) if n)


@dataclass(frozen=True)
class CouncilYear:
    """The fifteen members of one year and the presidency of each month (index 0 = January)."""

    year: int
    permanent: tuple[str, ...]
    elected: tuple[str, ...]
    african: tuple[str, ...]
    presidency: tuple[str, ...]

    @property
    def members(self) -> tuple[str, ...]:
        return self.permanent + self.elected

    def president(self, month: int) -> str:
        return self.presidency[month - 1]


@dataclass(frozen=True)
class Match:
    delegation: Delegation
    matched: str  # the name that matched (an alias, the Chinese name ...)
    score: float


_HYPHEN = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"[\s\u3000]+")
_THE = re.compile(r"^the ")


def normalize_name(text: str) -> str:
    """Comparison key: case, accents, apostrophes, spacing and a leading "the" do not matter."""
    if not text.isascii():  # (ASCII has no accents, curly apostrophes or compatibility forms)
        text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _HYPHEN.sub("-", text.casefold())
    text = _SPACES.sub(" ", text).strip(" .")
    return _THE.sub("", text)


_OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "6": "o", "5": "s", "8": "b", "|": "l"})


def _ocr_key(text: str) -> str:
    """Country names have no digits: read OCR digit slips as the letters they replaced."""
    return normalize_name(text).translate(_OCR_DIGITS)


@dataclass
class Roster:
    delegations: dict[str, Delegation]
    groups: dict[str, Group]
    council: dict[int, CouncilYear]
    _index: dict[str, str] = field(default_factory=dict, repr=False)
    _group_index: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for code, d in self.delegations.items():
            for n in d.names():
                key = normalize_name(n)
                self._index.setdefault(key, code)
                self._index.setdefault(key.translate(_OCR_DIGITS), code)  # as _ocr_key(n)
        for code, g in self.groups.items():
            for n in g.names():
                self._group_index.setdefault(normalize_name(n), code)

    @classmethod
    def load(cls) -> Roster:
        """The roster shipped with debateprep (read once per process)."""
        return _load_packaged()

    @classmethod
    def from_texts(cls, states: str, entities: str, groups: str, council: str) -> Roster:
        """Build from the four files' contents (used by load() and by the data tests)."""
        delegations: dict[str, Delegation] = {}
        for row in csv.DictReader(io.StringIO(states)):
            status = row["status"].strip()
            delegations[row["code"]] = Delegation(
                code=row["code"], kind="member_state" if status == "member" else "observer_state",
                name=row["name"], zh_name=row["zh_short"], formal_name=row["en_formal"],
                zh_formal_name=row["zh_formal"], abbrev=row["en_short"], aliases=_split(row["aliases"]),
                basis="rule37" if status == "member" else "observer")
        for row in csv.DictReader(io.StringIO(entities)):
            delegations[row["code"]] = Delegation(
                code=row["code"], kind=row["kind"], name=row["name"], zh_name=row["zh_name"],
                abbrev=row["abbrev"], zh_abbrev=row["zh_abbrev"], aliases=_split(row["aliases"]),
                basis=row["basis"])
        group_map: dict[str, Group] = {}
        for row in csv.DictReader(io.StringIO(groups)):
            members = _split(row["members"])
            dynamic = members[0][1:] if members and members[0].startswith("@") else ""
            group_map[row["code"]] = Group(
                code=row["code"], name=row["name"], zh_name=row["zh_name"],
                members=() if dynamic else members, dynamic=dynamic, aliases=_split(row["aliases"]),
                note=row.get("note", ""))
        years = {
            int(y): CouncilYear(int(y), tuple(v["permanent"]), tuple(v["elected"]),
                                tuple(v.get("african", ())), tuple(v["presidency"]))
            for y, v in tomllib.loads(council).items()
        }
        return cls(delegations, group_map, years)

    # -- delegations ---------------------------------------------------------------------

    def get(self, code: str) -> Delegation:
        try:
            return self.delegations[code]
        except KeyError:
            raise NotFound(_("no delegation with code {code} in the roster").format(code=repr(code))) from None

    def shown_name(self, code: str | None, inscribed: str, lang: str) -> str:
        """A speaker's name as shown in `lang`: the roster's own name in that language for a
        delegation of the roster (lists store the English name), else the name as inscribed (a
        person in a personal capacity, a code the roster no longer has). The one place a list,
        an order or a schedule gets its names, in the CLI and the TUI."""
        if lang == "zh" and code and code in self.delegations:
            return self.delegations[code].label("zh")
        return inscribed

    def find(self, name: str, fuzzy: bool = False) -> Delegation | None:
        """The delegation `name` designates, or None. fuzzy=True also accepts near misses
        (score >= 90) such as OCR slips; never guesses between two close candidates."""
        if not name or not name.strip():
            return None
        code = self._index.get(normalize_name(name)) or self._index.get(_ocr_key(name))
        if code is not None:
            return self.delegations[code]
        if fuzzy:
            best = self.search(name, limit=2)
            if best and best[0].score >= 90 and (len(best) == 1 or best[1].score < best[0].score - 5
                                                 or best[1].delegation == best[0].delegation):
                return best[0].delegation
        return None

    def resolve(self, name: str, otherwise: str = "") -> Delegation:
        """Like find(), but an unknown name raises InputError with suggestions; `otherwise` says
        what else the caller accepts (e.g. a person in a personal capacity)."""
        found = self.find(name)
        if found is not None:
            return found
        matches = self.search(name, limit=3)
        hints = [m.delegation.label(language()) for m in matches if m.score >= 80 and m.score >= matches[0].score - 10]
        hint = _("; did you mean {names}?").format(names=_(" or ").join(dict.fromkeys(hints))) if hints else ""
        raise InputError(None, _("unknown delegation {name}{hint} (use a roster name, in English or Chinese{otherwise})")
                         .format(name=repr(name.strip()), hint=hint, otherwise=_(otherwise) if otherwise else ""))

    def search(self, query: str, limit: int = 10, states_only: bool = False) -> list[Match]:
        """Candidates for autocomplete, best first: exact, then prefix, word prefix, substring,
        then fuzzy matches. Works for English and Chinese names, codes and aliases."""
        q = normalize_name(query)
        if not q:
            return []
        best: dict[str, Match] = {}
        pool = [d for d in self.delegations.values() if d.is_state or not states_only]
        for d in pool:
            primary = {d.name, d.zh_name}
            for n in d.names():
                key = normalize_name(n)
                if n == d.code:  # codes match whole, never as prefixes ("sw" is not SWZ)
                    score = 99.5 if q == key else 0.0
                else:
                    score = _prefix_score(q, key) - (0.0 if n in primary else 0.5)
                if score > 0 and (d.code not in best or best[d.code].score < score):
                    best[d.code] = Match(d, n, score)
        if len(best) < limit and len(q) >= 3 and not _is_cjk(q):
            from rapidfuzz import fuzz, process

            choices = {(d.code, n): normalize_name(n) for d in pool for n in d.names() if len(n) > 3}
            for _key, score, (code, n) in process.extract(
                    q, choices, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60):
                score = min(float(score), 93.0)  # a fuzzy match never outranks a prefix match
                if code not in best or best[code].score < score:
                    best[code] = Match(self.delegations[code], n, score)
        ranked = sorted(best.values(), key=lambda m: (-m.score, not m.delegation.is_state, m.delegation.name))
        return ranked[:limit]

    # -- groups --------------------------------------------------------------------------

    def find_group(self, name: str) -> Group | None:
        code = self._group_index.get(normalize_name(name))
        return self.groups[code] if code else None

    def resolve_group(self, name: str) -> Group:
        group = self.find_group(name)
        if group is None:
            known = ", ".join(sorted(g.code for g in self.groups.values()))
            raise InputError(None, _("unknown group {value!r} (known: {known})").format(
                value=name.strip(), known=known))
        return group

    def group_members(self, group: Group, year: int | None = None) -> tuple[str, ...]:
        if not group.dynamic:
            return group.members
        if year is None:
            raise InputError(None, _("{group}: members change every year; give the year").format(group=group.name))
        council = self.council_year(year)
        return council.elected if group.dynamic == "elected" else council.african

    # -- the Council ---------------------------------------------------------------------

    def council_year(self, year: int) -> CouncilYear:
        try:
            return self.council[year]
        except KeyError:
            have = ", ".join(str(y) for y in sorted(self.council))
            raise NotFound(_("no Council composition for {year} in the roster (have: {have})").format(
                year=year, have=have)) from None

    def is_council_member(self, code: str, on: date) -> bool:
        return on.year in self.council and code in self.council[on.year].members

    def presidency(self, on: date) -> Delegation:
        """The delegation presiding the Council in the month of `on`."""
        return self.get(self.council_year(on.year).president(on.month))

    def states(self) -> Iterable[Delegation]:
        return (d for d in self.delegations.values() if d.is_state)


def _prefix_score(q: str, key: str) -> float:
    if q == key:
        return 100.0
    if key.startswith(q):
        return 98.0
    if any(word.startswith(q) for word in re.split(r"[\s\-(]+", key)):
        return 96.0
    # substrings only for 3+ letters (or Chinese): "us" should not offer Australia
    return 95.0 if q in key and (len(q) >= 3 or _is_cjk(q)) else 0.0


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def read_data_file(name: str) -> str:
    """One roster file from the installed package (works from a wheel and an editable install)."""
    return resources.files(DATA_PACKAGE).joinpath(*DATA_DIR, name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _load_packaged() -> Roster:
    return Roster.from_texts(*(read_data_file(n) for n in
                               ("states.csv", "entities.csv", "groups.csv", "council.toml")))
