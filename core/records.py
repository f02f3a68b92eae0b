"""Plain dicts of stored rows, as the API and the UI see them."""

from __future__ import annotations

from typing import Any

from core.files import FileStore
from data.models import Conversation, GeneratedImage, Message


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


def message_dict(message: Message) -> dict[str, Any]:
    """A message as a JSON-ready dict; `images` holds image ids."""
    return {
        "id": message.id,
        "conversation_id": message.conversation_id,
        "role": message.role,
        "content": message.content,
        "images": list(message.images),
        "metadata": dict(message.meta),
        "created_at": message.created_at.isoformat(),
    }


def image_dict(image: GeneratedImage, files: FileStore) -> dict[str, Any]:
    """A design image as a JSON-ready dict, with file URLs the web server serves."""
    return {
        "id": image.id,
        "conversation_id": image.conversation_id,
        "message_id": image.message_id,
        "image_type": image.image_type,
        "prompt": image.prompt,
        "image_url": file_url(files, image.image_path),
        "image_path": image.image_path,
        "model_url": file_url(files, image.model_path) if image.model_path else None,
        "has_model": image.model_path is not None,
        "properties": dict(image.properties),
        "spec": dict(image.spec),
        "created_at": image.created_at.isoformat(),
    }


def file_url(files: FileStore, relative: str) -> str:
    """URL path under which Gradio serves a stored file."""
    return f"/gradio_api/file={files.path(relative)}"
