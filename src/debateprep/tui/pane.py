"""What every tab's pane shares: its `Services`, the current debate, and the topics it shows.

A pane is given the app's `Services` when it is made and reaches every use case through it; it
never opens a database or builds a service. It declares the topics it shows (`TOPICS`): after a
change touching one of them the app sends it `TopicsChanged`, and `topics_changed` reloads. Its
thread workers call services and post messages back to the pane; only message handlers touch
widgets. Its actions are listed in the command palette from its `BINDINGS` (tui/commands.py).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from debateprep.i18n import _
from debateprep.services.facade import Services
from debateprep.services.topics import Topic
from debateprep.tui.localized import Localized
from debateprep.tui.messages import DebateSelected, TopicsChanged
from debateprep.tui.screens.export_dialog import ExportWritten


class Pane(Vertical, Localized):
    TITLE: ClassVar[str] = ""  # the name of its tab (a msgid), as the palette prefixes its commands
    TOPICS: ClassVar[frozenset[Topic]] = frozenset()

    class Shown(Message):
        """The pane shows the current debate for the first time (the app then readies the others)."""

    def __init__(self, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services
        self.debate_id: int | None = None
        self._last_focus: Widget | None = None  # where the keyboard was when the tab was left
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

    # -- the keyboard: one obvious focused widget, whatever happened -------------------------

    def main_widget(self) -> Widget:
        """Where the pane's results live, focused when nothing in the pane has the focus (a pane
        whose main widget is hidden, in an empty state, returns itself: its keys still work)."""
        return self

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._last_focus = event.widget

    def is_active(self) -> bool:
        """The pane is on the tab shown (focusing a widget of a hidden tab would switch back to it)."""
        from textual.widgets import TabbedContent, TabPane

        tab = next((a for a in self.ancestors if isinstance(a, TabPane)), None)
        tabs = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
        return self.is_mounted and (tab is None or tabs is None or tabs.active == tab.id)

    def claim_focus(self, widget: Widget | None = None) -> None:
        """After an action: focus `widget` (default: the main widget) when the pane is the one shown
        and the keyboard is nowhere useful (no focus, a hidden widget, or the pane itself), or when a
        widget is named. A dialog open on top keeps its focus."""
        if not self.is_active() or self.app.screen is not self.screen:
            return
        focused = self.screen.focused
        lost = focused is None or focused is self or not usable(focused) or self not in focused.ancestors
        if widget is None and not lost:
            return
        target = widget if widget is not None and usable(widget) else self.main_widget()
        if not usable(target):
            target = self
        if target is self:
            self.can_focus = True
        # At once, not on the next turn of the event loop (Widget.focus): a key typed ahead, already
        # queued (F3 then i), must find the keyboard where this puts it.
        self.screen.set_focus(target)

    def restore_focus(self) -> None:
        """Coming back to the tab: where the keyboard was, if it is still there, else the main widget."""
        last = self._last_focus
        if last is not None and last is not self and usable(last) and self in last.ancestors:
            self.screen.set_focus(last)
        else:
            self.claim_focus(self.main_widget())

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

    def fit(self, width: int, height: int) -> None:
        """The terminal is `width` x `height`: adjust what CSS cannot (app.tcss does the rest)."""

    def on_export_written(self, message: ExportWritten) -> None:
        """An export was written: say where, in full (tui/screens/export_dialog.py)."""
        where = _(" and ").join(str(p) for p in message.paths)
        what = message.what[:1].upper() + message.what[1:]  # (a sentence starts with it; CJK has no case)
        self.notify(_("{what} written to {where}").format(what=what, where=where), title=_("Exported"),
                    markup=False)
        self.claim_focus()

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


def usable(widget: Widget) -> bool:
    """The widget can take the keyboard: mounted, focusable, and shown (it and every container)."""
    if not widget.is_mounted or not widget.focusable:
        return False
    return all(node.display and node.visible for node in widget.ancestors_with_self if isinstance(node, Widget))
