"""UI handlers: each asks one studio service, then says which components show what."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.attachments import load_references
from core.designs import FileKind
from core.properties import ImageType
from core.studio import Studio, StudioView, Window
from core.turns import ChatUpdate
from ui import desk_views, views
from ui.chat_panel import ChatPanel
from ui.desk import CataloguePanel, ComparePanel
from ui.errors import shows_errors
from ui.gallery import GalleryPanel
from ui.header import Header, mode_note
from ui.i18n import EXAMPLES, choose_language, supported, t
from ui.identity import Identity
from ui.property_form import PropertyForm, form_properties
from ui.sidebar import Sidebar
from ui.tracing import traced

Updates = dict[Any, Any]
FormValues = dict[gr.components.Component, Any]
TAB_WORDS = ("tab.studio", "tab.catalogue")


@dataclass
class Panels:
    """Every component a handler may update, by panel."""

    header: Header
    sidebar: Sidebar
    chat: ChatPanel
    form: PropertyForm
    gallery: GalleryPanel
    compare: ComparePanel
    catalogue: CataloguePanel
    tabs: tuple[gr.Tab, gr.Tab]  # the studio and the catalogue
    conversation_id: gr.State
    design_ids: gr.State
    shown_design: gr.State  # the design in the detail panel
    window: gr.State  # how many of the latest messages and designs are shown

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The named groups a screen update writes to."""
        return [
            self.conversation_id, self.design_ids, self.shown_design, self.window,
            *self.sidebar.outputs, *self.chat.outputs, *self.gallery.outputs, self.compare.panel,
            *self.form.inputs,
        ]  # fmt: skip

    @property
    def page(self) -> list[Any]:
        """A screen update plus every label (page load and the language switch)."""
        labelled = [self.header.brand, self.header.language, self.header.choice,
                    self.header.account, self.header.studio_key,
                    self.sidebar.manage, self.sidebar.rename, self.sidebar.delete,
                    self.chat.examples, self.form.panel, self.form.count, self.form.generate_2d,
                    self.form.generate_3d, self.gallery.compare, self.compare.title,
                    self.compare.slider, self.compare.pictures, *self.tabs,
                    *self.catalogue.filters, self.catalogue.table, self.catalogue.export_csv,
                    self.catalogue.export_json, self.catalogue.export_file]  # fmt: skip
        return [*self.outputs, *labelled]


def combine(*parts: Updates) -> Updates:
    """Updates for the same components merged (labels from one part, values from another)."""
    merged: Updates = {}
    for part in parts:
        for component, update in part.items():
            if component in merged:
                update = {**_as_update(merged[component]), **_as_update(update)}
            merged[component] = update
    return merged


