"""One chat turn: keep the user's message, let the designer answer, store the answer."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from core.attachments import MAX_IMAGES, ReferenceImage, attachment_rows, write_images
from core.conversations import UNTITLED, Conversations, by_message
from core.design_store import DesignStore
from core.designers.base import (
    Designer,
    DesignerError,
    HistoryEntry,
    Status,
    TextDelta,
    Transcript,
    Turn,
)
from core.errors import Refusal, StudioError
from core.limits import Quotas
from core.messages import MessageMeta
from core.metrics import TURN_SECONDS, TURNS, record_designs
from core.properties import DesignProperties, parse_properties
from core.records import message_dict
from core.storage import FileStore
from core.tools import Artist, ToolSession
from data import repository as repo
from data.db import Database

log = logging.getLogger(__name__)

MAX_MESSAGE = 4000
# A turn reads this many earlier messages, whatever the conversation's length: the Gemini
# history takes at most 30 of them, the offline designer looks back for its latest design.
HISTORY_WINDOW = 50
UNEXPECTED = "Sorry, something went wrong while designing. Your message is saved; please try again."


@dataclass
class ChatUpdate:
    """The state of a turn as it runs; the last one has done=True and the stored rows."""

    conversation_id: int
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


@dataclass
class _Context:
    """What a turn reads of its conversation: bounded, whatever the conversation's length."""

    history: list[HistoryEntry]
    properties: DesignProperties
    position: int
    earlier_view: str | None = None


def checked_message(message: str, *, with_images: bool = False) -> str:
    """The message, stripped, or a StudioError saying why it cannot be sent.

    A message may be empty when it carries reference images.
    """
    text = (message or "").strip()
    if not text and not with_images:
        raise StudioError(Refusal.MESSAGE_EMPTY)
    if len(text) > MAX_MESSAGE:
        raise StudioError(Refusal.MESSAGE_TOO_LONG, length=len(text), limit=MAX_MESSAGE)
    return text


