"""Design files in an S3-compatible bucket (AWS, MinIO, R2, ...) through boto3.

Credentials, region and endpoint come from boto3's standard settings (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL, ...). Reads that need a
path go through a bounded local cache; files this process writes land in it too.
"""

from __future__ import annotations

import logging
from datetime import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from core.storage.base import StorageError, checked_key, new_key
from core.storage.cache import LocalCache

log = logging.getLogger(__name__)

DELETE_BATCH = 1000  # the most keys one DeleteObjects request takes
# Standard retries (AWS_MAX_ATTEMPTS still applies); short connects so readiness fails fast.
CLIENT_CONFIG = Config(connect_timeout=5, read_timeout=30, retries={"mode": "standard"})


class S3Store:
    """Files as objects under `prefix` in one bucket; keys are the object names past it."""

    def __init__(self, bucket: str, prefix: str, *, cache: LocalCache, client: Any) -> None:
        self.bucket = bucket
        self.prefix = f"{prefix.strip('/')}/" if prefix.strip("/") else ""
        self.cache = cache
        self._s3 = client

    @classmethod
    def from_url(cls, url: str, *, cache: LocalCache) -> S3Store:
        """A store for s3://bucket/prefix with a boto3 client from the standard settings."""
        parsed = urlparse(url)
        if not parsed.netloc:
            raise ValueError(f"STORAGE_URL {url!r} names no bucket; expected s3://bucket/prefix")
        client = boto3.session.Session().client("s3", config=CLIENT_CONFIG)
        return cls(parsed.netloc, parsed.path, cache=cache, client=client)

    @property
    def served_root(self) -> Path:
        """The cache folder."""
        return self.cache.root

    def write(self, folder: str, suffix: str, data: bytes) -> str:
        """Upload bytes as a new object (and keep a cached copy); return its key."""
        key = new_key(folder, suffix)
        with _reported(f"could not store {key}"):
            self._s3.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data)
        self.cache.put(key, data)
        return key

    def read(self, key: str) -> bytes:
        """The object's bytes, from the cache when it holds them."""
        return self.local_path(key).read_bytes()

    def local_path(self, key: str) -> Path:
        """The cached copy of the object, downloaded first if missing."""
        return self.cache.path(checked_key(key), lambda: self._download(key))

    def _download(self, key: str) -> bytes:
        try:
            answer = self._s3.get_object(Bucket=self.bucket, Key=self.prefix + key)
            return answer["Body"].read()
        except ClientError as exc:
            if _code(exc) in {"NoSuchKey", "404"}:
                raise FileNotFoundError(f"no stored file {key}") from None
            raise StorageError(f"could not read {key}: {_reason(exc)}") from None
        except BotoCoreError as exc:
            raise StorageError(f"could not read {key}: {exc}") from None

    def remove(self, keys: Iterable[str]) -> None:
        """Delete objects and their cached copies, logging (not raising) on failure."""
        keys = list(keys)
        for start in range(0, len(keys), DELETE_BATCH):
            batch = keys[start : start + DELETE_BATCH]
            for key in batch:
                self.cache.discard(key)
            objects = [{"Key": self.prefix + key} for key in batch]
            try:
                answer = self._s3.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": objects, "Quiet": True}
                )
            except (BotoCoreError, ClientError) as exc:
                log.warning("could not remove %d stored files: %s", len(batch), exc)
                continue
            for error in answer.get("Errors", []):
                log.warning("could not remove %s: %s", error.get("Key"), error.get("Message"))

    def exists(self, key: str) -> bool:
        """Whether the object is in the bucket."""
        try:
            self._s3.head_object(Bucket=self.bucket, Key=self.prefix + checked_key(key))
        except ClientError as exc:
            if _code(exc) in {"404", "NoSuchKey", "NotFound"}:
                return False
            raise StorageError(f"could not look up {key}: {_reason(exc)}") from None
        return True

    def keys(self, folder: str = "") -> Iterator[str]:
        """Every object key under the prefix (or one folder of it)."""
        pages = self._s3.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix + (f"{folder}/" if folder else "")
        )
        with _reported("could not list the bucket"):
            for page in pages:
                for item in page.get("Contents", []):
                    yield item["Key"].removeprefix(self.prefix)

    def listing(self) -> Iterator[tuple[str, datetime]]:
        """Every object under the prefix with its LastModified time."""
        pages = self._s3.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.prefix
        )
        with _reported("could not list the bucket"):
            for page in pages:
                for item in page.get("Contents", []):
                    yield item["Key"].removeprefix(self.prefix), item["LastModified"]

    def ping(self) -> None:
        """The bucket exists and these credentials may use it."""
        with _reported(f"bucket {self.bucket} is not reachable"):
            self._s3.head_bucket(Bucket=self.bucket)


@contextmanager
def _reported(what: str) -> Iterator[None]:
    """Turn boto3 failures into StorageError with a short reason (never credentials)."""
    try:
        yield
    except ClientError as exc:
        raise StorageError(f"{what}: {_reason(exc)}") from None
    except BotoCoreError as exc:
        raise StorageError(f"{what}: {exc}") from None


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _reason(exc: ClientError) -> str:
    error = exc.response.get("Error", {})
    return f"{error.get('Code', 'error')} {error.get('Message', '')}".strip()
