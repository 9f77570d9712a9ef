"""The main screens at the smallest size debateprep is laid out for (80x24) and the largest
(200x60), on the demo debate half-way through the job: every tab label fits, and nothing vital is
cut off (what does not fit wraps or scrolls)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from debateprep.services.facade import Services
from debateprep.tui.app import TABS
from tests.support.pilot import settle, tui_app
from tests.support.workflow import seed_demo

SIZES = {"80x24": (80, 24), "200x60": (200, 60)}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("tab", [tab_id for tab_id, *_ in TABS])
def test_main_screens(sqlite_db, snap_compare, tab: str, size: str) -> None:  # type: ignore[no-untyped-def]
    seed_demo(Services(sqlite_db))
    app = tui_app(sqlite_db)
    key = next(k for tab_id, _label, _path, k in TABS if tab_id == tab)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        for editor in pilot.app.query("TextArea, Input"):
            editor.cursor_blink = False  # type: ignore[attr-defined]  # a blinking cursor: a snapshot by chance
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
