"""Speakers-list entries: rows <-> domain objects, duplicate and version checks."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from debateprep.domain.errors import Conflict, NotFound, StaleEdit
from debateprep.i18n import _
from debateprep.domain.speakers import Basis, Level, Override, SpeakerEntry, Status
from debateprep.storage.tables.speakers import SpeakerEntryRow

# Fields a person edits; a stale edit names those that changed under them.
EDITABLE = ("delegation", "delegation_code", "representative", "title", "level", "basis", "on_behalf_of",
            "status", "inscribed_at", "planned_minutes", "actual_seconds", "started_at", "draw", "confirmed",
            "notes", "override")


def to_domain(row: SpeakerEntryRow) -> SpeakerEntry:
    override = Override(row.override_kind, row.override_ref, row.override_reason) \
        if row.override_kind and row.override_ref is not None else None
    return SpeakerEntry(
        id=row.id, debate_id=row.debate_id, delegation=row.delegation, delegation_code=row.delegation_code,
        representative=row.representative, title=row.title, level=Level(row.level), basis=Basis(row.basis),
        on_behalf_of=row.on_behalf_of, status=Status(row.status), inscribed_at=row.inscribed_at,
        planned_minutes=row.planned_minutes, actual_seconds=row.actual_seconds, started_at=row.started_at,
        draw=row.draw, confirmed=row.confirmed, notes=row.notes, override=override, version=row.version)


def dedupe_key(entry: SpeakerEntry) -> str:
    who, group = entry.duplicate_key()
    return f"{who}|{group}"[:400]


def _write(row: SpeakerEntryRow, e: SpeakerEntry) -> None:
    row.delegation, row.delegation_code = e.delegation, e.delegation_code
    row.representative, row.title = e.representative, e.title
    row.level, row.basis, row.on_behalf_of = e.level.value, e.basis.value, e.on_behalf_of
    row.status, row.inscribed_at = e.status.value, e.inscribed_at
    row.planned_minutes, row.actual_seconds, row.started_at = e.planned_minutes, e.actual_seconds, e.started_at
    row.draw, row.confirmed, row.notes = e.draw, e.confirmed, e.notes
    row.override_kind = e.override.kind if e.override else None
    row.override_ref = e.override.ref if e.override else None
    row.override_reason = e.override.reason if e.override else ""
    row.dedupe_key = dedupe_key(e)


def list_for_debate(session: Session, debate_id: int) -> list[SpeakerEntry]:
    rows = session.exec(select(SpeakerEntryRow).where(SpeakerEntryRow.debate_id == debate_id)
                        .order_by(col(SpeakerEntryRow.id)))
    return [to_domain(r) for r in rows]


def get_row(session: Session, entry_id: int) -> SpeakerEntryRow:
    row = session.get(SpeakerEntryRow, entry_id)
    if row is None:
        raise NotFound(_("no speakers-list entry #{entry_id} (see `debateprep speakers list`)").format(
            entry_id=entry_id))
    return row


def get(session: Session, entry_id: int) -> SpeakerEntry:
    return to_domain(get_row(session, entry_id))


def active_duplicate(session: Session, debate_id: int, entry: SpeakerEntry) -> SpeakerEntry | None:
    if not entry.active:
        return None
    query = select(SpeakerEntryRow).where(
        SpeakerEntryRow.debate_id == debate_id, SpeakerEntryRow.dedupe_key == dedupe_key(entry),
        SpeakerEntryRow.status != Status.WITHDRAWN.value)
    if entry.id is not None:
        query = query.where(SpeakerEntryRow.id != entry.id)
    row = session.exec(query).first()
    return to_domain(row) if row else None


def duplicate_message(entry: SpeakerEntry, existing: SpeakerEntry) -> str:
    if entry.on_behalf_of:
        text = _("{delegation} on behalf of {group} is already inscribed (entry #{entry_id}, {status}); withdraw "
                 "that entry first, or inscribe on behalf of a group")
    else:
        text = _("{delegation} is already inscribed (entry #{entry_id}, {status}); withdraw that entry first, or "
                 "inscribe on behalf of a group")
    return text.format(delegation=entry.delegation, group=entry.on_behalf_of, entry_id=existing.id,
                       status=existing.status.label())


def add(session: Session, debate_id: int, entry: SpeakerEntry, source: str = "") -> SpeakerEntry:
    """Insert; Conflict if the delegation already has an active inscription."""
    existing = active_duplicate(session, debate_id, entry)
    if existing is not None:
        raise Conflict(duplicate_message(entry, existing))
    row = SpeakerEntryRow(debate_id=debate_id, source=source[:300], dedupe_key="", level="", basis="",
                          status="", delegation="", inscribed_at=entry.inscribed_at)
    _write(row, entry)
    session.add(row)
    _flush(session, entry)
    return to_domain(row)


def update(session: Session, entry: SpeakerEntry, seen: SpeakerEntry | None = None) -> SpeakerEntry:
    """Save `entry`, edited from `entry.version`. If the row moved on, StaleEdit names what the
    other edit changed (compared with `seen`, the copy the caller started from, when given)."""
    assert entry.id is not None
    row = get_row(session, entry.id)
    if row.version != entry.version:
        current = to_domain(row)
        changes = describe_changes(seen, current) if seen is not None else describe_current(entry, current)
        raise StaleEdit(f"speakers entry #{entry.id} ({current.delegation})", entry.version, row.version, changes)
    existing = active_duplicate(session, row.debate_id, entry)
    if existing is not None:
        raise Conflict(duplicate_message(entry, existing))
    _write(row, entry)
    row.version += 1
    session.add(row)
    _flush(session, entry)
    return to_domain(row)


def delete(session: Session, entry_id: int) -> SpeakerEntry:
    row = get_row(session, entry_id)
    gone = to_domain(row)
    session.delete(row)
    session.flush()
    return gone


def describe_changes(seen: SpeakerEntry, current: SpeakerEntry) -> str:
    """'status inscribed -> withdrawn, level ...': what changed between the two copies."""
    parts = []
    for name in EDITABLE:
        a, b = getattr(seen, name), getattr(current, name)
        if a != b:
            parts.append(f"{name} {_show(a)} -> {_show(b)}")
    return ", ".join(parts) or "no field differs (saved again unchanged)"


def describe_current(mine: SpeakerEntry, current: SpeakerEntry) -> str:
    """Without the caller's original copy: the current values of the fields it wanted to change."""
    parts = [f"{name} is now {_show(getattr(current, name))}" for name in EDITABLE
             if getattr(mine, name) != getattr(current, name)]
    return ", ".join(parts)


def describe_entry(entry: SpeakerEntry) -> str:
    """The fields that say who and where, for a refusal that cannot know what the caller saw."""
    names = ("representative", "level", "basis", "status", "override", "notes")
    return ", ".join(f"{name} {_show(getattr(entry, name))}" for name in names)


def _show(value: object) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, Override):
        return f"{value.kind} {value.ref}"
    return str(getattr(value, "value", value))


def _flush(session: Session, entry: SpeakerEntry) -> None:
    try:
        session.flush()
    except IntegrityError:
        # another person inscribed the same delegation between our check and our write
        raise Conflict(_("{delegation} was inscribed by someone else a moment ago; reload the list").format(
            delegation=entry.delegation)) from None
