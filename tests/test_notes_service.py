"""Importing concept notes and working their questions, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from debateprep.domain.errors import InputError, NotFound, StaleEdit
from debateprep.services.debates import DebateService
from debateprep.services.notes import NotesService

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
SAMPLE_EN = REPO / "concept_notes" / "concept-note_sample_transitions.en.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notes"


def test_import_stores_the_note_its_questions_and_its_debate(db) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(db)
    result = service.import_file(SEED, symbol="S/2014/74")
    assert result.created
    stored = result.note
    assert stored.note.symbol == "S/2014/74"
    assert len(stored.note.questions) == 13
    assert all(q.id is not None and q.version == 1 for q in stored.note.questions)
    assert str(result).startswith(f"imported concept note #{stored.id} S/2014/74:")
    debate = DebateService(db).get(result.debate_id)
    assert debate.concept_note_id == stored.id
    assert debate.title == "武装冲突保护平民"
    assert debate.presidency == "立陶宛" and debate.language == "zh"
    assert debate.meeting_date is not None and debate.meeting_date.isoformat() == "2014-02-12"
    again = service.get(stored.id)
    assert again.to_json() == stored.to_json()
    assert again.original == SEED.read_text(encoding="utf-8")
    assert service.for_debate(debate.id).id == stored.id  # type: ignore[arg-type, union-attr]


def test_symbol_comes_from_the_file_name_when_the_text_lacks_it(db) -> None:  # type: ignore[no-untyped-def]
    assert NotesService(db).import_file(SEED).note.note.symbol == "S/2014/74"
    assert NotesService(db).import_file(SAMPLE_EN).note.note.symbol is None


@pytest.mark.parametrize("other", ["seed_note.gb18030.txt", "seed_note.docx", "seed_note.pdf"])
def test_same_content_in_another_format_is_not_imported_twice(db, other: str) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(db)
    first = service.import_file(SEED)
    second = service.import_file(FIXTURES / other)
    assert not second.created
    assert second.note.id == first.note.id and second.debate_id == first.debate_id
    assert str(second) == f"{other}: already imported as #{first.note.id} (安全理事会关于武装冲突中保护平民问题公开辩论的概念说明)"
    assert len(service.list()) == 1 and len(DebateService(db).list()) == 1


def test_bad_input_writes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(db)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    not_a_note = tmp_path / "shopping.txt"
    not_a_note.write_text("milk, bread, rice\n", encoding="utf-8")
    for bad in (tmp_path / "missing.pdf", empty, FIXTURES / "scan.pdf", not_a_note):
        with pytest.raises(InputError):
            service.import_file(bad)
    with pytest.raises(InputError, match="not a UN document symbol"):
        service.import_file(SEED, symbol="2014-74")
    assert service.list() == [] and DebateService(db).list() == []


def test_list_and_not_found(db) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(db)
    service.import_file(SEED)
    service.import_file(SAMPLE_EN)
    summaries = service.list()
    assert [(s.language, s.question_count) for s in summaries] == [("zh", 13), ("en", 7)]
    assert summaries[1].to_json()["meeting_date"] == "2026-03-17"
    with pytest.raises(NotFound):
        service.get(999)


def test_edit_restore_and_stale_edit(db) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(db)
    note = service.import_file(SEED).note
    third = note.note.questions[2]
    edited = service.edit_question(third.id, "如何弥合保护平民政策、规划和准备之间的脱节？", third.version)  # type: ignore[arg-type]
    assert edited.version == 2 and not edited.topic and edited.edited
    assert edited.original == "保护平民政策、规划和准备相互脱节问题；"
    with pytest.raises(StaleEdit, match="you edited version 1, it is now version 2"):
        service.edit_question(third.id, "someone else's wording", third.version)  # type: ignore[arg-type]
    restored = service.restore_question(third.id)  # type: ignore[arg-type]
    assert restored.text == "保护平民政策、规划和准备相互脱节问题" and restored.topic and not restored.edited
    with pytest.raises(InputError):
        service.edit_question(third.id, "   ")  # type: ignore[arg-type]


def test_reorder_add_delete_and_reset(db) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(db)
    note = service.import_file(SEED).note
    questions = note.note.questions
    moved = service.move_question(questions[12].id, 1)  # type: ignore[arg-type]
    assert moved.position == 1
    order = service.questions(note.id)
    assert [q.position for q in order] == list(range(1, 14))
    assert order[0].id == questions[12].id and order[1].id == questions[0].id
    added = service.add_question(note.id, "How will the Council follow up?", position=2)
    assert added.position == 2 and not added.topic and added.original is None
    assert added.provenance.describe() == "added by hand"
    with pytest.raises(InputError, match="added by hand"):
        service.restore_question(added.id)  # type: ignore[arg-type]
    service.delete_question(questions[5].id)  # type: ignore[arg-type]
    after = service.questions(note.id)
    assert len(after) == 13 and [q.position for q in after] == list(range(1, 14))
    assert questions[5].id not in {q.id for q in after}
    reset = service.reset_questions(note.id)
    assert [q.text for q in reset] == [q.text for q in questions]
    assert [q.position for q in reset] == list(range(1, 14))
    assert service.get(note.id).to_json()["questions"] == note.to_json()["questions"]
