"""The design tools a designer calls, and the one dispatch path for every designer.

Each tool is declared once: its arguments model gives the JSON schema, its
function's docstring is the model-facing description. Offline and Gemini
designers both call `ToolSession.call`, so validation, drawing, storage and the
record of calls are the same whoever is designing.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import anyio
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.attachments import ReferenceImage
from core.engine import Rendering
from core.errors import StudioError
from core.messages import ToolCall, ToolName
from core.properties import (
    MAX_COUNT,
    DesignProperties,
    ImageType,
    PropertiesError,
    merge_properties,
    properties_json_schema,
)


class Artist(Protocol):
    """Draws designs: the offline engine, or Gemini's image model plus the engine."""

    async def draw(
        self,
        properties: DesignProperties,
        image_type: ImageType,
        variant: int,
        prompt: str,
        references: Sequence[ReferenceImage] = (),
    ) -> Rendering: ...

    async def edit(
        self,
        source_png: bytes,
        properties: DesignProperties,
        image_type: ImageType,
        instruction: str,
    ) -> Rendering: ...


class ImageSink(Protocol):
    """Where finished designs are stored (file and row together) and found again."""

    async def save(
        self,
        rendering: Rendering,
        *,
        image_type: ImageType,
        prompt: str,
        properties: DesignProperties,
    ) -> dict[str, Any]: ...

    async def source(self, image_id: int) -> tuple[bytes, dict[str, Any]]: ...


class ToolError(Exception):
    """A tool call the model must correct; the text goes back to it as the result."""


class GenerateArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    properties: dict[str, Any] = Field(
        default_factory=dict,
        description="Properties to set; omitted ones keep the conversation's current values.",
        json_schema_extra=properties_json_schema(),
    )
    image_type: Literal["2d", "3d"] = Field(
        "2d", description="'2d' for a design sheet, '3d' for a rendered product view and model."
    )
    count: int = Field(1, ge=1, le=MAX_COUNT, description="How many distinct variations.")
    prompt: str = Field("", max_length=2000, description="Short visual brief of the piece.")


class EditArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    image_id: int = Field(description="Id of the earlier design to change.")
    instruction: str = Field(min_length=1, max_length=1000, description="What to change.")
    properties: dict[str, Any] = Field(
        default_factory=dict,
        description="Properties the change alters (e.g. metal), so the record stays true.",
        json_schema_extra=properties_json_schema(),
    )


