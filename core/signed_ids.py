"""Random studio ids signed with the server's secret, so a browser can keep but not forge one."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

ID_BYTES = 18  # 144 random bits
SECRET_BYTES = 32


class SignedIds:
    """Issues `<id>.<signature>` tokens and gives back the id of a genuine one."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the signing secret must be at least 16 bytes")
        self._secret = secret

    def issue(self) -> str:
        """A new random id with its signature."""
        studio_id = secrets.token_urlsafe(ID_BYTES)
        return f"{studio_id}.{self._sign(studio_id)}"

    def verify(self, token: object) -> str | None:
        """The id inside a token this server issued, or None for anything else."""
        if not isinstance(token, str) or token.count(".") != 1:
            return None
        studio_id, signature = token.split(".")
        if not studio_id or not hmac.compare_digest(signature, self._sign(studio_id)):
            return None
        return studio_id

    def _sign(self, studio_id: str) -> str:
        digest = hmac.new(self._secret, studio_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def load_or_create_secret(path: Path) -> bytes:
    """The server's signing secret, made once (readable by the owner only) and kept in a file."""
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_bytes(SECRET_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return bytes.fromhex(path.read_text().strip())
    with os.fdopen(fd, "w") as handle:
        handle.write(secret.hex())
    return secret
