"""Both stores keep the same promises: bytes back as written, keys, removal, readiness."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.storage import FileStore, LocalStore, StorageError, open_store
from core.storage.s3 import S3Store
from tests.core.storage.conftest import bucket_store
from tests.s3_stub import S3Stub

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def test_bytes_come_back_as_written(store: FileStore) -> None:
    key = store.write("c7", ".png", PNG)
    assert key.startswith("c7/") and key.endswith(".png")
    assert store.read(key) == PNG
    assert store.local_path(key).read_bytes() == PNG
    assert store.local_path(key).is_relative_to(store.served_root)
    assert store.exists(key)


def test_every_write_gets_its_own_key(store: FileStore) -> None:
    keys = {store.write("loose", ".stl", b"solid") for _ in range(5)}
    assert len(keys) == 5
    assert sorted(store.keys("loose")) == sorted(keys)


def test_keys_lists_one_folder_or_all(store: FileStore) -> None:
    a = store.write("c1", ".png", b"a")
    b = store.write("c2", ".glb", b"b")
    assert list(store.keys("c1")) == [a]
    assert sorted(store.keys()) == sorted([a, b])


def test_removed_files_are_gone(store: FileStore) -> None:
    kept = store.write("c3", ".png", b"kept")
    gone = [store.write("c3", ".png", b"one"), store.write("c3", ".glb", b"two")]
    store.remove(gone)
    assert [store.exists(key) for key in gone] == [False, False]
    assert store.read(kept) == b"kept"
    with pytest.raises(FileNotFoundError):
        store.read(gone[0])


def test_removing_missing_files_is_quiet(store: FileStore) -> None:
    store.remove(["c9/0123456789abcdef.png"])
    assert not store.exists("c9/0123456789abcdef.png")


@pytest.mark.parametrize("key", ["../studio.db", "/etc/passwd", "c1/../../x.png", "c1/x"])
def test_keys_that_escape_are_refused(store: FileStore, key: str) -> None:
    with pytest.raises(ValueError, match="not a storage key"):
        store.local_path(key)


def test_a_reachable_store_is_ready(store: FileStore) -> None:
    store.ping()


def test_a_missing_folder_is_not_ready(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "files")
    (tmp_path / "files").rmdir()
    with pytest.raises(StorageError, match="missing"):
        store.ping()


def test_a_missing_bucket_is_not_ready(s3_env: S3Stub, tmp_path: Path) -> None:
    store = bucket_store(s3_env, "no-such-bucket", tmp_path)
    with pytest.raises(StorageError, match="bucket no-such-bucket is not reachable"):
        store.ping()


def test_an_unreachable_endpoint_is_not_ready(
    s3_env: S3Stub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import free_port

    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    store = bucket_store(s3_env, "designs", tmp_path)
    with pytest.raises(StorageError, match="not reachable") as caught:
        store.ping()
    assert "SECRET" not in str(caught.value)


def test_objects_live_under_the_prefix(s3_env: S3Stub, tmp_path: Path) -> None:
    bucket = s3_env.new_bucket()
    key = bucket_store(s3_env, bucket, tmp_path).write("c4", ".glb", b"glTF")
    assert s3_env.object_names(bucket) == [f"designs/{key}"]


def test_another_replica_reads_the_same_bytes(s3_env: S3Stub, tmp_path: Path) -> None:
    bucket = s3_env.new_bucket()
    a = bucket_store(s3_env, bucket, tmp_path / "a")
    b = bucket_store(s3_env, bucket, tmp_path / "b")
    key = a.write("c5", ".png", PNG)
    assert not (b.served_root / key).exists()  # nothing shared but the bucket
    assert b.local_path(key).read_bytes() == PNG
    b.remove([key])
    assert not a.exists(key)
    assert s3_env.object_names(bucket) == []


def test_a_missing_object_is_file_not_found(s3_env: S3Stub, tmp_path: Path) -> None:
    store = bucket_store(s3_env, s3_env.new_bucket(), tmp_path)
    with pytest.raises(FileNotFoundError, match="no stored file c1/"):
        store.local_path("c1/0123456789abcdef.png")


def test_storage_url_chooses_the_backend(s3_env: S3Stub, tmp_path: Path) -> None:
    default = open_store("", storage_dir=tmp_path, cache_bytes=1000)
    assert isinstance(default, LocalStore) and default.root == (tmp_path / "files").resolve()
    folder = open_store(str(tmp_path / "elsewhere"), storage_dir=tmp_path, cache_bytes=1000)
    assert isinstance(folder, LocalStore) and folder.root == (tmp_path / "elsewhere").resolve()
    bucket = open_store("s3://studio/prod/designs/", storage_dir=tmp_path, cache_bytes=1000)
    assert isinstance(bucket, S3Store)
    assert (bucket.bucket, bucket.prefix) == ("studio", "prod/designs/")
    assert bucket.served_root == (tmp_path / "cache").resolve()


@pytest.mark.parametrize(
    ("url", "message"),
    [("ftp://host/x", "unknown scheme 'ftp'"), ("s3:///prefix", "names no bucket")],
)
def test_a_bad_storage_url_says_what_is_wrong(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        open_store(url, storage_dir=tmp_path, cache_bytes=1000)
