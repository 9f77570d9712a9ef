"""Concept notes and their guiding questions: rows <-> domain objects."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from debateprep.domain.note_model import ConceptNote, NoteSummary, Provenance, Question, StoredNote
from debateprep.domain.errors import Conflict, NotFound, StaleEdit
from debateprep.i18n import _
from debateprep.storage.tables.notes import ConceptNoteRow, QuestionRow


def find_by_hash(session: Session, content_hash: str) -> int | None:
    return session.exec(select(ConceptNoteRow.id).where(ConceptNoteRow.content_hash == content_hash)).first()


def add(
    session: Session, note: ConceptNote, *, content_hash: str, source_name: str, original: str, text: str
) -> int:
    """Insert the note and its questions; Conflict if the same content is already stored."""
    row = ConceptNoteRow(
        content_hash=content_hash,
        source_name=source_name[:500],
        symbol=note.symbol,
        language=note.language,
        title=note.title,
        presidency=note.presidency,
        letter_date=note.letter_date,
        meeting_date=note.meeting_date,
        original_text=original,
        text=text,
        data_json=json.dumps(note.to_dict(), ensure_ascii=False),
        imported_at=datetime.now(timezone.utc),
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(_("{source_name}: this content is already imported").format(source_name=source_name)) from None
    assert row.id is not None
    for q in note.questions:
        session.add(_question_row(row.id, q, source_position=q.position))
    session.flush()
    return row.id


def _question_row(note_id: int, q: Question, source_position: int | None) -> QuestionRow:
    return QuestionRow(
        note_id=note_id,
        position=q.position,
        source_position=source_position,
        text=q.text,
        original=q.original,
        question_form=q.question_form,
        topic=q.topic,
        section=q.section,
        provenance=json.dumps(asdict(q.provenance), ensure_ascii=False),
    )


def _question(row: QuestionRow) -> Question:
    provenance = Provenance(**json.loads(row.provenance)) if row.provenance else Provenance(None, None, None)
    return Question(
        text=row.text,
        original=row.original,
        topic=row.topic,
        section=row.section,
        position=row.position,
        provenance=provenance,
        question_form=row.question_form,
        id=row.id,
        version=row.version,
    )


def _note_row(session: Session, note_id: int) -> ConceptNoteRow:
    row = session.get(ConceptNoteRow, note_id)
    if row is None:
        raise NotFound(_("no concept note #{note_id} (see `debateprep notes`)").format(note_id=note_id))
    return row


def get(session: Session, note_id: int) -> StoredNote:
    row = _note_row(session, note_id)
    note = ConceptNote.from_dict(json.loads(row.data_json))
    note.symbol = row.symbol
    note.questions = questions(session, note_id)
    assert row.id is not None
    return StoredNote(row.id, note, row.source_name, row.imported_at, row.text, row.original_text)


def parsed(session: Session, note_id: int) -> ConceptNote:
    """The note as it was parsed at import (questions before any edit)."""
    return ConceptNote.from_dict(json.loads(_note_row(session, note_id).data_json))


def list_all(session: Session) -> list[NoteSummary]:
    counts = dict(
        session.exec(select(QuestionRow.note_id, func.count()).group_by(col(QuestionRow.note_id))).all()
    )
    rows = session.exec(select(ConceptNoteRow).order_by(col(ConceptNoteRow.id))).all()
    return [
        NoteSummary(
            id=r.id or 0,
            symbol=r.symbol,
            language=r.language,
            title=r.title,
            presidency=r.presidency,
            letter_date=r.letter_date,
            meeting_date=r.meeting_date,
            question_count=counts.get(r.id or 0, 0),
            source_name=r.source_name,
            imported_at=r.imported_at,
        )
        for r in rows
    ]


# -- questions --------------------------------------------------------------------------------


def questions(session: Session, note_id: int) -> list[Question]:
    rows = session.exec(
        select(QuestionRow).where(QuestionRow.note_id == note_id).order_by(col(QuestionRow.position), col(QuestionRow.id))
    ).all()
    return [_question(r) for r in rows]


def question_row(session: Session, question_id: int) -> QuestionRow:
    row = session.get(QuestionRow, question_id)
    if row is None:
        raise NotFound(_("no guiding question #{question_id}").format(question_id=question_id))
    return row


def get_question(session: Session, question_id: int) -> Question:
    return _question(question_row(session, question_id))


def _check_version(row: QuestionRow, version: int | None) -> None:
    if version is not None and row.version != version:
        raise StaleEdit(f"question #{row.id}", version, row.version, f"it now reads “{row.text}”")


def update_question(
    session: Session, question_id: int, *, text: str, topic: bool, question_form: str | None, version: int | None
) -> Question:
    row = question_row(session, question_id)
    _check_version(row, version)
    row.text, row.topic, row.question_form = text, topic, question_form
    row.version += 1
    session.add(row)
    session.flush()
    return _question(row)


def _renumber(session: Session, note_id: int, ordered: list[QuestionRow]) -> None:
    for position, row in enumerate(ordered, start=1):
        if row.position != position:
            row.position = position
            row.version += 1
            session.add(row)
    session.flush()


def _rows(session: Session, note_id: int) -> list[QuestionRow]:
    return list(
        session.exec(
            select(QuestionRow).where(QuestionRow.note_id == note_id).order_by(col(QuestionRow.position), col(QuestionRow.id))
        ).all()
    )


def move_question(session: Session, question_id: int, position: int, version: int | None) -> Question:
    """Move a question to `position` (1-based, clamped to the list)."""
    row = question_row(session, question_id)
    _check_version(row, version)
    rows = [r for r in _rows(session, row.note_id) if r.id != row.id]
    index = max(0, min(position - 1, len(rows)))
    rows.insert(index, row)
    _renumber(session, row.note_id, rows)
    return _question(row)


def add_question(session: Session, note_id: int, question: Question, position: int | None) -> Question:
    _note_row(session, note_id)
    rows = _rows(session, note_id)
    row = _question_row(note_id, question, source_position=None)
    row.original = None
    index = len(rows) if position is None else max(0, min(position - 1, len(rows)))
    row.position = index + 1
    session.add(row)
    session.flush()
    rows.insert(index, row)
    _renumber(session, note_id, rows)
    return _question(row)


def delete_question(session: Session, question_id: int, version: int | None) -> Question:
    row = question_row(session, question_id)
    _check_version(row, version)
    gone = _question(row)
    note_id = row.note_id
    session.delete(row)
    session.flush()
    _renumber(session, note_id, _rows(session, note_id))
    return gone


def replace_questions(session: Session, note_id: int, new: list[Question]) -> list[Question]:
    """Drop every question of the note and store `new` (the parse's list) in its order."""
    for row in _rows(session, note_id):
        session.delete(row)
    session.flush()
    for q in new:
        session.add(_question_row(note_id, q, source_position=q.position))
    session.flush()
    return questions(session, note_id)
