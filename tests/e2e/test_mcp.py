"""The studio as an MCP server, driven by the official `mcp` client over streamable HTTP."""

from __future__ import annotations

import ast
import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client

from tests.conftest import OWNER, RunningApp

T = TypeVar("T")

# Every public endpoint; the page's own events are private and never become tools.
TOOLS = {
    "create_conversation", "list_conversations", "get_conversation", "update_conversation",
    "delete_conversation", "chat", "generate_2d", "generate_3d", "get_spec",
    "get_image", "get_model", "get_stl", "compare_designs", "list_designs", "export_designs",
    "get_package", "get_sheet_pdf",
}  # fmt: skip


def with_session(app: RunningApp, work: Callable[[ClientSession], Awaitable[T]]) -> T:
    """Connect to the app's MCP endpoint, initialise a session and run `work` in it."""

    async def main() -> T:
        async with (
            streamable_http_client(f"{app.url}gradio_api/mcp/") as (read, write, _),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            return await work(session)

    return asyncio.run(main())


def _value(text: str) -> Any:
    """A tool's text result: Gradio's MCP server writes the returned dict as a Python literal."""
    return ast.literal_eval(text)


def _tools(app: RunningApp) -> dict[str, Any]:
    async def work(session: ClientSession) -> dict[str, Any]:
        return {tool.name: tool for tool in (await session.list_tools()).tools}

    return with_session(app, work)


def test_every_public_endpoint_is_a_documented_tool(running_app: RunningApp) -> None:
    tools = _tools(running_app)
    assert set(tools) == TOOLS
    for name, tool in tools.items():
        assert tool.description and len(tool.description) > 20, f"{name} has no description"
        for arg, schema in tool.inputSchema.get("properties", {}).items():
            assert schema.get("description"), f"{name}({arg}) is not documented"
    properties = tools["generate_3d"].inputSchema["properties"]["properties"]["description"]
    assert properties.endswith('"metal": "platinum"}.'), "a description cut at a line break"
    chat = tools["chat"].inputSchema
    assert set(chat["properties"]) >= {"conversation_id", "message"}
    assert "request" not in chat["properties"]


def test_an_agent_creates_a_conversation_and_designs_in_it(running_app: RunningApp) -> None:
    async def work(session: ClientSession) -> tuple[Any, Any]:
        created = await session.call_tool(
            "create_conversation", {"title": "From an agent", "description": "MCP"}
        )
        conversation = _value(created.content[0].text)
        turn = await session.call_tool(
            "chat",
            {"conversation_id": conversation["id"], "message": "a platinum ring with a ruby"},
        )
        return conversation, turn

    conversation, turn = with_session(running_app, work)
    assert conversation["title"] == "From an agent"
    assert not turn.isError, turn.content
    answer = _value(turn.content[0].text)
    assert answer["generated_images"][0]["properties"]["metal"] == "platinum"
    stored = running_app.studio.conversations.get(OWNER, conversation["id"])
    assert [m["role"] for m in stored["messages"]] == ["user", "assistant"]
    assert [i["id"] for i in stored["images"]] == [answer["generated_images"][0]["id"]]


def test_a_refused_call_is_an_error_naming_the_problem(running_app: RunningApp) -> None:
    async def work(session: ClientSession) -> Any:
        return await session.call_tool("get_conversation", {"conversation_id": 987654})

    result = with_session(running_app, work)
    assert result.isError
    assert "no conversation with id 987654" in result.content[0].text


def test_an_agent_compares_designs_and_reads_the_catalogue(running_app: RunningApp) -> None:
    async def work(session: ClientSession) -> tuple[Any, Any]:
        created = await session.call_tool("create_conversation", {"title": "Compare by MCP"})
        conversation = _value(created.content[0].text)
        properties = {"jewelry_type": "pendant", "gemstone": "sapphire"}
        drawn = await session.call_tool(
            "generate_2d",
            {"prompt": "", "properties": properties, "conversation_id": conversation["id"],
             "count": 2},
        )  # fmt: skip
        ids = [image["id"] for image in _value(drawn.content[0].text)["images"]]
        compared = await session.call_tool("compare_designs", {"image_ids": ids})
        listed = await session.call_tool("list_designs", {"gemstone": "sapphire"})
        return ids, (compared, listed)

    ids, (compared, listed) = with_session(running_app, work)
    assert not compared.isError, compared.content
    result = _value(compared.content[0].text)
    assert [d["id"] for d in result["designs"]] == ids and "variation" in result["differences"]
    assert set(ids) <= {d["id"] for d in _value(listed.content[0].text)}
