"""The foundation: database, migrations, debates, CLI error handling."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from debateprep.config import resolve_database_url
from debateprep.domain.errors import NotFound, StaleEdit
from debateprep.services.debates import DebateService
from debateprep.storage.db import open_database, redact


def test_migrations_reach_head(db) -> None:
    assert db.current_revision() == db.head_revision()


def test_debate_round_trip_and_stale_edit(db) -> None:
    service = DebateService(db)
    debate = service.create("Protection of civilians in armed conflict", meeting_number=7109,
                            meeting_date=date(2014, 2, 12), presidency="Lithuania")
    assert service.get(debate.id).meeting_date == date(2014, 2, 12)
    first = service.update(debate, presidency="立陶宛", default_limit_minutes=4)
    assert first.version == 2 and first.settings.default_limit_minutes == 4
    with pytest.raises(StaleEdit, match="presidency"):
        service.update(debate, presidency="Lithuania (stale)")
    assert service.get(debate.id).presidency == "立陶宛"


def test_resolve_defaults_to_latest_and_reports_missing(db) -> None:
    service = DebateService(db)
    with pytest.raises(NotFound):
        service.resolve(None)
    service.create("A")
    b = service.create("B")
    assert service.resolve(None).id == b.id
    with pytest.raises(NotFound):
        service.resolve(999)


def test_sqlite_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "x.db"
    db = open_database(f"sqlite:///{path}")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_database_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resolve_database_url().endswith("debateprep.db")
    monkeypatch.setenv("DEBATEPREP_DATABASE_URL", "postgresql://u:secret@h/db")
    assert resolve_database_url() == "postgresql://u:secret@h/db"
    assert resolve_database_url(str(tmp_path / "f.db")) == f"sqlite:///{tmp_path / 'f.db'}"
    assert "secret" not in redact("postgresql://u:secret@h/db")


def test_unreachable_server_error_hides_password(sqlite_cli) -> None:
    from tests.conftest import run_cli

    result = run_cli(["debate", "list"], "postgresql+psycopg://me:hunter2@127.0.0.1:1/nodb")
    assert result.exit_code == 2
    assert "hunter2" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("debateprep: error: database postgresql+psycopg://me:***@127.0.0.1:1/nodb")


def test_cli_debate_commands(cli) -> None:
    made = cli(["debate", "new", "Protection of civilians", "--meeting", "7109", "--date", "2014-02-12", "--json"])
    assert made.exit_code == 0, made.stderr
    assert made.json()["meeting_date"] == "2014-02-12"
    listed = cli(["debate", "list", "--json"]).json()
    assert [d["title"] for d in listed] == ["Protection of civilians"]
    missing = cli(["debate", "show", "42"])
    assert missing.exit_code == 1 and missing.stderr.strip() == "debateprep: error: no debate #42 (see `debateprep debate list`)"
    nothing = cli(["debate", "set", "1"])
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr
