"""Where an export goes: one rule for every document (brief, PRST, speakers CSV …), CLI and TUI.

Every export has a default name that says what it is, whose it is and in which language
(`brief-2-zh.md`, `prst-2-draft1-zh.md`, `speakers-2.csv`), and lands by default in the current
folder — where the user started debateprep, never a hidden data folder. The TUI shows that full path
in a dialog before writing (editable) and asks before replacing a file; the CLI writes to `-o FILE`,
or to the default name inside `-o FOLDER`, prints the path it wrote, and replaces nothing without
`--force`; without `-o` it prints the document to stdout. The folder must exist: a mistyped
folder is refused in one line naming it ("create the folder first"), never created silently. Files are written by the one private
atomic writer (`write_export` here, also `Services.write_export`): debateprep.files.write_private
(a fresh temporary name beside the target with O_EXCL|O_NOFOLLOW, mode 0600, fsync, then put in
place; an existing file is never replaced unless `force`), text or bytes (.docx).
"""

from __future__ import annotations

import os
from pathlib import Path

from debateprep.domain.errors import InputError
from debateprep.i18n import _


def default_name(kind: str, debate_id: int | None, *, lang: str | None = None, ext: str = "md",
                 draft_id: int | None = None, annotated: bool = False) -> str:
    """'brief-2-zh.md', 'prst-2-draft1-zh-annotated.md', 'speakers-2.csv' …"""
    parts = [kind]
    if debate_id is not None:
        parts.append(str(debate_id))
    if draft_id is not None:
        parts.append(f"draft{draft_id}")
    if lang:
        parts.append(lang)
    if annotated:
        parts.append("annotated")
    return "-".join(parts) + f".{ext}"


def target(output: str | Path | None, name: str, folder: Path | None = None) -> Path:
    """The file to write: `output` itself, or `name` inside it when it is a folder (an existing
    one, or a path ending in "/"); `name` in `folder` (default: the current folder) without one."""
    if output is None or str(output) == "":
        return (folder or Path.cwd()) / name
    path = Path(output).expanduser()
    if path.is_dir() or str(output).endswith(("/", "\\")):
        return path / name
    return path


def annotated_beside(path: Path) -> Path:
    """Where the annotated PRST goes when the clean one goes to `path`: beside it, '-annotated'."""
    return path.with_name(f"{path.stem}-annotated{path.suffix}")


def missing_folder(path: str | Path) -> Path | None:
    """The folder `path` would go into, when that folder does not exist (None when it does)."""
    folder = Path(path).expanduser().parent
    return None if folder.is_dir() or not _absent(folder) else folder


def _absent(folder: Path) -> bool:
    """Nothing at all at `folder` (a file there is another mistake, said by the writer)."""
    try:
        return not os.path.lexists(folder)
    except (OSError, ValueError):
        return False


def check_folder(path: str | Path) -> None:
    """InputError naming the folder when the folder of `path` does not exist."""
    folder = missing_folder(path)
    if folder is not None:
        raise InputError(folder, _("no such folder; create the folder first"))


def write_export(path: str | Path, content: str | bytes, *, force: bool = False) -> Path:
    """Write `content` (str as UTF-8) to `path` atomically and privately; Conflict if it exists,
    InputError naming the folder if its folder does not exist (no folder is created)."""
    from debateprep.files import write_private

    target = Path(path).expanduser()
    check_folder(target)
    return write_private(target, content, force=force, make_folder=False)
