"""Leftover design files: old orphans go; fresh files and files with a row stay."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from core.limits import Limits, Quotas
from core.storage import LocalStore
from core.sweeper import Sweeper, sweep_orphans
from data import repository as repo
from data.db import Database
from data.models import GeneratedImage


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'studio.db'}")
    database.upgrade()
    yield database
    database.dispose()


def aged(files: LocalStore, relative: str, hours: float) -> str:
    """Make a stored file look `hours` old."""
    stamp = (datetime.now(UTC) - timedelta(hours=hours)).timestamp()
    os.utime(files.local_path(relative), (stamp, stamp))
    return relative


def with_row(db: Database, files: LocalStore, hours: float) -> list[str]:
    """An old design whose three files all have their row."""
    paths = [
        aged(files, files.write("c1", suffix, b"x"), hours) for suffix in (".png", ".glb", ".stl")
    ]
    with db.transaction() as session:
        conversation = repo.create_conversation(session=session, user_id="lan")
        repo.create_image(
            session=session,
            image=GeneratedImage(
                conversation_id=conversation.id, owner="lan", image_type="3d", image_path=paths[0],
                model_path=paths[1], stl_path=paths[2],
            ),
        )  # fmt: skip
    return paths


def test_only_old_orphans_are_removed(db: Database, tmp_path: Path) -> None:
    files = LocalStore(tmp_path / "files")
    kept = with_row(db, files, hours=5)
    old_orphan = aged(files, files.write("c1", ".png", b"crashed"), hours=2)
    fresh_orphan = aged(files, files.write("loose", ".png", b"being saved"), hours=0.5)
    stale_part = tmp_path / "files" / "c1" / "tmpabc.part"
    stale_part.write_bytes(b"half")
    aged(files, "c1/tmpabc.part", hours=3)

    removed = sweep_orphans(db, files, now=datetime.now(UTC))

    assert sorted(removed) == sorted([old_orphan, "c1/tmpabc.part"])
    remaining = {path for path, _modified in files.listing()}
    assert remaining == {*kept, fresh_orphan}


def test_background_sweeper_sweeps_at_start_and_prunes_usage(db: Database, tmp_path: Path) -> None:
    files = LocalStore(tmp_path / "files")
    with_row(db, files, hours=5)  # stored before sizes were recorded
    orphan = aged(files, files.write("c2", ".png", b"crashed"), hours=2)
    quotas = Quotas(
        db, Limits(turns_per_minute=5), clock=lambda: datetime.now(UTC) - timedelta(days=2)
    )
    quotas.admit_turn("lan", lambda _session: 0)
    quotas.clock = lambda: datetime.now(UTC)
    sweeper = Sweeper(db, files, quotas, interval_s=3600)
    sweeper.start()
    sweeper.stop()  # the first sweep runs before the thread first waits, so it is done now
    assert not files.local_path(orphan).exists()
    assert not sweeper._thread.is_alive()
    assert quotas.prune() == 0  # the two-day-old turn was already forgotten
    with db.transaction() as session:
        (design,) = session.exec(select(GeneratedImage)).all()
    assert design.size_bytes == 3  # its three one-byte files, measured
