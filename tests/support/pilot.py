"""Waiting in Pilot tests for what a key press started."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DirectoryTree
from textual.worker import WorkerCancelled


async def settle(pilot: Pilot, rounds: int = 3) -> None:  # type: ignore[type-arg]
    """Wait for the app's workers, a few rounds (a worker's result may start another).

    A file tree's loader never completes (it waits for folders to open) and is cancelled when its
    dialog closes, so it is not waited for; `wait_for_complete()` on every worker would hang."""
    for _ in range(rounds):
        await pilot.pause()
        for worker in [w for w in pilot.app.workers if not isinstance(w.node, DirectoryTree)]:
            try:
                await worker.wait()
            except WorkerCancelled:
                pass
    await pilot.pause()
