"""Drawing designs takes CPU: a bounded pool of threads keeps it off the event loop.

The pool is sized to the cores, so many designers at once queue for the engine
instead of crowding it, while their network waits (Gemini) go on unhindered.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from core.metrics import DRAWING_SECONDS

T = TypeVar("T")


class DrawingPool:
    """Runs CPU-bound drawing in worker threads, at most `workers` at once, and times it."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"drawing workers must be at least 1, not {workers}")
        self.workers = workers
        self._limiter: anyio.CapacityLimiter | None = None

    async def run(self, artist: str, fn: Callable[..., T], *args: object) -> T:
        """Run fn(*args) in the pool; its wall time goes to the drawing histogram."""
        if self._limiter is None:  # created lazily: it belongs to the running event loop
            self._limiter = anyio.CapacityLimiter(self.workers)
        async with self._limiter:
            start = time.perf_counter()
            try:
                return await anyio.to_thread.run_sync(fn, *args)
            finally:
                DRAWING_SECONDS.labels(artist=artist).observe(time.perf_counter() - start)
