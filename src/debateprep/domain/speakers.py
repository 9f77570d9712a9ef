"""The speakers list and the Council's ordering rules (see ../shared/DOMAIN.md).

Automatic order:
  1. briefers (rule 39), the Secretary-General first, then in order of inscription;
  2. a President inscribed at minister level or above (a high-level debate): the President's
     national statement (S/PV.8699, S/PV.8723);
  3. Council members: higher level first (head of State/Government, minister, vice-minister,
     permanent representative, deputy, other), then by draw (then inscription);
  4. a President below minister level: last among members;
  5. non-members (rule 37 States, rule 39 invitees, observers): by level, then inscription;
  6. entries "moved to a later session", in order of inscription.
Entries heard during the debate (speaking or spoken, timed on one of the debate's days) stay where
they spoke (history does not re-sort), in the order heard; a waiting entry pinned at a position
keeps it even if someone spoke out of turn. A speech timed on any other day is a rehearsal (or a
late entry): it keeps its status and its record, but the rules place it, as if it had not been
heard (`OrderSettings.debate_days`).
The President's place is overridable for a debate (`OrderSettings.president_first`: True or False
instead of None, the rule); an override that departs from the rule is shown like a manual one.

Manual overrides stay visible and survive a re-sort: `swap` exchanges two entries' places,
`after`/`before` keeps an entry next to another one wherever that one goes, `pin` holds an entry
at a position. `order_entries()` returns `Placement`s that say where each entry stands, where the
rules alone would put it, and why (`Placement.explain()`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from debateprep.i18n import N_, _, ordinal_suffix, short_datetime


class Level(StrEnum):
    HEAD = "head"
    MINISTER = "minister"
    VICE_MINISTER = "vice_minister"
    PERMANENT_REPRESENTATIVE = "permanent_representative"
    DEPUTY = "deputy"
    OTHER = "other"

    @property
    def rank(self) -> int:
        return list(Level).index(self)

    def label(self, lang: str | None = None) -> str:
        return _label(LEVEL_LABELS[self], lang)


# (English, Chinese) as a document in either language writes them (exports, what an import reads);
# the English is also the msgid the interface shows, translated (tests check the two agree).
LEVEL_LABELS = {
    Level.HEAD: (N_("head of State/Government"), "国家元首/政府首脑"),
    Level.MINISTER: (N_("minister"), "部长"),
    Level.VICE_MINISTER: (N_("vice-minister"), "副部长"),
    Level.PERMANENT_REPRESENTATIVE: (N_("permanent representative"), "常驻代表"),
    Level.DEPUTY: (N_("deputy"), "副常驻代表"),
    Level.OTHER: (N_("other"), "其他"),
}


def _label(labels: tuple[str, str], lang: str | None) -> str:
    """In a document's language `lang`, or (None) in the interface language."""
    if lang is None:
        return _(labels[0])
    return labels[1] if lang == "zh" else labels[0]


class Basis(StrEnum):
    MEMBER = "member"
    BRIEFER = "briefer"
    RULE37 = "rule37"
    RULE39 = "rule39"
    OBSERVER = "observer"

    def label(self, lang: str | None = None) -> str:
        return _label(BASIS_LABELS[self], lang)


BASIS_LABELS = {
    Basis.MEMBER: (N_("Council member"), "安理会成员"),
    Basis.BRIEFER: (N_("rule 39 briefer"), "通报人（第39条）"),
    Basis.RULE37: (N_("rule 37"), "第37条"),
    Basis.RULE39: (N_("rule 39"), "第39条"),
    Basis.OBSERVER: (N_("observer"), "观察员"),
}


class Status(StrEnum):
    INSCRIBED = "inscribed"
    SPEAKING = "speaking"
    SPOKE = "spoke"
    WITHDRAWN = "withdrawn"
    MOVED = "moved"  # moved to a later session

    def label(self, lang: str | None = None) -> str:
        return _label(STATUS_LABELS[self], lang)


STATUS_LABELS = {
    Status.INSCRIBED: (N_("inscribed"), "已登记"),
    Status.SPEAKING: (N_("speaking"), "正在发言"),
    Status.SPOKE: (N_("spoke"), "已发言"),
    Status.WITHDRAWN: (N_("withdrawn"), "已撤回"),
    Status.MOVED: (N_("moved to a later session"), "移至下一场"),
}

OVERRIDE_KINDS = ("pin", "after", "before", "swap")


