"""The whole job in the terminal UI without a wrong turn (issue 13), driven with Pilot on the demo
debate: nothing a key does damages or hides data, and the keyboard always has somewhere to be."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, Input, OptionList, TextArea

from debateprep.services.facade import Services
from debateprep.tui.screens.brief_dialogs import ConfirmScreen
from debateprep.tui.screens.prst import PrstPane
from debateprep.tui.screens.prst_dialogs import DraftPickerScreen
from tests.support.pilot import SIZE, settle, tui_app
from tests.support.workflow import seed_demo


def test_n_with_a_draft_asks_first_and_d_chooses_between_drafts(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    services = Services(sqlite_db)
    debate_id = seed_demo(services)
    [first] = services.prst.drafts(debate_id)

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f5")
            await settle(pilot)
            pane = app.query_one(PrstPane)
            assert pane.draft is not None and pane.draft.id == first.id
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)  # never a silent new, empty draft
            assert f"already has PRST draft #{first.id} (2 paragraphs)" in app.screen.question
            await pilot.press("enter")  # "Keep #1" has the focus: Enter destroys nothing
            await settle(pilot)
            assert len(services.prst.drafts(debate_id)) == 1 and pane.draft.id == first.id
            await pilot.press("n")
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            drafts = services.prst.drafts(debate_id)
            assert len(drafts) == 2 and pane.draft.id == drafts[-1].id and not pane.draft.paragraphs
            assert f"PRST draft #{drafts[-1].id} (of 2 drafts: d to choose)" in str(
                app.query_one("#prst-status").render())
            await pilot.press("d")
            await settle(pilot)
            assert isinstance(app.screen, DraftPickerScreen)
            options = app.screen.query_one(OptionList)
            assert options.option_count == 2 and options.highlighted == 1  # the draft shown now
            assert "2 paragraphs" in str(options.get_option_at_index(0).prompt)
            await pilot.press("up", "enter")
            await settle(pilot)
            assert pane.draft is not None and pane.draft.id == first.id and len(pane.draft.paragraphs) == 2
            assert app.focused is app.query_one("#prst-paragraphs")
            await pilot.press("f6")
            await settle(pilot)
            brief = app.query_one("BriefPane").built  # type: ignore[attr-defined]
            assert brief is not None and f"主席声明草案第{first.id}号" in brief.markdown  # says which draft
            assert f"本辩论另有草案：\\#{drafts[-1].id}" in brief.markdown

    asyncio.run(run())


def test_a_shared_proposal_sent_without_a_draft_starts_one_and_is_never_added_twice(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    services = Services(sqlite_db)
    debate_id = seed_demo(services, draft=False)

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f3", "v")
            await settle(pilot)
            assert app.focused is app.query_one("#st-groups")
            await pilot.press("p")
            await settle(pilot)
            [draft] = services.prst.drafts(debate_id)
            assert len(draft.paragraphs) == 1 and draft.paragraphs[0].provenance.kind == "group"
            assert any("added as paragraph 1 of PRST draft" in m and "started for it" in m for m, _ in app.notices)
            assert app.query_one(PrstPane).draft is not None and app.focused is app.query_one("#prst-paragraphs")
            await pilot.press("f3")
            await settle(pilot)
            assert app.focused is app.query_one("#st-groups")  # where the keyboard was
            await pilot.press("p")
            await settle(pilot)
            [draft] = services.prst.drafts(debate_id)
            assert len(draft.paragraphs) == 1
            assert any("already in PRST draft" in m and "not added again" in m for m in app.errors())

    asyncio.run(run())


def test_the_editor_text_stays_with_its_draft(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Text typed in F5's editor for one debate's draft never lands in another debate's draft."""
    services = Services(sqlite_db)
    seed_demo(services)
    english = services.debates.list()[0]
    assert english.id is not None and english.language == "en"

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f5")
            await settle(pilot)
            editor = app.query_one("#prst-editor", TextArea)
            editor.focus()
            editor.load_text("强调指出必须在[日期]前完善保护平民的国家战略，")
            await pilot.press("escape")  # Escape leaves the editor: the pane's keys work again
            assert app.focused is app.query_one("#prst-paragraphs")
            app.set_debate(english.id, english.label())
            await settle(pilot)
            assert editor.text == ""
            app.query_one(PrstPane).focus()
            await pilot.press("n")  # the English debate has no draft yet: one is started at once
            await settle(pilot)
            await pilot.press("ctrl+n")
            await settle(pilot)
            [draft] = services.prst.drafts(english.id)
            assert draft.paragraphs == []  # nothing carried over
            assert any("a paragraph needs some text" in m for m in app.errors())

    asyncio.run(run())


