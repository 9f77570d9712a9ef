"""PRST drafts: rows <-> domain objects, with optimistic concurrency on drafts and paragraphs.

Paragraphs are addressed by id, never by position (positions move under concurrent edits). Every
saved text is kept with its version and who saved it, so a refused stale edit says what changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone

from sqlmodel import Session, select

from debateprep.domain.errors import NotFound, StaleEdit
from debateprep.i18n import _
from debateprep.domain.prst import Draft, Paragraph, Provenance, Revision
from debateprep.domain.prst_form import Flag
from debateprep.domain.prst_diff import render_words, word_diff
from debateprep.storage.tables.prst import PrstDraftRow, PrstParagraphRow, PrstParagraphVersionRow, PrstRevisionRow


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _paragraph(row: PrstParagraphRow) -> Paragraph:
    origin = json.loads(row.edited_from_json) if row.edited_from_json else None
    return Paragraph(
        id=row.id,
        text=row.text,
        provenance=Provenance(
            kind=row.provenance_kind,  # type: ignore[arg-type]
            citation=row.citation,
            source_id=row.source_id,
            supporters=tuple(json.loads(row.supporters_json or "[]")),
            source_text=row.source_text,
            edited_from=Provenance.from_json(origin) if origin else None,
        ),
        status=row.status,  # type: ignore[arg-type]
        closest_citation=row.closest_citation,
        closest_text=row.closest_text,
        similarity=row.similarity,
        version=row.version,
        flags=tuple(Flag.from_json(f) for f in json.loads(row.flags_json or "[]")),
    )


def _flags_json(paragraph: Paragraph) -> str:
    return json.dumps([[f.code, f.message] for f in paragraph.flags], ensure_ascii=False)


def _set_provenance(row: PrstParagraphRow, p: Provenance) -> None:
    row.provenance_kind = p.kind
    row.citation = p.citation
    row.source_id = p.source_id
    row.supporters_json = json.dumps(list(p.supporters), ensure_ascii=False)
    row.source_text = p.source_text
    row.edited_from_json = (json.dumps(p.edited_from.to_json(), ensure_ascii=False)
                            if p.edited_from is not None else None)


def _revision(row: PrstRevisionRow) -> Revision:
    return Revision(
        id=row.id,
        number=row.number,
        paragraphs=tuple(json.loads(row.paragraphs_json)),
        created_at=row.created_at,
        note=row.note,
        paragraph_ids=tuple(json.loads(row.paragraph_ids_json)) if row.paragraph_ids_json else (),
    )


def _draft_row(session: Session, draft_id: int) -> PrstDraftRow:
    row = session.get(PrstDraftRow, draft_id)
    if row is None:
        raise NotFound(_("no PRST draft #{draft_id} (see `debateprep prst list`)").format(draft_id=draft_id))
    return row


def _paragraph_rows(session: Session, draft_id: int) -> list[PrstParagraphRow]:
    stmt = (
        select(PrstParagraphRow)
        .where(PrstParagraphRow.draft_id == draft_id)
        .order_by(PrstParagraphRow.position, PrstParagraphRow.id)  # type: ignore[arg-type]
    )
    return list(session.exec(stmt))


def get(session: Session, draft_id: int) -> Draft:
    row = _draft_row(session, draft_id)
    revisions = session.exec(
        select(PrstRevisionRow).where(PrstRevisionRow.draft_id == draft_id).order_by(PrstRevisionRow.number)  # type: ignore[arg-type]
    )
    return Draft(
        id=row.id,
        debate_id=row.debate_id,
        language=row.language,  # type: ignore[arg-type]
        agenda_item=row.agenda_item,
        meeting_number=row.meeting_number,
        meeting_date=row.meeting_date,
        paragraphs=[_paragraph(p) for p in _paragraph_rows(session, draft_id)],
        revisions=[_revision(r) for r in revisions],
        version=row.version,
    )


def list_ids(session: Session, debate_id: int | None = None) -> list[int]:
    stmt = select(PrstDraftRow.id).order_by(PrstDraftRow.id)  # type: ignore[arg-type]
    if debate_id is not None:
        stmt = stmt.where(PrstDraftRow.debate_id == debate_id)
    return [i for i in session.exec(stmt) if i is not None]


def add_draft(session: Session, draft: Draft) -> Draft:
    now = _now()
    row = PrstDraftRow(
        debate_id=draft.debate_id,
        language=draft.language,
        agenda_item=draft.agenda_item,
        meeting_number=draft.meeting_number,
        meeting_date=draft.meeting_date,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return get(session, row.id)


def check_draft_version(session: Session, draft_id: int, expected: int | None) -> PrstDraftRow:
    """The draft row, refusing if `expected` is given and the draft moved on since."""
    row = _draft_row(session, draft_id)
    if expected is not None and row.version != expected:
        rows = _paragraph_rows(session, draft_id)
        order = "; ".join(f"¶{i} (id {r.id}) {_opening(r.text)}" for i, r in enumerate(rows, start=1))
        raise StaleEdit(
            f"PRST draft #{draft_id}", expected, row.version,
            f"paragraphs were added, removed or reordered; it now reads {order or 'empty'}",
            by=row.updated_by,
        )
    return row


def _opening(text: str) -> str:
    """The first words after the subject, enough to recognise a paragraph: 'recalls its resolution …'."""
    for subject in ("The Security Council ", "安全理事会", "安理会"):
        if text.startswith(subject):
            text = text[len(subject):]
            break
    words = text.split()
    if len(words) > 1:
        return " ".join(words[:3]) + " …"
    return text[:12] + "…" if len(text) > 12 else text


def bump_draft(session: Session, row: PrstDraftRow, who: str | None = None) -> None:
    row.version += 1
    row.updated_at = _now()
    row.updated_by = who
    session.add(row)


def _keep_version(session: Session, row: PrstParagraphRow, who: str | None) -> None:
    assert row.id is not None
    session.add(PrstParagraphVersionRow(paragraph_id=row.id, version=row.version, text=row.text,
                                        edited_by=who, edited_at=_now()))


def insert_paragraph(session: Session, draft_id: int, paragraph: Paragraph, index: int,
                     who: str | None = None) -> Paragraph:
    """Insert at 0-based `index` in the draft's order; later paragraphs move down."""
    rows = _paragraph_rows(session, draft_id)
    index = max(0, min(index, len(rows)))
    new = PrstParagraphRow(
        draft_id=draft_id,
        position=index,
        text=paragraph.text,
        provenance_kind=paragraph.provenance.kind,
        status=paragraph.status,
        closest_citation=paragraph.closest_citation,
        closest_text=paragraph.closest_text,
        similarity=paragraph.similarity,
        flags_json=_flags_json(paragraph),
    )
    _set_provenance(new, paragraph.provenance)
    rows.insert(index, new)
    session.add(new)
    _renumber(session, rows)
    session.flush()
    _keep_version(session, new, who)
    session.flush()
    return _paragraph(new)


