"""Build the whole studio UI from its panels."""

from __future__ import annotations

from functools import partial

import gradio as gr

from core.studio import Studio
from ui.api import register_api
from ui.chat_panel import build_chat_panel
from ui.controller import Controller
from ui.gallery import build_gallery
from ui.property_form import build_property_form
from ui.sidebar import build_sidebar

CHAT_CONCURRENCY = 16


def mode_note(studio: Studio) -> str:
    """Tell the designer who is designing."""
    settings = studio.settings
    if settings.designer_name == "gemini":
        return f"Designer: <b>Gemini</b> ({settings.chat_model}, images by {settings.image_model})."
    return (
        "Designer: <b>offline</b> (no GEMINI_API_KEY set): a built-in parser and "
        "parametric engine design the piece, in English or Vietnamese."
    )


def build_app(studio: Studio) -> gr.Blocks:
    """The Blocks app: sidebar, chat, gallery and property form, plus the public API."""
    with gr.Blocks(title="PNJ Jewelry AI Designer") as demo:
        conversation_id = gr.State(None)
        design_ids = gr.State([])
        gr.HTML(
            f"<div id='brand'><h1>PNJ · AI Jewelry Designer</h1><p>{mode_note(studio)}</p></div>"
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=2, min_width=220, elem_id="sidebar"):
                sidebar = build_sidebar()
            with gr.Column(scale=6, min_width=420):
                chat = build_chat_panel(mode_note(studio))
            with gr.Column(scale=5, min_width=360):
                gallery = build_gallery()
                with gr.Accordion("Design properties", open=True):
                    form = build_property_form()
        controller = Controller(studio, sidebar, chat, form, gallery, conversation_id, design_ids)
        _wire(demo, controller)
        register_api(studio)
    return demo


def _wire(demo: gr.Blocks, c: Controller) -> None:
    private = {"api_visibility": "private"}
    outputs = c.outputs
    c_form = [c.conversation_id, c.form.count, *c.form.inputs]
    turn = gr.on(
        [c.chat.send.click, c.chat.message.submit],
        c.send,
        [c.conversation_id, c.chat.message],
        outputs,
        concurrency_limit=CHAT_CONCURRENCY,
        show_progress="hidden",
        **private,
    )  # fmt: skip  (the chat streams and the status line shows progress)
    turn.then(c.enable_input, None, [c.chat.message, c.chat.send], **private)
    c.sidebar.new.click(c.new_conversation, None, outputs, **private)
    c.sidebar.conversations.input(c.select, [c.sidebar.conversations], outputs, **private)
    c.sidebar.rename.click(c.rename, [c.conversation_id, c.sidebar.title], outputs, **private)
    c.sidebar.delete.click(c.delete, [c.conversation_id], outputs, **private)
    for button, kind in ((c.form.generate_2d, "2d"), (c.form.generate_3d, "3d")):
        button.click(partial(c.generate, kind), c_form, outputs,
                     concurrency_limit=CHAT_CONCURRENCY, **private)  # fmt: skip
    c.gallery.gallery.select(c.select_design, [c.design_ids], outputs, **private)
    demo.load(c.load, None, outputs, **private)
