"""Pure reading of Gemini responses: why they stopped, their parts, text and images."""

from __future__ import annotations

from google.genai import types

SAFETY_REASONS = frozenset(
    (
        "SAFETY",
        "PROHIBITED_CONTENT",
        "BLOCKLIST",
        "SPII",
        "IMAGE_SAFETY",
        "IMAGE_PROHIBITED_CONTENT",
    )
)
NO_IMAGE_REASONS = frozenset(("NO_IMAGE", "IMAGE_OTHER", "IMAGE_RECITATION", "RECITATION"))
MALFORMED_REASONS = frozenset(
    ("MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "MALFORMED_RESPONSE")
)


def _name(value: object) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value))


def block_reason(response: types.GenerateContentResponse) -> str | None:
    """Why the prompt itself was blocked (prompt_feedback.block_reason), if it was."""
    feedback = response.prompt_feedback
    return _name(feedback.block_reason) if feedback else None


def finish_reason(response: types.GenerateContentResponse) -> str | None:
    """The first candidate's finish reason, once it has one."""
    candidates = response.candidates or []
    return _name(candidates[0].finish_reason) if candidates else None


def parts(response: types.GenerateContentResponse) -> list[types.Part]:
    """The first candidate's parts (empty when it has none)."""
    candidates = response.candidates or []
    content = candidates[0].content if candidates else None
    return list(content.parts or []) if content else []


def visible_text(part: types.Part) -> str:
    """Answer text of a part; thoughts and non-text parts give ''."""
    return "" if part.thought or not part.text else part.text


def _plain_text(part: types.Part) -> bool:
    return part.text is not None and not part.thought and part.function_call is None


def append_part(collected: list[types.Part], part: types.Part) -> None:
    """Add a streamed part, joining plain text pieces so history stays compact.

    A thought signature that arrives on a text piece stays on the joined text.
    """
    previous = collected[-1] if collected else None
    joinable = previous is not None and _plain_text(previous) and _plain_text(part)
    if joinable and previous.thought_signature is None:
        joined = (previous.text or "") + (part.text or "")
        collected[-1] = previous.model_copy(
            update={"text": joined, "thought_signature": part.thought_signature}
        )
        return
    if part.text == "" and part.thought_signature is None and part.function_call is None:
        return
    collected.append(part)


def function_calls(collected: list[types.Part]) -> list[types.FunctionCall]:
    """The function calls among a round's parts, in order."""
    return [p.function_call for p in collected if p.function_call is not None]


def images(response: types.GenerateContentResponse) -> list[tuple[bytes, str]]:
    """(bytes, mime type) of every inline image in the answer."""
    found = []
    for part in parts(response):
        blob = part.inline_data
        if blob is not None and blob.data and (blob.mime_type or "").startswith("image/"):
            found.append((blob.data, blob.mime_type or "image/png"))
    return found


def text(response: types.GenerateContentResponse) -> str:
    """All visible text of the answer, joined."""
    return "".join(visible_text(p) for p in parts(response)).strip()
