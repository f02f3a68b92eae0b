"""The studio: every operation of the product, independent of any UI."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.chat import ChatUpdate, checked_message, run_turn
from core.design_store import DesignStore
from core.designers import build_designer
from core.designers.base import Designer
from core.errors import StudioError
from core.files import FileStore
from core.properties import MAX_COUNT, DesignProperties, ImageType, PropertiesError
from core.properties import parse_properties as validate_properties
from core.records import conversation_dict, image_dict, message_dict
from core.settings import Settings
from core.tools import Artist, ToolSession
from data import repository as repo
from data.db import Database
from data.models import Conversation, GeneratedImage

log = logging.getLogger(__name__)

MAX_TITLE = 200
MAX_DESCRIPTION = 2000


@dataclass
class Studio:
    """Conversations, chat turns and designs, persisted in the database and storage."""

    settings: Settings
    designer: Designer = field(init=False)
    artist: Artist = field(init=False)

    def __post_init__(self) -> None:
        self.settings.storage_dir.mkdir(parents=True, exist_ok=True)
        self.db = Database(self.settings.resolved_database_url)
        self.db.upgrade()
        self.files = FileStore(self.settings.files_dir)
        self.designer, self.artist = build_designer(self.settings)

    @property
    def user_id(self) -> str:
        return self.settings.user_id

    # Conversations -----------------------------------------------------------

    def create_conversation(self, title: str = "", description: str = "") -> dict[str, Any]:
        """Start a new conversation."""
        title, description = _checked_texts(title, description)
        with self.db.transaction() as session:
            conversation = repo.create_conversation(
                session=session,
                user_id=self.user_id,
                title=title or "New design",
                description=description,
            )
            return conversation_dict(conversation)

    def list_conversations(self) -> list[dict[str, Any]]:
        """The user's conversations, most recently updated first."""
        with self.db.transaction() as session:
            return [
                conversation_dict(c)
                for c in repo.list_conversations(session=session, user_id=self.user_id)
            ]

    def get_conversation(self, conversation_id: int) -> dict[str, Any]:
        """A conversation with its messages and designs."""
        with self.db.transaction() as session:
            conversation = self.require_conversation(session, conversation_id)
            messages = repo.list_messages(session=session, conversation_id=conversation_id)
            images = repo.list_images(session=session, conversation_id=conversation_id)
            return {
                **conversation_dict(conversation),
                "messages": [message_dict(m) for m in messages],
                "images": [image_dict(i, self.files) for i in images],
            }

    def update_conversation(
        self, conversation_id: int, title: str, description: str
    ) -> dict[str, Any]:
        """Rename or re-describe a conversation."""
        title, description = _checked_texts(title, description)
        if not title:
            raise StudioError("title must not be empty")
        with self.db.transaction() as session:
            conversation = self.require_conversation(session, conversation_id, for_update=True)
            repo.update_conversation(
                session=session, conversation=conversation, title=title, description=description
            )
            return conversation_dict(conversation)

    def delete_conversation(self, conversation_id: int) -> dict[str, Any]:
        """Delete a conversation, its messages, its designs and their files."""
        with self.db.transaction() as session:
            conversation = self.require_conversation(session, conversation_id)
            paths = repo.delete_conversation(session=session, conversation=conversation)
        self.files.remove(paths)
        return {"deleted": conversation_id}

    def current_properties(self, conversation_id: int) -> DesignProperties:
        """The properties established last: by a chat turn, or by a design made from the form."""
        with self.db.transaction() as session:
            self.require_conversation(session, conversation_id)
            messages = repo.list_messages(session=session, conversation_id=conversation_id)
            images = repo.list_images(session=session, conversation_id=conversation_id)
        candidates = [
            (m.created_at, m.meta["properties"]) for m in messages if m.meta.get("properties")
        ]
        candidates += [(i.created_at, i.properties) for i in images]
        if not candidates:
            return DesignProperties()
        return validate_properties(max(candidates, key=lambda c: c[0])[1])

    # Chat ----------------------------------------------------------------------

    def chat_stream(self, conversation_id: int, message: str) -> AsyncIterator[ChatUpdate]:
        """Run one chat turn, yielding the answer as it grows; the last update is final."""
        # Fail fast, before anything is shown or stored, on bad input.
        self.ensure_conversation(conversation_id)
        return run_turn(self, conversation_id, checked_message(message))

    async def chat(self, conversation_id: int, message: str) -> dict[str, Any]:
        """Run one chat turn to its end and return the stored messages and designs."""
        final: ChatUpdate | None = None
        async for update in self.chat_stream(conversation_id, message):
            final = update
        assert final is not None and final.done
        if final.error and not final.images:
            raise StudioError(final.error)
        return final.result()

    # Designs -------------------------------------------------------------------

    async def generate(
        self,
        prompt: str,
        properties: dict[str, Any] | None,
        conversation_id: int | None = None,
        count: int = 1,
        image_type: ImageType = ImageType.TWO_D,
    ) -> dict[str, Any]:
        """Draw designs straight from properties, outside the chat."""
        if conversation_id is not None:
            self.ensure_conversation(conversation_id)
        if not 1 <= count <= MAX_COUNT:
            raise StudioError(f"count must be between 1 and {MAX_COUNT}, not {count}")
        checked = self.check_properties(properties)
        store = DesignStore(self.db, self.files, conversation_id)
        tools = ToolSession(artist=self.artist, sink=store, properties=checked)
        args = {"image_type": image_type.value, "count": count, "prompt": prompt[:2000]}
        result = await tools.call("generate_jewelry_design", args)
        if "error" in result:
            store.discard([image["id"] for image in tools.images])
            raise StudioError(result["error"])
        if conversation_id is not None:
            self._touch(conversation_id)
        return {"success": True, "images": tools.images}

    def check_properties(self, properties: dict[str, Any] | None) -> DesignProperties:
        """Validated properties, or a StudioError naming every bad field."""
        try:
            return validate_properties(properties)
        except PropertiesError as exc:
            raise StudioError(str(exc)) from None

    def image_file(self, image_id: int, kind: str = "png") -> Path:
        """The file of a design: its PNG, or its 'glb' / 'stl' model."""
        image = self._image(image_id)
        relative = {"png": image.image_path, "glb": image.model_path, "stl": image.stl_path}[kind]
        if not relative:
            raise StudioError(f"design {image_id} has no {kind} model (only 3D designs have one)")
        return self.files.path(relative)

    def image(self, image_id: int) -> dict[str, Any]:
        """One design's record."""
        return image_dict(self._image(image_id), self.files)

    # Internals -----------------------------------------------------------------

    def _image(self, image_id: int) -> GeneratedImage:
        with self.db.transaction() as session:
            image = repo.get_image(session=session, image_id=image_id)
            conversation = (
                repo.get_conversation(
                    session=session, conversation_id=image.conversation_id, user_id=self.user_id
                )
                if image is not None and image.conversation_id is not None
                else None
            )
        if image is None or (image.conversation_id is not None and conversation is None):
            raise StudioError(f"no design with id {image_id}")
        return image

    def require_conversation(
        self, session: Any, conversation_id: int, *, for_update: bool = False
    ) -> Conversation:
        """The user's conversation, or StudioError; `for_update` locks it for a change."""
        conversation = repo.get_conversation(
            session=session,
            conversation_id=conversation_id,
            user_id=self.user_id,
            for_update=for_update,
        )
        if conversation is None:
            raise StudioError(f"no conversation with id {conversation_id}")
        return conversation

    def ensure_conversation(self, conversation_id: int) -> None:
        """Raise StudioError unless the user has this conversation (a light check)."""
        with self.db.transaction() as session:
            self.require_conversation(session, conversation_id)

    def _touch(self, conversation_id: int) -> None:
        with self.db.transaction() as session:
            repo.touch_conversation(
                session=session,
                conversation=self.require_conversation(session, conversation_id, for_update=True),
            )

    async def aclose(self) -> None:
        """Release the designer's connections and the database."""
        await self.designer.aclose()
        self.db.dispose()


def _checked_texts(title: str, description: str) -> tuple[str, str]:
    title, description = (title or "").strip(), (description or "").strip()
    if len(title) > MAX_TITLE:
        raise StudioError(f"title is too long ({len(title)} characters; at most {MAX_TITLE})")
    if len(description) > MAX_DESCRIPTION:
        raise StudioError(
            f"description is too long ({len(description)} characters; at most {MAX_DESCRIPTION})"
        )
    return title, description
