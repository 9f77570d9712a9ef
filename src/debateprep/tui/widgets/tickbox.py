"""A checkbox that reads ticked or not in any terminal, colours or none.

Textual's Checkbox draws the same `▐X▌` either way and tells the two apart by colour only; a text
terminal without its theme's colours shows a box that always looks ticked. Here the inside of the
button (`ToggleButton.BUTTON_INNER`, the documented way to change it) is a ✓ when ticked and blank
when not.
"""

from __future__ import annotations

from textual.widgets import Checkbox

TICKED = "✓"
UNTICKED = " "


class TickBox(Checkbox):
    BUTTON_INNER = UNTICKED

    def on_mount(self) -> None:
        self._show_tick()

    def watch_value(self) -> None:
        self._show_tick()
        super().watch_value()

    def _show_tick(self) -> None:
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
        self.refresh()
