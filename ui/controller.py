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
from ui.desk import ComparePanel
from ui.errors import shows_errors
from ui.gallery import GalleryPanel
from ui.identity import Identity
from ui.property_form import PropertyForm, form_properties
from ui.sidebar import Sidebar
from ui.tracing import traced

Updates = dict[gr.components.Component, Any]
FormValues = dict[gr.components.Component, Any]
NO_DESIGN = "Select a design to see its details."


@dataclass
class Panels:
    """Every component a handler may update, by panel."""

    sidebar: Sidebar
    chat: ChatPanel
    form: PropertyForm
    gallery: GalleryPanel
    compare: ComparePanel
    conversation_id: gr.State
    design_ids: gr.State
    window: gr.State  # how many of the latest messages and designs are shown

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The named groups a screen update writes to."""
        return [
            self.conversation_id, self.design_ids, self.window, *self.sidebar.outputs,
            *self.chat.outputs, *self.gallery.outputs, self.compare.panel, *self.form.inputs,
        ]  # fmt: skip


@dataclass(repr=False)
class Controller:
    studio: Studio
    identity: Identity
    panels: Panels

    # Mappings ------------------------------------------------------------------------------

    def _screen(self, view: StudioView) -> Updates:
        """Show one conversation (or the empty studio) everywhere."""
        p, conversation = self.panels, view.conversation
        selected = conversation["id"] if conversation else None
        images = view.designs
        locate = self.studio.files.local_path
        updates: Updates = {
            p.conversation_id: selected,
            p.design_ids: [image["id"] for image in reversed(images)],
            p.window: view.window,
            p.sidebar.conversations: gr.Radio(
                choices=views.conversation_choices(view.conversations), value=selected
            ),
            p.sidebar.title: conversation["title"] if conversation else "",
            p.sidebar.new: gr.Button(interactive=True),
            p.chat.chatbot: views.chat_messages(conversation, locate) if conversation else [],
            p.chat.message: gr.MultimodalTextbox(interactive=True),
            p.chat.send: gr.Button(interactive=True),
            p.chat.status: "",
            p.chat.earlier: gr.Button(visible=view.earlier_messages),
            p.gallery.gallery: views.gallery_items(images, locate),
            p.gallery.more: gr.Button(visible=view.earlier_designs),
            p.gallery.compare_picks: gr.CheckboxGroup(
                choices=desk_views.compare_choices(images), value=[]
            ),
            p.gallery.spec: NO_DESIGN,
            p.gallery.package: gr.DownloadButton(value=None, visible=False),
            p.gallery.model: None,
            p.gallery.downloads: gr.File(value=None, visible=False),
            p.compare.panel: gr.Column(visible=False),
        }
        if view.properties:
            updates |= p.form.values(view.properties)
        return updates

    def _turn(self, update: ChatUpdate, shown: list[dict[str, Any]]) -> Updates:
        """A running turn: the user's message and the answer so far."""
        chat, locate = self.panels.chat, self.studio.files.local_path
        asked = views.user_content(update.user_message, locate)
        pending = [*shown, {"role": "user", "content": asked}]
        if update.text or update.status:
            reply = update.text or f"_{update.status}_"
            pending.append({"role": "assistant", "content": reply})
        return {
            self.panels.conversation_id: update.conversation_id,
            chat.chatbot: pending,
            chat.message: gr.MultimodalTextbox(value=None, interactive=False),
            chat.send: gr.Button(interactive=False),
            chat.status: f"⏳ {update.status or 'Thinking…'}",
        }

    # Handlers ------------------------------------------------------------------------------

    @traced
    @shows_errors
    def load(self, request: gr.Request) -> Updates:
        """On page load, reopen the most recently updated conversation."""
        return self._screen(self.studio.view(self.identity.owner(request)))

    @traced
    @shows_errors
    def new_conversation(self, request: gr.Request) -> Updates:
        """Start a fresh conversation and show it."""
        owner = self.identity.owner(request)
        return self._screen(self.studio.view(owner, self.studio.conversations.create(owner)["id"]))

    @traced
    @shows_errors
    def select(self, conversation_id: int | None, request: gr.Request) -> Updates:
        """Show the conversation picked in the sidebar."""
        return self._screen(self.studio.view(self.identity.owner(request), conversation_id))

    @traced
    @shows_errors
    def load_earlier_messages(
        self, conversation_id: int | None, window: Window, request: gr.Request
    ) -> Updates:
        """Show the page of messages before those on screen."""
        owner = self.identity.owner(request)
        return self._screen(self.studio.view(owner, conversation_id, window.more_messages()))

    @traced
    @shows_errors
    def load_earlier_designs(
        self, conversation_id: int | None, window: Window, request: gr.Request
    ) -> Updates:
        """Show the page of designs before those in the gallery."""
        owner = self.identity.owner(request)
        return self._screen(self.studio.view(owner, conversation_id, window.more_designs()))

    @traced
    @shows_errors
    def rename(self, conversation_id: int | None, title: str, request: gr.Request) -> Updates:
        """Rename the open conversation."""
        owner = self.identity.owner(request)
        renamed = self.studio.conversations.update(owner, conversation_id, title)
        return self._screen(self.studio.view(owner, renamed["id"]))

    @traced
    @shows_errors
    def delete(self, conversation_id: int | None, request: gr.Request) -> Updates:
        """Delete the open conversation and show the latest other one."""
        owner = self.identity.owner(request)
        if conversation_id is not None:
            self.studio.conversations.delete(owner, conversation_id)
        return self._screen(self.studio.view(owner))

    @traced
    @shows_errors
    async def send(
        self, conversation_id: int | None, message: dict | None, shown: list, request: gr.Request
    ) -> AsyncIterator[Updates]:
        """Send a message with its reference images; stream the answer; show the stored turn."""
        owner, message = self.identity.owner(request), message or {}
        references = load_references(message.get("files") or [], self.studio.settings.max_upload_mb)
        text = message.get("text") or ""
        async for update in self.studio.turns.stream(owner, conversation_id, text, references):
            if update.done:
                yield self._screen(self.studio.view(owner, update.conversation_id))
            else:
                yield self._turn(update, shown)

    def enable_input(self) -> Updates:
        """Give the message box back, whatever happened to the turn."""
        chat = self.panels.chat
        return {
            chat.message: gr.MultimodalTextbox(interactive=True),
            chat.send: gr.Button(interactive=True),
        }

    async def generate_2d_from_form(self, values: FormValues, request: gr.Request) -> Updates:
        """Draw 2D design sheets from the form."""
        return await self._generate(ImageType.TWO_D, values, request)

    async def generate_3d_from_form(self, values: FormValues, request: gr.Request) -> Updates:
        """Draw 3D designs from the form."""
        return await self._generate(ImageType.THREE_D, values, request)

    @traced
    @shows_errors
    async def _generate(self, kind: ImageType, values: FormValues, request: gr.Request) -> Updates:
        """Generate designs straight from the form into the open conversation."""
        owner, p = self.identity.owner(request), self.panels
        shown = await self.studio.designs.generate_from_form(
            owner,
            values[p.conversation_id],
            form_properties(p.form, values),
            int(values[p.form.count]),
            kind,
        )
        return self._screen(self.studio.view(owner, shown))

    @traced
    @shows_errors
    def select_design(
        self, design_ids: list[int], event: gr.SelectData, request: gr.Request
    ) -> Updates:
        """Show the picked design's spec, model, files and package; load its properties."""
        owner = self.identity.owner(request)
        image, files = self.studio.designs.detail(owner, design_ids[event.index])
        package = self.studio.desk.package(owner, image["id"])
        gallery = self.panels.gallery
        return {
            gallery.spec: views.spec_markdown(image),
            gallery.package: gr.DownloadButton(value=str(package), visible=True),
            gallery.model: files.get(FileKind.GLB),
            gallery.downloads: gr.File(value=[str(f) for f in files.values()], visible=True),
            **self.panels.form.values(image["properties"]),
        }
