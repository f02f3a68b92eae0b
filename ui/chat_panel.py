"""The chat panel: the conversation with the designer."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.desk import WORDS

EXAMPLES = [
    "A rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain",
    "Nhẫn vàng trắng 18K đính kim cương 5 ly, kiểu tối giản",
    "Dây chuyền mặt hoa sen bằng vàng hồng với ngọc trai",
    "Show me 3 options of platinum stud earrings with sapphires, in 3D",
]


@dataclass
class ChatPanel:
    chatbot: gr.Chatbot
    message: gr.MultimodalTextbox
    send: gr.Button
    status: gr.Markdown
    earlier: gr.Button  # shows the page of messages before the latest ones

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [self.chatbot, self.message, self.send, self.status, self.earlier]


def build_chat_panel(mode_note: str) -> ChatPanel:
    """Chatbot, input and examples."""
    earlier = gr.Button(
        "↑ Load earlier messages", size="sm", variant="secondary", visible=False,
        elem_id="load-earlier",
    )  # fmt: skip
    chatbot = gr.Chatbot(
        label="Designer",
        elem_id="chatbot",
        height=600,
        buttons=["copy"],
        feedback_options=None,
        placeholder=f"<h3>Describe a piece to design</h3><p>{mode_note}</p>",
    )
    status = gr.Markdown("", elem_id="turn-status")
    with gr.Row(equal_height=True):
        message = gr.MultimodalTextbox(
            placeholder=WORDS["message_placeholder"],
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
            "Send", variant="primary", scale=1, min_width=90, elem_id="send", interactive=False
        )  # enabled once the page has loaded its conversation
    gr.Examples([[{"text": example}] for example in EXAMPLES], inputs=[message], label="Try")
    return ChatPanel(chatbot, message, send, status, earlier)
