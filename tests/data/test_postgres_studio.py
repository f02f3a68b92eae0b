"""The real studio on PostgreSQL: a chat turn that draws, then deleting it all."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from core.settings import Settings
from core.studio import Studio
from data.models import Conversation, GeneratedImage, Message


def count_rows(studio: Studio, table: type) -> int:
    with studio.db.transaction() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_chat_turn_and_delete_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    studio = Studio(Settings(storage_dir=tmp_path / "storage", database_url=postgres_url))
    try:
        assert studio.db.engine.dialect.name == "postgresql"
        conversation_id = studio.create_conversation()["id"]
        result = asyncio.run(studio.chat(conversation_id, "a silver pendant with a pearl"))

        stored = studio.get_conversation(conversation_id)
        assert stored["title"] == "a silver pendant with a pearl"
        assert [m["role"] for m in stored["messages"]] == ["user", "assistant"]
        assistant = stored["messages"][1]
        image_ids = [image["id"] for image in stored["images"]]
        assert image_ids and assistant["images"] == image_ids
        assert assistant["metadata"]["tool_calls"][0]["name"] == "generate_jewelry_design"
        assert [i["id"] for i in result["generated_images"]] == image_ids
        assert all(i["message_id"] == assistant["id"] for i in stored["images"])
        assert all(i["properties"]["metal"] == "silver" for i in stored["images"])
        assert stored["created_at"].endswith("+00:00")
        files = [p for p in studio.files.root.rglob("*") if p.is_file()]
        assert files and all(studio.image_file(i).exists() for i in image_ids)

        studio.delete_conversation(conversation_id)
        assert [count_rows(studio, t) for t in (Conversation, Message, GeneratedImage)] == [0] * 3
        assert [p for p in studio.files.root.rglob("*") if p.is_file()] == []
    finally:
        asyncio.run(studio.aclose())
