"""Snapshots of the shell and the brief, in Chinese and English (fixed size, nothing blinking).

Each capability's own pane has its snapshot in its own test file; these are the shell's screens.
"""

from __future__ import annotations

from textual.pilot import Pilot

from debateprep.services.debates import DebateService
from debateprep.services.sample import load_sample
from tests.support.pilot import SIZE, settle, tui_app


async def _brief(pilot: Pilot, *keys: str) -> None:  # type: ignore[type-arg]
    await settle(pilot)
    await pilot.press("f6", *keys)
    await settle(pilot)


def test_first_run_offer(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = tui_app(sqlite_db, offer_sample=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_debate_picker(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    debates = DebateService(sqlite_db)
    debates.create("Protection of civilians in armed conflict", meeting_number=7109)
    debates.create("武装冲突中保护平民", meeting_number=7109, language="zh")
    app = tui_app(sqlite_db)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_brief_chinese(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    load_sample(sqlite_db)
    app = tui_app(sqlite_db)
    assert snap_compare(app, terminal_size=SIZE, run_before=_brief)


def test_brief_english_speakers_section(sqlite_db, snap_compare) -> None:  # type: ignore[no-untyped-def]
    load_sample(sqlite_db)
    debates = DebateService(sqlite_db)
    seed = debates.latest()
    assert seed is not None
    debates.update(seed, our_delegation="China")
    app = tui_app(sqlite_db)

    async def run_before(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await _brief(pilot, "l")
        preview = pilot.app.query_one("#brief-rendered")
        lines = preview.plain_lines()  # type: ignore[attr-defined]
        top = next(i for i, line in enumerate(lines) if line.strip() == "Speakers list and schedule")
        preview.scroll_to(y=top, animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