@dataclass(frozen=True)
class Override:
    """A manual placement made by staff. `ref` is a position (pin) or another entry's id."""

    kind: str
    ref: int
    reason: str = ""

    def describe(self, names: dict[int, str]) -> str:
        other = names.get(self.ref, f"#{self.ref}")
        if self.kind == "pin":
            text = _("pinned at position {position}").format(position=self.ref)
        elif self.kind == "swap":
            text = _("swapped with {other}").format(other=other)
        elif self.kind == "before":
            text = _("kept before {other}").format(other=other)
        else:
            text = _("kept after {other}").format(other=other)
        return f"{text} ({shown_note(self.reason)})" if self.reason else text


@dataclass
class SpeakerEntry:
    """One inscription on the list."""

    delegation: str  # display name: roster name ("China") or a person's name
    inscribed_at: datetime
    delegation_code: str | None = None  # roster code; None for someone in a personal capacity
    representative: str = ""
    title: str = ""  # "Minister for Foreign Affairs", "Under-Secretary-General ..."
    level: Level = Level.PERMANENT_REPRESENTATIVE
    basis: Basis = Basis.RULE37
    on_behalf_of: str | None = None  # group code ("NORDIC") or free text
    status: Status = Status.INSCRIBED
    planned_minutes: float | None = None  # None: the debate's limit for the entry's category
    actual_seconds: int | None = None
    started_at: datetime | None = None
    draw: int | None = None  # Council members: the draw for the order among members
    confirmed: bool = True  # briefers from a concept note come in "to be confirmed"
    notes: str = ""
    override: Override | None = None
    id: int | None = None
    debate_id: int | None = None
    version: int = 1

    @property
    def active(self) -> bool:
        return self.status not in (Status.WITHDRAWN,)

    @property
    def category(self) -> str:
        """Category for time limits: briefer, group, member or non-member."""
        if self.basis == Basis.BRIEFER:
            return "briefer"
        if self.on_behalf_of:
            return "group"
        return "member" if self.basis == Basis.MEMBER else "non-member"

    def planned_seconds(self, default_minutes: float, limits: dict[str, float] | None = None) -> int:
        if self.planned_minutes is not None:
            return round(self.planned_minutes * 60)
        limits = limits or {}
        if self.level in (Level.HEAD, Level.MINISTER) and "high-level" in limits and self.category != "briefer":
            return round(limits["high-level"] * 60)
        return round(limits.get(self.category, default_minutes) * 60)

    def status_on_reinstating(self) -> Status:
        """The status a withdrawn entry returns to: what its timer record says it was (spoken,
        or speaking), else inscribed. Withdrawing keeps the record, so reinstating loses nothing."""
        if self.actual_seconds is not None:
            return Status.SPOKE
        if self.started_at is not None:
            return Status.SPEAKING
        return Status.INSCRIBED

    def duplicate_key(self) -> tuple[str, str]:
        """Two active entries with the same key are one delegation inscribed twice."""
        who = self.delegation_code or " ".join(self.delegation.casefold().split())
        return who, (self.on_behalf_of or "").casefold()

    def with_changes(self, **changes: object) -> SpeakerEntry:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class OrderSettings:
    president_code: str | None = None  # the presiding delegation (roster code)
    # None: by the rule (first after the briefers when inscribed at minister level or above, else
    # last among members); True / False: the debate's override, either way
    president_first: bool | None = None
    # The debate's days, each with the earliest moment that counts as the debate's on that day
    # (domain/schedule.py: debate_days). Only a speech timed then is "heard" and keeps its place;
    # None: the days are unknown and every speech that is timed or marked spoken counts as heard.
    debate_days: tuple[tuple[date, datetime], ...] | None = None


def heard_in_debate(e: SpeakerEntry, s: OrderSettings) -> bool:
    """`e` is speaking or has spoken during the debate itself, not in a rehearsal on another day."""
    if e.status not in (Status.SPEAKING, Status.SPOKE):
        return False
    if s.debate_days is None:
        return True
    if e.started_at is None:
        return False
    return any(e.started_at.date() == day and e.started_at >= earliest for day, earliest in s.debate_days)


HIGH_LEVEL = (Level.HEAD, Level.MINISTER)


def _is_president(e: SpeakerEntry, s: OrderSettings) -> bool:
    return e.basis == Basis.MEMBER and s.president_code is not None and e.delegation_code == s.president_code


def president_first_by_rule(e: SpeakerEntry) -> bool:
    """DOMAIN.md: a minister or head of State/Government presiding makes the national statement
    right after the briefers; otherwise the President speaks last among members."""
    return e.level in HIGH_LEVEL


