"""Export from a pane: the one rule every export follows (services/exports.py), the same as the CLI.

The dialog shows the full path the document will be written to (the default name in the folder
debateprep was started from), editable; a file already there is replaced only after a yes; the
writing runs in a thread worker through `Services.write_export` (the one private atomic writer),
and the pane says where it wrote, in full.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from debateprep.i18n import _
from debateprep.tui.messages import Failed

if TYPE_CHECKING:
    from debateprep.tui.pane import Pane


@dataclass(frozen=True)
class ExportFile:
    """One file of an export: where, and its content (built in the worker, off the event loop)."""

    path: Path
    content: Callable[[], str | bytes]


class ExportWritten(Message):
    """An export was written (to `paths`); `what` names it for the user (in the interface language)."""

    def __init__(self, what: str, paths: list[Path]) -> None:
        self.what = what
        self.paths = paths
        super().__init__()


def export_with_dialog(pane: Pane, what: str, default: Path, files: Callable[[Path], list[ExportFile]],
                       note: str = "") -> None:
    """Ask where (showing `default` in full), confirm any replacement, then write `files(path)`.
    `what` names the document in the interface language ("the brief")."""
    from debateprep.tui.screens.brief_dialogs import ConfirmScreen, PromptScreen

    def explain(answer: str) -> str:
        """The files the answer means, in full (a long path does not fit the field)."""
        if not answer.strip():
            return _("Type the file to write.")
        from debateprep.services.exports import missing_folder

        targets = files(Path(answer.strip()).expanduser().resolve())
        exists = _("(exists: you will be asked)")
        text = _("Writes:") + "\n" + "\n".join(f"  {t.path}" + (f"  {exists}" if t.path.exists() else "")
                                               for t in targets)
        folder = missing_folder(targets[0].path) if targets else None
        if folder is not None:
            text += "\n" + _("{folder}: no such folder; create the folder first").format(folder=folder)
        return text

    def chosen(answer: str | None) -> None:
        if not answer or not answer.strip():
            pane.claim_focus()
            return
        targets = files(Path(answer.strip()).expanduser().resolve())
        there = [t.path for t in targets if t.path.exists()]
        if not there:
            _write(pane, what, targets, force=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                _write(pane, what, targets, force=True)
            else:
                pane.notify(_("Not exported: {paths} was left as it was.").format(paths=", ".join(map(str, there))),
                            markup=False)
                pane.claim_focus()

        listed = "\n".join(map(str, there))
        pane.app.push_screen(ConfirmScreen(_("{paths}\nalready exists. Overwrite it?").format(paths=listed),
                                           yes=_("Overwrite")), answered)

    question = _("Export {what} to (full path; Enter writes it, Escape cancels):").format(what=what)
    question += f"\n{note}" if note else ""
    pane.app.push_screen(PromptScreen(question, str(default.resolve()), accept=_("Export"), explain=explain), chosen)


def _write(pane: Pane, what: str, targets: list[ExportFile], *, force: bool) -> None:
    def work() -> None:
        from debateprep.tui.errors import describe_error

        written = []
        try:
            for target in targets:
                written.append(pane.services.write_export(target.path, target.content(), force=force))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            pane.post_message(Failed(describe_error(exc), _("Export failed")))
            return
        pane.post_message(ExportWritten(what, written))

    pane.run_worker(work, thread=True, group="export", exit_on_error=False)
