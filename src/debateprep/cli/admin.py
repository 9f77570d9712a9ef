"""CLI: `debateprep backup|restore` and `debateprep db info|upgrade`."""

from __future__ import annotations

import argparse

from debateprep.cli.common import add_json_flag, print_json, services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser("backup", help="write a portable JSON backup of the whole database or of one debate")
    b.add_argument("file", metavar="FILE", help="the backup file to create (readable by you only)")
    b.add_argument("--debate", type=int, metavar="ID",
                   help="only this debate, what hangs off it and what it refers to")
    b.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_json_flag(b)
    b.set_defaults(func=_backup)

    r = sub.add_parser("restore", help="restore a backup into an empty database (SQLite or PostgreSQL)")
    r.add_argument("file", metavar="FILE", help="a file made by `debateprep backup`")
    r.add_argument("--replace", action="store_true",
                   help="delete everything already in the database first (all debates!)")
    add_json_flag(r)
    r.set_defaults(func=_restore)

    d = sub.add_parser("db", help="the database: where it is, its schema, upgrades")
    dsub = d.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    info = dsub.add_parser("info", help="show the database URL (password hidden), its kind and schema revision")
    add_json_flag(info)
    info.set_defaults(func=_info)
    up = dsub.add_parser("upgrade", help="bring the database schema up to this version of debateprep")
    up.set_defaults(func=_upgrade)


def _summary_json(summary) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"file": str(summary.path), "scope": summary.scope, "schema_revision": summary.revision,
            "tables": summary.tables, "rows": summary.rows, "upgraded_from": summary.upgraded_from}


def _backup(args: argparse.Namespace) -> int:
    summary = services(args).backup.backup(args.file, debate_id=args.debate, force=args.force)
    if args.json:
        print_json(_summary_json(summary))
    else:
        print(f"backed up {summary.describe()} to {summary.path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    run = services(args)
    summary = run.backup.restore(args.file, replace=args.replace)
    if args.json:
        print_json(_summary_json(summary))
    else:
        print(f"restored {summary.describe()} from {summary.path} into {run.display_url}")
    return 0


def _raw_db(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The database without migrating it (info must show it as it is)."""
    from debateprep.config import resolve_database_url
    from debateprep.storage.db import Database

    return Database(resolve_database_url(getattr(args, "db", None)))


def _info(args: argparse.Namespace) -> int:
    from debateprep.storage import schema

    db = _raw_db(args)
    status = schema.status(db)
    data = status.to_json()
    if args.json:
        print_json(data)
        return 0
    print(f"database: {status.url}")
    print(f"kind:     {status.dialect}")
    print(f"schema:   {status.current or 'none'} (this debateprep: {status.head}) — {status.state}")
    extensions, rows = data.get("extensions"), data.get("rows")
    if isinstance(extensions, list):
        print(f"extensions: {', '.join(extensions) or 'none'}")
    if isinstance(rows, dict) and rows:
        print(f"rows:     {sum(rows.values())} in {len(rows)} tables")
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    from debateprep.domain.errors import DatabaseError
    from debateprep.storage import schema

    db = _raw_db(args)
    before = schema.status(db)
    if not before.known:
        raise DatabaseError(f"database {before.url}: schema {before.current} is {before.state}")
    if before.current == before.head:
        print(f"{before.url}: already up to date (schema {before.head})")
        return 0
    db.migrate()
    print(f"{before.url}: schema {before.current or 'none'} -> {db.current_revision()}")
    return 0
