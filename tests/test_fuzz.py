"""Malformed and hostile input at every importer and at the CLI (hypothesis).

Property: each case ends with a correct result, or with one line `debateprep: error: <file>: …`
(bulk imports: `failed: <file>: …` lines) and a non-zero exit; never a traceback; and a failure
writes nothing (every table's row count unchanged). The cases run are counted in the figures
printed at the end of the session.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import json
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debateprep.cli.main import one_line
from debateprep.domain.errors import DebateprepError
from debateprep.storage import backup as store
from debateprep.storage.db import Database, open_database
from tests.conftest import LIBRARY_SAMPLES, CliResult, run_cli
from tests.support import figures
from tests.support.hostile import CONTROL, crafted, hostile_file

# The same cases on every run (CI included), so a red run can be replayed; DEBATEPREP_FUZZ_RANDOM=1
# explores new ones (what found the bugs fixed so far).
RANDOM = os.environ.get("DEBATEPREP_FUZZ_RANDOM") == "1"
# Per case: hypothesis fails an example slower than CASE_SECONDS (and replays it to be sure), and a
# case that hangs is stopped at HANG_SECONDS; a future quadratic path fails CI instead of hanging it.
CASE_SECONDS = 30
HANG_SECONDS = 60
FUZZ = settings(deadline=timedelta(seconds=CASE_SECONDS), derandomize=not RANDOM, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])
_names = itertools.count()


class CaseHung(BaseException):
    """Not an Exception: the CLI's own last-resort handlers must not turn it into an error line."""


