"""Earlier messages as Gemini contents: windowed, with the model's own parts kept.

An assistant message made by the Gemini designer carries, as its metadata's
transcript, every content of its turn exactly as Gemini produced them
(function calls with their thought signatures, our function responses, the
final text). Other assistant messages are rebuilt from their tool calls.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from google.genai import types
from pydantic import ValidationError

from core.designers.base import HistoryEntry
from core.messages import ToolCall

logger = logging.getLogger(__name__)

MAX_ENTRIES = 30
MAX_CHARS = 40_000
MAX_MESSAGE_CHARS = 8_000


def dump_contents(contents: Iterable[types.Content]) -> list[dict[str, Any]]:
    """JSON-ready contents for message metadata (signatures as base64)."""
    return [c.model_dump(mode="json", exclude_none=True) for c in contents]


def load_contents(raw: Any) -> list[types.Content] | None:
    """Contents stored by dump_contents, or None when missing or unreadable."""
    if not isinstance(raw, list) or not raw:
        return None
    try:
        return [types.Content.model_validate(item) for item in raw]
    except ValidationError:
        logger.warning("Ignoring unreadable stored Gemini contents; rebuilding from tool calls")
        return None


def entry_cost(entry: HistoryEntry) -> int:
    """Rough size of an entry in characters, for windowing."""
    extra = entry.meta.transcript or [c.model_dump() for c in entry.meta.tool_calls]
    return len(entry.content) + (len(json.dumps(extra, default=str)) if extra else 0)


def window(
    history: Sequence[HistoryEntry], *, max_entries: int = MAX_ENTRIES, max_chars: int = MAX_CHARS
) -> list[HistoryEntry]:
    """The newest entries within both budgets, starting at a user message."""
    kept: list[HistoryEntry] = []
    total = 0
    for entry in reversed(history[-max_entries:]):
        if entry.role not in ("user", "assistant"):
            continue
        cost = entry_cost(entry)
        if kept and total + cost > max_chars:
            break
        kept.append(entry)
        total += cost
    kept.reverse()
    while kept and kept[0].role != "user":
        kept.pop(0)
    return kept


def _text(role: str, text: str) -> types.Content:
    return types.Content(role=role, parts=[types.Part(text=text[:MAX_MESSAGE_CHARS])])


def _from_tool_calls(calls: list[ToolCall]) -> list[types.Content]:
    """A turn made by another designer, as function calls and responses."""
    asked = [types.Part(function_call=types.FunctionCall(name=c.name, args=c.args)) for c in calls]
    answered = [
        types.Part(function_response=types.FunctionResponse(name=c.name, response=c.result))
        for c in calls
    ]
    return [types.Content(role="model", parts=asked), types.Content(role="user", parts=answered)]


def _with_attachment_note(entry: HistoryEntry) -> str:
    """An earlier message's words, naming the reference images it carried (sent only once)."""
    if not entry.attachments:
        return entry.content
    note = f"[The designer attached reference images here: {', '.join(entry.attachments)}.]"
    return f"{entry.content}\n{note}" if entry.content else note


def entry_contents(entry: HistoryEntry) -> list[types.Content]:
    """One history entry as Gemini contents."""
    if entry.role == "user":
        return [_text("user", _with_attachment_note(entry))]
    stored = load_contents(entry.meta.transcript)
    if stored is not None:
        return stored
    calls = entry.meta.tool_calls
    contents = _from_tool_calls(calls) if calls else []
    if entry.content:
        contents.append(_text("model", entry.content))
    return contents


def merge_roles(contents: Iterable[types.Content]) -> list[types.Content]:
    """Join neighbouring contents of the same role (e.g. a reply that never came)."""
    merged: list[types.Content] = []
    for content in contents:
        if merged and merged[-1].role == content.role:
            parts = [*(merged[-1].parts or []), *(content.parts or [])]
            merged[-1] = types.Content(role=content.role, parts=parts)
        else:
            merged.append(content)
    return merged


def history_contents(
    history: Sequence[HistoryEntry], *, max_entries: int = MAX_ENTRIES, max_chars: int = MAX_CHARS
) -> list[types.Content]:
    """The conversation so far, windowed to bounded size, as Gemini contents."""
    entries = window(history, max_entries=max_entries, max_chars=max_chars)
    return merge_roles(c for entry in entries for c in entry_contents(entry))
