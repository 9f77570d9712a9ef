"""Small modal dialogs (the brief and statements panes): ask for one line of text, confirm an action."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label

from debateprep.i18n import N_, _
from debateprep.tui.localized import LocalizedModal

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 84; height: auto; padding: 1 2; border: thick $primary; background: $surface;
}}
{name} Label {{ width: 1fr; }}
{name} #prompt-explain {{ color: $text-muted; margin-top: 1; }}
{name} Input {{ margin-top: 1; }}
{name} Horizontal {{ height: auto; margin-top: 1; }}
{name} Button {{ margin-right: 2; }}
"""


class PromptScreen(LocalizedModal[str | None]):
    """One line of text (Enter accepts, Escape cancels); returns the text or None."""

    DEFAULT_CSS = _CSS.format(name="PromptScreen")
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="prompt-cancel")]

    def __init__(self, question: str, value: str = "", *, accept: str = "", placeholder: str = "",
                 suggester: Suggester | None = None, explain: Callable[[str], str] | None = None) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.accept = accept or _("OK")
        self.placeholder = placeholder
        self.suggester = suggester
        self.explain = explain  # what the typed value means, in full, shown under the field as it changes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input", suggester=self.suggester)
            if self.explain is not None:
                yield Label(self.explain(self.value), id="prompt-explain", markup=False)
            with Horizontal():
                yield Button(self.accept, id="prompt-ok", variant="primary")
                yield Button(_("Cancel"), id="prompt-cancel")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self.explain is not None:
            self.query_one("#prompt-explain", Label).update(self.explain(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one(Input).value if event.button.id == "prompt-ok" else None)


class ConfirmScreen(LocalizedModal[bool]):
    """A yes/no question; "No" is focused so Enter never destroys anything by accident."""

    DEFAULT_CSS = _CSS.format(name="ConfirmScreen")
    BINDINGS = [
        Binding("escape", "dismiss(False)", N_("No"), id="confirm-no"),
        Binding("y", "dismiss(True)", N_("Yes"), id="confirm-yes"),
        Binding("n", "dismiss(False)", N_("No"), show=False),
        # the buttons side by side: the arrow keys go between them, as in any desktop dialog
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, yes: str = "", no: str = "") -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes")
        self.no = no or _("No")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, markup=False)
            with Horizontal():
                yield Button(self.yes, id="confirm-yes", variant="error")
                yield Button(self.no, id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")
