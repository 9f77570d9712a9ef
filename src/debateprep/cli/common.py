"""Helpers shared by the CLI command modules: opening the database, printing, files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from debateprep.services.facade import Services, make_services

if TYPE_CHECKING:
    from debateprep.storage.db import Database


def services(args: argparse.Namespace) -> Services:
    """The `Services` of this run (made once by main() from --db / $DEBATEPREP_DATABASE_URL / the
    default file; the database is opened and migrated on first use)."""
    made = getattr(args, "services", None)
    if not isinstance(made, Services):
        made = args.services = make_services(getattr(args, "db", None))
    return made


def open_db(args: argparse.Namespace) -> Database:
    """The migrated database of this run's `Services`."""
    return services(args).db


def print_json(data: Any) -> None:
    """One JSON document on stdout, UTF-8, Chinese kept readable."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


# The grammar every command follows (README, "Working from the command line"):
#   debateprep GROUP VERB [WHICH] [VALUE …] [--options]
# WHICH comes first: the debate, for a command about a whole debate (optional: the current debate,
# i.e. the most recent one, which the TUI opens on), or the id of the one thing a command is about
# (ENTRY, STATEMENT, QUESTION, NOTE, DRAFT: ids are unique across debates). Then the values the
# command needs (a delegation, text, files), then options.
DEBATE_HELP = "debate id (default: the current debate, the most recent one; see `debateprep debate list`)"


def add_debate_arg(parser: argparse.ArgumentParser) -> None:
    """DEBATE: the first positional of every command about a whole debate, optional."""
    parser.add_argument("debate", metavar="DEBATE", nargs="?", default=None, help=DEBATE_HELP)


def command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The (sub-)parser of the command `args` were parsed for: the one whose usage a mistake shows."""
    for action in parser._actions:  # argparse offers no public walk of its tree
        if isinstance(action, argparse._SubParsersAction):
            chosen = getattr(args, action.dest, None)
            if chosen in action.choices:
                return command_parser(action.choices[chosen], args)
    return parser


def usage_error(args: argparse.Namespace, message: str) -> NoReturn:
    """A mistake in how the command was written: its own usage, one line of error, exit 2."""
    parser = getattr(args, "command_parser", None)
    if isinstance(parser, argparse.ArgumentParser):
        parser.error(message)
    from debateprep.domain.errors import InputError

    raise InputError(None, message)


def is_id(value: object) -> bool:
    """A number as ids are written (debates, drafts, entries …)."""
    return isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())


def check_grammar(args: argparse.Namespace) -> None:
    """Before a command runs: an optional leading DEBATE/DRAFT that took a value which is not an id
    hands it on (the command's `shift` default names the places), and an id that is not a number is
    a usage error of that command."""
    shift = getattr(args, "shift", None)
    if shift:
        shift_if_not_id(args, *shift)
    for name, what in (("debate", "DEBATE is a debate"), ("draft", "DRAFT is a draft")):
        value = getattr(args, name, None)
        if value is not None and not is_id(value):
            usage_error(args, f"{what} number (see `debateprep {'debate' if name == 'debate' else 'prst'} list`), "
                              f"not {value!r}")


def shift_if_not_id(args: argparse.Namespace, first: str, *rest: str) -> None:
    """An optional leading id (DEBATE, DRAFT) took a value that is not an id: it is the first of
    the values after it (`statements import a.txt b.txt`, `prst add "text"`), so shift them along."""
    value = getattr(args, first)
    if value is None or is_id(value):
        return
    setattr(args, first, None)
    for name in rest:
        current = getattr(args, name)
        if isinstance(current, list):
            setattr(args, name, [value, *current])
            return
        setattr(args, name, value)
        if current is None:
            return
        value = current
    usage_error(args, f"too many values ({value!r} is one too many)")


def write_export(args: argparse.Namespace, output: str, name: str, content: str, force: bool) -> Path:
    """Write an export to `-o` (a file, or `name` inside a folder) with the one private atomic
    writer; never over a file without --force (services/exports.py: the rule every export follows)."""
    from debateprep.services.exports import target

    return services(args).write_export(target(output, name), content, force=force)


def one_line(message: str) -> str:
    """The message with control characters (line breaks, escapes, bidi overrides) made visible."""
    import unicodedata

    return "".join(
        c.encode("unicode_escape").decode("ascii")
        if unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs") or "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069"
        else c
        for c in message
    )
