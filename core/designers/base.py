"""The one interface every designer (offline, Gemini, ...) implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from core.messages import MessageMeta
from core.tools import ToolSession


@dataclass(frozen=True)
class HistoryEntry:
    """One earlier message of the conversation, as a designer sees it."""

    role: str  # "user" | "assistant" | "system"
    content: str
    meta: MessageMeta = field(default_factory=MessageMeta)
    image_ids: list[int] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # names of the images sent with it


@dataclass
class Turn:
    """What a designer needs to answer one user message."""

    conversation_id: int
    message: str
    history: list[HistoryEntry]  # the latest earlier messages, oldest first (a bounded window)
    tools: ToolSession  # its `properties` are the conversation's current ones
    position: int = 0  # how many messages came before this one, the window's and older
    earlier_view: str | None = None  # image type of the latest chat design before the window
    language: str = ""  # the person's screen language for status lines; "" follows the message


@dataclass(frozen=True)
class TextDelta:
    """A piece of the assistant's answer, in order."""

    text: str


@dataclass(frozen=True)
class Status:
    """A transient status line for the user ("Drawing 2 designs...")."""

    text: str


@dataclass(frozen=True)
class Transcript:
    """The designer's own record of the turn, stored with the answer (Gemini: its contents)."""

    contents: list[dict[str, Any]]


TurnEvent = TextDelta | Status | Transcript


class DesignerError(Exception):
    """A turn that cannot complete; the message is shown to the user as is."""


class Designer(ABC):
    """Answers a designer's message, drawing through the turn's tools."""

    name: ClassVar[str]

    @abstractmethod
    def respond(self, turn: Turn) -> AsyncIterator[TurnEvent]:
        """Yield the answer as events; tool calls go through `turn.tools`."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook, most designers hold nothing
        """Release clients and connections."""
