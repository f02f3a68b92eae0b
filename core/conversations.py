"""Conversations of one owner: lookups every service shares, and their own operations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from core.errors import Refusal, StudioError
from core.properties import DesignProperties, parse_properties
from core.records import conversation_dict, image_dict, message_dict
from core.storage import FileStore
from data import repository as repo
from data.db import Database
from data.models import Attachment, Conversation

MAX_TITLE = 200
MAX_DESCRIPTION = 2000
MAX_PAGE = 500
UNTITLED = "New design"


@dataclass
class Conversations:
    """Create, read, rename and delete an owner's conversations."""

    db: Database
    files: FileStore

    def require(
        self,
        session: Session,
        owner: str,
        conversation_id: int | None,
        *,
        for_update: bool = False,
    ) -> Conversation:
        """The owner's conversation, or StudioError; `for_update` locks it for a change."""
        if conversation_id is None:
            raise StudioError(Refusal.OPEN_CONVERSATION_FIRST)
        conversation = repo.get_conversation(
            session=session, conversation_id=conversation_id, user_id=owner, for_update=for_update
        )
        if conversation is None:
            raise StudioError(Refusal.NO_CONVERSATION, id=conversation_id)
        return conversation

    def ensure(self, owner: str, conversation_id: int) -> None:
        """Raise StudioError unless the owner has this conversation (a light check)."""
        with self.db.transaction() as session:
            self.require(session, owner, conversation_id)

    def create(self, owner: str, title: str = "", description: str = "") -> dict[str, Any]:
        """Start a new conversation."""
        title, description = checked_texts(title, description)
        with self.db.transaction() as session:
            conversation = repo.create_conversation(
                session=session, user_id=owner, title=title or UNTITLED, description=description
            )
            return conversation_dict(conversation)

    def list(self, owner: str) -> list[dict[str, Any]]:
        """The owner's conversations, most recently updated first."""
        with self.db.transaction() as session:
            return [
                conversation_dict(c)
                for c in repo.list_conversations(session=session, user_id=owner)
            ]

    def get(
        self,
        owner: str,
        conversation_id: int,
        limit: int | None = None,
        before_id: int | None = None,
    ) -> dict[str, Any]:
        """A conversation with its messages and designs; with `limit`, one page of them.

        A page holds up to `limit` messages older than `before_id` (if given), newest first,
        the designs those messages show, and `next_before_id` for the page before it.
        """
        if limit is None:
            return self._whole(owner, conversation_id)
        if not 1 <= limit <= MAX_PAGE:
            raise StudioError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id)
            messages = repo.latest_messages(
                session=session, conversation_id=conversation_id, limit=limit + 1,
                before_id=before_id,
            )  # fmt: skip
            page, more = messages[:limit], len(messages) > limit
            shown = [image_id for m in page for image_id in m.images]
            images = repo.images_by_id(
                session=session, conversation_id=conversation_id, image_ids=shown
            )
            attached = by_message(
                repo.attachments_of(session=session, message_ids=[m.id for m in page])
            )
            return {
                **conversation_dict(conversation),
                "messages": [message_dict(m, attached[m.id]) for m in page],
                "images": [image_dict(i) for i in images],
                "next_before_id": page[-1].id if more else None,
            }

    def _whole(self, owner: str, conversation_id: int) -> dict[str, Any]:
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id)
            messages = repo.list_messages(session=session, conversation_id=conversation_id)
            images = repo.list_images(session=session, conversation_id=conversation_id)
            attached = by_message(
                repo.list_attachments(session=session, conversation_id=conversation_id)
            )
            return {
                **conversation_dict(conversation),
                "messages": [message_dict(m, attached[m.id]) for m in messages],
                "images": [image_dict(i) for i in images],
            }

    def designs(
        self, owner: str, conversation_id: int, limit: int, before_id: int | None = None
    ) -> tuple[list[dict[str, Any]], int | None]:
        """Up to `limit` designs, newest first, and the `before_id` of the page before, if any."""
        with self.db.transaction() as session:
            self.require(session, owner, conversation_id)
            images = repo.latest_images(
                session=session, conversation_id=conversation_id, limit=limit + 1,
                before_id=before_id,
            )  # fmt: skip
        page = images[:limit]
        return [image_dict(i) for i in page], page[-1].id if len(images) > limit else None

    def update(
        self, owner: str, conversation_id: int | None, title: str, description: str | None = None
    ) -> dict[str, Any]:
        """Rename a conversation; a description of None keeps the current one."""
        title, new_description = checked_texts(title, description or "")
        if not title:
            raise StudioError(Refusal.TITLE_EMPTY)
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id, for_update=True)
            repo.update_conversation(
                session=session,
                conversation=conversation,
                title=title,
                description=conversation.description if description is None else new_description,
            )
            return conversation_dict(conversation)

    def delete(self, owner: str, conversation_id: int) -> dict[str, Any]:
        """Delete a conversation, its messages, its designs and their files."""
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id)
            paths = repo.delete_conversation(session=session, conversation=conversation)
        self.files.remove(paths)
        return {"deleted": conversation_id}

    def touch(
        self, owner: str, conversation_id: int, properties: DesignProperties | None = None
    ) -> None:
        """Mark a conversation as just updated, with the properties it now stands at, if given."""
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id, for_update=True)
            if properties is not None:
                conversation.properties = properties.to_dict()
            repo.touch_conversation(session=session, conversation=conversation)

    def current_properties(self, owner: str, conversation_id: int) -> DesignProperties:
        """The properties established last: by a chat turn, or by a design made from the form."""
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id)
        return parse_properties(conversation.properties or {})


def by_message(attachments: list[Attachment]) -> dict[int, list[Attachment]]:
    """Reference images grouped by the message they came with (missing ones: empty)."""
    grouped: dict[int, list[Attachment]] = defaultdict(list)
    for attachment in attachments:
        grouped[attachment.message_id].append(attachment)
    return grouped


def checked_texts(title: str, description: str) -> tuple[str, str]:
    """Title and description, stripped, or StudioError when one is too long."""
    title, description = (title or "").strip(), (description or "").strip()
    if len(title) > MAX_TITLE:
        raise StudioError(Refusal.TITLE_TOO_LONG, length=len(title), limit=MAX_TITLE)
    if len(description) > MAX_DESCRIPTION:
        raise StudioError(
            Refusal.DESCRIPTION_TOO_LONG, length=len(description), limit=MAX_DESCRIPTION
        )
    return title, description
