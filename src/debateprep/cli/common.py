"""Helpers shared by the CLI command modules: opening the database, printing, files."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from debateprep.domain.controls import escape_controls
from debateprep.domain.errors import InputError
from debateprep.i18n import _

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


def add_debate_arg(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """DEBATE positional: a debate id; optional commands default to the latest debate."""
    if required:
        parser.add_argument("debate", metavar="DEBATE", help=_("debate id (see `debateprep debate list`)"))
    else:
        parser.add_argument(
            "debate", metavar="DEBATE", nargs="?", default=None,
            help=_("debate id (default: the most recent debate)"),
        )


def write_output(path: str | Path, content: str | bytes, force: bool) -> Path:
    """Write an export; never overwrite an existing file unless --force (services.exports)."""
    from debateprep.services.exports import write_export

    return write_export(path, content, force=force)


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
            raise InputError(raw, f"cannot read it ({exc.strerror or exc})") from None
        except ValueError:
            raise InputError(raw, "not a usable file name") from None
