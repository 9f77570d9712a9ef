"""The statements pane, driven with Pilot (and one snapshot), on the first part of S/PV.8699."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from debateprep.services.debates import DebateService
from debateprep.services.notes import NotesService
from debateprep.services.statements import StatementService
from debateprep.tui.screens.statements import StatementsPane, heat
from tests.support.pilot import SIZE, RecordingApp, settle, tui_app

DATA = Path(__file__).parent / "data" / "statements"


@pytest.fixture
def debate_db(sqlite_db, shared_data: Path):  # type: ignore[no-untyped-def]
    """A debate with its (paraphrased) concept note, the meeting's first part and China in Chinese."""
    imported = NotesService(sqlite_db).import_file(DATA / "concept-note_S-2020-1_paraphrase.en.txt")
    debates = DebateService(sqlite_db)
    debate = debates.update(debates.get(imported.debate_id), meeting_number=8699)  # type: ignore[arg-type]
    service = StatementService(sqlite_db)
    service.import_record(debate.id, sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699_spch*")))  # type: ignore[arg-type]
    service.import_files(debate.id, [DATA / "china_s-pv-8699_zh.txt"])  # type: ignore[arg-type]
    return sqlite_db



async def open_pane(pilot: Pilot) -> StatementsPane:  # type: ignore[type-arg]
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)
    pilot.app.query_one("#st-table", DataTable).focus()
    await pilot.pause()
    return pilot.app.query_one(StatementsPane)


