"""The engine factory: SQLite tuning and PostgreSQL URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from data.db import Database, make_engine


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'test.db'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:p@127.0.0.1:5432/pnj",
        "postgres://u:p@127.0.0.1:5432/pnj",
        "postgresql+psycopg://u:p@127.0.0.1:5432/pnj",
    ],
)
def test_postgres_urls_use_psycopg_3(url: str) -> None:
    """psycopg2, SQLAlchemy's default for postgresql://, is not installed; psycopg 3 is."""
    engine = make_engine(url)  # connects lazily: nothing is contacted here
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    assert engine.url.render_as_string(hide_password=False).endswith("u:p@127.0.0.1:5432/pnj")
