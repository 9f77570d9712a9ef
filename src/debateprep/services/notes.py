"""Use cases for concept notes: import (once per content), list, show, work the questions."""

from __future__ import annotations

import builtins  # `list` is also a method name below
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from debateprep.domain.note_model import ConceptNote, NoteSummary, Provenance, Question, StoredNote
from debateprep.domain import limits
from debateprep.domain.debate import Debate, DebateSettings
from debateprep.domain.errors import Conflict, InputError
from debateprep.i18n import _, ngettext
from debateprep.storage.db import Database
from debateprep.storage.repos import debates as debates_repo
from debateprep.storage.repos import notes as repo

if TYPE_CHECKING:
    from debateprep.importers.reader import ReadDocument


@dataclass
class ImportResult:
    note: StoredNote
    created: bool  # False: the same content was already imported
    debate_id: int | None
    source: str = ""  # the file given this time
    # one line per guiding question that still stops mid-sentence, naming the file and the question
    warnings: tuple[str, ...] = ()

    def __str__(self) -> str:
        n = self.note
        title = n.note.title or _("untitled")
        if not self.created:
            return _("{source}: already imported as #{id} ({title})").format(
                source=self.source or n.source_name, id=n.id, title=title)
        symbol = f" {n.note.symbol}" if n.note.symbol else ""
        questions = ngettext("{n} guiding question", "{n} guiding questions", len(n.note.questions)).format(
            n=len(n.note.questions))
        briefers = ngettext("{n} briefer", "{n} briefers", len(n.note.briefers)).format(n=len(n.note.briefers))
        return _("imported concept note #{id}{symbol}: {title} — {questions}, {briefers}").format(
            id=n.id, symbol=symbol, title=title, questions=questions, briefers=briefers)


