"""Writing an export to disk: the one function the statement, brief and PRST exports (CLI and TUI)
write through, text or bytes (.docx).

The file is created readable by its owner only, written to a unique temporary name beside it
(O_EXCL|O_NOFOLLOW), flushed to disk, then put in place; an existing file is never replaced unless
`force`, and a file that appears meanwhile is not overwritten either. Nothing is left half-written.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from debateprep.domain.errors import Conflict, InputError

TEXT = {
    "exists": "{path}: already exists; use --force to overwrite it",
    "directory": "is a directory",
    "cannot": "cannot write it ({reason})",
}


def write_export(path: str | Path, content: str | bytes, *, force: bool = False) -> Path:
    """Write `content` (str as UTF-8) to `path` atomically and privately; Conflict if it exists."""
    target = Path(path).expanduser()
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.is_dir():
        raise InputError(target, TEXT["directory"])
    if (target.exists() or target.is_symlink()) and not force:
        raise Conflict(TEXT["exists"].format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if force:
                os.replace(tmp, target)
            else:
                try:
                    os.link(tmp, target)  # fails if the file appeared meanwhile: never overwrite
                except FileExistsError:
                    raise Conflict(TEXT["exists"].format(path=target)) from None
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise InputError(target, TEXT["cannot"].format(reason=exc.strerror or exc)) from None
    return target
