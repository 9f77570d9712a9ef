"""Schema upgrades: a database made by the first migration moves forward with its data; every
migration steps down and back up (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from debateprep.services.backup import BackupService
from debateprep.services.debates import DebateService
from debateprep.storage import backup as store
from debateprep.storage import schema
from debateprep.storage.db import Database, open_database
from tests.conftest import SAMPLES, run_cli
from tests.support import figures
from tests.support.dbs import new_db_url  # noqa: F401 - fixture
from tests.support.fill import fill_every_table

FIXTURE = Path(__file__).parent / "fixtures" / "db_0001.sqlite"
NOTE = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"


def _old_copy(tmp_path: Path) -> str:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    path.chmod(0o600)
    return f"sqlite:///{path}"


def _assert_first_rows_intact(db: Database) -> None:
    debates = DebateService(db).list()
    assert [(d.id, d.title, d.meeting_number, d.meeting_date, d.concept_note_id, d.version) for d in debates] == [
        (1, "保护武装冲突中的平民", 7109, date(2014, 2, 12), 1, 2),
        (2, "Upholding the purposes and principles of the Charter", 8699, date(2020, 1, 9), None, 1),
    ]
    # stored before the rule: the default "no" now follows the rule (None), an explicit "yes" stays
    assert [d.settings.president_first for d in debates] == [None, True]
    with db.session() as s:
        conn = s.connection()
        note = conn.execute(text("SELECT symbol, presidency, letter_date, text FROM concept_notes")).one()
        questions = conn.execute(text("SELECT text, topic FROM questions ORDER BY position")).all()
    assert (note.symbol, note.presidency) == ("S/2014/74", "立陶宛")
    assert str(note.letter_date) == "2014-01-31"
    assert note.text == NOTE.read_text(encoding="utf-8")
    assert [q.text for q in questions] == ["保护平民政策、规划和准备相互脱节问题",
                                           "安全理事会在决议通过后继续关注保护平民任务的进展和挑战"]
    assert all(bool(q.topic) for q in questions)


def test_fixture_is_a_first_migration_database() -> None:
    db = Database(f"sqlite:///{FIXTURE}")
    try:
        assert db.current_revision() == "0001" == schema.revisions(db)[0]
    finally:
        db.dispose()


def test_database_from_the_first_migration_migrates_forward_with_its_data(tmp_path: Path) -> None:
    url = _old_copy(tmp_path)
    info = run_cli(["db", "info"], url)
    assert info.exit_code == 0 and "schema:   0001" in info.stdout and "behind" in info.stdout
    up = run_cli(["db", "upgrade"], url)
    assert up.exit_code == 0, up.stderr
    db = open_database(url, migrate=False)
    assert up.stdout.strip().endswith(f"schema 0001 -> {db.head_revision()}")
    assert db.current_revision() == db.head_revision()
    _assert_first_rows_intact(db)
    # and it works like a new one: fresh ids, every table usable
    assert DebateService(db).create("A new debate after the upgrade").id == 3
    assert all(fill_every_table(db, rows_per_table=2).values())
    again = run_cli(["db", "upgrade"], url)
    assert "already up to date" in again.stdout


@pytest.mark.postgres
def test_first_migration_data_migrates_forward_on_postgresql(new_db_url, tmp_path: Path) -> None:
    """The same 0001 rows, placed in a PostgreSQL database at 0001, then upgraded there."""
    old = open_database(_old_copy(tmp_path), migrate=False)
    dump = store.dump(old)
    assert dump.revision == "0001"
    pg = open_database(new_db_url("postgresql"))
    schema.downgrade(pg, "0001")
    store.restore(pg, dump)
    pg.migrate()
    assert pg.current_revision() == pg.head_revision()
    _assert_first_rows_intact(pg)
    assert DebateService(pg).create("next").id == 3


def test_backup_from_the_first_schema_restores_into_the_newest(db, tmp_path: Path) -> None:
    """A backup file made before later migrations is brought forward on restore (both databases)."""
    old = open_database(_old_copy(tmp_path), migrate=False)
    BackupService(old).backup(tmp_path / "old.json")
    summary = BackupService(db).restore(tmp_path / "old.json")
    assert summary.upgraded_from == "0001" and summary.revision == db.head_revision()
    _assert_first_rows_intact(db)


def _shape(db: Database) -> dict[str, list[tuple[str, bool]]]:
    with db.engine.connect() as conn:
        insp = inspect(conn)
        return {t: sorted((c["name"], bool(c["nullable"])) for c in insp.get_columns(t))
                for t in sorted(insp.get_table_names())}


def test_every_migration_steps_down_and_back_up_with_data(db) -> None:
    head_shape = _shape(db)
    DebateService(db).create("保护平民", meeting_date=date(2014, 2, 12))
    fill_every_table(db, rows_per_table=3)
    debates_before = store.table_counts(db)["debates"]
    chain = schema.revisions(db)
    for revision in reversed(chain[:-1]):  # one step at a time, each with rows in every table
        schema.downgrade(db, revision)
        assert db.current_revision() == revision
        figures.add("migrations: downgrade steps run with data")
        assert store.table_counts(db)["debates"] == debates_before
    schema.downgrade(db, "base")
    assert db.current_revision() is None
    assert set(_shape(db)) <= {"alembic_version"}
    db.migrate()
    assert db.current_revision() == db.head_revision()
    assert _shape(db) == head_shape
    assert all(fill_every_table(db, rows_per_table=2).values())
