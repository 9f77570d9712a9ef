"""Backup and restore: a portable JSON dump of the whole database or one debate, SQLite <-> PostgreSQL."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, Text

from debateprep.domain.errors import Conflict, InputError
from debateprep.services.backup import BackupService, read_backup
from debateprep.services.debates import DebateService
from debateprep.storage import backup as store
from debateprep.storage.db import open_database
from tests.conftest import LIBRARY_SAMPLES, SAMPLES, SHARED_DATA, run_cli
from tests.support import figures
from tests.support.dbs import BACKENDS, new_db_url  # noqa: F401 - fixture
from tests.support.fill import fill_every_table, populate_with_cli, table_rows


def _samples() -> dict[str, object]:
    spv = SHARED_DATA / "spv_2020_speeches"
    return {"concept_note": next(iter(sorted(SAMPLES.glob("*.zh.txt"))), None),
            "library": sorted(LIBRARY_SAMPLES.glob("*.txt")), "spv": spv if spv.is_dir() else None}


def _checked(dump: store.Dump) -> int:
    rows = dump.row_count
    figures.add("backup: rows compared after a round trip", rows)
    return rows


@pytest.mark.postgres
def test_round_trip_sqlite_postgresql_sqlite_keeps_every_row(new_db_url, tmp_path: Path) -> None:
    first, middle, last = new_db_url("sqlite"), new_db_url("postgresql"), new_db_url("sqlite")
    added = populate_with_cli(first, run_cli, _samples())
    assert {"debate (zh)", "concept note", "library", "speakers"} <= set(added), added
    filled = fill_every_table(open_database(first))
    assert all(filled.values()), f"tables the filler could not fill: {filled}"

    source = store.dump(open_database(first))
    assert all(t.rows for t in source.tables), "every table has rows to carry"
    for source_url, target_url, name in ((first, middle, "a.json"), (middle, last, "b.json")):
        made = run_cli(["backup", tmp_path / name], source_url)
        assert made.exit_code == 0, made.stderr
        restored = run_cli(["restore", tmp_path / name], target_url)
        assert restored.exit_code == 0, restored.stderr

    on_pg, back = store.dump(open_database(middle)), store.dump(open_database(last))
    assert on_pg.dialect == "postgresql" and back.dialect == "sqlite"
    assert table_rows(on_pg) == table_rows(source)
    assert table_rows(back) == table_rows(source)
    assert _checked(source) + _checked(on_pg) > 0

    # Types come back as types, on both databases.
    for url in (middle, last):
        debates = DebateService(open_database(url)).list()
        assert [(d.title, d.meeting_date, d.settings.president_first) for d in debates] == [
            (d.title, d.meeting_date, d.settings.president_first)
            for d in DebateService(open_database(first)).list()]
    # Search indexes are derived, not carried: they are rebuilt and find the same paragraphs.
    if "library" in added:
        for query in ("维持和平", "保护平民", "问责"):
            hits = [{h["id"] for h in run_cli(["library", "search", query, "--json", "--limit", "500"], url).json()}
                    for url in (first, middle, last)]  # type: ignore[union-attr]
            assert hits[0] and hits[0] == hits[1] == hits[2], query
    # PostgreSQL sequences moved past the restored ids: a new row gets a fresh id.
    highest = max(d.id for d in DebateService(open_database(middle)).list())
    assert DebateService(open_database(middle)).create("After the restore").id == highest + 1


def test_backup_file_is_private_and_never_overwritten(db, tmp_path: Path) -> None:
    DebateService(db).create("保护平民")
    target = tmp_path / "nested" / "backup.json"
    old_umask = os.umask(0)
    try:
        BackupService(db).backup(target)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    with pytest.raises(Conflict, match="already exists; use --force"):
        BackupService(db).backup(target)
    assert target.read_bytes() == before
    DebateService(db).create("second")
    BackupService(db).backup(target, force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(read_backup(target).tables[[t.name for t in read_backup(target).tables].index("debates")].rows) == 2
    assert [p.name for p in target.parent.iterdir()] == ["backup.json"], "no temporary file left behind"


def test_restore_needs_an_empty_database_or_replace(db, new_db_url, tmp_path: Path) -> None:
    DebateService(db).create("Protection of civilians")
    BackupService(db).backup(tmp_path / "b.json")
    with pytest.raises(Conflict, match="is not empty.*--replace"):
        BackupService(db).restore(tmp_path / "b.json")
    DebateService(db).create("made after the backup")
    BackupService(db).restore(tmp_path / "b.json", replace=True)
    assert [d.title for d in DebateService(db).list()] == ["Protection of civilians"]


def test_restore_refuses_a_backup_from_a_newer_schema(db, tmp_path: Path) -> None:
    DebateService(db).create("A")
    path = tmp_path / "b.json"
    BackupService(db).backup(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema_revision"] = "9999"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli(["restore", path], db.url)
    assert result.exit_code == 2
    assert result.stderr == (f"debateprep: error: {path}: made by a newer debateprep (schema 9999; this one "
                             f"knows up to {db.head_revision()}): upgrade debateprep to restore it\n")


@pytest.mark.parametrize("damage", ["bad value", "missing parent"])
def test_a_failing_restore_writes_nothing(db, new_db_url, tmp_path: Path, damage: str) -> None:
    DebateService(db).create("Protection of civilians")
    fill_every_table(db)
    path = tmp_path / "b.json"
    BackupService(db).backup(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    last = [t for t in data["tables"] if t["rows"]][-1]
    if damage == "bad value":  # in the last table: everything before it was already inserted
        columns = [c for c, _ in last["columns"]]
        last["rows"][-1][columns.index("id")] = "not a number"
        expected: type[Exception] = InputError
    else:
        child = next(t for t in data["tables"] if t["name"] == "questions")
        child["rows"][-1][[c for c, _ in child["columns"]].index("note_id")] = 999999
        expected = InputError  # the database refuses the row: the backup file is named as the culprit
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = open_database(new_db_url(db.dialect))
    with pytest.raises(expected):
        BackupService(target).restore(path)
    figures.add("backup: faults injected into restores")
    assert sum(store.table_counts(target).values()) == 0


# -- one debate ------------------------------------------------------------------------------


def _extra_tables(url: str) -> dict[str, Table]:
    """Tables another feature might add: the dump must follow their foreign keys without knowing them."""
    md = MetaData()
    Table("zz_shared", md, Column("id", Integer, primary_key=True), Column("name", Text))
    Table("zz_shared_part", md, Column("id", Integer, primary_key=True),
          Column("shared_id", Integer, ForeignKey("zz_shared.id", ondelete="CASCADE"), nullable=False),
          Column("text", Text))
    Table("zz_child", md, Column("id", Integer, primary_key=True),
          Column("debate_id", Integer, ForeignKey("debates.id", ondelete="CASCADE"), nullable=False),
          Column("shared_id", Integer, ForeignKey("zz_shared.id"), nullable=True),
          Column("parent_id", Integer, ForeignKey("zz_child.id"), nullable=True),
          Column("label", Text))
    Table("zz_grandchild", md, Column("id", Integer, primary_key=True),
          Column("child_id", Integer, ForeignKey("zz_child.id", ondelete="CASCADE"), nullable=False),
          Column("note", Text))
    Table("debates", md, Column("id", Integer, primary_key=True))  # only to resolve the foreign key
    db = open_database(url)
    md.create_all(db.engine, tables=[t for t in md.sorted_tables if t.name != "debates"])
    return dict(md.tables)


def test_one_debate_backup_follows_foreign_keys_generically(db, new_db_url, tmp_path: Path) -> None:
    service = DebateService(db)
    ours, theirs = service.create("保护平民 ours"), service.create("theirs")
    tables = _extra_tables(db.url)
    with db.engine.begin() as conn:
        conn.execute(tables["zz_shared"].insert(), [{"id": 1, "name": "used"}, {"id": 2, "name": "unused"}])
        conn.execute(tables["zz_shared_part"].insert(), [
            {"id": 1, "shared_id": 1, "text": "part of used"}, {"id": 2, "shared_id": 2, "text": "part of unused"}])
        # a reply (id 2) stored before its parent (id 3): restore must insert the parent first
        conn.execute(tables["zz_child"].insert(), [
            {"id": 3, "debate_id": ours.id, "shared_id": 1, "parent_id": None, "label": "ours"},
            {"id": 4, "debate_id": theirs.id, "shared_id": 2, "parent_id": None, "label": "theirs"},
        ])
        conn.execute(tables["zz_child"].insert(), [
            {"id": 2, "debate_id": ours.id, "shared_id": None, "parent_id": 3, "label": "ours, reply"}])
        conn.execute(tables["zz_grandchild"].insert(), [
            {"id": 1, "child_id": 2, "note": "under ours"}, {"id": 2, "child_id": 4, "note": "under theirs"}])
        store.fix_sequences(conn, list(tables.values()))  # PostgreSQL: explicit ids above

    BackupService(db).backup(tmp_path / "exact.json", debate_id=ours.id)
    dump = read_backup(tmp_path / "exact.json")
    rows = {t.name: t.rows for t in dump.tables}
    assert dump.scope == {"kind": "debate", "debate_id": ours.id, "title": "保护平民 ours"}
    assert [r[0] for r in rows["debates"]] == [ours.id]
    assert [r[0] for r in rows["zz_child"]] == [3, 2]  # parent first
    assert [r[0] for r in rows["zz_grandchild"]] == [1]
    assert [r[0] for r in rows["zz_shared"]] == [1]  # referred to: needed
    assert [r[0] for r in rows["zz_shared_part"]] == [1]  # owned (ON DELETE CASCADE) by what is needed

    fill_every_table(db, rows_per_table=6)  # every table of every feature, linked at random
    BackupService(db).backup(tmp_path / "ours.json", debate_id=ours.id)
    dump = read_backup(tmp_path / "ours.json")
    rows = {t.name: t.rows for t in dump.tables}
    assert [r[0] for r in rows["debates"]] == [ours.id]
    full = {t.name: t for t in store.dump(db).tables}
    for name, table in full.items():  # all of our rows in tables hanging off debates, and only ours
        cols = [c for c, _ in table.columns]
        if "debate_id" in cols:
            i = cols.index("debate_id")
            assert sorted(r[0] for r in rows[name]) == sorted(r[0] for r in table.rows if r[i] == ours.id)

    target_url = new_db_url(db.dialect)
    _extra_tables(target_url)
    result = run_cli(["restore", tmp_path / "ours.json"], target_url)
    assert result.exit_code == 0, result.stderr
    assert table_rows(store.dump(open_database(target_url))) == table_rows(dump)
    figures.add("backup: rows compared after a round trip", dump.row_count)


def test_cli_backup_of_a_missing_debate(cli, tmp_path: Path) -> None:
    result = cli(["backup", tmp_path / "x.json", "--debate", "42"])
    assert result.exit_code == 1
    assert result.stderr == "debateprep: error: no debate #42 (see `debateprep debate list`)\n"
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("content,problem", [
    (b"", "bad JSON at line 1"),
    (b"\xff\xfe{}", "not UTF-8 text"),
    (b'{"format": "something-else"}', "not a debateprep backup"),
    (b'{"format": "debateprep-backup", "format_version": 7}', "made by a newer debateprep (backup format 7)"),
    (b'{"format": "debateprep-backup", "format_version": 1, "schema_revision": "0001", "scope": {}, '
     b'"tables": [{"name": "debates", "columns": [["id", "integer"]], "rows": [[1, 2]]}]}', "rows do not match"),
])
def test_damaged_backup_files_are_refused_in_one_line(sqlite_cli, tmp_path: Path, content: bytes,
                                                      problem: str) -> None:
    path = tmp_path / "b.json"
    path.write_bytes(content)
    result = sqlite_cli(["restore", path])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"debateprep: error: {path}: ") and problem in result.stderr
    assert result.stderr.count("\n") == 1


def test_rows_the_database_refuses_name_the_backup_file(sqlite_cli, tmp_path: Path) -> None:
    """A backup edited by hand (a required value emptied): the database refuses the row; the error
    names the backup, not only the database, and nothing is written (found by the fuzz test)."""
    path = tmp_path / "b.json"
    assert sqlite_cli(["debate", "new", "保护平民"]).exit_code == 0
    assert sqlite_cli(["backup", path]).exit_code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    table = next(t for t in data["tables"] if t["name"] == "debates")
    title = [name for name, _ in table["columns"]].index("title")
    table["rows"][0][title] = None
    path.write_text(json.dumps(data), encoding="utf-8")
    target = f"sqlite:///{tmp_path / 'target.db'}"
    result = run_cli(["restore", path], target)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"debateprep: error: {path}: not restored, nothing written: ")
    assert run_cli(["debate", "list", "--json"], target).json() == []


@pytest.mark.postgres
@pytest.mark.parametrize("kind", BACKENDS)
def test_nul_characters_from_an_old_sqlite_file_go_the_same_way_on_both_databases(new_db_url, tmp_path: Path,
                                                                                 kind: str) -> None:
    """An old SQLite file may hold NUL characters (stored before input was cleaned); PostgreSQL
    cannot store them. A restore cleans them on either database, so both end up with the same text."""
    source = open_database(new_db_url("sqlite"))
    debate = DebateService(source).create("保护平民")
    with source.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE debates SET title = ? WHERE id = ?", ("保护\x00平民\x1b[31m", debate.id))
    BackupService(source).backup(tmp_path / "nul.json")
    target = open_database(new_db_url(kind))
    BackupService(target).restore(tmp_path / "nul.json")
    assert [d.title for d in DebateService(target).list()] == ["保护平民[31m"]


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_backup_with_a_value_over_the_limits_is_refused_the_same_on_both_databases(
        new_db_url, tmp_path: Path, kind: str) -> None:
    """Issue 17: a 400-character name stored in an old SQLite file used to restore into SQLite and
    fail on PostgreSQL (varchar(300)); an integer over 32 bits likewise. Now both refuse it alike."""
    from debateprep.services.speakers import SpeakersService

    source = open_database(new_db_url("sqlite"))
    debate = DebateService(source).create("保护平民")
    entry = SpeakersService(source).add(debate.id, "China")
    with source.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE speaker_entries SET representative = ? WHERE id = ?", ("x" * 400, entry.id))
    BackupService(source).backup(tmp_path / "long.json")
    with source.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE speaker_entries SET representative = '', draw = ? WHERE id = ?", (2**40, entry.id))
    BackupService(source).backup(tmp_path / "big.json")
    target = open_database(new_db_url(kind))
    with pytest.raises(InputError) as long_refused:
        BackupService(target).restore(tmp_path / "long.json")
    assert "column representative is 400 characters long (at most 300)" in str(long_refused.value)
    with pytest.raises(InputError) as big_refused:
        BackupService(target).restore(tmp_path / "big.json")
    assert "column draw 1099511627776 is out of range" in str(big_refused.value)
    assert sum(store.table_counts(target).values()) == 0
