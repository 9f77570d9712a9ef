"""The command palette, built from the bindings: every action that has a key is a command.

One provider reads the app's bindings and every pane's, so a key added to a pane is in the palette
without another line; tests/test_tui_app.py compares the two. A pane's command shows its tab and
runs the action there, as the key would.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import ModalScreen

from debateprep.i18n import _

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable

    from debateprep.tui.app import DebatePrepApp

APP_SCOPE = ""  # the app's own bindings (tabs, debate, quit); a pane's scope is its tab id


@dataclass(frozen=True)
class PaletteCommand:
    scope: str
    action: str
    title: str
    help: str


def commands_for(scope: str, prefix: str, bindings: Iterable[BindingType],
                 keys: Callable[[Binding], str]) -> list[PaletteCommand]:
    """One command per action bound in `bindings` (a binding of several keys is one command), in the
    interface language (descriptions and tooltips are msgids)."""
    found: dict[str, tuple[Binding, list[str]]] = {}
    for binding in Binding.make_bindings(bindings):
        found.setdefault(binding.action, (binding, []))[1].append(keys(binding))
    out = []
    for action, (binding, shown) in found.items():
        what = _(binding.tooltip) or _(binding.description) or action
        title = _("{pane}: {command}").format(pane=_(prefix), command=what) if prefix else what
        out.append(PaletteCommand(scope, action, title, f"{_(binding.description) or what} ({', '.join(shown)})"))
    return out


def palette_commands(app: DebatePrepApp) -> list[PaletteCommand]:
    """The app's commands, then each pane's (mounted or not: a command mounts it), in tab order."""
    from debateprep.tui.app import TABS, pane_class

    commands = commands_for(APP_SCOPE, "", app.BINDINGS, app.get_key_display)
    for tab_id, _label, path, _key in TABS:
        pane = pane_class(path)
        commands += commands_for(tab_id, pane.TITLE, pane.BINDINGS, app.get_key_display)
    return commands


class BindingCommands(Provider):
    """The palette's commands from the bindings of the app and of its panes."""

    def _commands(self) -> list[tuple[PaletteCommand, Callable[[], Awaitable[None]]]]:
        from debateprep.tui.app import DebatePrepApp

        app = self.app
        if isinstance(self.screen, ModalScreen) or not isinstance(app, DebatePrepApp):
            return []  # a dialog is open: its own keys apply
        return [(command, partial(app.run_palette_command, command)) for command in palette_commands(app)]

    async def discover(self) -> Hits:
        for command, run in self._commands():
            yield DiscoveryHit(command.title, run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, run in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), run, help=command.help)