def _president_first(e: SpeakerEntry, s: OrderSettings) -> bool:
    return president_first_by_rule(e) if s.president_first is None else s.president_first


@dataclass
class Placement:
    entry: SpeakerEntry
    position: int | None  # 1-based; None for withdrawn entries
    auto_position: int | None  # where the rules alone would put it
    rule: str  # the rule that places it
    overrides: list[str] = field(default_factory=list)  # visible manual changes affecting it

    @property
    def overridden(self) -> bool:
        return bool(self.overrides)

    def explain(self, name: str = "") -> str:
        """Why it stands where it does, in the interface language (`name`: the delegation as shown,
        by default as inscribed)."""
        name = name or self.entry.delegation
        if self.position is None:
            return _("{delegation}: withdrawn, not on the list.").format(delegation=name)
        text = _("{delegation} is {ordinal}: {rule}.").format(delegation=name, ordinal=_ordinal(self.position),
                                                              rule=self.rule)
        if self.overrides:
            overrides = _("; ").join(self.overrides)
            if self.auto_position and self.auto_position != self.position:
                text += " " + _("Manual override: {overrides} (the rules alone would put it {ordinal}).").format(
                    overrides=overrides, ordinal=_ordinal(self.auto_position))
            else:
                text += " " + _("Manual override: {overrides}.").format(overrides=overrides)
        return text


def order_entries(entries: Iterable[SpeakerEntry], settings: OrderSettings = OrderSettings()) -> list[Placement]:
    """Order the list by the Council's rules, then apply manual overrides."""
    items = list(entries)
    withdrawn = sorted((e for e in items if not e.active), key=lambda e: (e.inscribed_at, e.id or 0, e.delegation))
    frozen = sorted((e for e in items if e.active and heard_in_debate(e, settings)),
                    key=lambda e: (e.started_at or datetime.max, e.inscribed_at, e.id or 0))
    frozen_ids = {id(e) for e in frozen}
    open_entries = [e for e in items if e.active and id(e) not in frozen_ids]

    ranked = sorted(open_entries, key=lambda e: (*_auto_key(e, settings), e.id or 0, e.delegation))
    auto = frozen + ranked
    rules = {id(e): _rule_text(e, settings) for e in auto}
    for e in frozen:
        rules[id(e)] = _("{status}, stays where it was heard").format(status=e.status.label())
    for e in ranked:
        if e.status in (Status.SPEAKING, Status.SPOKE):
            rules[id(e)] = _("{rule} (timed outside the debate's days: a rehearsal, which moves no one)").format(
                rule=rules[id(e)])
    auto_pos = {id(e): i + 1 for i, e in enumerate(auto)}
    setting_notes = _president_setting(open_entries, settings, frozen, auto_pos)

    final, notes = _apply_overrides(frozen, ranked)
    for key, note in setting_notes.items():
        notes.setdefault(key, []).insert(0, note)
    placements = [Placement(e, i + 1, auto_pos[id(e)], rules[id(e)], notes.get(id(e), []))
                  for i, e in enumerate(final)]
    placements += [Placement(e, None, None, _("withdrawn")) for e in withdrawn]
    return placements


def explain(entry: SpeakerEntry, entries: Iterable[SpeakerEntry], settings: OrderSettings = OrderSettings()) -> str:
    """Why `entry` stands where it does in the list made of `entries`."""
    for placement in order_entries(entries, settings):
        if placement.entry is entry or (entry.id is not None and placement.entry.id == entry.id):
            return placement.explain()
    raise ValueError("entry is not in the list")


def _president_setting(open_entries: list[SpeakerEntry], s: OrderSettings, frozen: list[SpeakerEntry],
                       auto_pos: dict[int, int]) -> dict[int, str]:
    """The debate's President setting, where it departs from the rule, as a visible override
    (and `auto_pos` of the President corrected to where the rule alone puts it)."""
    president = next((e for e in open_entries if _is_president(e, s) and e.status != Status.MOVED), None)
    if president is None or s.president_first is None or s.president_first == president_first_by_rule(president):
        return {}
    by_rule = replace_settings(s, None)
    ranked = sorted(open_entries, key=lambda e: (*_auto_key(e, by_rule), e.id or 0, e.delegation))
    auto_pos[id(president)] = len(frozen) + ranked.index(president) + 1
    if s.president_first:
        return {id(president): _("set for this debate: the President speaks right after the briefers "
                                 "(by the rule, at {level} level, last among members)").format(
                                     level=president.level.label())}
    return {id(president): _("set for this debate: the President speaks last among members (by the rule, "
                             "at {level} level, right after the briefers)").format(level=president.level.label())}


