"""The real studio on PostgreSQL: a chat turn that draws, then deleting it all."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from app import build_studio
from core.settings import Settings
from core.studio import Studio
from data.models import Conversation, GeneratedImage, Message
from tests.conftest import OWNER


def count_rows(studio: Studio, table: type) -> int:
    with studio.db.transaction() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_chat_turn_and_delete_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    studio = build_studio(Settings(storage_dir=tmp_path / "storage", database_url=postgres_url))
    try:
        assert studio.db.engine.dialect.name == "postgresql"
        conversation_id = studio.conversations.create(OWNER)["id"]
        result = asyncio.run(
            studio.turns.run(OWNER, conversation_id, "a silver pendant with a pearl")
        )

        stored = studio.conversations.get(OWNER, conversation_id)
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
        files = [p for p in studio.files.served_root.rglob("*") if p.is_file()]
        assert files and all(studio.designs.file(OWNER, i).exists() for i in image_ids)

        studio.conversations.delete(OWNER, conversation_id)
        assert [count_rows(studio, t) for t in (Conversation, Message, GeneratedImage)] == [0] * 3
        assert [p for p in studio.files.served_root.rglob("*") if p.is_file()] == []
    finally:
        asyncio.run(studio.aclose())
