"""The chat panel: the conversation with the designer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from ui.i18n import DEFAULT, EXAMPLES, t


@dataclass
class ChatPanel:
    chatbot: gr.Chatbot
    message: gr.MultimodalTextbox  # words and up to 4 reference images
    send: gr.Button
    status: gr.Markdown
    earlier: gr.Button  # shows the page of messages before the latest ones
    examples: gr.Dataset

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [self.chatbot, self.message, self.send, self.status, self.earlier]

    def words(self, lang: str, mode: str) -> dict[Any, Any]:
        """Every label of the chat panel in a language; `mode` says who is designing."""
        return {
            self.chatbot: gr.update(
                label=t(lang, "chat.label"), placeholder=t(lang, "chat.empty", mode=mode)
            ),
            self.message: gr.update(placeholder=t(lang, "chat.placeholder")),
            self.send: gr.update(value=t(lang, "chat.send")),
            self.earlier: gr.update(value=t(lang, "chat.earlier")),
            self.examples: gr.update(
                label=t(lang, "chat.examples"), samples=[[e] for e in EXAMPLES[lang]]
            ),
        }


def build_chat_panel(mode: str) -> ChatPanel:
    """Chatbot, input and examples (in the default language until the page knows its own)."""
    earlier = gr.Button(
        t(DEFAULT, "chat.earlier"), size="sm", variant="secondary", visible=False,
        elem_id="load-earlier",
    )  # fmt: skip
    chatbot = gr.Chatbot(
        label=t(DEFAULT, "chat.label"),
        elem_id="chatbot",
        height=600,
        buttons=["copy"],
        feedback_options=None,
        placeholder=t(DEFAULT, "chat.empty", mode=mode),
    )
    status = gr.Markdown("", elem_id="turn-status")
    with gr.Row(equal_height=True, elem_id="composer"):
        message = gr.MultimodalTextbox(
            placeholder=t(DEFAULT, "chat.placeholder"),
            show_label=False,
            scale=6,
            max_lines=6,
            elem_id="message-input",
            autofocus=True,
            file_types=["image"],
            file_count="multiple",
            sources=["upload"],
            submit_btn=False,  # the Send button sends
            max_plain_text_length=100_000,  # long pastes stay text; the studio refuses >4000
        )
        send = gr.Button(
            t(DEFAULT, "chat.send"),
            variant="primary",
            scale=1,
            min_width=90,
            elem_id="send",
            interactive=False,  # enabled once the page has loaded its conversation
        )
    # A plain dataset, not gr.Examples: its samples change with the language, and a click
    # fills in the sample of the language shown (see Controller.pick_example).
    examples = gr.Dataset(
        components=[message],
        samples=[[e] for e in EXAMPLES[DEFAULT]],
        label=t(DEFAULT, "chat.examples"),
        type="index",
        elem_id="examples",
    )
    return ChatPanel(chatbot, message, send, status, earlier, examples)
