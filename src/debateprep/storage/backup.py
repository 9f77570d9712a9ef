"""Portable dumps of the whole database or of one debate, and their restore (SQLite and PostgreSQL).

The schema is reflected, never hard-coded: every table the migrations made is dumped in foreign-key
order, values encoded so they survive JSON (dates; datetimes in UTC; booleans; decimals; bytes).
Search indexes are derived data and are not dumped: SQLite virtual tables (FTS5) and their shadow
tables, generated columns, and columns of types the other database lacks (tsvector). Triggers refill
them on restore, and external-content FTS5 tables are rebuilt.
"""

from __future__ import annotations

import base64
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Column, MetaData, Table, inspect, select, text, tuple_
from sqlalchemy import types as sqltypes
from sqlalchemy.engine import Connection

from debateprep.domain import limits
from debateprep.domain.errors import Conflict, InputError, NotFound
from debateprep.i18n import _
from debateprep.storage.db import Database

SKIP_TABLES = frozenset({"alembic_version"})
CHUNK = 500  # values per IN (...) and rows per INSERT batch


@dataclass
class TableData:
    name: str
    columns: list[tuple[str, str]]  # (column, kind)
    rows: list[list[Any]]  # JSON-ready values, in column order


@dataclass
class Dump:
    revision: str | None
    dialect: str
    scope: dict[str, Any]
    tables: list[TableData]
    skipped_columns: dict[str, list[str]] = field(default_factory=dict)

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables)


# -- types -----------------------------------------------------------------------------------


def kind_of(type_: Any) -> str | None:
    """The portable kind of a column type, or None when it does not travel between databases."""
    checks: tuple[tuple[type, str], ...] = (
        (sqltypes.Boolean, "boolean"),
        (sqltypes.Integer, "integer"),
        (sqltypes.Float, "float"),
        (sqltypes.Numeric, "decimal"),
        (sqltypes.DateTime, "datetime"),
        (sqltypes.Date, "date"),
        (sqltypes.Time, "time"),
        (sqltypes.JSON, "json"),
        (sqltypes.Uuid, "uuid"),
        (sqltypes._Binary, "binary"),
        (sqltypes.String, "text"),
    )
    for cls, kind in checks:
        if isinstance(type_, cls):
            return kind
    return None


def encode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if kind in ("date", "time"):
        return value.isoformat()
    if kind in ("decimal", "uuid"):
        return str(value)
    if kind == "binary":
        return base64.b64encode(bytes(value)).decode("ascii")
    if kind == "text" and not isinstance(value, str):
        return str(value)
    if kind == "boolean":
        return bool(value)
    return value


def decode(kind: str, value: Any, column: Column[Any], dialect: str) -> Any:
    """A JSON value back to what the target column takes (raises ValueError/TypeError if unusable)."""
    if value is None:
        return None
    if kind == "datetime":
        moment = datetime.fromisoformat(value)
        aware = getattr(column.type, "timezone", False) and dialect != "sqlite"
        if aware and moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)  # dumps hold UTC
        elif not aware and moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        return moment
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "time":
        return time.fromisoformat(value)
    if kind == "decimal":
        return Decimal(str(value))
    if kind == "binary":
        return base64.b64decode(value, validate=True)
    if kind == "uuid":
        return uuid.UUID(str(value)) if getattr(column.type, "as_uuid", True) else str(value)
    if kind == "boolean" and not isinstance(value, bool):
        raise TypeError(f"not a boolean: {value!r}")
    if kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"not an integer: {value!r}")
    if kind == "float" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise TypeError(f"not a number: {value!r}")
    if kind == "text" and not isinstance(value, str):
        raise TypeError(f"not text: {value!r}")
    if kind == "text" or (kind == "integer" and not isinstance(column.type, BigInteger)):
        return _within_limits(value, column)
    return value


def _within_limits(value: Any, column: Column[Any]) -> Any:
    """The domain's limits, as on every other write and the same on both databases: text cleaned
    of control characters (an old SQLite file may hold NUL characters PostgreSQL cannot store),
    short fields no longer than their column, integers within 32 bits. ValueError if not."""
    what = f"column {column.name}"
    try:
        if isinstance(value, str):
            length = getattr(column.type, "length", None)
            return limits.check_text(value, what, length or len(value))  # line breaks kept: a faithful copy
        return limits.check_integer(value, what)
    except InputError as exc:
        raise ValueError(exc.problem) from None


# -- schema ----------------------------------------------------------------------------------


