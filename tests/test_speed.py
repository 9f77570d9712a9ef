"""What keeps a command close to the floor of its stack: the schema check is one query, and a
command loads only what it uses (checked in a clean interpreter, as a user runs it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from debateprep.storage.db import Database, chain_head, known_head, open_database
from tests.conftest import SAMPLES, run_cli

# Libraries a command that only reads the database never needs.
HEAVY = ("alembic", "mako", "textual", "pypdf", "docx", "numpy", "scipy", "sklearn", "rapidfuzz",
         "markdown_it", "charset_normalizer", "lxml", "psycopg", "sqlalchemy.dialects.postgresql",
         # the concept-note parser (≈100 ms of patterns): reading a stored note needs only its model
         "debateprep.domain.concept_note", "debateprep.domain.briefers", "debateprep.domain.briefer_entry",
         "debateprep.importers")


def test_known_head_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from debateprep.storage.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert known_head() is not None
    assert known_head() == ScriptDirectory.from_config(cfg).get_current_head()


def _script(folder: Path, revision: str, down: str) -> None:
    (folder / f"{revision}_x.py").write_text(
        f'"""x"""\nimport sqlalchemy as sa\n\nrevision = "{revision}"\ndown_revision = {down}\n'
        f"branch_labels = None\n\n\ndef upgrade() -> None:\n    pass\n", encoding="utf-8")


def test_chain_head_reads_a_plain_chain_and_leaves_anything_else_to_alembic(tmp_path: Path) -> None:
    chain = tmp_path / "chain"
    chain.mkdir()
    _script(chain, "0001", "None")
    _script(chain, "0002", '"0001"')
    _script(chain, "0003", "'0002'")
    assert chain_head(chain) == "0003"

    branched = tmp_path / "branched"  # two helpers' migrations both after 0001, not yet merged
    branched.mkdir()
    _script(branched, "0001", "None")
    _script(branched, "0002", '"0001"')
    _script(branched, "0003", '"0001"')
    assert chain_head(branched) is None

    merged = tmp_path / "merged"  # a merge revision names two parents
    merged.mkdir()
    _script(merged, "0001", "None")
    _script(merged, "0002", '"0001"')
    _script(merged, "0003", '"0001"')
    _script(merged, "0004", '("0002", "0003")')
    assert chain_head(merged) is None

    dangling = tmp_path / "dangling"  # a parent that is not there
    dangling.mkdir()
    _script(dangling, "0001", "None")
    _script(dangling, "0003", '"0002"')
    assert chain_head(dangling) is None


def test_at_head_by_one_query(db_url: str) -> None:
    db = open_database(db_url)
    try:
        assert db.at_head()
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        assert not db.at_head()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))
        assert not db.at_head()  # no revision table: not ours yet, Alembic decides
        db.ping()  # and the failed query left the connections usable (PostgreSQL aborts a transaction)
    finally:
        db.dispose()


def test_an_old_database_is_still_upgraded_by_any_command(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.write_bytes((Path(__file__).parent / "fixtures" / "db_0001.sqlite").read_bytes())
    path.chmod(0o600)
    result = run_cli(["notes", "--json"], f"sqlite:///{path}")
    assert result.exit_code == 0, result.stderr
    db = Database(f"sqlite:///{path}")
    try:
        assert db.current_revision() == known_head()
    finally:
        db.dispose()


def test_a_newer_schema_is_refused_in_one_line(sqlite_cli, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    result = run_cli(["notes"], url)
    assert result.exit_code != 0
    assert "schema 9999 is unknown to this debateprep" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def filled_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database with a note, speakers and the sample library, made with the CLI."""
    url = f"sqlite:///{tmp_path_factory.mktemp('speed') / 'filled.db'}"
    for args in (["import", SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"],
                 ["speakers", "import", "1", "--briefers"], ["library", "sample"]):
        result = run_cli([str(a) for a in args], url)
        assert result.exit_code == 0, result.stderr
    return url


@pytest.mark.parametrize("command", [["notes"], ["speakers", "list", "1"], ["show", "1"],
                                     ["library", "search", "保护平民"], ["debate", "list"]])
def test_a_command_on_an_up_to_date_database_loads_only_what_it_uses(filled_sqlite: str, command: list[str]) -> None:
    code = (
        "import json, sys\n"
        "from debateprep.cli.main import main\n"
        f"code = main(['--db', {filled_sqlite!r}, *{command!r}])\n"
        f"print(json.dumps([code, sorted(m for m in {HEAVY!r} if m in sys.modules)]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    exit_code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert exit_code == 0 and done.stdout.strip()
    assert loaded == []


def test_each_command_module_registers_the_commands_main_lists_for_it() -> None:
    import argparse
    import importlib

    from debateprep.cli.main import COMMAND_MODULES, build_parser

    for module, commands in COMMAND_MODULES.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"debateprep.cli.{module}").register(sub)
        assert tuple(sub.choices) == commands, module
    whole = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert sorted(whole.choices) == sorted(c for commands in COMMAND_MODULES.values() for c in commands)


def test_a_command_parses_the_same_with_only_its_own_module() -> None:
    import argparse

    from debateprep.cli.main import COMMAND_MODULES, build_parser

    def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return dict(action.choices)

    whole = commands(build_parser())
    for command in (c for names in COMMAND_MODULES.values() for c in names):
        alone = commands(build_parser(command))
        assert command in alone and len(alone) < len(whole)
        assert alone[command].format_help() == whole[command].format_help()


def test_command_of_finds_the_command_after_the_global_options() -> None:
    from debateprep.cli.main import build_parser, command_of

    assert command_of(["notes"]) == "notes"
    assert command_of(["--db", "x.db", "speakers", "list", "1"]) == "speakers"
    assert command_of(["--db=x.db", "show", "1"]) == "show"
    assert command_of(["--d", "x.db", "show", "1"]) == "show"  # argparse accepts the abbreviation
    assert command_of(["--", "notes"]) == "notes"
    assert command_of(["--lang", "zh", "--db", "x.db", "notes"]) == "notes"
    assert command_of(["--lang=en", "show", "1"]) == "show"
    for argv in (["--help"], ["-h", "notes"], ["--version"], ["--dbx", "notes"], ["--db"]):
        assert command_of(argv) is None, argv
    for argv in ([], ["--db", "x.db"], ["--db=x.db"]):  # bare debateprep: the terminal UI
        assert command_of(argv) == "tui", argv
        args = build_parser(command_of(argv)).parse_args(argv)
        assert args.command is None and args.db == (None if not argv else "x.db")


def test_usage_errors_read_the_same_with_one_module_or_all(capsys: pytest.CaptureFixture[str]) -> None:
    from debateprep.cli.main import build_parser

    for argv in (["notes", "--bogus"], ["show", "x"], ["debate", "nope"], ["speakers", "list", "1", "-q"]):
        messages = []
        for parser in (build_parser(), build_parser(argv[0])):
            with pytest.raises(SystemExit):
                parser.parse_args(argv)
            messages.append(capsys.readouterr().err)
        assert messages[0] == messages[1], argv
