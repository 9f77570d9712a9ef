"""Helpers shared by the CLI command modules: opening the database, printing, files."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from debateprep.domain.controls import escape_controls
from debateprep.domain.errors import InputError
from debateprep.i18n import N_, _

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
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))


# The grammar every command follows (README, "Working from the command line"):
#   debateprep GROUP VERB [WHICH] [VALUE …] [--options]
# WHICH comes first: the debate, for a command about a whole debate (optional: the current debate,
# i.e. the most recent one, which the TUI opens on), or the id of the one thing a command is about
# (ENTRY, STATEMENT, QUESTION, NOTE, DRAFT: ids are unique across debates). Then the values the
# command needs (a delegation, text, files), then options.
DEBATE_HELP = N_("debate id (default: the current debate, the most recent one; see `debateprep debate list`)")


def add_debate_arg(parser: argparse.ArgumentParser) -> None:
    """DEBATE: the first positional of every command about a whole debate, optional."""
    parser.add_argument("debate", metavar="DEBATE", nargs="?", default=None, help=_(DEBATE_HELP))


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
    for name, what in (("debate", N_("DEBATE is a debate number (see `debateprep debate list`), not {value!r}")),
                       ("draft", N_("DRAFT is a draft number (see `debateprep prst list`), not {value!r}"))):
        value = getattr(args, name, None)
        if value is not None and not is_id(value):
            usage_error(args, _(what).format(value=value))


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
    usage_error(args, _("too many values ({value!r} is one too many)").format(value=value))


def write_export(args: argparse.Namespace, output: str, name: str, content: str | bytes, force: bool) -> Path:
    """Write an export to `-o` (a file, or `name` inside a folder) with the one private atomic
    writer; never over a file without --force (services/exports.py: the rule every export follows)."""
    from debateprep.services.exports import target

    return services(args).write_export(target(output, name), content, force=force)


def one_line(message: str) -> str:
    """The message as one line: line breaks, escapes and bidi overrides made visible."""
    return escape_controls(message, keep="")


class EscapingStream(io.TextIOBase):
    """The CLI's output boundary: everything printed goes through `escape_controls`, so imported
    text and file names can never move the cursor, retitle the terminal or reverse a line.
    (JSON stays valid: the escapes are JSON's own.)"""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(escape_controls(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.raw, "errors", None)


def check_input_paths(paths: Iterable[str | Path]) -> None:
    """Refuse, in one line naming it, a path the system cannot even look at (a name too long, a
    NUL, a loop of symlinks); a missing file is left to the importer, which says so in its words."""
    for raw in paths:
        try:
            os.stat(raw)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise InputError(raw, _("cannot read it ({error})").format(error=exc.strerror or exc)) from None
        except ValueError:
            raise InputError(raw, _("not a usable file name")) from None
