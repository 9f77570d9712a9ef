"""Library storage: adopted documents and their paragraphs in, plain domain objects out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, or_
from sqlmodel import Session, col, select

from debateprep.domain.errors import NotFound
from debateprep.i18n import _
from debateprep.domain.resolution import AdoptedDocument, Footnote, Paragraph
from debateprep.domain.search_text import index_text
from debateprep.storage.tables.library import LibraryDocumentRow, LibraryParagraphRow


@dataclass(frozen=True)
class StoredParagraph:
    """A library paragraph with its row id and its place in the document."""

    id: int
    document_id: int
    position: int
    paragraph: Paragraph


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    symbol: str
    kind: str
    lang: str
    year: int | None
    title: str
    paragraphs: int
    warnings: tuple[str, ...]


def _notes_json(notes: Iterable[Footnote]) -> str:
    return json.dumps([[n.mark, n.text] for n in notes], ensure_ascii=False)


def _notes(data: str) -> tuple[Footnote, ...]:
    return tuple(Footnote(str(m), str(t)) for m, t in json.loads(data or "[]"))


def _paragraph(row: LibraryParagraphRow) -> StoredParagraph:
    assert row.id is not None
    p = Paragraph(
        symbol=row.symbol,
        kind=row.kind,
        number=row.number,
        text=row.text,
        lead=row.lead,
        sub=row.sub,
        footnotes=_notes(row.footnotes_json),
        lang=row.lang,
        part=row.part,
    )
    return StoredParagraph(row.id, row.document_id, row.position, p)


def known_hashes(session: Session) -> set[str]:
    return set(session.exec(select(LibraryDocumentRow.content_hash)).all())


def stored_index(session: Session) -> dict[tuple[str, str], tuple[str, str]]:
    """(symbol, language) -> (content hash, source file) of everything in the library."""
    stmt = select(LibraryDocumentRow.symbol, LibraryDocumentRow.lang, LibraryDocumentRow.content_hash,
                  LibraryDocumentRow.source)
    return {(sym, lang): (digest, source) for sym, lang, digest, source in session.exec(stmt).all()}


def delete_document(session: Session, symbol: str, lang: str) -> bool:
    doc_id = session.exec(
        select(LibraryDocumentRow.id).where(LibraryDocumentRow.symbol == symbol, LibraryDocumentRow.lang == lang)
    ).first()
    if doc_id is None:
        return False
    # Paragraphs first, explicitly: the search index follows them (triggers / generated column).
    session.exec(delete(LibraryParagraphRow).where(col(LibraryParagraphRow.document_id) == doc_id))
    session.exec(delete(LibraryDocumentRow).where(col(LibraryDocumentRow.id) == doc_id))
    return True


def remove_documents(session: Session, symbol: str, lang: str | None = None) -> list[tuple[str, str, int]]:
    """Delete `symbol` (every language, or `lang` only) with its paragraphs; the search index
    follows them. Returns (symbol, language, paragraphs) of what was removed; NotFound if nothing."""
    rows = [_doc_row(session, symbol, lang)] if lang else []
    if not lang:
        _doc_row(session, symbol, None)  # NotFound when the library has no version of it
        match = col(LibraryDocumentRow.symbol) == symbol
        if symbol.startswith("S/RES/") and "(" not in symbol:
            match = or_(match, col(LibraryDocumentRow.symbol).startswith(symbol + " ("))
        rows = list(session.exec(select(LibraryDocumentRow).where(match).order_by(LibraryDocumentRow.lang)).all())
    removed: list[tuple[str, str, int]] = []
    for row in rows:
        paragraphs = session.exec(
            select(func.count()).select_from(LibraryParagraphRow).where(LibraryParagraphRow.document_id == row.id)
        ).one()
        delete_document(session, row.symbol, row.lang)
        removed.append((row.symbol, row.lang, int(paragraphs)))
    return removed


def save_document(session: Session, doc: AdoptedDocument, content_hash: str, replace: bool = True) -> int:
    """Store `doc`, replacing any stored version of the same symbol and language. Returns its id.
    `replace=False` (the caller knows it is new) saves the lookup."""
    if replace:
        delete_document(session, doc.symbol, doc.lang)
    row = LibraryDocumentRow(
        symbol=doc.symbol,
        kind=doc.kind,
        lang=doc.lang,
        year=doc.year,
        adopted_on=doc.adopted_on,
        meeting=doc.meeting,
        title=doc.title,
        source=doc.source,
        content_hash=content_hash,
        footnotes_json=_notes_json(doc.footnotes),
        warnings_json=json.dumps(list(doc.warnings), ensure_ascii=False),
        imported_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    rows = [
        {
            "document_id": row.id,
            "position": i,
            "symbol": doc.symbol,
            "lang": doc.lang,
            "year": doc.year,
            "kind": p.kind,
            "number": p.number,
            "sub": p.sub,
            "part": p.part,
            "lead": p.lead[:200],
            "text": p.text,
            "footnotes_json": _notes_json(p.footnotes),
            "search_text": index_text(p.text),
        }
        for i, p in enumerate(doc.paragraphs)
    ]
    if rows:  # one executemany: bulk imports spend their time here
        session.connection().execute(LibraryParagraphRow.__table__.insert(), rows)  # type: ignore[attr-defined]
    return row.id


def _doc_row(session: Session, symbol: str, lang: str | None) -> LibraryDocumentRow:
    match = col(LibraryDocumentRow.symbol) == symbol
    if symbol.startswith("S/RES/") and "(" not in symbol:  # "S/RES/2594" without its year
        match = or_(match, col(LibraryDocumentRow.symbol).startswith(symbol + " ("))
    stmt = select(LibraryDocumentRow).where(match)
    if lang:
        stmt = stmt.where(LibraryDocumentRow.lang == lang)
    rows = session.exec(stmt.order_by(LibraryDocumentRow.lang)).all()
    if not rows:
        if lang:
            raise NotFound(_("{symbol} ({lang}) is not in the library").format(symbol=symbol, lang=lang))
        raise NotFound(_("{symbol} is not in the library").format(symbol=symbol))
    return rows[0]


def get_document(session: Session, symbol: str, lang: str | None = None) -> tuple[int, AdoptedDocument]:
    row = _doc_row(session, symbol, lang)
    paragraphs = session.exec(
        select(LibraryParagraphRow)
        .where(LibraryParagraphRow.document_id == row.id)
        .order_by(LibraryParagraphRow.position)  # type: ignore[arg-type]
    ).all()
    assert row.id is not None
    doc = AdoptedDocument(
        symbol=row.symbol,
        kind=row.kind,
        lang=row.lang,
        paragraphs=tuple(_paragraph(p).paragraph for p in paragraphs),
        adopted_on=row.adopted_on,
        meeting=row.meeting,
        title=row.title,
        footnotes=_notes(row.footnotes_json),
        warnings=tuple(json.loads(row.warnings_json or "[]")),
        source=row.source,
    )
    return row.id, doc


def languages_of(session: Session, symbol: str) -> list[str]:
    stmt = select(LibraryDocumentRow.lang).where(LibraryDocumentRow.symbol == symbol)
    return sorted(session.exec(stmt).all())


def paragraphs_by_id(session: Session, ids: Sequence[int]) -> dict[int, StoredParagraph]:
    if not ids:
        return {}
    rows = session.exec(select(LibraryParagraphRow).where(col(LibraryParagraphRow.id).in_(list(ids)))).all()
    return {r.id: _paragraph(r) for r in rows if r.id is not None}


def paragraph_at(session: Session, symbol: str, kind: str, number: int, sub: str = "", lang: str | None = None,
                 part: str = "") -> StoredParagraph:
    """The paragraph a citation names; `part` is "annex A", "section B" … ("" for the body)."""
    stmt = select(LibraryParagraphRow).where(
        LibraryParagraphRow.symbol == symbol,
        LibraryParagraphRow.kind == kind,
        LibraryParagraphRow.number == number,
        LibraryParagraphRow.sub == sub,
        func.lower(LibraryParagraphRow.part) == part.lower(),
    )
    if lang:
        stmt = stmt.where(LibraryParagraphRow.lang == lang)
    row = session.exec(stmt.order_by(LibraryParagraphRow.lang, LibraryParagraphRow.position)).first()  # type: ignore[arg-type]
    if row is None:
        label = Paragraph(symbol, kind, number, "", sub=sub, part=part).label
        raise NotFound(_("{symbol}, {label} is not in the library").format(symbol=symbol, label=label))
    return _paragraph(row)


def neighbours(session: Session, paragraph_id: int, before: int, after: int) -> list[StoredParagraph]:
    """The paragraph with up to `before`/`after` paragraphs around it, in document order."""
    row = session.get(LibraryParagraphRow, paragraph_id)
    if row is None:
        raise NotFound(_("library paragraph {paragraph_id} does not exist").format(paragraph_id=paragraph_id))
    rows = session.exec(
        select(LibraryParagraphRow)
        .where(
            LibraryParagraphRow.document_id == row.document_id,
            col(LibraryParagraphRow.position) >= row.position - before,
            col(LibraryParagraphRow.position) <= row.position + after,
        )
        .order_by(LibraryParagraphRow.position)  # type: ignore[arg-type]
    ).all()
    return [_paragraph(r) for r in rows]


def summaries(session: Session) -> list[DocumentSummary]:
    counts = dict(
        session.exec(
            select(LibraryParagraphRow.document_id, func.count()).group_by(LibraryParagraphRow.document_id)  # type: ignore[arg-type]
        ).all()
    )
    rows = session.exec(select(LibraryDocumentRow).order_by(LibraryDocumentRow.year, LibraryDocumentRow.symbol)).all()  # type: ignore[arg-type]
    return [
        DocumentSummary(
            r.id or 0, r.symbol, r.kind, r.lang, r.year, r.title, int(counts.get(r.id or 0, 0)),
            tuple(json.loads(r.warnings_json or "[]")),
        )
        for r in rows
    ]


def count_documents(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(LibraryDocumentRow)).one())
