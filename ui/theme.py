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
from ui.ops import ops_app_kwargs

log = logging.getLogger(__name__)
MB = 1024 * 1024

ASSETS = Path(__file__).resolve().parent.parent / "assets"

# The house gold (assets/theme.json "gold" is the 500) in eleven shades.
GOLD = gr.themes.Color(
    name="pnj_gold",
    c50="#fbf7ee",
    c100="#f5ecd7",
    c200="#ead7ad",
    c300="#dcbd7d",
    c400="#c9a15a",
    c500="#b08d4a",
    c600="#967636",
    c700="#7a5f2b",
    c800="#604a22",
    c900="#4a391b",
    c950="#2b2110",
)


def theme() -> gr.themes.Base:
    """A quiet, warm theme with a gold accent, every text at WCAG AA contrast (4.5:1)."""
    base = gr.themes.Soft(
        primary_hue=GOLD,
        neutral_hue=gr.themes.colors.stone,
        # Local font stacks only: the studio must look right without reaching any font CDN.
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica Neue", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )
    # Soft puts white text on the 500 and 500 text on the 100 (about 2:1 with a gold); the
    # darker shades reach 6.0:1 (white on the 700) and 7.1:1 (the 800 on the 100).
    return base.set(
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white",
        button_primary_background_fill_dark="*primary_700",
        button_primary_background_fill_hover_dark="*primary_800",
        block_label_background_fill_dark="*primary_800",
        checkbox_label_background_fill_selected="*primary_700",
        checkbox_label_background_fill_selected_dark="*primary_700",
        block_label_text_color="*primary_800",
        block_title_text_color="*primary_800",
        body_text_color_subdued="*neutral_600",
    )


def launch_options(studio: Studio) -> dict[str, Any]:
    """Keyword arguments for `Blocks.launch`: only design files are servable; probes; MCP;
    uploads capped in every mode; STUDIO_AUTH=password signs in against the accounts table."""
    settings = studio.settings
    options: dict[str, Any] = {
        "theme": theme(),
        "css_paths": [ASSETS / "studio.css"],
        "allowed_paths": [str(studio.files.served_root)],
        "show_error": True,
        "max_file_size": int(settings.max_upload_mb * MB),
        "app_kwargs": ops_app_kwargs(studio.db, studio.files),
        # JSON logs are for machines: no banner on stdout (app.py logs the URL instead).
        "quiet": studio.settings.log_format == "json",
        "mcp_server": True,  # the public API as MCP tools at /gradio_api/mcp/
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
