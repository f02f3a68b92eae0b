"""A clock the test moves by hand, for the limits' time windows (no sleeping)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

START = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)


class ManualClock:
    """Returns the time it was set to; `advance` moves it (safe across the app's threads)."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def advance(self, **delta: float) -> None:
        with self._lock:
            self.now += timedelta(**delta)