def test_slash_goes_to_the_search_and_f4_keeps_the_results_focused(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    services = Services(sqlite_db)
    seed_demo(services)

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            search = app.query_one("#lib-query", Input)
            assert app.focused is search  # nothing found yet: the search box
            await pilot.press("slash")
            assert search.value == ""  # "/" goes to the search, it is not typed into it
            await pilot.press(*"保护平民", "enter")
            await settle(pilot, delay=0.3)
            table = app.query_one("#lib-table", DataTable)
            assert table.row_count and app.focused is table
            await pilot.press("f1", "f4")
            await settle(pilot)
            assert app.focused is table  # coming back: the results, so p works at once
            await pilot.press("slash")
            assert app.focused is search and search.value == "保护平民"
            await pilot.press("escape")
            assert app.focused is table
            await pilot.press("slash", "end", *"/")  # inside a search, "/" is a character ("S/RES")
            assert search.value == "保护平民/"

    asyncio.run(run())


def test_after_an_import_the_statements_list_has_the_keyboard_and_c_gives_it_to_the_heatmap(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from tests.support.workflow import DEMO_STATEMENTS

    services = Services(sqlite_db)
    services.load_sample()

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f3")
            await settle(pilot)
            assert app.focused is app.query_one("StatementsPane")  # empty: the pane, so i works
            await pilot.press("i")
            await settle(pilot)
            app.screen.query_one("#import-paths", Input).value = "; ".join(
                str(p) for p in sorted(DEMO_STATEMENTS.glob("*.txt")))
            await pilot.press("enter")
            await settle(pilot)
            table = app.query_one("#st-table", DataTable)
            assert table.row_count == 3 and app.focused is table
            await pilot.press("c")
            await settle(pilot)
            assert app.focused is app.query_one("#st-heatmap")
            await pilot.press("down", "right", "w")
            await settle(pilot)
            assert app.focused is app.query_one("#st-heatmap")

    asyncio.run(run())


def test_a_key_typed_ahead_finds_the_keyboard_where_the_tab_key_put_it(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """F3 then i, both already queued (a fast typist, a busy machine): i reaches the pane F3 showed."""
    from textual import events

    from debateprep.tui.screens.import_dialog import ImportPathsScreen

    services = Services(sqlite_db)
    services.load_sample()

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            app.post_message(events.Key("f3", None))
            app.post_message(events.Key("i", "i"))
            await settle(pilot)
            assert isinstance(app.screen, ImportPathsScreen)

    asyncio.run(run())


def test_a_key_typed_after_a_tab_key_in_a_text_field_goes_to_the_new_tab(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """From the library's search box, F5 then r (both queued): r revises the draft, it is not typed.
    (The panes are ready, as they are once the app has mounted them in the background.)"""
    from textual import events

    from debateprep.tui.app import TABS
    from tests.support.pilot import RecordingApp

    class Premounting(RecordingApp):
        PREMOUNT = True

    services = Services(sqlite_db)
    debate_id = seed_demo(services)

    async def run() -> None:
        app = Premounting(services, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            for _ in range(400):
                if len(app.panes()) == len(TABS) and all(w.is_finished for w in app.workers):
                    break
                await pilot.pause(0.05)
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            search = app.query_one("#lib-query", Input)
            assert app.focused is search
            app.post_message(events.Key("f5", None))
            app.post_message(events.Key("r", "r"))
            await settle(pilot)
            assert search.value == ""
            [draft] = services.prst.drafts(debate_id)
            assert [r.label for r in draft.revisions] == ["rev.1"]

    asyncio.run(run())


def test_a_tab_key_over_a_dialog_leaves_the_dialog_its_keyboard(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """F3 in the import dialog's path field: the dialog keeps the keyboard and the tab behind it stays
    (a tab switched behind a dialog took the dialog's focus, and a key typed next was lost)."""
    from textual.widgets import TabbedContent

    from debateprep.tui.screens.concept_note_dialogs import ImportNoteScreen

    services = Services(sqlite_db)
    seed_demo(services)

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f1", "i")
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, ImportNoteScreen)
            field = app.focused
            assert isinstance(field, Input)
            await pilot.press("f3")
            await settle(pilot)
            assert app.screen is dialog and app.focused is field
            assert app.query_one(TabbedContent).active == "tab-notes"
            await pilot.press("x")
            assert field.value.endswith("x")  # the next key is typed where it was

    asyncio.run(run())
