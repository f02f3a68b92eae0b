"""The studio: every service of the product in one place, independent of any UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.accounts import Accounts
from core.conversations import Conversations
from core.designers.base import Designer
from core.designs import Designs
from core.desk import Desk
from core.limits import Quotas
from core.settings import Settings
from core.storage import FileStore
from core.turns import TurnService
from data.db import Database

MESSAGES_SHOWN = 50  # a screen shows the latest messages, and more on request
DESIGNS_SHOWN = 24


@dataclass(frozen=True)
class Window:
    """How much of the open conversation a screen shows: its latest messages and designs."""

    messages: int = MESSAGES_SHOWN
    designs: int = DESIGNS_SHOWN

    def more_messages(self) -> Window:
        """The window with the page of messages before it."""
        return Window(self.messages + MESSAGES_SHOWN, self.designs)

    def more_designs(self) -> Window:
        """The window with the page of designs before it."""
        return Window(self.messages, self.designs + DESIGNS_SHOWN)


@dataclass(frozen=True)
class StudioView:
    """What a screen of the studio shows: the owner's conversations and the open one."""

    conversations: list[dict[str, Any]]
    conversation: dict[str, Any] | None = None  # its latest messages (oldest first), their images
    properties: dict[str, Any] | None = None  # the open conversation's current ones
    designs: list[dict[str, Any]] = field(default_factory=list)  # the latest, oldest first
    window: Window = field(default_factory=Window)
    earlier_messages: bool = False  # older messages exist beyond the window
    earlier_designs: bool = False


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
    quotas: Quotas
    accounts: Accounts

    def view(
        self, owner: str, conversation_id: int | None = None, window: Window | None = None
    ) -> StudioView:
        """The studio as it shows one conversation (or, given None, the latest one, if any)."""
        window = window or Window()
        conversations = self.conversations.list(owner)
        if conversation_id is None and conversations:
            conversation_id = conversations[0]["id"]
        if conversation_id is None:
            return StudioView(conversations)
        page = self.conversations.get(owner, conversation_id, limit=window.messages)
        designs, earlier = self.conversations.designs(owner, conversation_id, window.designs)
        properties = self.conversations.current_properties(owner, conversation_id)
        return StudioView(
            conversations,
            {**page, "messages": page["messages"][::-1]},
            properties.to_dict(),
            designs[::-1],
            window,
            earlier_messages=page["next_before_id"] is not None,
            earlier_designs=earlier is not None,
        )

    async def aclose(self) -> None:
        """Release the designer's connections and the database."""
        await self.designer.aclose()
        self.desk.scratch.close()
        self.db.dispose()
