"""The studio and the shared tool path, on real storage with the real engine."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from core.artists import OfflineArtist
from core.design_store import DesignStore
from core.drawing import DrawingPool
from core.engine import render_design
from core.errors import StudioError
from core.properties import DesignProperties, ImageType
from core.studio import Studio
from core.tools import ToolSession
from tests.conftest import OWNER


def files_in(studio: Studio) -> list[Path]:
    return [p for p in studio.files.served_root.rglob("*") if p.is_file()]


def session_for(studio: Studio, conversation_id: int | None) -> ToolSession:
    store = DesignStore(studio.db, studio.files, studio.quotas, OWNER, conversation_id)
    artist = OfflineArtist(DrawingPool(2))
    return ToolSession(artist=artist, sink=store, properties=DesignProperties())


def test_row_failure_removes_the_files_it_wrote(studio: Studio) -> None:
    store = DesignStore(studio.db, studio.files, studio.quotas, OWNER, 424242)  # no such one
    rendering = render_design(DesignProperties(), ImageType.THREE_D)
    with pytest.raises(IntegrityError):
        asyncio.run(
            store.save(
                rendering, image_type=ImageType.THREE_D, prompt="", properties=DesignProperties()
            )
        )
    assert files_in(studio) == []


def test_unknown_tool_and_bad_arguments_come_back_as_errors(studio: Studio) -> None:
    tools = session_for(studio, studio.conversations.create(OWNER)["id"])
    unknown = asyncio.run(tools.call("make_coffee", {}))
    assert unknown == {
        "error": "unknown tool 'make_coffee'; available: generate_jewelry_design, edit_design"
    }
    bad = asyncio.run(tools.call("generate_jewelry_design", {"count": 12, "properties": {}}))
    assert "count" in bad["error"] and "4" in bad["error"]
    bad_props = asyncio.run(tools.call("generate_jewelry_design", {"properties": {"metal": "tin"}}))
    assert "metal: 'tin' is not allowed" in bad_props["error"]
    assert [c.name for c in tools.calls] == ["make_coffee"] + ["generate_jewelry_design"] * 2
    assert tools.images == [] and files_in(studio) == []


def test_generate_then_edit_keeps_identity_and_records_calls(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    tools = session_for(studio, conversation_id)
    first = asyncio.run(tools.call("generate_jewelry_design", {
        "properties": {"jewelry_type": "pendant", "gemstone": "ruby"}, "count": 2}))  # fmt: skip
    ids = [image["image_id"] for image in first["images"]]
    assert len(set(ids)) == 2
    edited = asyncio.run(
        tools.call(
            "edit_design",
            {
                "image_id": ids[0],
                "instruction": "platinum please",
                "properties": {"metal": "platinum"},
            },
        )
    )
    assert edited["edited_from"] == ids[0]
    stored = studio.designs.get(OWNER, edited["images"][0]["image_id"])
    assert stored["properties"]["jewelry_type"] == "pendant"
    assert (
        stored["properties"]["gemstone"] == "ruby" and stored["properties"]["metal"] == "platinum"
    )


def test_edit_refuses_a_design_from_another_conversation(studio: Studio) -> None:
    other = asyncio.run(
        studio.designs.generate(OWNER, "", {}, studio.conversations.create(OWNER)["id"])
    )
    tools = session_for(studio, studio.conversations.create(OWNER)["id"])
    result = asyncio.run(tools.call("edit_design", {
        "image_id": other["images"][0]["id"], "instruction": "thinner"}))  # fmt: skip
    assert "no design with id" in result["error"]


def test_generate_with_bad_properties_writes_nothing(studio: Studio) -> None:
    with pytest.raises(StudioError, match="unknown property 'size'"):
        asyncio.run(studio.designs.generate(OWNER, "", {"size": 7}))
    assert files_in(studio) == []


def test_chat_keeps_user_message_when_designer_cannot_draw(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    result = asyncio.run(studio.turns.run(OWNER, conversation_id, "hello"))
    stored = studio.conversations.get(OWNER, conversation_id)
    assert [m["role"] for m in stored["messages"]] == ["user", "assistant"]
    assert stored["messages"][0]["content"] == "hello"
    assert result["assistant_message"]["content"]


def test_first_message_names_the_conversation(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    asyncio.run(studio.turns.run(OWNER, conversation_id, "a silver bracelet with amethysts"))
    assert (
        studio.conversations.get(OWNER, conversation_id)["title"]
        == "a silver bracelet with amethysts"
    )


def test_chat_builds_on_a_design_made_from_the_form(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    asyncio.run(studio.turns.run(OWNER, conversation_id, "a yellow gold ring with a ruby"))
    form = {"jewelry_type": "pendant", "metal": "white gold", "gemstone": "emerald"}
    asyncio.run(studio.designs.generate(OWNER, "from the form", form, conversation_id))
    reply = asyncio.run(studio.turns.run(OWNER, conversation_id, "make it platinum"))
    props = reply["generated_images"][0]["properties"]
    assert (props["jewelry_type"], props["gemstone"], props["metal"]) == (
        "pendant", "emerald", "platinum")  # fmt: skip
