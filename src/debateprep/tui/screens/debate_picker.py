"""Choose the current debate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from debateprep.i18n import N_, _
from debateprep.tui.localized import LocalizedModal

if TYPE_CHECKING:
    from debateprep.services.facade import Services


class DebatesListed(Message):
    """The debates there are, as (id, label), oldest first (loaded in a worker)."""

    def __init__(self, items: list[tuple[int, str]]) -> None:
        self.items = items
        super().__init__()


class DebatePickerScreen(LocalizedModal[tuple[int, str] | None]):
    DEFAULT_CSS = """
    DebatePickerScreen { align: center middle; }
    DebatePickerScreen > Vertical {
        width: 90; height: 24; padding: 1 2; border: thick $primary; background: $surface;
    }
    DebatePickerScreen OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="picker-cancel")]

    def __init__(self, services: Services, current: int | None = None) -> None:
        super().__init__()
        self.services = services
        self.current = current  # highlighted when the list opens (else the most recent debate)
        self._labels: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Choose the debate to work on (Enter):"), markup=False)
            yield OptionList(id="debates")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    @work(thread=True, exit_on_error=False)
    def load(self) -> None:
        debates = self.services.debates.list()
        self.post_message(DebatesListed([(d.id, d.label()) for d in debates if d.id is not None]))

    @on(DebatesListed)
    def _show(self, message: DebatesListed) -> None:
        options = self.query_one(OptionList)
        self._labels = dict(message.items)
        if not message.items:
            options.add_option(Option(_("No debate yet — import a concept note first."), disabled=True))
        shown = list(reversed(message.items))  # the most recent first
        for debate_id, label in shown:
            options.add_option(Option(label, id=str(debate_id)))
        if shown:
            options.highlighted = next((i for i, (d, _l) in enumerate(shown) if d == self.current), 0)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            debate_id = int(event.option.id)
            self.dismiss((debate_id, self._labels[debate_id]))