def derived_tables(conn: Connection) -> set[str]:
    """SQLite virtual tables (full-text indexes) and their shadow tables."""
    if conn.dialect.name != "sqlite":
        return set()
    rows = conn.exec_driver_sql("PRAGMA table_list").all()
    return {r[1] for r in rows if r[0] == "main" and r[2] in ("virtual", "shadow")}


def reflect(conn: Connection) -> MetaData:
    """The data tables as they are in this database (not the ORM's idea of them)."""
    skip = SKIP_TABLES | derived_tables(conn)
    names = [n for n in inspect(conn).get_table_names() if n not in skip and not n.startswith("sqlite_")]
    metadata = MetaData()
    metadata.reflect(bind=conn, only=names, resolve_fks=False)
    return metadata


def data_tables(metadata: MetaData) -> list[Table]:
    """Tables in foreign-key order (parents first)."""
    return [t for t in metadata.sorted_tables if t.name not in SKIP_TABLES]


def portable_columns(table: Table) -> tuple[list[Column[Any]], list[str]]:
    keep, skipped = [], []
    for col in table.columns:
        if col.computed is not None or kind_of(col.type) is None:
            skipped.append(col.name)
        else:
            keep.append(col)
    return keep, skipped


def _key_columns(table: Table) -> list[Column[Any]]:
    return list(table.primary_key.columns) or list(table.columns)


# -- reading ---------------------------------------------------------------------------------


def _begin_snapshot(conn: Connection) -> None:
    """Every table read from the same moment, while others keep writing."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _fetch(conn: Connection, table: Table, columns: list[Column[Any]], values: Iterable[tuple[Any, ...]]
           ) -> Iterator[dict[str, Any]]:
    """Rows of `table` whose `columns` equal one of `values`."""
    wanted = list(values)
    target = columns[0] if len(columns) == 1 else tuple_(*columns)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        keys = [v[0] for v in chunk] if len(columns) == 1 else chunk
        for row in conn.execute(select(table).where(target.in_(keys))).mappings():
            yield dict(row)


def _scope_rows(conn: Connection, metadata: MetaData, debate_id: int) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """The debate, everything hanging off it, what those rows refer to, and what the latter own.

    Down from the debate along every foreign key; up from every chosen row along its foreign keys;
    and from a referred shared row (a concept note, a library document) down its ON DELETE CASCADE
    children, unless those belong to debates (so other debates are not pulled in).
    """
    tables = {t.name: t for t in data_tables(metadata)}
    if "debates" not in tables:
        raise NotFound(_("this database has no debates table"))
    selected: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = defaultdict(dict)

    def add(table: Table, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        keys = _key_columns(table)
        new = []
        for row in rows:
            key = tuple(row[c.name] for c in keys)
            if key not in selected[table.name]:
                selected[table.name][key] = row
                new.append(row)
        return new

    debates = tables["debates"]
    start = add(debates, _fetch(conn, debates, _key_columns(debates), [(debate_id,)]))
    if not start:
        raise NotFound(_("no debate #{debate_id} (see `debateprep debate list`)").format(debate_id=debate_id))

    in_debate = {"debates"}  # tables whose rows belong to a debate (reach `debates` by foreign keys)
    grew = True
    while grew:
        grew = False
        for t in tables.values():
            if t.name not in in_debate and any(
                    fk.referred_table.name in in_debate for fk in t.foreign_key_constraints):
                in_debate.add(t.name)
                grew = True

    def referred_values(rows: list[dict[str, Any]], cols: list[str]) -> set[tuple[Any, ...]]:
        return {v for v in (tuple(r[c] for c in cols) for r in rows) if None not in v}

    def ours(table: Table, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows whose every required link into debate data leads to rows already chosen (so a
        reply in another debate to one of our rows stays out)."""
        checks = []
        for fk in table.foreign_key_constraints:
            parent = fk.referred_table.name
            if parent in in_debate and not any(c.nullable for c in fk.columns):
                referred = [e.column.name for e in fk.elements]
                present = {tuple(r[c] for c in referred) for r in selected[parent].values()}
                checks.append(([c.name for c in fk.columns], present))
        return [row for row in rows if all(tuple(row[c] for c in cols) in present for cols, present in checks)]

    frontier: dict[str, list[dict[str, Any]]] = {"debates": start}
    while frontier:  # down from the debate
        nxt: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for t in tables.values():
            for fk in t.foreign_key_constraints:
                parent = fk.referred_table.name
                if parent in frontier and parent in tables:
                    values = referred_values(frontier[parent], [e.column.name for e in fk.elements])
                    nxt[t.name] += add(t, ours(t, _fetch(conn, t, list(fk.columns), values)))
        frontier = {k: v for k, v in nxt.items() if v}

    pending = {name: list(rows.values()) for name, rows in selected.items()}
    while pending:  # up from every row; down the cascades of shared rows
        nxt = defaultdict(list)
        for name, rows in pending.items():
            for fk in tables[name].foreign_key_constraints:
                referred = tables.get(fk.referred_table.name)
                if referred is None:
                    continue
                local = [c.name for c in fk.columns]
                if referred.name in in_debate and all(c.nullable for c in fk.columns):
                    _cut_references_outside(rows, local, fk, selected[referred.name], referred)
                values = referred_values(rows, local)
                nxt[referred.name] += add(referred, _fetch(conn, referred, [e.column for e in fk.elements], values))
        for name, rows in list(nxt.items()):
            if name in in_debate or not rows:
                continue
            for child in tables.values():
                if child.name in in_debate:
                    continue
                for fk in child.foreign_key_constraints:
                    if fk.referred_table.name == name and (fk.ondelete or "").upper() == "CASCADE":
                        values = referred_values(rows, [e.column.name for e in fk.elements])
                        nxt[child.name] += add(child, _fetch(conn, child, list(fk.columns), values))
        pending = {k: v for k, v in nxt.items() if v}
    return selected


