"""The PRST drafting pane, driven with Pilot (and one snapshot)."""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pytest

from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import DataTable, Static, TextArea

from debateprep.services.debates import DebateService
from debateprep.services.prst import PrstService
from debateprep.tui.screens.prst import PrstPane
from tests.conftest import LIBRARY_SAMPLES
from tests.test_prst_domain import RES_2518, RES_2594, ZH_CHAPEAU, seed_paragraph
from tests.support.pilot import SIZE, RecordingApp, footer_keys, settle, tui_app

RES_2518_FILE = RES_2518



def _debate(db, language: str = "zh") -> int:  # type: ignore[no-untyped-def]
    debate = DebateService(db).create(
        "Protection of civilians in armed conflict", agenda_item="Protection of civilians in armed conflict",
        meeting_number=7109, meeting_date=date(2014, 2, 12), language=language,
    )
    assert debate.id is not None
    return debate.id


def _seeded_draft(db) -> int:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(_debate(db), "zh")
    assert draft.id is not None
    service.add_text(draft.id, seed_paragraph(RES_2518, "回顾第 2436(2018)号决议"))
    service.add_text(draft.id, seed_paragraph(RES_2594, "请秘书长确保在特派团规划"))
    service.add_text(draft.id, "强调指出必须在[日期]前完善保护平民的国家战略，")
    return draft.id



async def open_pane(pilot: Pilot) -> PrstPane:  # type: ignore[type-arg]
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    pilot.app.query_one("#prst-paragraphs", DataTable).focus()
    await pilot.pause()
    return pilot.app.query_one(PrstPane)