ToolFunction = Callable[["ToolSession", Any], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Tool:
    """One callable tool: name, model-facing description, argument model, body."""

    name: ToolName
    args_model: type[BaseModel]
    function: ToolFunction

    @property
    def description(self) -> str:
        return inspect.cleandoc(self.function.__doc__ or "")

    def declaration(self) -> dict[str, Any]:
        """Name, description and JSON schema of the parameters, as models expect them."""
        schema = self.args_model.model_json_schema()
        return {
            "name": str(self.name),
            "description": self.description,
            "parameters": _clean(schema),
        }


def _clean(schema: Any) -> Any:
    """Drop pydantic's titles and defaults, which model providers do not need."""
    if isinstance(schema, dict):
        return {k: _clean(v) for k, v in schema.items() if k not in {"title", "default"}}
    if isinstance(schema, list):
        return [_clean(v) for v in schema]
    return schema


async def generate_jewelry_design(session: ToolSession, args: GenerateArgs) -> dict[str, Any]:
    """Draw new jewelry designs from properties and store them in the conversation.

    Give only the properties the user asked for or that change; the rest keep the
    conversation's current values. Use image_type '3d' when the user wants a 3D
    view or model, and count > 1 only when they ask for options or variations.
    """
    properties = _merged(session.properties, args.properties)
    image_type = ImageType(args.image_type)
    prompt = args.prompt or properties.summary()
    # Variants are drawn at once (an image model takes seconds each) and stored in order,
    # only when all of them succeeded.
    renderings = await asyncio.gather(
        *(
            session.artist.draw(properties, image_type, v, prompt, session.references)
            for v in range(args.count)
        )
    )
    images = [await session.keep(r, image_type, prompt, properties) for r in renderings]
    session.properties = properties
    return {"images": [_brief(image) for image in images], "properties": properties.to_dict()}


async def edit_design(session: ToolSession, args: EditArgs) -> dict[str, Any]:
    """Change an earlier design of this conversation, keeping the piece's identity.

    Use it when the user asks to modify a design they have seen ("make the band
    thinner", "switch to platinum"); give the image id from an earlier result and,
    in properties, any property the change alters.
    """
    source_png, source = await session.source(args.image_id)
    base = _merged(DesignProperties(), source.get("properties") or {})
    properties = _merged(base, args.properties)
    image_type = ImageType(source["image_type"])
    rendering = await session.artist.edit(source_png, properties, image_type, args.instruction)
    image = await session.keep(rendering, image_type, args.instruction, properties)
    session.properties = properties
    return {"images": [_brief(image)], "edited_from": args.image_id}


def _merged(base: DesignProperties, changes: dict[str, Any]) -> DesignProperties:
    try:
        return merge_properties(base, changes)
    except PropertiesError as exc:
        raise ToolError(str(exc)) from None


def _brief(image: dict[str, Any]) -> dict[str, Any]:
    """What the model needs to know of a stored design."""
    return {"image_id": image["id"], "image_type": image["image_type"], "spec": image.get("spec")}


TOOLS: dict[str, Tool] = {
    tool.name: tool
    for tool in (
        Tool(ToolName.GENERATE, GenerateArgs, generate_jewelry_design),
        Tool(ToolName.EDIT, EditArgs, edit_design),
    )
}


def tool_declarations() -> list[dict[str, Any]]:
    """Declarations of every tool, for function calling."""
    return [tool.declaration() for tool in TOOLS.values()]


def describe_validation_error(exc: ValidationError) -> str:
    """'count: must be <= 4; image_type: ...' from a pydantic error."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "arguments"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


@dataclass
class ToolSession:
    """The tools bound to one turn of one conversation; records every call."""

    artist: Artist
    sink: ImageSink
    properties: DesignProperties
    references: tuple[ReferenceImage, ...] = ()  # the designer's images sent with this turn
    calls: list[ToolCall] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)

    async def call(self, name: str, args: dict[str, Any] | None) -> dict[str, Any]:
        """Run a tool; bad names or arguments come back as {'error': ...}, never raise."""
        try:
            result = await self._run(name, args or {})
        except BaseException as exc:
            # The turn ends here (the designer says why), but the record shows the call.
            self.calls.append(ToolCall(name=name, args=args or {}, result={"error": str(exc)}))
            raise
        self.calls.append(ToolCall(name=name, args=args or {}, result=result))
        return result

    async def _run(self, name: str, args: dict[str, Any]) -> dict[str, Any]:
        tool = TOOLS.get(name)
        if tool is None:
            return {"error": f"unknown tool '{name}'; available: {', '.join(TOOLS)}"}
        try:
            parsed = tool.args_model.model_validate(args)
            return await tool.function(self, parsed)
        except ValidationError as exc:
            return {"error": f"invalid arguments for {name}: {describe_validation_error(exc)}"}
        except ToolError as exc:
            return {"error": str(exc)}

    async def keep(
        self, rendering: Rendering, image_type: ImageType, prompt: str, properties: DesignProperties
    ) -> dict[str, Any]:
        """Store a finished design and remember it as part of this turn."""
        # Shielded: once the upload starts, the design is kept and listed, so a cancelled
        # turn can discard it instead of leaving a row and files nobody knows about.
        with anyio.CancelScope(shield=True):
            try:
                image = await self.sink.save(
                    rendering, image_type=image_type, prompt=prompt, properties=properties
                )
            except StudioError as exc:  # a limit refused it: the designer tells the user
                raise ToolError(str(exc)) from None
            self.images.append(image)
        return image

    async def source(self, image_id: int) -> tuple[bytes, dict[str, Any]]:
        """The PNG and record of an earlier design of this conversation."""
        try:
            return await self.sink.source(image_id)
        except LookupError as exc:
            raise ToolError(str(exc)) from None
