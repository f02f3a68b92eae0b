"""Alembic environment: the app passes its connection in; the CLI opens one from the settings."""

from __future__ import annotations

import os
from logging.config import fileConfig
from pathlib import Path
from typing import Any

from alembic import context
from alembic.autogenerate.api import AutogenContext
from alembic.operations.ops import MigrationScript
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

import data.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from data.db import make_engine, studio_database_url
from data.schema import check_foreign_keys, lock_migrations, migration_connection

config = context.config


def configure(connection: Connection) -> None:
    """Point Alembic at our tables; SQLite alters tables by copying them (batch mode)."""
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        process_revision_directives=number_revision,
    )


def run(connection: Connection) -> None:
    """Run the migrations in one transaction (the caller's, if it holds one)."""
    configure(connection)
    with context.begin_transaction():
        lock_migrations(connection)  # the app already holds it; the CLI takes it here
        context.run_migrations()
        check_foreign_keys(connection)


def render_item(type_: str, obj: Any, _context: AutogenContext) -> str | bool:
    """Write sqlmodel's types as plain SQLAlchemy, so revisions import no sqlmodel."""
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def number_revision(
    migration: MigrationContext, _revision: object, directives: list[MigrationScript]
) -> None:
    """Name a new revision after the next number (0003, 0004, ...) unless --rev-id is given."""
    options = migration.config.cmd_opts if migration.config else None
    if directives and not getattr(options, "rev_id", None):
        head = ScriptDirectory.from_config(migration.config).get_current_head()
        directives[0].rev_id = f"{int(head or 0) + 1:04d}"


def cli_database_url() -> str:
    """The database the app would use: DATABASE_URL, else the SQLite file in STORAGE_DIR."""
    # The same variables and default as core.settings.Settings.from_env (data/ cannot import it).
    storage_dir = Path(os.environ.get("STORAGE_DIR") or "storage")
    return studio_database_url(os.environ.get("DATABASE_URL", ""), storage_dir)


connection = config.attributes.get("connection")
if context.is_offline_mode():
    raise SystemExit("SQL script (--sql) mode is not supported: run against a database")
if connection is not None:
    run(connection)
else:
    if config.config_file_name:
        fileConfig(config.config_file_name)
    engine = make_engine(cli_database_url())
    try:
        with migration_connection(engine) as cli_connection:
            run(cli_connection)
    finally:
        engine.dispose()