def _static(app: RecordingApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


def test_pane_shows_draft_with_chapeau_marks_and_brackets(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        _seeded_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            assert pane.draft is not None and len(pane.draft.paragraphs) == 3
            assert _static(app, "#prst-chapeau") == ZH_CHAPEAU
            assert "3 paragraphs · 0 agreed · 0 new · no revision" in _static(app, "#prst-status")
            table = app.query_one("#prst-paragraphs", DataTable)
            texts = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
            assert texts[0].startswith("安全理事会回顾第2436(2018)号决议")
            assert texts[1].startswith("安理会强调指出必须在[日期]前")  # brackets kept: markup is off
            assert texts[2].startswith("安理会请秘书长确保")
            assert app.query_one("#prst-editor", TextArea).text.startswith("安全理事会回顾第2436(2018)号决议")
            assert "reaffirm/recall" in _static(app, "#prst-provenance")
            assert "typed by the drafter" in _static(app, "#prst-provenance")

    asyncio.run(scenario())


def test_new_draft_add_and_save_from_the_editor(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        debate_id = _debate(sqlite_db, "en")
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f5")
            await settle(pilot)
            assert app.query_one("#prst-empty").display
            app.query_one(PrstPane).focus()
            await pilot.press("n")
            await settle(pilot)
            [draft] = PrstService(sqlite_db).drafts(debate_id)
            assert _static(app, "#prst-chapeau").startswith("At the 7109th meeting of the Security Council")
            editor = app.query_one("#prst-editor", TextArea)
            editor.load_text("Requests the Secretary-General to brief the Council on the aide-memoire;")
            editor.focus()
            await pilot.press("ctrl+n")
            await settle(pilot)
            editor.load_text("Recalling its resolution 1894 (2009),")
            await pilot.press("ctrl+n")
            await settle(pilot)
            assert draft.id is not None
            stored = PrstService(sqlite_db).get(draft.id).texts()
            assert stored == ["The Security Council recalls its resolution 1894 (2009).",
                              "The Security Council requests the Secretary-General to brief the Council on the aide-memoire."]
            assert app.query_one("#prst-paragraphs", DataTable).cursor_row == 0  # the added paragraph is selected
            editor.load_text("The Security Council recalls its resolutions 1265 (1999) and 1894 (2009).")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert PrstService(sqlite_db).get(draft.id).texts()[0] == editor.text

    asyncio.run(scenario())


def test_editor_text_is_converted_and_its_flags_shown(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        debate_id = _debate(sqlite_db, "en")
        draft = PrstService(sqlite_db).new_draft(debate_id, "en")
        assert draft.id is not None
        PrstService(sqlite_db).add_text(draft.id, "Recalling its resolution 1894 (2009),")
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            editor = app.query_one("#prst-editor", TextArea)
            editor.load_text("Acting under Chapter VII of the Charter of the United Nations,")
            editor.focus()
            await pilot.press("ctrl+s")  # saved over paragraph 1: converted, and flagged
            await settle(pilot)
            [stored] = PrstService(sqlite_db).get(draft.id).paragraphs
            assert stored.text == "The Security Council acts under Chapter VII of the Charter of the United Nations."
            assert [f.code for f in stored.flags] == ["chapter-vii"]
            table = app.query_one("#prst-paragraphs", DataTable)
            assert str(table.get_row_at(0)[1]) == "!NEW"  # checked as saved (nothing like it in the library)
            panel = _static(app, "#prst-provenance")
            assert "! review: a presidential statement is not adopted under Chapter VII" in panel
            editor.load_text("We call on the Council to request the Secretary-General to brief it.")
            await pilot.press("ctrl+n")
            await settle(pilot)
            texts = PrstService(sqlite_db).get(draft.id).texts()
            assert "The Security Council requests the Secretary-General to brief it." in texts

    asyncio.run(scenario())


def test_stale_save_is_refused_and_says_what_changed(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        draft_id = _seeded_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            service = PrstService(sqlite_db)
            first = service.get(draft_id).paragraphs[0]
            assert first.id is not None
            service.edit(draft_id, first.id, first.version, "安全理事会回顾其第2436(2018)号决议。")  # a colleague saves first
            app.query_one("#prst-editor", TextArea).load_text("安全理事会回顾第2436(2018)号决议和第2518(2020)号决议。")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert service.get(draft_id).texts()[0] == "安全理事会回顾其第2436(2018)号决议。"
            messages = [m for m, _severity in app.notices]
            assert any("was changed by" in m and "{+其+}" in m for m in messages), messages
            assert pane.draft is not None and pane.draft.paragraphs[0].version == first.version + 1

    asyncio.run(scenario())


def test_move_order_revise_and_diff(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        draft_id = _seeded_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            service = PrstService(sqlite_db)
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert service.get(draft_id).texts()[1].startswith("安理会回顾第2436")
            assert service.get(draft_id).texts()[0].startswith("安全理事会强调指出")  # the subject follows position
            assert app.query_one("#prst-paragraphs", DataTable).cursor_row == 1
            await pilot.press("o")
            await settle(pilot)
            assert service.get(draft_id).texts()[0].startswith("安全理事会回顾")
            assert "No revision yet" in _static(app, "#prst-diff")
            await pilot.press("r")
            await settle(pilot)
            assert [r.label for r in service.get(draft_id).revisions] == ["rev.1"]
            assert _static(app, "#prst-diff").endswith("no differences")
            editor = app.query_one("#prst-editor", TextArea)
            editor.load_text(editor.text.replace("回顾第", "回顾其第"))
            await pilot.press("ctrl+s")
            await settle(pilot)
            diff = _static(app, "#prst-diff")
            assert diff.startswith("rev.1 -> current: 1 changed")
            assert "{+其+}" in diff
            await pilot.press("r")
            await settle(pilot)
            assert _static(app, "#prst-diff").startswith("rev.1 -> rev.2: 1 changed")
            await pilot.press("x")
            await settle(pilot)
            assert len(service.get(draft_id).paragraphs) == 2

    asyncio.run(scenario())


def test_export_from_the_pane_shows_the_full_path_and_never_overwrites(sqlite_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One rule for every export (services/exports.py): the dialog shows the full path in the folder
    debateprep was started from (never the data folder, as it once was), and asks before replacing."""
    from textual.widgets import Input

    from debateprep.tui.screens.brief_dialogs import ConfirmScreen, PromptScreen

    async def scenario() -> None:
        data = tmp_path / "data"
        monkeypatch.setenv("DEBATEPREP_DATA_DIR", str(data))
        monkeypatch.chdir(tmp_path)
        draft_id = _seeded_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, PromptScreen)
            shown = app.screen.query_one(Input).value
            assert shown == str(tmp_path / f"prst-1-draft{draft_id}-zh.md")  # full path, nothing written yet
            assert not (tmp_path / f"prst-1-draft{draft_id}-zh.md").exists()
            await pilot.press("enter")
            await settle(pilot)
            clean, annotated = tmp_path / f"prst-1-draft{draft_id}-zh.md", tmp_path / f"prst-1-draft{draft_id}-zh-annotated.md"
            assert ZH_CHAPEAU in clean.read_text(encoding="utf-8") and annotated.exists()
            assert any(str(clean) in m and str(annotated) in m for m, _ in app.notices)
            assert app.focused is app.query_one("#prst-paragraphs")
            clean.write_text("kept", encoding="utf-8")
            await pilot.press("e")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen) and str(clean) in app.screen.question
            await pilot.press("enter")  # "No" has the focus
            await settle(pilot)
            assert clean.read_text(encoding="utf-8") == "kept"
        word = clean.with_suffix(".docx")
        assert word.read_bytes()[:2] == b"PK" and (tmp_path / f"prst-1-draft{draft_id}-zh-annotated.docx").exists()
        assert not data.exists() or not (data / "exports").exists()

    asyncio.run(scenario())


def test_agreed_language_sent_from_the_library(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from debateprep.services.library import LibraryService
    from debateprep.tui.messages import SendToPrst

    async def scenario() -> None:
        draft_id = _seeded_draft(sqlite_db)
        LibraryService(sqlite_db).import_paths([LIBRARY_SAMPLES / RES_2518_FILE])
        hit = LibraryService(sqlite_db).paragraph("S/RES/2518 (2020), OP 3", "zh")
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f4")  # the library's tab; the PRST draft's was never visited
            await settle(pilot)
            library = app.query_one("#pane-library")
            library.post_message(SendToPrst(hit.paragraph.text, hit.paragraph.citation, hit.id, "zh"))
            await settle(pilot)
            assert app.query_one("#tabs").active == "tab-prst"
            draft = PrstService(sqlite_db).get(draft_id)
            added = next(p for p in draft.paragraphs if p.provenance.kind == "library")
            assert added.provenance.citation == "S/RES/2518 (2020), OP 3" and added.provenance.source_id == hit.id
            assert added.text.startswith("安理会促请所有维和行动东道国迅速调查")
            await pilot.press("c")  # check: the copy is agreed
            await settle(pilot)
            table = app.query_one("#prst-paragraphs", DataTable)
            marks = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
            assert marks.count("agreed") >= 1 and "NEW" in marks
            row = [p.id for p in PrstService(sqlite_db).get(draft_id).paragraphs].index(added.id)
            table.move_cursor(row=row)
            await pilot.pause()
            assert "agreed language; closest S/RES/2518 (2020), OP 3 (100%)" in _static(app, "#prst-provenance")

    asyncio.run(scenario())


def test_saving_a_rewrite_refreshes_provenance_check_and_the_revisions_panel(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+S with other words: the provenance says edited by the drafter from the agreed language it
    came from, the mark and similarity are the new text's (as c would find them), and the revisions
    panel shows one changed paragraph, not a removal and an addition."""
    from debateprep.services.library import LibraryService

    async def scenario() -> None:
        LibraryService(sqlite_db).import_paths([LIBRARY_SAMPLES / RES_2594, LIBRARY_SAMPLES / RES_2518_FILE])
        service = PrstService(sqlite_db)
        debate_id = _debate(sqlite_db)
        sent = service.send_library(debate_id, "S/RES/2594 (2021), OP 2")
        draft_id = sent.draft.id
        assert draft_id is not None
        service.check(draft_id)
        service.revise(draft_id)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            assert "agreed language; closest S/RES/2594 (2021), OP 2" in _static(app, "#prst-provenance")
            invented = "安全理事会欢迎各会员国在月球上设立保护平民的联合培训中心。"
            app.query_one("#prst-editor", TextArea).load_text(invented)
            await pilot.press("ctrl+s")
            await settle(pilot)
            stored = service.get(draft_id).paragraphs[0]
            assert service.get(draft_id).texts() == [invented] and stored.status == "new"
            panel = _static(app, "#prst-provenance")
            assert "edited by the drafter from agreed language: S/RES/2594 (2021), OP 2" in panel
            assert "new language; closest" in panel and "agreed language;" not in panel
            row = app.query_one("#prst-paragraphs", DataTable).get_row_at(0)
            assert str(row[1]) == "NEW" and str(row[2]) == f"{stored.similarity:.0%}"
            diff = _static(app, "#prst-diff")
            assert diff.startswith("rev.1 -> current: 1 changed, 0 added, 0 removed, 0 moved"), diff
            assert "{+欢迎各会员国在月球上设立保护平民的联合培训中心+}" in diff

    asyncio.run(scenario())


def test_snapshot(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    draft_id = _seeded_draft(sqlite_db)
    service = PrstService(sqlite_db)
    service.revise(draft_id)
    second = service.get(draft_id).paragraphs[1]
    assert second.id is not None
    service.edit(draft_id, second.id, second.version, "安理会强调指出必须完善保护平民的国家战略。")
    app = tui_app(sqlite_db)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_pane(pilot)
        app.query_one("#prst-editor", TextArea).cursor_blink = False

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.tmux
def test_tmux_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The real program in a real terminal (tmux 120x40): the PRST tab shows the draft, Chinese included."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    from debateprep.storage.db import open_database

    db = open_database(f"sqlite:///{tmp_path / 'tmux.db'}")
    _seeded_draft(db)
    db.dispose()
    session = f"prst-{os.getpid()}"
    command = (f"env -u COLUMNS -u LINES DEBATEPREP_DATA_DIR={shlex.quote(str(tmp_path))} "
               f"{shlex.quote(sys.executable)} -m debateprep "
               f"--db {shlex.quote(str(tmp_path / 'tmux.db'))}")

    def screen() -> str:
        return subprocess.run(["tmux", "capture-pane", "-t", session, "-p"], capture_output=True, text=True).stdout

    def wait_for(text: str) -> str:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            shown = screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared:\n{screen()}")

    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], check=True)
    try:  # a tmux server started by someone else may impose its own default size
        subprocess.run(["tmux", "resize-window", "-t", session, "-x", "120", "-y", "40"], capture_output=True)
        wait_for("PRST draft")
        subprocess.run(["tmux", "send-keys", "-t", session, "F5"], check=True)
        shown = wait_for("代表安理会发")
        assert "PRST draft #1 · zh · 3 paragraphs" in shown
        assert "安全理事会回顾第2436(2018)号决议" in shown and "安理会强调指出必须在[日期]前" in shown
        assert "Provenance" in shown and "No revision yet" in shown
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def _en_draft(db) -> int:  # type: ignore[no-untyped-def]
    service = PrstService(db)
    draft = service.new_draft(_debate(db, "en"), "en")
    assert draft.id is not None
    service.add_text(draft.id, "Recalling its resolution 1894 (2009),")
    service.add_text(draft.id, "Requests the Secretary-General to brief the Council,")
    service.add_text(draft.id, "Stresses the need to protect civilians,")
    return draft.id


def test_enter_on_a_paragraph_gives_the_editor_the_keyboard(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Enter on paragraph 2: the typing goes into its text (o, e, r do not order, export or revise);
    the footer says how to save and how to leave; Ctrl+S saves it."""
    async def scenario() -> None:
        draft_id = _en_draft(sqlite_db)
        before = PrstService(sqlite_db).get(draft_id)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("down", "enter")
            await settle(pilot)
            editor = app.query_one("#prst-editor", TextArea)
            assert app.focused is editor
            assert editor.cursor_location == editor.document.end
            keys = {str(k.render()) for k in app.query("FooterKey")}
            assert any("^s" in k and "Save para" in k for k in keys), keys
            assert any("esc" in k and "Leave editor" in k for k in keys), keys
            await pilot.press("backspace", *" on their protection order here", "ctrl+s")
            await settle(pilot)
            after = PrstService(sqlite_db).get(draft_id)
            assert after.texts()[1] == before.texts()[1].rstrip(".") + " on their protection order here."
            assert [p.id for p in after.paragraphs] == [p.id for p in before.paragraphs]  # no o: not reordered
            assert after.revisions == [] and app.screen is app.screen_stack[0]  # no r, no export dialog
            assert app.focused is editor  # still writing
            await pilot.press("escape")
            assert app.focused is app.query_one("#prst-paragraphs", DataTable)

    asyncio.run(scenario())


def test_unsaved_editor_text_is_never_dropped_without_asking(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """`a` and Enter on another paragraph ask before they replace unsaved typing: keep it (the
    editor gets the keyboard back, the text untouched) or discard it."""
    async def scenario() -> None:
        from debateprep.tui.screens.brief_dialogs import ConfirmScreen

        draft_id = _en_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            await pilot.press("enter", *" and more", "escape")  # paragraph 1, typed in, not saved
            await settle(pilot)
            editor = app.query_one("#prst-editor", TextArea)
            typed = editor.text
            assert typed.endswith("and more")
            await pilot.press("down")  # the list moves on; the editor keeps the typing
            await settle(pilot)
            assert editor.text == typed
            await pilot.press("a")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")  # keep
            await settle(pilot)
            assert editor.text == typed and app.focused is editor
            await pilot.press("escape", "enter")  # Enter on paragraph 2
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("escape")  # keep
            await settle(pilot)
            assert editor.text == typed and app.focused is editor
            await pilot.press("ctrl+s")  # saves paragraph 1 (what the editor holds), not the highlighted one
            await settle(pilot)
            assert PrstService(sqlite_db).get(draft_id).texts()[0].endswith("and more.")
            await pilot.press("escape", "down", "enter", *"xyz", "escape", "up", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")  # discard: paragraph 1 in the editor
            await settle(pilot)
            assert app.focused is editor and pane.editing is not None
            assert editor.text == PrstService(sqlite_db).get(draft_id).texts()[0]
            await pilot.press("escape", "a")  # nothing unsaved: an empty editor at once
            await settle(pilot)
            assert not isinstance(app.screen, ConfirmScreen) and editor.text == "" and app.focused is editor
            assert "xyz" not in " ".join(PrstService(sqlite_db).get(draft_id).texts())

    asyncio.run(scenario())


def test_write_before_any_draft_starts_one_and_the_typing_goes_into_its_editor(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`a` with no draft starts one (as n: the debate's language) and gives the editor the keyboard
    at once: what is typed while the draft is being created is text, never the pane's keys (n, e, r, o,
    c, [ ...). Another writer holds the database while the first keys are typed (well within SQLite's
    busy timeout), so they surely come before the draft; the rest follow as it is being created."""
    ahead, rest = "Reaffirms [its", " commitment] once now"
    typed = ahead + rest

    async def scenario() -> None:
        debate_id = _debate(sqlite_db, "en")
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f5")
            await settle(pilot)
            pane = app.query_one(PrstPane)
            assert pane.draft is None and app.notices == []
            writer = sqlite3.connect(tmp_path / "ui.db", isolation_level=None)
            try:
                writer.execute("BEGIN IMMEDIATE")  # the draft waits (SQLite's busy timeout) for this writer
                await pilot.press("a", *ahead)
                editor = app.query_one("#prst-editor", TextArea)
                assert app.focused is editor
                assert editor.text == ahead
                assert PrstService(sqlite_db).drafts(debate_id) == []  # not created yet: typed ahead
            finally:
                writer.rollback()
                writer.close()
            await pilot.press(*rest)
            await settle(pilot)
            [draft] = PrstService(sqlite_db).drafts(debate_id)
            shown = app.query_one(PrstPane).draft
            assert draft.language == "en" and shown is not None and shown.id == draft.id
            assert app.focused is editor and editor.text == typed
            assert editor.cursor_location == editor.document.end
            assert [m for m, _severity in app.notices] == ["New PRST draft started."]  # no warning from a key
            assert app.screen is app.screen_stack[0]  # no dialog (e exports, n asks once there is a draft)
            assert draft.id is not None and PrstService(sqlite_db).get(draft.id).paragraphs == []
            await pilot.press("ctrl+n")  # the typed text becomes the draft's first paragraph
            await settle(pilot)
            assert PrstService(sqlite_db).get(draft.id).texts() == [
                "The Security Council reaffirms [its commitment] once now."]

    asyncio.run(scenario())


# The pane's keys that type a character: text in the editor, commands in the list.
PRST_LETTER_KEYS = {"n", "d", "a", "o", "c", "r", "x", "e", "left_square_bracket", "right_square_bracket"}


def test_the_footer_shows_only_the_editors_keys_while_it_has_the_keyboard(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """In the editor, letters are text: the footer drops the pane's letter keys (n, d, a, o, c, [ ...)
    and keeps what works there (Ctrl+S, Ctrl+N, Esc, the F keys once, the palette); Esc brings them back.
    The palette still runs a letter key's command from the editor."""
    async def scenario() -> None:
        from debateprep.tui.commands import palette_commands

        _en_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await settle(pilot)
            assert PRST_LETTER_KEYS == {b.key for b in Binding.make_bindings(PrstPane.BINDINGS) if "+" not in b.key}
            in_list = footer_keys(app)
            assert PRST_LETTER_KEYS <= set(in_list), in_list
            await pilot.press("enter")
            await settle(pilot)
            editor = app.query_one("#prst-editor", TextArea)
            assert app.focused is editor
            in_editor = footer_keys(app)
            assert PRST_LETTER_KEYS & set(in_editor) == set(), in_editor
            assert {"ctrl+s", "ctrl+n", "escape", "f1", "f5", "f7", "ctrl+p"} <= set(in_editor), in_editor
            assert "Save para" in in_editor["ctrl+s"] and "Leave editor" in in_editor["escape"]
            tabs = [f"f{n}" for n in range(1, 8)]
            keys = list(in_editor)  # the tab keys once, in order (the editor's own F6 and F7 split them)
            assert keys[keys.index("f1"):keys.index("f1") + 7] == tabs, keys
            assert [str(label.render()) for label in app.query("FooterLabel")] == ["Tabs"]
            assert not any(label in " ".join(in_editor.values()) for label in ("New draft", "Drafts", "Write", "Order"))
            check = next(c for c in palette_commands(app) if c.scope == "prst" and c.action == "check")
            await app.run_palette_command(check)
            await settle(pilot)
            assert "Checked against the library." in [m for m, _severity in app.notices]
            await pilot.press("escape")
            await settle(pilot)
            assert app.focused is app.query_one("#prst-paragraphs", DataTable)
            assert footer_keys(app) == in_list

    asyncio.run(scenario())


def test_a_reload_asked_for_meanwhile_never_cancels_a_change(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """A change to the draft, then at once a reload (another pane's change, a colleague's edit): the
    change is made and shown, and it is shown last (no reload's older answer over it)."""
    async def scenario() -> None:
        draft_id = _seeded_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            pane = await open_pane(pilot)
            for n in range(3):
                pane._work(lambda service, n=n: service.add_text(draft_id, f"强调指出第{n}段，"))  # type: ignore[misc]
                pane.reload()  # before the change's worker had its turn
            await settle(pilot)
            texts = [p.text for p in PrstService(sqlite_db).get(draft_id).paragraphs]
            assert sum("第" in t and "段" in t for t in texts) == 3, texts
            assert pane.draft is not None and len(pane.draft.paragraphs) == 6
            assert app.errors() == []

    asyncio.run(scenario())


def test_the_arrow_keys_go_between_a_confirmations_buttons(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """n with a draft asks first, "No" focused; ← goes to "Yes" (Enter then confirms), → back."""
    async def scenario() -> None:
        draft_id = _seeded_draft(sqlite_db)
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("n")
            await settle(pilot)
            assert app.focused is not None and app.focused.id == "confirm-no"
            await pilot.press("left")
            assert app.focused is not None and app.focused.id == "confirm-yes"
            await pilot.press("right")
            assert app.focused is not None and app.focused.id == "confirm-no"
            await pilot.press("left", "enter")
            await settle(pilot)
            drafts = PrstService(sqlite_db).drafts()
            assert len(drafts) == 2 and drafts[0].id == draft_id  # confirmed: a new draft, the first kept

    asyncio.run(scenario())


def test_the_status_counts_one_paragraph_in_the_singular(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        service = PrstService(sqlite_db)
        draft = service.new_draft(_debate(sqlite_db, "en"), "en")
        assert draft.id is not None
        service.add_text(draft.id, "Stresses the need to protect civilians,")
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            status = _static(app, "#prst-status")
            assert "· 1 paragraph ·" in status and "paragraphs" not in status

    asyncio.run(scenario())


def test_another_debate_without_a_draft_never_leaves_the_keyboard_in_a_hidden_editor(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Writing in F5's editor on a debate with a draft, then Ctrl+O to a debate without one and F5:
    the editor is hidden there, so the keyboard is on the pane (its keys work: `a` starts a draft
    whose editor is empty, and only what is typed after `a` goes into it)."""
    async def scenario() -> None:
        other = DebateService(sqlite_db).create("Children and armed conflict", meeting_number=7000,
                                                 meeting_date=date(2014, 3, 7), language="en")
        _seeded_draft(sqlite_db)  # the most recent debate: the app opens on it
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await open_pane(pilot)
            await pilot.press("enter")  # the first paragraph into the editor
            await settle(pilot)
            assert app.focused is not None and app.focused.id == "prst-editor"
            await pilot.press("z", "z")  # unsaved, for that draft
            await pilot.press("ctrl+o")
            await settle(pilot)
            await pilot.press("down", "enter")
            await settle(pilot)
            assert app.debate_id == other.id
            await pilot.press("f5")
            await settle(pilot)
            editor = app.query_one("#prst-editor", TextArea)
            assert app.focused is not editor  # hidden: no draft on this debate
            await pilot.press("a")
            await settle(pilot)
            for key in "Notes":
                await pilot.press(key)
            await settle(pilot)
            assert editor.text == "Notes"
            assert len(PrstService(sqlite_db).drafts(other.id)) == 1

    asyncio.run(scenario())
