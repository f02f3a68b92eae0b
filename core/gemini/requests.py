"""Pure request building for the chat model: system instruction, tools, config, turn contents.

Nothing here talks to the network, so every request can be checked in a test.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from google.genai import types

from core.attachments import ReferenceImage
from core.designers.base import HistoryEntry
from core.gemini.history import history_contents
from core.properties import DesignProperties
from core.tools import tool_declarations

SYSTEM_TEMPLATE = """\
You are the design assistant of PNJ, a Vietnamese jewelry house, working with a jewelry \
designer in a design studio.
- Answer in the language of the designer's latest message: Vietnamese or English.
- To show a design, call generate_jewelry_design; to change a design already shown, \
call edit_design with its image_id from an earlier result, so the piece keeps its identity.
- If a request is too vague to draw (you cannot tell what kind of piece is wanted), \
ask one short question instead of drawing.
- Pass only the properties the designer asked for or that change; the others keep \
their current values. Use image_type "3d" only when a 3D view or model is wanted.
- If a tool answers with an error, fix the arguments and try again, or explain the \
problem to the designer in one sentence.
- After drawing, say briefly what you drew and suggest one next step. Never invent \
image ids, prices or stock.
Current design properties ({summary}):
{properties}"""


def system_instruction(properties: DesignProperties) -> str:
    """The assistant's brief, with the conversation's current properties."""
    return SYSTEM_TEMPLATE.format(
        summary=properties.summary(),
        properties=json.dumps(properties.to_dict(), ensure_ascii=False),
    )


def function_tool(declarations: Sequence[dict[str, Any]] | None = None) -> types.Tool:
    """Our tool declarations (from core.tools, never a second copy) as one Gemini tool."""
    declarations = tool_declarations() if declarations is None else declarations
    return types.Tool(
        function_declarations=[
            types.FunctionDeclaration(
                name=d["name"],
                description=d["description"],
                parameters_json_schema=d["parameters"],
            )
            for d in declarations
        ]
    )


def chat_config(
    properties: DesignProperties, *, allow_tools: bool = True
) -> types.GenerateContentConfig:
    """Config for one chat round: our loop runs the tools, so automatic calling is off.

    With allow_tools False the model must answer in text (the last round of a turn).
    """
    modes = types.FunctionCallingConfigMode
    mode = modes.AUTO if allow_tools else modes.NONE
    return types.GenerateContentConfig(
        system_instruction=system_instruction(properties),
        tools=[function_tool()],
        tool_config=types.ToolConfig(
            function_calling_config=types.FunctionCallingConfig(mode=mode)
        ),
        automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
    )


def user_parts(message: str, references: Sequence[ReferenceImage] = ()) -> list[types.Part]:
    """The designer's new message: their reference images, then their words."""
    parts = [types.Part.from_bytes(data=r.data, mime_type=r.mime_type) for r in references]
    return [*parts, types.Part(text=message)] if message or not parts else parts


def turn_contents(
    history: Sequence[HistoryEntry], message: str, references: Sequence[ReferenceImage] = ()
) -> list[types.Content]:
    """Windowed history followed by the new message: what the first round sends."""
    contents = history_contents(history)
    new = user_parts(message, references)
    if contents and contents[-1].role == "user":
        merged = [*(contents[-1].parts or []), *new]
        return [*contents[:-1], types.Content(role="user", parts=merged)]
    return [*contents, types.Content(role="user", parts=new)]


def function_responses(
    calls: Sequence[types.FunctionCall], results: Sequence[dict[str, Any]]
) -> types.Content:
    """The tools' results, answered in the order of the model's calls."""
    parts = [
        types.Part(
            function_response=types.FunctionResponse(id=call.id, name=call.name, response=result)
        )
        for call, result in zip(calls, results, strict=True)
    ]
    return types.Content(role="user", parts=parts)
