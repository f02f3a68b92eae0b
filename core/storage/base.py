"""The file store interface every storage backend implements, and its key rules."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Protocol

_KEY = re.compile(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.[A-Za-z0-9]+")


class StorageError(Exception):
    """The store cannot be reached or refused an operation; the text says why."""


def new_key(folder: str, suffix: str) -> str:
    """A fresh, unique key such as 'c12/3f2a…e1.png'."""
    return checked_key(f"{folder}/{uuid.uuid4().hex}{suffix}")


def checked_key(key: str) -> str:
    """The key, if it is a plain relative name (no '..', no leading '/'); else ValueError."""
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key


class FileStore(Protocol):
    """Design files addressed by keys; written whole, read whole, removed with their rows."""

    def write(self, folder: str, suffix: str, data: bytes) -> str:
        """Store bytes under a new key in `folder` and return the key."""
        ...

    def read(self, key: str) -> bytes:
        """The bytes stored under a key (FileNotFoundError if there are none)."""
        ...

    def local_path(self, key: str) -> Path:
        """A local file holding the key's bytes, for a web server that needs a path."""
        ...

    def remove(self, keys: Iterable[str]) -> None:
        """Remove files; failures are logged, not raised (their rows are already gone)."""
        ...

    def exists(self, key: str) -> bool:
        """Whether a file is stored under the key."""
        ...

    def keys(self, folder: str = "") -> Iterator[str]:
        """Every stored key, or those in one folder."""
        ...

    def listing(self) -> Iterator[tuple[str, datetime]]:
        """Every stored file (unfinished writes too) with when it was last written, in UTC."""
        ...

    def ping(self) -> None:
        """Return if the store is reachable and usable; raise StorageError saying why not."""
        ...

    @property
    def served_root(self) -> Path:
        """The one local folder `local_path` answers under: the web server may serve it."""
        ...
