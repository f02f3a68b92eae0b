"""UI handlers: each asks the studio, then says which components show what."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.chat import checked_message
from core.properties import ImageType
from core.studio import Studio
from ui import views
from ui.chat_panel import ChatPanel
from ui.errors import shows_errors
from ui.gallery import GalleryPanel
from ui.property_form import PropertyForm, form_properties
from ui.sidebar import Sidebar

Updates = dict[gr.components.Component, Any]


@dataclass
class Controller:
    studio: Studio
    sidebar: Sidebar
    chat: ChatPanel
    form: PropertyForm
    gallery: GalleryPanel
    conversation_id: gr.State
    design_ids: gr.State

    @property
    def outputs(self) -> list[gr.components.Component]:
        """Every component a handler may update."""
        return [
            self.conversation_id, self.design_ids, self.sidebar.new, self.sidebar.conversations,
            self.sidebar.title,
            self.chat.chatbot, self.chat.message, self.chat.send, self.chat.status,
            self.gallery.gallery, self.gallery.spec, self.gallery.model, self.gallery.downloads,
            *self.form.inputs,
        ]  # fmt: skip

    def show(self, conversation_id: int | None) -> Updates:
        """Show one conversation (or the empty studio) everywhere."""
        updates: Updates = {
            self.conversation_id: conversation_id,
            self.sidebar.conversations: self._conversation_list(conversation_id),
            self.chat.message: gr.Textbox(interactive=True),
            self.chat.send: gr.Button(interactive=True),
            self.sidebar.new: gr.Button(interactive=True),
            self.chat.status: "",
            self.gallery.spec: "Select a design to see its details.",
            self.gallery.model: None,
            self.gallery.downloads: gr.File(value=None, visible=False),
        }
        if conversation_id is None:
            return updates | self._contents(None, [], [])
        conversation = self.studio.get_conversation(conversation_id)
        updates[self.sidebar.title] = conversation["title"]
        properties = self.studio.current_properties(conversation_id).to_dict()
        return updates | self._contents(conversation, conversation["images"], properties)

    def _conversation_list(self, selected: int | None) -> gr.Radio:
        choices = views.conversation_choices(self.studio.list_conversations())
        return gr.Radio(choices=choices, value=selected)

    def _contents(self, conversation: dict | None, images: list, properties: Any) -> Updates:
        root = self.studio.files.root
        updates: Updates = {
            self.chat.chatbot: views.chat_messages(conversation, root) if conversation else [],
            self.gallery.gallery: views.gallery_items(images, root),
            self.design_ids: [image["id"] for image in reversed(images)],
        }
        if properties:
            updates |= self.form.values(properties)
        return updates

    @shows_errors
    def load(self) -> Updates:
        """On page load, reopen the most recently updated conversation."""
        conversations = self.studio.list_conversations()
        return self.show(conversations[0]["id"] if conversations else None)

    @shows_errors
    def new_conversation(self) -> Updates:
        """Start a fresh conversation and show it."""
        return self.show(self.studio.create_conversation()["id"])

    @shows_errors
    def select(self, conversation_id: int | None) -> Updates:
        """Show the conversation picked in the sidebar."""
        return self.show(conversation_id)

    @shows_errors
    def rename(self, conversation_id: int | None, title: str) -> Updates:
        """Rename the open conversation."""
        if conversation_id is None:
            raise gr.Error("Open a conversation first.")
        conversation = self.studio.get_conversation(conversation_id)
        self.studio.update_conversation(conversation_id, title, conversation["description"])
        return self.show(conversation_id)

    @shows_errors
    def delete(self, conversation_id: int | None) -> Updates:
        """Delete the open conversation and show the next one."""
        if conversation_id is not None:
            self.studio.delete_conversation(conversation_id)
        return self.load()

    @shows_errors
    async def send(self, conversation_id: int | None, text: str) -> AsyncIterator[Updates]:
        """Send a message; stream the designer's answer; then show the stored turn."""
        if not (text or "").strip():
            raise gr.Error("Type a message first.")
        if conversation_id is None:
            checked_message(text)  # refuse bad input before creating anything
            conversation_id = self.studio.create_conversation()["id"]
        stream = self.studio.chat_stream(conversation_id, text)  # validates before the box clears
        history = views.chat_messages(
            self.studio.get_conversation(conversation_id), self.studio.files.root
        )
        pending = [*history, {"role": "user", "content": text}]
        yield {
            self.conversation_id: conversation_id,
            self.sidebar.conversations: self._conversation_list(conversation_id),
            self.chat.chatbot: pending,
            self.chat.message: gr.Textbox(value="", interactive=False),
            self.chat.send: gr.Button(interactive=False),
            self.chat.status: "⏳ Thinking…",
        }
        async for update in stream:
            if update.done:
                break
            reply = update.text or f"_{update.status or 'Thinking…'}_"
            yield {
                self.chat.chatbot: [*pending, {"role": "assistant", "content": reply}],
                self.chat.status: update.status and f"⏳ {update.status}",
            }
        yield self.show(conversation_id)

    def enable_input(self) -> Updates:
        """Give the message box back, whatever happened to the turn."""
        return {
            self.chat.message: gr.Textbox(interactive=True),
            self.chat.send: gr.Button(interactive=True),
        }

    @shows_errors
    async def generate(
        self, kind: str, conversation_id: int | None, count: int, *values: Any
    ) -> Updates:
        """Generate designs straight from the form."""
        properties = form_properties(self.form, *values)
        if conversation_id is None:
            self.studio.check_properties(properties)  # refuse bad input before creating anything
            conversation_id = self.studio.create_conversation()["id"]
        prompt = "Generated from the property form"
        await self.studio.generate(prompt, properties, conversation_id, int(count), ImageType(kind))
        return self.show(conversation_id)

    @shows_errors
    def select_design(self, design_ids: list[int], event: gr.SelectData) -> Updates:
        """Show the picked design's spec, model and files; load its properties into the form."""
        image = self.studio.image(design_ids[event.index])
        files = [str(self.studio.image_file(image["id"]))]
        if image["has_model"]:
            files += [str(self.studio.image_file(image["id"], k)) for k in ("glb", "stl")]
        model = files[1] if image["has_model"] else None
        return {
            self.gallery.spec: views.spec_markdown(image),
            self.gallery.model: model,
            self.gallery.downloads: gr.File(value=files, visible=True),
            **self.form.values(image["properties"]),
        }
