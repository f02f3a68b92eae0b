"""File URLs of stored designs, built at the edge where Gradio serves the files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Locate = Callable[[str], Path]


def file_url(path: Path) -> str:
    """URL path under which Gradio serves a local file of an allowed folder."""
    return f"/gradio_api/file={path}"


def with_urls(image: dict[str, Any], locate: Locate) -> dict[str, Any]:
    """A design dict for the API: its record plus `image_url` and `model_url`."""
    model = image.get("model_path")
    return {
        **image,
        "image_url": file_url(locate(image["image_path"])),
        "model_url": file_url(locate(model)) if model else None,
    }


def message_with_urls(message: dict[str, Any], locate: Locate) -> dict[str, Any]:
    """A message dict whose reference images carry their `image_url`."""
    attachments = [
        {**attachment, "image_url": file_url(locate(attachment["image_path"]))}
        for attachment in message.get("attachments") or []
    ]
    return {**message, "attachments": attachments}


def conversation_with_urls(conversation: dict[str, Any], locate: Locate) -> dict[str, Any]:
    """A conversation dict whose designs and reference images carry their URLs."""
    return {
        **conversation,
        "messages": [message_with_urls(m, locate) for m in conversation["messages"]],
        "images": [with_urls(i, locate) for i in conversation["images"]],
    }
