"""Look and launch options: theme, CSS, the folders the server may serve, sign-in and caps."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import gradio as gr

from core.accounts import Accounts
from core.settings import AuthMode, Settings
from core.studio import Studio

log = logging.getLogger(__name__)
MB = 1024 * 1024

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def theme() -> gr.themes.Base:
    """A quiet, warm theme with a gold accent."""
    return gr.themes.Soft(
        primary_hue=gr.themes.colors.amber,
        neutral_hue=gr.themes.colors.stone,
        # Local font stacks only: the studio must look right without reaching any font CDN.
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica Neue", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )


def launch_options(studio: Studio) -> dict[str, Any]:
    """Keyword arguments for `Blocks.launch`: only the design files are servable, uploads are
    capped in every mode, and STUDIO_AUTH=password signs in against the accounts table."""
    settings = studio.settings
    options: dict[str, Any] = {
        "theme": theme(),
        "css_paths": [ASSETS / "studio.css"],
        "allowed_paths": [str(settings.files_dir.resolve())],
        "show_error": True,
        "max_file_size": int(settings.max_upload_mb * MB),
    }
    if settings.studio_auth is AuthMode.PASSWORD:
        options["auth"] = password_check(studio.accounts)
        options["auth_message"] = "Sign in to your PNJ design studio."
    return options


def queue_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for `Blocks.queue`: runs at once per event, and a bounded queue."""
    return {
        "default_concurrency_limit": settings.concurrency_limit,
        "max_size": settings.queue_max_size,
    }


def password_check(accounts: Accounts) -> Callable[[str, str], Awaitable[bool]]:
    """Gradio's `auth=`: scrypt runs in a worker thread so sign-ins never stall the server."""

    async def check(name: str, password: str) -> bool:
        return await anyio.to_thread.run_sync(accounts.check, name, password)

    return check


def warn_if_exposed(settings: Settings) -> None:
    """Say plainly when one shared studio is reachable from other machines."""
    if settings.studio_auth is AuthMode.NONE and settings.listens_beyond_loopback:
        log.warning(
            "STUDIO_AUTH=none and the server listens on %s: everyone who can reach it shares ONE "
            "studio and can read, change and delete all of its conversations and designs. "
            "Set STUDIO_AUTH=password, browser or hf to keep visitors apart.",
            settings.server_name,
        )
