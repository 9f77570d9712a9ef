"""Use cases for the speakers list, shared by the CLI and the TUI.

Every change is one transaction: an import either adds all its rows or none. Entries carry a
version: an edit made on an out-of-date copy raises StaleEdit naming what changed meanwhile.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from debateprep.domain.debate import Debate
from debateprep.domain import limits
from debateprep.domain.errors import Conflict, InputError, NotFound, StaleEdit
from debateprep.domain.roster import PERMANENT_MEMBERS, Roster, membership_unknown
from debateprep.domain.schedule import Schedule, Slot, build_schedule, debate_days
from debateprep.domain.speakers import (
    Basis,
    Level,
    OrderSettings,
    Override,
    Placement,
    SpeakerEntry,
    Status,
    find_duplicate,
    heard_in_debate,
    order_entries,
    overrides_to_keep,
    parse_basis,
    parse_level,
    parse_status,
)
from debateprep.exporters.csv_safe import from_cell
from debateprep.i18n import N_, _, ngettext
from debateprep.storage.db import Database
from debateprep.storage.repos import speakers as repo

CSV_COLUMNS = ("position", "delegation", "code", "representative", "title", "level", "basis", "on_behalf_of",
               "status", "confirmed", "inscribed_at", "draw", "planned_minutes", "actual_seconds", "started_at",
               "override", "notes", "planned_start", "session", "person")
# Column names staff use in their own spreadsheets, English and Chinese.
_COLUMN_ALIASES = {
    "delegation": ("delegation", "country", "speaker", "代表团", "国家"), "code": ("code", "iso3", "代码"),
    "representative": ("representative", "name", "代表", "姓名"), "title": ("title", "职务"),
    "level": ("level", "级别"), "basis": ("basis", "依据"), "on_behalf_of": ("on_behalf_of", "on behalf of", "group", "代表集团"),
    "status": ("status", "状态"), "confirmed": ("confirmed", "已确认"), "inscribed_at": ("inscribed_at", "inscribed", "登记时间"),
    "draw": ("draw", "抽签"), "planned_minutes": ("planned_minutes", "minutes", "时限"),
    "actual_seconds": ("actual_seconds",), "started_at": ("started_at",), "override": ("override", "调整"),
    "notes": ("notes", "备注"), "person": ("person",),
}
# An inscription may also be a person in a personal capacity (the CLI's --person, the dialog's box).
PERSON_HINT = N_("; or someone in a personal capacity: --person, or the dialog's 'personal capacity' box")
if TYPE_CHECKING:
    from debateprep.services.debates import DebateService

E = TypeVar("E", bound=StrEnum)
_YES = {"yes", "y", "true", "1", "是"}
_NO = {"no", "n", "false", "0", "否"}


@dataclass
class SpeakersView:
    """The ordered list of a debate with its schedule."""

    debate: Debate
    placements: list[Placement]
    schedule: Schedule
    settings: OrderSettings
    # What is wrong with who presides, checked against the Council of the debate's year (one line;
    # also when the year's roster is missing, so it cannot be checked); None: nothing to say.
    presidency: str | None = None

    def slot(self, placement: Placement) -> Slot | None:
        if placement.entry.id is None:
            return None
        return self.schedule.slot_for(placement.entry.id)

    def expected(self, placement: Placement) -> Slot | None:
        """The forecast slot (from what the timer logged during the debate), if there is one."""
        if placement.entry.id is None or self.schedule.forecast is None:
            return None
        return self.schedule.forecast.slot_for(placement.entry.id)

    def rows(self) -> list[dict[str, Any]]:
        """JSON-ready rows: position, delegation, level, basis, status, planned start, session, and
        beside the plan the timer's record and the forecast made from it ..."""
        limits = self.debate.settings
        out = []
        for p in self.placements:
            e, slot, expected = p.entry, self.slot(p), self.expected(p)
            out.append({
                "position": p.position, "id": e.id, "delegation": e.delegation, "code": e.delegation_code,
                "representative": e.representative, "title": e.title, "level": e.level.value,
                "basis": e.basis.value, "on_behalf_of": e.on_behalf_of, "status": e.status.value,
                "confirmed": e.confirmed, "draw": e.draw,
                "inscribed_at": e.inscribed_at.isoformat(timespec="minutes"),
                "planned_minutes": round(e.planned_seconds(limits.default_limit_minutes, limits.limits_minutes) / 60, 2),
                "actual_seconds": e.actual_seconds,
                "planned_start": slot.start.isoformat(timespec="minutes") if slot else None,
                "planned_end": slot.end.isoformat(timespec="minutes") if slot else None,
                "session": slot.session.number if slot else None,
                "session_label": slot.session.label() if slot else None,
                "actual_start": slot.actual_start.isoformat(timespec="seconds") if slot and slot.actual_start else None,
                "record": (None if slot is None or not slot.actual else "debate" if slot.live else "rehearsal"),
                "expected_start": expected.start.isoformat(timespec="minutes") if expected and not expected.measured else None,
                "auto_position": p.auto_position,
                "override": _override_text(e, self.placements) or ("; ".join(p.overrides) if p.overrides else None),
                "why": p.explain(), "notes": e.notes, "version": e.version,
            })
        return out


