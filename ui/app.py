"""Build the whole studio UI from its panels."""

from __future__ import annotations

import gradio as gr

from core.settings import AuthMode
from core.studio import Studio, Window
from ui.api import register_api
from ui.chat_panel import build_chat_panel
from ui.controller import Controller, Panels
from ui.desk import build_catalogue_tab, build_compare_panel
from ui.desk_controller import DeskController
from ui.gallery import build_gallery
from ui.header import BROWSER_LANGUAGES_JS, MARK_PAGE_LANGUAGE_JS, build_header, mode_note
from ui.i18n import DEFAULT, t
from ui.identity import Identity, browser_keys
from ui.property_form import build_property_form
from ui.sidebar import build_sidebar

PRIVATE = {"api_visibility": "private"}  # UI events; the public API is ui/api.py
CACHE_CLEANUP = (3600, 3600)  # every hour, Gradio deletes its cached files older than an hour


def build_app(studio: Studio) -> gr.Blocks:
    """The Blocks app: header, sidebar, chat, gallery and property form, plus the public API."""
    settings = studio.settings
    browser = settings.studio_auth is AuthMode.BROWSER
    ids, state_key = browser_keys(settings) if browser else (None, None)
    identity = Identity(settings, studio.accounts, ids)
    with gr.Blocks(title="PNJ Jewelry AI Designer", delete_cache=CACHE_CLEANUP) as demo:
        conversation_id, design_ids, shown_design = gr.State(None), gr.State([]), gr.State(None)
        window = gr.State(Window())
        header = build_header(settings, state_key)
        with gr.Tabs(elem_id="studio-tabs"):
            with gr.Tab(t(DEFAULT, "tab.studio"), id="studio", elem_id="studio-tab") as studio_tab:
                with gr.Row(equal_height=False, elem_id="studio"):
                    with gr.Column(scale=2, min_width=220, elem_id="sidebar"):
                        sidebar = build_sidebar()
                    with gr.Column(scale=6, min_width=300, elem_id="chat-column"):
                        chat = build_chat_panel(mode_note(DEFAULT, studio.settings))
                    with gr.Column(scale=5, min_width=300, elem_id="design-column"):
                        gallery = build_gallery()
                        form = build_property_form()
                compare = build_compare_panel()
            with gr.Tab(
                t(DEFAULT, "tab.catalogue"), id="catalogue", elem_id="catalogue-tab"
            ) as tab:
                catalogue = build_catalogue_tab()
        states = (conversation_id, design_ids, shown_design, window)
        desk = (compare, catalogue, (studio_tab, tab))
        panels = Panels(header, sidebar, chat, form, gallery, *desk, *states)
        _wire(demo, Controller(studio, identity, panels), studio.settings.turn_concurrency)
        _wire_desk(DeskController(studio, identity, compare, catalogue), panels)
        register_api(studio, identity)
    return demo


def _wire(demo: gr.Blocks, c: Controller, limit: int) -> None:
    """Connect the events; chat and drawing run `limit` at once (see Settings.turn_concurrency)."""
    p, screen, lang = c.panels, c.panels.outputs, c.panels.header.language
    turn = gr.on(
        [p.chat.send.click, p.chat.message.submit],
        c.send,
        [p.conversation_id, p.chat.message, p.chat.chatbot, lang],
        screen,
        concurrency_limit=limit,
        show_progress="hidden",  # the chat streams and the status line shows progress
        **PRIVATE,
    )
    turn.then(c.enable_input, None, [p.chat.message, p.chat.send], **PRIVATE).then(
        c.show_model, [p.shown_design], [p.gallery.model], **PRIVATE
    )
    p.chat.examples.click(c.pick_example, [p.chat.examples, lang], p.chat.message, **PRIVATE)
    p.sidebar.new.click(c.new_conversation, [lang], screen, **PRIVATE)
    p.sidebar.conversations.input(c.select, [p.sidebar.conversations, lang], screen, **PRIVATE)
    p.sidebar.rename.click(c.rename, [p.conversation_id, p.sidebar.title, lang], screen, **PRIVATE)
    p.sidebar.delete.click(c.delete, [p.conversation_id, lang], screen, **PRIVATE)
    form_values = {p.conversation_id, p.form.count, lang, *p.form.inputs}
    for button, generate in (
        (p.form.generate_2d, c.generate_2d_from_form),
        (p.form.generate_3d, c.generate_3d_from_form),
    ):
        button.click(generate, form_values, screen, concurrency_limit=limit, **PRIVATE)
    p.gallery.gallery.select(c.select_design, [p.design_ids, lang], screen, **PRIVATE)
    shown = [p.conversation_id, p.window, lang]
    p.chat.earlier.click(c.load_earlier_messages, shown, screen, **PRIVATE)
    p.gallery.more.click(c.load_earlier_designs, shown, screen, **PRIVATE)
    p.gallery.sheet.click(
        c.sheet_pdf,
        [p.shown_design, lang],
        [p.gallery.sheet_file],
        concurrency_limit=limit,
        **PRIVATE,
    )
    page = [p.header.choice, p.header.browser, p.header.studio_key]
    opened = demo.load(c.open_page, page, p.page, js=BROWSER_LANGUAGES_JS, **PRIVATE)
    switch = [lang, p.conversation_id, p.window, p.shown_design]
    switched = lang.input(c.switch_language, switch, p.page, **PRIVATE)
    for event in (opened, switched):
        event.then(None, [lang], None, js=MARK_PAGE_LANGUAGE_JS, **PRIVATE)


def _wire_desk(d: DeskController, p: Panels) -> None:
    """Compare, the catalogue (shown when its tab opens or a filter changes) and its exports."""
    lang, catalogue = p.header.language, d.catalogue
    compare = [p.gallery.compare_picks, lang]
    p.gallery.compare.click(d.compare, compare, d.compare_panel.outputs, **PRIVATE)
    shown, filters = [catalogue.count, catalogue.table], [*catalogue.filters, lang]
    catalogue_tab = p.tabs[1]
    for changed in (catalogue_tab.select, catalogue.jewelry_type.input, catalogue.metal.input,
                    catalogue.gemstone.input, catalogue.query.submit, lang.input):  # fmt: skip
        changed(d.show_catalogue, filters, shown, **PRIVATE)
    export = [catalogue.export_file]
    catalogue.export_csv.click(d.export_csv, None, export, **PRIVATE)
    catalogue.export_json.click(d.export_json, None, export, **PRIVATE)
