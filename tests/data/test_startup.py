"""Starting app.py on a database it cannot use: one line naming the problem, exit status 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from data.db import Database
from data.schema import head_revision

ROOT = Path(__file__).resolve().parents[2]  # where app.py is


def start_app(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run app.py as a developer would; it must stop before serving anything."""
    environment = {**os.environ, "GRADIO_SERVER_PORT": "1", **env}
    return subprocess.run(
        [sys.executable, "app.py"], cwd=ROOT, env=environment, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def stamp_newer(url: str) -> None:
    database = Database(url)
    database.upgrade()
    with database.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    database.dispose()


def test_a_newer_database_stops_the_app_with_one_clear_line(tmp_path: Path) -> None:
    """SQLite only: the refusal itself (and the hidden password) is tested on both backends in
    test_migrations.py; this checks what app.py makes of it."""
    storage = tmp_path / "storage"
    storage.mkdir()
    url = f"sqlite:///{(storage / 'studio.db').resolve()}"
    stamp_newer(url)
    started = start_app({"STORAGE_DIR": str(storage)})
    assert started.returncode == 1
    last = started.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: the database {url} ") and "Traceback" not in started.stderr
    assert "at schema revision 0999, which this code does not know" in last
    assert f"(it knows revisions up to {head_revision()})" in last and "upgrade the app" in last
