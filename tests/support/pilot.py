"""Waiting in Pilot tests for what a key press started."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DirectoryTree
from textual.worker import WorkerCancelled


async def settle(pilot: Pilot, rounds: int = 3) -> None:  # type: ignore[type-arg]
    """Wait for the app's workers, a few rounds (a worker's result may start another), then on
    until two rounds in a row find none left to finish: on a busy machine a worker may start a
    round late (after a refresh), and the test would read the screen before it did its work.

    A file tree's loader never completes (it waits for folders to open) and is cancelled when its
    dialog closes, so it is not waited for; `wait_for_complete()` on every worker would hang."""
    idle = 0
    for done in range(MAX_ROUNDS):
        await pilot.pause()
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
