"""Repository functions; each takes the session as a keyword and never opens one."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, delete, select

from data.models import Conversation, GeneratedImage, Message, utcnow


def create_conversation(
    *, session: Session, user_id: str, title: str = "", description: str = ""
) -> Conversation:
    """Insert a conversation."""
    conversation = Conversation(user_id=user_id, title=title, description=description)
    session.add(conversation)
    session.flush()
    return conversation


def get_conversation(
    *, session: Session, conversation_id: int, user_id: str
) -> Conversation | None:
    """One conversation of this user, or None."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None or conversation.user_id != user_id:
        return None
    return conversation


def list_conversations(*, session: Session, user_id: str) -> list[Conversation]:
    """The user's conversations, most recently updated first."""
    query = (
        select(Conversation)
        .where(Conversation.user_id == user_id)
        .order_by(col(Conversation.updated_at).desc(), col(Conversation.id).desc())
    )
    return list(session.exec(query))


def update_conversation(
    *, session: Session, conversation: Conversation, title: str, description: str
) -> Conversation:
    """Rename or re-describe a conversation."""
    conversation.title = title
    conversation.description = description
    return touch_conversation(session=session, conversation=conversation)


def touch_conversation(*, session: Session, conversation: Conversation) -> Conversation:
    """Mark a conversation as just updated."""
    conversation.updated_at = utcnow()
    session.add(conversation)
    session.flush()
    return conversation


def delete_conversation(*, session: Session, conversation: Conversation) -> list[str]:
    """Delete a conversation with its messages and images; return the files to remove."""
    images = list_images(session=session, conversation_id=conversation.id)
    paths = [p for image in images for p in image_files(image)]
    # Explicit deletes in dependency order, so it works the same without ON DELETE CASCADE.
    session.exec(delete(GeneratedImage).where(GeneratedImage.conversation_id == conversation.id))
    session.exec(delete(Message).where(Message.conversation_id == conversation.id))
    session.delete(conversation)
    session.flush()
    return paths


def create_message(
    *,
    session: Session,
    conversation_id: int,
    role: str,
    content: str,
    images: list[int] | None = None,
    meta: dict[str, Any] | None = None,
) -> Message:
    """Insert a message."""
    message = Message(
        conversation_id=conversation_id,
        role=role,
        content=content,
        images=images or [],
        meta=meta or {},
    )
    session.add(message)
    session.flush()
    return message


def list_messages(*, session: Session, conversation_id: int) -> list[Message]:
    """A conversation's messages in order."""
    query = (
        select(Message)
        .where(Message.conversation_id == conversation_id)
        .order_by(col(Message.created_at), col(Message.id))
    )
    return list(session.exec(query))


def create_image(*, session: Session, image: GeneratedImage) -> GeneratedImage:
    """Insert a design image record."""
    session.add(image)
    session.flush()
    return image


def get_image(*, session: Session, image_id: int) -> GeneratedImage | None:
    """One image record, or None."""
    return session.get(GeneratedImage, image_id)


def list_images(*, session: Session, conversation_id: int) -> list[GeneratedImage]:
    """A conversation's designs, oldest first."""
    query = (
        select(GeneratedImage)
        .where(GeneratedImage.conversation_id == conversation_id)
        .order_by(col(GeneratedImage.id))
    )
    return list(session.exec(query))


def attach_images(*, session: Session, message_id: int, image_ids: list[int]) -> None:
    """Link designs drawn during a turn to the assistant message that shows them."""
    for image_id in image_ids:
        image = session.get(GeneratedImage, image_id)
        if image is not None:
            image.message_id = message_id
            session.add(image)
    session.flush()


def delete_images(*, session: Session, image_ids: list[int]) -> list[str]:
    """Delete image records; return their files to remove."""
    paths: list[str] = []
    for image_id in image_ids:
        image = session.get(GeneratedImage, image_id)
        if image is not None:
            paths.extend(image_files(image))
            session.delete(image)
    session.flush()
    return paths


def image_files(image: GeneratedImage) -> list[str]:
    """Every file that belongs to an image record."""
    return [p for p in (image.image_path, image.model_path, image.stl_path) if p]
