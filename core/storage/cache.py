"""A bounded local cache of stored files, for web servers that need a path on disk.

Least recently used files go first once the total size passes the bound. Files are
written atomically under their key, so concurrent readers see a whole file or none,
and two fetches of the same key at once both end with the same bytes in place.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from core.storage.base import checked_key
from core.storage.local import write_atomically

log = logging.getLogger(__name__)


class LocalCache:
    """Files under one folder, at most `max_bytes` in all, evicted least recently used first."""

    def __init__(self, root: Path, *, max_bytes: int) -> None:
        if max_bytes <= 0:
            raise ValueError(f"cache size must be positive, not {max_bytes}")
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self._sizes: OrderedDict[str, int] = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()
        self._adopt_existing()

    def path(self, key: str, fetch: Callable[[], bytes]) -> Path:
        """The cached file for a key, fetched (outside the lock) and added if missing."""
        target = self.root / checked_key(key)
        with self._lock:
            if key in self._sizes and target.is_file():
                self._sizes.move_to_end(key)
                return target
        data = fetch()
        self.put(key, data)
        return target

    def put(self, key: str, data: bytes) -> None:
        """Cache bytes under a key (replacing any older copy), then evict down to the bound."""
        target = self.root / checked_key(key)
        write_atomically(target, data)
        with self._lock:
            self._total += len(data) - self._sizes.pop(key, 0)
            self._sizes[key] = len(data)
            self._evict()

    def discard(self, key: str) -> None:
        """Drop a key's cached copy, if any."""
        with self._lock:
            self._total -= self._sizes.pop(key, 0)
            (self.root / checked_key(key)).unlink(missing_ok=True)

    @property
    def total_bytes(self) -> int:
        """Bytes currently cached."""
        return self._total

    def _evict(self) -> None:
        # The newest file always stays, even alone over the bound: someone is about to read it.
        while self._total > self.max_bytes and len(self._sizes) > 1:
            oldest = next(iter(self._sizes))
            self._total -= self._sizes.pop(oldest)
            try:
                (self.root / oldest).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not evict %s from the cache: %s", oldest, exc)

    def _adopt_existing(self) -> None:
        """Count files left by an earlier run, oldest access first, and trim to the bound."""
        found = [p for p in self.root.rglob("*") if p.is_file()]
        for path in sorted(found, key=lambda p: p.stat().st_mtime):
            if path.suffix == ".part":
                path.unlink(missing_ok=True)
                continue
            key = path.relative_to(self.root).as_posix()
            try:
                checked_key(key)
            except ValueError:
                continue  # not ours; leave it alone
            self._sizes[key] = path.stat().st_size
            self._total += self._sizes[key]
        with self._lock:
            self._evict()
