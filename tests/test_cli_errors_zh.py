"""Under `--lang zh` the errors a user commonly meets from the CLI are in Chinese: a missing debate
or entry, a file that will not import, a bad argument value — one line, non-zero exit, no English
left but the names, ids and command lines they quote."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, CliResult

Cli = Callable[[list[str]], CliResult]
SEED = SAMPLES / "concept-note_S-2014-74_poc_lithuania.zh.txt"


def zh(cli: Cli, *args: object) -> CliResult:
    return cli(["--lang", "zh", *map(str, args)])


def _one_chinese_line(result: CliResult, expected: str, quoted: tuple[str, ...] = ()) -> None:
    """`quoted`: words from the user's own file or arguments, which stay as they are."""
    assert result.exit_code in (1, 2), result
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("debateprep：错误："), result.stderr
    assert expected in result.stderr, result.stderr
    # What is left in Latin letters is quoted: command lines, ids, options, file names.
    words = re.sub(r"`[^`]*`|'[^']*'|\S*/\S*|--\w+|\b[A-Z]+\b|\.\w+|#\d+", "", result.stderr.split("：", 2)[2])
    for word in quoted:
        words = words.replace(word, "")
    assert not re.search(r"[a-z]{3,}", words), result.stderr


def test_no_debate_yet(sqlite_cli: Cli) -> None:
    _one_chinese_line(zh(sqlite_cli, "speakers", "list"), "尚无辩论：请导入概念说明")
    _one_chinese_line(zh(sqlite_cli, "export", "brief"), "尚无辩论")


@pytest.mark.parametrize("command", [["speakers", "list", "9"], ["export", "brief", "9"], ["speakers", "order", "9"]])
def test_a_missing_debate(sqlite_cli: Cli, command: list[str]) -> None:
    assert sqlite_cli(["import", str(SEED)]).exit_code == 0
    _one_chinese_line(zh(sqlite_cli, *command), "没有辩论 #9")


def test_missing_entries_and_bad_values(sqlite_cli: Cli) -> None:
    assert sqlite_cli(["import", str(SEED)]).exit_code == 0
    _one_chinese_line(zh(sqlite_cli, "speakers", "withdraw", "99"), "发言名单中没有条目 #99")
    _one_chinese_line(zh(sqlite_cli, "speakers", "add", "1", "China", "--minutes", "500"),
                      "计划分钟数应在0到180之间")
    _one_chinese_line(zh(sqlite_cli, "speakers", "add", "1", "Norway", "--level", "foo"), "未知的级别 'foo'",
                      quoted=("vice_minister", "permanent_representative", "head", "minister", "deputy", "other"))
    assert sqlite_cli(["speakers", "add", "1", "Chad"]).exit_code == 0
    _one_chinese_line(zh(sqlite_cli, "speakers", "add", "1", "Chad"), "Chad已登记（条目 #1，已登记）", quoted=("Chad",))
    _one_chinese_line(zh(sqlite_cli, "prst", "show"), "尚无主席声明草案")
    _one_chinese_line(zh(sqlite_cli, "ours", "show"), "尚无发言草稿")


def test_a_speakers_csv_that_will_not_import(sqlite_cli: Cli, tmp_path: Path) -> None:
    assert sqlite_cli(["import", str(SEED)]).exit_code == 0
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    _one_chinese_line(zh(sqlite_cli, "speakers", "import", "1", empty), "空文件：应有包含 'delegation' 列的标题行")
    headless = tmp_path / "headless.csv"
    headless.write_text("name,level\nChina,PR\n", encoding="utf-8")
    _one_chinese_line(zh(sqlite_cli, "speakers", "import", "1", headless), "第1行：没有 'delegation' 列",
                      quoted=("name", "level"))
    twice = tmp_path / "twice.csv"
    twice.write_text("delegation\nChina\nChina\n", encoding="utf-8")
    _one_chinese_line(zh(sqlite_cli, "speakers", "import", "1", twice), "第3行：China登记了两次", quoted=("China",))


def test_a_file_that_is_not_a_concept_note(sqlite_cli: Cli, tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text("x\n", encoding="utf-8")
    _one_chinese_line(zh(sqlite_cli, "import", odd), "看起来不是概念说明")


def test_a_file_that_is_not_a_backup(sqlite_cli: Cli, tmp_path: Path) -> None:
    not_json = tmp_path / "notes.json"
    not_json.write_text("{ oops", encoding="utf-8")
    _one_chinese_line(zh(sqlite_cli, "restore", not_json), "不是 debateprep 备份（第1行 JSON 有误",
                      quoted=("debateprep", "Expecting", "property", "name", "enclosed", "double", "quotes"))
    other = tmp_path / "other.json"
    other.write_text('{"format": "something else"}', encoding="utf-8")
    _one_chinese_line(zh(sqlite_cli, "restore", other), "不是 debateprep 备份（没有",
                      quoted=("debateprep", "format", "backup", "something"))


def test_a_db_option_that_is_not_a_database(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    empty = tmp_path / "empty.db"
    empty.write_text("", encoding="utf-8")
    _one_chinese_line(run_cli(["--lang", "zh", "--db", str(empty), "debate", "list"]), "是空文件，不是 debateprep 数据库",
                      quoted=("debateprep",))
    _one_chinese_line(run_cli(["--lang", "zh", "--db", "mysql://x/y", "debate", "list"]),
                      "中的数据库 'mysql' 不受支持（请用 sqlite 或 postgresql）", quoted=("mysql", "sqlite", "postgresql"))


def test_a_bad_date_and_time(sqlite_cli: Cli) -> None:
    result = zh(sqlite_cli, "speakers", "start", "1", "--at", "yesterday")
    assert result.exit_code == 2 and "不是日期和时间（YYYY-MM-DDTHH:MM）：'yesterday'" in result.stderr
