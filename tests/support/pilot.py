"""Pilot tests: one way to make the app, one way to wait for what a key press started.

`tui_app(db)` is the app over `Services(db)`, keeping what it notified (`app.notices`: what the
user read) through the public `notify`. `settle(pilot)` waits for the app's workers.
"""

from __future__ import annotations

from textual.notifications import SeverityLevel
from textual.pilot import Pilot
from textual.widgets import DirectoryTree
from textual.worker import WorkerCancelled

from debateprep.services.facade import Services
from debateprep.storage.db import Database
from debateprep.tui.app import DebatePrepApp, stylesheet_path

SIZE = (120, 40)


class RecordingApp(DebatePrepApp):
    """The app, keeping each notification as (message, severity)."""

    CSS_PATH = str(stylesheet_path())  # (a relative path would be looked for beside this file)
    # Each tab's pane is mounted on its first visit only (not all of them in the background once the
    # first screen is up): a test pays for the panes it uses. test_tui_app checks the background way.
    PREMOUNT = False

    def __init__(self, services: Services, *, offer_sample: bool = True) -> None:
        super().__init__(services, offer_sample=offer_sample)
        self.notices: list[tuple[str, str]] = []

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        self.notices.append((message, severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def errors(self) -> list[str]:
        return [message for message, severity in self.notices if severity == "error"]


def tui_app(db: Database | Services, *, offer_sample: bool = False) -> RecordingApp:
    """The app over `db` (a test's throwaway database), without the first-run offer unless asked."""
    return RecordingApp(db if isinstance(db, Services) else Services(db), offer_sample=offer_sample)


async def settle(pilot: Pilot[object], rounds: int = 3, delay: float | None = None) -> None:
    """Wait for the app's workers, a few rounds (a worker's result may start another), then on
    until two rounds in a row find none left to finish (and the app's first screen is up): on a busy
    machine a worker may start a round late (after a refresh), and the test would read the screen
    before it did its work.
    `delay` seconds each round lets a debounce timer (the library's search) fire first.

    A file tree's loader never completes (it waits for folders to open) and is cancelled when its
    dialog closes, so it is not waited for; `wait_for_complete()` on every worker would hang."""
    idle = 0
    for done in range(MAX_ROUNDS):
        await pilot.pause(delay)
        if isinstance(pilot.app, DebatePrepApp) and not pilot.app.is_started:
            idle = 0  # the first screen is not up yet (the pane on screen mounts between workers)
            await pilot.pause(0.02)
            continue
        busy = [w for w in pilot.app.workers if not isinstance(w.node, DirectoryTree) and not w.is_finished]
        for worker in busy:
            try:
                await worker.wait()
            except WorkerCancelled:
                pass
        idle = 0 if busy else idle + 1
        if done + 1 >= rounds and idle >= 2:
            break
    await pilot.pause()


MAX_ROUNDS = 50


def footer_keys(app: DebatePrepApp) -> dict[str, str]:
    """What the footer shows: each key's name and its text as rendered (a group's keys share its label)."""
    return {str(getattr(key, "key")): str(key.render()) for key in app.query("FooterKey")}
