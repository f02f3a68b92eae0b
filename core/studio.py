"""The studio: every service of the product in one place, independent of any UI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.conversations import Conversations
from core.designers.base import Designer
from core.designs import Designs
from core.desk import Desk
from core.files import FileStore
from core.settings import Settings
from core.turns import TurnService
from data.db import Database


@dataclass(frozen=True)
class StudioView:
    """What a screen of the studio shows: the owner's conversations and the open one."""

    conversations: list[dict[str, Any]]
    conversation: dict[str, Any] | None = None  # with its messages and images
    properties: dict[str, Any] | None = None  # the open conversation's current ones


@dataclass
class Studio:
    """The services a UI or API calls, composed by app.py from the settings."""

    settings: Settings
    db: Database
    files: FileStore
    designer: Designer
    conversations: Conversations
    turns: TurnService
    designs: Designs
    desk: Desk

    def view(self, owner: str, conversation_id: int | None = None) -> StudioView:
        """The studio as it shows one conversation (or, given None, the latest one, if any)."""
        conversations = self.conversations.list(owner)
        if conversation_id is None and conversations:
            conversation_id = conversations[0]["id"]
        if conversation_id is None:
            return StudioView(conversations)
        conversation = self.conversations.get(owner, conversation_id)
        properties = self.conversations.current_properties(owner, conversation_id)
        return StudioView(conversations, conversation, properties.to_dict())

    async def aclose(self) -> None:
        """Release the designer's connections and the database."""
        await self.designer.aclose()
        self.desk.scratch.close()
        self.db.dispose()
