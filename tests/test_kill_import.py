"""A real `kill -9` in the middle of a bulk import leaves the database intact and the import repeatable.

`debateprep library import` of the 902 real resolutions (../shared/data) runs in a subprocess; once
documents start to appear in the database, the process is SIGKILLed. Then: SQLite's integrity and
foreign-key checks pass, the full-text index agrees with its table, every stored document has all of
its paragraphs (as many as a clean import gives it), and importing again reaches the clean counts.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from debateprep.storage import backup as store
from debateprep.storage.db import Database, open_database
from tests.support import figures

KILL_AFTER = (60, 450)  # documents stored when the import is killed (of ~900)


def _import(url: str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "debateprep", "--db", url, "library", "import", str(folder), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _documents(db: Database) -> int:
    try:
        with db.session() as s:
            return int(s.connection().execute(text("SELECT COUNT(*) FROM library_documents")).scalar() or 0)
    except Exception:  # noqa: BLE001 - busy or not migrated yet: not started
        return 0


def _paragraphs_per_document(db: Database) -> dict[tuple[str, str], int]:
    with db.session() as s:
        rows = s.connection().execute(text(
            "SELECT d.symbol, d.lang, COUNT(p.id) FROM library_documents d "
            "LEFT JOIN library_paragraphs p ON p.document_id = d.id GROUP BY d.symbol, d.lang")).all()
    return {(r[0], r[1]): int(r[2]) for r in rows}


def _check_intact(db: Database) -> None:
    if db.dialect != "sqlite":
        return
    with db.session() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        # the full-text index agrees with library_paragraphs (raises if not)
        conn.exec_driver_sql("INSERT INTO library_fts(library_fts, rank) VALUES('integrity-check', 1)")


@pytest.fixture(scope="module")
def clean_import(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What an uninterrupted import of the same folder stores."""
    folder = shared_data / "resolutions_en_1946-1994"
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    done = _import(url, folder)
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err[-2000:]
    db = open_database(url)
    result = {"folder": folder, "counts": store.table_counts(db), "paragraphs": _paragraphs_per_document(db)}
    db.dispose()
    return result


def test_kill_9_in_the_middle_of_a_library_import(db_url: str, clean_import: dict[str, object]) -> None:
    folder: Path = clean_import["folder"]  # type: ignore[assignment]
    expected: dict[tuple[str, str], int] = clean_import["paragraphs"]  # type: ignore[assignment]
    db = open_database(db_url)
    before = 0
    for threshold in KILL_AFTER:
        proc = _import(db_url, folder)
        while _documents(db) < threshold:
            assert proc.poll() is None, "the import finished before it could be killed"
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        figures.add("kill -9: imports killed mid-way")

        _check_intact(db)
        stored = _paragraphs_per_document(db)
        assert threshold <= len(stored) < len(expected), "killed in the middle, not before or after"
        assert len(stored) > before
        half_written = {k: (n, expected.get(k)) for k, n in stored.items() if n != expected.get(k)}
        assert half_written == {}, "every stored document has all of its paragraphs"
        figures.add("kill -9: documents checked whole after a kill", len(stored))
        before = len(stored)

    again = _import(db_url, folder)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err[-2000:]
    report = json.loads(out)
    assert (len(report["skipped"]), len(report["imported"])) == (before, len(expected) - before)
    _check_intact(db)
    assert _paragraphs_per_document(db) == expected
    counts = store.table_counts(db)
    assert counts == clean_import["counts"]
    figures.add("kill -9: rows checked against a clean import", sum(counts.values()))
    db.dispose()
