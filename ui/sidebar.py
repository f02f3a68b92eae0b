"""The conversation sidebar: new, select, rename, delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from ui.i18n import DEFAULT, t


@dataclass
class Sidebar:
    new: gr.Button
    conversations: gr.Radio
    manage: gr.Accordion
    title: gr.Textbox
    rename: gr.Button
    delete: gr.Button

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [self.new, self.conversations, self.title]

    def words(self, lang: str) -> dict[Any, Any]:
        """Every label of the sidebar in a language."""
        return {
            self.new: gr.update(value=t(lang, "sidebar.new")),
            self.conversations: gr.update(label=t(lang, "sidebar.conversations")),
            self.manage: gr.update(label=t(lang, "sidebar.manage")),
            self.title: gr.update(label=t(lang, "sidebar.title")),
            self.rename: gr.update(value=t(lang, "sidebar.rename")),
            self.delete: gr.update(value=t(lang, "sidebar.delete")),
        }


def build_sidebar() -> Sidebar:
    """Buttons and the list of conversations."""
    # Enabled by the page-load handler, so a click cannot race the first load.
    new = gr.Button(
        t(DEFAULT, "sidebar.new"), variant="primary", elem_id="new-conversation", interactive=False
    )
    conversations = gr.Radio(
        choices=[],
        label=t(DEFAULT, "sidebar.conversations"),
        elem_id="conversation-list",
        interactive=True,
    )
    with gr.Accordion(t(DEFAULT, "sidebar.manage"), open=False, elem_id="manage") as manage:
        title = gr.Textbox(
            label=t(DEFAULT, "sidebar.title"), max_lines=1, elem_id="conversation-title"
        )
        with gr.Row():
            rename = gr.Button(
                t(DEFAULT, "sidebar.rename"), size="sm", elem_id="rename-conversation"
            )
            delete = gr.Button(
                t(DEFAULT, "sidebar.delete"),
                size="sm",
                variant="stop",
                elem_id="delete-conversation",
            )
    return Sidebar(new, conversations, manage, title, rename, delete)
