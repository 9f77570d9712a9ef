"""Put rows in every data table, whatever the migrations made: for backup and migration tests.

Reflects the schema, walks tables parents first and writes rows that satisfy foreign keys, string
lengths, unique constraints and `col IN (...)` checks, with the values that are hard to carry
between databases: Chinese and English text with brackets and newlines, dates, UTC datetimes with
microseconds, booleans, floats, NULLs.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, inspect, select

from debateprep.storage.backup import data_tables, kind_of, portable_columns, reflect

TEXTS = (
    "安全理事会重申其保护平民的首要责任",
    "Reaffirms its primary responsibility for the maintenance of international peace and security",
    "[bracketed] 'quoted' \"double\" text; 分号；全角标点。",
    "第2594(2021)号决议 S/RES/2594 (2021)\nsecond line\tand tab",
    "Côte d'Ivoire — Türkiye — 朝鲜民主主义人民共和国",
)
_IN_CHECK = re.compile(r"\(?\s*\"?(\w+)\"?\s+IN\s*\(([^)]*)\)", re.IGNORECASE)


def _allowed_values(conn: Any, table: Table) -> dict[str, list[str]]:
    allowed: dict[str, list[str]] = {}
    try:
        checks = inspect(conn).get_check_constraints(table.name)
    except NotImplementedError:
        return allowed
    for check in checks:
        for column, values in _IN_CHECK.findall(check.get("sqltext", "")):
            allowed[column] = re.findall(r"'((?:[^']|'')*)'", values)
    return allowed


def _value(kind: str, column: Any, n: int, rng: random.Random) -> Any:
    if kind == "integer":
        return n + 1
    if kind == "float":
        return round(rng.uniform(0, 1), 6) + n
    if kind == "decimal":
        return Decimal(f"{n}.25")
    if kind == "boolean":
        return n % 2 == 0
    if kind == "date":
        return date(1946, 1, 1) + timedelta(days=rng.randrange(0, 30000))
    if kind == "datetime":
        moment = datetime(2020, 1, 9, 10, 0, tzinfo=timezone.utc) + timedelta(
            seconds=rng.randrange(0, 10**8), microseconds=rng.randrange(1, 10**6))
        return moment if getattr(column.type, "timezone", False) else moment.replace(tzinfo=None)
    if kind == "json":
        return {"n": n, "text": TEXTS[n % len(TEXTS)], "list": [1, 2.5, None, True]}
    if kind == "binary":
        return bytes(range(n % 7, 40))
    if kind == "uuid":
        import uuid

        return uuid.UUID(int=n + 1)
    if column.name.endswith("_json"):
        return json.dumps({"n": n, "note": TEXTS[n % len(TEXTS)]}, ensure_ascii=False)
    text = f"{TEXTS[n % len(TEXTS)]} #{n}"
    length = getattr(column.type, "length", None)
    if length and len(text) > length:
        text = f"{n}-{text}"[:length]
    return text


def fill_every_table(db: Any, rows_per_table: int = 4, seed: int = 7) -> dict[str, int]:
    """Add `rows_per_table` rows to each data table; returns rows added per table."""
    rng = random.Random(seed)
    added: dict[str, int] = {}
    counter = 1000
    with db.transaction() as session:
        conn = session.connection()
        for table in data_tables(reflect(conn)):
            columns, _ = portable_columns(table)
            allowed = _allowed_values(conn, table)
            pk = list(table.primary_key.columns)
            auto_pk = len(pk) == 1 and kind_of(pk[0].type) == "integer"
            fk_of = {}
            for fk in table.foreign_key_constraints:
                if len(fk.columns) == 1:
                    fk_of[list(fk.columns)[0].name] = (fk.referred_table, fk.elements[0].column.name)
            added[table.name] = 0
            for _ in range(rows_per_table):
                counter += 1
                row: dict[str, Any] = {}
                for col in columns:
                    if auto_pk and col is pk[0]:
                        continue
                    if col.name in fk_of:
                        parent, ref = fk_of[col.name]
                        choices = list(conn.execute(select(parent.c[ref])).scalars())
                        if col.nullable and (not choices or rng.random() < 0.25):
                            row[col.name] = None
                        elif choices:
                            row[col.name] = rng.choice(choices)
                        else:
                            break  # a parent table with no rows: nothing to point at
                        continue
                    if col.name in allowed and allowed[col.name]:
                        row[col.name] = rng.choice(allowed[col.name])
                    elif col.nullable and not col.primary_key and rng.random() < 0.15:
                        row[col.name] = None
                    else:
                        row[col.name] = _value(kind_of(col.type) or "text", col, counter, rng)
                else:
                    conn.execute(table.insert().values(**row))
                    added[table.name] += 1
    return added


def table_rows(dump: Any) -> dict[str, list[list[Any]]]:
    """A dump's rows per table, for comparing two dumps."""
    return {t.name: t.rows for t in dump.tables}


def populate_with_cli(url: str, run_cli: Any, samples: dict[str, Any]) -> list[str]:
    """Real content through the real commands that exist so far; returns what was added."""
    done: list[str] = []

    def ok(args: list[Any]) -> bool:
        result = run_cli([str(a) for a in args], url)
        return result.exit_code == 0

    if ok(["debate", "new", "Protection of civilians in armed conflict", "--meeting", "7109",
           "--date", "2014-02-12", "--presidency", "Lithuania"]):
        done.append("debate (en)")
    if ok(["debate", "new", "维持和平行动", "--lang", "zh", "--date", "2021-08-18", "--president-first"]):
        done.append("debate (zh)")
    note = samples.get("concept_note")
    if note is not None and ok(["notes", "import", note]):
        done.append("concept note")
    if ok(["prst", "new", "1"]) and ok(["prst", "add", "1", "--text",
                                        "Reaffirms its primary responsibility for the protection of civilians"]):
        done.append("prst draft")
    library = samples.get("library")
    if library and ok(["library", "import", *library]):
        done.append("library")
    if ok(["speakers", "add", "1", "China"]) and ok(["speakers", "add", "1", "Lithuania", "--notes", "主席国"]):
        done.append("speakers")
    record = samples.get("spv")  # a real open debate: S/PV.8699, 9 January 2020
    if record is not None and ok(["debate", "new", "Maintenance of international peace and security: upholding "
                                  "the Charter", "--meeting", "8699", "--date", "2020-01-09"]):
        if ok(["statements", "import", "3", "--record", record, "--meeting", "8699"]):
            done.append("statements (S/PV.8699)")
        if ok(["speakers", "import", "3", "--record", *sorted(Path(record).glob("*SPV.8699_*"))]):
            done.append("speakers (S/PV.8699)")
    return done
