"""Stores under test: a local folder, and a bucket on moto's S3 server."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.storage import FileStore, LocalCache, LocalStore, open_store
from tests.s3_stub import S3Stub


def bucket_store(s3: S3Stub, bucket: str, cache_dir: Path, *, cache_bytes: int = 10_000_000):
    """A store on the bucket, built from STORAGE_URL the way the app builds it."""
    return open_store(f"s3://{bucket}/designs", storage_dir=cache_dir, cache_bytes=cache_bytes)


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> FileStore:
    """Each backend in turn."""
    if request.param == "local":
        return LocalStore(tmp_path / "files")
    s3 = request.getfixturevalue("s3_env")
    return bucket_store(s3, s3.new_bucket(), tmp_path / "storage")


@pytest.fixture
def cache(tmp_path: Path) -> LocalCache:
    """A 1,000-byte cache."""
    return LocalCache(tmp_path / "cache", max_bytes=1000)
