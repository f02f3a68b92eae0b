"""Who is acting: the one place that turns a request into the owner of the studio."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from core.settings import Settings


@dataclass(frozen=True)
class Identity:
    """Resolves the owner of every request; today one local studio for everybody."""

    settings: Settings

    def owner(self, request: gr.Request | None) -> str:
        """The user a request acts for, taken from the request, never from an argument."""
        return self.settings.user_id
