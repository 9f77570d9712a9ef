"""The speaker timer: countdown to the time limit, a warning before it, overrun shown plainly.

Time is read from `clock` (time.monotonic by default): pausing and resuming do not count the
pause, and tests can drive a fake clock. The timer keeps time only; the speakers pane decides
who speaks (the one the panel names next) and logs the actual duration.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from debateprep.i18n import _
from debateprep.tui.localized import Localized

WARN_SECONDS = 60  # "one minute left"
BAR_CELLS = 30


def mmss(seconds: float) -> str:
    seconds = int(round(abs(seconds)))
    return f"{seconds // 60:d}:{seconds % 60:02d}"


class SpeakerTimer(Static, Localized):
    DEFAULT_CSS = """
    SpeakerTimer { height: 8; border: round $panel; padding: 0 1; }
    SpeakerTimer.-warning { border: round $warning; }
    SpeakerTimer.-over { border: round $error; }
    """

    class PhaseChanged(Message):
        """The countdown crossed into "warning" (limit near) or "over" (past the limit)."""

        def __init__(self, phase: str, speaker: str, elapsed: float) -> None:
            self.phase = phase
            self.speaker = speaker
            self.elapsed = elapsed
            super().__init__()

    def __init__(self, clock: Callable[[], float] = time.monotonic, warn_seconds: int = WARN_SECONDS, *,
                 id: str | None = None, classes: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__("", markup=False, id=id, classes=classes)
        self.clock = clock
        self.warn_seconds = warn_seconds
        self.state = "idle"  # idle, running, paused
        self.speaker = ""
        self.entry_id: int | None = None
        self.limit = 0
        self._accumulated = 0.0
        self._since: float | None = None
        self._phase = "ok"
        self.next_up = ""

    def on_mount(self) -> None:
        self.border_title = _("Timer")
        self.set_interval(0.25, self.tick)
        self.tick()

    def relabel(self) -> None:
        self.border_title = _("Timer")
        self.tick()

    # -- control ---------------------------------------------------------------------------

    def start(self, speaker: str, limit_seconds: int, entry_id: int | None = None, *, elapsed: float = 0.0,
              paused: bool = False) -> None:
        """Time `speaker`; `elapsed` seconds already spoken (taking over a turn begun earlier)."""
        self.speaker, self.limit, self.entry_id = speaker, max(1, int(limit_seconds)), entry_id
        self._accumulated, self._phase = max(0.0, float(elapsed)), "ok"
        self._since, self.state = (None, "paused") if paused else (self.clock(), "running")
        self.tick()

    def pause(self) -> None:
        if self.state == "running" and self._since is not None:
            self._accumulated += self.clock() - self._since
            self._since, self.state = None, "paused"
            self.tick()

    def resume(self) -> None:
        if self.state == "paused":
            self._since, self.state = self.clock(), "running"
            self.tick()

    def stop(self) -> int:
        """End the turn: the seconds spoken (pauses excluded); the timer goes idle."""
        spoken = int(round(self.elapsed))
        self.state, self._since, self._accumulated, self._phase = "idle", None, 0.0, "ok"
        self.entry_id = None
        self.tick()
        return spoken

    # -- reading ---------------------------------------------------------------------------

    @property
    def elapsed(self) -> float:
        running = (self.clock() - self._since) if self._since is not None else 0.0
        return self._accumulated + running

    @property
    def remaining(self) -> float:
        return self.limit - self.elapsed

    @property
    def phase(self) -> str:
        if self.state == "idle":
            return "ok"
        if self.remaining < 0:
            return "over"
        return "warning" if self.remaining <= self.warn_seconds else "ok"

    def tick(self) -> None:
        phase = self.phase
        if phase != self._phase:
            self._phase = phase
            if phase != "ok":
                self.post_message(self.PhaseChanged(phase, self.speaker, self.elapsed))
        self.set_class(phase == "warning", "-warning")
        self.set_class(phase == "over", "-over")
        self.update(self.render_text())

    def render_text(self) -> Text:
        text = Text()
        if self.state == "idle":
            text.append(_("Not running") + "\n", style="bold")
            text.append((_("Next: {speaker}").format(speaker=self.next_up) if self.next_up else _("No one waiting"))
                        + "\n")
            text.append(_("space start · n next speaker"), style="dim")
            return text
        mark = "▶" if self.state == "running" else "⏸ " + _("paused")
        text.append(f"{mark} ", style="bold")
        text.append(f"{self.speaker}\n", style="bold")
        phase = self.phase
        if phase == "over":
            text.append(_("OVER TIME by {duration}").format(duration=mmss(-self.remaining)), style="bold white on red")
        elif phase == "warning":
            text.append(_("{duration} left — wrap up").format(duration=mmss(self.remaining)),
                        style="bold black on yellow")
        else:
            text.append(_("{duration} left").format(duration=mmss(self.remaining)), style="bold green")
        text.append("\n" + _("spoken {spoken} of {limit}").format(spoken=mmss(self.elapsed), limit=mmss(self.limit))
                    + "\n")
        done = min(1.0, self.elapsed / self.limit) if self.limit else 0.0
        filled = int(done * BAR_CELLS)
        style = "red" if phase == "over" else "yellow" if phase == "warning" else "green"
        text.append("█" * filled, style=style)
        text.append("░" * (BAR_CELLS - filled), style="dim")
        text.append("\n" + (_("then: {speaker}").format(speaker=self.next_up) if self.next_up
                            else _("no one else waiting")), style="dim")
        return text
