"""Designs drawn from the property form, written into the conversation as one turn.

The conversation is the record: the form's request becomes the user's message and the
designs arrive in the designer's answer, in the language the conversation is held in.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from core.conversations import UNTITLED
from core.messages import MessageMeta
from core.parser import detect_language
from core.properties import DesignProperties, ImageType
from core.records import message_dict
from core.tools import ToolSession
from core.wording import describe
from data import repository as repo
from data.models import Conversation

FORM_DESIGNER = "form"  # who answered, in the message's metadata and in metrics
# fmt: off
PHRASES: dict[str, tuple[str, str]] = {  # (English, Vietnamese)
    "asked_1": ("Generated 1 {kind} design from the form: {piece}",
                "Tạo 1 mẫu {kind} từ bảng thuộc tính: {piece}"),
    "asked_n": ("Generated {n} {kind} designs from the form: {piece}",
                "Tạo {n} mẫu {kind} từ bảng thuộc tính: {piece}"),
    "answer_1": ("Here is the {kind} design from the form ({ids}).",
                 "Đây là mẫu {kind} từ bảng thuộc tính ({ids})."),
    "answer_n": ("Here are the {n} {kind} designs from the form ({ids}).",
                 "Đây là {n} mẫu {kind} từ bảng thuộc tính ({ids})."),
}
# fmt: on


def form_texts(
    properties: DesignProperties, image_type: ImageType, image_ids: list[int], lang: str
) -> tuple[str, str]:
    """The user's request and the designer's answer, in English or Vietnamese."""
    count = "1" if len(image_ids) == 1 else "n"
    values = {
        "n": len(image_ids),
        "kind": image_type.value.upper(),
        "piece": piece_text(properties, lang),
        "ids": ", ".join(f"#{image_id}" for image_id in image_ids),
    }
    english, vietnamese = PHRASES[f"asked_{count}"]
    asked = (vietnamese if lang == "vi" else english).format(**values)
    english, vietnamese = PHRASES[f"answer_{count}"]
    return asked, (vietnamese if lang == "vi" else english).format(**values)


def piece_text(properties: DesignProperties, lang: str) -> str:
    """The piece in one line, in the conversation's language."""
    return describe(properties, lang) if lang == "vi" else properties.summary()


def short_title(summary: str, limit: int = 60) -> str:
    """The piece's summary cut after its last whole clause that fits the limit."""
    if len(summary) <= limit:
        return summary
    clauses = summary.split(", ")
    while len(clauses) > 1 and len(", ".join(clauses)) > limit:
        clauses.pop()
    return ", ".join(clauses)[:limit]


def record_form_turn(
    session: Session,
    conversation: Conversation,
    tools: ToolSession,
    image_type: ImageType,
    language: str = "",
) -> dict[str, Any]:
    """Store the form's request and the designer's message carrying the designs; return it.

    They are worded in `language` (the person's screen), or else in the language of the
    conversation's latest words.
    """
    earlier = repo.latest_messages(session=session, conversation_id=conversation.id, limit=20)
    said = [m.content for m in earlier if m.role == "user"]
    detected = next((found for text in said if (found := detect_language(text))), "en")
    lang = language if language in ("en", "vi") else detected
    image_ids = [image["id"] for image in tools.images]
    asked, answer = form_texts(tools.properties, image_type, image_ids, lang)
    repo.create_message(
        session=session, conversation_id=conversation.id, role="user", content=asked
    )
    meta = MessageMeta(
        designer=FORM_DESIGNER, tool_calls=tools.calls, properties=tools.properties.to_dict()
    )
    stored = repo.create_answer(
        session=session,
        conversation_id=conversation.id,
        content=answer,
        image_ids=image_ids,
        meta=meta.stored(),
    )
    if not earlier and conversation.title in {"", UNTITLED}:
        conversation.title = short_title(piece_text(tools.properties, lang))
    conversation.properties = tools.properties.to_dict()  # the chat builds on these next
    repo.touch_conversation(session=session, conversation=conversation)
    return message_dict(stored)