def replace_settings(s: OrderSettings, president_first: bool | None) -> OrderSettings:
    return replace(s, president_first=president_first)


def _auto_key(e: SpeakerEntry, s: OrderSettings) -> tuple[object, ...]:
    is_president = _is_president(e, s)
    if e.status == Status.MOVED:
        return (6, 0, 0, e.inscribed_at)
    if e.basis == Basis.BRIEFER:
        return (1, 0 if e.delegation_code == "SG" else 1, 0, e.inscribed_at)
    if is_president:
        return (2 if _president_first(e, s) else 4, 0, 0, e.inscribed_at)
    if e.basis == Basis.MEMBER:
        return (3, e.level.rank, e.draw if e.draw is not None else 10_000, e.inscribed_at)
    return (5, e.level.rank, 0, e.inscribed_at)


def _rule_text(e: SpeakerEntry, s: OrderSettings) -> str:
    is_president = _is_president(e, s)
    if e.status == Status.MOVED:
        return _("moved to a later session: after the others, in order of inscription")
    if e.basis == Basis.BRIEFER:
        if e.delegation_code == "SG":
            return _("briefers speak first, the Secretary-General before other briefers")
        return _("briefers speak first, in order of inscription")
    level = e.level.label()
    if is_president and _president_first(e, s):
        if s.president_first is None:
            return _("the President, presiding at {level} level (a high-level debate), makes the "
                     "national statement right after the briefers").format(level=level)
        return _("the President makes the national statement right after the briefers, as set for this debate")
    if is_president:
        if s.president_first is None:
            return _("the President speaks last among Council members (presiding at {level} level; "
                     "at minister level or above the President would speak right after the briefers)").format(
                         level=level)
        return _("the President speaks last among Council members, as set for this debate")
    if e.basis == Basis.MEMBER:
        draw = (_("draw {draw}").format(draw=e.draw) if e.draw is not None
                else _("no draw yet, so by inscription"))
        return _("Council member at {level} level: members by level, then draw ({draw})").format(
            level=level, draw=draw)
    return _("{basis} at {level} level: non-members after members, by level, then inscription ({when})").format(
        basis=e.basis.label(), level=level, when=short_datetime(e.inscribed_at))


def _apply_overrides(frozen: list[SpeakerEntry], ranked: list[SpeakerEntry]
                     ) -> tuple[list[SpeakerEntry], dict[int, list[str]]]:
    """Apply swaps, relative moves and pins to the open part of the list."""
    by_id = {e.id: e for e in frozen + ranked if e.id is not None}
    names = {i: e.delegation for i, e in by_id.items()}
    notes: dict[int, list[str]] = {}
    order = list(ranked)
    in_open = {id(e) for e in order}

    # 1. swaps: exchange places in the automatic order (each pair once)
    done: set[frozenset[int]] = set()
    for e in list(order):
        o = e.override
        if o is None or o.kind != "swap" or e.id is None:
            continue
        other = by_id.get(o.ref)
        pair = frozenset((e.id, o.ref))
        if other is None or id(other) not in in_open or pair in done:
            if other is None or id(other) not in in_open:
                notes.setdefault(id(e), []).append(
                    _("swap with #{ref} not applied: that entry is not waiting to speak").format(ref=o.ref))
            continue
        done.add(pair)
        i, j = order.index(e), order.index(other)
        order[i], order[j] = other, e
        notes.setdefault(id(e), []).append(o.describe(names))
        notes.setdefault(id(other), []).append(
            _("swapped with {delegation} (override on {delegation})").format(delegation=e.delegation)
            + (f" ({shown_note(o.reason)})" if o.reason else ""))

    # 2. relative moves: keep an entry right after/before its anchor, following chains
    movers = [e for e in order if e.override and e.override.kind in ("after", "before")]
    valid = []
    for e in movers:
        anchor = by_id.get(e.override.ref)  # type: ignore[union-attr]
        kind, ref = e.override.kind, e.override.ref  # type: ignore[union-attr]
        if anchor is None or not anchor.active or anchor is e:
            notes.setdefault(id(e), []).append(
                (_("kept before #{ref} not applied: that entry is not on the list") if kind == "before" else
                 _("kept after #{ref} not applied: that entry is not on the list")).format(ref=ref))
            continue
        if _cycles(e, by_id):
            notes.setdefault(id(e), []).append(
                (_("kept before {other} not applied: it would make a loop") if kind == "before" else
                 _("kept after {other} not applied: it would make a loop")).format(other=anchor.delegation))
            continue
        valid.append(e)
    if valid:
        rest = [e for e in order if e not in valid]
        placed: set[int] = set()

        def place(e: SpeakerEntry) -> None:
            if id(e) in placed:
                return
            anchor = by_id[e.override.ref]  # type: ignore[union-attr]
            if anchor in valid:
                place(anchor)
            if anchor not in rest:  # the anchor spoke already: the entry goes first among the open
                rest.insert(0, e)
            else:
                i = rest.index(anchor)
                # after: behind the anchor and anything already chained behind it
                if e.override.kind == "after":  # type: ignore[union-attr]
                    i += 1
                    while i < len(rest) and _kept_after(rest[i], anchor) and id(rest[i]) in placed:
                        i += 1
                rest.insert(i, e)
            placed.add(id(e))
            notes.setdefault(id(e), []).append(e.override.describe(names))  # type: ignore[union-attr]

        for e in valid:
            place(e)
        order = rest

    # 3. pins: absolute positions over the whole list. A waiting entry pinned at a position keeps
    #    it even when others were heard out of turn meanwhile: a pin never moves.
    pinned = sorted((e for e in order if e.override and e.override.kind == "pin"),
                    key=lambda e: e.override.ref)  # type: ignore[union-attr]
    full = frozen + [e for e in order if e not in pinned]
    for e in pinned:
        wanted = e.override.ref  # type: ignore[union-attr]
        index = min(max(wanted - 1, 0), len(full))
        full.insert(index, e)
        note = e.override.describe(names)  # type: ignore[union-attr]
        if index + 1 != wanted:
            note += " " + _("(position {wanted} is not available: placed at {placed})").format(
                wanted=wanted, placed=index + 1)
        notes.setdefault(id(e), []).append(note)
    return full, notes


