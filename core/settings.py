"""One settings object, read from the environment once in app.py and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CHAT_MODEL = "gemini-3.8-flash"
DEFAULT_IMAGE_MODEL = "gemini-nano-banana-2.1"


@dataclass(frozen=True)
class Settings:
    """Everything configurable about the app."""

    storage_dir: Path = Path("storage")
    database_url: str = ""
    gemini_api_key: str = field(default="", repr=False)
    gemini_base_url: str = ""
    chat_model: str = DEFAULT_CHAT_MODEL
    image_model: str = DEFAULT_IMAGE_MODEL
    gemini_timeout_s: float = 60.0
    gemini_retries: int = 3
    turn_deadline_s: float = 90.0
    user_id: str = "designer"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from environment variables (unset ones keep their defaults)."""
        env = os.environ if env is None else env
        storage = Path(env.get("STORAGE_DIR") or "storage")
        return cls(
            storage_dir=storage,
            database_url=env.get("DATABASE_URL", ""),
            gemini_api_key=env.get("GEMINI_API_KEY", "").strip(),
            gemini_base_url=env.get("GEMINI_BASE_URL", "").strip(),
            chat_model=env.get("CHAT_MODEL") or DEFAULT_CHAT_MODEL,
            image_model=env.get("IMAGE_MODEL") or DEFAULT_IMAGE_MODEL,
            gemini_timeout_s=float(env.get("GEMINI_TIMEOUT_S") or 60.0),
            gemini_retries=int(env.get("GEMINI_RETRIES") or 3),
            turn_deadline_s=float(env.get("TURN_DEADLINE_S") or 90.0),
        )

    @property
    def files_dir(self) -> Path:
        """Image and model files; the only storage folder the web server may serve."""
        return self.storage_dir / "files"

    @property
    def resolved_database_url(self) -> str:
        """DATABASE_URL, or a SQLite file inside STORAGE_DIR."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.storage_dir / 'studio.db').resolve()}"

    @property
    def designer_name(self) -> str:
        """Which designer answers: Gemini with a key, the offline one without."""
        return "gemini" if self.gemini_api_key else "offline"
