"""The repository on a real, file-backed SQLite."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from data import repository as repo
from data.db import Database
from data.models import GeneratedImage


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'test.db'}")
    database.create_all()
    yield database
    database.dispose()


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_conversations_listed_most_recently_updated_first(db: Database) -> None:
    with db.transaction() as s:
        first = repo.create_conversation(session=s, user_id="u", title="first")
        repo.create_conversation(session=s, user_id="u", title="second")
        repo.create_conversation(session=s, user_id="other", title="not mine")
    with db.transaction() as s:
        repo.touch_conversation(session=s, conversation=repo.get_conversation(
            session=s, conversation_id=first.id, user_id="u"))  # fmt: skip
    with db.transaction() as s:
        titles = [c.title for c in repo.list_conversations(session=s, user_id="u")]
    assert titles == ["first", "second"]


def test_other_users_conversation_is_not_found(db: Database) -> None:
    with db.transaction() as s:
        mine = repo.create_conversation(session=s, user_id="u")
    with db.transaction() as s:
        assert repo.get_conversation(session=s, conversation_id=mine.id, user_id="x") is None


def test_messages_keep_order_images_and_metadata(db: Database) -> None:
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u")
        repo.create_message(session=s, conversation_id=conv.id, role="user", content="hi")
        repo.create_message(
            session=s, conversation_id=conv.id, role="assistant", content="hello",
            images=[3, 4], meta={"tool_calls": [{"name": "t"}]},
        )  # fmt: skip
    with db.transaction() as s:
        messages = repo.list_messages(session=s, conversation_id=conv.id)
    assert [(m.role, m.content) for m in messages] == [("user", "hi"), ("assistant", "hello")]
    assert messages[1].images == [3, 4]
    assert messages[1].meta == {"tool_calls": [{"name": "t"}]}


def test_delete_conversation_removes_messages_images_and_returns_files(db: Database) -> None:
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u")
        repo.create_message(session=s, conversation_id=conv.id, role="user", content="hi")
        repo.create_image(session=s, image=GeneratedImage(
            conversation_id=conv.id, image_type="3d", image_path="c1/a.png",
            model_path="c1/a.glb", stl_path="c1/a.stl"))  # fmt: skip
    with db.transaction() as s:
        paths = repo.delete_conversation(session=s, conversation=conv)
    assert sorted(paths) == ["c1/a.glb", "c1/a.png", "c1/a.stl"]
    with db.transaction() as s:
        assert repo.list_messages(session=s, conversation_id=conv.id) == []
        assert repo.list_images(session=s, conversation_id=conv.id) == []


def test_foreign_key_refuses_message_for_missing_conversation(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as s:
        repo.create_message(session=s, conversation_id=999, role="user", content="x")


def test_concurrent_read_modify_write_loses_no_update(db: Database) -> None:
    """BEGIN IMMEDIATE serialises writers: N threads appending to one JSON list keep all items."""
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u")
        message = repo.create_message(
            session=s, conversation_id=conv.id, role="assistant", content=""
        )

    def append(n: int) -> None:
        with db.transaction() as s:
            row = repo.list_messages(session=s, conversation_id=conv.id)[0]
            row.images = [*row.images, n]
            s.add(row)

    threads = [threading.Thread(target=append, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.transaction() as s:
        stored = repo.list_messages(session=s, conversation_id=conv.id)[0]
    assert stored.id == message.id
    assert sorted(stored.images) == list(range(16))
