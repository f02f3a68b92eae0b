"""What a stored message carries besides its text: one typed source for its metadata."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ToolName(StrEnum):
    """The design tools a designer can call."""

    GENERATE = "generate_jewelry_design"
    EDIT = "edit_design"


class ToolCall(BaseModel):
    """One tool call of a turn: what was asked and what came back."""

    model_config = ConfigDict(extra="ignore")

    name: str
    args: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any] = Field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """True when the tool refused or broke."""
        return "error" in self.result


class MessageMeta(BaseModel):
    """Metadata of a message: who answered, the tool calls, the properties, any error."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    designer: str | None = None
    tool_calls: list[ToolCall] = Field(default_factory=list)
    properties: dict[str, Any] | None = None
    error: str | None = None
    # The designer's own record of its turn (Gemini: its contents with thought signatures).
    transcript: list[dict[str, Any]] | None = Field(default=None, alias="gemini_contents")

    @classmethod
    def of(cls, stored: dict[str, Any] | None) -> MessageMeta:
        """The metadata stored with a message (unknown keys are ignored)."""
        return cls.model_validate(stored or {})

    def stored(self) -> dict[str, Any]:
        """JSON-ready dict for the message row, under the keys the API has always shown."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

    def designed_view(self) -> str | None:
        """The image type of the first design this message drew, or None."""
        for call in reversed(self.tool_calls):
            images = call.result.get("images") or []
            if images:
                return images[0].get("image_type", "2d")
        return None
