"""Build the whole studio UI from its panels."""

from __future__ import annotations

import gradio as gr

from core.studio import Studio, Window
from ui.api import register_api
from ui.chat_panel import build_chat_panel
from ui.controller import Controller, Panels
from ui.desk import WORDS, build_catalogue_tab, build_compare_panel
from ui.desk_controller import DeskController
from ui.gallery import GalleryPanel, build_gallery
from ui.identity import Identity
from ui.property_form import build_property_form
from ui.sidebar import build_sidebar

PRIVATE = {"api_visibility": "private"}  # UI events; the public API is ui/api.py


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
    identity = Identity(studio.settings)
    with gr.Blocks(title="PNJ Jewelry AI Designer") as demo:
        conversation_id = gr.State(None)
        design_ids = gr.State([])
        window = gr.State(Window())
        gr.HTML(
            f"<div id='brand'><h1>PNJ · AI Jewelry Designer</h1><p>{mode_note(studio)}</p></div>"
        )
        with gr.Tabs(elem_id="studio-tabs"):
            with gr.Tab(WORDS["studio_tab"], id="studio", elem_id="studio-tab"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=2, min_width=220, elem_id="sidebar"):
                        sidebar = build_sidebar()
                    with gr.Column(scale=6, min_width=420):
                        chat = build_chat_panel(mode_note(studio))
                    with gr.Column(scale=5, min_width=360):
                        gallery = build_gallery()
                        with gr.Accordion("Design properties", open=True):
                            form = build_property_form()
                compare = build_compare_panel()
            with gr.Tab(WORDS["catalogue_tab"], id="catalogue", elem_id="catalogue-tab") as tab:
                catalogue = build_catalogue_tab()
        panels = Panels(sidebar, chat, form, gallery, compare, conversation_id, design_ids, window)
        _wire(demo, Controller(studio, identity, panels), studio.settings.turn_concurrency)
        _wire_desk(DeskController(studio, identity, compare, catalogue), gallery, tab)
        register_api(studio, identity)
    return demo


def _wire(demo: gr.Blocks, c: Controller, limit: int) -> None:
    """Connect the events; chat and drawing run `limit` at once (see Settings.turn_concurrency)."""
    p, screen = c.panels, c.panels.outputs
    turn = gr.on(
        [p.chat.send.click, p.chat.message.submit],
        c.send,
        [p.conversation_id, p.chat.message, p.chat.chatbot],
        screen,
        concurrency_limit=limit,
        show_progress="hidden",  # the chat streams and the status line shows progress
        **PRIVATE,
    )
    turn.then(c.enable_input, None, [p.chat.message, p.chat.send], **PRIVATE)
    p.sidebar.new.click(c.new_conversation, None, screen, **PRIVATE)
    p.sidebar.conversations.input(c.select, [p.sidebar.conversations], screen, **PRIVATE)
    p.sidebar.rename.click(c.rename, [p.conversation_id, p.sidebar.title], screen, **PRIVATE)
    p.sidebar.delete.click(c.delete, [p.conversation_id], screen, **PRIVATE)
    form_values = {p.conversation_id, p.form.count, *p.form.inputs}
    for button, generate in (
        (p.form.generate_2d, c.generate_2d_from_form),
        (p.form.generate_3d, c.generate_3d_from_form),
    ):
        button.click(generate, form_values, screen, concurrency_limit=limit, **PRIVATE)
    p.gallery.gallery.select(c.select_design, [p.design_ids], screen, **PRIVATE)
    shown = [p.conversation_id, p.window]
    p.chat.earlier.click(c.load_earlier_messages, shown, screen, **PRIVATE)
    p.gallery.more.click(c.load_earlier_designs, shown, screen, **PRIVATE)
    demo.load(c.load, None, screen, **PRIVATE)


def _wire_desk(d: DeskController, gallery: GalleryPanel, catalogue_tab: gr.Tab) -> None:
    compare = d.compare_panel
    gallery.compare.click(d.compare, [gallery.compare_picks], compare.outputs, **PRIVATE)
    shown = [d.catalogue.count, d.catalogue.table]
    filters = d.catalogue.filters
    catalogue_tab.select(d.show_catalogue, filters, shown, **PRIVATE)
    for changed in (d.catalogue.jewelry_type.input, d.catalogue.metal.input,
                    d.catalogue.gemstone.input, d.catalogue.query.submit):  # fmt: skip
        changed(d.show_catalogue, filters, shown, **PRIVATE)
    export = [d.catalogue.export_file]
    d.catalogue.export_csv.click(d.export_csv, None, export, **PRIVATE)
    d.catalogue.export_json.click(d.export_json, None, export, **PRIVATE)
