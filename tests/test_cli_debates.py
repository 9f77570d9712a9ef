"""`debateprep debate show|set` in-process: the settings in a readable block, and what a change changed."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import CliResult

Cli = Callable[[list[str]], CliResult]


def ok(result: CliResult) -> CliResult:
    assert result.exit_code == 0, result.stderr
    return result


def _new(cli: Cli) -> None:
    ok(cli(["debate", "new", "Protection of civilians in armed conflict", "--meeting", "7109",
            "--date", "2014-02-12", "--presidency", "Lithuania"]))


def test_show_prints_the_settings_not_only_the_title(sqlite_cli: Cli) -> None:
    _new(sqlite_cli)
    lines = ok(sqlite_cli(["debate", "show"])).stdout.splitlines()
    assert lines[0] == "#1 Protection of civilians in armed conflict (7109th meeting) 2014-02-12"
    rows = {line.split("  ", 2)[1].strip(): line.split("  ", 2)[2].strip() for line in lines[1:]}
    assert rows["date"] == "2014-02-12" and rows["meeting"] == "7109" and rows["presidency"] == "Lithuania"
    assert rows["language"] == "English" and rows["delegation"] == "(none)" and rows["speaking limit"] == "5 min"
    assert rows["President's place"].startswith("by the rule")
    values = [line[len("  ") + max(len(k) for k in rows) + 2:] for line in lines[1:]]  # one column of values
    assert values == list(rows.values())


def test_show_in_chinese(sqlite_cli: Cli) -> None:
    _new(sqlite_cli)
    out = ok(sqlite_cli(["--lang", "zh", "debate", "show"])).stdout
    assert "主席国" in out and "发言时限" in out and "5 分钟" in out


def test_set_says_what_changed(sqlite_cli: Cli) -> None:
    _new(sqlite_cli)
    out = ok(sqlite_cli(["debate", "set", "--delegation", "Brazil", "--limit", "4"])).stdout.splitlines()
    assert out[1:] == ["  delegation: (none) → Brazil", "  speaking limit: 5 min → 4 min"]
    again = ok(sqlite_cli(["debate", "set", "--delegation", "Brazil"])).stdout.splitlines()
    assert again[1:] == ["  nothing changed: the debate had those values already"]
    cleared = ok(sqlite_cli(["debate", "set", "--delegation", "", "--president-first", "yes"])).stdout
    assert "  delegation: Brazil → (none)\n" in cleared
    assert "  President's place: by the rule" in cleared and "→ right after the briefers (override)" in cleared


def test_president_is_the_presidency_not_an_abbreviation_of_president_first(sqlite_cli: Cli) -> None:
    """`debate set --president Chile` (as a user types it) sets the presidency; argparse once took it
    for --president-first and said "invalid choice"."""
    _new(sqlite_cli)
    out = ok(sqlite_cli(["debate", "set", "--president", "Chile"])).stdout
    assert "  presidency: Lithuania → Chile" in out
