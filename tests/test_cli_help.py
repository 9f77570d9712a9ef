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
