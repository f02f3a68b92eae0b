"""Conversations of one owner: lookups every service shares, and their own operations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from core.errors import StudioError
from core.files import FileStore
from core.messages import MessageMeta
from core.properties import DesignProperties, parse_properties
from core.records import conversation_dict, image_dict, message_dict
from data import repository as repo
from data.db import Database
from data.models import Attachment, Conversation

MAX_TITLE = 200
MAX_DESCRIPTION = 2000
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
            raise StudioError("open a conversation first")
        conversation = repo.get_conversation(
            session=session, conversation_id=conversation_id, user_id=owner, for_update=for_update
        )
        if conversation is None:
            raise StudioError(f"no conversation with id {conversation_id}")
        return conversation

    def ensure(self, owner: str, conversation_id: int) -> None:
        """Raise StudioError unless the owner has this conversation (a light check)."""
        with self.db.transaction() as session:
            self.require(session, owner, conversation_id)

    def open_or_create(self, owner: str, conversation_id: int | None) -> int:
        """The given conversation (checked), or a new one when none is selected."""
        if conversation_id is None:
            return self.create(owner)["id"]
        self.ensure(owner, conversation_id)
        return conversation_id

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

    def get(self, owner: str, conversation_id: int) -> dict[str, Any]:
        """A conversation with its messages and designs."""
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id)
            messages = repo.list_messages(session=session, conversation_id=conversation_id)
            images = repo.list_images(session=session, conversation_id=conversation_id)
            attached = repo.list_attachments(session=session, conversation_id=conversation_id)
            by_message: dict[int, list[Attachment]] = defaultdict(list)
            for attachment in attached:
                by_message[attachment.message_id].append(attachment)
            return {
                **conversation_dict(conversation),
                "messages": [message_dict(m, by_message[m.id]) for m in messages],
                "images": [image_dict(i) for i in images],
            }

    def update(
        self, owner: str, conversation_id: int | None, title: str, description: str | None = None
    ) -> dict[str, Any]:
        """Rename a conversation; a description of None keeps the current one."""
        title, new_description = checked_texts(title, description or "")
        if not title:
            raise StudioError("title must not be empty")
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

    def touch(self, owner: str, conversation_id: int) -> None:
        """Mark a conversation as just updated."""
        with self.db.transaction() as session:
            conversation = self.require(session, owner, conversation_id, for_update=True)
            repo.touch_conversation(session=session, conversation=conversation)

    def current_properties(self, owner: str, conversation_id: int) -> DesignProperties:
        """The properties established last: by a chat turn, or by a design made from the form."""
        with self.db.transaction() as session:
            self.require(session, owner, conversation_id)
            messages = repo.list_messages(session=session, conversation_id=conversation_id)
            images = repo.list_images(session=session, conversation_id=conversation_id)
        candidates = [
            (m.created_at, properties)
            for m in messages
            if (properties := MessageMeta.of(m.meta).properties)
        ]
        candidates += [(i.created_at, i.properties) for i in images]
        if not candidates:
            return DesignProperties()
        return parse_properties(max(candidates, key=lambda c: c[0])[1])


def checked_texts(title: str, description: str) -> tuple[str, str]:
    """Title and description, stripped, or StudioError when one is too long."""
    title, description = (title or "").strip(), (description or "").strip()
    if len(title) > MAX_TITLE:
        raise StudioError(f"title is too long ({len(title)} characters; at most {MAX_TITLE})")
    if len(description) > MAX_DESCRIPTION:
        raise StudioError(
            f"description is too long ({len(description)} characters; at most {MAX_DESCRIPTION})"
        )
    return title, description
