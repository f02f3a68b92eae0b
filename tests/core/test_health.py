"""Readiness names what is down: the database, the file store, or both."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.health import readiness_problems
from core.storage import LocalStore
from data.db import Database
from tests.conftest import free_port


@pytest.fixture
def files(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "files")


def database(url: str) -> Iterator[Database]:
    db = Database(url)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    yield from database(f"sqlite:///{tmp_path / 'studio.db'}")


@pytest.fixture
def closed_port_db() -> Iterator[Database]:
    """PostgreSQL at a port where nothing listens, with a password that must not leak."""
    yield from database(f"postgresql://studio:S3cret-pw@127.0.0.1:{free_port()}/studio")


def test_a_reachable_database_and_store_are_ready(sqlite_db: Database, files: LocalStore) -> None:
    assert readiness_problems(sqlite_db, files) == []


def test_a_reachable_postgres_is_ready(files: LocalStore) -> None:
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        pytest.skip("PostgreSQL not configured: set TEST_POSTGRES_URL")
    for db in database(url):
        assert readiness_problems(db, files) == []


def test_a_database_that_is_down_is_named(closed_port_db: Database, files: LocalStore) -> None:
    problems = readiness_problems(closed_port_db, files)
    assert len(problems) == 1 and problems[0].startswith("database: ")
    assert "refused" in problems[0].lower() and "S3cret-pw" not in problems[0]


def test_both_problems_are_reported(closed_port_db: Database, tmp_path: Path) -> None:
    files = LocalStore(tmp_path / "gone")
    (tmp_path / "gone").rmdir()
    problems = readiness_problems(closed_port_db, files)
    assert [p.split(":")[0] for p in problems] == ["database", "storage"]
    assert "missing" in problems[1]
