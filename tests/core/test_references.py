"""Reference images through a real chat turn: stored clean with their message, shown, deleted."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from PIL import Image

from core.attachments import Upload, checked_images, load_references
from core.errors import StudioError
from core.studio import Studio
from tests.conftest import OWNER

GPS = 0x8825


def photo(name: str, color: str = "teal", gps: bool = True) -> Upload:
    image = Image.new("RGB", (120, 80), color)
    exif = Image.Exif()
    if gps:
        exif[GPS] = {1: "N", 2: (10.0, 46.0, 30.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return Upload(name, buffer.getvalue())


def files_in(studio: Studio) -> list[Path]:
    return [p for p in studio.files.served_root.rglob("*") if p.is_file()]


def test_images_are_stored_with_the_users_message_without_metadata(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    references = checked_images([photo("ring.jpg"), photo("sketch.jpg", "navy")])
    result = asyncio.run(
        studio.turns.run(
            OWNER, conversation_id, "a rose gold ring like these", references=references
        )
    )
    attachments = result["user_message"]["attachments"]
    assert [a["name"] for a in attachments] == ["ring.jpg", "sketch.jpg"]
    assert all(a["mime_type"] == "image/jpeg" and (a["width"], a["height"]) == (120, 80)
               for a in attachments)  # fmt: skip
    for attachment, reference in zip(attachments, references, strict=True):
        stored = studio.files.local_path(attachment["image_path"])
        assert stored.read_bytes() == reference.data
        assert Image.open(stored).getexif().get_ifd(GPS) == {}
    reply = result["assistant_message"]["content"]
    assert reply.startswith("I can see the 2 reference images you attached, but as the offline "
                            "designer I read only the text")  # fmt: skip
    assert len(result["generated_images"]) == 1  # the words were still read and drawn
    again = studio.conversations.get(OWNER, conversation_id)
    assert again["messages"][0]["attachments"] == attachments
    assert again["messages"][1]["attachments"] == []


def test_vietnamese_images_only_gets_a_plain_answer_and_a_request_for_words(
    studio: Studio,
) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    asyncio.run(studio.turns.run(OWNER, conversation_id, "xin chào"))
    (reference,) = checked_images([photo("mẫu.jpg")])
    result = asyncio.run(studio.turns.run(OWNER, conversation_id, "  ", references=[reference]))
    assert result["user_message"]["content"] == ""
    text = result["assistant_message"]["content"]
    assert text.startswith("Mình đã nhận ảnh tham khảo bạn gửi kèm, nhưng trình thiết kế "
                           "ngoại tuyến chỉ đọc phần chữ")  # fmt: skip
    assert "Bạn mô tả giúp mình" in text and result["generated_images"] == []


def test_a_new_conversation_is_titled_by_its_images_when_there_are_no_words(
    studio: Studio,
) -> None:
    references = checked_images([photo("bangle.jpg")])
    updates = studio.turns.stream(OWNER, None, "", references=references)

    async def last() -> int:
        async for update in updates:
            conversation_id = update.conversation_id
        return conversation_id

    conversation_id = asyncio.run(last())
    assert studio.conversations.get(OWNER, conversation_id)["title"] == "bangle.jpg"


def test_bad_input_stores_nothing(studio: Studio, tmp_path: Path) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    with pytest.raises(StudioError, match="message must not be empty"):
        studio.turns.stream(OWNER, conversation_id, " ")
    text_file = tmp_path / "drawing.png"
    text_file.write_text("not a picture")
    with pytest.raises(StudioError, match="drawing.png is not a PNG, JPEG or WebP image"):
        load_references([text_file], 10)
    five = checked_images([photo("a.jpg")]) * 5
    with pytest.raises(StudioError, match="at most 4 reference images"):
        studio.turns.stream(OWNER, conversation_id, "ring", references=five)
    with pytest.raises(StudioError, match="no conversation with id"):
        studio.turns.stream("someone else", conversation_id, "ring", references=five[:1])
    assert studio.conversations.get(OWNER, conversation_id)["messages"] == []
    assert files_in(studio) == []


def test_a_failed_row_removes_the_written_images(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    references = checked_images([photo("a.jpg")])
    turn = studio.turns.stream(OWNER, conversation_id, "ring", references=references)
    studio.conversations.delete(OWNER, conversation_id)  # gone before the turn stores anything

    async def run() -> None:
        async for _ in turn:
            pass

    with pytest.raises(StudioError, match="no conversation with id"):
        asyncio.run(run())
    assert files_in(studio) == []


def test_deleting_the_conversation_removes_its_reference_files(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    references = checked_images([photo("a.jpg"), photo("b.jpg")])
    asyncio.run(studio.turns.run(OWNER, conversation_id, "a silver ring", references=references))
    assert len(files_in(studio)) == 3  # two references and one design
    studio.conversations.delete(OWNER, conversation_id)
    assert files_in(studio) == []
