"""Debates: rows <-> domain objects."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlmodel import Session, col, select

from debateprep.domain.debate import Debate, DebateSettings
from debateprep.domain.errors import NotFound, StaleEdit
from debateprep.i18n import _
from debateprep.storage.tables.notes import DebateRow


def to_domain(row: DebateRow) -> Debate:
    return Debate(
        id=row.id,
        title=row.title,
        agenda_item=row.agenda_item,
        meeting_number=row.meeting_number,
        meeting_date=row.meeting_date,
        presidency=row.presidency,
        language=row.language,
        concept_note_id=row.concept_note_id,
        settings=DebateSettings.from_dict(json.loads(row.settings_json or "{}")),
        version=row.version,
    )


def add(session: Session, debate: Debate) -> Debate:
    row = DebateRow(
        title=debate.title,
        agenda_item=debate.agenda_item,
        meeting_number=debate.meeting_number,
        meeting_date=debate.meeting_date,
        presidency=debate.presidency,
        language=debate.language,
        concept_note_id=debate.concept_note_id,
        settings_json=json.dumps(debate.settings.to_dict(), ensure_ascii=False),
        created_at=datetime.now(timezone.utc),
    )
    session.add(row)
    session.flush()
    return to_domain(row)


def get_row(session: Session, debate_id: int) -> DebateRow:
    row = session.get(DebateRow, debate_id)
    if row is None:
        raise NotFound(_("no debate #{debate_id} (see `debateprep debate list`)").format(debate_id=debate_id))
    return row


def get(session: Session, debate_id: int) -> Debate:
    return to_domain(get_row(session, debate_id))


def list_all(session: Session) -> list[Debate]:
    return [to_domain(r) for r in session.exec(select(DebateRow).order_by(col(DebateRow.id)))]


def by_note(session: Session, note_id: int) -> Debate | None:
    row = session.exec(select(DebateRow).where(DebateRow.concept_note_id == note_id)).first()
    return to_domain(row) if row else None


def update(session: Session, debate: Debate) -> Debate:
    """Save `debate`; refuse if it was changed since `debate.version` was read."""
    assert debate.id is not None
    row = get_row(session, debate.id)
    if row.version != debate.version:
        current = to_domain(row)
        changed = [
            f for f in ("title", "agenda_item", "meeting_number", "meeting_date", "presidency")
            if getattr(current, f) != getattr(debate, f)
        ]
        raise StaleEdit(f"debate #{debate.id}", debate.version, row.version, ", ".join(changed))
    row.title = debate.title
    row.agenda_item = debate.agenda_item
    row.meeting_number = debate.meeting_number
    row.meeting_date = debate.meeting_date
    row.presidency = debate.presidency
    row.language = debate.language
    row.concept_note_id = debate.concept_note_id
    row.settings_json = json.dumps(debate.settings.to_dict(), ensure_ascii=False)
    row.version += 1
    session.add(row)
    session.flush()
    return to_domain(row)
