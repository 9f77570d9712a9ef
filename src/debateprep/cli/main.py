"""The `debateprep` command. Bare `debateprep` opens the TUI; subcommands script the rest.

Command modules are imported to build the parser, but each imports its heavy dependencies
(SQLModel, Textual, parsers) only inside its handler, so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from debateprep import __version__
from debateprep.cli.common import check_grammar, command_parser, one_line, services
from debateprep.domain.errors import DebateprepError

COMMAND_MODULES = (
    "notes",
    "debates",
    "speakers",
    "statements",
    "library",
    "prst",
    "export",
    "admin",
    "tui",
)


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMAND_MODULES:
        importlib.import_module(f"debateprep.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    args.command_parser = command_parser(parser, args)
    if extras:  # shown with the usage of the command they were given to, not the top level's
        args.command_parser.error(f"unrecognized arguments: {' '.join(extras)}")
    check_grammar(args)
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
