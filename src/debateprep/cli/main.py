"""The `debateprep` command. Bare `debateprep` opens the TUI; subcommands script the rest.

Command modules are imported to build the parser, but each imports its heavy dependencies
(SQLModel, Textual, parsers) only inside its handler, so `--help` stays fast. A command about to
run registers only its own module's sub-parsers: building all of them costs a command tens of ms.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys

from debateprep import __version__
from debateprep.cli.common import one_line, services
from debateprep.domain.errors import DebateprepError

# Each command module and the commands it registers (tests/test_speed.py checks the two agree).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "notes": ("import", "notes", "show", "question"),
    "debates": ("debate",),
    "speakers": ("speakers",),
    "statements": ("statements",),
    "library": ("library",),
    "prst": ("prst",),
    "export": ("export",),
    "admin": ("backup", "restore", "db"),
    "tui": ("tui", "demo"),
}


def command_of(argv: list[str]) -> str | None:
    """The command named in `argv` (None for none, or when an option comes first that only the
    whole parser understands: --help, --version, a typo). Bare `debateprep [--db URL]` opens the
    terminal UI: "tui"."""
    args = iter(argv)
    for arg in args:
        if arg == "--":
            return next(args, None)
        if not arg.startswith("-"):
            return arg
        if "=" not in arg and len(arg) >= 3 and "--db".startswith(arg):  # --db URL (or --d URL)
            if next(args, None) is None:
                return None  # --db without its URL: the whole parser says so
        elif not arg.startswith("--db="):
            return None
    return "tui"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or, for a known `command`, one with only that command's module."""
    parser = argparse.ArgumentParser(
        prog="debateprep",
        description="Prepare a UN Security Council open debate. Run with no command to open the terminal UI.",
    )
    parser.add_argument("--version", action="version", version=f"debateprep {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file (default: $DEBATEPREP_DATABASE_URL, else a file in your data directory)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    modules = [name for name, commands in COMMAND_MODULES.items() if command in commands]
    for name in modules or COMMAND_MODULES:
        importlib.import_module(f"debateprep.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # A command loads much and frees little: the cyclic garbage collector would walk everything
    # loaded again and again (a sixth of `speakers list`) and find next to nothing (reference
    # counting frees the rest; a 900-document library import peaks at the same memory without
    # it). The TUI turns it back on once its first screen is up.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()


def _main(argv: list[str] | None) -> int:
    parser = build_parser(command_of(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    # One Services for the whole run: every command (and the TUI) reaches the core through it.
    run = services(args)
    try:
        if args.command is None:
            from debateprep.cli.tui import run_tui

            return run_tui(args)
        return int(args.func(args) or 0)
    except DebateprepError as exc:
        print(f"debateprep: error: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except UnicodeEncodeError as exc:  # bytes that are not UTF-8 in an argument (surrogateescape)
        bad = exc.object[max(exc.start - 30, 0):exc.end + 30] if isinstance(exc.object, str) else ""
        print(f"debateprep: error: {ascii(bad)}: not valid UTF-8 text (check the argument or file name)",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("debateprep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        run.close()


if __name__ == "__main__":
    sys.exit(main())
