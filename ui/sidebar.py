"""The conversation sidebar: new, select, rename, delete."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr


@dataclass
class Sidebar:
    new: gr.Button
    conversations: gr.Radio
    title: gr.Textbox
    rename: gr.Button
    delete: gr.Button

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [self.new, self.conversations, self.title]


def build_sidebar() -> Sidebar:
    """Buttons and the list of conversations."""
    # Enabled by the page-load handler, so a click cannot race the first load.
    new = gr.Button(
        "+ New design", variant="primary", elem_id="new-conversation", interactive=False
    )
    conversations = gr.Radio(
        choices=[], label="Conversations", elem_id="conversation-list", interactive=True
    )
    with gr.Accordion("Rename or delete", open=False):
        title = gr.Textbox(label="Title", max_lines=1, elem_id="conversation-title")
        with gr.Row():
            rename = gr.Button("Rename", size="sm")
            delete = gr.Button("Delete", size="sm", variant="stop", elem_id="delete-conversation")
    return Sidebar(new, conversations, title, rename, delete)
