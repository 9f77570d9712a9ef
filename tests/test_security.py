"""Delegation material is confidential: files readable by their owner only; credentials (only ever
from the URL or the environment) never in errors, logs, `db info`, or backups."""

from __future__ import annotations

import ast
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from debateprep.services.debates import DebateService
from debateprep.storage.db import open_database
from tests.conftest import run_cli
from tests.support.dbs import new_db_url  # noqa: F401 - fixture

SRC = Path(__file__).resolve().parents[1] / "src" / "debateprep"
SECRET = "s3cr3t-Pa55"
UNREACHABLE = f"postgresql+psycopg://delegate:{SECRET}@127.0.0.1:1/mission"


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: any private file must be private on purpose."""
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_sqlite_database_and_its_wal_files_are_private(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "data" / "debateprep.db"
    db = open_database(f"sqlite:///{path}")
    DebateService(db).create("保护平民")  # writes: the -wal and -shm files exist now
    files = [p for p in path.parent.iterdir() if p.name.startswith("debateprep.db")]
    assert {p.name for p in files} >= {"debateprep.db", "debateprep.db-wal"}
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    db.dispose()


def test_default_database_file_is_private(open_umask: None) -> None:
    result = run_cli(["debate", "new", "Protection of civilians"])
    assert result.exit_code == 0, result.stderr
    path = Path(os.environ["DEBATEPREP_DATA_DIR"]) / "debateprep.db"
    assert _mode(path) == 0o600


def test_an_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_database(f"sqlite:///{path}").dispose()
    path.chmod(0o644)
    open_database(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600


def test_exports_and_backups_are_private_and_never_overwritten(sqlite_cli, tmp_path: Path,
                                                               open_umask: None) -> None:
    assert sqlite_cli(["debate", "new", "Protection of civilians", "--meeting", "7109"]).exit_code == 0
    made = []
    for name, args in (("backup.json", ["backup"]), ("brief.md", ["export", "brief", "-o"])):
        target = tmp_path / name
        first = sqlite_cli([*args, target])
        assert first.exit_code == 0, first.stderr
        assert _mode(target) == 0o600, name
        before = target.read_bytes()
        again = sqlite_cli([*args, target])
        assert again.exit_code == 2 and "already exists; use --force" in again.stderr
        assert target.read_bytes() == before
        made.append(name)
    assert made == ["backup.json", "brief.md"]


def test_file_writes_in_the_program_go_through_the_private_writer() -> None:
    """Any file the program writes for the user is created 0600, never through a symlink, and never
    overwritten unasked: the code writes through debateprep.files.write_private, never directly.
    (storage/db.py creates the database file itself; it checks the path first.)"""
    allowed = {"files.py": {"open", "fdopen"}, "storage/db.py": {"open"}}
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = str(path.relative_to(SRC))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            writes = name in ("write_text", "write_bytes", "mkstemp", "NamedTemporaryFile", "fdopen")
            if name == "open" and owner == "os":
                writes = True
            elif name == "open" and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant):
                writes = any(m in str(node.args[1].value) for m in "wax+")
            if writes and name not in allowed.get(rel, set()):
                offenders.append(f"{rel}:{node.lineno} {name}")
    assert offenders == []


# -- credentials -----------------------------------------------------------------------------

COMMANDS = (
    ["debate", "list"],
    ["debate", "new", "x"],
    ["db", "info"],
    ["db", "upgrade"],
    ["backup", "{tmp}/b.json"],
    ["restore", "{tmp}/missing.json"],
    ["notes", "list"],
    ["speakers", "list", "1"],
    ["library", "list"],
    ["prst", "list"],
)


@pytest.mark.parametrize("via", ["flag", "environment"])
def test_password_never_in_errors_or_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          caplog: pytest.LogCaptureFixture, via: str) -> None:
    caplog.set_level(logging.DEBUG)
    if via == "environment":
        monkeypatch.setenv("DEBATEPREP_DATABASE_URL", UNREACHABLE)
    tried = 0
    for command in COMMANDS:
        args = [a.replace("{tmp}", str(tmp_path)) for a in command]
        result = run_cli(args, UNREACHABLE if via == "flag" else None)
        if result.exit_code == 2 and "invalid choice" in result.stderr:
            continue
        tried += 1
        assert SECRET not in result.stdout + result.stderr, command
        assert "Traceback" not in result.stderr
        assert result.exit_code != 0 and result.stderr.count("\n") == 1, (command, result.stderr)
        assert "delegate:***@127.0.0.1:1/mission" in result.stderr or "restore" in command, result.stderr
    assert tried >= 6
    assert SECRET not in caplog.text
    assert not any(SECRET in p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())


@pytest.mark.parametrize("url", [
    f"postgresql+psycopg://delegate:{SECRET}@127.0.0.1:notaport/mission",
    f"postgresql+psycopg://delegate:{SECRET}@no-such-host.invalid/mission",
    f"mysql://delegate:{SECRET}@127.0.0.1/mission",
    f"postgresql+psycopg://delegate:{SECRET}@[::1/mission",
    # issue 17: a password in the query, in every spelling libpq takes
    f"postgresql://delegate@no-such-host.invalid/mission?password={SECRET}",
    f"postgresql://delegate@127.0.0.1:1/mission?sslmode=disable&password={SECRET}",
    f"postgresql://delegate@127.0.0.1:1/mission?sslpassword={SECRET}&passfile=/home/d/{SECRET}",
    f"postgresql://no-such-host.invalid/mission?PASSWORD={SECRET}",
    # an unencoded "@" in the password: its tail must not come back as a host name
    f"postgresql://delegate:Pa@{SECRET}@no-such-host.invalid/mission",
    f"postgresql://delegate:{SECRET}@x@127.0.0.1:1/mission",
    # drivers that are not installed (used to be a ModuleNotFoundError traceback)
    f"postgresql+psycopg2://delegate:{SECRET}@127.0.0.1:1/mission",
    f"postgresql+asyncpg://delegate:{SECRET}@127.0.0.1:1/mission",
    f"postgresql+pg8000://delegate:{SECRET}@127.0.0.1:1/mission",
])
@pytest.mark.parametrize("command", [["debate", "list"], ["db", "info"], ["db", "info", "--json"]])
def test_malformed_or_unsupported_urls_hide_the_password(url: str, command: list[str]) -> None:
    result = run_cli(command, url)
    assert result.exit_code == 2, result.stdout
    assert SECRET not in result.stderr + result.stdout and "Traceback" not in result.stderr
    assert result.stderr.startswith("debateprep: error: ") and result.stderr.count("\n") == 1, result.stderr


def test_redaction_of_every_form_of_credential() -> None:
    from debateprep.storage.db import redact, scrub

    assert redact(f"postgresql://d:{SECRET}@h/m?password={SECRET}&sslpassword=x&application_name=a") == (
        "postgresql://d:***@h/m?application_name=a&password=***&sslpassword=***")
    assert redact(f"postgresql://d:Pa@{SECRET}@h/m") == "postgresql://***@h/m"
    assert redact(f"not a url d:{SECRET}@host/m?passfile=/x") == "***@host/m?passfile=***"
    quoted = f'failed to resolve host "{SECRET}@h": connection to d:Pa@{SECRET} refused'
    assert SECRET not in scrub(quoted, f"postgresql://d:Pa@{SECRET}@h/m")


@pytest.mark.postgres
def test_db_info_and_backup_on_postgresql_never_show_the_password(new_db_url, tmp_path: Path) -> None:
    # the test server trusts local connections, so a password in the URL is accepted and unused
    url = new_db_url("postgresql").replace("://postgres@", f"://postgres:{SECRET}@")
    assert SECRET in url
    assert run_cli(["debate", "new", "保护平民"], url).exit_code == 0
    info = run_cli(["db", "info"], url)
    assert info.exit_code == 0, info.stderr
    assert SECRET not in info.stdout and "postgres:***@" in info.stdout and "kind:     postgresql" in info.stdout
    as_json = run_cli(["db", "info", "--json"], url)
    assert SECRET not in as_json.stdout and as_json.json()["dialect"] == "postgresql"  # type: ignore[index]
    backup = run_cli(["backup", tmp_path / "b.json"], url)
    assert backup.exit_code == 0 and SECRET not in backup.stdout + backup.stderr
    content = (tmp_path / "b.json").read_text(encoding="utf-8")
    assert SECRET not in content and "127.0.0.1" not in content and "保护平民" in content
    restore = run_cli(["restore", tmp_path / "b.json"], url)  # refused: not empty
    assert restore.exit_code == 2 and SECRET not in restore.stderr and "postgres:***@" in restore.stderr


@pytest.mark.parametrize("statement", ["SELECT * FROM no_such_table", "INSERT INTO debates (title) VALUES (NULL)"])
def test_failing_statements_name_the_database_without_its_password(db_url: str, statement: str) -> None:
    from sqlalchemy import text

    from debateprep.domain.errors import DatabaseError

    url = db_url.replace("://postgres@", f"://postgres:{SECRET}@")  # PostgreSQL: a password to hide
    db = open_database(url)
    with pytest.raises(DatabaseError) as failed:
        with db.transaction() as s:
            s.connection().execute(text(statement))
    assert SECRET not in str(failed.value) and str(failed.value).startswith(f"database {db.display_url}: ")
    db.dispose()