def _renumber(session: Session, rows: Sequence[PrstParagraphRow]) -> None:
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            session.add(row)


def reorder(session: Session, draft_id: int, paragraph_ids: Sequence[int]) -> None:
    rows = {r.id: r for r in _paragraph_rows(session, draft_id)}
    if set(rows) != set(paragraph_ids) or len(paragraph_ids) != len(rows):
        raise StaleEdit(f"PRST draft #{draft_id}", 0, 0, "its paragraphs changed while you reordered them")
    _renumber(session, [rows[i] for i in paragraph_ids])
    session.flush()


def paragraph_row(session: Session, draft_id: int, paragraph_id: int) -> PrstParagraphRow:
    row = session.get(PrstParagraphRow, paragraph_id)
    if row is None or row.draft_id != draft_id:
        draft = _draft_row(session, draft_id)
        who = _(", last changed by {user}").format(user=draft.updated_by) if draft.updated_by else ""
        gone = _("removed?") if row is None else _("it belongs to another draft")
        raise NotFound(_("no paragraph id {paragraph_id} in PRST draft #{draft_id} ({gone}; the draft is at version "
                         "{version}{who}): see `debateprep prst show {draft_id}`").format(
            paragraph_id=paragraph_id, draft_id=draft_id, gone=gone, version=draft.version, who=who))
    return row


def get_paragraph(session: Session, draft_id: int, paragraph_id: int) -> Paragraph:
    return _paragraph(paragraph_row(session, draft_id, paragraph_id))


def describe_paragraph(row: PrstParagraphRow) -> str:
    return f"¶{row.position + 1} (id {row.id}) of PRST draft #{row.draft_id}"


