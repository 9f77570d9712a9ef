"""Dialogs of the concept-note pane: pick a file to import, word a guiding question."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DirectoryTree, Input, Label, Static

from debateprep.i18n import N_, _
from debateprep.tui.localized import LocalizedModal


class NoteFileTree(DirectoryTree):
    """Folders and the files debateprep can read (.txt .md .docx .pdf); no hidden entries."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        from debateprep.importers.reader import SUFFIXES  # the readers: loaded when the picker opens

        return [
            p for p in paths
            if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in SUFFIXES)
        ]


class ImportNoteScreen(LocalizedModal[tuple[str, str | None] | None]):
    """Choose a concept note file (type a path or pick it in the tree); optional symbol."""

    DEFAULT_CSS = """
    ImportNoteScreen { align: center middle; }
    ImportNoteScreen > Vertical {
        width: 100; height: 34; padding: 1 2; border: thick $primary; background: $surface;
    }
    ImportNoteScreen NoteFileTree { height: 1fr; margin: 1 0; }
    ImportNoteScreen Horizontal { height: auto; }
    ImportNoteScreen #import-symbol { width: 30; }
    ImportNoteScreen Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="import-note.cancel")]

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("Import a concept note (.txt, .md, .docx or .pdf) — type a path or choose a file:"),
                        markup=False)
            yield Input(placeholder=_("path/to/concept-note.pdf"), id="import-path")
            yield NoteFileTree(self.start, id="import-tree")
            with Horizontal():
                yield Input(placeholder=_("symbol, e.g. S/2014/74 (optional)"), id="import-symbol")
                yield Button(_("Import"), variant="primary", id="import-ok")
                yield Button(_("Cancel"), id="import-cancel")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _file_chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#import-path", Input).value = str(event.path)
        self.query_one("#import-ok", Button).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-ok")
    def _submit(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.notify(_("Type a path or choose a file first."), severity="warning", markup=False)
            return
        symbol = self.query_one("#import-symbol", Input).value.strip() or None
        self.dismiss((str(Path(path).expanduser()), symbol))

    @on(Button.Pressed, "#import-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class QuestionDialog(LocalizedModal[str | None]):
    """Word a guiding question: the note's original and the offered question form are shown."""

    DEFAULT_CSS = """
    QuestionDialog { align: center middle; }
    QuestionDialog > Vertical {
        width: 100; height: auto; max-height: 30; padding: 1 2; border: thick $primary; background: $surface;
    }
    QuestionDialog .hint { color: $text-muted; margin-top: 1; }
    QuestionDialog Horizontal { height: auto; margin-top: 1; }
    QuestionDialog Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Cancel"), id="question-dialog.cancel"),
        Binding("ctrl+f", "use_form", N_("Use question form"), id="question-dialog.use-form"),
    ]

    def __init__(self, title: str, text: str = "", original: str | None = None, form: str | None = None) -> None:
        super().__init__()
        self.title_text, self.text, self.original, self.form = title, text, original, form

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            if self.original:
                yield Static(_("Original: {text}").format(text=self.original), classes="hint", markup=False)
            if self.form and self.form != self.text:
                yield Static(_("Offered question form (Ctrl+F to use it): {text}").format(text=self.form),
                             classes="hint", markup=False)
            yield Input(self.text, id="question-text")
            with Horizontal():
                yield Button(_("Save"), variant="primary", id="question-save")
                yield Button(_("Cancel"), id="question-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_use_form(self) -> None:
        if self.form:
            self.query_one(Input).value = self.form

    @on(Input.Submitted)
    @on(Button.Pressed, "#question-save")
    def _save(self) -> None:
        text = self.query_one(Input).value.strip()
        if not text:
            self.notify(_("A question cannot be empty."), severity="warning", markup=False)
            return
        self.dismiss(text)

    @on(Button.Pressed, "#question-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
