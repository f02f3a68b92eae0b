"""Design files on disk: written atomically, named uniquely, removed with their rows."""

from __future__ import annotations

import logging
import os
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)


class FileStore:
    """Files under one root folder, addressed by paths relative to it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    def write(self, folder: str, suffix: str, data: bytes) -> str:
        """Write bytes to a new file (temp file + rename) and return its relative path."""
        directory = self.root / folder
        directory.mkdir(parents=True, exist_ok=True)
        relative = f"{folder}/{uuid.uuid4().hex}{suffix}"
        fd, temp = tempfile.mkstemp(dir=directory, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, self.root / relative)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return relative

    def path(self, relative: str) -> Path:
        """Absolute path of a stored file, refusing anything outside the root."""
        full = (self.root / relative).resolve()
        if not full.is_relative_to(self.root):
            raise ValueError(f"path outside storage: {relative}")
        return full

    def remove(self, relatives: list[str]) -> None:
        """Remove files, logging (not raising) on failure: rows are already gone."""
        for relative in relatives:
            try:
                self.path(relative).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove %s: %s", relative, exc)

    def listing(self) -> Iterator[tuple[str, datetime]]:
        """Every stored file (temp files included) as (relative path, last modified in UTC)."""
        for full in self.root.rglob("*"):
            try:
                if full.is_file():
                    modified = datetime.fromtimestamp(full.stat().st_mtime, UTC)
                    yield full.relative_to(self.root).as_posix(), modified
            except FileNotFoundError:
                continue  # removed while we walked

    def size(self, relative: str) -> int:
        """Size in bytes of a stored file."""
        return self.path(relative).stat().st_size