def _cut_references_outside(rows: list[dict[str, Any]], local: list[str], fk: Any,
                            chosen: dict[tuple[Any, ...], dict[str, Any]], parent: Table) -> None:
    """A nullable reference from this debate into another debate's rows is dropped (set to NULL)
    rather than pulling that other debate into the dump."""
    referred = [e.column.name for e in fk.elements]
    present = {tuple(r[c] for c in referred) for r in chosen.values()}
    for row in rows:
        value = tuple(row[c] for c in local)
        if None not in value and value not in present:
            for c in local:
                row[c] = None


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows ordered by key, but a row that refers to its own table comes after the row it refers to."""
    keys = _key_columns(table)
    rows = sorted(rows, key=lambda r: tuple((v is None, v) for v in (r[c.name] for c in keys)))
    self_fks = [fk for fk in table.foreign_key_constraints if fk.referred_table.name == table.name]
    if not self_fks:
        return rows
    index = {}
    for fk in self_fks:
        for row in rows:
            index[(id(fk), tuple(row[e.column.name] for e in fk.elements))] = row
    done: set[int] = set()
    ordered: list[dict[str, Any]] = []
    for first in rows:  # depth-first, iterative: chains of replies/revisions can be long
        stack = [(first, False)]
        on_stack: set[int] = set()
        while stack:
            row, expanded = stack.pop()
            if id(row) in done:
                continue
            if expanded:
                done.add(id(row))
                ordered.append(row)
                continue
            if id(row) in on_stack:  # a cycle: break it here
                continue
            on_stack.add(id(row))
            stack.append((row, True))
            for fk in self_fks:
                parent = index.get((id(fk), tuple(row[c.name] for c in fk.columns)))
                if parent is not None and id(parent) not in done:
                    stack.append((parent, False))
    return ordered


def dump(db: Database, debate_id: int | None = None) -> Dump:
    """Every row of every data table, or one debate's rows and what hangs off them."""
    with db.session() as session:  # read-only: closing it rolls back
        conn = session.connection()
        _begin_snapshot(conn)
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        metadata = reflect(conn)
        scoped = _scope_rows(conn, metadata, debate_id) if debate_id is not None else None
        out: list[TableData] = []
        skipped_columns: dict[str, list[str]] = {}
        for table in data_tables(metadata):
            columns, skipped = portable_columns(table)
            if skipped:
                skipped_columns[table.name] = skipped
            if scoped is None:
                rows = [dict(r) for r in conn.execute(select(table)).mappings()]
            else:
                rows = list(scoped.get(table.name, {}).values())
            kinds = [(c.name, kind_of(c.type) or "text") for c in columns]
            encoded = [[encode(k, row[n]) for n, k in kinds] for row in _parents_first(table, rows)]
            out.append(TableData(table.name, kinds, encoded))
        scope: dict[str, Any] = {"kind": "database"}
        if debate_id is not None:
            title = next(iter(scoped["debates"].values()))["title"] if scoped else None
            scope = {"kind": "debate", "debate_id": debate_id, "title": title}
    return Dump(revision, db.dialect, scope, out, skipped_columns)


# -- writing ---------------------------------------------------------------------------------