def _kept_after(e: SpeakerEntry, anchor: SpeakerEntry) -> bool:
    return e.override is not None and e.override.kind == "after" and e.override.ref == anchor.id


def _cycles(e: SpeakerEntry, by_id: dict[int, SpeakerEntry]) -> bool:
    seen = {id(e)}
    cur = e
    while cur.override and cur.override.kind in ("after", "before"):
        nxt = by_id.get(cur.override.ref)
        if nxt is None:
            return False
        if id(nxt) in seen:
            return True
        seen.add(id(nxt))
        cur = nxt
    return False


def overrides_to_keep(order: Sequence[SpeakerEntry], others: Sequence[SpeakerEntry], settings: OrderSettings,
                      reason: str) -> dict[int, Override]:
    """Overrides that make the rules read `order` (entries with ids, e.g. a record in the order it
    was heard) as given, amid `others`: as few as possible — every entry the rules already place
    in that order keeps no override; each other one is kept after the entry heard before it (the
    first one, before the entry heard after it). Returns entry id -> override."""
    ids = [e.id for e in order]
    if len(order) < 2 or any(i is None for i in ids):
        return {}
    placed = [p.entry.id for p in order_entries([*others, *order], settings) if p.position is not None]
    rank = {entry_id: n for n, entry_id in enumerate(placed)}
    if any(i not in rank for i in ids):
        return {}  # withdrawn entries: nothing to keep in order
    keep = _longest_increasing([rank[e.id] for e in order if e.id is not None])
    out: dict[int, Override] = {}
    for n, e in enumerate(order):
        if n in keep:
            continue
        if n > 0:
            out[e.id] = Override("after", order[n - 1].id, reason)  # type: ignore[index, arg-type]
        else:
            out[e.id] = Override("before", order[1].id, reason)  # type: ignore[index, arg-type]
    return out


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of `values` (patience sorting)."""
    import bisect

    tails: list[int] = []  # value at the end of the best run of each length
    tail_index: list[int] = []
    before: list[int] = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_index.append(i)
        else:
            tails[k], tail_index[k] = v, i
        before[i] = tail_index[k - 1] if k else -1
    out: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.add(i)
        i = before[i]
    return out


def find_duplicate(entry: SpeakerEntry, existing: Sequence[SpeakerEntry]) -> SpeakerEntry | None:
    """An active entry for the same delegation (and same group) as `entry`, if any."""
    key = entry.duplicate_key()
    for other in existing:
        if other.active and other.id != entry.id and other.duplicate_key() == key:
            return other
    return None


def _ordinal(n: int | None) -> str:
    """"1st", "22nd" in English; each language words its own ordinals ("第1位")."""
    if n is None:
        return "-"
    return _(_ORDINALS[ordinal_suffix(n)]).format(n=n)


_ORDINALS = {"st": N_("{n}st"), "nd": N_("{n}nd"), "rd": N_("{n}rd"), "th": N_("{n}th")}

# Notes and override reasons the program writes itself, stored in English (the list is data) and
# read in the interface language: the stored form -> its msgid. A note typed by a user is shown as typed.
_WRITTEN_NOTES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"named in (?P<symbol>.+): to be confirmed"), N_("named in {symbol}: to be confirmed")),
    (re.compile(r"order heard in (?P<label>.+)"), N_("order heard in {label}")),
    (re.compile(r"heard (?P<n>\d+)(?:st|nd|rd|th) in the record of (?P<label>.+)"),
     N_("heard {ordinal} in the record of {label}")),
    (re.compile(r"heard (?P<n>\d+)(?:st|nd|rd|th) in the record"), N_("heard {ordinal} in the record")),
)


def shown_note(text: str) -> str:
    """A stored note or override reason in the interface language: the program's own wordings are
    translated, a user's words are kept."""
    for pattern, template in _WRITTEN_NOTES:
        found = pattern.fullmatch(text.strip())
        if found is not None:
            values: dict[str, str] = found.groupdict()
            if "n" in values:
                values["ordinal"] = _ordinal(int(values.pop("n")))
            return _(template).format(**values)
    return text


