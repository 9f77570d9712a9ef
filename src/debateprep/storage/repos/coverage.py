"""Coverage marks: rows <-> domain objects (debateprep.domain.coverage.CoverageMark)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlmodel import Session, col, select

from debateprep.domain.coverage import CoverageMark, Mark
from debateprep.storage.tables.coverage import CoverageMarkRow


def _to_domain(row: CoverageMarkRow) -> CoverageMark:
    mark: Mark = "addressed" if row.mark == "addressed" else "wrong"
    return CoverageMark(row.delegation, row.question_key, row.question_text, mark, row.tool_covered,
                        row.passage, row.marked_at, row.version)


def list_for_debate(session: Session, debate_id: int) -> list[CoverageMark]:
    rows = session.exec(select(CoverageMarkRow).where(CoverageMarkRow.debate_id == debate_id)
                        .order_by(col(CoverageMarkRow.delegation), col(CoverageMarkRow.question_key))).all()
    return [_to_domain(r) for r in rows]


def _row(session: Session, debate_id: int, delegation: str, question_key: int) -> CoverageMarkRow | None:
    return session.exec(select(CoverageMarkRow).where(
        CoverageMarkRow.debate_id == debate_id, CoverageMarkRow.delegation == delegation,
        CoverageMarkRow.question_key == question_key)).first()


def put(session: Session, debate_id: int, mark: CoverageMark) -> CoverageMark:
    """Set the mark of one cell (a new mark replaces the old one, its version goes up)."""
    row = _row(session, debate_id, mark.delegation, mark.question_key)
    now = datetime.now(timezone.utc)
    if row is None:
        row = CoverageMarkRow(debate_id=debate_id, delegation=mark.delegation, question_key=mark.question_key,
                              question_text=mark.question_text, mark=mark.mark, tool_covered=mark.tool_covered,
                              passage=mark.passage, marked_at=now)
    else:
        row.question_text, row.mark, row.tool_covered = mark.question_text, mark.mark, mark.tool_covered
        row.passage, row.marked_at, row.version = mark.passage, now, row.version + 1
    session.add(row)
    session.flush()
    return _to_domain(row)


def clear(session: Session, debate_id: int, delegation: str, question_key: int) -> bool:
    row = _row(session, debate_id, delegation, question_key)
    if row is None:
        return False
    session.delete(row)
    return True


def clear_delegation(session: Session, debate_id: int, delegation: str) -> int:
    """Remove every mark on a delegation's cells; how many went."""
    rows = session.exec(select(CoverageMarkRow).where(CoverageMarkRow.debate_id == debate_id,
                                                      CoverageMarkRow.delegation == delegation)).all()
    for row in rows:
        session.delete(row)
    return len(rows)
