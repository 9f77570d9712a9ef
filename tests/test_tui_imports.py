"""The workflow without leaving the TUI: statements and agreed language imported from the screens,
and a shared proposal sent from the convergence list to the PRST draft (Pilot)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Input, ProgressBar

from debateprep.services.debates import DebateService
from debateprep.services.library import LibraryService
from debateprep.services.notes import NotesService
from debateprep.services.prst import PrstService
from debateprep.services.statements import StatementService
from debateprep.tui.screens.import_dialog import ImportPathsScreen
from debateprep.tui.screens.statements import StatementsPane
from tests.conftest import LIBRARY_SAMPLES
from tests.support.pilot import SIZE, settle, tui_app

DATA = Path(__file__).parent / "data" / "statements"


def _debate(db) -> int:  # type: ignore[no-untyped-def]
    imported = NotesService(db).import_file(DATA / "concept-note_S-2020-1_paraphrase.en.txt")
    debates = DebateService(db)
    debate = debates.update(debates.get(imported.debate_id), meeting_number=8699)  # type: ignore[arg-type]
    assert debate.id is not None
    return debate.id


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Each key, then wait for what it started."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def _type_paths(pilot, paths: list[str], tick: bool = False) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    assert isinstance(app.screen, ImportPathsScreen)
    app.screen.query_one("#import-paths", Input).value = "; ".join(paths)
    if tick:
        app.screen.query_one("#import-option").value = True
    await pilot.click("#import-paths-ok")
    await settle(pilot)


def test_statements_imported_from_the_pane(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debate_id = _debate(sqlite_db)

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await press(pilot, "f3")
            assert app.query_one("#st-empty").display
            await press(pilot, "i")
            await _type_paths(pilot, [str(DATA / "china_s-pv-8699_zh.txt")])
            pane = app.query_one(StatementsPane)
            assert [s.delegation for s in pane.statements] == ["China"]
            assert app.query_one("#st-table", DataTable).row_count == 1
            assert any("Imported: 1 imported" in m for m, _ in app.notices)
            # A bad file: one notification, nothing written, the pane still works.
            await press(pilot, "i")
            await _type_paths(pilot, [str(DATA / "no-such-file.txt")])
            assert any(sev == "error" and "no-such-file.txt" in m for m, sev in app.notices)
            assert len(StatementService(sqlite_db).list(debate_id)) == 1

    asyncio.run(run())


def test_verbatim_record_imported_from_the_pane(sqlite_db, shared_data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _debate(sqlite_db)
    folder = tmp_path / "record"
    folder.mkdir()
    for f in sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699_spch*"))[:12]:
        (folder / f.name).write_bytes(f.read_bytes())

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await press(pilot, "f3", "i")
            await _type_paths(pilot, [str(folder)], tick=True)
            pane = app.query_one(StatementsPane)
            assert len(pane.statements) >= 8  # procedural turns of the President are not listed
            assert "Secretary-General" in {s.delegation for s in pane.statements}

    asyncio.run(run())


def test_convergence_group_goes_to_the_prst_draft(sqlite_db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    debate_id = _debate(sqlite_db)
    StatementService(sqlite_db).import_record(
        debate_id, sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699_spch*")))
    draft = PrstService(sqlite_db).new_draft(debate_id, language="en")

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f5")  # the PRST pane loads its draft
            await settle(pilot)
            await press(pilot, "f3")
            app.query_one("#st-table", DataTable).focus()
            await press(pilot, "v")
            pane = app.query_one(StatementsPane)
            assert pane.groups, "the real record has shared proposals"
            first = pane.groups[0]
            await press(pilot, "p")
            assert app.query_one("TabbedContent").active == "tab-prst"
            assert draft.id is not None
            paragraphs = PrstService(sqlite_db).get(draft.id).paragraphs
            assert len(paragraphs) == 1
            provenance = paragraphs[0].provenance
            assert provenance.kind == "group" and provenance.source_id == first.rank
            assert list(provenance.supporters) == list(first.supporters)
            assert paragraphs[0].text.startswith("The Security Council")

    asyncio.run(run())


def test_library_import_from_the_pane_with_progress(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await press(pilot, "f4", "ctrl+t")
            await _type_paths(pilot, [str(LIBRARY_SAMPLES)])
            assert not app.query_one("#lib-progress", ProgressBar).display  # hidden again when done
            assert LibraryService(sqlite_db).count() == 3
            assert any("3 imported" in m for m, _ in app.notices)
            # Again: resumable, everything skipped.
            await press(pilot, "ctrl+t")
            await _type_paths(pilot, [str(LIBRARY_SAMPLES)])
            assert any("0 imported, 3 already in the library" in m for m, _ in app.notices)
            app.query_one("#lib-query", Input).value = "保护平民"
            await asyncio.sleep(0.4)
            await settle(pilot)
            assert app.query_one("#lib-table", DataTable).row_count > 0

    asyncio.run(run())


def test_an_unmapped_statement_is_mapped_by_hand(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    debate_id = _debate(sqlite_db)
    speech = tmp_path / "speech-17.txt"  # no speaker header, no delegation in the file name
    speech.write_text("我们呼吁有关各方切实履行保护平民的义务。\n\n安理会应当加强对维和行动的支持。", encoding="utf-8")
    StatementService(sqlite_db).import_files(debate_id, [speech])
    assert StatementService(sqlite_db).list(debate_id)[0].delegation is None

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await press(pilot, "f3")
            app.query_one("#st-table", DataTable).focus()
            assert "1 unmapped (m maps one)" in str(app.query_one("#st-status").render())
            await pilot.press("m")
            await pilot.pause()
            app.screen.query_one("#prompt-input", Input).value = "中国"
            await press(pilot, "enter")
            assert [s.delegation for s in app.query_one(StatementsPane).statements] == ["China"]
            # An unknown name: one error notification, the mapping stays as it was.
            await pilot.press("m")
            await pilot.pause()
            app.screen.query_one("#prompt-input", Input).value = "Atlantis"
            await press(pilot, "enter")
            assert any(sev == "error" and "Atlantis" in m for m, sev in app.notices)
            assert StatementService(sqlite_db).list(debate_id)[0].delegation == "China"

    asyncio.run(run())
