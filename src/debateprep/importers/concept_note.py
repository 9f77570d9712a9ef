"""File -> ConceptNote: read the document, normalise it, parse it, settle its symbol."""

from __future__ import annotations

from pathlib import Path

from debateprep.domain.concept_note import ConceptNote, cut_questions, parse_concept_note
from debateprep.domain.errors import InputError
from debateprep.domain.symbols import normalise_symbol, symbol_from_filename
from debateprep.i18n import N_, _
from debateprep.importers.reader import ReadDocument, read_document


# A concept note is two to six pages (4,000-30,000 characters); 300,000 is fifty pages or more.
# Anything longer is another kind of document, refused before it is parsed.
MAX_NOTE_CHARS = 300_000


def import_concept_note(path: str | Path, symbol: str | None = None) -> tuple[ReadDocument, ConceptNote]:
    """Parse the concept note in `path`.

    The document symbol comes from `symbol` when given, else from the running headers of the
    document, else from a file name like "concept-note_S-2014-74_….txt".
    """
    if symbol is not None:
        try:
            symbol = normalise_symbol(symbol)
        except ValueError:
            raise InputError(None, _("--symbol {symbol!r} is not a UN document symbol (e.g. S/2014/74)").format(
                symbol=symbol)) from None
    doc = read_document(path, max_chars=MAX_NOTE_CHARS, what=N_("concept note"))
    note = parse_concept_note(doc.text, symbol=symbol, furniture=doc.furniture,
                              footnotes=tuple(zip(doc.footnote_at, doc.footnotes)))
    if note.symbol is None:
        note.symbol = symbol_from_filename(Path(path).name)
    if not note.questions and not any(s.heading for s in note.sections) and note.letter_date is None:
        raise InputError(path, _("does not look like a concept note (no letter, no headings, no guiding questions)"))
    return doc, note


def cut_question_warnings(path: str | Path, note: ConceptNote) -> list[str]:
    """One line per question that still stops mid-sentence (`cut_questions`), naming the file and
    the question: the document breaks it where the parser could not tell it goes on."""
    name = Path(path).name
    by_position = {q.position: q for q in note.questions}
    return [_("{file}: question {number} stops mid-sentence (“…{tail}”): check it against the document").format(
        file=name, number=n, tail=by_position[n].text[-12:]) for n in cut_questions(note)]
