"""Databases for the data tests: a file-backed SQLite always, PostgreSQL when one is given."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import make_url

from data.db import Database, make_engine

POSTGRES_ENV = "TEST_POSTGRES_URL"
# A zone far from UTC, so any timestamp stored or read as local time shows up as a wrong hour.
POSTGRES_TIMEZONE = "Asia/Ho_Chi_Minh"


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database, dropped afterwards (skips if unconfigured)."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(
            f"PostgreSQL not configured: set {POSTGRES_ENV}, e.g. "
            "postgresql://postgres:postgres@127.0.0.1:5432/postgres (.ci/run does)"
        )
    name = f"pnj_test_{uuid.uuid4().hex[:16]}"
    admin = make_engine(admin_url)
    autocommit = admin.execution_options(isolation_level="AUTOCOMMIT")
    with autocommit.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        conn.exec_driver_sql(f"ALTER DATABASE \"{name}\" SET timezone TO '{POSTGRES_TIMEZONE}'")
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with autocommit.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database, dropped after the test."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database with our tables, per backend; PostgreSQL is skipped unless configured."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    database = Database(url)
    database.upgrade()
    yield database
    database.dispose()
