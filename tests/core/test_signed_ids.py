"""Signed studio ids for browser mode: kept by the browser, never forged."""

from __future__ import annotations

import stat
from pathlib import Path

from core.signed_ids import SignedIds, load_or_create_secret


def test_issued_ids_verify_and_differ() -> None:
    ids = SignedIds(b"k" * 32)
    first, second = ids.issue(), ids.issue()
    assert first != second
    assert ids.verify(first) == first.split(".")[0]
    assert SignedIds(b"k" * 32).verify(second) == second.split(".")[0]  # survives a restart


def test_forged_or_foreign_tokens_are_refused() -> None:
    ids, other = SignedIds(b"k" * 32), SignedIds(b"j" * 32)
    token = ids.issue()
    studio_id, signature = token.split(".")
    changed = signature[:-1] + ("B" if signature.endswith("A") else "A")  # never the same
    for forged in [
        other.issue(), f"someone-else.{signature}", f"{studio_id}.{changed}",
        studio_id, "", None, 42, {"id": studio_id}, f"{token}.extra", f".{signature}",
    ]:  # fmt: skip
        assert ids.verify(forged) is None, forged


def test_secret_is_made_once_and_private(tmp_path: Path) -> None:
    path = tmp_path / "storage" / "secret.key"
    secret = load_or_create_secret(path)
    assert len(secret) == 32 and load_or_create_secret(path) == secret
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