@contextlib.contextmanager
def hang_guard(what: object, seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Stop a case that runs past `seconds` with an error naming it (SIGALRM: main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise CaseHung(f"fuzz case ran past {seconds} s (worse than linear?): {str(what)[:300]}")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _importers() -> dict[str, Callable[[Path], Any]]:
    """Every file importer that exists so far, as `path -> result`."""
    found: dict[str, Callable[[Path], Any]] = {}

    def maybe(name: str, module: str, make: Callable[[Any], Callable[[Path], Any]]) -> None:
        try:
            found[name] = make(importlib.import_module(module))
        except (ImportError, AttributeError):
            pass

    maybe("reader.read_document", "debateprep.importers.reader", lambda m: m.read_document)
    maybe("concept_note.import_concept_note", "debateprep.importers.concept_note", lambda m: m.import_concept_note)
    maybe("library.load_adopted", "debateprep.importers.library", lambda m: m.load_adopted)

    def statements(m: Any) -> Callable[[Path], Any]:
        from debateprep.domain.roster import Roster

        roster = Roster.load()
        found["statements.read_record_files"] = lambda p: m.read_record_files([p], roster)
        return lambda p: m.statement_from_file(p, roster)

    maybe("statements.statement_from_file", "debateprep.importers.statements", statements)
    return found


IMPORTERS = _importers()

# Commands that read a file; {f} is the file. A debate #1 exists in the fuzz database.
FILE_COMMANDS = (
    ["import", "{f}"],
    ["notes", "import", "{f}", "--symbol", "S/2014/74"],
    ["library", "import", "{f}"],
    ["statements", "import", "1", "{f}"],
    ["statements", "import", "1", "--record", "{f}"],
    ["speakers", "import", "1", "{f}"],
    ["speakers", "import", "1", "--record", "{f}"],
    ["restore", "{f}"],
    ["ours", "edit", "1", "1", "--file", "{f}"],
)
# Commands that take text; {s} is the hostile text.
ARG_COMMANDS = (
    ["debate", "new", "{s}"],
    ["debate", "show", "{s}"],
    ["debate", "set", "1", "--title", "{s}"],
    ["debate", "set", "1", "--presidency", "{s}"],
    ["notes", "show", "{s}"],
    ["library", "search", "{s}"],
    ["library", "search", "{s}", "--lang", "zh"],
    ["library", "show", "{s}"],
    ["library", "similar", "{s}"],
    ["speakers", "add", "1", "{s}"],
    ["speakers", "add", "1", "{s}", "--person"],
    ["speakers", "roster", "{s}"],
    ["speakers", "edit", "{s}", "--notes", "x"],
    ["prst", "new", "1", "--item", "{s}"],
    ["prst", "add", "1", "--text", "{s}"],
    ["prst", "convert", "--text", "{s}"],
    ["statements", "list", "{s}"],
    ["ours", "new", "1", "--delegation", "{s}"],
    ["ours", "edit", "1", "1", "{s}"],
    ["ours", "add", "1", "{s}"],
    ["ours", "set", "1", "--limit", "{s}"],
    ["ours", "rehearse", "1", "{s}"],
    ["ours", "insert", "1", "1", "--library", "{s}"],
    ["statements", "mark", "1", "{s}", "Q1", "--wrong"],
    ["statements", "mark", "1", "China", "{s}", "--addressed"],
    ["export", "brief", "{s}"],
    ["backup", "{tmp}/{s}.json"],
    ["restore", "{tmp}/{s}"],
)
# After a successful hostile import, reading everything back must still work.
READ_BACK = (
    ["debate", "list", "--json"],
    ["notes", "list"],
    ["library", "list"],
    ["library", "search", "保护平民"],
    ["speakers", "list", "1"],
    ["statements", "list", "1"],
    ["export", "brief", "1"],
    ["ours", "show", "1"],
)
ALLOWED_PREFIXES = ("debateprep: error: ", "failed: ", "doubt: ", "warning: ", "skipped: ")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def check_cli(result: CliResult, args: list[str], file: Path | None = None) -> None:
    assert "Traceback" not in result.stderr + result.stdout, (args, result.stderr[-3000:])
    if result.exit_code == 0:
        return
    assert result.exit_code in (1, 2), (args, result.exit_code)
    lines = _lines(result.stderr)
    assert lines, (args, "a failure says why")
    if result.exit_code == 2 and lines[0].startswith("usage: "):
        assert ": error: " in result.stderr, (args, result.stderr)  # argparse's usage error
        return
    assert all(line.startswith(ALLOWED_PREFIXES) for line in lines), (args, result.stderr)
    errors = [line for line in lines if line.startswith(("debateprep: error: ", "failed: "))]
    assert errors, (args, result.stderr)
    if file is not None and lines[0].startswith("debateprep: error: "):
        assert len(errors) == 1, (args, result.stderr)
    if file is not None:
        names = (str(file), file.name, one_line(str(file)), one_line(file.name))
        assert any(name in line for line in errors for name in names), (args, result.stderr)


def check_importer(name: str, fn: Callable[[Path], Any], path: Path) -> str:
    try:
        with hang_guard((name, path.name)):
            result = fn(path)
    except DebateprepError as exc:
        message = str(exc)
        assert "\n" not in message.replace(str(path), ""), (name, message)
        assert path.name in message, (name, "the error names the file", message)
        return "error"
    except Exception as exc:  # noqa: BLE001 - the property: nothing else escapes
        raise AssertionError(f"{name} raised {type(exc).__name__} on {path.name}: {exc}") from exc
    text = getattr(result, "text", None) or getattr(result[0], "text", None) if isinstance(result, tuple) else \
        getattr(result, "text", None)
    if isinstance(text, str):
        assert "root:x:0:0" not in text, (name, "external entity resolved")
    return "ok"


def _write(folder: Path, suffix: str, data: bytes) -> Path:
    path = folder / f"case{next(_names)}{suffix}"
    path.write_bytes(data)
    return path


@pytest.fixture(scope="session")
def attacks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return crafted(tmp_path_factory.mktemp("attacks"))


@pytest.fixture
def fuzz_db(tmp_path: Path, _sqlite_template: Path) -> Database:
    """A database with a debate #1 and the library samples, shared by the examples of one test."""
    path = tmp_path / "fuzz.db"
    shutil.copy(_sqlite_template, path)
    url = f"sqlite:///{path}"
    assert run_cli(["debate", "new", "Protection of civilians in armed conflict", "--meeting", "7109",
                    "--date", "2014-02-12"], url).exit_code == 0
    run_cli(["library", "import", *sorted(LIBRARY_SAMPLES.glob("*.txt"))], url)
    assert run_cli(["ours", "new", "1", "--delegation", "Norway", "--lang", "en"], url).exit_code == 0
    return open_database(url)


_TABLES: dict[str, list[str]] = {}


def row_counts(db: Database) -> dict[str, int]:
    """Rows in every table (the schema is reflected once per database)."""
    if db.url not in _TABLES:
        _TABLES[db.url] = sorted(store.table_counts(db))
    with db.engine.connect() as conn:
        return {t: int(conn.exec_driver_sql(f'SELECT COUNT(*) FROM "{t}"').scalar() or 0) for t in _TABLES[db.url]}


def run_checked(db: Database, args: list[str], file: Path | None = None) -> CliResult:
    before = row_counts(db)
    with hang_guard(args):
        result = run_cli(args, db.url)
    assert "invalid choice" not in result.stderr, (args, "every command the fuzz test drives exists")
    check_cli(result, args, file)
    if result.exit_code != 0:
        assert row_counts(db) == before, (args, "a failure wrote nothing")
    figures.add("fuzz: CLI runs checked")
    return result


# -- importers -------------------------------------------------------------------------------


@settings(FUZZ, max_examples=160)
@given(case=hostile_file())
def test_importers_on_hostile_files(tmp_path: Path, case: tuple[str, bytes]) -> None:
    assert IMPORTERS, "at least the reader exists"
    path = _write(tmp_path, *case)
    for name, fn in IMPORTERS.items():
        check_importer(name, fn, path)
        figures.add("fuzz: importer calls on generated hostile files")
    path.unlink()


@pytest.mark.parametrize("name", [
    "zip_bomb_ratio.docx", "zip_bomb_many_parts.docx", "billion_laughs.docx", "external_entity.docx",
    "deeply_nested.docx", "no_document_part.docx", "docx_inside_docx.docx", "encrypted_zip.docx", "plain.pdf",
    "cyclic_page_tree.pdf", "deeply_nested_arrays.pdf", "huge_stream_length.pdf", "no_text_layer.pdf",
    "one_line_300kb.txt", "many_lines.txt", "nul_bytes.txt", "bom_then_gbk.txt", "utf16_odd_length.txt",
    "controls_only.txt", "only_whitespace.md", "csv_huge_field.csv", "csv_unclosed_quote.csv",
    "csv_many_columns.csv", "json_deep.json", "too_large.txt", "fifo.txt", "symlink_loop.txt",
    "a_folder.docx", "newline_in_name.txt", "record_president_lines.txt", "record_no_newlines.txt",
    "csv_many_rows.csv", "csv_formulas.csv", "terminal_escapes.txt", "long_name_fields.csv", "escape_in_name.txt",
])
def test_importers_and_cli_on_crafted_attacks(attacks: dict[str, Path], fuzz_db: Database, name: str) -> None:
    path = attacks[name]
    outcomes = {importer: check_importer(importer, fn, path) for importer, fn in IMPORTERS.items()}
    figures.add("fuzz: importer calls on crafted attacks", len(outcomes))
    if name in ("zip_bomb_ratio.docx", "zip_bomb_many_parts.docx", "too_large.txt"):
        assert set(outcomes.values()) == {"error"}, outcomes
    for command in FILE_COMMANDS:
        run_checked(fuzz_db, [a.replace("{f}", str(path)) for a in command], path)


# -- the command line ------------------------------------------------------------------------


@settings(FUZZ, max_examples=90)
@given(case=hostile_file(), command=st.sampled_from(FILE_COMMANDS))
def test_cli_file_commands_on_hostile_files(tmp_path: Path, fuzz_db: Database, case: tuple[str, bytes],
                                            command: list[str]) -> None:
    path = _write(tmp_path, *case)
    result = run_checked(fuzz_db, [a.replace("{f}", str(path)) for a in command], path)
    if result.exit_code == 0:  # stored: everything still reads back
        figures.add("fuzz: hostile files accepted, then read back")
        for read in READ_BACK:
            run_checked(fuzz_db, read)


HOSTILE_TEXT = st.one_of(
    st.text(st.characters(exclude_characters="\x00"), max_size=80),
    st.lists(st.sampled_from([*CONTROL.replace("\x00", ""), "\udcff", "\udc80", "[", "]", "[b]x[/b]", "\x1b[31m",
                              "保护平民", "S/RES/2594 (2021)", "'", '"', ";", "--", "%", "_", "\\", "../", "*",
                              "\u3000", "ﬁ", "Ǆ", "\U0001f600", "\u0301"]), max_size=30).map("".join),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=2000, max_size=6000),
    st.sampled_from(["", " ", "-", "--", "-h", "0", "-1", "99999999999999999999", "1e9", "NaN", "1; DROP TABLE debates"]),
)


@settings(FUZZ, max_examples=140)
@given(value=HOSTILE_TEXT, command=st.sampled_from(ARG_COMMANDS))
def test_cli_commands_on_hostile_arguments(tmp_path: Path, fuzz_db: Database, value: str,
                                           command: list[str]) -> None:
    safe = value.replace("/", "_") if "{tmp}" in " ".join(command) else value
    args = [a.replace("{tmp}", str(tmp_path)).replace("{s}", safe) for a in command]
    run_checked(fuzz_db, args)
    figures.add("fuzz: hostile arguments")


# -- restoring damaged backups ---------------------------------------------------------------


@pytest.fixture(scope="module")
def real_backup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from tests.support.fill import fill_every_table

    path = tmp_path_factory.mktemp("realbackup") / "src.db"
    url = f"sqlite:///{path}"
    run_cli(["debate", "new", "保护平民", "--date", "2014-02-12"], url)
    run_cli(["library", "import", *sorted(LIBRARY_SAMPLES.glob("*.txt"))], url)
    fill_every_table(open_database(url), rows_per_table=2)
    out = path.with_suffix(".json")
    assert run_cli(["backup", out], url).exit_code == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)


