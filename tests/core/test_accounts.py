"""Password hashing: scrypt with stored parameters, salted, checked in constant time."""

from __future__ import annotations

import base64

from core.accounts import DEFAULT_COST, ScryptCost, hash_password, verify_password


def test_default_hash_is_memory_hard_and_verifies() -> None:
    stored = hash_password("correct horse battery")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", DEFAULT_COST.n, 8, 1)
    assert 128 * int(n) * int(r) >= 32 * 1024 * 1024  # at least 32 MiB of memory per guess
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(key)) == 32
    assert verify_password("correct horse battery", stored)
    assert not verify_password("correct horse batterY", stored)


def test_hashes_made_with_other_parameters_still_verify() -> None:
    """Raising the default cost later must not lock out accounts hashed before."""
    old = hash_password("pass phrase", ScryptCost(n=2**11, r=4, p=2))
    assert old.startswith("scrypt$2048$4$2$")
    assert verify_password("pass phrase", old) and not verify_password("pass", old)


def test_malformed_stored_hashes_never_match() -> None:
    for stored in ["", "plain", "bcrypt$1$2$3$AAAA$AAAA", "scrypt$x$8$1$AAAA$AAAA",
                   "scrypt$1024$8$1$not base64!$AAAA"]:  # fmt: skip
        assert not verify_password("anything", stored)
