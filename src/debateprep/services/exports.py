"""Writing an export to disk: the statement, brief and PRST exports (CLI and TUI) write through
here, text or bytes (.docx), and this writes through debateprep.files.write_private, the one private
writer (a fresh temporary name beside the target with O_EXCL|O_NOFOLLOW, mode 0600, fsync, then put
in place; an existing file is never replaced unless `force`).
"""

from __future__ import annotations

from pathlib import Path


def write_export(path: str | Path, content: str | bytes, *, force: bool = False) -> Path:
    """Write `content` (str as UTF-8) to `path` atomically and privately; Conflict if it exists."""
    from debateprep.files import write_private

    return write_private(Path(path).expanduser(), content, force=force)