@settings(FUZZ, max_examples=40)
@given(data=st.data())
def test_restore_of_damaged_backups(tmp_path: Path, _sqlite_template: Path, real_backup: dict[str, Any],
                                    data: st.DataObject) -> None:
    backup = json.loads(json.dumps(real_backup))
    tables = [t for t in backup["tables"] if t["rows"]]
    for _ in range(data.draw(st.integers(1, 3))):
        how = data.draw(st.sampled_from(["value", "kind", "row", "key", "table"]))
        table = data.draw(st.sampled_from(tables))
        if how == "value":
            row = data.draw(st.sampled_from(table["rows"]))
            row[data.draw(st.integers(0, len(row) - 1))] = data.draw(JSON_VALUES)
        elif how == "kind":
            column = data.draw(st.sampled_from(table["columns"]))
            column[1] = data.draw(st.sampled_from(["integer", "text", "date", "datetime", "boolean", "json",
                                                   "binary", "nonsense"]))
        elif how == "row":
            table["rows"].append(data.draw(st.lists(JSON_VALUES, max_size=len(table["columns"]) + 1)))
        elif how == "key":
            del backup[data.draw(st.sampled_from(sorted(backup)))]
        else:
            table["name"] = data.draw(st.sampled_from(["debates", "no_such_table", "alembic_version", ""]))
    path = _write(tmp_path, ".json", json.dumps(backup, ensure_ascii=False).encode())
    target = tmp_path / f"target{next(_names)}.db"
    shutil.copy(_sqlite_template, target)
    db = open_database(f"sqlite:///{target}")
    result = run_checked(db, ["restore", str(path)], path)
    figures.add("fuzz: damaged backups restored or refused")
    if result.exit_code == 0:
        assert sum(store.table_counts(db).values()) > 0
    db.dispose()
