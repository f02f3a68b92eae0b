"""Look and launch options: theme, CSS and the folders the server may serve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from core.settings import Settings

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def theme() -> gr.themes.Base:
    """A quiet, warm theme with a gold accent, every text at WCAG AA contrast (4.5:1)."""
    base = gr.themes.Soft(
        primary_hue=gr.themes.colors.amber,
        neutral_hue=gr.themes.colors.stone,
        # Local font stacks only: the studio must look right without reaching any font CDN.
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica Neue", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )
    # Soft's amber-500 accents are 1.9-2.1:1 against white and amber-100; the darker golds
    # below keep the look and reach 5:1 (amber-700 behind white) and 6.7:1 (amber-800 on 100).
    return base.set(
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white",
        checkbox_label_background_fill_selected="*primary_700",
        block_label_text_color="*primary_800",
        block_title_text_color="*primary_800",
        body_text_color_subdued="*neutral_600",
    )


def launch_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for `Blocks.launch`: only the design files are servable."""
    return {
        "theme": theme(),
        "css_paths": [ASSETS / "studio.css"],
        "allowed_paths": [str(settings.files_dir.resolve())],
        "show_error": True,
    }
