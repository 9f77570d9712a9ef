"""Choose files or a folder to import (statements, agreed language): type a path or pick one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, DirectoryTree, Input, Label

from debateprep.i18n import N_, _
from debateprep.tui.localized import LocalizedModal
from debateprep.tui.screens.concept_note_dialogs import NoteFileTree
from debateprep.tui.widgets.tickbox import TickBox


@dataclass(frozen=True)
class ImportChoice:
    paths: list[str]
    option: bool = False  # the dialog's check box (e.g. "a verbatim record"), when it has one


class ImportPathsScreen(LocalizedModal[ImportChoice | None]):
    """One or more paths (separated by ";"), files or folders; an optional check box."""

    DEFAULT_CSS = """
    ImportPathsScreen { align: center middle; }
    ImportPathsScreen > Vertical {
        width: 100; max-width: 100%; height: 34; max-height: 100%;
        padding: 1 2; border: thick $primary; background: $surface;
    }
    ImportPathsScreen #import-paths-title { width: 100%; height: auto; }
    ImportPathsScreen NoteFileTree { height: 1fr; margin: 1 0; }
    ImportPathsScreen Horizontal { height: auto; }
    ImportPathsScreen Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="import-paths.cancel")]

    def __init__(self, title: str, start: Path, option: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.start = start
        self.option = option

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False, id="import-paths-title")  # wrapped: it can be long
            yield Input(placeholder=_("a file or a folder (several: separate with ;)"), id="import-paths")
            yield NoteFileTree(self.start, id="import-paths-tree")
            with Horizontal():
                if self.option:
                    yield TickBox(self.option, id="import-option")
                yield Button(_("Import"), variant="primary", id="import-paths-ok")
                yield Button(_("Cancel"), id="import-paths-cancel")

    def on_mount(self) -> None:
        self.query_one("#import-paths", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _file_chosen(self, event: DirectoryTree.FileSelected) -> None:
        self._add(str(event.path))

    @on(DirectoryTree.DirectorySelected)
    def _folder_chosen(self, event: DirectoryTree.DirectorySelected) -> None:
        # Selecting a folder also expands it; typing its path or Enter on Import takes the whole folder.
        self.query_one("#import-paths", Input).value = str(event.path)

    def _add(self, path: str) -> None:
        field = self.query_one("#import-paths", Input)
        current = [p.strip() for p in field.value.split(";") if p.strip()]
        # A folder picked before a file is replaced by the file; files accumulate.
        current = [p for p in current if not Path(p).expanduser().is_dir()]
        if path not in current:
            current.append(path)
        field.value = "; ".join(current)
        self.query_one("#import-paths-ok", Button).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-paths-ok")
    def _submit(self) -> None:
        paths = [str(Path(p.strip()).expanduser()) for p in self.query_one("#import-paths", Input).value.split(";")
                 if p.strip()]
        if not paths:
            self.notify(_("Type a path or choose a file first."), severity="warning", markup=False)
            return
        option = bool(self.option) and self.query_one("#import-option", Checkbox).value
        self.dismiss(ImportChoice(paths, option))

    @on(Button.Pressed, "#import-paths-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
