"""A turn costs the same at any length: it reads a window of history and the kept properties."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from core.drawing import DrawingPool
from core.errors import StudioError
from core.studio import Studio, Window
from core.turns import HISTORY_WINDOW
from data import repository as repo
from data.models import Conversation, GeneratedImage, Message
from tests.conftest import OWNER


@contextmanager
def rows_loaded() -> Iterator[dict[str, int]]:
    """Count the message and design rows the ORM loads inside the block."""
    counts = {"message": 0, "generated_image": 0}

    def loaded(target: object, _context: object) -> None:
        counts[type(target).__tablename__] += 1

    for model in (Message, GeneratedImage):
        event.listen(model, "load", loaded)
    try:
        yield counts
    finally:
        for model in (Message, GeneratedImage):
            event.remove(model, "load", loaded)


def add_notes(studio: Studio, conversation_id: int, count: int) -> None:
    with studio.db.transaction() as session:
        for n in range(count):
            role = "user" if n % 2 == 0 else "assistant"
            repo.create_message(
                session=session, conversation_id=conversation_id, role=role, content=f"note {n}"
            )


def test_a_turn_reads_a_window_not_the_whole_conversation(studio: Studio) -> None:
    conv = studio.conversations.create(OWNER, "long")["id"]
    asyncio.run(studio.turns.run(OWNER, conv, "a rose gold ring with a ruby"))
    add_notes(studio, conv, 300)
    with rows_loaded() as counts:
        result = asyncio.run(studio.turns.run(OWNER, conv, "make it platinum"))
    assert result["generated_images"], result["assistant_message"]["content"]
    assert counts["message"] <= HISTORY_WINDOW + 2  # the window, plus the two it stores
    assert counts["generated_image"] <= 4  # its own new designs, none of the earlier ones


def test_properties_are_kept_on_the_conversation(studio: Studio) -> None:
    conv = studio.conversations.create(OWNER, "props")["id"]
    turn = asyncio.run(studio.turns.run(OWNER, conv, "a rose gold ring with a ruby"))
    stored = turn["assistant_message"]["metadata"]["properties"]
    assert studio.conversations.current_properties(OWNER, conv).to_dict() == stored
    asyncio.run(studio.designs.generate(OWNER, "", {"metal": "platinum"}, conv))
    with studio.db.transaction() as session:
        row = session.get(Conversation, conv)
    assert row.properties["metal"] == "platinum"
    # The next turn builds on the form's design, read from the conversation alone.
    with rows_loaded() as counts:
        asyncio.run(studio.turns.run(OWNER, conv, "make it 3 carats"))
    assert counts["generated_image"] <= 4
    current = studio.conversations.current_properties(OWNER, conv)
    assert (current.metal.value, current.carat) == ("platinum", 3.0)


def test_the_view_shows_a_window_and_says_when_there_is_more(studio: Studio) -> None:
    conv = studio.conversations.create(OWNER, "view")["id"]
    add_notes(studio, conv, 120)
    first = studio.view(OWNER, conv)
    assert [m["content"] for m in first.conversation["messages"]][::49] == ["note 70", "note 119"]
    assert first.earlier_messages and not first.earlier_designs
    wider = studio.view(OWNER, conv, first.window.more_messages().more_messages())
    assert len(wider.conversation["messages"]) == 120 and not wider.earlier_messages
    assert wider.conversation["messages"][0]["content"] == "note 0"
    assert wider.window == Window(150, first.window.designs)


def test_another_owners_conversation_pages_like_a_missing_one(studio: Studio) -> None:
    conv = studio.conversations.create(OWNER, "mine")["id"]
    with pytest.raises(StudioError, match=f"^no conversation with id {conv}$"):
        studio.conversations.get("someone-else", conv, limit=10)
    with pytest.raises(StudioError, match=f"^no conversation with id {conv}$"):
        studio.conversations.designs("someone-else", conv, 10)


def test_the_drawing_pool_runs_at_most_its_workers_at_once() -> None:
    pool, lock = DrawingPool(2), threading.Lock()
    running, most, release = [0], [0], threading.Event()

    def draw() -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        release.wait(timeout=10)
        with lock:
            running[0] -= 1

    async def main() -> None:
        tasks = [asyncio.create_task(pool.run("engine", draw)) for _ in range(6)]
        while most[0] < 2:  # two have started; give the others every chance to start too
            await asyncio.sleep(0.01)
        for _ in range(20):
            await asyncio.sleep(0)
        release.set()
        await asyncio.gather(*tasks)

    asyncio.run(main())
    assert most[0] == 2 and running[0] == 0
