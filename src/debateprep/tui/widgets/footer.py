"""The footer: Textual's, rebuilt only when the keys it shows change.

Textual's footer rebuilds itself (a widget per key, styled anew) whenever the focus moves, even
when the keys it shows stay the same: while the app starts, as the tabs, the pane and its table
take the focus in turn, that was a third of the time to the first screen's content. This one
rebuilds only for a change it would show, and can be held (the app holds it from its first frame
until the pane on screen shows the current debate, then it shows that pane's keys once).

The keys sit in a scroll box that ends where the command palette's key (docked right) begins.
In Textual's footer they run on underneath it, and the screen is cut at every key's edge: an
edge inside the palette's label split its wide (Chinese) characters into blanks ("^p   令面板").
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str, str], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """What a footer on `screen` would show: each shown binding's key, label, action, state."""
    return tuple(
        (binding.key, binding.description, binding.action, enabled, tooltip,
         binding.group.description if binding.group else "")
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class AppFooter(Footer):
    DEFAULT_CSS = """
    AppFooter #footer-keys { width: 1fr; height: 1; scrollbar-size: 0 0; background: transparent; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None
        self._held = False
        self._missed: Screen[object] | None = None  # a change that came while held

    def compose(self) -> ComposeResult:
        palette: list[Widget] = []
        with HorizontalScroll(id="footer-keys"):
            for widget in super().compose():
                if widget.has_class("-command-palette"):
                    palette.append(widget)  # docked right, outside the keys' box
                else:
                    yield widget
        yield from palette

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            keys = shown_keys(screen)
            if keys == self._shown:
                return
            if self._held and self._shown is not None:  # (the first keys are always shown)
                self._missed = screen
                return
            self._shown = keys
        super().bindings_changed(screen)

    def hold(self) -> None:
        """Keep the keys shown now until `release`."""
        self._held = True

    def release(self) -> None:
        """Show the keys as they are now (if they changed while held)."""
        if self._held:
            self._held = False
            missed, self._missed = self._missed, None
            if missed is not None:  # (run by the footer itself: it composes in its own context)
                self.call_later(self.bindings_changed, missed)
