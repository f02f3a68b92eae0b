"""The engine and the one place that opens sessions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, event, make_url
from sqlmodel import Session, create_engine

from data import schema

SQLITE_BUSY_TIMEOUT_MS = 15_000


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets WAL, a busy timeout, foreign keys and BEGIN IMMEDIATE.

    Any other URL is passed on as is, except that postgresql:// means psycopg 3.
    """
    if not url.startswith("sqlite"):
        return create_engine(postgres_with_psycopg(url), pool_pre_ping=True)
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    )
    _configure_sqlite(engine)
    return engine


def studio_database_url(database_url: str, storage_dir: Path) -> str:
    """The database URL if one is given, else the SQLite file `studio.db` in the storage folder."""
    return database_url or f"sqlite:///{(storage_dir / 'studio.db').resolve()}"


def postgres_with_psycopg(url: str) -> URL:
    """The URL, with a plain postgresql:// (or postgres://) pointed at psycopg 3, which we ship."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        _switch_to_wal(cursor)
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # noqa: ANN001
        # Take the write lock up front so read-modify-write transactions cannot lose updates.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Turn on WAL, retrying while another connection converts the file at the same moment.

    SQLite answers "database is locked" at once, without waiting out the busy timeout, when two
    connections switch a file's journal mode together (two app processes starting on a new file).
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class Database:
    """Owns the engine; hands out one transaction per unit of work."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)

    def upgrade(self) -> None:
        """Bring the schema to this code's head revision (see data/schema.py)."""
        schema.upgrade(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits together, or not at all."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
