"""Where things live: database URL and data directory, each overridable.

Nothing here runs at import time; callers ask when they need a value.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATABASE_URL = "DEBATEPREP_DATABASE_URL"
ENV_DATA_DIR = "DEBATEPREP_DATA_DIR"
ENV_CONFIG_DIR = "DEBATEPREP_CONFIG_DIR"


def data_dir() -> Path:
    """The user's data directory (platformdirs), or $DEBATEPREP_DATA_DIR."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("debateprep", appauthor=False)


def config_dir() -> Path:
    """The user's config directory (platformdirs), or $DEBATEPREP_CONFIG_DIR."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path("debateprep", appauthor=False)


def settings_path() -> Path:
    """The user's own settings (the interface language): not in the database, which a team may share."""
    return config_dir() / "settings.json"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'debateprep.db'}"


def resolve_database_url(flag: str | None = None) -> str:
    """`--db` beats $DEBATEPREP_DATABASE_URL beats the default SQLite file.

    A bare path (no `://`) is taken as a SQLite file.
    """
    url = flag or os.environ.get(ENV_DATABASE_URL) or default_database_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
