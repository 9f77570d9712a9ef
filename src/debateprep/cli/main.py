"""The `debateprep` command. Bare `debateprep` opens the TUI; subcommands script the rest.

Command modules are imported to build the parser, but each imports its heavy dependencies
(SQLModel, Textual, parsers) only inside its handler, so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from debateprep import __version__
from debateprep.cli.common import one_line, services
from debateprep.domain.errors import DebateprepError
from debateprep.i18n import LANGUAGES, _, choose_language, set_language

COMMAND_MODULES = (
    "notes",
    "debates",
    "speakers",
    "statements",
    "library",
    "prst",
    "ours",
    "export",
    "admin",
    "tui",
)


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """The options that come before the command (`debateprep --db FILE --lang zh notes`)."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help=_("database URL or SQLite file (default: $DEBATEPREP_DATABASE_URL, else a file in your data directory)"),
    )
    parser.add_argument(
        "--lang", metavar="|".join(LANGUAGES),
        help=_("interface language (default: $DEBATEPREP_LANG, else the one chosen last in the terminal UI, "
               "else the locale); documents keep their own language"),
    )


def interface_language(argv: list[str]) -> str:
    """The interface language of this run, known before the parser is built (its help is translated):
    `--lang` before the command (after it, `--lang` is the command's own: a document's language)."""
    pre = argparse.ArgumentParser(add_help=False)
    add_global_options(pre)
    pre.add_argument("rest", nargs=argparse.REMAINDER)
    known, _unknown = pre.parse_known_args(argv)
    from debateprep.services.settings import UserSettings

    return choose_language(known.lang, UserSettings().language())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debateprep",
        description=_("Prepare a UN Security Council open debate. Run with no command to open the terminal UI."),
    )
    parser.add_argument("--version", action="version", version=f"debateprep {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    for name in COMMAND_MODULES:
        importlib.import_module(f"debateprep.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    set_language(interface_language(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang is not None and args.lang not in LANGUAGES:
        parser.error(_("--lang: {value!r} is not one of {known}").format(value=args.lang, known=", ".join(LANGUAGES)))
    # One Services for the whole run: every command (and the TUI) reaches the core through it.
    run = services(args)
    try:
        if args.command is None:
            from debateprep.cli.tui import run_tui

            return run_tui(args)
        return int(args.func(args) or 0)
    except DebateprepError as exc:
        print(_("debateprep: error: {problem}").format(problem=one_line(str(exc))), file=sys.stderr)
        return exc.exit_code
    except UnicodeEncodeError as exc:  # bytes that are not UTF-8 in an argument (surrogateescape)
        bad = exc.object[max(exc.start - 30, 0):exc.end + 30] if isinstance(exc.object, str) else ""
        print(_("debateprep: error: {text}: not valid UTF-8 text (check the argument or file name)").format(
            text=ascii(bad)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("debateprep: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        run.close()


if __name__ == "__main__":
    sys.exit(main())