E = TypeVar("E", bound=StrEnum)

_LEVEL_WORDS = {
    "head": Level.HEAD, "hos": Level.HEAD, "hog": Level.HEAD, "head of state": Level.HEAD,
    "head of government": Level.HEAD, "head of state/government": Level.HEAD, "国家元首": Level.HEAD,
    "政府首脑": Level.HEAD, "minister": Level.MINISTER, "fm": Level.MINISTER, "部长": Level.MINISTER,
    "vice-minister": Level.VICE_MINISTER, "vice minister": Level.VICE_MINISTER, "deputy minister": Level.VICE_MINISTER,
    "minister of state": Level.VICE_MINISTER, "副部长": Level.VICE_MINISTER,
    "pr": Level.PERMANENT_REPRESENTATIVE, "ambassador": Level.PERMANENT_REPRESENTATIVE,
    "permanent observer": Level.PERMANENT_REPRESENTATIVE, "大使": Level.PERMANENT_REPRESENTATIVE,
    "dpr": Level.DEPUTY, "deputy permanent representative": Level.DEPUTY, "副代表": Level.DEPUTY,
}
_BASIS_WORDS = {
    "council member": Basis.MEMBER, "members": Basis.MEMBER, "成员": Basis.MEMBER, "rule 37": Basis.RULE37,
    "r37": Basis.RULE37, "non-member": Basis.RULE37, "第37条": Basis.RULE37, "rule 39": Basis.RULE39,
    "r39": Basis.RULE39, "第39条": Basis.RULE39, "rule 39 briefer": Basis.BRIEFER, "通报人": Basis.BRIEFER,
}


def _parse(enum: type[E], labels: Mapping[E, tuple[str, ...]], words: Mapping[str, E], text: str,
           unknown: str) -> E:
    """The member `text` names; ValueError with `unknown` (a msgid with {value} and {allowed}) otherwise."""
    key = " ".join(str(text).strip().casefold().replace("_", " ").split())
    for member in enum:
        if key in (member.value.replace("_", " "), *(s.casefold() for s in labels[member])):
            return member
    if key in words:
        return words[key]
    allowed = ", ".join(m.value for m in enum)
    raise ValueError(_(unknown).format(value=text, allowed=allowed))


def parse_level(text: str) -> Level:
    """'minister', 'PR', '部长', 'head of State/Government' ... -> Level; ValueError otherwise."""
    return _parse(Level, LEVEL_LABELS, _LEVEL_WORDS, text, N_("unknown level {value!r} (use one of: {allowed})"))


def parse_basis(text: str) -> Basis:
    return _parse(Basis, BASIS_LABELS, _BASIS_WORDS, text, N_("unknown basis {value!r} (use one of: {allowed})"))


def parse_status(text: str) -> Status:
    return _parse(Status, STATUS_LABELS, {"moved": Status.MOVED, "later": Status.MOVED}, text,
                  N_("unknown status {value!r} (use one of: {allowed})"))
