"""Use cases: the user's own settings, kept in a small JSON file in the config directory.

They are the person's, not the debate's: a team shares one database, but each member reads the
interface in their own language. Only the interface language is kept so far.
"""

from __future__ import annotations

import json
from pathlib import Path

from debateprep.config import settings_path
from debateprep.i18n import LANGUAGES


class UserSettings:
    """The settings file at `path` (default: `config.settings_path()`, read when asked)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        return self._path or settings_path()

    def read(self) -> dict[str, object]:
        """What is stored; nothing when the file is missing or unreadable (a setting is never worth
        refusing to start over)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def language(self) -> str | None:
        """The interface language chosen last (None: never chosen, or not one we have)."""
        value = self.read().get("language")
        return value if isinstance(value, str) and value in LANGUAGES else None

    def set_language(self, code: str) -> None:
        """Remember `code` as the interface language (the file is the user's only, written atomically)."""
        if code not in LANGUAGES:
            raise ValueError(f"unknown interface language {code!r}")
        from debateprep.files import write_private

        data = {**self.read(), "language": code}
        write_private(self.path, json.dumps(data, ensure_ascii=False, indent=2), force=True)
