"""The one way debateprep writes a file for the user (exports, backups, anything else), and reads
one within a size limit.

Delegation material is confidential and the folder it goes to may be shared, so every file is
written the same way: a temporary file with a fresh random name in the target's own folder, created
with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600 (nobody else can read it from its first byte, and a
symlink planted in advance is never followed), fsynced, then moved into place. An existing target is
never replaced unless the caller says so (`force`); without it, the move is a hard link, which fails
if the target appeared meanwhile. A failure leaves the target as it was and no temporary file.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import IO

from debateprep.domain.errors import Conflict, InputError
from debateprep.i18n import _

# Temporary names are short and fixed in shape: a long target name (up to the 255-byte limit)
# must not make its temporary name too long.
TEMP_PREFIX = ".debateprep-"
TEMP_SUFFIX = ".tmp"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
# Filesystems without hard links answer link() with one of these: then rename (after a check).
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS}

Content = str | bytes | Callable[[IO[str]], None]


def write_private(path: str | Path, content: Content, *, force: bool = False, make_folder: bool = True) -> Path:
    """Write `content` (text, bytes, or a function writing text to a handle) to `path`, readable by
    its owner only, atomically. Conflict if `path` exists and not `force`; InputError naming the
    file for anything the system refuses (no such folder, permission, name too long, /proc …).
    `make_folder`: create the missing folders on the way (our own files: settings, backups);
    an export never does (services/exports.py)."""
    target = Path(path)
    try:
        return _write(target, content, force, make_folder)
    except OSError as exc:
        raise InputError(target, _("cannot write it ({error})").format(error=exc.strerror or exc)) from None
    except ValueError:  # a NUL character in the name
        raise InputError(target, _("not a usable file name")) from None


def refuse_existing(path: str | Path, force: bool) -> None:
    """Conflict if `path` exists (a dangling symlink counts) and not `force`: for callers that want
    to fail before doing expensive work. InputError for a folder."""
    target = Path(path)
    try:
        if target.is_dir():
            raise InputError(target, _("is a folder: give a file name"))
        if not force and os.path.lexists(target):
            raise Conflict(_("{path}: already exists; use --force to overwrite it").format(path=target))
    except OSError as exc:
        raise InputError(target, _("cannot write it ({error})").format(error=exc.strerror or exc)) from None
    except ValueError:
        raise InputError(target, _("not a usable file name")) from None


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError naming the file otherwise
    (no such file, a folder, a FIFO or device, too large, unreadable). A pseudo-file that reports
    size 0 (/proc) is read only up to the limit."""
    source = Path(path)
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(source, _("no such file")) from None
    except IsADirectoryError:
        raise InputError(source, _("is a folder, not a file")) from None
    except OSError as exc:
        raise InputError(source, _("cannot read it ({error})").format(error=exc.strerror or exc)) from None
    except ValueError:
        raise InputError(source, _("not a usable file name")) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(source, _("is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(source, _("not a regular file (a FIFO, device or socket)"))
        if info.st_size > limit:
            raise InputError(source, _("too large ({size} MB; the limit is {limit} MB)").format(
                size=f"{info.st_size / 1048576:.1f}", limit=f"{limit / 1048576:g}"))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise InputError(source, _("too large (more than {limit} MB)").format(limit=f"{limit / 1048576:g}"))
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(source, _("cannot read it ({error})").format(error=exc.strerror or exc)) from None
    finally:
        os.close(fd)


def _write(target: Path, content: Content, force: bool, make_folder: bool) -> Path:
    refuse_existing(target, force)
    folder = target.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    tmp, fd = _create_temp(folder)
    try:
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as raw:
                raw.write(content)
                raw.flush()
                os.fsync(raw.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                if isinstance(content, str):
                    handle.write(content)
                else:
                    content(handle)
                handle.flush()
                os.fsync(handle.fileno())
        _move_into_place(tmp, target, force)
        _sync_folder(folder)
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
    return target


def _create_temp(folder: Path) -> tuple[Path, int]:
    """A new file no one else made (O_EXCL) and that is not a symlink (O_NOFOLLOW), mode 0600."""
    for _ in range(100):
        tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
        try:
            return tmp, os.open(tmp, _CREATE, 0o600)
        except FileExistsError:
            continue  # planted or left over: never reuse it, take another name
    raise FileExistsError(errno.EEXIST, "could not create a temporary file next to it")


def _move_into_place(tmp: Path, target: Path, force: bool) -> None:
    if force:
        os.replace(tmp, target)  # replaces a symlink at `target` itself, never what it points to
        return
    try:
        os.link(tmp, target, follow_symlinks=False)  # fails if the target appeared meanwhile
    except FileExistsError:
        raise Conflict(_("{path}: already exists; use --force to overwrite it").format(path=target)) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(target):
            raise Conflict(_("{path}: already exists; use --force to overwrite it").format(path=target)) from None
        os.replace(tmp, target)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (a crash right after still finds the file)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