def check_paragraph_version(session: Session, row: PrstParagraphRow, expected: int,
                            read_text: str | None = None) -> None:
    """StaleEdit if the paragraph moved on from version `expected`: its text changed (only text
    edits make a new version), by whom, from which version to which, and a word diff from the text
    the caller had (`read_text`, else the stored text of that version) to the text now."""
    if row.version == expected:
        return
    history = {v.version: v for v in session.exec(
        select(PrstParagraphVersionRow).where(PrstParagraphVersionRow.paragraph_id == row.id)
        .order_by(PrstParagraphVersionRow.version))}  # type: ignore[arg-type]
    editors: list[str] = []
    for number in range(expected + 1, row.version + 1):
        who = history[number].edited_by if number in history else None
        if who and who not in editors:
            editors.append(who)
    before = read_text if read_text is not None else (history[expected].text if expected in history else None)
    if expected > row.version:
        changes = f"there is no version {expected} of it yet"
    else:
        span = f"from version {expected} to {row.version}"
        if before is None:
            changes = f"its text changed {span}; it now reads “{_clip(row.text)}”"
        elif before == row.text:
            changes = f"its text was changed {span} and back again"
        else:
            changes = f"its text changed {span}: {_clip(render_words(word_diff(before, row.text)))}"
    raise StaleEdit(describe_paragraph(row), expected, row.version, changes,
                    by=" and ".join(editors) or None)


def _clip(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def update_paragraph(session: Session, draft_id: int, paragraph: Paragraph, expected: int,
                     read_text: str | None = None, who: str | None = None) -> Paragraph:
    """Save an edited paragraph (by its id) made from version `expected`; StaleEdit if it moved on."""
    assert paragraph.id is not None
    row = paragraph_row(session, draft_id, paragraph.id)
    check_paragraph_version(session, row, expected, read_text)
    row.text = paragraph.text
    _set_provenance(row, paragraph.provenance)
    row.status = paragraph.status
    row.closest_citation = paragraph.closest_citation
    row.closest_text = paragraph.closest_text
    row.similarity = paragraph.similarity
    row.flags_json = _flags_json(paragraph)
    row.version += 1
    session.add(row)
    _keep_version(session, row, who)
    session.flush()
    return _paragraph(row)


def save_check(session: Session, paragraph: Paragraph, draft_id: int) -> None:
    """Store the agreed/new result without touching the text or the version (a check is not an
    edit); a paragraph whose text changed since it was read keeps its new text unchecked."""
    assert paragraph.id is not None
    row = session.get(PrstParagraphRow, paragraph.id)
    if row is None or row.draft_id != draft_id or row.version != paragraph.version:
        return
    row.status = paragraph.status
    row.closest_citation = paragraph.closest_citation
    row.closest_text = paragraph.closest_text
    row.similarity = paragraph.similarity
    row.flags_json = _flags_json(paragraph)
    session.add(row)


def delete_paragraph(session: Session, draft_id: int, paragraph_id: int, expected: int,
                     read_text: str | None = None) -> Paragraph:
    """Delete a paragraph (by its id) as of version `expected`; StaleEdit if its text moved on."""
    row = paragraph_row(session, draft_id, paragraph_id)
    check_paragraph_version(session, row, expected, read_text)
    gone = _paragraph(row)
    session.delete(row)
    session.flush()
    _renumber(session, _paragraph_rows(session, draft_id))
    return gone


def add_revision(session: Session, draft_id: int, texts: Sequence[str], note: str,
                 paragraph_ids: Sequence[int | None] = ()) -> Revision:
    """Circulate `texts` as the draft's next revision, with the id of each paragraph."""
    last = session.exec(
        select(PrstRevisionRow.number)
        .where(PrstRevisionRow.draft_id == draft_id)
        .order_by(PrstRevisionRow.number.desc())  # type: ignore[attr-defined]
    ).first()
    row = PrstRevisionRow(
        draft_id=draft_id,
        number=(last or 0) + 1,
        paragraphs_json=json.dumps(list(texts), ensure_ascii=False),
        paragraph_ids_json=json.dumps(list(paragraph_ids)) if paragraph_ids else None,
        note=note,
        created_at=_now(),
    )
    session.add(row)
    session.flush()
    return _revision(row)
