"""What every tab's pane shares: its `Services`, the current debate, and the topics it shows.

A pane is given the app's `Services` when it is made and reaches every use case through it; it
never opens a database or builds a service. It declares the topics it shows (`TOPICS`): after a
change touching one of them the app sends it `TopicsChanged`, and `topics_changed` reloads. Its
thread workers call services and post messages back to the pane; only message handlers touch
widgets. Its actions are listed in the command palette from its `BINDINGS` (tui/commands.py).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.containers import Vertical
from textual.message import Message
from textual.worker import get_current_worker

from debateprep.services.facade import Services
from debateprep.services.topics import Topic
from debateprep.tui.localized import Localized
from debateprep.tui.messages import DebateSelected, TopicsChanged


class Pane(Vertical, Localized):
    TITLE: ClassVar[str] = ""  # the name of its tab (a msgid), as the palette prefixes its commands
    TOPICS: ClassVar[frozenset[Topic]] = frozenset()

    class Shown(Message):
        """The pane shows the current debate for the first time (the app then readies the others)."""

    def __init__(self, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services
        self.debate_id: int | None = None
        self._said_shown = False
        # What `read_first` read, for (debate id, it): a pane that reads first shows it in on_mount.
        self.first_read: tuple[int | None, object] | None = None

    @classmethod
    def read_first(cls, services: Services, debate_id: int | None) -> object | None:
        """What the pane shows of `debate_id`, read in a thread before it is mounted: the pane on
        screen when the app starts then shows the debate in its first frame. None: the pane
        loads it itself once mounted, as after any other change of debate."""
        return None

    def show_first(self, debate_id: int | None, read: object) -> None:
        """Show what `read_first` read (from on_mount, before the pane's first frame); the
        `DebateSelected` that follows for the same debate is then already answered."""

    def shown(self) -> None:
        """Called once the current debate is on screen: says so to the app, the first time."""
        if not self._said_shown:
            self._said_shown = True
            self.post_message(self.Shown())

    @on(DebateSelected)
    def _debate_selected(self, message: DebateSelected) -> None:
        self.debate_id = message.debate_id
        self.debate_changed()

    @on(TopicsChanged)
    def _topics_changed(self, message: TopicsChanged) -> None:
        self.topics_changed(message.topics)

    def report(self, message: Message) -> None:
        """From a thread worker: post `message` to this pane, unless a newer run replaced this one."""
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def debate_changed(self) -> None:
        """Show the current debate (`self.debate_id`)."""
        raise NotImplementedError

    def topics_changed(self, topics: frozenset[Topic]) -> None:
        """Reload what the pane shows of `topics` (some of its TOPICS), keeping the selection."""
        raise NotImplementedError

    def relabel(self) -> None:
        """The interface language changed: show everything again in it (by default, reload; a pane
        with fixed labels of its own relabels them too). Captions and empty states relabel themselves."""
        self.topics_changed(self.TOPICS)
