"""Readiness: can this replica reach its database and its file store right now?"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from core.storage import FileStore, StorageError
from data.db import Database


def database_problem(db: Database) -> str | None:
    """Why the database cannot answer a query, or None when it can."""
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        cause = exc.orig if getattr(exc, "orig", None) is not None else exc
        first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        return f"database: {_without_password(first_line, db)}"
    return None


def storage_problem(files: FileStore) -> str | None:
    """Why the file store cannot be used, or None when it can."""
    try:
        files.ping()
    except StorageError as exc:
        return f"storage: {exc}"
    except OSError as exc:
        return f"storage: {type(exc).__name__}: {exc}"
    return None


def readiness_problems(db: Database, files: FileStore) -> list[str]:
    """Everything that keeps this replica from serving; empty when it is ready."""
    return [p for p in (database_problem(db), storage_problem(files)) if p]


def _without_password(message: str, db: Database) -> str:
    password = db.engine.url.password
    return message.replace(str(password), "***") if password else message
