"""How the TUI words an error for a notification (never a traceback)."""

from __future__ import annotations

from debateprep.domain.errors import DebateprepError


def describe_error(error: BaseException) -> str:
    """Our own errors are complete one-line messages; anything else gets its type named."""
    if isinstance(error, DebateprepError):
        return str(error)
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else f"unexpected {type(error).__name__}"
