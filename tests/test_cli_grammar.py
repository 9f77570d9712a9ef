"""One grammar for every command (issue 13): `debateprep GROUP VERB [WHICH] [VALUE …] [--options]`.

The debate (or the thing's own id) comes first and a debate may be left out (the current debate);
older forms keep working; every export follows one rule (services/exports.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, CliResult
from tests.support.workflow import DEMO_STATEMENTS

SEED_NOTE = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"
Cli = Callable[[list[str]], CliResult]


def ok(result: CliResult) -> CliResult:
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture
def seeded(sqlite_cli: Cli) -> Cli:
    ok(sqlite_cli(["import", str(SEED_NOTE)]))
    return sqlite_cli


def test_the_debate_may_be_left_out_and_old_forms_still_work(seeded: Cli, tmp_path: Path) -> None:
    cli = seeded
    assert "inscribed" in ok(cli(["speakers", "add", "China"])).stdout  # was: speakers add DEBATE China
    assert "inscribed" in ok(cli(["speakers", "add", "1", "France"])).stdout
    assert "13 Council members of 2014 inscribed" in ok(cli(["speakers", "import", "--council"])).stdout
    assert ok(cli(["question", "list"])).stdout.count("topic") >= 10  # the current debate's note
    files = [str(p) for p in sorted(DEMO_STATEMENTS.glob("*.txt"))]
    assert "imported 3 speeches" in ok(cli(["statements", "import", *files])).stdout  # no DEBATE
    assert "imported 3 speeches" in ok(cli(["statements", "import", "1", *files, "--replace"])).stdout
    ok(cli(["debate", "set", "--delegation", "China"]))
    assert ok(cli(["debate", "show", "--json"])).json()["settings"]["our_delegation"] == "China"  # type: ignore[index]
    exported = tmp_path / "list.csv"
    ok(cli(["speakers", "export", "-o", str(exported)]))
    ok(cli(["debate", "new", "Another debate"]))  # now the current one
    assert "imported 15 entries" in ok(cli(["speakers", "import", str(exported)])).stdout


def test_prst_commands_default_to_the_draft_the_debate_works_on(seeded: Cli) -> None:
    cli = seeded
    first = ok(cli(["prst", "new", "--json"])).json()["id"]  # type: ignore[index]
    assert "¶1 (id 1, v1)" in ok(cli(["prst", "add", "回顾其关于保护平民的各项决议，"])).stdout  # TEXT positional
    assert "¶2 (id 2, v1)" in ok(cli(["prst", "add", str(first), "--text", "强调指出必须加强培训，"])).stdout  # older form
    # paragraph 2 by its id, in the current draft (DRAFT left out)
    assert "安理会强调指出必须加强维和人员培训" in ok(cli(["prst", "edit", "2", "强调指出必须加强维和人员培训，"])).stdout
    assert ok(cli(["prst", "edit", str(first), "2", "--text", "强调指出必须加强培训，"])).exit_code == 0
    ok(cli(["prst", "move", "2", "1"]))
    ok(cli(["prst", "order"]))
    second = cli(["prst", "new", "--json"])
    assert second.exit_code == 0 and f"other drafts (#{first})" in second.stderr  # never a silent switch
    listed = ok(cli(["prst", "list"])).stdout.splitlines()
    assert listed[0].startswith(f"  #{first} ") and listed[1].startswith("* #")
    ok(cli(["prst", "use", str(first)]))
    assert ok(cli(["prst", "show"])).stdout.startswith(f"PRST draft #{first} ")
    assert ok(cli(["prst", "revise"])).stdout.startswith("rev.1")


def test_every_export_follows_one_rule(seeded: Cli, tmp_path: Path) -> None:
    """To -o FILE, or to its default name inside -o FOLDER; the full path printed; never over a file."""
    cli = seeded
    ok(cli(["speakers", "import", "--council"]))
    ok(cli(["prst", "new"]))
    ok(cli(["prst", "add", "回顾其关于保护平民的各项决议，"]))
    ours = ok(cli(["ours", "new", "--delegation", "中国", "--json"])).json()
    section = ours["sections"][1]  # type: ignore[index]
    ok(cli(["ours", "edit", str(ours["id"]), str(section["id"]), "我们支持加强保护平民。"]))  # type: ignore[index]
    folder = tmp_path / "out"
    folder.mkdir()
    for args, name in ((["export", "brief"], "brief-1-zh.md"), (["export", "brief", "--html"], "brief-1-zh.html"),
                       (["prst", "export"], "prst-1-draft1-zh.md"),
                       (["prst", "export", "--annotated"], "prst-1-draft1-zh-annotated.md"),
                       (["export", "brief", "--docx"], "brief-1-zh.docx"),
                       (["prst", "export", "--docx"], "prst-1-draft1-zh.docx"),
                       (["ours", "export"], "statement-1-zh.md"), (["ours", "export", "--docx"], "statement-1-zh.docx"),
                       (["speakers", "export"], "speakers-1.csv")):
        result = ok(cli([*args, "-o", str(folder)]))
        assert result.stderr.startswith(f"wrote {folder / name}"), result.stderr
        assert (folder / name).stat().st_mode & 0o777 == 0o600  # the one private writer
        again = cli([*args, "-o", str(folder)])
        assert again.exit_code == 2 and "already exists; use --force" in again.stderr
        ok(cli([*args, "-o", str(folder), "--force"]))
    relative = ok(cli(["prst", "export", "-o", "relative.md"]))
    assert relative.stderr.startswith(f"wrote {Path.cwd() / 'relative.md'}")  # the full path, wherever it is
    os.unlink("relative.md")


def test_a_message_names_only_flags_the_command_has(seeded: Cli) -> None:
    cli = seeded
    added = cli(["speakers", "add", "Nowhereland"])
    assert added.exit_code == 2 and "--person" in added.stderr  # speakers add has --person
    files = [str(p) for p in sorted(DEMO_STATEMENTS.glob("*.txt"))]
    ok(cli(["statements", "import", *files]))
    resolved = cli(["statements", "resolve", "1", "Nowhereland"])
    assert resolved.exit_code == 2 and "unknown delegation 'Nowhereland'" in resolved.stderr
    assert "--person" not in resolved.stderr  # statements resolve has no --person


def test_debate_use_chooses_the_current_debate_for_every_command(seeded: Cli) -> None:
    """`debate use` makes an older debate the current one (kept in the database): commands given no
    DEBATE work on it, a DEBATE still overrides it, `debate list` marks it, `--latest` undoes it."""
    cli = seeded
    ok(cli(["debate", "new", "Children and armed conflict", "--date", "2014-03-07"]))  # #2, the most recent
    listed = ok(cli(["debate", "list"])).stdout.splitlines()
    assert listed[1].startswith("* #2 ") and listed[0].startswith("  #1 ")
    assert "the most recent one" in listed[-1]
    assert "current debate: #1 " in ok(cli(["debate", "use", "1"])).stdout
    listed_json = ok(cli(["debate", "list", "--json"])).json()
    assert isinstance(listed_json, list) and [d["current"] for d in listed_json] == [True, False]
    assert ok(cli(["debate", "list"])).stdout.splitlines()[0].startswith("* #1 ")
    assert ok(cli(["debate", "show", "--json"])).json()["id"] == 1  # type: ignore[index]
    assert ok(cli(["speakers", "add", "China", "--json"])).json()["debate_id"] == 1  # type: ignore[index]
    assert ok(cli(["speakers", "add", "2", "China", "--json"])).json()["debate_id"] == 2  # type: ignore[index]
    assert ok(cli(["question", "list"])).stdout.count("topic") >= 10  # debate #1's concept note
    assert ok(cli(["prst", "new", "--json"])).json()["debate_id"] == 1  # type: ignore[index]
    assert ok(cli(["prst", "add", "回顾其关于保护平民的各项决议，", "--json"])).exit_code == 0
    assert ok(cli(["speakers", "list", "--json"])).json()[0]["delegation"] == "China"  # type: ignore[index]
    created = ok(cli(["debate", "new", "Women and peace and security"]))
    assert "the current debate is still #1" in created.stderr and "`debateprep debate use 3`" in created.stderr
    assert ok(cli(["debate", "show", "--json"])).json()["id"] == 1  # type: ignore[index]
    assert "the most recent one, #3 " in ok(cli(["debate", "use", "--latest"])).stdout
    assert ok(cli(["debate", "show", "--json"])).json()["id"] == 3  # type: ignore[index]
    for wrong in (["debate", "use"], ["debate", "use", "1", "--latest"], ["debate", "use", "x"]):
        refused = cli(wrong)
        assert refused.exit_code == 2 and "Traceback" not in refused.stderr
    missing = cli(["debate", "use", "9"])
    assert missing.exit_code == 1 and "no debate #9" in missing.stderr
