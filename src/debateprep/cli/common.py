"""Helpers shared by the CLI command modules: opening the database, printing, files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debateprep.domain.errors import Conflict

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


def add_debate_arg(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """DEBATE positional: a debate id; optional commands default to the latest debate."""
    if required:
        parser.add_argument("debate", metavar="DEBATE", help="debate id (see `debateprep debate list`)")
    else:
        parser.add_argument(
            "debate", metavar="DEBATE", nargs="?", default=None,
            help="debate id (default: the most recent debate)",
        )


def write_output(path: str | Path, content: str, force: bool) -> Path:
    """Write an export; never overwrite an existing file unless --force."""
    target = Path(path)
    if target.exists() and not force:
        raise Conflict(f"{target}: already exists; use --force to overwrite it")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # private from the first byte
    os.fchmod(fd, 0o600)  # (a leftover tmp file keeps its old mode otherwise)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    tmp.replace(target)
    return target


def one_line(message: str) -> str:
    """The message with control characters (line breaks, escapes, bidi overrides) made visible."""
    import unicodedata

    return "".join(
        c.encode("unicode_escape").decode("ascii")
        if unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs") or "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069"
        else c
        for c in message
    )
