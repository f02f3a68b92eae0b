"""Design files in a local folder: written atomically, named uniquely."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from core.storage.base import StorageError, checked_key, new_key

log = logging.getLogger(__name__)


def write_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or nothing (temp file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class LocalStore:
    """Files under one root folder, addressed by keys that are paths relative to it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    @property
    def served_root(self) -> Path:
        """The root folder itself."""
        return self.root

    def write(self, folder: str, suffix: str, data: bytes) -> str:
        """Write bytes to a new file and return its key."""
        key = new_key(folder, suffix)
        write_atomically(self.root / key, data)
        return key

    def read(self, key: str) -> bytes:
        """The file's bytes."""
        return self.local_path(key).read_bytes()

    def local_path(self, key: str) -> Path:
        """Absolute path of a stored file; refuses anything that is not a plain key."""
        return self.root / checked_key(key)

    def remove(self, keys: Iterable[str]) -> None:
        """Remove files, logging (not raising) on failure."""
        for key in keys:
            try:
                self.local_path(key).unlink(missing_ok=True)
            except (OSError, ValueError) as exc:
                log.warning("could not remove %s: %s", key, exc)

    def exists(self, key: str) -> bool:
        """Whether the file is there."""
        return self.local_path(key).is_file()

    def keys(self, folder: str = "") -> Iterator[str]:
        """Every stored key under a folder, skipping unfinished writes."""
        base = self.root / folder if folder else self.root
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix != ".part":
                yield path.relative_to(self.root).as_posix()

    def listing(self) -> Iterator[tuple[str, datetime]]:
        """Every file under the root, temp files of unfinished writes included, with its mtime."""
        for path in sorted(self.root.rglob("*")):
            try:
                if path.is_file():
                    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                    yield path.relative_to(self.root).as_posix(), modified
            except FileNotFoundError:
                continue  # removed while we walked

    def ping(self) -> None:
        """The folder exists and is writable."""
        if not self.root.is_dir():
            raise StorageError(f"storage folder {self.root} is missing")
        if not os.access(self.root, os.W_OK):
            raise StorageError(f"storage folder {self.root} is not writable")
