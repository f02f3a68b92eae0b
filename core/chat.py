"""One chat turn: keep the user's message, let the designer answer, store the answer."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.design_store import DesignStore
from core.designers.base import DesignerError, HistoryEntry, Status, TextDelta, Turn
from core.errors import StudioError
from core.records import message_dict
from core.tools import ToolSession
from data import repository as repo

if TYPE_CHECKING:
    from core.studio import Studio

log = logging.getLogger(__name__)

MAX_MESSAGE = 4000
UNEXPECTED = "Sorry, something went wrong while designing. Your message is saved; please try again."


@dataclass
class ChatUpdate:
    """The state of a turn as it runs; the last one has done=True and the stored rows."""

    text: str = ""
    status: str = ""
    done: bool = False
    error: str = ""
    user_message: dict[str, Any] = field(default_factory=dict)
    assistant_message: dict[str, Any] = field(default_factory=dict)
    images: list[dict[str, Any]] = field(default_factory=list)

    def result(self) -> dict[str, Any]:
        """The API's answer for a finished turn."""
        return {
            "user_message": self.user_message,
            "assistant_message": self.assistant_message,
            "generated_images": self.images,
        }


def checked_message(message: str) -> str:
    """The message, stripped, or a StudioError saying why it cannot be sent."""
    text = (message or "").strip()
    if not text:
        raise StudioError("message must not be empty")
    if len(text) > MAX_MESSAGE:
        raise StudioError(f"message is too long ({len(text)} characters; at most {MAX_MESSAGE})")
    return text


async def run_turn(studio: Studio, conversation_id: int, message: str) -> AsyncIterator[ChatUpdate]:
    """Run one turn, yielding updates; the user's message is stored before anything can fail."""
    text = checked_message(message)
    user_message, history = _store_user_message(studio, conversation_id, text)
    store = DesignStore(studio.db, studio.files, conversation_id)
    tools = ToolSession(
        artist=studio.artist, sink=store, properties=studio.current_properties(conversation_id)
    )
    turn = Turn(conversation_id, text, history, tools.properties, tools)
    update = ChatUpdate(user_message=user_message)
    try:
        async for event in studio.designer.respond(turn):
            if isinstance(event, TextDelta):
                update.text += event.text
                update.status = ""
            elif isinstance(event, Status):
                update.status = event.text
            yield update
    except DesignerError as exc:
        update.error = str(exc)
    except Exception:
        log.exception("designer %s failed", studio.designer.name)
        update.error = UNEXPECTED
    except BaseException:
        store.discard([image["id"] for image in tools.images])  # cancelled: leave nothing half-done
        raise
    yield _store_answer(studio, turn, update)


def _store_user_message(
    studio: Studio, conversation_id: int, text: str
) -> tuple[dict[str, Any], list[HistoryEntry]]:
    with studio.db.transaction() as session:
        conversation = studio.require_conversation(session, conversation_id, for_update=True)
        earlier = repo.list_messages(session=session, conversation_id=conversation_id)
        stored = repo.create_message(
            session=session, conversation_id=conversation_id, role="user", content=text
        )
        if not earlier and conversation.title in {"", "New design"}:
            conversation.title = text[:60] + ("…" if len(text) > 60 else "")
        repo.touch_conversation(session=session, conversation=conversation)
        history = [HistoryEntry(m.role, m.content, dict(m.meta), list(m.images)) for m in earlier]
        return message_dict(stored), history


def _store_answer(studio: Studio, turn: Turn, update: ChatUpdate) -> ChatUpdate:
    tools = turn.tools
    content = update.text.strip()
    if update.error:
        content = f"{content}\n\n⚠️ {update.error}" if content else f"⚠️ {update.error}"
    meta: dict[str, Any] = {
        "designer": studio.designer.name,
        "tool_calls": tools.calls,
        "properties": tools.properties.to_dict(),
        **getattr(turn, "metadata", {}),
    }
    if update.error:
        meta["error"] = update.error
    image_ids = [image["id"] for image in tools.images]
    with studio.db.transaction() as session:
        stored = repo.create_message(
            session=session,
            conversation_id=turn.conversation_id,
            role="assistant",
            content=content,
            images=image_ids,
            meta=meta,
        )
        repo.attach_images(session=session, message_id=stored.id, image_ids=image_ids)
        update.assistant_message = message_dict(stored)
    for image in tools.images:
        image["message_id"] = update.assistant_message["id"]
    update.images = list(tools.images)
    update.text, update.status, update.done = content, "", True
    return update
