"""More than one database in a test: `new_db_url("sqlite")`, `new_db_url("postgresql")`.

Import the fixture into a test module (`from tests.support.dbs import new_db_url`). The PostgreSQL
databases come from the session's real server (tests/conftest.py), skipped or failed like `db`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], str]:
    """A factory of fresh, migrated databases of either kind."""
    from tests.conftest import _new_pg_database

    made: list[str] = []

    def make(kind: str) -> str:
        if kind == "sqlite":
            path = tmp_path / f"extra{len(made)}.db"
            shutil.copy(request.getfixturevalue("_sqlite_template"), path)
            path.chmod(0o600)
            url = f"sqlite:///{path}"
        elif kind == "postgresql":
            url = _new_pg_database(request)
        else:
            raise ValueError(kind)
        made.append(url)
        return url

    return make


def other(kind: str) -> str:
    return "postgresql" if kind == "sqlite" else "sqlite"
