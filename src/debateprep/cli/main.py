"""The `debateprep` command. Bare `debateprep` opens the TUI; subcommands script the rest.

Command modules are imported to build the parser, but each imports its heavy dependencies
(SQLModel, Textual, parsers) only inside its handler, so `--help` stays fast. A command about to
run registers only its own module's sub-parsers: building all of them costs a command tens of ms.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
import warnings
from collections.abc import Callable

from debateprep import __version__
from debateprep.cli.common import EscapingStream, check_grammar, command_parser, one_line, services
from debateprep.domain.errors import DebateprepError
from debateprep.i18n import LANGUAGES, _, choose_language, set_language

# Each command module and the commands it registers (tests/test_speed.py checks the two agree).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "notes": ("import", "notes", "show", "question"),
    "debates": ("debate",),
    "speakers": ("speakers",),
    "statements": ("statements",),
    "library": ("library",),
    "prst": ("prst",),
    "ours": ("ours",),
    "export": ("export",),
    "admin": ("backup", "restore", "db"),
    "tui": ("tui", "demo"),
}
GLOBAL_OPTIONS = ("--db", "--lang")  # the options before the command, each with a value


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
        name, has_value = arg.partition("=")[::2]
        known = [option for option in (*GLOBAL_OPTIONS, "--help", "--version") if option.startswith(name)]
        if not name.startswith("--") or len(known) != 1 or known[0] not in GLOBAL_OPTIONS:
            return None  # (argparse takes an unambiguous abbreviation: --d URL)
        if not has_value and next(args, None) is None:
            return None  # an option without its value: the whole parser says so
    return "tui"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or, for a known `command`, one with only that command's module."""
    parser = argparse.ArgumentParser(
        prog="debateprep",
        description=_("Prepare a UN Security Council open debate. Run with no command to open the terminal UI."),
    )
    parser.add_argument("--version", action="version", version=f"debateprep {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    modules = [name for name, commands in COMMAND_MODULES.items() if command in commands]
    for name in modules or COMMAND_MODULES:
        importlib.import_module(f"debateprep.cli.{name}").register(sub)
    return parser


TUI_COMMANDS = (None, "tui", "demo")


def main(argv: list[str] | None = None) -> int:
    """Run one command. Only our own lines reach the terminal: printed text goes through the
    escaping stream (imported text cannot carry terminal escapes), library log records and warnings
    are not printed (DEBATEPREP_DEBUG=1 shows them), and every failure is one line."""
    # A command loads much and frees little: the cyclic garbage collector would walk everything
    # loaded again and again (a sixth of `speakers list`) and find next to nothing (reference
    # counting frees the rest; a 900-document library import peaks at the same memory without
    # it). The TUI turns it back on once its first screen is up.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    finally:
        if collecting:
            gc.enable()


def _main(argv: list[str]) -> int:
    raw_out, raw_err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(raw_out), EscapingStream(raw_err)
    quiet = _quiet_libraries()
    try:
        set_language(interface_language(argv))
        parser = build_parser(command_of(argv))
        args, extras = parser.parse_known_args(argv)
        args.command_parser = command_parser(parser, args)
        if extras:  # shown with the usage of the command they were given to, not the top level's
            args.command_parser.error(_("unrecognized arguments: {extras}").format(extras=" ".join(extras)))
        if args.lang is not None and args.lang not in LANGUAGES:
            parser.error(_("--lang: {value!r} is not one of {known}").format(value=args.lang,
                                                                              known=", ".join(LANGUAGES)))
        check_grammar(args)
        if args.command in TUI_COMMANDS:  # the TUI draws the terminal itself
            sys.stdout, sys.stderr = raw_out, raw_err
        return _run(args)
    finally:
        sys.stdout, sys.stderr = raw_out, raw_err
        quiet()


def _run(args: argparse.Namespace) -> int:
    run = None
    try:
        # One Services for the whole run: every command (and the TUI) reaches the core through it.
        run = services(args)
        if args.command is None:
            from debateprep.cli.tui import run_tui

            return run_tui(args)
        return int(args.func(args) or 0)
    except DebateprepError as exc:
        _error(str(exc))
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
    except RecursionError:
        _error("input nested too deeply to process")
        return 2
    except MemoryError:
        _error("out of memory (is the input far larger than a UN document?)")
        return 2
    except OSError as exc:  # backstop: each known path names its file itself; this keeps it one line
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        return 2
    except Exception as exc:  # noqa: BLE001 - backstop: a bug, said in one line, not a traceback
        if os.environ.get("DEBATEPREP_DEBUG"):
            raise
        _error(f"internal error ({type(exc).__name__}: {str(exc)[:200]}); please report it, "
               "with DEBATEPREP_DEBUG=1 for the details")
        return 70
    finally:
        if run is not None:
            run.close()


def _error(message: str) -> None:
    print(_("debateprep: error: {problem}").format(problem=one_line(message)), file=sys.stderr)


def _quiet_libraries() -> Callable[[], None]:
    """Library log records (psycopg's "error ignored terminating <Pipeline>" …) and Python
    warnings are not for the user: keep them off stderr unless DEBATEPREP_DEBUG is set.
    Returns the function that puts things back (the CLI also runs inside tests)."""
    if os.environ.get("DEBATEPREP_DEBUG"):
        return lambda: None
    root = logging.getLogger()
    handler = logging.NullHandler()
    root.addHandler(handler)
    catch = warnings.catch_warnings()
    catch.__enter__()
    warnings.simplefilter("ignore")

    def restore() -> None:
        root.removeHandler(handler)
        catch.__exit__(None, None, None)

    return restore


if __name__ == "__main__":
    sys.exit(main())
