"""Housekeeping: remove files no design refers to, measure old designs, forget old uses."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from core.limits import Quotas
from core.storage import FileStore, StorageError
from data import repository as repo
from data import usage
from data.db import Database
from data.models import utcnow

log = logging.getLogger(__name__)

ORPHAN_AGE = timedelta(hours=1)
SWEEP_EVERY_S = 600.0


def sweep_orphans(
    db: Database, files: FileStore, *, now: datetime, older_than: timedelta = ORPHAN_AGE
) -> list[str]:
    """Remove files without a design row that are older than `older_than`; return them.

    A design's files are written a moment before its row, so a young file without a row may be
    one being saved right now: only old ones are orphans (left by a crash between the two).
    """
    with db.transaction() as session:
        known = repo.all_file_paths(session=session)
    cutoff = now - older_than
    listing = files.listing()
    orphans = [path for path, modified in listing if path not in known and modified < cutoff]
    files.remove(orphans)
    if orphans:
        log.info("removed %d orphan design file(s)", len(orphans))
    return orphans


def measure_designs(db: Database, files: FileStore) -> int:
    """Record the file sizes of designs stored before sizes were kept; return how many."""
    measured = 0
    while True:
        with db.transaction() as session:
            designs = usage.unmeasured_designs(session=session)
            for design in designs:
                design.size_bytes = sum(_size(files, path) for path in repo.image_files(design))
                session.add(design)
        measured += len(designs)
        if len(designs) < usage.MEASURE_BATCH:
            return measured


def _size(files: FileStore, key: str) -> int:
    try:
        return len(files.read(key))
    except (OSError, ValueError, StorageError):  # gone, or not a key: nothing to count
        return 0


class Sweeper:
    """Sweeps once at start, then every `interval_s` seconds on a daemon thread."""

    def __init__(
        self,
        db: Database,
        files: FileStore,
        quotas: Quotas | None = None,
        *,
        interval_s: float = SWEEP_EVERY_S,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db, self.files, self.quotas = db, files, quotas
        self.interval_s = interval_s
        self.clock = clock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sweeper", daemon=True)

    def sweep(self) -> list[str]:
        """One pass: orphan files, unmeasured designs, then the usage ledger."""
        removed = sweep_orphans(self.db, self.files, now=self.clock())
        measure_designs(self.db, self.files)
        if self.quotas is not None:
            self.quotas.prune()
        return removed

    def start(self) -> None:
        """Sweep now, then keep sweeping in the background."""
        self._thread.start()

    def stop(self) -> None:
        """Stop the background sweeps and wait for the current one to finish."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self) -> None:
        while True:
            try:
                self.sweep()
            except Exception:
                log.exception("sweeping leftovers failed; trying again later")
            if self._stop.wait(self.interval_s):
                return
