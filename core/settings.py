"""One settings object, read from the environment once in app.py and passed down."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from core.limits import SIGN_IN_DEFAULTS, Limits
from core.logs import LOG_FORMATS
from data.db import studio_database_url

DEFAULT_CHAT_MODEL = "gemini-3.8-flash"
DEFAULT_IMAGE_MODEL = "gemini-nano-banana-2.1"

T = TypeVar("T", int, float)


class SettingsError(ValueError):
    """A setting the app cannot start with; the message names the variable."""


class AuthMode(StrEnum):
    """Who is who (`STUDIO_AUTH`): one local studio, accounts, one per browser, or HF sign-in."""

    NONE = "none"
    PASSWORD = "password"
    BROWSER = "browser"
    HF = "hf"

    @property
    def signs_in(self) -> bool:
        """Whether visitors are told apart (and per-user limits apply by default)."""
        return self is not AuthMode.NONE


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
    concurrency_limit: int = 16  # runs at once per API event that neither chats nor draws
    io_concurrency: int = 64  # chat / generate runs at once when they wait on Gemini
    cpu_concurrency: int = field(default_factory=lambda: os.cpu_count() or 1)  # offline, drawing
    storage_url: str = ""  # "" (STORAGE_DIR/files), a folder, or s3://bucket/prefix
    storage_cache_mb: int = 1024  # local copies of bucket files, for the web server
    log_format: str = "text"  # or "json": one object per line
    user_id: str = "designer"  # the one local studio's owner when STUDIO_AUTH=none
    studio_auth: AuthMode = AuthMode.NONE
    limits: Limits = Limits()
    max_upload_mb: float = 10.0
    queue_max_size: int = 64  # requests waiting per event before new ones are turned away
    studio_secret: str = field(default="", repr=False)  # signs browser studio ids
    server_name: str = "127.0.0.1"

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
            io_concurrency=number("IO_CONCURRENCY", int, 64, low=1),
            cpu_concurrency=number("CPU_CONCURRENCY", int, os.cpu_count() or 1, low=1),
            storage_url=env.get("STORAGE_URL", "").strip(),
            storage_cache_mb=number("STORAGE_CACHE_MB", int, 1024, low=1),
            log_format=_choice(env, "LOG_FORMAT", LOG_FORMATS),
            studio_auth=_auth_mode(env),
            limits=_limits(number, _auth_mode(env).signs_in),
            max_upload_mb=number("MAX_UPLOAD_MB", float, 10.0, low=0.01),
            queue_max_size=number("QUEUE_MAX_SIZE", int, 64, low=1),
            studio_secret=env.get("STUDIO_SECRET", "").strip(),
            server_name=(env.get("GRADIO_SERVER_NAME") or "127.0.0.1").strip(),
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
    def secret_file(self) -> Path:
        """Where the signing secret is kept when STUDIO_SECRET is not set."""
        return self.storage_dir / "secret.key"

    @property
    def listens_beyond_loopback(self) -> bool:
        """Whether other machines can reach the server."""
        return self.server_name not in {"127.0.0.1", "localhost", "::1"}

    @property
    def turn_concurrency(self) -> int:
        """Chat turns and drawings at once: many while they wait on Gemini, cores when they draw."""
        return self.io_concurrency if self.designer_name == "gemini" else self.cpu_concurrency

    @property
    def designer_name(self) -> str:
        """Which designer answers: Gemini with a key, the offline one without."""
        return "gemini" if self.gemini_api_key else "offline"


def _auth_mode(env: Mapping[str, str]) -> AuthMode:
    return AuthMode(_choice(env, "STUDIO_AUTH", tuple(mode.value for mode in AuthMode)))


def _limits(number: _NumberReader, signs_in: bool) -> Limits:
    """Limits from the environment: on with defaults when visitors sign in, else off unless set."""
    defaults = SIGN_IN_DEFAULTS if signs_in else Limits()
    return Limits(
        turns_per_minute=number.limit("MAX_TURNS_PER_MINUTE", int, defaults.turns_per_minute),
        designs_per_day=number.limit("MAX_DESIGNS_PER_DAY", int, defaults.designs_per_day),
        storage_mb=number.limit("MAX_STORAGE_MB", float, defaults.storage_mb),
        gemini_calls_per_day=number.limit("GEMINI_MAX_CALLS_PER_DAY", int, None),
    )


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    """One of a few words (the first is the default), or SettingsError naming them."""
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return choices[0]
    if raw not in choices:
        raise SettingsError(f"{name}={raw!r} is not one of {', '.join(choices)}")
    return raw


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

    def limit(self, name: str, kind: Callable[[str], T], default: T | None) -> T | None:
        """A limit: unset keeps the default, 0 means no limit."""
        if not (self.env.get(name) or "").strip():
            return default
        value = self(name, kind, default or kind("0"), low=0)
        return value or None
