"""Use cases: back up the database (or one debate) to a portable JSON file; restore one.

The file is UTF-8 JSON, one row per line, readable by people and by any tool:
{"format": "debateprep-backup", "format_version": 1, "schema_revision": "0007", "scope": {...},
 "tables": [{"name": "debates", "columns": [["id", "integer"], ...], "rows": [[1, ...], ...]}, ...]}
Tables come parents first; datetimes are UTC; the file is created readable by its owner only.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from debateprep import __version__
from debateprep.domain import limits
from debateprep.domain.errors import Conflict, DatabaseError, DebateprepError, InputError
from debateprep.i18n import _
from debateprep.files import read_limited, refuse_existing, write_private
from debateprep.storage import backup as store
from debateprep.storage import schema
from debateprep.storage.db import Database

FORMAT = "debateprep-backup"
FORMAT_VERSION = 1
KINDS = frozenset({"integer", "float", "decimal", "boolean", "text", "date", "datetime", "time", "json",
                   "binary", "uuid"})


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    scope: dict[str, Any]
    revision: str | None
    tables: int
    rows: int
    upgraded_from: str | None = None

    def describe(self) -> str:
        what = "whole database" if self.scope.get("kind") != "debate" else (
            f"debate #{self.scope.get('debate_id')} {self.scope.get('title') or ''}".rstrip())
        upgraded = f", upgraded from schema {self.upgraded_from}" if self.upgraded_from else ""
        return f"{what}: {self.rows} rows in {self.tables} tables (schema {self.revision}{upgraded})"


# -- the file --------------------------------------------------------------------------------


def _write(handle: IO[str], data: store.Dump) -> None:
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "source_dialect": data.dialect,
        "schema_revision": data.revision,
        "scope": data.scope,
        "skipped_columns": data.skipped_columns,
    }
    handle.write(json.dumps(header, ensure_ascii=False)[:-1] + ',\n"tables": [')
    for t_index, table in enumerate(data.tables):
        head = json.dumps({"name": table.name, "columns": [list(c) for c in table.columns]}, ensure_ascii=False)
        handle.write(("," if t_index else "") + "\n" + head[:-1] + ', "rows": [')
        for r_index, row in enumerate(table.rows):
            handle.write(("," if r_index else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        handle.write("]}")
    handle.write("\n]}\n")


def read_backup(path: Path) -> store.Dump:
    """Parse and check a backup file; InputError naming the file for anything unusable."""
    raw = read_limited(path, limits.MAX_BACKUP_BYTES)  # InputError for a folder, FIFO, device, too large
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(path, _("not a debateprep backup (not UTF-8 text)")) from None
    except json.JSONDecodeError as exc:
        raise InputError(path, _("not a debateprep backup (bad JSON at line {lineno}: {msg})").format(
            lineno=exc.lineno, msg=exc.msg)) from None
    except RecursionError:
        raise InputError(path, _("not a debateprep backup (nested too deeply)")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(path, _("not a debateprep backup (no \"format\": \"debateprep-backup\")"))
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InputError(path, _("damaged backup: no format_version"))
    if version > FORMAT_VERSION:
        raise InputError(path, _("made by a newer debateprep (backup format {version}); upgrade debateprep").format(
            version=version))
    revision, scope, tables = data.get("schema_revision"), data.get("scope"), data.get("tables")
    if not isinstance(revision, str) or not isinstance(scope, dict) or not isinstance(tables, list):
        raise InputError(path, _("damaged backup: schema_revision, scope or tables missing"))
    out: list[store.TableData] = []
    for number, item in enumerate(tables, 1):
        out.append(_check_table(path, number, item))
    names = [t.name for t in out]
    if len(set(names)) != len(names):
        raise InputError(path, _("damaged backup: a table appears twice"))
    found = data.get("skipped_columns")
    skipped: dict[str, list[str]] = found if isinstance(found, dict) else {}
    return store.Dump(revision, str(data.get("source_dialect") or "?"), scope, out, skipped)


def _check_table(path: Path, number: int, item: Any) -> store.TableData:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise InputError(path, _("damaged backup: table {number} has no name").format(number=number))
    name, columns, rows = item["name"], item.get("columns"), item.get("rows")
    if not isinstance(columns, list) or not all(
            isinstance(c, list) and len(c) == 2 and isinstance(c[0], str) and c[1] in KINDS for c in columns):
        raise InputError(path, _("damaged backup: table {name}: bad column list").format(name=name))
    if len({c[0] for c in columns}) != len(columns):
        raise InputError(path, _("damaged backup: table {name}: a column appears twice").format(name=name))
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == len(columns) for r in rows):
        raise InputError(path, _("damaged backup: table {name}: rows do not match its {count} columns").format(
            name=name, count=len(columns)))
    return store.TableData(name, [(c[0], c[1]) for c in columns], rows)


# -- use cases -------------------------------------------------------------------------------


class BackupService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def backup(self, path: str | Path, debate_id: int | None = None, force: bool = False) -> BackupSummary:
        target = Path(path)
        refuse_existing(target, force)  # fail before reading the whole database
        data = store.dump(self.db, debate_id)
        write_private(target, lambda handle: _write(handle, data), force=force)
        return BackupSummary(target, data.scope, data.revision, len(data.tables), data.row_count)

    def restore(self, path: str | Path, replace: bool = False) -> BackupSummary:
        """All rows of the backup, in one transaction, into this (empty, or --replace) database."""
        source = Path(path)
        data = read_backup(source)
        known = schema.revisions(self.db)
        current = self.db.current_revision()
        if data.revision not in known:
            raise InputError(source, _("made by a newer debateprep (schema {revision}; this one knows up to "
                                       "{known}): upgrade debateprep to restore it").format(
                revision=data.revision, known=known[-1] if known else 'none'))
        if current not in known or known.index(data.revision) > known.index(current):
            raise Conflict(_("database {display_url} is at schema {current}, older than the backup ({revision}): run "
                             "`debateprep db upgrade` first").format(
                display_url=self.db.display_url, current=current, revision=data.revision))
        upgraded_from = None
        if data.revision != current:
            data, upgraded_from = self._upgrade(data, source, current), data.revision
        try:
            counts = store.restore(self.db, data, replace=replace, source=str(source))
        except DatabaseError as exc:  # rows the database refuses (a damaged or edited backup): nothing written
            raise InputError(source, _("not restored, nothing written: {exc}").format(exc=exc)) from None
        return BackupSummary(source, data.scope, data.revision, len(counts), sum(counts.values()), upgraded_from)

    def _upgrade(self, data: store.Dump, source: Path, revision: str | None) -> store.Dump:
        """A backup from an older schema, brought forward through the migrations in a scratch database."""
        scratch_dir = Path(tempfile.mkdtemp(prefix="debateprep-restore-"))
        scratch = Database(f"sqlite:///{scratch_dir / 'scratch.db'}")
        try:
            scratch.migrate(data.revision or "base")
            store.restore(scratch, data, source=str(source))
            scratch.migrate(revision or "head")
            upgraded = store.dump(scratch)
            upgraded.scope = data.scope
            return upgraded
        except DebateprepError as exc:
            raise InputError(source, _("cannot bring it from schema {revision} to {target}: {exc}").format(
                revision=data.revision, target=revision, exc=exc)) from exc
        finally:
            scratch.dispose()
            shutil.rmtree(scratch_dir, ignore_errors=True)
