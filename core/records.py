"""Plain dicts of stored rows, as the API and the UI see them (ids and paths, no URLs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from data.models import Attachment, Conversation, GeneratedImage, Message


def conversation_dict(conversation: Conversation) -> dict[str, Any]:
    """A conversation as a JSON-ready dict."""
    return {
        "id": conversation.id,
        "user_id": conversation.user_id,
        "title": conversation.title,
        "description": conversation.description,
        "created_at": conversation.created_at.isoformat(),
        "updated_at": conversation.updated_at.isoformat(),
    }


def message_dict(message: Message, attachments: Sequence[Attachment] = ()) -> dict[str, Any]:
    """A message as a JSON-ready dict; `images` holds design ids, `attachments` its references."""
    return {
        "id": message.id,
        "conversation_id": message.conversation_id,
        "role": message.role,
        "content": message.content,
        "images": list(message.images),
        "attachments": [attachment_dict(a) for a in attachments],
        "metadata": dict(message.meta),
        "created_at": message.created_at.isoformat(),
    }


def attachment_dict(attachment: Attachment) -> dict[str, Any]:
    """A reference image as a JSON-ready dict; `image_path` is relative to the file store."""
    return {
        "id": attachment.id,
        "name": attachment.name,
        "mime_type": attachment.mime_type,
        "width": attachment.width,
        "height": attachment.height,
        "image_path": attachment.path,
    }


def image_dict(image: GeneratedImage) -> dict[str, Any]:
    """A design as a JSON-ready dict; `image_path` is relative to the file store."""
    return {
        "id": image.id,
        "conversation_id": image.conversation_id,
        "message_id": image.message_id,
        "image_type": image.image_type,
        "prompt": image.prompt,
        "image_path": image.image_path,
        "model_path": image.model_path,
        "stl_path": image.stl_path,
        "has_model": image.model_path is not None,
        "properties": dict(image.properties),
        "spec": dict(image.spec),
        "created_at": image.created_at.isoformat(),
    }
