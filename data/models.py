"""SQLModel tables: conversations, their messages, and the designs drawn in them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Current time in UTC (naive-free)."""
    return datetime.now(UTC)


class Conversation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: str = Field(index=True, max_length=128)
    title: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    # The design properties established last (by a turn or the form); None until then.
    properties: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Message(SQLModel, table=True):
    # Pages of a conversation's newest messages read this index, at any conversation length.
    __table_args__ = (Index("ix_message_conversation_id_id", "conversation_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("conversation.id", ondelete="CASCADE"), index=True, nullable=False
        )
    )
    role: str = Field(max_length=16)  # user | assistant | system
    content: str = Field(default="")
    images: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # "metadata" is reserved by SQLAlchemy's declarative base, hence the column name below.
    meta: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column("metadata", JSON, nullable=False)
    )
    created_at: datetime = Field(default_factory=utcnow)


class GeneratedImage(SQLModel, table=True):
    __tablename__ = "generated_image"
    __table_args__ = (Index("ix_generated_image_conversation_id_id", "conversation_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("conversation.id", ondelete="CASCADE"), index=True, nullable=True
        ),
    )
    message_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("message.id", ondelete="SET NULL"), nullable=True),
    )
    image_type: str = Field(max_length=4)  # 2d | 3d
    prompt: str = Field(default="")
    image_path: str = Field(max_length=500)
    model_path: str | None = Field(default=None, max_length=500)
    stl_path: str | None = Field(default=None, max_length=500)
    properties: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    spec: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    # Whose design it is (loose designs, made without a conversation, too); lookups filter by it.
    owner: str = Field(max_length=128, index=True)
    # Bytes of its files, for the storage limit; None until measured (rows older than the column).
    size_bytes: int | None = Field(default=None)


class User(SQLModel, table=True):
    """A designer's account for `STUDIO_AUTH=password`; the name is the studio's owner key."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=64, unique=True)
    # "scrypt$<n>$<r>$<p>$<salt, base64>$<key, base64>": parameters travel with the hash.
    password_hash: str = Field(max_length=255)
    created_at: datetime = Field(default_factory=utcnow)


class UsageEvent(SQLModel, table=True):
    """One counted use (a turn, a design, a Gemini call), so limits hold across processes."""

    __tablename__ = "usage_event"
    __table_args__ = (Index("ix_usage_event_owner_kind_time", "owner", "kind", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    owner: str = Field(max_length=128)  # "" for server-wide counts (Gemini calls)
    kind: str = Field(max_length=16)  # turn | design | gemini
    created_at: datetime = Field(default_factory=utcnow)


class Attachment(SQLModel, table=True):
    """A reference image the designer sent with a message (its file lives in the file store)."""

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("message.id", ondelete="CASCADE"), index=True, nullable=False
        )
    )
    conversation_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("conversation.id", ondelete="CASCADE"), index=True, nullable=False
        )
    )
    name: str = Field(default="", max_length=255)  # the file name the designer gave it
    mime_type: str = Field(max_length=32)
    width: int
    height: int
    path: str = Field(max_length=500)
    created_at: datetime = Field(default_factory=utcnow)
    owner: str = Field(max_length=128, index=True)  # whose studio it is in, like a design
    size_bytes: int = Field(default=0)  # of the stored file, for the storage limit