def _as_update(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and value.get("__type__") == "update":
        return value
    return gr.update(value=value)


def tab_words(tabs: tuple[gr.Tab, gr.Tab], lang: str) -> Updates:
    """The studio and catalogue tabs' labels in a language."""
    return {tab: gr.update(label=t(lang, key)) for tab, key in zip(tabs, TAB_WORDS, strict=True)}


@dataclass(repr=False)
class Controller:
    studio: Studio
    identity: Identity
    panels: Panels

    # Mappings ------------------------------------------------------------------------------

    def _words(self, lang: str) -> Updates:
        """Every label of the page in a language."""
        p, settings = self.panels, self.studio.settings
        return combine(
            p.header.words(lang, settings),
            p.sidebar.words(lang),
            p.chat.words(lang, mode_note(lang, settings)),
            p.form.words(lang),
            p.gallery.words(lang),
            p.compare.words(lang),
            p.catalogue.words(lang),
            tab_words(p.tabs, lang),
        )

    def _screen(self, owner: str, view: StudioView, lang: str, shown: int | None = None) -> Updates:
        """Show one conversation (or the empty studio) everywhere, and one of its designs."""
        p, conversation = self.panels, view.conversation
        selected = conversation["id"] if conversation else None
        images = view.designs
        locate = self.studio.files.local_path
        chat = views.chat_messages(conversation, locate, lang) if conversation else []
        updates: Updates = {
            p.conversation_id: selected,
            p.design_ids: [image["id"] for image in reversed(images)],
            p.window: view.window,
            p.sidebar.conversations: gr.update(
                choices=views.conversation_choices(view.conversations, lang), value=selected
            ),
            p.sidebar.title: views.title(conversation, lang) if conversation else "",
            p.sidebar.new: gr.update(interactive=True),
            p.chat.chatbot: chat,
            p.chat.message: gr.update(interactive=True),
            p.chat.send: gr.update(interactive=True),
            p.chat.status: "",
            p.chat.earlier: gr.update(visible=view.earlier_messages),
            p.gallery.gallery: views.gallery_items(images, locate, lang),
            p.gallery.more: gr.update(visible=view.earlier_designs),
            p.gallery.compare_picks: gr.update(
                choices=desk_views.compare_choices(images, lang), value=[]
            ),
            p.compare.panel: gr.update(visible=False),
        }
        if view.properties:
            updates |= p.form.values(view.properties)
        return updates | self._detail(owner, [image["id"] for image in images], shown, lang)

    def _detail(self, owner: str, ids: list[int], wanted: int | None, lang: str) -> Updates:
        """The wanted design's details if it is one of these, else the newest, else none."""
        design_id = wanted if wanted in ids else (ids[-1] if ids else None)
        if design_id is None:
            gallery = self.panels.gallery
            return {
                self.panels.shown_design: None,
                gallery.spec: t(lang, "detail.empty"),
                gallery.package: gr.update(value=None, visible=False),
                gallery.model: None,
                gallery.downloads: gr.update(value=None, visible=False),
                gallery.sheet: gr.update(visible=False),
                gallery.sheet_file: gr.update(value=None, visible=False),
            }
        return self._design(*self.studio.designs.detail(owner, design_id), lang)

    def _design(self, image: dict[str, Any], files: dict[FileKind, Any], lang: str) -> Updates:
        """One design in the detail panel: spec, package, 3D model when it has one, files."""
        gallery, model = self.panels.gallery, files.get(FileKind.GLB)
        package = self.studio.desk.pack(image, files)  # looked up for this owner already
        return {
            self.panels.shown_design: image["id"],
            gallery.spec: views.spec_markdown(image, lang),
            gallery.package: gr.update(value=str(package), visible=True),
            gallery.model: model,  # an empty viewer takes no room (assets/studio.css)
            gallery.downloads: gr.update(value=[str(f) for f in files.values()], visible=True),
            gallery.sheet: gr.update(visible=True),
            gallery.sheet_file: gr.update(value=None, visible=False),
        }

    def _turn(self, update: ChatUpdate, shown: list[dict[str, Any]], lang: str) -> Updates:
        """A running turn: the user's message and the answer so far."""
        chat, locate = self.panels.chat, self.studio.files.local_path
        asked = views.user_content(update.user_message, locate)
        pending = [*shown, {"role": "user", "content": asked}]
        if update.text or update.status:
            reply = update.text or f"_{update.status}_"
            pending.append({"role": "assistant", "content": reply})
        status = update.status or t(lang, "chat.thinking")
        return {
            self.panels.conversation_id: update.conversation_id,
            chat.chatbot: pending,
            chat.message: gr.update(value="", interactive=False),
            chat.send: gr.update(interactive=False),
            chat.status: t(lang, "chat.status", status=status),
        }

    # Handlers ------------------------------------------------------------------------------

    @traced
    @shows_errors
    def open_page(self, choice: str, browser: str, studio_key: Any, request: gr.Request) -> Updates:
        """On page load: pick the language, label everything, open this visitor's studio."""
        header = request.headers.get("accept-language") if request else None
        lang = choose_language(choice, browser, header)
        kept = self.identity.claim(request, studio_key)  # browser mode: this browser's studio
        owner = self.identity.owner(request)
        who = {self.panels.header.studio_key: kept,
               self.panels.header.account: self.identity.signed_in_as(request, lang)}  # fmt: skip
        return combine(self._words(lang), self._screen(owner, self.studio.view(owner), lang), who)

    @traced
    @shows_errors
    def switch_language(
        self,
        lang: str,
        conversation_id: int | None,
        window: Window,
        shown: int | None,
        request: gr.Request,
    ) -> Updates:
        """The header switch: relabel everything, remember the choice, keep what is shown."""
        lang, owner = supported(lang), self.identity.owner(request)
        view = self.studio.view(owner, conversation_id, window)
        screen = self._screen(owner, view, lang, shown)
        header = self.panels.header
        who = {header.choice: lang, header.account: self.identity.signed_in_as(request, lang)}
        return combine(self._words(lang), screen, who)

    @traced
    @shows_errors
    def load_earlier_messages(
        self, conversation_id: int | None, window: Window, lang: str, request: gr.Request
    ) -> Updates:
        """Show the page of messages before those on screen."""
        owner = self.identity.owner(request)
        view = self.studio.view(owner, conversation_id, window.more_messages())
        return self._screen(owner, view, lang)

    @traced
    @shows_errors
    def load_earlier_designs(
        self, conversation_id: int | None, window: Window, lang: str, request: gr.Request
    ) -> Updates:
        """Show the page of designs before those in the gallery."""
        owner = self.identity.owner(request)
        view = self.studio.view(owner, conversation_id, window.more_designs())
        return self._screen(owner, view, lang)

    @traced
    @shows_errors
    def new_conversation(self, lang: str, request: gr.Request) -> Updates:
        """Start a fresh conversation and show it."""
        owner = self.identity.owner(request)
        created = self.studio.conversations.create(owner)["id"]
        return self._screen(owner, self.studio.view(owner, created), lang)

    @traced
    @shows_errors
    def select(self, conversation_id: int | None, lang: str, request: gr.Request) -> Updates:
        """Show the conversation picked in the sidebar."""
        owner = self.identity.owner(request)
        return self._screen(owner, self.studio.view(owner, conversation_id), lang)

    @traced
    @shows_errors
    def rename(
        self, conversation_id: int | None, title: str, lang: str, request: gr.Request
    ) -> Updates:
        """Rename the open conversation."""
        owner = self.identity.owner(request)
        renamed = self.studio.conversations.update(owner, conversation_id, title)
        return self._screen(owner, self.studio.view(owner, renamed["id"]), lang)

    @traced
    @shows_errors
    def delete(self, conversation_id: int | None, lang: str, request: gr.Request) -> Updates:
        """Delete the open conversation and show the latest other one."""
        owner = self.identity.owner(request)
        if conversation_id is not None:
            self.studio.conversations.delete(owner, conversation_id)
        return self._screen(owner, self.studio.view(owner), lang)

    @traced
    @shows_errors
    async def send(
        self,
        conversation_id: int | None,
        message: dict | None,
        shown: list,
        lang: str,
        request: gr.Request,
    ) -> AsyncIterator[Updates]:
        """Send a message with its reference images; stream the answer; show the stored turn."""
        owner, message = self.identity.owner(request), message or {}
        references = load_references(message.get("files") or [], self.studio.settings.max_upload_mb)
        text = message.get("text") or ""
        turn = self.studio.turns.stream(owner, conversation_id, text, lang, references)
        async for update in turn:
            if not update.done:
                yield self._turn(update, shown, lang)
                continue
            screen = self._screen(owner, self.studio.view(owner, update.conversation_id), lang)
            # Gradio 6.31 mounts no 3D viewer for a model streamed from a generator;
            # `show_model` sets it after the turn instead.
            screen.pop(self.panels.gallery.model)
            yield screen

    @traced
    @shows_errors
    def show_model(self, shown: int | None, request: gr.Request) -> Any:
        """The 3D model of the design in the detail panel, if it has one."""
        if shown is None:
            return None
        return self.studio.designs.files_of(self.identity.owner(request), shown).get(FileKind.GLB)

    def enable_input(self) -> Updates:
        """Give the message box back, whatever happened to the turn."""
        chat = self.panels.chat
        return {chat.message: gr.update(interactive=True), chat.send: gr.update(interactive=True)}

    def pick_example(self, index: int, lang: str) -> str:
        """The clicked example, in the language shown."""
        return EXAMPLES[supported(lang)][index]

    async def generate_2d_from_form(self, values: FormValues, request: gr.Request) -> Updates:
        """Draw 2D design sheets from the form."""
        lang = values[self.panels.header.language]
        return await self._generate(ImageType.TWO_D, values, lang, request)

    async def generate_3d_from_form(self, values: FormValues, request: gr.Request) -> Updates:
        """Draw 3D designs from the form."""
        lang = values[self.panels.header.language]
        return await self._generate(ImageType.THREE_D, values, lang, request)

    @traced
    @shows_errors
    async def _generate(
        self, kind: ImageType, values: FormValues, lang: str, request: gr.Request
    ) -> Updates:
        """Generate designs straight from the form into the open conversation."""
        owner, p = self.identity.owner(request), self.panels
        shown = await self.studio.designs.generate_from_form(
            owner,
            values[p.conversation_id],
            form_properties(p.form, values),
            int(values[p.form.count]),
            kind,
            language=lang,
        )
        return self._screen(owner, self.studio.view(owner, shown), lang)

    @traced
    @shows_errors
    def select_design(
        self, design_ids: list[int], lang: str, event: gr.SelectData, request: gr.Request
    ) -> Updates:
        """Show the picked design's spec, model and files; load its properties into the form."""
        owner = self.identity.owner(request)
        image, files = self.studio.designs.detail(owner, design_ids[event.index])
        shown = self._design(image, files, lang)
        return shown | self.panels.form.values(image["properties"])

    @shows_errors
    def sheet_pdf(self, image_id: int | None, lang: str, request: gr.Request) -> Updates:
        """Make the shown design's true-scale PDF sheet and offer it for download."""
        path = str(self.studio.desk.sheet(self.identity.owner(request), image_id))
        return {self.panels.gallery.sheet_file: gr.update(value=path, visible=True)}
