"""CLI: `debateprep backup|restore` and `debateprep db info|upgrade`."""

from __future__ import annotations

import argparse

from debateprep.cli.common import add_json_flag, print_json, services
from debateprep.i18n import _


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser("backup", help=_("write a portable JSON backup of the whole database or of one debate"))
    b.add_argument("file", metavar="FILE", help=_("the backup file to create (readable by you only)"))
    b.add_argument("--debate", type=int, metavar="ID",
                   help=_("only this debate, what hangs off it and what it refers to"))
    b.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    add_json_flag(b)
    b.set_defaults(func=_backup)

    r = sub.add_parser("restore", help=_("restore a backup into an empty database (SQLite or PostgreSQL)"))
    r.add_argument("file", metavar="FILE", help=_("a file made by `debateprep backup`"))
    r.add_argument("--replace", action="store_true",
                   help=_("delete everything already in the database first (all debates!)"))
    add_json_flag(r)
    r.set_defaults(func=_restore)

    d = sub.add_parser("db", help=_("the database: where it is, its schema, upgrades"))
    dsub = d.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    info = dsub.add_parser("info", help=_("show the database URL (password hidden), its kind and schema revision"))
    add_json_flag(info)
    info.set_defaults(func=_info)
    up = dsub.add_parser("upgrade", help=_("bring the database schema up to this version of debateprep"))
    up.set_defaults(func=_upgrade)


def _summary_json(summary) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"file": str(summary.path), "scope": summary.scope, "schema_revision": summary.revision,
            "tables": summary.tables, "rows": summary.rows, "upgraded_from": summary.upgraded_from}


def _backup(args: argparse.Namespace) -> int:
    summary = services(args).backup.backup(args.file, debate_id=args.debate, force=args.force)
    if args.json:
        print_json(_summary_json(summary))
    else:
        print(_("backed up {what} to {path}").format(what=summary.describe(), path=summary.path))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from debateprep.cli.common import check_input_paths

    check_input_paths([args.file])
    run = services(args)
    summary = run.backup.restore(args.file, replace=args.replace)
    if args.json:
        print_json(_summary_json(summary))
    else:
        print(_("restored {what} from {path} into {database}").format(what=summary.describe(), path=summary.path,
                                                                     database=run.display_url))
    return 0


def _raw_db(args: argparse.Namespace, create: bool = True):  # type: ignore[no-untyped-def]
    """The database without migrating it (info must show it as it is, and creates nothing)."""
    from debateprep.config import resolve_database_url
    from debateprep.storage.db import Database

    return Database(resolve_database_url(getattr(args, "db", None)), create=create)


def _info(args: argparse.Namespace) -> int:
    from debateprep.storage import schema

    db = _raw_db(args, create=False)
    status = schema.status(db)
    data = status.to_json()
    if args.json:
        print_json(data)
        return 0
    print(_("database: {url}").format(url=status.url))
    print(_("kind:     {dialect}").format(dialect=status.dialect))
    print(_("schema:   {current} (this debateprep: {head}) — {state}").format(
        current=status.current or _("none"), head=status.head, state=status.state))
    extensions, rows = data.get("extensions"), data.get("rows")
    if isinstance(extensions, list):
        print(_("extensions: {names}").format(names=", ".join(extensions) or _("none")))
    if isinstance(rows, dict) and rows:
        print(_("rows:     {rows} in {tables} tables").format(rows=sum(rows.values()), tables=len(rows)))
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    from debateprep.domain.errors import DatabaseError
    from debateprep.storage import schema

    db = _raw_db(args)
    before = schema.status(db)
    if not before.known:
        raise DatabaseError(_("database {url}: schema {current} is {state}").format(
            url=before.url, current=before.current, state=before.state))
    if before.current == before.head:
        print(_("{url}: already up to date (schema {head})").format(url=before.url, head=before.head))
        return 0
    db.migrate()
    print(_("{url}: schema {before} -> {after}").format(url=before.url, before=before.current or _("none"),
                                                        after=db.current_revision()))
    return 0
