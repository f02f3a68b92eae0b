"""Where design files live: one interface, a local folder or an S3 bucket, chosen once."""

from __future__ import annotations

from pathlib import Path

from core.storage.base import FileStore, StorageError, new_key
from core.storage.cache import LocalCache
from core.storage.local import LocalStore

__all__ = ["FileStore", "LocalCache", "LocalStore", "StorageError", "new_key", "open_store"]


def open_store(url: str, *, storage_dir: Path, cache_bytes: int) -> FileStore:
    """The store STORAGE_URL names: '' or a path (a folder), or s3://bucket/prefix."""
    if not url:
        return LocalStore(storage_dir / "files")
    if url.startswith("s3://"):
        from core.storage.s3 import S3Store  # boto3 loads only when a bucket is used

        cache = LocalCache(storage_dir / "cache", max_bytes=cache_bytes)
        return S3Store.from_url(url, cache=cache)
    if url.startswith("file://"):
        return LocalStore(Path(url.removeprefix("file://")))
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise ValueError(
            f"STORAGE_URL: unknown scheme {scheme!r}; expected a folder path or s3://bucket/prefix"
        )
    return LocalStore(Path(url))
