"""Pure translations of studio records into what the components display, in a language."""

from __future__ import annotations

import json
from typing import Any

import gradio as gr

from core.conversations import UNTITLED
from core.messages import MessageMeta, ToolCall
from core.properties import DesignProperties
from core.wording import describe, value_text
from ui.i18n import has, t
from ui.urls import Locate

SPEC_KEYS = (
    "variation", "alloy", "inner_diameter_mm", "ring_size_us", "ring_size_eu", "ring_size_uk",
    "ring_size_vn", "metal_weight_g", "metal_weight_chi", "findings_weight_g", "stone_count",
    "total_carat", "main_stone_mm", "dimensions_mm",
)  # fmt: skip


def conversation_choices(conversations: list[dict[str, Any]], lang: str) -> list[tuple[str, int]]:
    """Sidebar entries: (title, id)."""
    return [(title(c, lang), c["id"]) for c in conversations]


def title(conversation: dict[str, Any], lang: str) -> str:
    """A conversation's title; an untitled one is named in the person's language."""
    if conversation["title"] in ("", UNTITLED):
        return t(lang, "sidebar.untitled")
    return conversation["title"]


def chat_messages(conversation: dict[str, Any], locate: Locate, lang: str) -> list[dict[str, Any]]:
    """Messages-format chat history: text, tool calls as collapsible notes, images inline."""
    by_id = {image["id"]: image for image in conversation["images"]}
    messages: list[dict[str, Any]] = []
    for message in conversation["messages"]:
        if message["role"] == "user":
            messages.append({"role": "user", "content": user_content(message, locate)})
            continue
        messages.extend(tool_notes(MessageMeta.of(message["metadata"]).tool_calls, lang))
        images = [by_id[i] for i in message["images"] if i in by_id]
        messages.append(assistant_message(message["content"], images, locate, lang))
    return messages


def user_content(message: dict[str, Any], locate: Locate) -> str | list[Any]:
    """A user's chat bubble: the words, then the reference images sent with them."""
    pictures = [
        _picture(str(locate(a["image_path"])), a["name"]) for a in message.get("attachments") or []
    ]
    if not pictures:
        return message["content"]
    return [message["content"], *pictures] if message["content"] else pictures


def tool_notes(calls: list[ToolCall], lang: str) -> list[dict[str, Any]]:
    """One collapsible note per tool call, with its arguments and result."""
    notes = []
    for call in calls:
        title_key = f"tool.{call.name}" if has(f"tool.{call.name}") else "tool.other"
        args = json.dumps(call.args, ensure_ascii=False, indent=1)
        if call.failed:
            outcome = f"**{t(lang, 'tool.error')}:** {call.result.get('error')}"
        else:
            outcome = f"**{t(lang, 'tool.designs')}:** {_ids(call.result, lang)}"
        body = f"**{t(lang, 'tool.arguments')}**\n```json\n{args}\n```\n{outcome}"
        metadata = {"title": t(lang, title_key, tool=call.name), "status": "done"}
        notes.append({"role": "assistant", "content": body, "metadata": metadata})
    return notes


def _ids(result: dict[str, Any], lang: str) -> str:
    ids = ", ".join(f"#{image['image_id']}" for image in result.get("images", []))
    return ids or t(lang, "tool.no_designs")


def assistant_message(
    text: str, images: list[dict[str, Any]], locate: Locate, lang: str
) -> dict[str, Any]:
    """An assistant message with its designs inline, each named for screen readers."""
    content: list[Any] = [text] if text else []
    content += [
        _picture(str(locate(image["image_path"])), caption(image, lang)) for image in images
    ]
    return {"role": "assistant", "content": content or ""}


def _picture(path: str, alt: str) -> gr.Image:
    """A design inline in the chat. An Image component, because Gradio 6.31's chatbot drops
    the `alt_text` of a plain file message and the picture would have no name."""
    return gr.Image(path, alt_text=alt, show_label=False, buttons=["fullscreen"])


def gallery_items(images: list[dict[str, Any]], locate: Locate, lang: str) -> list[tuple[str, str]]:
    """Gallery entries (path, caption), newest first."""
    return [(str(locate(image["image_path"])), caption(image, lang)) for image in reversed(images)]


def caption(image: dict[str, Any], lang: str) -> str:
    """'#12 · 3D · rose gold ring' / '#12 · 3D · nhẫn vàng hồng'."""
    props = image["properties"]
    return t(
        lang,
        "gallery.caption",
        id=image["id"],
        kind=image["image_type"].upper(),
        metal=value_text("metal", props.get("metal"), lang),
        piece=value_text("jewelry_type", props.get("jewelry_type"), lang),
    )


def spec_markdown(image: dict[str, Any], lang: str) -> str:
    """The spec of a design as a short Markdown table."""
    props = DesignProperties.model_validate(image["properties"])
    rows = [
        (t(lang, "spec.design"), f"#{image['id']} ({image['image_type'].upper()})"),
        (t(lang, "spec.piece"), describe(props, lang)),
    ]
    spec = image.get("spec") or {}
    for key in SPEC_KEYS:
        if spec.get(key) not in (None, "", []):
            rows.append((t(lang, f"spec.{key}"), _format(spec[key], lang)))
    head = f"| {t(lang, 'spec.heading')} | {t(lang, 'spec.value')} |\n|---|---|\n"
    return head + "\n".join(f"| {k} | {v} |" for k, v in rows)


def _format(value: Any, lang: str) -> str:
    if isinstance(value, float):
        text = f"{value:.2f}"
        return text.replace(".", ",") if lang == "vi" else text
    if isinstance(value, list | tuple):
        return " × ".join(_format(v, lang) for v in value)
    return str(value)
