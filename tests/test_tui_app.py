"""The app shell, driven with Pilot: first run, tabs and F-keys, the debate picker, the palette."""

from __future__ import annotations

import asyncio

from textual.command import CommandPalette
from textual.widgets import Footer, OptionList, TabbedContent
from textual.widgets._footer import FooterLabel

from debateprep.services.debates import DebateService
from debateprep.tui.app import TABS, DebatePrepApp
from debateprep.tui.screens.brief import BriefPane
from debateprep.tui.screens.brief_dialogs import PromptScreen
from debateprep.tui.screens.debate_picker import DebatePickerScreen
from debateprep.tui.screens.first_run import FirstRunScreen
from tests.test_tui_brief import SIZE, _notifications, settle


def test_first_run_offers_the_sample_and_escape_starts_empty(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        app = DebatePrepApp(sqlite_db)
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
        app = DebatePrepApp(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, FirstRunScreen)
            await pilot.press("enter")  # "Load sample debate" has the focus
            await settle(pilot)
            titles = [d.title for d in DebateService(sqlite_db).list()]
            assert titles[-1] == "武装冲突保护平民" and len(titles) == 2
            assert app.debate_id == 2 and "武装冲突保护平民" in app.sub_title and "7109th meeting" in app.sub_title
            loaded = [m for m, severity in _notifications(app) if "13 guiding questions" in m]
            assert loaded and "15 Council members added" in loaded[0]
            await pilot.press("f6")
            await settle(pilot)
            built = app.query_one(BriefPane).built
            assert built is not None and built.debate.id == 2
            assert "19 speakers" in built.summary and "S/PV.7109" in built.markdown

    asyncio.run(run())


def test_function_keys_switch_tabs_and_footer_groups_them(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        app = DebatePrepApp(sqlite_db, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            tabs = app.query_one(TabbedContent)
            for tab_id, _label, _cls, key in [*reversed(TABS), *TABS]:
                await pilot.press(key)
                await settle(pilot)
                assert tabs.active == f"tab-{tab_id}"
            labels = [str(label.render()) for label in app.query_one(Footer).query(FooterLabel)]
            assert "Tabs" in labels

    asyncio.run(run())


def test_debate_picker_switches_the_current_debate(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    debates = DebateService(sqlite_db)
    first = debates.create("Protection of civilians in armed conflict", meeting_number=7109)
    second = debates.create("Upholding the Charter", meeting_number=8699)

    async def run() -> None:
        app = DebatePrepApp(sqlite_db, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.debate_id == second.id and "Upholding the Charter" in app.sub_title
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert isinstance(app.screen, DebatePickerScreen)
            options = app.screen.query_one(OptionList)
            assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
                second.label(), first.label()]
            await pilot.press("down", "down", "enter")
            await settle(pilot)
            assert app.debate_id == first.id and app.sub_title == first.label()
            assert app.query_one(BriefPane).debate_id == first.id
            await pilot.press("ctrl+o")
            await settle(pilot)
            await pilot.press("escape")
            await pilot.pause()
            assert app.debate_id == first.id

    asyncio.run(run())


def test_palette_reaches_tabs_and_pane_actions(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    DebateService(sqlite_db).create("Protection of civilians", language="en")

    async def run() -> None:
        app = DebatePrepApp(sqlite_db, offer_sample=False)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            for expected in ("Go to Brief 简报", "Choose debate", "Load sample debate", "Brief: export markdown …",
                             "Brief: switch language 中文/English", "Brief: set our delegation …"):
                assert expected in titles
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*"Brief: export markdown")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert app.query_one(TabbedContent).active == "tab-brief"
            assert isinstance(app.screen, PromptScreen)

    asyncio.run(run())


def test_a_failing_background_job_is_a_notification(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.engine.begin() as conn:  # a damaged database: the speakers table is gone
        conn.exec_driver_sql("DROP TABLE speaker_entries")

    async def run() -> None:
        app = DebatePrepApp(sqlite_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("enter")  # load the sample
            await settle(pilot)
            errors = [m for m, severity in _notifications(app) if severity == "error"]
            assert errors and all("Traceback" not in m for m in errors)
            assert any("speaker_entries" in m for m in errors)
            assert app.is_running

    asyncio.run(run())


def test_unreachable_database_is_shown_in_the_app_without_the_password() -> None:
    from debateprep.storage.lazy import LazyDatabase

    db = LazyDatabase("postgresql+psycopg://me:hunter2@127.0.0.1:1/nodb")

    async def run() -> None:
        app = DebatePrepApp(db)  # type: ignore[arg-type]
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.sub_title == "database unavailable"
            errors = [m for m, severity in _notifications(app) if severity == "error"]
            assert len(errors) == 1 and "me:***@127.0.0.1:1/nodb" in errors[0] and "hunter2" not in errors[0]
            shown = str(app.query_one(".pane-loading").render())
            assert shown.startswith("The database could not be opened: database postgresql+psycopg://me:***@")
            assert not isinstance(app.screen, FirstRunScreen) and app.is_running

    asyncio.run(run())


FIRST_FRAME = """
import sys
from debateprep.storage.lazy import LazyDatabase
from debateprep.tui.app import DebatePrepApp, stylesheet_path

class FirstFrame(DebatePrepApp):
    CSS_PATH = str(stylesheet_path())

    def on_mount(self):  # runs before the app's own on_mount, which opens the database

        self.call_after_refresh(self.report)
    def report(self):
        heavy = [m for m in ("sqlalchemy", "sqlmodel", "alembic", "debateprep.storage.db") if m in sys.modules]
        print("loaded at first frame:", ",".join(heavy) or "none", flush=True)
        self.exit()

FirstFrame(LazyDatabase(sys.argv[1]), offer_sample=False).run(headless=True, size=(120, 40))
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
