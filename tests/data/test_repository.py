"""The repository on a real file-backed SQLite, and on PostgreSQL when TEST_POSTGRES_URL is set."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from data import repository as repo
from data.db import Database
from data.models import Conversation, GeneratedImage, utcnow


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
            conversation_id=conv.id, owner="u", image_type="3d", image_path="c1/a.png",
            model_path="c1/a.glb", stl_path="c1/a.stl"))  # fmt: skip
    with db.transaction() as s:
        paths = repo.delete_conversation(session=s, conversation=conv)
    assert sorted(paths) == ["c1/a.glb", "c1/a.png", "c1/a.stl"]
    with db.transaction() as s:
        assert repo.list_messages(session=s, conversation_id=conv.id) == []
        assert repo.list_images(session=s, conversation_id=conv.id) == []


def test_foreign_key_refuses_message_for_missing_conversation(db: Database) -> None:
    with pytest.raises(IntegrityError, match="(?i)foreign key"), db.transaction() as s:
        repo.create_message(session=s, conversation_id=999, role="user", content="x")


def test_database_cascades_and_nulls_on_delete(db: Database) -> None:
    """The ON DELETE rules hold in the database itself, not only in delete_conversation."""
    with db.transaction() as s:
        gone, kept = (repo.create_conversation(session=s, user_id="u") for _ in range(2))
        answer = repo.create_message(
            session=s, conversation_id=kept.id, role="assistant", content=""
        )
        for conversation in (gone, kept):
            repo.create_message(session=s, conversation_id=conversation.id, role="user", content="")
            design = GeneratedImage(
                conversation_id=conversation.id,
                message_id=answer.id,
                owner="u",
                image_type="2d",
                image_path="x.png",
            )
            repo.create_image(session=s, image=design)
    with db.transaction() as s:
        s.connection().execute(text("DELETE FROM conversation WHERE id = :id"), {"id": gone.id})
        s.connection().execute(text("DELETE FROM message WHERE id = :id"), {"id": answer.id})
    with db.transaction() as s:
        assert repo.list_messages(session=s, conversation_id=gone.id) == []
        assert repo.list_images(session=s, conversation_id=gone.id) == []
        kept_designs = repo.list_images(session=s, conversation_id=kept.id)
    assert [design.message_id for design in kept_designs] == [None]


def test_json_columns_round_trip_nested_values(db: Database) -> None:
    meta = {"tool_calls": [{"name": "t", "args": {"count": 2, "ok": True, "x": None}}], "é": "ü"}
    spec = {"ring_size": 7.5, "stones": [{"cut": "round", "ct": 0.25}]}
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u")
        repo.create_message(
            session=s, conversation_id=conv.id, role="assistant", content="", meta=meta
        )
        design = GeneratedImage(
            conversation_id=conv.id,
            owner="u",
            image_type="3d",
            image_path="a.png",
            properties={"metal": "gold"},
            spec=spec,
        )
        repo.create_image(session=s, image=design)
    with db.transaction() as s:
        assert repo.list_messages(session=s, conversation_id=conv.id)[0].meta == meta
        stored = repo.get_image(session=s, image_id=design.id, owner="u")
        assert repo.get_image(session=s, image_id=design.id, owner="someone else") is None
    assert (stored.properties, stored.spec) == ({"metal": "gold"}, spec)


def test_timestamps_come_back_aware_utc_and_in_order(db: Database) -> None:
    """Stored as UTC whatever zone they were given in, read back as aware UTC (+00:00)."""
    base = utcnow().replace(microsecond=123456)
    moments = {
        "old": base,
        "newest": (base + timedelta(hours=1)).astimezone(ZoneInfo("Asia/Ho_Chi_Minh")),
        "oldest": (base - timedelta(hours=1)).astimezone(ZoneInfo("America/New_York")),
    }
    with db.transaction() as s:
        for title, moment in moments.items():
            s.add(Conversation(user_id="u", title=title, created_at=moment, updated_at=moment))
    with db.transaction() as s:
        listed = repo.list_conversations(session=s, user_id="u")
    assert [c.title for c in listed] == ["newest", "old", "oldest"]
    assert [c.created_at for c in listed] == [moments[c.title] for c in listed]
    assert all(c.updated_at.tzinfo == UTC for c in listed)
    assert listed[0].updated_at.isoformat() == (base + timedelta(hours=1)).isoformat()
    assert listed[1].created_at.isoformat().endswith(".123456+00:00")


def run_at_once(work: Callable[[int], None], n: int = 16) -> None:
    """Run work(0..n-1) in n threads and re-raise the first failure."""
    errors: list[BaseException] = []

    def guarded(i: int) -> None:
        try:
            work(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def test_concurrent_read_modify_write_loses_no_update(db: Database) -> None:
    """Messages read for_update are locked (SQLite: BEGIN IMMEDIATE): 16 appends keep all items."""
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u")
        message = repo.create_message(
            session=s, conversation_id=conv.id, role="assistant", content=""
        )

    def append(n: int) -> None:
        with db.transaction() as s:
            row = repo.list_messages(session=s, conversation_id=conv.id, for_update=True)[0]
            row.images = [*row.images, n]
            s.add(row)

    run_at_once(append)
    with db.transaction() as s:
        stored = repo.list_messages(session=s, conversation_id=conv.id)[0]
    assert stored.id == message.id
    assert sorted(stored.images) == list(range(16))


def test_concurrent_conversation_edits_lose_no_update(db: Database) -> None:
    """A conversation read for_update stays locked until commit: every edit builds on the last."""
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u", title="t")

    def add_tag(n: int) -> None:
        with db.transaction() as s:
            found = repo.get_conversation(
                session=s, conversation_id=conv.id, user_id="u", for_update=True
            )
            description = f"{found.description}{n},"
            repo.update_conversation(
                session=s, conversation=found, title="t", description=description
            )

    run_at_once(add_tag)
    with db.transaction() as s:
        stored = repo.get_conversation(session=s, conversation_id=conv.id, user_id="u")
    assert sorted(int(n) for n in stored.description.rstrip(",").split(",")) == list(range(16))


def delete_by_id(db: Database, conversation_id: int) -> list[str]:
    with db.transaction() as s:
        found = repo.get_conversation(session=s, conversation_id=conversation_id, user_id="u")
        return repo.delete_conversation(session=s, conversation=found)


def test_delete_waits_for_a_design_being_saved_and_returns_its_files(db: Database) -> None:
    """A design committed while its conversation is deleted goes with its files, not orphaned."""
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u")
    saved, release, deleted = threading.Event(), threading.Event(), []

    def save_or_delete(i: int) -> None:
        if i == 1:
            saved.wait(timeout=10)
            deleted.extend(delete_by_id(db, conv.id))
            return
        with db.transaction() as s:
            design = GeneratedImage(
                conversation_id=conv.id, owner="u", image_type="2d", image_path="late.png"
            )
            repo.create_image(session=s, image=design)
            saved.set()
            release.wait(timeout=10)

    timer = threading.Timer(0.5, release.set)  # time for the delete to reach the row lock
    timer.start()
    run_at_once(save_or_delete, n=2)
    timer.join()
    assert deleted == ["late.png"]


def test_deleting_a_deleted_conversation_returns_no_files(db: Database) -> None:
    with db.transaction() as s:
        conv = repo.create_conversation(session=s, user_id="u")
    with db.transaction() as s:
        stale = repo.get_conversation(session=s, conversation_id=conv.id, user_id="u")
    delete_by_id(db, conv.id)
    with db.transaction() as s:
        assert repo.delete_conversation(session=s, conversation=stale) == []
