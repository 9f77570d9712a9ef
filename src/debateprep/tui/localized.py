"""The interface language in the terminal UI: bindings shown translated, widgets that relabel themselves.

Binding descriptions, tooltips and group names are msgids (marked with `N_` where the class is
defined); `LocalizedScreen` and `LocalizedModal` translate them each time the footer (or the keys
panel) reads the active bindings, so a `refresh_bindings()` after a switch redraws the footer in the
new language. The keys themselves are unchanged: only what is shown is translated.

Widgets that show fixed text are `Localized`: after a switch the app calls `relabel()` on every one
of them (a pane re-renders what it shows; a `Caption` re-reads its msgid).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, NamedTuple

from rich.text import Text
from textual.binding import ActiveBinding, Binding
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.widgets import DataTable, Static

from debateprep.domain.cells import cell_len
from debateprep.i18n import _


class Localized:
    """A widget that shows interface text: `relabel()` shows it in the current language."""

    def relabel(self) -> None:
        raise NotImplementedError


def translate_binding(binding: Binding) -> Binding:
    """The binding as shown in the current language (description, tooltip, group)."""
    group = binding.group
    if group is not None:
        group = Binding.Group(_(group.description), compact=group.compact)
    return dataclasses.replace(binding, description=_(binding.description), tooltip=_(binding.tooltip), group=group)


def translate_active(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    return {key: found._replace(binding=translate_binding(found.binding), tooltip=_(found.tooltip))
            for key, found in active.items()}


def groups_together(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The same bindings, each group's keys side by side in the order their widget declares them,
    where the group's last key was. Textual leaves a priority key that takes over a focused widget's
    key (the app's F6 and F7 over a TextArea's) in that widget's place: the footer showed the tab
    keys twice, "f6f7 Tabs … f1f2f3f4f5 Tabs"."""
    items = list(active.items())
    last = {found.binding.group: n for n, (_key, found) in enumerate(items) if found.binding.group is not None}

    def place(item: tuple[int, tuple[str, ActiveBinding]]) -> tuple[int, int]:
        n, (key, found) = item
        group = found.binding.group
        if group is None:
            return (n, 0)
        declared = [b.key for b in Binding.make_bindings(getattr(type(found.node), "BINDINGS", []))]
        return (last[group], declared.index(key) if key in declared else len(declared))

    return dict(item for _n, item in sorted(enumerate(items), key=place))


class LocalizedScreen(Screen[ScreenResultType]):
    """A screen whose footer shows its bindings in the interface language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_active(groups_together(super().active_bindings))


class LocalizedModal(ModalScreen[ScreenResultType]):
    """A dialog whose keys are shown in the interface language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_active(super().active_bindings)


class Caption(Static, Localized):
    """A fixed line of interface text (a msgid), shown with markup off, in the current language."""

    def __init__(self, msgid: str, **kwargs: Any) -> None:
        super().__init__(_(msgid), markup=False, **kwargs)
        self.msgid = msgid

    def relabel(self) -> None:
        self.update(_(self.msgid))


class Column(NamedTuple):
    """A table column: its key, its header (a msgid; "#" and the like stay as they are) and width."""

    key: str
    label: str
    width: int | None = None


def add_columns(table: DataTable[Any], columns: Iterable[Column]) -> None:
    for column in columns:
        table.add_column(_(column.label), width=column.width, key=column.key)


def relabel_columns(table: DataTable[Any], columns: Iterable[Column]) -> None:
    """Headers in the current language; the rows, the cursor and the scroll position stay."""
    for spec in columns:
        for key, column in table.columns.items():
            if key.value == spec.key:
                column.label = Text(_(spec.label))
                if column.auto_width:
                    column.content_width = max(column.content_width, cell_len(column.label.plain))
    table.notify_style_update()  # drops the rendered header (DataTable clears its caches here)
