"""Bring a database's schema to the code's head revision with Alembic, or refuse to use it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
FIRST_RELEASE = "0001"  # the schema the first release made with create_all, before migrations
STUDIO_TABLES = frozenset({"conversation", "message", "generated_image"})
# Any fixed number: every process that migrates takes this PostgreSQL advisory lock first.
MIGRATION_LOCK_KEY = 0x504E_4A_5343_4845


class DatabaseStartError(RuntimeError):
    """The database cannot be used by this code; the message says which one, why and what to do."""


class SchemaTooNewError(DatabaseStartError):
    """The database was migrated by a newer release than this code."""

    def __init__(self, database: str, revision: str, head: str) -> None:
        self.database, self.revision, self.head = database, revision, head
        super().__init__(
            f"the database {database} is at schema revision {revision}, which this code does not "
            f"know (it knows revisions up to {head}); it was upgraded by a newer release of the "
            "app: upgrade the app to that release (or newer) before starting it on this database"
        )


class UnknownSchemaError(DatabaseStartError):
    """The database holds some of the studio's tables but no revision: not made by any release."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for our migrations, needing no ini file; `connection` is used if given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, f"no migrations in {MIGRATIONS_DIR}"
    return head


def upgrade(engine: Engine) -> None:
    """Migrate to head: adopt a first-release database, refuse one newer than this code."""
    with migration_connection(engine) as connection, connection.begin():
        lock_migrations(connection)
        config = alembic_config(connection)
        script = ScriptDirectory.from_config(config)
        head, shown = script.get_current_head(), _shown(engine)
        revisions = MigrationContext.configure(connection).get_current_heads()
        if revisions:
            _refuse_unknown(revisions, script, shown)
            if revisions == (head,):
                return
        elif _first_release_tables(connection, shown):
            command.stamp(config, FIRST_RELEASE)
            revisions = (f"{FIRST_RELEASE} (first release, no revision table)",)
        start = ", ".join(revisions) or "an empty database"
        log.info("upgrading the schema of %s from %s to %s", shown, start, head)
        command.upgrade(config, "head")


def lock_migrations(connection: Connection) -> None:
    """One migrator at a time (app or CLI); the lock is held to the end of the transaction.

    SQLite's is the write lock the engine takes at BEGIN IMMEDIATE; PostgreSQL needs its own,
    as two processes creating the same tables at once would collide.
    """
    if connection.dialect.name == "postgresql":
        lock = text("SELECT pg_advisory_xact_lock(:key)")
        connection.execute(lock, {"key": MIGRATION_LOCK_KEY})


def _refuse_unknown(revisions: tuple[str, ...], script: ScriptDirectory, database: str) -> None:
    known = {revision.revision for revision in script.walk_revisions()}
    for revision in revisions:
        if revision not in known:
            raise SchemaTooNewError(database, revision, script.get_current_head() or "none")


def _first_release_tables(connection: Connection, database: str) -> bool:
    """True if the first release made this database; False if it is empty of our tables."""
    present = STUDIO_TABLES & set(inspect(connection).get_table_names())
    if present and present != STUDIO_TABLES:
        tables = ", ".join(sorted(present))
        raise UnknownSchemaError(
            f"the database {database} has some of the studio's tables ({tables}) but not all, "
            "and no schema revision: no release made it; use another database"
        )
    return bool(present)


def _shown(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection for schema changes; on SQLite, foreign keys are off while tables are rebuilt.

    Batch mode rebuilds a table by copying it and dropping the original; with foreign keys on,
    dropping `conversation` would cascade to every message. The copy is checked after
    (`check_foreign_keys`), inside the migration's transaction.
    """
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # only outside a transaction does this pragma take effect
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            yield connection
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def check_foreign_keys(connection: Connection) -> None:
    """On SQLite, fail the migration if any row points at a missing parent."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    if broken:
        raise RuntimeError(f"the migration broke foreign keys (table, rowid, parent): {broken}")