@dataclass
class TurnService:
    """Runs chat turns with one designer, drawing with its artist into the database and files."""

    db: Database
    files: FileStore
    designer: Designer
    artist: Artist
    conversations: Conversations
    quotas: Quotas

    def stream(
        self,
        owner: str,
        conversation_id: int | None,
        message: str,
        language: str = "",
        references: Sequence[ReferenceImage] = (),
    ) -> AsyncIterator[ChatUpdate]:
        """Start a turn (in a new conversation when none is given); yield it as it grows.

        `references` are the designer's images, checked already (core.attachments). Bad
        input, unknown conversations and limits are refused here, before anything is stored.
        `language` is the person's screen language for status lines ("" follows the message).
        """
        text = checked_message(message, with_images=bool(references))
        if len(references) > MAX_IMAGES:
            raise StudioError(Refusal.TOO_MANY_IMAGES, limit=MAX_IMAGES, count=len(references))
        if conversation_id is not None:
            self.conversations.ensure(owner, conversation_id)
        self.quotas.admit_turn(owner)  # before a conversation or message is stored
        if conversation_id is None:
            conversation_id = self.conversations.create(owner)["id"]
        return self._run(owner, conversation_id, text, tuple(references), language)

    async def run(
        self,
        owner: str,
        conversation_id: int,
        message: str,
        references: Sequence[ReferenceImage] = (),
    ) -> dict[str, Any]:
        """Run one turn to its end and return the stored messages and designs."""
        final: ChatUpdate | None = None
        async for update in self.stream(owner, conversation_id, message, references=references):
            final = update
        assert final is not None and final.done
        if final.error and not final.images:
            raise StudioError(final.error)
        return final.result()

    async def _run(
        self,
        owner: str,
        conversation_id: int,
        text: str,
        references: tuple[ReferenceImage, ...],
        language: str,
    ) -> AsyncIterator[ChatUpdate]:
        started, outcome = time.perf_counter(), "cancelled"
        try:
            async for update in self._steps(owner, conversation_id, text, references, language):
                if update.done:
                    outcome = "error" if update.error else "ok"
                yield update
        finally:
            designer, seconds = self.designer.name, time.perf_counter() - started
            TURNS.labels(designer=designer, outcome=outcome).inc()
            TURN_SECONDS.labels(designer=designer).observe(seconds)
            log.info("turn %s in conversation %s: %s, %.0f ms",
                     outcome, conversation_id, designer, seconds * 1000)  # fmt: skip

    async def _steps(
        self,
        owner: str,
        conversation_id: int,
        text: str,
        references: tuple[ReferenceImage, ...],
        language: str,
    ) -> AsyncIterator[ChatUpdate]:
        user_message, context = self._store_user_message(owner, conversation_id, text, references)
        store = DesignStore(self.db, self.files, self.quotas, owner, conversation_id)
        tools = ToolSession(
            artist=self.artist, sink=store, properties=context.properties, references=references
        )
        turn = Turn(
            conversation_id,
            text,
            context.history,
            tools,
            context.position,
            context.earlier_view,
            language,
        )
        update = ChatUpdate(conversation_id, user_message=user_message)
        meta = MessageMeta(designer=self.designer.name)
        yield update
        try:
            async for event in self.designer.respond(turn):
                if isinstance(event, Transcript):
                    meta.transcript = event.contents
                    continue
                if isinstance(event, TextDelta):
                    update.text += event.text
                    update.status = ""
                elif isinstance(event, Status):
                    update.status = event.text
                yield update
        except (DesignerError, StudioError) as exc:  # StudioError: a limit, e.g. Gemini calls
            update.error = str(exc)
        except Exception:
            log.exception("designer %s failed", self.designer.name)
            update.error = UNEXPECTED
        except BaseException:
            store.discard([image["id"] for image in tools.images])  # cancelled: nothing half-done
            raise
        yield self._store_answer(turn, meta, update)

    def _store_user_message(
        self,
        owner: str,
        conversation_id: int,
        text: str,
        references: tuple[ReferenceImage, ...],
    ) -> tuple[dict[str, Any], _Context]:
        """Store the message with its reference images (files first, then the rows, or
        neither); return it with what the designer needs to know of the rest."""
        paths = write_images(self.files, f"c{conversation_id}", references)
        try:
            with self.db.transaction() as session:
                return self._user_rows(session, owner, conversation_id, text, references, paths)
        except BaseException:
            self.files.remove(paths)
            raise

    def _user_rows(
        self,
        session: Session,
        owner: str,
        conversation_id: int,
        text: str,
        references: tuple[ReferenceImage, ...],
        paths: list[str],
    ) -> tuple[dict[str, Any], _Context]:
        conversation = self.conversations.require(session, owner, conversation_id, for_update=True)
        position = repo.count_messages(session=session, conversation_id=conversation_id)
        earlier = repo.latest_messages(
            session=session, conversation_id=conversation_id, limit=HISTORY_WINDOW
        )
        stored = repo.create_message(
            session=session, conversation_id=conversation_id, role="user", content=text
        )
        rows = repo.create_attachments(
            session=session, message=stored, attachments=attachment_rows(owner, references, paths)
        )
        title = text or ", ".join(r.name for r in references)
        if not position and conversation.title in {"", UNTITLED}:
            conversation.title = title[:60] + ("…" if len(title) > 60 else "")
        repo.touch_conversation(session=session, conversation=conversation)
        attached = by_message(
            repo.attachments_of(session=session, message_ids=[m.id for m in earlier])
        )
        history = [
            HistoryEntry(
                m.role, m.content, MessageMeta.of(m.meta), list(m.images),
                [a.name for a in attached[m.id]],
            )
            for m in reversed(earlier)
        ]  # fmt: skip
        context = _Context(history, parse_properties(conversation.properties or {}), position)
        if position > len(earlier):  # the window does not reach the beginning
            image = repo.latest_chat_image(session=session, conversation_id=conversation_id)
            context.earlier_view = image.image_type if image else None
        return message_dict(stored, rows), context

    def _store_answer(self, turn: Turn, meta: MessageMeta, update: ChatUpdate) -> ChatUpdate:
        tools = turn.tools
        content = update.text.strip()
        if update.error:
            content = f"{content}\n\n⚠️ {update.error}" if content else f"⚠️ {update.error}"
            meta.error = update.error
        meta.tool_calls = tools.calls
        meta.properties = tools.properties.to_dict()
        image_ids = [image["id"] for image in tools.images]
        with self.db.transaction() as session:
            stored = repo.create_answer(
                session=session,
                conversation_id=turn.conversation_id,
                content=content,
                image_ids=image_ids,
                meta=meta.stored(),
            )
            self._settle_properties(session, turn.conversation_id, tools.properties)
            update.assistant_message = message_dict(stored)
        record_designs(self.designer.name, tools.calls)
        for image in tools.images:
            image["message_id"] = update.assistant_message["id"]
        update.images = list(tools.images)
        update.text, update.status, update.done = content, "", True
        return update

    def _settle_properties(
        self, session: Session, conversation_id: int, properties: DesignProperties
    ) -> None:
        """Keep the properties this turn ends at on the conversation, for the next turn."""
        conversation = repo.lock_conversation(session=session, conversation_id=conversation_id)
        if conversation is not None:  # deleted meanwhile: the message insert has failed already
            conversation.properties = properties.to_dict()
            session.add(conversation)
