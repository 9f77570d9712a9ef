"""The terminal UI shows what another process changed: a command run meanwhile, a colleague on the
same database (SQLite file and PostgreSQL). Choosing the same debate again (Ctrl+O) reads everything again."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, OptionList, Static

from debateprep.services.facade import Services
from debateprep.tui.screens.debate_picker import DebatePickerScreen
from tests.conftest import run_cli
from tests.support.pilot import SIZE, RecordingApp, settle, tui_app

FIRST = ["Argentina", "Australia", "Austria", "Bangladesh", "Belgium", "Canada", "Chile", "Colombia", "Cuba",
         "Denmark"]
MORE = ["Egypt", "Estonia", "Finland", "Germany", "India"]


def _seed(url: str) -> int:
    services = Services.for_url(url)
    try:
        debate = services.debates.create("Upholding the Charter", language="en")
        assert debate.id is not None
        for name in FIRST:
            services.speakers.add(debate.id, name)
        return debate.id
    finally:
        services.close()


def _status(app: RecordingApp) -> str:
    return str(app.query_one("#sp-status", Static).render())


def _current_name(app: RecordingApp) -> str:
    table = app.query_one("#sp-table", DataTable)
    return str(table.get_row_at(table.cursor_row)[1])


async def _wait_for(pilot, condition, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.1)):
        if condition():
            return
        await pilot.pause(0.1)
    await settle(pilot)


def test_speakers_added_by_a_command_appear_in_the_open_app(db_url: str) -> None:
    debate_id = _seed(db_url)

    async def scenario() -> None:
        app = tui_app(Services.for_url(db_url))
        app.WATCH_EVERY = 0.2
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            app.query_one("#sp-table", DataTable).focus()
            await pilot.press("down", "down", "down")
            assert "10 on the list" in _status(app) and _current_name(app) == "Bangladesh"
            for name in MORE:  # as the README's user did, from a shell beside the app
                assert run_cli(["speakers", "add", str(debate_id), name], db_url).exit_code == 0
            await _wait_for(pilot, lambda: "15 on the list" in _status(app))
            assert "15 on the list" in _status(app)
            assert _current_name(app) == "Bangladesh"  # the cursor stays on its entry
            app.services.close()

    asyncio.run(scenario())


def test_choosing_the_same_debate_again_reloads_every_pane(db_url: str) -> None:
    debate_id = _seed(db_url)
    other = Services.for_url(db_url)

    async def scenario() -> None:
        app = tui_app(Services.for_url(db_url))
        app.WATCH_EVERY = 10**6  # (no look for changes: only the choice reloads)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            assert "10 on the list" in _status(app)
            for name in MORE:
                other.speakers.add(debate_id, name)
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert isinstance(app.screen, DebatePickerScreen)
            assert app.screen.query_one(OptionList).highlighted == 0
            await pilot.press("enter")
            await settle(pilot)
            assert "15 on the list" in _status(app)
            app.services.close()

    try:
        asyncio.run(scenario())
    finally:
        other.close()
