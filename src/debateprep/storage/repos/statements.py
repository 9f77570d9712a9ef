"""Statements: rows <-> domain objects."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timezone

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from debateprep.domain.errors import Conflict, NotFound, StaleEdit
from debateprep.i18n import _
from debateprep.domain.statements import Statement
from debateprep.storage.tables.statements import StatementRow


def _now() -> datetime:
    return datetime.now(timezone.utc)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_domain(row: StatementRow) -> Statement:
    return Statement(
        id=row.id,
        debate_id=row.debate_id,
        position=row.position,
        source=row.source,
        record=row.record,
        header=row.header,
        speaker=row.speaker,
        delegation=row.delegation,
        delegation_code=row.delegation_code,
        kind=row.kind,
        mapped_by=row.mapped_by,
        suggestion=row.suggestion,
        language=row.language,
        spoken_language=row.spoken_language,
        text=row.text,
        speakers_entry_id=row.speakers_entry_id,
        version=row.version,
    )


def next_position(session: Session, debate_id: int) -> int:
    current = session.exec(
        select(func.max(StatementRow.position)).where(StatementRow.debate_id == debate_id)
    ).one()
    return int(current or 0) + 1


def existing_sources(session: Session, debate_id: int, sources: Sequence[str]) -> list[str]:
    if not sources:
        return []
    found: list[str] = []
    wanted = list(dict.fromkeys(sources))
    for start in range(0, len(wanted), 500):  # keep the IN list short for both backends
        chunk = wanted[start : start + 500]
        found += session.exec(
            select(StatementRow.source).where(StatementRow.debate_id == debate_id, col(StatementRow.source).in_(chunk))
        ).all()
    return found


def add_all(session: Session, debate_id: int, statements: Sequence[Statement]) -> list[Statement]:
    """Insert statements in order after the debate's last one; a source already there is a Conflict."""
    clash = existing_sources(session, debate_id, [s.source for s in statements])
    if clash:
        message = (_("debate #{debate_id} already has {value!r}; use --replace to import it again")
                   if len(clash) == 1 else
                   _("debate #{debate_id} already has {value!r} and {more} more; use --replace to import them again"))
        raise Conflict(message.format(debate_id=debate_id, value=clash[0], more=len(clash) - 1))
    position = next_position(session, debate_id)
    rows = []
    now = _now()
    for offset, s in enumerate(statements):
        row = StatementRow(
            debate_id=debate_id,
            position=position + offset,
            source=s.source,
            record=s.record,
            header=s.header,
            speaker=s.speaker,
            delegation=s.delegation,
            delegation_code=s.delegation_code,
            kind=s.kind,
            mapped_by=s.mapped_by,
            suggestion=s.suggestion,
            language=s.language,
            spoken_language=s.spoken_language,
            text=s.text,
            content_hash=content_hash(s.text),
            speakers_entry_id=s.speakers_entry_id,
            imported_at=now,
        )
        session.add(row)
        rows.append(row)
    session.flush()
    return [to_domain(r) for r in rows]


def delete_sources(session: Session, debate_id: int, sources: Sequence[str]) -> int:
    """Remove the named statements (for --replace); returns how many went."""
    removed = 0
    wanted = list(dict.fromkeys(sources))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        result = session.exec(
            delete(StatementRow).where(col(StatementRow.debate_id) == debate_id, col(StatementRow.source).in_(chunk))
        )
        removed += result.rowcount or 0
    return removed


def get_row(session: Session, statement_id: int) -> StatementRow:
    row = session.get(StatementRow, statement_id)
    if row is None:
        raise NotFound(_("no statement #{statement_id} (see `debateprep statements list`)").format(
            statement_id=statement_id))
    return row


def get(session: Session, statement_id: int) -> Statement:
    return to_domain(get_row(session, statement_id))


def list_for_debate(session: Session, debate_id: int) -> list[Statement]:
    rows = session.exec(
        select(StatementRow).where(StatementRow.debate_id == debate_id)
        .order_by(col(StatementRow.position), col(StatementRow.id))
    )
    return [to_domain(r) for r in rows]


def set_delegation(
    session: Session,
    statement_id: int,
    expected_version: int,
    *,
    delegation: str | None,
    delegation_code: str | None,
    kind: str,
    mapped_by: str | None,
    speakers_entry_id: int | None = None,
) -> Statement:
    """Map (or unmap) a statement by hand; StaleEdit if someone changed it since it was read."""
    row = get_row(session, statement_id)
    if row.version != expected_version:
        raise StaleEdit(
            f"statement #{statement_id}", expected_version, row.version,
            f"now mapped to {row.delegation}" if row.delegation else "now unmapped",
        )
    row.delegation = delegation
    row.delegation_code = delegation_code
    row.kind = kind
    row.mapped_by = mapped_by
    row.speakers_entry_id = speakers_entry_id
    row.suggestion = None if delegation else row.suggestion
    row.version += 1
    session.add(row)
    session.flush()
    return to_domain(row)


def delete_for_debate(session: Session, debate_id: int) -> int:
    result = session.exec(delete(StatementRow).where(col(StatementRow.debate_id) == debate_id))
    return result.rowcount or 0
