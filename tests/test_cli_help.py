"""Every command and sub-command of the CLI, found by walking the argparse tree: each says what it
does in its parent's list, and `--help` prints its usage and exits 0."""

from __future__ import annotations

import argparse

from debateprep.cli.main import build_parser
from tests.conftest import run_cli


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """(command path, its help text in the parent's list) for every sub-command, depth first."""
    found = []
    for action in parser._actions:  # argparse offers no public walk of its tree
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                found.append(((*path, name), helps.get(name, "")))
                found += _commands(sub, (*path, name))
    return found


def test_every_command_has_help_text_and_help_exits_0() -> None:
    commands = _commands(build_parser())
    assert len(commands) > 60 and {path[0] for path, _ in commands} >= {
        "import", "notes", "debate", "speakers", "statements", "library", "prst", "export", "backup", "restore",
        "db", "tui", "demo"}
    without_help = [" ".join(path) for path, text in commands if not text.strip()]
    assert without_help == []
    for path, _text in [((), ""), *commands]:
        result = run_cli([*path, "--help"])
        assert result.exit_code == 0, (path, result.stderr)
        assert result.stdout.startswith(f"usage: {' '.join(('debateprep', *path))}"), (path, result.stdout[:200])
        assert result.stderr == "", path


def _leaf(path: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = build_parser()
    for name in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return parser


def _positionals(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not a.option_strings and not isinstance(a, argparse._SubParsersAction)]


def test_a_usage_error_shows_the_commands_own_usage_and_one_line() -> None:
    """A mistake in any command prints that command's usage (not the top level's), then exactly one
    line of error, and exits 2."""
    for path, _text in _commands(build_parser()):
        result = run_cli([*path, "--no-such-option"])
        assert result.exit_code == 2, path
        assert result.stdout == "", path
        prog = " ".join(("debateprep", *path))
        assert result.stderr.startswith(f"usage: {prog}"), (path, result.stderr[:200])
        errors = [line for line in result.stderr.splitlines() if ": error:" in line]
        assert errors == [result.stderr.splitlines()[-1]] and errors[0].startswith(f"{prog}: error:"), path


def test_every_command_follows_one_grammar() -> None:
    """`debateprep GROUP VERB [WHICH] [VALUE …] [--options]`: a DEBATE is always the first positional
    and optional (the current debate); a PRST DRAFT likewise (the debate's current draft), except in
    `prst use`, which names one; an export takes -o and --force."""
    for path, _text in _commands(build_parser()):
        parser = _leaf(path)
        positionals = _positionals(parser)
        names = [a.metavar for a in positionals]
        for which in ("DEBATE", "DRAFT"):
            if which in names and path != ("prst", "use"):
                assert names.index(which) == 0 and positionals[0].nargs == "?", (path, names)
        options = {o for a in parser._actions for o in a.option_strings}
        leaf = not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
        if leaf and "export" in path:
            assert {"-o", "--output", "--force"} <= options, path
        if "--json" in options:
            assert any(a.dest == "json" for a in parser._actions), path
