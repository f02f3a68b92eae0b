"""The local cache stays within its bound, keeps what is used, and is safe across threads."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from core.storage import LocalCache


def key(n: int) -> str:
    return f"c1/{n:032x}.png"


def test_least_recently_used_files_go_first(cache: LocalCache) -> None:
    for n in range(3):
        cache.put(key(n), bytes([n]) * 300)
    cache.path(key(0), fetch=lambda: b"not fetched")  # 0 is now the most recently used
    cache.put(key(3), b"x" * 300)
    assert cache.total_bytes == 900
    files = sorted(p.name for p in cache.root.rglob("*.png"))
    assert files == sorted(Path(key(n)).name for n in (0, 2, 3))
    assert (cache.root / key(0)).read_bytes() == bytes([0]) * 300


def test_a_missing_file_is_fetched_once_then_served(cache: LocalCache) -> None:
    fetched: list[str] = []

    def fetch() -> bytes:
        fetched.append("x")
        return b"design"

    first = cache.path(key(1), fetch)
    second = cache.path(key(1), fetch)
    assert first == second and first.read_bytes() == b"design"
    assert fetched == ["x"]


def test_a_file_deleted_behind_its_back_is_fetched_again(cache: LocalCache) -> None:
    cache.put(key(1), b"old")
    (cache.root / key(1)).unlink()
    assert cache.path(key(1), lambda: b"again").read_bytes() == b"again"


def test_one_file_over_the_bound_still_stays(cache: LocalCache) -> None:
    cache.put(key(1), b"a" * 400)
    cache.put(key(2), b"b" * 1500)
    assert cache.path(key(2), lambda: b"").read_bytes() == b"b" * 1500
    assert not (cache.root / key(1)).exists()


def test_a_restart_counts_and_trims_what_is_on_disk(tmp_path: Path) -> None:
    first = LocalCache(tmp_path, max_bytes=10_000)
    for n in range(5):
        first.put(key(n), b"z" * 400)
    (tmp_path / "c1" / "half.part").write_bytes(b"unfinished")
    again = LocalCache(tmp_path, max_bytes=1000)
    assert again.total_bytes == 800
    assert len(list(tmp_path.rglob("*.png"))) == 2
    assert not (tmp_path / "c1" / "half.part").exists()


def test_concurrent_readers_get_whole_files_and_the_bound_holds(tmp_path: Path) -> None:
    cache = LocalCache(tmp_path, max_bytes=5000)
    contents = {key(n): bytes([n]) * (200 + n) for n in range(40)}
    start = threading.Barrier(8)

    def reader(offset: int) -> list[bool]:
        start.wait()
        ok = []
        for step in range(200):
            name = key((offset * 7 + step) % 40)
            path = cache.path(name, lambda name=name: contents[name])
            try:
                ok.append(path.read_bytes() == contents[name])
            except FileNotFoundError:
                ok.append(True)  # evicted by another reader meanwhile: a fetch would follow
        return ok

    with ThreadPoolExecutor(8) as pool:
        results = [ok for batch in pool.map(reader, range(8)) for ok in batch]
    assert all(results) and len(results) == 1600
    on_disk = sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file())
    assert cache.total_bytes == on_disk <= 5000
    assert not list(tmp_path.rglob("*.part"))
