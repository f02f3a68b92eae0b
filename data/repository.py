"""Repository functions; each takes the session as a keyword and never opens one."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, delete, func, select

from data.models import Attachment, Conversation, GeneratedImage, Message, utcnow

# Row locks, not SERIALIZABLE: no lost updates and no retry loop around callers' `with` blocks.
_ROW_LOCK = {"key_share": True}  # FOR NO KEY UPDATE on PostgreSQL; SQLite ignores it.


def create_conversation(
    *, session: Session, user_id: str, title: str = "", description: str = ""
) -> Conversation:
    """Insert a conversation."""
    conversation = Conversation(user_id=user_id, title=title, description=description)
    session.add(conversation)
    session.flush()
    return conversation


def get_conversation(
    *, session: Session, conversation_id: int, user_id: str, for_update: bool = False
) -> Conversation | None:
    """One conversation of this user, or None; `for_update` locks it until the commit."""
    conversation = session.get(
        Conversation,
        conversation_id,
        with_for_update=_ROW_LOCK if for_update else None,
        populate_existing=for_update,
    )
    if conversation is None or conversation.user_id != user_id:
        return None
    return conversation


def lock_conversation(*, session: Session, conversation_id: int) -> Conversation | None:
    """A conversation, locked until the commit (FOR NO KEY UPDATE), or None."""
    return session.get(
        Conversation, conversation_id, with_for_update=_ROW_LOCK, populate_existing=True
    )


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
    # FOR UPDATE, unlike FOR NO KEY UPDATE, also waits for designs being saved into it (their
    # foreign key check holds KEY SHARE), so every design row deleted has its files returned.
    locked = session.get(
        Conversation, conversation.id, with_for_update=True, populate_existing=True
    )
    if locked is None:
        return []  # someone else deleted it meanwhile
    images = list_images(session=session, conversation_id=locked.id)
    paths = [p for image in images for p in image_files(image)]
    paths += [a.path for a in list_attachments(session=session, conversation_id=locked.id)]
    # Explicit deletes in dependency order, so it works the same without ON DELETE CASCADE.
    session.exec(delete(Attachment).where(Attachment.conversation_id == locked.id))
    session.exec(delete(GeneratedImage).where(GeneratedImage.conversation_id == locked.id))
    session.exec(delete(Message).where(Message.conversation_id == locked.id))
    session.delete(locked)
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


def create_answer(
    *,
    session: Session,
    conversation_id: int,
    content: str,
    image_ids: list[int],
    meta: dict[str, Any],
) -> Message:
    """Insert the designer's message and link the designs it shows to it."""
    message = create_message(
        session=session,
        conversation_id=conversation_id,
        role="assistant",
        content=content,
        images=image_ids,
        meta=meta,
    )
    attach_images(session=session, message_id=message.id, image_ids=image_ids)
    return message


def list_messages(
    *, session: Session, conversation_id: int, for_update: bool = False
) -> list[Message]:
    """A conversation's messages in order; `for_update` locks them until the commit."""
    query = (
        select(Message)
        .where(Message.conversation_id == conversation_id)
        .order_by(col(Message.created_at), col(Message.id))
    )
    if for_update:
        query = query.with_for_update(**_ROW_LOCK).execution_options(populate_existing=True)
    return list(session.exec(query))


def latest_messages(
    *, session: Session, conversation_id: int, limit: int, before_id: int | None = None
) -> list[Message]:
    """Up to `limit` messages of a conversation, newest first, older than `before_id` if given."""
    return _newest(session, Message, conversation_id, limit, before_id)


def _newest(
    session: Session,
    model: type[Message] | type[GeneratedImage],
    conversation_id: int,
    limit: int,
    before_id: int | None,
) -> list[Any]:
    """A page of a conversation's rows by descending id (the (conversation_id, id) index)."""
    query = select(model).where(model.conversation_id == conversation_id)
    if before_id is not None:
        query = query.where(model.id < before_id)
    return list(session.exec(query.order_by(col(model.id).desc()).limit(limit)))


