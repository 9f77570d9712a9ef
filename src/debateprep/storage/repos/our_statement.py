"""Our statement drafts: rows <-> domain objects, with optimistic concurrency on drafts and sections."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone

from sqlalchemy import func, or_
from sqlmodel import Session, select

from debateprep.domain.delivery import Rates
from debateprep.domain.errors import NotFound, StaleEdit
from debateprep.i18n import _
from debateprep.domain.our_statement import OurStatement, Rehearsal, Section, Suggestion
from debateprep.domain.prst import Revision
from debateprep.domain.prst_diff import render_words, word_diff
from debateprep.domain.statements import Statement
from debateprep.storage.repos import statements as statements_repo
from debateprep.storage.tables.our_statement import (
    OurStatementRehearsalRow,
    OurStatementRevisionRow,
    OurStatementRow,
    OurStatementSectionRow,
)
from debateprep.storage.tables.statements import StatementRow

WHAT = "statement draft #{id}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _section(row: OurStatementSectionRow) -> Section:
    return Section(
        id=row.id,
        kind=row.kind,  # type: ignore[arg-type]
        heading=row.heading,
        text=row.text,
        question_id=row.question_id,
        question_label=row.question_label,
        question_text=row.question_text,
        suggestions=tuple(Suggestion.from_json(d) for d in json.loads(row.suggestions_json or "[]")),
        version=row.version,
    )


def _statement_row(session: Session, statement_id: int) -> OurStatementRow:
    row = session.get(OurStatementRow, statement_id)
    if row is None:
        raise NotFound(_("no statement draft #{statement_id} (see `debateprep ours list`)").format(
            statement_id=statement_id))
    return row


def _section_rows(session: Session, statement_id: int) -> list[OurStatementSectionRow]:
    stmt = (
        select(OurStatementSectionRow)
        .where(OurStatementSectionRow.statement_id == statement_id)
        .order_by(OurStatementSectionRow.position, OurStatementSectionRow.id)  # type: ignore[arg-type]
    )
    return list(session.exec(stmt))


def get(session: Session, statement_id: int) -> OurStatement:
    row = _statement_row(session, statement_id)
    revisions = session.exec(
        select(OurStatementRevisionRow).where(OurStatementRevisionRow.statement_id == statement_id)
        .order_by(OurStatementRevisionRow.number)  # type: ignore[arg-type]
    )
    rehearsals = session.exec(
        select(OurStatementRehearsalRow).where(OurStatementRehearsalRow.statement_id == statement_id)
        .order_by(OurStatementRehearsalRow.id)  # type: ignore[arg-type]
    )
    return OurStatement(
        id=row.id,
        debate_id=row.debate_id,
        language=row.language,  # type: ignore[arg-type]
        delegation=row.delegation,
        on_behalf_of=row.on_behalf_of,
        aligning=tuple(json.loads(row.aligning_json or "[]")),
        chair=row.chair,
        topic=row.topic,
        meeting_date=row.meeting_date,
        limit_minutes=row.limit_minutes,
        rates=Rates(row.words_per_minute, row.characters_per_minute),
        sections=[_section(s) for s in _section_rows(session, statement_id)],
        revisions=[Revision(number=r.number, paragraphs=tuple(json.loads(r.paragraphs_json)),
                            created_at=r.created_at, note=r.note, id=r.id) for r in revisions],
        rehearsals=[Rehearsal(r.actual_seconds, r.estimated_seconds, r.units, r.created_at, r.id)
                    for r in rehearsals],
        version=row.version,
    )


def list_ids(session: Session, debate_id: int | None = None) -> list[int]:
    stmt = select(OurStatementRow.id).order_by(OurStatementRow.id)  # type: ignore[arg-type]
    if debate_id is not None:
        stmt = stmt.where(OurStatementRow.debate_id == debate_id)
    return [i for i in session.exec(stmt) if i is not None]


def add(session: Session, statement: OurStatement) -> OurStatement:
    now = _now()
    row = OurStatementRow(
        debate_id=statement.debate_id,
        language=statement.language,
        delegation=statement.delegation,
        on_behalf_of=statement.on_behalf_of,
        aligning_json=json.dumps(list(statement.aligning), ensure_ascii=False),
        chair=statement.chair,
        topic=statement.topic,
        meeting_date=statement.meeting_date,
        limit_minutes=statement.limit_minutes,
        words_per_minute=statement.rates.words_per_minute,
        characters_per_minute=statement.rates.characters_per_minute,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    for position, section in enumerate(statement.sections):
        session.add(_new_section_row(row.id, section, position))
    session.flush()
    return get(session, row.id)


def _new_section_row(statement_id: int, section: Section, position: int) -> OurStatementSectionRow:
    return OurStatementSectionRow(
        statement_id=statement_id,
        position=position,
        kind=section.kind,
        heading=section.heading,
        text=section.text,
        question_id=section.question_id,
        question_label=section.question_label,
        question_text=section.question_text,
        suggestions_json=json.dumps([s.to_json() for s in section.suggestions], ensure_ascii=False),
    )


def check_version(session: Session, statement_id: int, expected: int | None) -> OurStatementRow:
    """The statement row, refusing if `expected` is given and the statement moved on since."""
    row = _statement_row(session, statement_id)
    if expected is not None and row.version != expected:
        headings = "; ".join(f"{i} {s.heading}" for i, s in enumerate(_section_rows(session, statement_id), 1))
        raise StaleEdit(WHAT.format(id=statement_id), expected, row.version,
                        f"its sections or settings changed; its sections are now {headings or 'none'}")
    return row


def bump(session: Session, row: OurStatementRow) -> None:
    row.version += 1
    row.updated_at = _now()
    session.add(row)


SETTINGS = ("delegation", "on_behalf_of", "chair", "topic", "meeting_date", "limit_minutes",
            "words_per_minute", "characters_per_minute")


def update_settings(session: Session, row: OurStatementRow, aligning: Sequence[str] | None = None,
                    **fields: object) -> None:
    for name, value in fields.items():
        if name not in SETTINGS:
            raise ValueError(f"not a statement setting: {name}")
        setattr(row, name, value)
    if aligning is not None:
        row.aligning_json = json.dumps(list(aligning), ensure_ascii=False)
    bump(session, row)


def insert_section(session: Session, statement_id: int, section: Section, index: int) -> Section:
    """Insert at 0-based `index`; later sections move down."""
    rows = _section_rows(session, statement_id)
    index = max(0, min(index, len(rows)))
    new = _new_section_row(statement_id, section, index)
    rows.insert(index, new)
    session.add(new)
    _renumber(session, rows)
    session.flush()
    return _section(new)


def _renumber(session: Session, rows: Sequence[OurStatementSectionRow]) -> None:
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            session.add(row)


def reorder(session: Session, statement_id: int, section_ids: Sequence[int]) -> None:
    rows = {r.id: r for r in _section_rows(session, statement_id)}
    if set(rows) != set(section_ids) or len(section_ids) != len(rows):
        raise StaleEdit(WHAT.format(id=statement_id), 0, 0, "its sections changed while you reordered them")
    _renumber(session, [rows[i] for i in section_ids])
    session.flush()


def section_row(session: Session, statement_id: int, section_id: int) -> OurStatementSectionRow:
    row = session.get(OurStatementSectionRow, section_id)
    if row is None or row.statement_id != statement_id:
        raise NotFound(_("no section #{section_id} in statement draft #{statement_id}").format(
            section_id=section_id, statement_id=statement_id))
    return row


def _what_changed(row: OurStatementSectionRow, read_text: str) -> str:
    if row.text == read_text:
        return f"its heading or sources changed (heading now {row.heading!r})"
    diff = render_words(word_diff(read_text, row.text))
    return "it now reads " + (diff if len(diff) <= 240 else diff[:237] + "…")


def update_section(session: Session, statement_id: int, section: Section, read_text: str) -> Section:
    """Save an edited section; StaleEdit if someone saved it since `section.version` was read, with
    a word diff from what the editor started from (`read_text`) to what is stored now."""
    assert section.id is not None
    row = section_row(session, statement_id, section.id)
    if row.version != section.version:
        raise StaleEdit(f"section {row.position + 1} of {WHAT.format(id=statement_id)}", section.version,
                        row.version, _what_changed(row, read_text))
    row.text = section.text
    row.heading = section.heading
    row.suggestions_json = json.dumps([s.to_json() for s in section.suggestions], ensure_ascii=False)
    row.version += 1
    session.add(row)
    statement = _statement_row(session, statement_id)
    statement.updated_at = _now()
    session.add(statement)
    session.flush()
    return _section(row)


def delete_section(session: Session, statement_id: int, section: Section) -> None:
    assert section.id is not None
    row = section_row(session, statement_id, section.id)
    if row.version != section.version:
        raise StaleEdit(f"section {row.position + 1} of {WHAT.format(id=statement_id)}", section.version,
                        row.version, _what_changed(row, section.text))
    session.delete(row)
    session.flush()
    _renumber(session, _section_rows(session, statement_id))


def add_revision(session: Session, statement_id: int, paragraphs: Sequence[str], note: str) -> Revision:
    last = session.exec(
        select(func.max(OurStatementRevisionRow.number)).where(OurStatementRevisionRow.statement_id == statement_id)
    ).first()
    row = OurStatementRevisionRow(statement_id=statement_id, number=(last or 0) + 1,
                                  paragraphs_json=json.dumps(list(paragraphs), ensure_ascii=False),
                                  note=note, created_at=_now())
    session.add(row)
    session.flush()
    return Revision(number=row.number, paragraphs=tuple(paragraphs), created_at=row.created_at, note=row.note,
                    id=row.id)


def add_rehearsal(session: Session, statement_id: int, rehearsal: Rehearsal) -> Rehearsal:
    _statement_row(session, statement_id)
    row = OurStatementRehearsalRow(statement_id=statement_id, actual_seconds=rehearsal.actual_seconds,
                                   estimated_seconds=rehearsal.estimated_seconds, units=rehearsal.units,
                                   created_at=_now())
    session.add(row)
    session.flush()
    return Rehearsal(row.actual_seconds, row.estimated_seconds, row.units, row.created_at, row.id)


def statements_by(session: Session, codes: Sequence[str], names: Sequence[str]) -> list[Statement]:
    """Every imported statement (any debate) of the delegation with one of these roster codes or
    names: what we said before."""
    conditions = []
    if codes:
        conditions.append(StatementRow.delegation_code.in_(list(codes)))  # type: ignore[union-attr]
    if names:
        conditions.append(func.lower(StatementRow.delegation).in_([n.casefold() for n in names]))
    if not conditions:
        return []
    rows = session.exec(select(StatementRow).where(or_(*conditions), StatementRow.kind != "procedural")
                        .order_by(StatementRow.debate_id, StatementRow.position))  # type: ignore[arg-type]
    return [statements_repo.to_domain(r) for r in rows]
