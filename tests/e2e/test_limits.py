"""Limits through gradio_client: hit with a clear message, nothing stored, free again later."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client
from sqlmodel import select

from core.limits import Limits
from core.settings import Settings
from data.models import Conversation, GeneratedImage, Message
from tests.clock import ManualClock
from tests.conftest import RunningApp, launch_app, launch_with_accounts, signed_in

RING = {"jewelry_type": "ring", "metal": "rose gold", "gemstone": "diamond", "carat": 0.5}


@pytest.fixture(scope="module")
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture(scope="module")
def limited_app(
    tmp_path_factory: pytest.TempPathFactory, clock: ManualClock
) -> Iterator[RunningApp]:
    settings = Settings(
        storage_dir=tmp_path_factory.mktemp("limits") / "storage",
        limits=Limits(turns_per_minute=2, designs_per_day=3),
    )
    app = launch_with_accounts(settings, clock=clock)
    yield app
    app.close()


def refusal(client: Client, *args: Any, api_name: str) -> str:
    with pytest.raises(Exception) as info:
        client.predict(*args, api_name=api_name)
    return str(info.value)


def stored(app: RunningApp, owner: str) -> tuple[int, int, int]:
    """(conversations, messages, designs) the owner has in the database."""
    with app.studio.db.transaction() as session:
        conversations = session.exec(select(Conversation).where(Conversation.user_id == owner))
        ids = [c.id for c in conversations]
        messages = session.exec(select(Message).where(Message.conversation_id.in_(ids))).all()
        designs = session.exec(select(GeneratedImage).where(GeneratedImage.owner == owner)).all()
        return len(ids), len(messages), len(designs)


def files(app: RunningApp) -> set[Path]:
    return {p for p in app.settings.files_dir.rglob("*") if p.is_file()}


def test_turns_a_minute_and_designs_a_day(limited_app: RunningApp, clock: ManualClock) -> None:
    lan, hoa = signed_in(limited_app, "lan"), signed_in(limited_app, "hoa")
    conversation = lan.predict("", "", api_name="/create_conversation")["id"]
    for text in ("a rose gold ring with a diamond", "make it platinum"):
        assert lan.predict(conversation, text, api_name="/chat")["generated_images"]
    clock.advance(seconds=26)
    before, files_before = stored(limited_app, "lan"), files(limited_app)

    message = refusal(lan, conversation, "make it yellow gold", api_name="/chat")
    assert "You have reached 2 turns a minute; try again in 34 s." in message
    message = refusal(lan, "", RING, None, 1, api_name="/generate_2d")  # the form counts too
    assert "You have reached 2 turns a minute" in message
    assert stored(limited_app, "lan") == before and files(limited_app) == files_before
    assert hoa.predict("", RING, None, 1, api_name="/generate_2d")["success"]  # not held back

    clock.advance(seconds=35)  # the first turn left the minute
    lan.predict(conversation, "make it yellow gold", api_name="/chat")
    clock.advance(seconds=61)
    before, files_before = stored(limited_app, "lan"), files(limited_app)
    message = refusal(lan, "", RING, conversation, 1, api_name="/generate_3d")
    assert "You have reached 3 designs a day; try again in 23 h 58 min." in message
    message = refusal(lan, conversation, "and a matching pendant", api_name="/chat")
    assert "You have reached 3 designs a day" in message
    assert stored(limited_app, "lan") == before and files(limited_app) == files_before

    clock.advance(days=1)
    assert lan.predict("", RING, conversation, 1, api_name="/generate_3d")["success"]


@pytest.fixture(scope="module")
def local_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """STUDIO_AUTH=none, with one limit set (so it applies) and a 1 MB upload cap."""
    settings = Settings(
        storage_dir=tmp_path_factory.mktemp("local") / "storage",
        limits=Limits(storage_mb=0.01),
        max_upload_mb=1,
    )
    app = launch_app(settings)
    yield app
    app.close()


def test_storage_full_stores_nothing(local_app: RunningApp) -> None:
    client = Client(local_app.url, verbose=False)
    conversation = client.predict("", "", api_name="/create_conversation")["id"]
    message = refusal(client, "", RING, conversation, 1, api_name="/generate_2d")
    assert "does not fit in your 0.01 MB of storage (0.0 MB used)" in message
    assert "delete some conversations to free space" in message
    assert client.predict(conversation, api_name="/get_conversation")["images"] == []
    assert files(local_app) == set()  # the files written before the check went again


def test_oversize_upload_is_refused(local_app: RunningApp) -> None:
    upload = local_app.url + "gradio_api/upload"
    small = httpx.post(upload, files={"files": ("sketch.png", b"\x89PNG" + b"0" * 1000)})
    assert small.status_code == 200 and len(small.json()) == 1
    big = httpx.post(upload, files={"files": ("scan.png", b"0" * (1024 * 1024 + 1))})
    assert big.status_code == 413 and "maximum allowed size" in big.text
