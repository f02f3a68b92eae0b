"""Designers' accounts for `STUDIO_AUTH=password`: names, scrypt password hashes, checks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlmodel import Session

from core.errors import StudioError
from data import users as repo
from data.db import Database
from data.models import User

NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's cost parameters: n (CPU/memory), r (block size), p (parallelism)."""

    n: int = 2**15  # 32 MiB per hash with r = 8: memory-hard, ~0.1 s here
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        """Memory scrypt needs (128 * n * r * p), with headroom for OpenSSL's own check."""
        return 128 * self.n * self.r * self.p * 2


DEFAULT_COST = ScryptCost()
KEY_BYTES = 32
SALT_BYTES = 16


def hash_password(password: str, cost: ScryptCost = DEFAULT_COST) -> str:
    """A salted scrypt hash, its parameters and salt stored with it."""
    salt = secrets.token_bytes(SALT_BYTES)
    return _encoded(cost, salt, _scrypt(password, salt, cost))


def _encoded(cost: ScryptCost, salt: bytes, key: bytes) -> str:
    return "$".join(["scrypt", str(cost.n), str(cost.r), str(cost.p), _b64(salt), _b64(key)])


def verify_password(password: str, stored: str) -> bool:
    """Whether the password matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        cost = ScryptCost(int(n), int(r), int(p))
        expected = base64.b64decode(key, validate=True)
        salt_bytes = base64.b64decode(salt, validate=True)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    return hmac.compare_digest(_scrypt(password, salt_bytes, cost), expected)


def _scrypt(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        password.encode(),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        maxmem=cost.maxmem,
        dklen=KEY_BYTES,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def checked_name(name: str) -> str:
    """The account name, or a StudioError saying what a name may contain."""
    if not NAME_PATTERN.fullmatch(name or ""):
        raise StudioError(
            f"account name {name!r} is not allowed: use 1-64 lowercase letters, digits, "
            "'.', '_' or '-', starting with a letter or digit"
        )
    return name


def checked_password(password: str) -> str:
    """The password, or a StudioError saying why it cannot be used."""
    if len(password) < MIN_PASSWORD:
        raise StudioError(f"password is too short (at least {MIN_PASSWORD} characters)")
    if len(password) > MAX_PASSWORD:
        raise StudioError(f"password is too long (at most {MAX_PASSWORD} characters)")
    return password


class Accounts:
    """Adds, changes, removes, lists and checks accounts stored in the database."""

    def __init__(self, db: Database, cost: ScryptCost = DEFAULT_COST) -> None:
        self.db = db
        self.cost = cost
        # Unknown names are checked against this hash that nothing matches: same work, no match.
        self._decoy = _encoded(cost, bytes(SALT_BYTES), bytes(KEY_BYTES))

    def add(self, name: str, password: str) -> None:
        """Create an account; refuse a name that is taken."""
        name, hashed = checked_name(name), hash_password(checked_password(password), self.cost)
        with self.db.transaction() as session:
            if repo.get_user(session=session, name=name) is not None:
                raise StudioError(f"account {name!r} already exists")
            repo.create_user(session=session, name=name, password_hash=hashed)

    def set_password(self, name: str, password: str) -> None:
        """Give an existing account a new password."""
        hashed = hash_password(checked_password(password), self.cost)
        with self.db.transaction() as session:
            repo.set_password(
                session=session, user=self._require(session, name), password_hash=hashed
            )

    def remove(self, name: str) -> None:
        """Delete an account; its conversations stay in the database."""
        with self.db.transaction() as session:
            repo.delete_user(session=session, user=self._require(session, name))

    def names(self) -> list[str]:
        """Every account's name, sorted."""
        with self.db.transaction() as session:
            return [user.name for user in repo.list_users(session=session)]

    def exists(self, name: str) -> bool:
        """Whether an account with this name exists now."""
        with self.db.transaction() as session:
            return repo.get_user(session=session, name=name) is not None

    def check(self, name: str, password: str) -> bool:
        """Whether the name and password belong to an account (same work either way)."""
        with self.db.transaction() as session:
            user = repo.get_user(session=session, name=name or "")
        stored = user.password_hash if user is not None else self._decoy
        matches = verify_password(password or "", stored)
        return matches and user is not None

    def _require(self, session: Session, name: str) -> User:
        user = repo.get_user(session=session, name=name, for_update=True)
        if user is None:
            raise StudioError(f"no account named {name!r}")
        return user
