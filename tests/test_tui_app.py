"""The app shell, driven with Pilot: first run, tabs and F-keys, the debate picker, the palette,
change notices between panes."""

from __future__ import annotations

import asyncio

from textual.binding import Binding
from textual.command import CommandPalette
from textual.widgets import DataTable, Footer, Input, OptionList, TabbedContent

from debateprep.services.debates import DebateService
from debateprep.services.facade import Services
from debateprep.services.topics import CHANGES, OWN_CHANGES, Topic
from debateprep.tui.app import TABS, DebatePrepApp, pane_class
from debateprep.tui.commands import APP_SCOPE, palette_commands
from debateprep.tui.screens.brief import BriefPane
from debateprep.tui.screens.brief_dialogs import PromptScreen
from debateprep.tui.screens.debate_picker import DebatePickerScreen
from debateprep.tui.screens.first_run import FirstRunScreen
from tests.support.pilot import SIZE, settle, tui_app


def test_first_run_offers_the_sample_and_escape_starts_empty(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        app = tui_app(sqlite_db, offer_sample=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, FirstRunScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, FirstRunScreen)
            assert app.sub_title == "no debate yet" and app.debate_id is None
            assert DebateService(sqlite_db).list() == []

    asyncio.run(run())


def test_first_run_sample_works_end_to_end(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        app = tui_app(sqlite_db, offer_sample=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, FirstRunScreen)
            await pilot.press("enter")  # "Load sample debate" has the focus
            await settle(pilot)
            titles = [d.title for d in DebateService(sqlite_db).list()]
            assert titles[-1] == "武装冲突保护平民" and len(titles) == 2
            assert app.debate_id == 2 and "武装冲突保护平民" in app.sub_title and "7109th meeting" in app.sub_title
            loaded = [m for m, _severity in app.notices if "13 guiding questions" in m]
            assert loaded and "15 Council members added" in loaded[0]
            await pilot.press("f6")
            await settle(pilot)
            built = app.query_one(BriefPane).built
            assert built is not None and built.debate.id == 2
            assert "19 speakers" in built.summary and "S/PV.7109" in built.markdown

    asyncio.run(run())


def test_function_keys_switch_tabs_and_footer_groups_them(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            tabs = app.query_one(TabbedContent)
            for tab_id, _label, _cls, key in [*reversed(TABS), *TABS]:
                await pilot.press(key)
                await settle(pilot)
                assert tabs.active == f"tab-{tab_id}"
            labels = [str(label.render()) for label in app.query_one(Footer).query("FooterLabel")]
            assert "Tabs" in labels

    asyncio.run(run())


def test_debate_picker_switches_the_current_debate(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debates = DebateService(sqlite_db)
    first = debates.create("Protection of civilians in armed conflict", meeting_number=7109)
    second = debates.create("Upholding the Charter", meeting_number=8699)

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.debate_id == second.id and "Upholding the Charter" in app.sub_title
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert isinstance(app.screen, DebatePickerScreen)
            options = app.screen.query_one(OptionList)
            assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
                second.label(), first.label()]
            assert options.highlighted == 0 and app.focused is options  # the current debate, Enter keeps it
            await pilot.press("down", "enter")
            await settle(pilot)
            assert app.debate_id == first.id and app.sub_title == first.label()
            await pilot.press("f6")  # a pane mounted after the choice shows the chosen debate
            await settle(pilot)
            assert app.query_one(BriefPane).debate_id == first.id
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert app.screen.query_one(OptionList).highlighted == 1  # the current one, wherever it is
            await pilot.press("escape")
            await pilot.pause()
            assert app.debate_id == first.id

    asyncio.run(run())


def _bound_actions(bindings: list[Binding | tuple[str, str] | tuple[str, str, str]]) -> set[str]:
    return {binding.action for binding in Binding.make_bindings(bindings)}


def test_the_palette_lists_every_binding_of_the_app_and_of_every_pane(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """An action with a key is always in the palette (titles from the bindings' own words)."""
    DebateService(sqlite_db).create("Protection of civilians", language="en")

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            bound = {(APP_SCOPE, action) for action in _bound_actions(DebatePrepApp.BINDINGS)}
            for tab_id, _label, path, _key in TABS:
                bound |= {(tab_id, action) for action in _bound_actions(pane_class(path).BINDINGS)}
            commands = palette_commands(app)
            assert {(c.scope, c.action) for c in commands} == bound
            assert len(commands) == len(bound) and len({c.title for c in commands}) == len(commands)
            for expected in ("Speakers: withdraw or reinstate the entry", "Speakers: pin the entry where it stands",
                             "Speakers: hand the entry back to the rules",
                             "Speakers: start the timer for the next speaker, or pause it",
                             "Speakers: finish the current speaker", "Speakers: time the highlighted speaker (out of turn)",
                             "Speakers: inscribe the fifteen Council members of the debate's year",
                             "Concept note: edit the highlighted question",
                             "Concept note: restore the note's original wording", "Statements: say whose statement "
                             "the highlighted one is", "PRST: save the edited paragraph", "Go to Brief"):
                assert expected in {c.title for c in commands}, expected

            await pilot.press("ctrl+p")  # what the palette itself shows
            await settle(pilot)
            assert isinstance(app.screen, CommandPalette)
            shown = app.screen.query_one(OptionList)
            prompts = {str(shown.get_option_at_index(i).prompt).split("\n")[0] for i in range(shown.option_count)}
            assert {c.title for c in commands} <= prompts
            await pilot.press("escape")

    asyncio.run(run())


def test_a_palette_command_runs_its_action_on_its_pane(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    DebateService(sqlite_db).create("Protection of civilians", language="en")

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Load sample debate" in titles
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*"Brief: export markdown")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert app.query_one(TabbedContent).active == "tab-brief"
            assert isinstance(app.screen, PromptScreen)
            await pilot.press("escape")
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"Speakers: schedule")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert app.query_one(TabbedContent).active == "tab-speakers"
            assert app.query_one("#sp-switcher").current == "sp-schedule"  # type: ignore[attr-defined]

    asyncio.run(run())


def test_keys_that_work_are_shown(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Every binding is in the footer, except the refreshes (each pane reloads itself after a change;
    `r` is for a colleague's change on a shared database, and it is in the palette)."""
    hidden = {(tab_id, b.action) for tab_id, _label, path, _key in TABS
              for b in Binding.make_bindings(pane_class(path).BINDINGS) if not b.show}
    assert hidden == {("speakers", "refresh"), ("brief", "refresh_brief")}

    async def run() -> None:
        app = tui_app(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            assert "b briefers" in str(app.query_one("#sp-keys").render())

    asyncio.run(run())


def test_every_topic_reaches_a_pane_that_shows_it() -> None:
    """Each change a service offers announces topics; each of them is shown by some pane."""
    listened = {topic for _tab, _label, path, _key in TABS for topic in pane_class(path).TOPICS}
    for service, methods in CHANGES.items():
        for method, topics in methods.items():
            assert topics & listened, f"{service}.{method} announces {set(topics)}: no pane shows them"
    for method, topics in OWN_CHANGES.items():
        assert topics & listened, method
    assert listened == set(Topic)


STATEMENT = """Statement by Norway

Mr. President, Norway thanks Ireland for convening this debate.
Transition planning must start early and keep the protection of civilians at its centre.
We call on the Council to ask missions to hand over early-warning networks to host States with funding.
"""


def test_a_question_edit_recomputes_coverage_and_the_brief(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Edit a guiding question on F1: the statements pane's coverage (left showing on F3) and the
    brief (F6) are computed again with the new wording, without a refresh and without taking the
    focus away from F1."""
    from tests.conftest import SAMPLES

    services = Services(sqlite_db)
    imported = services.notes.import_file(SAMPLES / "concept-note_sample_transitions.en.txt")
    assert imported.debate_id is not None
    (tmp_path / "norway.txt").write_text(STATEMENT, encoding="utf-8")
    services.statements.import_files(imported.debate_id, [tmp_path / "norway.txt"], delegation="Norway")
    new_wording = "How should host States fund early-warning networks after a mission leaves?"

    async def run() -> None:
        app = tui_app(services)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f3", "c")
            await settle(pilot)
            assert "Q1" in str(app.query_one("#st-questions").render())
            assert new_wording not in str(app.query_one("#st-questions").render())
            await pilot.press("f6")
            await settle(pilot)
            brief = app.query_one(BriefPane)
            assert brief.built is not None and new_wording not in brief.built.markdown

            await pilot.press("f1")
            await settle(pilot)
            app.query_one("#cn-questions", DataTable).focus()
            await pilot.press("e")
            await settle(pilot)
            app.screen.query_one("#question-text", Input).value = new_wording
            await pilot.press("enter")
            await settle(pilot)

            assert new_wording in str(app.query_one("#st-questions").render())  # recomputed while hidden
            assert app.query_one(TabbedContent).active == "tab-notes"
            await pilot.press("f6")
            await settle(pilot)
            assert brief.built is not None and new_wording in brief.built.markdown

    asyncio.run(run())


def test_a_failing_background_job_is_a_notification(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.engine.begin() as conn:  # a damaged database: the speakers table is gone
        conn.exec_driver_sql("DROP TABLE speaker_entries")

    async def run() -> None:
        app = tui_app(sqlite_db, offer_sample=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("enter")  # load the sample
            await settle(pilot)
            errors = app.errors()
            assert errors and all("Traceback" not in m for m in errors)
            assert any("speaker_entries" in m for m in errors)
            assert app.is_running

    asyncio.run(run())


def test_unreachable_database_is_shown_in_the_app_without_the_password() -> None:
    services = Services.for_url("postgresql+psycopg://me:hunter2@127.0.0.1:1/nodb")

    async def run() -> None:
        app = tui_app(services, offer_sample=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.sub_title == "database unavailable"
            errors = app.errors()
            assert len(errors) == 1 and "me:***@127.0.0.1:1/nodb" in errors[0] and "hunter2" not in errors[0]
            shown = str(app.query_one(".pane-loading").render())
            assert shown.startswith("The database could not be opened: database postgresql+psycopg://me:***@")
            assert not isinstance(app.screen, FirstRunScreen) and app.is_running

    asyncio.run(run())


FIRST_FRAME = """
import sys
from debateprep.services.facade import Services
from debateprep.tui.app import DebatePrepApp, stylesheet_path

class FirstFrame(DebatePrepApp):
    CSS_PATH = str(stylesheet_path())

    def on_mount(self):  # runs before the app's own on_mount, which opens the database
        self.call_after_refresh(self.report)

    def report(self):
        heavy = [m for m in ("sqlalchemy", "sqlmodel", "alembic", "debateprep.storage.db") if m in sys.modules]
        print("loaded at first frame:", ",".join(heavy) or "none", flush=True)
        self.exit()

FirstFrame(Services.for_url(sys.argv[1]), offer_sample=False).run(headless=True, size=(120, 40))
"""


def test_first_frame_comes_before_the_database_is_even_imported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What keeps start-up close to a bare Textual app's (benchmarks/bench_startup.py measures it)."""
    import subprocess
    import sys

    script = tmp_path / "first_frame.py"
    script.write_text(FIRST_FRAME, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), f"sqlite:///{tmp_path / 'x.db'}"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "loaded at first frame: none"
    assert not (tmp_path / "x.db").exists()  # nothing was opened, let alone created


def test_the_other_panes_are_made_ready_in_the_background(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """The pane on screen first; once it shows the debate, every other pane is mounted one by one
    without taking the focus, and the brief is built and rendered at the width it will be shown at:
    a tab's first visit then finds its content on screen."""
    from debateprep.tui.widgets.markdown_preview import MarkdownPreview
    from tests.support.pilot import RecordingApp

    class Premounting(RecordingApp):
        PREMOUNT = True

    Services(sqlite_db).load_sample()

    async def run() -> None:
        app = Premounting(Services(sqlite_db), offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            for _ in range(400):
                if len(app.panes()) == len(TABS) and all(w.is_finished for w in app.workers):
                    break
                await pilot.pause(0.05)
            await settle(pilot)
            assert list(app.panes_by_tab()) == [tab_id for tab_id, *_ in TABS]
            assert app.query_one(TabbedContent).active == "tab-notes"
            assert app.focused is not None and app.panes_by_tab()["notes"] in app.focused.ancestors
            brief, preview = app.query_one(BriefPane), app.query_one(MarkdownPreview)
            assert brief.built is not None and brief.built.debate.id == app.debate_id
            rendered_at = preview._rendered_width
            assert preview.line_count > 0 and rendered_at > 40
            await pilot.press("f6")
            await pilot.pause()
            assert preview._target_width() == rendered_at  # shown as rendered: nothing to redo
            assert not [w for w in app.workers if not w.is_finished]
            assert app.errors() == []

    asyncio.run(run())


def test_the_footer_is_rebuilt_only_when_its_keys_change(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from tests.support.pilot import RecordingApp
    from debateprep.tui.widgets.footer import AppFooter

    Services(sqlite_db).load_sample()
    rebuilt: list[str] = []

    class Counting(AppFooter):
        async def recompose(self) -> None:
            rebuilt.append(str(self.screen.focused))
            await super().recompose()

    class App(RecordingApp):
        def compose(self):  # type: ignore[no-untyped-def]
            for widget in super().compose():
                yield Counting() if isinstance(widget, AppFooter) else widget

    async def run() -> None:
        app = App(Services(sqlite_db), offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            # held from the first frame until the concept note showed the debate: its keys once
            assert len(rebuilt) == 2
            keys = {str(k.render()) for k in app.query("FooterKey")}
            assert any("Import" in k for k in keys)
            rebuilt.clear()
            table = app.query_one("#cn-questions", DataTable)
            app.query_one("#cn-sections").focus()  # another widget of the pane: the same keys
            await settle(pilot)
            table.focus()
            await settle(pilot)
            assert rebuilt == []
            await pilot.press("f2")  # another pane: its keys
            await settle(pilot)
            assert len(rebuilt) == 1

    asyncio.run(run())


def test_declining_the_first_run_offer_leaves_the_keyboard_on_the_pane(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """The offer comes up before the first pane can take the keyboard; once it is declined (Escape)
    the pane has it, so its keys (i: import a note) work at once."""
    from debateprep.tui.screens.concept_note import ConceptNotePane
    from debateprep.tui.screens.first_run import FirstRunScreen

    async def run() -> None:
        app = tui_app(sqlite_db, offer_sample=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, FirstRunScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert app.focused is app.query_one(ConceptNotePane)
            assert any(key == "i" for key in app.screen.active_bindings)

    asyncio.run(run())
