"""`--db` pointing at the wrong thing: nothing is created, chmodded or turned into a database
unless it is a new file of ours or a SQLite database of the user's own. Tests use folders, FIFOs
and symlinks under tmp_path only (never a real device)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from debateprep.storage.db import open_database
from tests.conftest import run_cli

COMMANDS = (["db", "info"], ["debate", "list"], ["debate", "new", "x"], ["db", "upgrade"])


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _refused(target: Path | str, *expected: str) -> None:
    for command in COMMANDS:
        result = run_cli(command, str(target))
        assert result.exit_code == 2, (command, result.stdout, result.stderr)
        named = (f"debateprep: error: {target}: ", f"debateprep: error: {Path(target).resolve()}: ")
        assert result.stderr.startswith(named) and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert any(e in result.stderr for e in expected), result.stderr


def test_a_folder_is_refused_and_keeps_its_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "somedir"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    _refused(folder, "is a folder")
    assert _mode(folder) == 0o755 and list(folder.iterdir()) == []


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("our talking points\n", encoding="utf-8")
    notes.chmod(0o644)
    _refused(notes, "is not a SQLite database")
    assert _mode(notes) == 0o644 and notes.read_text(encoding="utf-8") == "our talking points\n"


def test_an_empty_file_does_not_silently_become_a_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    empty.chmod(0o644)
    _refused(empty, "is an empty file")
    assert empty.stat().st_size == 0 and _mode(empty) == 0o644


def test_a_fifo_and_a_symlink_to_a_text_file_are_refused_untouched(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo, 0o644)
    os.chmod(fifo, 0o644)
    _refused(fifo, "not a regular file")
    assert _mode(fifo) == 0o644
    target = tmp_path / "victim.txt"
    target.write_text("x" * 100, encoding="utf-8")
    target.chmod(0o644)
    link = tmp_path / "link.db"
    link.symlink_to(target)
    _refused(link, "is not a SQLite database")
    assert _mode(target) == 0o644


def test_a_path_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc here")
    for command in COMMANDS[1:]:
        result = run_cli(command, "/proc/nonexistent.db")
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("debateprep: error: /proc/nonexistent.db: cannot create a database here")


def test_db_info_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "new" / "debateprep.db"
    info = run_cli(["db", "info"], str(missing))
    assert info.exit_code == 2 and "no database here yet" in info.stderr
    assert not missing.parent.exists()
    assert run_cli(["debate", "new", "保护平民"], str(missing)).exit_code == 0  # a writing command creates it
    assert _mode(missing) == 0o600
    assert run_cli(["db", "info"], str(missing)).exit_code == 0


def test_a_real_database_of_ours_is_made_private_and_used(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_database(f"sqlite:///{path}").dispose()
    path.chmod(0o644)
    assert run_cli(["debate", "list"], str(path)).exit_code == 0
    assert _mode(path) == 0o600
