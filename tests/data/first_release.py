"""The committed first-release studio: copy it, read it with plain sqlite3, load it elsewhere."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Connection, Engine, MetaData, Table, create_engine, inspect, select, text

from data.schema import FIRST_RELEASE, alembic_config, migration_connection

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "studio_v1"
TABLES = ("conversation", "message", "generated_image")  # parents first

Rows = dict[str, list[dict[str, Any]]]


def copy_studio(target: Path, *, with_database: bool = True) -> Path:
    """A private copy of the fixture studio (its files, and its SQLite file if asked)."""
    target.mkdir(parents=True)
    shutil.copytree(FIXTURE / "files", target / "files")
    if with_database:
        shutil.copy2(FIXTURE / "studio.db", target / "studio.db")
    return target


def sqlite_rows(db_file: Path) -> Rows:
    """Every row, by id, read with plain sqlite3: JSON parsed, timestamps as aware UTC."""
    conn = read_only(db_file)
    conn.row_factory = sqlite3.Row
    rows = {}
    for table in TABLES:
        declared = {c["name"]: c["type"] for c in conn.execute(f"PRAGMA table_info({table})")}
        found = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        rows[table] = [{k: _parsed(row[k], declared[k]) for k in row.keys()} for row in found]  # noqa: SIM118
    conn.close()
    return rows


def read_only(db_file: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot change the file (the fixture stays as committed)."""
    return sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)


def read_only_engine(db_file: Path) -> Engine:
    """A bare SQLAlchemy engine on the file, read-only (not ours: ours would switch on WAL)."""
    return create_engine(f"sqlite:///file:{db_file}?mode=ro&uri=true")


def _parsed(value: Any, declared: str) -> Any:
    if value is None:
        return None
    if declared == "JSON":
        return json.loads(value)
    if declared == "DATETIME":
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value


def database_rows(engine: Engine) -> Rows:
    """Every row, by id, read through SQLAlchemy from either backend, in the same shape."""
    with engine.connect() as conn:
        rows = {}
        for name in TABLES:
            table = Table(name, MetaData(), autoload_with=conn)
            found = conn.execute(select(table).order_by(table.c.id)).mappings()
            rows[name] = [{k: _aware(v) for k, v in row.items()} for row in found]
    return rows


def _aware(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)  # SQLite stores UTC without an offset
    return value


def without(rows: Rows, table: str, column: str) -> Rows:
    """The rows with one column of one table left out."""
    return {
        name: [{k: v for k, v in row.items() if (name, k) != (table, column)} for row in found]
        for name, found in rows.items()
    }


def load_into_first_release(engine: Engine, rows: Rows) -> None:
    """Make an empty database the first release's schema (alembic 0001) and insert the rows."""
    with migration_connection(engine) as conn, conn.begin():
        command.upgrade(alembic_config(conn), FIRST_RELEASE)
        for name in TABLES:
            table = Table(name, MetaData(), autoload_with=conn)
            conn.execute(table.insert(), rows[name])
            if conn.dialect.name == "postgresql":  # ids were given: move the sequence past them
                sequence = f"pg_get_serial_sequence('{name}', 'id')"
                conn.execute(text(f"SELECT setval({sequence}, max(id)) FROM {name}"))


def outline(conn: Connection, *, generic: bool = False) -> dict[str, Any]:
    """Tables, columns (type, null, default), primary keys, indexes and foreign keys with ON DELETE.

    `generic` compares across backends: type families and lengths only, no defaults.
    """
    found = inspect(conn)
    tables = {}
    for name in sorted(set(found.get_table_names()) - {"alembic_version"}):
        tables[name] = {
            "columns": {c["name"]: _column(c, generic) for c in found.get_columns(name)},
            "primary_key": found.get_pk_constraint(name)["constrained_columns"],
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in found.get_indexes(name)
            ),
            "foreign_keys": sorted(
                (
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    tuple(fk["referred_columns"]),
                    (fk["options"].get("ondelete") or "NO ACTION").upper(),
                )
                for fk in found.get_foreign_keys(name)
            ),
        }
    return tables


def _column(column: dict[str, Any], generic: bool) -> tuple[Any, ...]:
    kind = column["type"]
    if generic:
        return kind._type_affinity.__name__, getattr(kind, "length", None), column["nullable"]
    return repr(kind), column["nullable"], column["default"]
