"""Look and launch options: theme, CSS and the folders the server may serve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from core.studio import Studio
from ui.ops import ops_app_kwargs

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
    """Keyword arguments for `Blocks.launch`: only the design files are servable; probes."""
    return {
        "theme": theme(),
        "css_paths": [ASSETS / "studio.css"],
        "allowed_paths": [str(studio.files.served_root)],
        "show_error": True,
        "app_kwargs": ops_app_kwargs(studio.db, studio.files),
        # JSON logs are for machines: no banner on stdout (app.py logs the URL instead).
        "quiet": studio.settings.log_format == "json",
        "max_file_size": int(studio.settings.max_upload_mb * 1024 * 1024),  # bytes, per file
    }