def count_messages(*, session: Session, conversation_id: int) -> int:
    """How many messages a conversation has."""
    query = (
        select(func.count()).select_from(Message).where(Message.conversation_id == conversation_id)
    )
    return session.exec(query).one()


def create_image(*, session: Session, image: GeneratedImage) -> GeneratedImage:
    """Insert a design image record."""
    session.add(image)
    session.flush()
    return image


def get_image(*, session: Session, image_id: int, owner: str) -> GeneratedImage | None:
    """One design of this owner, or None (another owner's design is as missing as no design)."""
    image = session.get(GeneratedImage, image_id)
    if image is None or image.owner != owner:
        return None
    return image


def list_images(*, session: Session, conversation_id: int) -> list[GeneratedImage]:
    """A conversation's designs, oldest first."""
    query = (
        select(GeneratedImage)
        .where(GeneratedImage.conversation_id == conversation_id)
        .order_by(col(GeneratedImage.id))
    )
    return list(session.exec(query))


def latest_images(
    *, session: Session, conversation_id: int, limit: int, before_id: int | None = None
) -> list[GeneratedImage]:
    """Up to `limit` designs of a conversation, newest first, older than `before_id` if given."""
    return _newest(session, GeneratedImage, conversation_id, limit, before_id)


def latest_chat_image(*, session: Session, conversation_id: int) -> GeneratedImage | None:
    """The conversation's newest design shown in a chat message (not one made from the form)."""
    query = (
        select(GeneratedImage)
        .where(
            GeneratedImage.conversation_id == conversation_id,
            col(GeneratedImage.message_id).is_not(None),
        )
        .order_by(col(GeneratedImage.id).desc())
        .limit(1)
    )
    return session.exec(query).first()


def images_by_id(
    *, session: Session, conversation_id: int, image_ids: list[int]
) -> list[GeneratedImage]:
    """The designs of a conversation with these ids, oldest first."""
    if not image_ids:
        return []
    query = select(GeneratedImage).where(
        GeneratedImage.conversation_id == conversation_id, col(GeneratedImage.id).in_(image_ids)
    )
    return list(session.exec(query.order_by(col(GeneratedImage.id))))


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


def create_attachments(
    *, session: Session, message: Message, attachments: list[Attachment]
) -> list[Attachment]:
    """Insert a message's reference images (their files are written already)."""
    for attachment in attachments:
        attachment.message_id = message.id
        attachment.conversation_id = message.conversation_id
        session.add(attachment)
    session.flush()
    return attachments


def list_attachments(*, session: Session, conversation_id: int) -> list[Attachment]:
    """A conversation's reference images, in the order they were sent."""
    query = (
        select(Attachment)
        .where(Attachment.conversation_id == conversation_id)
        .order_by(col(Attachment.message_id), col(Attachment.id))
    )
    return list(session.exec(query))


def attachments_of(*, session: Session, message_ids: list[int]) -> list[Attachment]:
    """The reference images of some messages, in the order they were sent."""
    if not message_ids:
        return []
    query = (
        select(Attachment)
        .where(col(Attachment.message_id).in_(message_ids))
        .order_by(col(Attachment.message_id), col(Attachment.id))
    )
    return list(session.exec(query))


def list_owner_images(*, session: Session, owner: str) -> list[tuple[GeneratedImage, str]]:
    """Every design of the owner, oldest first, with its conversation's title ('' if none)."""
    query = (
        select(GeneratedImage, Conversation.title)
        .join(
            Conversation,
            col(GeneratedImage.conversation_id) == col(Conversation.id),
            isouter=True,
        )
        .where(GeneratedImage.owner == owner)
        .order_by(col(GeneratedImage.id))
    )
    return [(image, title or "") for image, title in session.exec(query)]


def all_file_paths(*, session: Session) -> set[str]:
    """Every file any design or reference image row refers to."""
    query = select(GeneratedImage.image_path, GeneratedImage.model_path, GeneratedImage.stl_path)
    paths = {path for row in session.exec(query) for path in row if path}
    return paths | set(session.exec(select(Attachment.path)))