def _begin_write(conn: Connection) -> None:
    """SQLite: take the write lock before the first read, so nothing changes under the restore."""
    if conn.dialect.name == "sqlite":
        if not conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # (Database.transaction may have begun it)
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")  # checked at commit: cycles are fine


def _lock_for_restore(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL: others may read but not write the tables until the restore commits."""
    if conn.dialect.name == "postgresql" and tables:
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql(f"LOCK TABLE {', '.join(quote(t.name) for t in tables)} IN EXCLUSIVE MODE")


def occupied_tables(conn: Connection, tables: list[Table]) -> list[str]:
    return [t.name for t in tables if conn.execute(select(text("1")).select_from(t).limit(1)).first()]


def fix_sequences(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL: after explicit ids, the next id of every serial/identity column is max + 1."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    for table in tables:
        for col in table.columns:
            if kind_of(col.type) != "integer":
                continue
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": quote(table.name), "c": col.name}).scalar()
            if seq:
                c, t = quote(col.name), quote(table.name)
                conn.execute(text(f"SELECT setval(:s, COALESCE((SELECT MAX({c}) FROM {t}), 1), "
                                  f"(SELECT MAX({c}) FROM {t}) IS NOT NULL)"), {"s": seq})


_EXTERNAL_CONTENT = re.compile(r"content\s*=\s*'([^']+)'", re.IGNORECASE)


def _rebuild_search_indexes(conn: Connection) -> None:
    """SQLite FTS5 tables that index another table (content='…') are rebuilt from it."""
    if conn.dialect.name != "sqlite":
        return
    quote = conn.dialect.identifier_preparer.quote
    for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"):
        found = _EXTERNAL_CONTENT.search(sql or "")
        if "fts5" in (sql or "").lower() and found and found.group(1):
            conn.exec_driver_sql(f"INSERT INTO {quote(name)}({quote(name)}) VALUES('rebuild')")


def restore(db: Database, data: Dump, replace: bool = False, source: str = "backup") -> dict[str, int]:
    """Insert every row of `data` in one transaction; the database must be empty unless `replace`.

    The database must be at the dump's schema revision (the caller migrates older dumps first).
    Returns rows restored per table.
    """
    counts: dict[str, int] = {}
    with db.transaction() as session:
        conn = session.connection()
        _begin_write(conn)
        metadata = reflect(conn)
        tables = data_tables(metadata)
        _lock_for_restore(conn, tables)
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if revision != data.revision:
            raise Conflict(_("{source}: schema {revision}, but the database is at {current}").format(
                source=source, revision=data.revision, current=revision))
        by_name = {t.name: t for t in tables}
        unknown = [t.name for t in data.tables if t.name not in by_name and t.rows]
        if unknown:
            raise InputError(source, _("tables not in this database's schema: {tables}").format(
                tables=', '.join(unknown)))
        occupied = occupied_tables(conn, tables)
        if occupied and not replace:
            raise Conflict(
                _("database {display_url} is not empty (rows in {tables}): restore into a new database, or use "
                  "--replace to delete everything in it first").format(
                    display_url=db.display_url, tables=', '.join(occupied)))
        if occupied:
            for table in reversed(tables):
                conn.execute(table.delete())
        for item in data.tables:
            table = by_name.get(item.name)
            if table is None:
                continue
            missing = [n for n, _type in item.columns if n not in table.columns]
            if missing:
                raise InputError(source, _("table {table}: columns not in this database: {columns}").format(
                    table=item.name, columns=', '.join(missing)))
            plan = [(n, table.columns[n], kind_of(table.columns[n].type) or k) for n, k in item.columns]
            batch: list[dict[str, Any]] = []
            for number, raw in enumerate(item.rows, 1):
                try:
                    batch.append({n: decode(k, v, col, conn.dialect.name) for (n, col, k), v in zip(plan, raw)})
                except (ValueError, TypeError) as exc:
                    raise InputError(source, _("table {table}, row {number}: {exc}").format(
                        table=item.name, number=number, exc=exc)) from None
                if len(batch) >= CHUNK:
                    conn.execute(table.insert(), batch)
                    batch = []
            if batch:
                conn.execute(table.insert(), batch)
            counts[item.name] = len(item.rows)
        fix_sequences(conn, tables)
        _rebuild_search_indexes(conn)
    return counts


def table_counts(db: Database) -> dict[str, int]:
    """Rows per data table (for `db info` and for checking a restore)."""
    from sqlalchemy import func

    with db.session() as session:
        conn = session.connection()
        return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
                for t in data_tables(reflect(conn))}