@dataclass
class CouncilInscription:
    """What `inscribe_council` did: the year, the entries it added, the members already listed."""

    year: int
    added: list[SpeakerEntry]
    already: list[SpeakerEntry]

    def summary(self) -> str:
        withdrawn = [e.delegation for e in self.already if e.status == Status.WITHDRAWN]
        if not self.added:
            text = _("all {count} Council members of {year} are on the list already: nothing added").format(
                count=len(self.already), year=self.year)
            return text + (" " + _("({names} withdrawn: reinstate to list again)").format(
                names=_(", ").join(withdrawn)) if withdrawn else "")
        text = ngettext("{count} Council member of {year} inscribed", "{count} Council members of {year} inscribed",
                        len(self.added)).format(count=len(self.added), year=self.year)
        if self.already:
            names = _(", ").join(e.delegation + (" " + _("(withdrawn)") if e.status == Status.WITHDRAWN else "")
                                 for e in self.already)
            text += _("; already on the list: {names}").format(names=names)
        return text


class SpeakersService:
    def __init__(self, db: Database, roster: Roster | None = None) -> None:
        self.db = db
        self.roster = roster or Roster.load()

    # -- reading ------------------------------------------------------------------------

    def debate(self, ref: int | str | None) -> Debate:
        return self._debates().resolve(ref)

    def _debates(self) -> DebateService:
        from debateprep.services.debates import DebateService

        return DebateService(self.db, self.roster)

    def entries(self, debate_id: int) -> list[SpeakerEntry]:
        with self.db.session() as s:
            return repo.list_for_debate(s, debate_id)

    def entry(self, entry_id: int) -> SpeakerEntry:
        with self.db.session() as s:
            return repo.get(s, entry_id)

    def order_settings(self, debate: Debate) -> OrderSettings:
        """Who presides (settings, else the debate's presidency, else the roster's for its date)."""
        code = None
        for name in (debate.settings.president_delegation, debate.presidency):
            if name:
                found = self.roster.find(name, fuzzy=True)
                if found is not None:
                    code = found.code
                    break
        if code is None and debate.meeting_date and debate.meeting_date.year in self.roster.council:
            code = self.roster.presidency(debate.meeting_date).code
        return OrderSettings(president_code=code, president_first=debate.settings.president_first)

    def view(self, ref: int | str | None, now: datetime | None = None) -> SpeakersView:
        debate = self.debate(ref)
        assert debate.id is not None
        entries = self.entries(debate.id)
        settings = self.heard_settings(debate, entries)
        placements = order_entries(entries, settings)
        days = dict(settings.debate_days or ())
        problem = self._debates().presidency_problem(debate)
        return SpeakersView(debate, placements, self._schedule(debate, placements, now, days), settings,
                            problem[0] if problem else None)

    def heard_settings(self, debate: Debate, entries: Sequence[SpeakerEntry]) -> OrderSettings:
        """The order settings with the debate's days, so that only speeches timed during the
        debate keep the place where they were heard; a rehearsal on another day moves no one.
        The days are those of the plan the rules make when no one counts as heard yet."""
        settings = self.order_settings(debate)
        by_rules = order_entries(entries, replace(settings, debate_days=()))
        s = debate.settings
        days = debate_days(by_rules, debate.meeting_date or date.today(), sessions=s.session_times(),
                           default_minutes=s.default_limit_minutes, limits=s.limits_minutes,
                           changeover_seconds=s.changeover_seconds, grace_minutes=s.grace_minutes,
                           meeting_number=debate.meeting_number)
        return replace(settings, debate_days=tuple(sorted(days.items())))

    def _schedule(self, debate: Debate, placements: list[Placement], now: datetime | None,
                  days: dict[date, datetime] | None = None) -> Schedule:
        s = debate.settings
        return build_schedule(placements, debate.meeting_date or date.today(), sessions=s.session_times(),
                              default_minutes=s.default_limit_minutes, limits=s.limits_minutes,
                              changeover_seconds=s.changeover_seconds, grace_minutes=s.grace_minutes,
                              now=now, meeting_number=debate.meeting_number, days=days)

    # -- inscribing ---------------------------------------------------------------------

    def build_entry(self, debate: Debate, delegation: str, *, person: bool = False, representative: str = "",
                    title: str = "", level: Level | str | None = None, basis: Basis | str | None = None,
                    on_behalf_of: str | None = None, inscribed_at: datetime | None = None,
                    planned_minutes: float | None = None, draw: int | None = None, notes: str = "",
                    confirmed: bool = True, status: Status | str = Status.INSCRIBED) -> SpeakerEntry:
        """Validate one inscription against the roster (nothing is stored)."""
        name = " ".join((delegation or "").split())
        if not name:
            raise InputError(None, _("give a delegation (or a person's name with --person)"))
        name = limits.check_text(name, "delegation", limits.NAME_CHARS, single_line=True)  # before any look-up
        code = None
        if not person:
            found = self.roster.resolve(name, PERSON_HINT)  # InputError for an unknown delegation
            name, code = found.name, found.code
        the_basis = _enum(parse_basis, basis) if basis else self._default_basis(debate, code, person)
        the_level = _enum(parse_level, level) if level else (
            Level.OTHER if the_basis == Basis.BRIEFER else Level.PERMANENT_REPRESENTATIVE)
        if planned_minutes is not None and not 0 < planned_minutes <= 180:
            raise InputError(None, _("planned minutes must be between 0 and 180, not {planned_minutes}").format(
                planned_minutes=planned_minutes))
        return SpeakerEntry(
            delegation=name, delegation_code=code, representative=representative.strip(), title=title.strip(),
            level=the_level, basis=the_basis, on_behalf_of=self._group_code(on_behalf_of),
            inscribed_at=inscribed_at or datetime.now().replace(microsecond=0), planned_minutes=planned_minutes,
            draw=draw, notes=notes.strip(), confirmed=confirmed, status=_enum(parse_status, status),
            debate_id=debate.id)

    def add(self, ref: int | str | None, delegation: str, *, source: str = "manual", **fields: Any) -> SpeakerEntry:
        debate = self.debate(ref)
        entry = self.build_entry(debate, delegation, **fields)
        with self.db.transaction() as s:
            return repo.add(s, debate.id, entry, source)  # type: ignore[arg-type]

    def _default_basis(self, debate: Debate, code: str | None, person: bool) -> Basis:
        if person or code is None:
            return Basis.BRIEFER
        d = self.roster.get(code)
        if d.is_state:
            if d.basis == "observer":
                return Basis.OBSERVER
            if debate.meeting_date is None:  # no year: only the permanent members are known
                return Basis.MEMBER if code in PERMANENT_MEMBERS else Basis.RULE37
            member = self.roster.membership(code, debate.meeting_date.year)
            if member is None:  # an elected member, or not: the year's roster is missing
                raise InputError(None, _("{name}: {unknown}, or give the basis (--basis member or rule37)").format(
                    name=d.name, unknown=membership_unknown(debate.meeting_date.year)))
            return Basis.MEMBER if member else Basis.RULE37
        return Basis.OBSERVER if d.basis == "observer" else Basis.BRIEFER

    def _group_code(self, text: str | None) -> str | None:
        if not text or not text.strip():
            return None
        group = self.roster.find_group(text)
        return group.code if group else " ".join(text.split())

    # -- editing ------------------------------------------------------------------------

    def update(self, entry_id: int, version: int | None = None, *, seen: SpeakerEntry | None = None,
               **changes: Any) -> SpeakerEntry:
        """Change fields of an entry. `seen` is the copy the caller edited (or just its `version`;
        None: the current one). If the entry moved on since, StaleEdit names what others changed."""
        for key in ("level", "basis", "status"):
            if isinstance(changes.get(key), str):
                changes[key] = _enum({"level": parse_level, "basis": parse_basis, "status": parse_status}[key],
                                     changes[key])
        if "on_behalf_of" in changes:
            changes["on_behalf_of"] = self._group_code(changes["on_behalf_of"])
        if "delegation" in changes and not changes.get("person"):
            found = self.roster.resolve(changes["delegation"], PERSON_HINT)
            changes["delegation"], changes["delegation_code"] = found.name, found.code
        changes.pop("person", None)
        unknown = set(changes) - set(repo.EDITABLE)
        if unknown:
            raise InputError(None, _("cannot change {value}").format(value=', '.join(sorted(unknown))))
        if seen is not None and version is None:
            version = seen.version
        with self.db.transaction() as s:
            current = repo.get(s, entry_id)
            edited = replace(current, **changes, version=current.version if version is None else version)
            if edited.status == Status.WITHDRAWN:  # remember what reinstating must restore
                edited.withdrawn_from = current.status if current.active else current.withdrawn_from
                if not current.active and edited.started_at is None and edited.actual_seconds is None \
                        and (current.started_at is not None or current.actual_seconds is not None):
                    edited.withdrawn_from = current.without_timing().withdrawn_from  # its record undone
            else:
                edited.withdrawn_from = None
            return repo.update(s, edited, seen)

    def withdraw(self, entry_id: int, version: int | None = None) -> SpeakerEntry:
        return self.update(entry_id, version, status=Status.WITHDRAWN)

    def reinstate(self, entry_id: int, version: int | None = None, *, seen: SpeakerEntry | None = None
                  ) -> SpeakerEntry:
        """Put a withdrawn entry back exactly as it was: the status it had (moved to a later session,
        spoke, speaking, inscribed), its place (overrides, inscription, draw) and its timer record.
        `seen`/`version` as for `update`."""
        current = self.entry(entry_id)
        if current.status != Status.WITHDRAWN:
            raise Conflict(_("speakers entry #{entry_id} ({delegation}) is not withdrawn: it is {status}").format(
                entry_id=entry_id, delegation=current.delegation, status=current.status.value))
        return self.update(entry_id, version, seen=seen, status=current.status_on_reinstating())

    def later(self, entry_id: int, later: bool = True, version: int | None = None, *,
              seen: SpeakerEntry | None = None) -> SpeakerEntry:
        """Move a waiting entry to a later session (the next meeting, or the debate's resumption):
        it speaks after everyone else; `later=False` brings it back among the others. Only an entry
        still waiting to speak can move (Conflict otherwise)."""
        current = seen if seen is not None and version is None else self.entry(entry_id)
        wanted, other = (Status.MOVED, Status.INSCRIBED) if later else (Status.INSCRIBED, Status.MOVED)
        if current.status == wanted:
            return current
        if current.status != other:
            raise Conflict(_("speakers entry #{id} ({delegation}) is {status}: only an entry waiting to speak "
                             "moves to a later session or back").format(
                id=entry_id, delegation=current.delegation, status=current.status.label()))
        return self.update(entry_id, version, seen=seen, status=wanted)

    def move(self, entry_id: int, *, to: int | None = None, after: str | int | None = None,
             before: str | int | None = None, swap: str | int | None = None, reason: str = "",
             version: int | None = None) -> SpeakerEntry:
        """A manual override: pin at position `to`, keep `after`/`before` another entry, or `swap`.
        Other entries are given by id or by delegation name."""
        given = [(k, v) for k, v in (("pin", to), ("after", after), ("before", before), ("swap", swap)) if v is not None]
        if len(given) != 1:
            raise InputError(None, _("say exactly one of: --to POSITION, --after ENTRY, --before ENTRY, --swap ENTRY"))
        kind, target = given[0]
        entry = self.entry(entry_id)
        if kind == "pin":
            if not isinstance(target, int) or target < 1:
                raise InputError(None, _("position must be 1 or more, not {target!r}").format(target=target))
            ref = target
        else:
            ref = self._find_entry(entry.debate_id, target).id  # type: ignore[assignment]
            if ref == entry_id:
                raise InputError(None, _("an entry cannot be moved relative to itself"))
        return self.update(entry_id, version, override=Override(kind, ref, reason.strip()))

    def clear_override(self, entry_id: int, version: int | None = None) -> SpeakerEntry:
        return self.update(entry_id, version, override=None)

    def _find_entry(self, debate_id: int | None, ref: str | int) -> SpeakerEntry:
        assert debate_id is not None
        entries = [e for e in self.entries(debate_id) if e.active]
        if isinstance(ref, int) or str(ref).lstrip("#").isdigit():
            wanted = int(str(ref).lstrip("#"))
            for e in entries:
                if e.id == wanted:
                    return e
            raise NotFound(_("no active entry #{wanted} in this debate's list").format(wanted=wanted))
        found = self.roster.find(str(ref))
        for e in entries:
            if (found and e.delegation_code == found.code) or e.delegation.casefold() == str(ref).strip().casefold():
                return e
        raise NotFound(_("{ref!r} is not on this debate's list").format(ref=ref))

    # -- the timer ----------------------------------------------------------------------

    def start(self, entry_id: int, at: datetime | None = None, version: int | None = None) -> SpeakerEntry:
        return self.update(entry_id, version, status=Status.SPEAKING,
                           started_at=at or datetime.now().replace(microsecond=0))

    def finish(self, entry_id: int, actual_seconds: int | None, version: int | None = None,
               started_at: datetime | None = None) -> SpeakerEntry:
        """Log the actual duration: the entry has spoken. Without a duration, a turn that is running
        (started with `start`) ends now: its duration is the time since it started."""
        if actual_seconds is None:
            running = self.entry(entry_id)
            if running.status is not Status.SPEAKING or running.started_at is None:
                raise InputError(None, _("speakers entry #{entry_id} ({delegation}) is not speaking: give its "
                                         "duration (--seconds)").format(entry_id=entry_id,
                                                                        delegation=running.delegation))
            actual_seconds = max(0, int((datetime.now() - running.started_at).total_seconds()))
        if actual_seconds < 0:
            raise InputError(None, _("a duration cannot be negative"))
        changes: dict[str, Any] = {"status": Status.SPOKE, "actual_seconds": int(actual_seconds)}
        if started_at is not None:
            changes["started_at"] = started_at
        current = self.entry(entry_id)
        if current.started_at is None and started_at is None:
            changes["started_at"] = datetime.now().replace(microsecond=0)
        return self.update(entry_id, version, **changes)

    def unspoke(self, entry_id: int, version: int | None = None, *, seen: SpeakerEntry | None = None
                ) -> SpeakerEntry:
        """Not spoken yet: undo the timer's record of one entry (its start, its duration and its
        "speaking"/"spoke" mark); it waits again where the rules (and its override) place it. A
        withdrawn entry stays withdrawn, without the record. Conflict when there is nothing to undo."""
        current = self.entry(entry_id)
        if not _timed(current):
            raise Conflict(_("speakers entry #{entry_id} ({delegation}) has no timing to undo: it is {status}").format(
                entry_id=entry_id, delegation=current.delegation, status=current.status.value))
        undone = current.without_timing()
        return self.update(entry_id, version, seen=seen, status=undone.status, started_at=None, actual_seconds=None)

    def timed_entries(self, ref: int | str | None) -> list[SpeakerEntry]:
        """The entries of a debate that carry a timer record (what `reset_timer` would clear)."""
        debate = self.debate(ref)
        assert debate.id is not None
        return [e for e in self.entries(debate.id) if _timed(e)]

    def reset_timer(self, ref: int | str | None) -> list[SpeakerEntry]:
        """Clear every recorded speaking time and "speaking"/"spoke" mark of a debate (after a
        rehearsal, say), in one transaction; the plan — order, overrides, limits — is untouched.
        Returns the entries it changed."""
        debate = self.debate(ref)
        assert debate.id is not None
        with self.db.transaction() as s:
            changed = []
            for e in repo.list_for_debate(s, debate.id):
                if _timed(e):
                    changed.append(repo.update(s, e.without_timing()))
            return changed

    # -- import / export ----------------------------------------------------------------

    def import_csv(self, ref: int | str | None, path: str | Path) -> list[SpeakerEntry]:
        """Add every row of a CSV file, or none: a bad row is reported with its row number.
        Linear in the rows; files over the size limit and lists longer than any debate's are refused."""
        from debateprep.files import read_limited
        from debateprep.importers.reader import decode_text

        debate = self.debate(ref)
        p = Path(path)
        text, _encoding = decode_text(read_limited(p, limits.MAX_FILE_BYTES), p)
        entries, overrides = self._parse_csv(debate, p, text)
        existing = self.entries(debate.id)  # type: ignore[arg-type]
        self._keep_only_this_debates_speeches(debate, existing, [e for _n, e in entries])
        on_list = {e.duplicate_key(): e for e in existing if e.active}
        in_file: dict[tuple[str, str], int] = {}  # duplicate key -> its row: one look-up, not a rescan
        with self.db.transaction() as s:
            added: list[SpeakerEntry] = []
            for row_number, entry in entries:
                key = entry.duplicate_key()
                if entry.active and key in in_file:
                    raise InputError(p, _("row {row_number}: {delegation} is inscribed twice (earlier in the file, "
                                          "row {value})").format(
                        row_number=row_number, delegation=entry.delegation, value=in_file[key]))
                if entry.active and key in on_list:
                    raise InputError(p, _("row {row_number}: {delegation} is inscribed twice (on the list already "
                                          "(entry #{id}))").format(
                        row_number=row_number, delegation=entry.delegation, id=on_list[key].id))
                if entry.active:
                    in_file[key] = row_number
                added.append(repo.add(s, debate.id, entry, f"csv:{p.name}"))  # type: ignore[arg-type]
            targets = _EntryIndex(added + existing, self.roster)
            for index, (row_number, text_override) in overrides.items():
                entry = added[index]
                override = self._parse_override(text_override, targets, p, row_number)
                added[index] = repo.update(s, replace(entry, override=override))
            return added

    def _keep_only_this_debates_speeches(self, debate: Debate, existing: Sequence[SpeakerEntry],
                                         rows: Sequence[SpeakerEntry]) -> None:
        """A row that spoke (or is speaking) in the file, timed outside this debate's days, was
        heard in another debate or in a rehearsal: here it is inscribed, waiting to speak, with a
        note saying what the file had. A list exported from this debate comes back as it was."""
        if not any(e.status in (Status.SPEAKING, Status.SPOKE) for e in rows):
            return
        settings = self.heard_settings(debate, [*existing, *rows])
        for e in rows:
            if e.status in (Status.SPEAKING, Status.SPOKE) and not heard_in_debate(e, settings):
                when = e.started_at.isoformat(sep=" ", timespec="minutes") if e.started_at else "untimed"
                note = f"{e.status.value} in the imported file ({when}), not during this debate: inscribed"
                e.notes = f"{e.notes}; {note}" if e.notes else note
                e.status, e.started_at, e.actual_seconds = Status.INSCRIBED, None, None

    def _parse_csv(self, debate: Debate, path: Path, text: str
                   ) -> tuple[list[tuple[int, SpeakerEntry]], dict[int, tuple[int, str]]]:
        reader = csv.reader(io.StringIO(text), strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(path, _("empty file: expected a header row with a 'delegation' column")) from None
        except csv.Error as exc:
            raise InputError(path, _("row 1: not CSV ({exc})").format(exc=exc)) from None
        if len(header) > limits.MAX_CSV_COLUMNS:
            raise InputError(path, _("row 1: {count:,} columns, not a speakers list (it has at most {columns}; the "
                                     "limit is {limit})").format(
                count=len(header), columns=len(CSV_COLUMNS), limit=limits.MAX_CSV_COLUMNS))
        columns = _map_columns(header)
        if "delegation" not in columns:
            raise InputError(path, _("row 1: no 'delegation' column (columns: {value})").format(
                value=', '.join(h.strip() for h in header) or 'none'))
        entries: list[tuple[int, SpeakerEntry]] = []
        overrides: dict[int, tuple[int, str]] = {}
        try:
            for row in reader:
                n = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise InputError(path, _("row {n}: {count} fields where the header has {columns}").format(
                        n=n, count=len(row), columns=len(header)))
                longest = max((len(cell) for cell in row), default=0)
                if longest > limits.MAX_CSV_FIELD_CHARS:
                    raise InputError(path, _("row {n}: a cell of {longest:,} characters (the limit is "
                                             "{limit:,})").format(
                        n=n, longest=longest, limit=limits.MAX_CSV_FIELD_CHARS))
                if len(entries) >= limits.MAX_SPEAKERS_ROWS:
                    raise InputError(path, _("more than {limit:,} rows: not one debate's speakers list "
                                             "(the largest open debates had about 110 speakers)").format(
                        limit=limits.MAX_SPEAKERS_ROWS))
                cells = {key: from_cell(row[i]).strip() for key, i in columns.items()}
                try:
                    entry = self._entry_from_cells(debate, cells)
                except (InputError, ValueError) as exc:
                    problem = exc.problem if isinstance(exc, InputError) else str(exc)
                    raise InputError(path, _("row {n}: {problem}").format(n=n, problem=problem)) from None
                if cells.get("override"):
                    overrides[len(entries)] = (n, cells["override"])
                entries.append((n, entry))
        except csv.Error as exc:
            raise InputError(path, _("row {line_num}: not CSV ({exc})").format(
                line_num=reader.line_num, exc=exc)) from None
        if not entries:
            raise InputError(path, _("no rows under the header"))
        return entries, overrides

    def _entry_from_cells(self, debate: Debate, cells: dict[str, str]) -> SpeakerEntry:
        person = cells.get("person", "").casefold() in _YES
        code = cells.get("code", "")
        delegation = cells.get("delegation", "")
        if code and not person:
            found = self.roster.get(code.upper()) if code.upper() in self.roster.delegations else None
            if found is None:
                raise InputError(None, _("unknown delegation code {code!r}").format(code=code))
            if delegation and self.roster.find(delegation) not in (found, None):
                raise InputError(None, _("delegation {delegation!r} does not match code {code!r}").format(
                    delegation=delegation, code=code))
            delegation = found.name
        entry = self.build_entry(
            debate, delegation, person=person, representative=cells.get("representative", ""),
            title=cells.get("title", ""), level=cells.get("level") or None, basis=cells.get("basis") or None,
            on_behalf_of=cells.get("on_behalf_of") or None,
            inscribed_at=_datetime(cells.get("inscribed_at", ""), "inscribed_at"),
            planned_minutes=_number(cells.get("planned_minutes", ""), "planned_minutes"),
            draw=_int(cells.get("draw", ""), "draw"), notes=cells.get("notes", ""),
            confirmed=_bool(cells.get("confirmed", ""), "confirmed"),
            status=cells.get("status") or Status.INSCRIBED)
        entry.actual_seconds = _int(cells.get("actual_seconds", ""), "actual_seconds")
        entry.started_at = _datetime(cells.get("started_at", ""), "started_at")
        return entry

    def _parse_override(self, text: str, entries: _EntryIndex, path: Path, row: int) -> Override:
        kind, _sep, rest = text.strip().partition(" ")
        kind = kind.casefold()
        rest, _sep, reason = rest.partition(";")
        rest = rest.strip()
        if kind == "pin" and rest.isdigit() and int(rest) >= 1:
            return Override("pin", int(rest), reason.strip())
        if kind in ("after", "before", "swap") and rest:
            target = entries.find(rest)
            if target is not None:
                return Override(kind, target.id, reason.strip())  # type: ignore[arg-type]
            raise InputError(path, _("row {row}: override refers to {rest!r}, which is not on the list").format(
                row=row, rest=rest))
        raise InputError(path, _("row {row}: override {text!r} is not 'pin N', 'after X', 'before X' or 'swap X'").format(
            row=row, text=text))

    def export_csv(self, ref: int | str | None) -> str:
        """The list as spreadsheet-safe CSV (exporters/csv_safe.py): no cell is run as a formula."""
        from debateprep.exporters.csv_safe import write_csv

        view = self.view(ref)
        names = {p.entry.id: p.entry.delegation for p in view.placements}
        rows: list[list[object]] = []
        for p, row in zip(view.placements, view.rows(), strict=True):
            e = p.entry
            override = ""
            if e.override:
                target = str(e.override.ref) if e.override.kind == "pin" else names.get(e.override.ref, "")
                override = f"{e.override.kind} {target}" + (f"; {e.override.reason}" if e.override.reason else "")
            rows.append([
                p.position or "", e.delegation, e.delegation_code or "", e.representative, e.title, e.level.value,
                e.basis.value, e.on_behalf_of or "", e.status.value, "yes" if e.confirmed else "no",
                e.inscribed_at.isoformat(timespec="seconds"), "" if e.draw is None else e.draw,
                "" if e.planned_minutes is None else e.planned_minutes,
                "" if e.actual_seconds is None else e.actual_seconds,
                e.started_at.isoformat(timespec="seconds") if e.started_at else "", override, e.notes,
                row["planned_start"] or "", row["session_label"] or "",
                "yes" if e.delegation_code is None else "no"])  # someone in a personal capacity
        return write_csv(CSV_COLUMNS, rows)

    def import_record(self, ref: int | str | None, paths: Sequence[str | Path]) -> list[SpeakerEntry]:
        """Inscribe everyone heard in a verbatim record (first statements). The list keeps the
        order heard: where it departs from the rules, the entry carries a visible override
        ("kept after Germany (order heard in S/PV.8699)"). One transaction."""
        from debateprep.domain.record_speakers import entries_from_heard, listed_briefer, speakers_from_record
        from debateprep.importers.verbatim_record import record_parts

        debate = self.debate(ref)
        if debate.meeting_date is None:
            raise InputError(None, _("debate #{debate_id} has no meeting date: set it first (`debateprep debate set "
                                     "DEBATE --date YYYY-MM-DD`)").format(
                debate_id=debate.id))
        parts = record_parts(paths)
        heard = speakers_from_record([p.text for p in parts], self.roster, debate.meeting_date,
                                     self.order_settings(debate).president_code)
        if not heard:
            raise InputError(Path(paths[0]), _("no speaker headers found (expected lines such as 'Mr. Zhang Jun "
                                               "(China) (spoke in Chinese):')"))
        label = parts[0].label
        start = datetime.combine(debate.meeting_date, datetime.min.time())
        entries = entries_from_heard(heard, start)
        for e in entries:
            e.notes = f"{e.notes} of {label}"
        existing = self.entries(debate.id)  # type: ignore[arg-type]
        for e in entries:  # "Mr. Khiari:" is the "Khaled Khiari" already listed as a briefer
            listed = listed_briefer(e.representative, existing) if e.delegation_code is None else None
            if listed is not None:
                e.delegation, e.delegation_code = listed.delegation, listed.delegation_code
        with self.db.transaction() as s:
            added: list[SpeakerEntry] = []
            for e in entries:
                dup = find_duplicate(e, existing + added)
                if dup is not None:
                    raise Conflict(_("{delegation} is already on the list (entry #{dup_id}); nothing imported").format(
                        delegation=e.delegation, dup_id=dup.id))
                added.append(repo.add(s, debate.id, e, f"record:{label}"))  # type: ignore[arg-type]
            keep = overrides_to_keep(added, existing, self.order_settings(debate), f"order heard in {label}")
            return [repo.update(s, replace(e, override=keep[e.id])) if e.id in keep else e for e in added]

    def import_briefers(self, ref: int | str | None) -> list[SpeakerEntry]:
        """Briefers named in the debate's concept note, as rule 39 entries to be confirmed.
        Already inscribed briefers are left alone, so running it twice adds nothing."""
        from debateprep.services.notes import NotesService

        debate = self.debate(ref)
        stored = NotesService(self.db).for_debate(debate.id)  # type: ignore[arg-type]
        if stored is None:
            raise NotFound(_("debate #{debate_id} has no concept note to take briefers from").format(
                debate_id=debate.id))
        existing = self.entries(debate.id)  # type: ignore[arg-type]
        symbol = stored.note.symbol or f"concept note #{stored.id}"
        new: list[SpeakerEntry] = []
        base = datetime.now().replace(microsecond=0)
        for i, b in enumerate(stored.note.briefers):
            found = next((f for f in (self.roster.find(n) for n in (b.organization, b.title) if n) if f), None)
            label = found.name if found else (b.organization or b.name or b.title or "")
            if not label:
                continue
            entry = SpeakerEntry(
                delegation=label, delegation_code=found.code if found else None,
                representative=b.name or "", title=b.title or "", level=Level.OTHER, basis=Basis.BRIEFER,
                inscribed_at=base + timedelta(seconds=i), confirmed=False,  # keeps the note's order
                notes=f"named in {symbol}: to be confirmed", debate_id=debate.id)  # read back by shown_note
            if find_duplicate(entry, existing + new) is None:
                new.append(entry)
        if not new:
            return []
        return self._add_all(debate, new, f"concept-note:{stored.id}")

    def inscribe_council(self, ref: int | str | None, year: int | None = None) -> CouncilInscription:
        """Inscribe the fifteen Council members of the debate's year (or `year`) from the roster, in
        the roster's order, at representative level. Members already on the list — in any status,
        withdrawn included, or for a group — are left alone, so running it twice adds nothing."""
        debate = self.debate(ref)
        assert debate.id is not None
        if year is None:
            if debate.meeting_date is None:
                raise InputError(None, _("debate #{debate_id} has no meeting date, so no Council year: give the year "
                                         "(--year) or set the date (`debateprep debate set {debate_id} --date "
                                         "YYYY-MM-DD`)").format(
                    debate_id=debate.id))
            year = debate.meeting_date.year
        if year not in self.roster.council:
            have = ", ".join(str(y) for y in sorted(self.roster.council))
            raise NotFound(_("the roster has no Council composition for {year} (it has {have}): inscribe the members "
                             "one by one (`debateprep speakers add`), or add the year to the roster's council.toml").format(
                year=year, have=have))
        council = self.roster.council_year(year)
        existing = self.entries(debate.id)
        present = {e.delegation_code: e for e in existing if e.delegation_code}
        base = datetime.now().replace(microsecond=0)
        new: list[SpeakerEntry] = []
        for i, code in enumerate(council.members):
            if code in present:
                continue
            new.append(SpeakerEntry(
                delegation=self.roster.get(code).name, delegation_code=code, basis=Basis.MEMBER,
                level=Level.PERMANENT_REPRESENTATIVE, inscribed_at=base + timedelta(seconds=i),  # roster order
                notes=f"Council member in {year} (from the roster)", debate_id=debate.id))
        added = self._add_all(debate, new, f"council:{year}") if new else []
        already = [present[c] for c in council.members if c in present]
        return CouncilInscription(year, added, already)

    def _add_all(self, debate: Debate, entries: list[SpeakerEntry], source: str) -> list[SpeakerEntry]:
        active = {e.duplicate_key(): e for e in self.entries(debate.id) if e.active}  # type: ignore[arg-type]
        with self.db.transaction() as s:
            added: list[SpeakerEntry] = []
            for e in entries:
                dup = active.get(e.duplicate_key()) if e.active else None
                if dup is not None:
                    raise Conflict(_("{delegation} is already on the list (entry #{dup_id}); nothing imported").format(
                        delegation=e.delegation, dup_id=dup.id))
                stored = repo.add(s, debate.id, e, source)  # type: ignore[arg-type]
                if stored.active:
                    active[stored.duplicate_key()] = stored
                added.append(stored)
            return added

    def delete(self, entry_id: int, version: int | None = None) -> SpeakerEntry:
        """Remove an entry made by mistake (a withdrawal is `withdraw`: it stays visible); with
        `version`, only the entry as the caller saw it (StaleEdit if someone changed it since)."""
        with self.db.transaction() as s:
            current = repo.get(s, entry_id)
            if version is not None and current.version != version:
                raise StaleEdit(f"speakers entry #{entry_id} ({current.delegation})", version, current.version,
                                f"not deleted; it now reads: {repo.describe_entry(current)}")
            return repo.delete(s, entry_id)


class _EntryIndex:
    """Active entries by roster code and by name, so each override of a long file is one look-up."""

    def __init__(self, entries: Sequence[SpeakerEntry], roster: Roster) -> None:
        self.roster = roster
        self.by_code: dict[str, SpeakerEntry] = {}
        self.by_name: dict[str, SpeakerEntry] = {}
        for e in entries:
            if e.active:
                if e.delegation_code:
                    self.by_code.setdefault(e.delegation_code, e)
                self.by_name.setdefault(e.delegation.casefold(), e)

    def find(self, ref: str) -> SpeakerEntry | None:
        found = self.roster.find(ref)
        if found is not None and found.code in self.by_code:
            return self.by_code[found.code]
        return self.by_name.get(ref.casefold())


def _timed(e: SpeakerEntry) -> bool:
    """The entry carries a timer record: marked speaking or spoken, or a logged start or duration."""
    return e.status in (Status.SPEAKING, Status.SPOKE) or e.started_at is not None or e.actual_seconds is not None


def _override_text(e: SpeakerEntry, placements: list[Placement]) -> str | None:
    if e.override is None:
        return None
    names = {p.entry.id: p.entry.delegation for p in placements if p.entry.id is not None}
    return e.override.describe(names)


def _map_columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, name in enumerate(header):
        key = " ".join(name.strip().lstrip("\ufeff").casefold().split())
        for column, aliases in _COLUMN_ALIASES.items():
            if key in aliases and column not in columns:
                columns[column] = i
    return columns


def _enum(parse: Callable[[str], E], value: E | str) -> E:
    """A StrEnum member from text or a member (InputError if unknown)."""
    try:
        return parse(value)
    except ValueError as exc:
        raise InputError(None, str(exc)) from None


def _datetime(text: str, what: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a date and time (YYYY-MM-DD HH:MM)") from None


def _number(text: str, what: str) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a number") from None


def _int(text: str, what: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a whole number") from None


def _bool(text: str, what: str, default: bool = True) -> bool:
    key = text.strip().casefold()
    if not key:
        return default
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(f"{what} {text!r} is not yes or no")
