"""Choose which PRST draft of a debate to work on (the pane and the brief show it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from debateprep.domain.cells import clip
from debateprep.i18n import N_, _, ngettext
from debateprep.tui.localized import LocalizedModal

if TYPE_CHECKING:
    from debateprep.domain.prst import Draft
    from debateprep.services.facade import Services


class DraftsListed(Message):
    def __init__(self, drafts: list[Draft], current: int | None) -> None:
        self.drafts = drafts
        self.current = current
        super().__init__()


def describe(draft: Draft, current: bool) -> str:
    """One line per draft: '#3 · zh · 5 paragraphs · rev.2 · working on it'."""
    count = len(draft.paragraphs)
    parts = [f"#{draft.id}", draft.language, ngettext("{count} paragraph", "{count} paragraphs", count).format(count=count)]
    if draft.revisions:
        parts.append(draft.revisions[-1].label)
    if draft.paragraphs:
        parts.append(clip(draft.texts()[0], 40))
    if current:
        parts.append(_("← shown now"))
    return " · ".join(parts)


class DraftPickerScreen(LocalizedModal[int | None]):
    """The debate's drafts, the one shown now highlighted; Enter works on the highlighted one."""

    DEFAULT_CSS = """
    DraftPickerScreen { align: center middle; }
    DraftPickerScreen > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 80%; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    DraftPickerScreen OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="drafts-cancel")]

    def __init__(self, services: Services, debate_id: int) -> None:
        super().__init__()
        self.services = services
        self.debate_id = debate_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("PRST drafts of debate #{debate}: Enter works on the highlighted one "
                           "(F5 and the brief show it).").format(debate=self.debate_id), markup=False)
            yield OptionList(id="drafts")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    @work(thread=True, exit_on_error=False)
    def load(self) -> None:
        service = self.services.prst
        current = service.current(self.debate_id)
        self.post_message(DraftsListed(service.drafts(self.debate_id), current.id if current else None))

    @on(DraftsListed)
    def _show(self, message: DraftsListed) -> None:
        options = self.query_one(OptionList)
        if not message.drafts:
            options.add_option(Option(_("No draft yet: n starts one."), disabled=True))
        for draft in message.drafts:
            options.add_option(Option(describe(draft, draft.id == message.current), id=str(draft.id)))
        index = next((i for i, d in enumerate(message.drafts) if d.id == message.current), None)
        if index is not None:
            options.highlighted = index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))