def content_hash(text: str) -> str:
    """The identity of a note's content: its normalised text without whitespace or bullet marks,
    so the same note as .txt, .docx, .pdf or in GB18030 is one note."""
    from debateprep.domain.text import BULLET_CHARS, paragraphs

    key = "".join(re.sub(r"\s+", "", p.lstrip(BULLET_CHARS + " ")) for p in paragraphs(text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class NotesService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- notes ----------------------------------------------------------------------------

    def import_file(
        self, path: str | Path, symbol: str | None = None, parsed: tuple[ReadDocument, ConceptNote] | None = None
    ) -> ImportResult:
        """Read, parse and store a concept note, and the debate it announces, in one transaction.

        The same content imported again is not stored twice: the result says where it is.
        `parsed` is `import_concept_note(path, symbol)` when the caller already ran it.
        """
        from debateprep.importers.concept_note import cut_question_warnings, import_concept_note  # loaded to import

        doc, note = parsed or import_concept_note(path, symbol=symbol)
        if len(note.questions) > limits.MAX_QUESTIONS:
            raise InputError(path, _("{count:,} guiding questions: a concept note has a few dozen at most (the limit "
                                     "is {limit:,}); not imported").format(
                count=len(note.questions), limit=limits.MAX_QUESTIONS))
        digest = content_hash(doc.text)
        existing = self._existing(digest)
        if existing is not None:
            existing.source = Path(path).name
            return existing
        try:
            with self.db.transaction() as s:
                note_id = repo.add(
                    s, note, content_hash=digest, source_name=Path(path).name, original=doc.original, text=doc.text
                )
                title = note.topic or note.title or Path(path).stem
                debate = debates_repo.add(
                    s,
                    Debate(
                        title=title,
                        agenda_item=note.topic,
                        meeting_date=note.meeting_date,
                        presidency=note.presidency,
                        language=note.language,
                        concept_note_id=note_id,
                        settings=_settings(note),
                    ),
                )
                stored = repo.get(s, note_id)
        except Conflict:  # imported by someone else between our check and our insert
            existing = self._existing(digest)
            if existing is None:
                raise
            existing.source = Path(path).name
            return existing
        return ImportResult(stored, True, debate.id, Path(path).name, tuple(cut_question_warnings(path, note)))

    def _existing(self, digest: str) -> ImportResult | None:
        with self.db.session() as s:
            note_id = repo.find_by_hash(s, digest)
            if note_id is None:
                return None
            debate = debates_repo.by_note(s, note_id)
            return ImportResult(repo.get(s, note_id), False, debate.id if debate else None)

    def list(self) -> list[NoteSummary]:
        with self.db.session() as s:
            return repo.list_all(s)

    def get(self, note_id: int) -> StoredNote:
        with self.db.session() as s:
            return repo.get(s, note_id)

    def for_debate(self, debate_id: int) -> StoredNote | None:
        """The concept note of a debate, if it has one."""
        with self.db.session() as s:
            debate = debates_repo.get(s, debate_id)
            return repo.get(s, debate.concept_note_id) if debate.concept_note_id else None

    def debate_of(self, note_id: int) -> int | None:
        with self.db.session() as s:
            debate = debates_repo.by_note(s, note_id)
            return debate.id if debate else None

    # -- guiding questions ----------------------------------------------------------------

    def questions(self, note_id: int) -> builtins.list[Question]:
        with self.db.session() as s:
            repo.get(s, note_id)  # NotFound for an unknown note
            return repo.questions(s, note_id)

    def _language(self, s, note_id: int) -> str:  # type: ignore[no-untyped-def]
        return repo.get(s, note_id).note.language

    def edit_question(self, question_id: int, text: str, version: int | None = None) -> Question:
        """Reword a question; `version` is the one the caller saw (StaleEdit if it moved on)."""
        from debateprep.domain.questions import is_question, question_form

        text = _required(text)
        with self.db.transaction() as s:
            row = repo.question_row(s, question_id)
            language = self._language(s, row.note_id)
            return repo.update_question(
                s, question_id, text=text, topic=not is_question(text, language),
                question_form=question_form(text, language), version=version,
            )

    def restore_question(self, question_id: int, version: int | None = None) -> Question:
        """Put back the note's own wording of an edited question."""
        from debateprep.domain.questions import clean_item, is_question, question_form

        with self.db.transaction() as s:
            row = repo.question_row(s, question_id)
            if row.original is None:
                raise InputError(None, _("question #{question_id} was added by hand: it has no original wording").format(
                    question_id=question_id))
            language = self._language(s, row.note_id)
            text = clean_item(row.original)
            return repo.update_question(
                s, question_id, text=text, topic=not is_question(text, language),
                question_form=question_form(text, language), version=version,
            )

    def move_question(self, question_id: int, position: int, version: int | None = None) -> Question:
        with self.db.transaction() as s:
            return repo.move_question(s, question_id, position, version)

    def add_question(self, note_id: int, text: str, position: int | None = None) -> Question:
        from debateprep.domain.questions import is_question, question_form

        text = _required(text)
        with self.db.transaction() as s:
            language = self._language(s, note_id)
            question = Question(
                text=text, original=None, topic=not is_question(text, language), section=None, position=0,
                provenance=Provenance(None, None, None), question_form=question_form(text, language),
            )
            return repo.add_question(s, note_id, question, position)

    def delete_question(self, question_id: int, version: int | None = None) -> Question:
        with self.db.transaction() as s:
            return repo.delete_question(s, question_id, version)

    def reset_questions(self, note_id: int) -> builtins.list[Question]:
        """Back to the questions as extracted: edits undone, deleted ones back, added ones gone."""
        with self.db.transaction() as s:
            return repo.replace_questions(s, note_id, repo.parsed(s, note_id).questions)


def _settings(note: ConceptNote) -> DebateSettings:
    """A new debate's settings: the speaking limit the note asks for, else the default."""
    settings = DebateSettings()
    if note.speaking_limit_minutes:
        settings.default_limit_minutes = note.speaking_limit_minutes
    return settings


def _required(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise InputError(None, _("a question cannot be empty"))
    return text
