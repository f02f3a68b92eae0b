"""One settings object, read from the environment once in app.py and passed down."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from data.db import studio_database_url

DEFAULT_CHAT_MODEL = "gemini-3.8-flash"
DEFAULT_IMAGE_MODEL = "gemini-nano-banana-2.1"

T = TypeVar("T", int, float)


class SettingsError(ValueError):
    """A setting the app cannot start with; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable about the app."""

    storage_dir: Path = Path("storage")
    database_url: str = field(default="", repr=False)
    gemini_api_key: str = field(default="", repr=False)
    gemini_base_url: str = ""
    chat_model: str = DEFAULT_CHAT_MODEL
    image_model: str = DEFAULT_IMAGE_MODEL
    gemini_timeout_s: float = 60.0
    gemini_retries: int = 3
    turn_deadline_s: float = 90.0
    concurrency_limit: int = 16  # runs at once per chat / generate / API event
    max_upload_mb: float = 10.0  # per uploaded file (reference images)
    user_id: str = "designer"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from environment variables (unset ones keep their defaults)."""
        env = os.environ if env is None else env
        number = _NumberReader(env)
        return cls(
            storage_dir=Path(env.get("STORAGE_DIR") or "storage"),
            database_url=env.get("DATABASE_URL", ""),
            gemini_api_key=env.get("GEMINI_API_KEY", "").strip(),
            gemini_base_url=env.get("GEMINI_BASE_URL", "").strip(),
            chat_model=env.get("CHAT_MODEL") or DEFAULT_CHAT_MODEL,
            image_model=env.get("IMAGE_MODEL") or DEFAULT_IMAGE_MODEL,
            gemini_timeout_s=number("GEMINI_TIMEOUT_S", float, 60.0, low=0.1),
            gemini_retries=number("GEMINI_RETRIES", int, 3, low=0),
            turn_deadline_s=number("TURN_DEADLINE_S", float, 90.0, low=1.0),
            concurrency_limit=number("CONCURRENCY_LIMIT", int, 16, low=1),
            max_upload_mb=number("MAX_UPLOAD_MB", float, 10.0, low=0.1),
        )

    @property
    def files_dir(self) -> Path:
        """Image and model files; the only storage folder the web server may serve."""
        return self.storage_dir / "files"

    @property
    def resolved_database_url(self) -> str:
        """DATABASE_URL, or a SQLite file inside STORAGE_DIR."""
        return studio_database_url(self.database_url, self.storage_dir)

    @property
    def designer_name(self) -> str:
        """Which designer answers: Gemini with a key, the offline one without."""
        return "gemini" if self.gemini_api_key else "offline"


@dataclass(frozen=True)
class _NumberReader:
    """Reads numeric variables, refusing malformed or out-of-range ones by name."""

    env: Mapping[str, str]

    def __call__(self, name: str, kind: Callable[[str], T], default: T, *, low: float) -> T:
        raw = (self.env.get(name) or "").strip()
        if not raw:
            return default
        expected = "a whole number" if kind is int else "a number"
        try:
            value = kind(raw)
        except ValueError:
            raise SettingsError(f"{name}={raw!r} is not {expected}; expected {expected} "
                                f">= {low:g} (default {default:g})") from None  # fmt: skip
        if value < low:
            raise SettingsError(f"{name}={raw!r} is too small; expected {expected} >= {low:g}")
        return value
