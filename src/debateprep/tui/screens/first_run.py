"""First run: no debate yet, offer the bundled sample debate."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from debateprep.i18n import N_, _
from debateprep.tui.localized import LocalizedModal


class FirstRunScreen(LocalizedModal[bool]):
    DEFAULT_CSS = """
    FirstRunScreen { align: center middle; }
    FirstRunScreen > Vertical {
        width: 72; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    FirstRunScreen Horizontal { height: auto; margin-top: 1; }
    FirstRunScreen Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "dismiss(False)", N_("Start empty"), id="first-run-skip")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                _("Welcome to debateprep.\n\nThere is no debate in this database yet. Load the bundled "
                  "sample — the concept note for the 12 February 2014 open debate on the protection of "
                  "civilians (S/2014/74) and three resolutions for the agreed-language library — or start "
                  "empty and import your own concept note (F1, then i)."),
                markup=False,
            )
            with Horizontal():
                yield Button(_("Load sample debate"), id="load", variant="primary")
                yield Button(_("Start empty"), id="skip")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "load")
