"""The concept-note pane, driven with Pilot: import, metadata, sections, text and question work."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea, Tree

from debateprep.services.notes import NotesService
from debateprep.tui.screens.concept_note import ConceptNotePane
from debateprep.tui.screens.concept_note_dialogs import ImportNoteScreen, QuestionDialog
from tests.support.pilot import SIZE, RecordingApp, settle, tui_app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
SAMPLE_EN = REPO / "concept_notes" / "concept-note_sample_transitions.en.txt"



def _pane(app: RecordingApp) -> ConceptNotePane:
    return app.query_one(ConceptNotePane)


def _rows(app: RecordingApp) -> list[str]:
    table = app.query_one("#cn-questions", DataTable)
    return [str(table.get_row_at(i)[2]) for i in range(table.row_count)]


def _static(app: RecordingApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())



def test_empty_state_then_import_through_the_dialog(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.query_one("#cn-empty").display and not app.query_one("#cn-body").display
            await pilot.press("i")
            await pilot.pause()
            assert isinstance(app.screen, ImportNoteScreen)
            app.screen.query_one("#import-path", Input).value = str(SAMPLE_EN)
            await pilot.press("enter")
            await settle(pilot)
            assert not isinstance(app.screen, ImportNoteScreen)
            assert _rows(app)[0].startswith("How can the Council ensure that transition planning")
            assert len(_rows(app)) == 7
            assert app.debate_id is not None  # the note's debate became the current one
            assert any(m.startswith("imported concept note #1") for m, _ in app.notices)
            meta = _static(app, "#cn-meta")
            assert "Presidency: Ireland" in meta and "Debate: 2026-03-17" in meta and "Outcome: summary" in meta
            assert app.focused is app.query_one("#cn-questions", DataTable)

    asyncio.run(scenario())


def test_a_bad_file_is_reported_and_nothing_is_imported(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            _pane(app).import_note(str(REPO / "tests" / "fixtures" / "notes" / "scan.pdf"))
            await settle(pilot)
            errors = [m for m, severity in app.notices if severity == "error"]
            assert errors and errors[0].endswith("scan.pdf: no text layer (scanned?): run OCR on it first, or use the .docx")
            assert app.query_one("#cn-empty").display
            assert NotesService(sqlite_db).list() == []

    asyncio.run(scenario())


def test_seed_note_metadata_sections_and_text(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    NotesService(sqlite_db).import_file(SEED)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert len(_rows(app)) == 13
            assert _rows(app)[4].startswith("在今后的战略和指导中如何更好地纳入")  # cut to the column, with …
            assert _pane(app).stored.note.questions[4].text.endswith("在执行保护任务方面取得的经验和挑战")  # type: ignore[union-attr]
            meta = _static(app, "#cn-meta")
            assert "S/2014/74" in meta and "Presidency: 立陶宛" in meta and "维持和平行动部 (DPKO)" in meta
            assert "Guiding questions — 13 (11 topics)" in _static(app, "#cn-questions-caption")
            assert "如何进一步推动各方就保护任务" in _static(app, "#cn-detail")  # the offered question form
            tree = app.query_one("#cn-sections", Tree)
            top = [str(node.label) for node in tree.root.children]
            assert top == ["背景介绍", "情况发展", "有待探讨的挑战和机会", "审议的问题", "通报人和结果"]
            assert [str(n.label) for n in tree.root.children[2].children] == [
                "保护平民问题的认识、优先处理和工作规划", "领导、战略和协调", "能力和培训",
            ]
            text = app.query_one("#cn-text", TextArea)
            assert text.text.startswith("2014年2月3日立陶宛常驻联合国代表给秘书长的信")
            tree.focus()
            tree.move_cursor(tree.root.children[4])
            await pilot.press("enter")
            await pilot.pause()
            assert text.text.startswith("通报人和结果\n\n主管人道主义事务副秘书长瓦莱丽·阿莫斯")

    asyncio.run(scenario())


def test_edit_with_the_offered_form_then_restore_the_original(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    NotesService(sqlite_db).import_file(SEED)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("down", "down", "e")
            await pilot.pause()
            assert isinstance(app.screen, QuestionDialog)
            await pilot.press("ctrl+f", "enter")
            await settle(pilot)
            assert _rows(app)[2] == "如何解决保护平民政策、规划和准备相互脱节问题？"
            assert "Original: 保护平民政策、规划和准备相互脱节问题；" in _static(app, "#cn-detail")
            assert str(app.query_one("#cn-questions", DataTable).get_row_at(2)[1]) == "Q*"
            await pilot.press("o")
            await settle(pilot)
            assert _rows(app)[2] == "保护平民政策、规划和准备相互脱节问题"
            assert str(app.query_one("#cn-questions", DataTable).get_row_at(2)[1]) == "topic"

    asyncio.run(scenario())


def test_reorder_add_delete_reset(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    NotesService(sqlite_db).import_file(SEED)

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            original = _rows(app)
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert _rows(app)[:2] == [original[1], original[0]]
            assert app.query_one("#cn-questions", DataTable).cursor_row == 1  # the cursor follows the question
            await pilot.press("left_square_bracket")
            await settle(pilot)
            assert _rows(app) == original
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*"[Draft] what next?")
            await pilot.press("enter")
            await settle(pilot)
            rows = _rows(app)
            assert rows[1] == "[Draft] what next?" and len(rows) == 14  # brackets shown as typed
            assert str(app.query_one("#cn-questions", DataTable).get_row_at(1)[1]) == "Q+"
            assert "[Draft] what next?" in _static(app, "#cn-detail")
            await pilot.press("d")
            await settle(pilot)
            assert len(_rows(app)) == 13 and "[Draft] what next?" not in _rows(app)
            await pilot.press("d")
            await settle(pilot)
            assert len(_rows(app)) == 12
            await pilot.press("R")
            await settle(pilot)
            assert _rows(app) == original

    asyncio.run(scenario())


def test_a_stale_edit_is_refused_and_the_list_reloads(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    service = NotesService(sqlite_db)
    note = service.import_file(SEED).note

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            first = note.note.questions[0]
            service.edit_question(first.id, "同事的措辞", first.version)  # type: ignore[arg-type]
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one(Input).value = "我的措辞"
            await pilot.press("enter")
            await settle(pilot)
            errors = [m for m, severity in app.notices if severity == "error"]
            assert errors and "changed by someone else" in errors[0] and "同事的措辞" in errors[0]
            assert _rows(app)[0] == "同事的措辞"

    asyncio.run(scenario())


def test_a_move_of_a_question_someone_else_moved_is_refused(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: the pane moves the question it showed, as of the version it showed."""
    service = NotesService(sqlite_db)
    note = service.import_file(SEED).note

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            first = note.note.questions[0]
            service.move_question(first.id, 5, first.version)  # type: ignore[arg-type]  # a colleague moves it
            await pilot.press("right_square_bracket")  # we still see it first: "move it to 2"
            await settle(pilot)
            errors = [m for m, severity in app.notices if severity == "error"]
            assert errors and f"question #{first.id} was changed by" in errors[0]
            assert [q.id for q in service.questions(note.id)].index(first.id) == 4  # where the colleague put it

    asyncio.run(scenario())


def test_snapshot(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    NotesService(sqlite_db).import_file(SEED)
    app = tui_app(sqlite_db)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await settle(pilot)
        app.query_one("#cn-text", TextArea).cursor_blink = False
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_an_english_notes_outcome_and_cites_are_in_sight(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """A long English title and three briefers used to push the Outcome and Cites lines below the
    metadata block's height: at 120x40 and at 80x24 they are on screen."""
    stored = NotesService(sqlite_db).import_file(REPO / "tests" / "data" / "concept_notes" / "en_04_peace_operations.txt")
    note = stored.note.note
    assert note.outcome.kind == "resolution" and len(note.cited_documents) == 9

    async def scenario(size: tuple[int, int]) -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
            assert "Outcome: resolution" in screen, screen
            assert "Cites: " in screen
            for symbol in note.cited_documents:
                assert symbol.split(" ")[0] in screen, symbol

    for size in ((120, 40), (80, 24)):
        asyncio.run(scenario(size))