def _static(app: RecordingApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


def test_heat_cells() -> None:
    assert heat(0).plain == "  · " and heat(0.9).plain == " ██ " and heat(0.5).plain == " ▓▓ "
    assert heat(0.47).plain == " ▒▒ "  # the brief's ○ (addressed, not strongly): one legend for both


def test_list_and_reader(debate_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        app = tui_app(debate_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            table = app.query_one("#st-table", DataTable)
            assert table.row_count == len(pane.statements) == 57  # 56 speeches and China in Chinese
            assert _static(app, "#st-status").startswith("Debate #1: 57 statements · 56 delegations")
            assert "Secretary-General — The Secretary-General — S/PV.8699 #2" in _static(app, "#st-reader")
            await pilot.press("down", "down", "down")
            await pilot.pause()
            assert _static(app, "#st-reader").startswith("Saint Vincent and the Grenadines — Mr. Gonsalves")
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
            reader = _static(app, "#st-reader")
            assert reader.startswith("China — ") and "我们呼吁有关各方保持最大限度克制" in reader

    asyncio.run(scenario())


def test_coverage_heatmap_shows_the_passage_behind_each_cell(debate_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        app = tui_app(debate_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            await pilot.press("c")
            await settle(pilot)
            matrix = pane.matrix
            assert matrix is not None and len(matrix.questions) == 6
            heatmap = app.query_one("#st-heatmap", DataTable)
            assert heatmap.row_count == len(matrix.delegations) == 56
            assert len(heatmap.columns) == 7
            assert "Q3 (" in _static(app, "#st-questions")
            # the brief's legend, with the heatmap's shades (it had none)
            assert _static(app, "#st-questions").splitlines()[0] == (
                "██ ▓▓ addressed strongly, ▒▒ addressed; ·: not addressed; ✓ ✗ marked by a user "
                "(addressed / not an answer).")
            # Move to China's cell on Q6 (multilateralism): its Chinese passage is the evidence.
            heatmap.focus()
            row = matrix.delegations.index("China")
            heatmap.move_cursor(row=row, column=6)
            await pilot.pause()
            cell = matrix.cell("China", matrix.questions[5].key)
            evidence = _static(app, "#st-evidence")
            assert evidence.startswith("China · Q6: How can multilateralism")
            assert cell is not None and cell.covered  # China spoke twice here: in English and in Chinese
            assert "单边主义" in cell.passage.text or "Unilateralism" in cell.passage.text
            assert cell.passage.text in evidence and f"strength {cell.strength:.2f}" in evidence

    asyncio.run(scenario())


def test_convergence_list_with_its_passages(debate_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        app = tui_app(debate_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            await pilot.press("v")
            await settle(pilot)
            groups = app.query_one("#st-groups", DataTable)
            assert groups.row_count == len(pane.groups) > 5
            first = pane.groups[0]
            passages = _static(app, "#st-group")
            assert passages.startswith(f"{first.count} delegations: {first.supporters[0]}")
            groups.focus()
            await pilot.press("down")
            await pilot.pause()
            assert _static(app, "#st-group").startswith(f"{pane.groups[1].count} delegations: ")
            await pilot.press("l")
            assert app.query_one("#st-switcher").current == "st-list-view"  # type: ignore[attr-defined]

    asyncio.run(scenario())


def test_empty_and_unbracketed_states(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            assert _static(app, "#st-status") == "No debate selected (Ctrl+O to choose one)."
            debate = DebateService(sqlite_db).create("Protection of civilians")
            app.set_debate(debate.id)
            await settle(pilot)
            assert app.query_one("#st-empty").display and not app.query_one("#st-switcher").display
            # Square brackets are text, never markup.
            path = tmp_path / "france.txt"
            path.write_text("The Council [should] remain seized of the matter [/bold] and act.", encoding="utf-8")
            StatementService(sqlite_db).import_files(debate.id, [path])  # type: ignore[arg-type]
            pane.action_refresh()
            await settle(pilot)
            assert "The Council [should] remain seized of the matter [/bold] and act." in _static(app, "#st-reader")
            await pilot.press("c")
            await settle(pilot)
            assert "no guiding questions" in _static(app, "#st-evidence")

    asyncio.run(scenario())


def test_snapshot_coverage(debate_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = tui_app(debate_db)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_pane(pilot)
        await pilot.press("c")
        await settle(pilot)
        heatmap = app.query_one("#st-heatmap", DataTable)
        heatmap.focus()
        heatmap.move_cursor(row=2, column=3)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_a_cell_says_what_matched_and_a_user_mark_stays(debate_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        app = tui_app(debate_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            await pilot.press("c")
            await settle(pilot)
            matrix = pane.matrix
            assert matrix is not None
            heatmap = app.query_one("#st-heatmap", DataTable)
            heatmap.focus()
            question = matrix.questions[2]  # regional and subregional organizations
            cell = matrix.covered_by(question.key)[0]
            heatmap.move_cursor(row=matrix.delegations.index(cell.delegation), column=3)
            await pilot.pause()
            evidence = _static(app, "#st-evidence")
            assert cell.passage.text in evidence and cell.explanation() in evidence
            assert cell.explanation().startswith("matched: ")

            await pilot.press("w")
            await settle(pilot)
            marked = pane.matrix.cell(cell.delegation, question.key)  # type: ignore[union-attr]
            assert marked is not None and marked.mark == "wrong" and not marked.covered and marked.by_tool
            detail = _static(app, "#st-evidence")  # the detail stays on the cell just marked
            assert detail.startswith(f"{cell.delegation} · {question.label}: ")
            assert "marked wrong by a user (the tool said addressed" in detail
            row = heatmap.get_row(cell.delegation)
            assert str(row[3]).strip() == "✗"

            await pilot.press("r")  # computed again from the database: the mark stays
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            again = pane.matrix.cell(cell.delegation, question.key)  # type: ignore[union-attr]
            assert again is not None and again.mark == "wrong"
            heatmap.focus()
            heatmap.move_cursor(row=matrix.delegations.index(cell.delegation), column=3)
            await pilot.pause()
            assert "marked wrong by a user (the tool said addressed" in _static(app, "#st-evidence")
            await pilot.press("u")
            await settle(pilot)
            cleared = pane.matrix.cell(cell.delegation, question.key)  # type: ignore[union-attr]
            assert cleared is not None and cleared.mark is None and cleared.covered

    asyncio.run(scenario())


def _record_debate(db) -> int:  # type: ignore[no-untyped-def]
    imported = NotesService(db).import_file(DATA / "concept-note_S-2020-1_paraphrase.en.txt")
    debates = DebateService(db)
    debate = debates.update(debates.get(imported.debate_id), meeting_number=8699)  # type: ignore[arg-type]
    assert debate.id is not None
    return debate.id


def _screen_text(app: RecordingApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("keys", [("tab", "tab", "space", "tab", "enter"),  # Enter on Import
                                  ("tab", "tab", "space", "shift+tab", "shift+tab", "enter")])  # in the path field
def test_a_verbatim_record_imports_by_keyboard(sqlite_db, shared_data: Path, keys: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """i, the path, the record box ticked (Tab Tab Space), then Enter: the speeches are in the list.
    The dialog's instruction wraps inside it, whole."""
    async def scenario() -> None:
        debate_id = _record_debate(sqlite_db)
        app = tui_app(sqlite_db)
        path = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699_spch*"))[1]
        async with app.run_test(size=(80, 24)) as pilot:
            pane = await open_pane(pilot)
            app.set_debate(debate_id)
            await settle(pilot)
            await pilot.press("i")
            await settle(pilot)
            shown = " ".join(_screen_text(app).replace("█", " ").split())  # (the dialog's border)
            assert "one file per delegation, or a folder of them — tick the box for a verbatim record split by its " \
                   "speaker headers." in shown
            await pilot.press(*str(path), *keys)
            await settle(pilot, rounds=6)
            assert app.screen is app.screen_stack[0]
            assert [s.kind for s in StatementService(sqlite_db).list(debate_id)] == ["briefing"]
            assert len(pane.statements) == 1
            assert app.errors() == [] and app.notices[-1][1] == "information"

    asyncio.run(scenario())


def test_an_import_that_adds_nothing_to_the_list_says_why(sqlite_db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    """The record's first part holds only the President's procedural remarks: imported, but the list
    stays empty, and the notice says so (a warning, not a bare count)."""
    async def scenario() -> None:
        debate_id = _record_debate(sqlite_db)
        app = tui_app(sqlite_db)
        path = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699_spch*"))[0]
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            app.set_debate(debate_id)
            await settle(pilot)
            await pilot.press("i", *str(path), "tab", "tab", "space", "shift+tab", "shift+tab", "enter")
            await settle(pilot, rounds=6)
            message, severity = app.notices[-1]
            assert severity == "warning"
            assert message.startswith("Nothing new in the list: only the President's procedural remarks (1)"), message

    asyncio.run(scenario())


def test_x_removes_the_highlighted_statement_once_confirmed(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from debateprep.tui.screens.brief_dialogs import ConfirmScreen

    debate = DebateService(sqlite_db).create("Peacebuilding", language="en")
    assert debate.id is not None
    for name, text in (("chile", "Mr. Rojas (Chile): The PBC's advisory role should be used early.\n"),
                       ("peru", "Mr. Paz (Peru): The PBC's advisory role should be used early.\n")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    service = StatementService(sqlite_db)
    service.import_files(debate.id, [tmp_path / "chile.txt", tmp_path / "peru.txt"])

    async def scenario() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            assert [s.delegation for s in pane.statements] == ["Chile", "Peru"]
            await pilot.press("down", "x")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen) and "Peru (peru.txt)" in app.screen.question
            await pilot.press("n")  # kept
            await settle(pilot)
            assert len(pane.statements) == 2
            await pilot.press("x", "y")
            await settle(pilot)
            assert [s.delegation for s in pane.statements] == ["Chile"]
            assert app.query_one("#st-table", DataTable).row_count == 1
            assert any("Peru removed" in message for message, _severity in app.notices)
            await pilot.press("v")  # convergence: one delegation left, nothing shared
            await settle(pilot)
            assert pane.groups == []

    asyncio.run(scenario())
    assert [s.delegation for s in StatementService(sqlite_db).list(debate.id)] == ["Chile"]
