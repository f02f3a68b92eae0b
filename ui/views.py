"""Pure translations of studio records into what the components display."""

from __future__ import annotations

import json
from typing import Any

from core.messages import MessageMeta, ToolCall, ToolName
from core.properties import DesignProperties
from ui.urls import Locate

TOOL_TITLES = {ToolName.GENERATE: "Designed with", ToolName.EDIT: "Edited with"}


def conversation_choices(conversations: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Sidebar entries: (title, id)."""
    return [(c["title"] or f"Design #{c['id']}", c["id"]) for c in conversations]


def chat_messages(conversation: dict[str, Any], locate: Locate) -> list[dict[str, Any]]:
    """Messages-format chat history: text, tool calls as collapsible notes, images inline."""
    by_id = {image["id"]: image for image in conversation["images"]}
    messages: list[dict[str, Any]] = []
    for message in conversation["messages"]:
        if message["role"] == "user":
            messages.append({"role": "user", "content": user_content(message, locate)})
            continue
        messages.extend(tool_notes(MessageMeta.of(message["metadata"]).tool_calls))
        images = [by_id[i] for i in message["images"] if i in by_id]
        messages.append(assistant_message(message["content"], images, locate))
    return messages


def user_content(message: dict[str, Any], locate: Locate) -> str | list[Any]:
    """A user's chat bubble: the words, then the reference images sent with them."""
    pictures = [{"path": str(locate(a["image_path"]))} for a in message.get("attachments") or []]
    if not pictures:
        return message["content"]
    return [message["content"], *pictures] if message["content"] else pictures


def tool_notes(calls: list[ToolCall]) -> list[dict[str, Any]]:
    """One collapsible note per tool call, with its arguments and result."""
    notes = []
    for call in calls:
        title = f"🛠️ {TOOL_TITLES.get(call.name, 'Called')} {call.name}"
        args = json.dumps(call.args, ensure_ascii=False, indent=1)
        error = call.result.get("error")
        outcome = f"**Error:** {error}" if call.failed else f"**Designs:** {_ids(call.result)}"
        body = f"**Arguments**\n```json\n{args}\n```\n{outcome}"
        notes.append(
            {"role": "assistant", "content": body, "metadata": {"title": title, "status": "done"}}
        )
    return notes


def _ids(result: dict[str, Any]) -> str:
    return ", ".join(f"#{image['image_id']}" for image in result.get("images", [])) or "none"


def assistant_message(text: str, images: list[dict[str, Any]], locate: Locate) -> dict[str, Any]:
    """An assistant message with its designs inline."""
    content: list[Any] = [text] if text else []
    content += [{"path": str(locate(image["image_path"]))} for image in images]
    return {"role": "assistant", "content": content or ""}


def gallery_items(images: list[dict[str, Any]], locate: Locate) -> list[tuple[str, str]]:
    """Gallery entries (path, caption), newest first."""
    return [(str(locate(image["image_path"])), caption(image)) for image in reversed(images)]


def caption(image: dict[str, Any]) -> str:
    """'#12 · 3D · rose gold ring'."""
    props = image["properties"]
    piece = f"{props.get('metal')} {props.get('jewelry_type')}"
    return f"#{image['id']} · {image['image_type'].upper()} · {piece}"


def spec_markdown(image: dict[str, Any]) -> str:
    """The spec of a design as a short Markdown table."""
    props = DesignProperties.model_validate(image["properties"])
    rows = [
        ("Design", f"#{image['id']} ({image['image_type'].upper()})"),
        ("Piece", props.summary()),
    ]
    spec = image.get("spec") or {}
    for key, label in SPEC_LABELS.items():
        if spec.get(key) not in (None, "", []):
            rows.append((label, _format(spec[key])))
    return "| Spec | Value |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in rows)


SPEC_LABELS = {
    "variation": "Variation",
    "alloy": "Alloy",
    "inner_diameter_mm": "Inner diameter (mm)",
    "ring_size_us": "Ring size US",
    "ring_size_eu": "Ring size EU",
    "ring_size_uk": "Ring size UK",
    "metal_weight_g": "Metal weight (g)",
    "metal_weight_chi": "Metal weight (chỉ)",
    "stone_count": "Stones",
    "total_carat": "Total carat",
    "main_stone_mm": "Main stone (mm)",
    "dimensions_mm": "Size (mm)",
}


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return " × ".join(_format(v) for v in value)
    return str(value)
