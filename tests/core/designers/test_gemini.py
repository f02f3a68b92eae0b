"""The Gemini designer end to end: the real Studio and the real google-genai SDK, talking
over loopback to the stand-in Gemini server in tests/gemini_stub.py."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PIL import Image

from app import build_studio
from core.attachments import Upload, checked_images
from core.engine.api import render_design_at
from core.errors import StudioError
from core.gemini.images import REFERENCE_SCALE
from core.properties import DesignProperties, ImageType, merge_properties
from core.settings import Settings
from core.studio import Studio
from tests import gemini_stub as gs
from tests.conftest import GEMINI_CHAT as CHAT
from tests.conftest import GEMINI_IMAGE as IMAGE
from tests.conftest import OWNER, gemini_settings

KEY = "test-key-SECRET-0123456789"
SIGNATURE = b"\x00\x9fsigned-thought\xff"
T = TypeVar("T")


@pytest.fixture
def stub() -> Iterator[gs.GeminiStub]:
    with gs.GeminiStub() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path, stub: gs.GeminiStub) -> Settings:
    """Gemini settings pointing at the stub (overrides the offline conftest settings)."""
    return gemini_settings(
        tmp_path / "storage",
        stub.url,
        gemini_api_key=KEY,
        gemini_timeout_s=2.0,
        turn_deadline_s=10.0,
    )


@pytest.fixture
def studio_with(settings: Settings) -> Iterator[Callable[..., Studio]]:
    """Studios with changed settings (short timeouts, deadlines)."""
    made: list[Studio] = []

    def make(**changes: Any) -> Studio:
        made.append(build_studio(replace(settings, **changes)))
        return made[-1]

    yield make
    for studio in made:
        studio.db.dispose()


def run(studio: Studio, scenario: Callable[[], Awaitable[T]]) -> T:
    """Run a scenario in one event loop, closing the designer's client in the same loop."""

    async def main() -> T:
        try:
            return await scenario()
        finally:
            await studio.designer.aclose()

    return asyncio.run(main())


@dataclass
class Outcome:
    """What the user saw during a turn, and how it ended."""

    texts: list[tuple[float, str]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    text: str = ""
    error: str = ""
    images: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


async def turn(
    studio: Studio,
    conversation_id: int,
    message: str,
    references: Sequence[Any] = (),
    language: str = "",
) -> Outcome:
    outcome, start = Outcome(), time.monotonic()
    updates = studio.turns.stream(OWNER, conversation_id, message, language, references)
    async for update in updates:
        if update.status:
            outcome.statuses.append(update.status)
        if update.text and not update.done:
            outcome.texts.append((time.monotonic() - start, update.text))
        if update.done:
            outcome.text, outcome.error, outcome.images = update.text, update.error, update.images
    outcome.seconds = time.monotonic() - start
    return outcome


def chat_once(
    studio: Studio, message: str = "Một chiếc nhẫn vàng hồng", language: str = ""
) -> Outcome:
    conversation_id = studio.conversations.create(OWNER)["id"]
    return run(studio, lambda: turn(studio, conversation_id, message, language=language))


def stored(studio: Studio) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Path]]:
    """Messages and designs of the only conversation, and every stored file."""
    (conversation,) = studio.conversations.list(OWNER)
    full = studio.conversations.get(OWNER, conversation["id"])
    files = [p for p in studio.files.served_root.rglob("*") if p.is_file()]
    return full["messages"], full["images"], files


def parts_of(request: gs.Recorded) -> list[dict[str, Any]]:
    return [p for c in request.body["contents"] for p in c["parts"]]


def function_errors(request: gs.Recorded) -> list[str]:
    return [
        p["functionResponse"]["response"].get("error", "")
        for p in parts_of(request)
        if "functionResponse" in p
    ]


def jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, format="JPEG")
    return buffer.getvalue()


def draw_call(**args: Any) -> dict[str, Any]:
    return gs.function_call("generate_jewelry_design", args, signature=SIGNATURE, call_id="c1")


# ----- the happy paths ------------------------------------------------------------------


def test_design_turn_calls_the_tool_draws_stores_and_answers(
    studio: Studio, stub: gs.GeminiStub
) -> None:
    args = {"properties": {"metal": "rose gold"}, "count": 2, "prompt": "vine band"}
    stub.script(CHAT, gs.streamed(gs.text("Để tôi "), [gs.text("vẽ."), draw_call(**args)]))
    stub.script(
        IMAGE,
        gs.reply(gs.image(gs.png())),
        gs.reply(gs.image(jpeg(3000, 1200), "image/jpeg")),
    )
    stub.script(CHAT, gs.streamed(gs.text("Đây là "), gs.text("hai mẫu.")))

    outcome = chat_once(studio)

    assert outcome.error == "" and outcome.text == "Để tôi vẽ.\n\nĐây là hai mẫu."
    assert outcome.texts[0][1] == "Để tôi " and "Đang vẽ 2 mẫu…" in outcome.statuses
    messages, images, files = stored(studio)
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[1]["images"] == [i["id"] for i in images] and len(images) == 2
    assert {i["properties"]["metal"] for i in images} == {"rose gold"}
    for image in images:
        picture = Image.open(studio.files.local_path(image["image_path"]))
        assert picture.format == "PNG" and max(picture.size) <= 2048
    assert len(files) == 2
    meta = messages[1]["metadata"]
    stored_call = meta["gemini_contents"][0]["parts"][1]
    assert gs.decode_b64(stored_call["thought_signature"]) == SIGNATURE
    assert [c["name"] for c in meta["tool_calls"]] == ["generate_jewelry_design"]

    first, second = stub.calls(CHAT)
    assert first.streamed and first.function_names() == ["generate_jewelry_design", "edit_design"]
    assert first.body["toolConfig"]["functionCallingConfig"]["mode"] == "AUTO"
    assert "Vietnamese or English" in first.body["systemInstruction"]["parts"][0]["text"]
    call, answer = parts_of(second)[-2:]
    assert gs.decode_b64(call["thoughtSignature"]) == SIGNATURE
    assert call["functionCall"]["id"] == "c1"
    response = answer["functionResponse"]
    assert response["id"] == "c1"
    assert [i["image_id"] for i in response["response"]["images"]] == [i["id"] for i in images]
    for request in stub.calls(IMAGE):
        assert "rose gold" in request.texts()[0] and "vine band" in request.texts()[0]
        assert "IMAGE" in request.body["generationConfig"]["responseModalities"]
        assert request.body["generationConfig"]["imageConfig"]["aspectRatio"] == "4:3"


def test_status_lines_follow_the_screen_language(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(CHAT, gs.streamed(draw_call(count=1)), gs.streamed(gs.text("Here it is.")))
    stub.script(IMAGE, gs.reply(gs.image(gs.png())))
    outcome = chat_once(studio, "a rose gold ring", language="vi")
    assert outcome.error == "" and outcome.statuses == ["Đang vẽ mẫu của bạn…"]


def test_text_reaches_the_user_while_the_answer_is_still_streaming(
    studio: Studio, stub: gs.GeminiStub
) -> None:
    stub.script(
        CHAT, gs.streamed(gs.text("One "), gs.text("two "), gs.text("three"), chunk_delay=0.4)
    )
    outcome = chat_once(studio, "Count for me")
    (first_at, first_text), *_ = outcome.texts
    assert first_text == "One " and outcome.text == "One two three"
    assert outcome.seconds - first_at > 0.6


def test_second_turn_sends_history_and_edit_sends_the_earlier_image(
    studio: Studio, stub: gs.GeminiStub
) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    stub.script(CHAT, gs.reply(draw_call(properties={"gemstone": "ruby"})))
    stub.script(IMAGE, gs.reply(gs.image(gs.png(color="red"))))
    stub.script(CHAT, gs.reply(gs.text("A ruby ring.")))

    async def scenario() -> Outcome:
        await turn(studio, conversation_id, "A ruby ring please")
        first_id = studio.conversations.get(OWNER, conversation_id)["images"][0]["id"]
        edit = {"image_id": first_id, "instruction": "make it platinum"}
        edit["properties"] = {"metal": "platinum"}
        stub.script(CHAT, gs.reply(gs.function_call("edit_design", edit)))
        stub.script(IMAGE, gs.reply(gs.image(gs.png(color="silver"))))
        stub.script(CHAT, gs.reply(gs.text("Now in platinum.")))
        return await turn(studio, conversation_id, "Make it platinum")

    outcome = run(studio, scenario)

    assert outcome.error == "" and outcome.statuses[-1].startswith("Editing design #")
    _, images, _ = stored(studio)
    original, edited = images
    assert (
        edited["properties"]["metal"] == "platinum" and edited["properties"]["gemstone"] == "ruby"
    )
    history = stub.calls(CHAT)[2]
    roles = [c["role"] for c in history.body["contents"]]
    assert roles == ["user", "model", "user", "model", "user"]
    assert history.texts() == ["A ruby ring please", "A ruby ring.", "Make it platinum"]
    assert gs.decode_b64(parts_of(history)[1]["thoughtSignature"]) == SIGNATURE
    edit_request = stub.calls(IMAGE)[1]
    earlier_png = studio.files.local_path(original["image_path"]).read_bytes()
    assert edit_request.inline_images() == [earlier_png]
    assert "make it platinum" in edit_request.texts()[0]


def test_a_fresh_design_is_drawn_over_the_engines_drawing(
    studio: Studio, stub: gs.GeminiStub
) -> None:
    changes = {"gemstone": "emerald", "gem_shape": "pear", "setting": "halo"}
    stub.script(CHAT, gs.reply(draw_call(properties=changes, count=2, image_type="3d")))
    stub.script(IMAGE, gs.reply(gs.image(gs.png())), gs.reply(gs.image(gs.png())))
    stub.script(CHAT, gs.reply(gs.text("Two emerald halos.")))

    outcome = chat_once(studio, "Two pear emerald halo rings in 3D")

    assert outcome.error == "" and len(outcome.images) == 2
    properties = merge_properties(DesignProperties(), changes)
    drawings = [render_design_at(properties, ImageType.THREE_D, v, REFERENCE_SCALE) for v in (0, 1)]
    requests = sorted(stub.calls(IMAGE), key=lambda r: "This variation" in r.texts()[0])
    for request, drawing in zip(requests, drawings, strict=True):
        assert "inlineData" in parts_of(request)[0] and "text" in parts_of(request)[-1]
        # the engine's drawing goes first, and it is the only image of a fresh design
        assert request.inline_parts() == [("image/png", drawing.png)]
        (brief,) = request.texts()
        assert "keep its proportions, stone count and setting exactly as drawn" in brief
        assert "pear-cut emerald in a 4-prong setting, with halo accents" in brief
    assert f"This variation: {drawings[1].spec['variation']}." in requests[1].texts()[0]
    stored_specs = sorted((i["spec"] for i in outcome.images), key=lambda spec: spec["variant"])
    assert stored_specs == [drawing.spec for drawing in drawings]  # the render and spec agree


def test_reference_images_reach_the_chat_model_and_the_image_model(
    studio: Studio, stub: gs.GeminiStub
) -> None:
    sketch, photo = checked_images(
        [Upload("sketch.png", gs.png(40, 30, "navy")), Upload("photo.jpg", jpeg(50, 20))]
    )
    stub.script(CHAT, gs.reply(draw_call()))
    stub.script(IMAGE, gs.reply(gs.image(gs.png())))
    stub.script(CHAT, gs.reply(gs.text("Drawn after your sketch.")))
    stub.script(CHAT, gs.reply(gs.text("You are welcome.")))
    conversation_id = studio.conversations.create(OWNER)["id"]

    async def scenario() -> Outcome:
        await turn(studio, conversation_id, "like this sketch", [sketch, photo])
        return await turn(studio, conversation_id, "thanks")

    assert run(studio, scenario).text == "You are welcome."
    first, answered, later = stub.calls(CHAT)
    user_turn = [("image/png", sketch.data), ("image/jpeg", photo.data)]
    assert first.inline_parts(-1) == user_turn and first.texts()[-1] == "like this sketch"
    assert answered.inline_parts(0) == user_turn  # the turn's contents go on with them
    (image_request,) = stub.calls(IMAGE)
    engine_drawing, *references = image_request.inline_parts()
    assert engine_drawing[0] == "image/png" and references == user_turn
    assert "The next 2 images are the designer's own references" in image_request.texts()[0]
    assert later.inline_parts() == []  # sent once; later turns get a note naming them
    note = "[The designer attached reference images here: sketch.png, photo.jpg.]"
    assert later.texts()[0] == f"like this sketch\n{note}"


def test_3d_design_gets_the_engine_model(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(CHAT, gs.reply(draw_call(image_type="3d")))
    stub.script(IMAGE, gs.reply(gs.image(gs.png())))
    stub.script(CHAT, gs.reply(gs.text("A 3D view.")))
    outcome = chat_once(studio, "Show it in 3D")
    assert outcome.error == "" and len(outcome.images) == 1
    assert stub.calls(IMAGE)[0].body["generationConfig"]["imageConfig"]["aspectRatio"] == "1:1"
    assert "3D product render" in stub.calls(IMAGE)[0].texts()[0]
    (image,) = outcome.images
    assert image["has_model"] and image["spec"]["metal_weight_g"] > 0
    assert studio.designs.file(OWNER, image["id"], "glb").read_bytes()[:4] == b"glTF"
    assert studio.designs.file(OWNER, image["id"], "stl").stat().st_size > 0
    picture = Image.open(studio.files.local_path(image["image_path"]))
    assert picture.size == (64, 64)  # Gemini's picture is kept, not the engine's


# ----- failures ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "status", "words"),
    [(429, "RESOURCE_EXHAUSTED", "rate-limiting"), (503, "UNAVAILABLE", "server error (503")],
)
def test_api_errors_after_retries_keep_the_message_and_say_why(
    studio: Studio, stub: gs.GeminiStub, code: int, status: str, words: str
) -> None:
    stub.script(CHAT, gs.error(code, status), gs.error(code, status))
    conversation_id = studio.conversations.create(OWNER)["id"]
    with pytest.raises(StudioError, match=words.replace("(", r"\(")):
        run(studio, lambda: studio.turns.run(OWNER, conversation_id, "A ring"))
    assert len(stub.calls(CHAT)) == 2  # the first try and one retry
    messages, images, files = stored(studio)
    assert messages[0]["content"] == "A ring" and words in messages[1]["content"]
    assert images == [] and files == []


def test_a_hanging_call_times_out(studio_with: Callable[..., Studio], stub: gs.GeminiStub) -> None:
    studio = studio_with(gemini_timeout_s=0.5, gemini_retries=0)
    stub.script(CHAT, gs.reply(gs.text("late"), delay=30))
    outcome = chat_once(studio)
    assert "did not answer the chat request within 0.5 s" in outcome.error
    assert len(stub.calls(CHAT)) == 1 and not any("late" in text for _, text in outcome.texts)


def test_the_turn_deadline_ends_a_slow_stream(
    studio_with: Callable[..., Studio], stub: gs.GeminiStub
) -> None:
    studio = studio_with(turn_deadline_s=1.0, gemini_timeout_s=5.0)
    stub.script(CHAT, gs.streamed(gs.text("Starting. "), gs.text("never"), chunk_delay=30))
    outcome = chat_once(studio)
    assert outcome.texts[0][1] == "Starting. "
    assert "did not finish this answer within 1 s" in outcome.error
    assert not any("never" in text for _, text in outcome.texts)
    messages, _, _ = stored(studio)
    assert messages[1]["content"].startswith("Starting.")


def test_a_hung_turn_does_not_hold_up_other_designers(
    studio_with: Callable[..., Studio], stub: gs.GeminiStub
) -> None:
    studio = studio_with(turn_deadline_s=2.0)

    def answer(request: gs.Recorded) -> gs.Reply:
        hang = "hang" in request.texts()[-1]
        return gs.reply(gs.text("ok"), delay=30 if hang else 0.3)

    stub.on(CHAT, answer)
    ids = [studio.conversations.create(OWNER)["id"] for _ in range(5)]

    async def scenario() -> list[Outcome]:
        texts = ["hang"] + ["a ring"] * 4
        return await asyncio.gather(*(turn(studio, i, t) for i, t in zip(ids, texts, strict=True)))

    hung, *others = run(studio, scenario)
    assert "did not finish" in hung.error
    assert all(o.text == "ok" for o in others)
    # They overlapped with the hung turn and finished before its deadline ended it.
    assert max(o.seconds for o in others) < hung.seconds


def test_a_blocked_prompt_is_explained(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(CHAT, gs.blocked("PROHIBITED_CONTENT"))
    outcome = chat_once(studio)
    assert "declined this message (PROHIBITED_CONTENT)" in outcome.error


@pytest.mark.parametrize(
    ("image_reply", "words"),
    [
        (gs.finished("IMAGE_SAFETY"), "safety reasons (IMAGE_SAFETY)"),
        (gs.finished("NO_IMAGE"), "no image (NO_IMAGE)"),
        (gs.reply(gs.text("I can only describe rings.")), "text only"),
        (gs.reply(gs.image(b"\x89PNG\r\n\x1a\nbroken")), "not a readable image"),
        (gs.blocked("SAFETY"), "blocked (SAFETY)"),
    ],
    ids=["image-safety", "no-image", "text-only", "not-an-image", "blocked"],
)
def test_image_model_failures_go_back_to_the_model(
    studio: Studio, stub: gs.GeminiStub, image_reply: gs.Reply, words: str
) -> None:
    stub.script(CHAT, gs.reply(draw_call()))
    stub.script(IMAGE, image_reply)
    stub.script(CHAT, gs.reply(gs.text("Sorry, I could not draw that one.")))
    outcome = chat_once(studio)
    assert outcome.error == "" and outcome.text == "Sorry, I could not draw that one."
    (error,) = function_errors(stub.calls(CHAT)[1])
    assert words in error
    _, images, files = stored(studio)
    assert images == [] and files == []


def test_a_malformed_function_call_is_retried_once(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(CHAT, gs.finished("MALFORMED_FUNCTION_CALL"), gs.reply(gs.text("Which metal?")))
    outcome = chat_once(studio)
    assert outcome.error == "" and outcome.text == "Which metal?"


def test_malformed_function_calls_twice_end_the_turn(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(
        CHAT, gs.finished("MALFORMED_FUNCTION_CALL"), gs.finished("MALFORMED_FUNCTION_CALL")
    )
    outcome = chat_once(studio)
    assert "malformed tool call (MALFORMED_FUNCTION_CALL)" in outcome.error


def test_a_non_json_chat_body_is_a_clear_error(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(CHAT, gs.raw("<html>502 from some proxy</html>"))
    outcome = chat_once(studio)
    assert "chat response that is not valid JSON" in outcome.error


def test_a_non_json_image_body_stores_nothing(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(CHAT, gs.reply(draw_call()))
    stub.script(IMAGE, gs.raw("<html>oops</html>"))
    outcome = chat_once(studio)
    assert "image response that is not valid JSON" in outcome.error
    messages, images, files = stored(studio)
    assert images == [] and files == [] and len(messages) == 2


def test_bad_tool_arguments_go_back_and_never_run(studio: Studio, stub: gs.GeminiStub) -> None:
    bad = {"count": 12, "properties": {"metal": "tin"}, "conversation_id": 99}
    stub.script(CHAT, gs.reply(gs.function_call("generate_jewelry_design", bad)))
    stub.script(CHAT, gs.reply(gs.function_call("generate_jewelry_design", {"image_type": "4d"})))
    stub.script(CHAT, gs.reply(draw_call(properties={"metal": "silver"})))
    stub.script(IMAGE, gs.reply(gs.image(gs.png())))
    stub.script(CHAT, gs.reply(gs.text("A silver ring.")))
    outcome = chat_once(studio)
    assert outcome.error == "" and outcome.text == "A silver ring."
    (first_error,) = function_errors(stub.calls(CHAT)[1])
    assert "count" in first_error and "conversation_id" in first_error
    assert "image_type" in function_errors(stub.calls(CHAT)[2])[-1]
    _, images, _ = stored(studio)
    assert len(stub.calls(IMAGE)) == 1 and [i["properties"]["metal"] for i in images] == ["silver"]


def test_an_unknown_tool_goes_back_to_the_model(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.script(CHAT, gs.reply(gs.function_call("delete_all_users", {"user_id": "someone"})))
    stub.script(CHAT, gs.reply(gs.text("I can only design jewelry.")))
    outcome = chat_once(studio)
    assert outcome.text == "I can only design jewelry."
    assert function_errors(stub.calls(CHAT)[1])[0].startswith("unknown tool 'delete_all_users'")


def test_function_calling_rounds_are_bounded(studio: Studio, stub: gs.GeminiStub) -> None:
    stub.on(CHAT, lambda request: gs.reply(gs.function_call("make_coffee", {})))
    outcome = chat_once(studio)
    requests = stub.calls(CHAT)
    assert len(requests) == 6 and outcome.error == ""
    assert requests[-1].body["toolConfig"]["functionCallingConfig"]["mode"] == "NONE"


def test_the_key_never_leaks(
    studio: Studio, stub: gs.GeminiStub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = f"quota exceeded for key {KEY}"  # a server that echoes the key; the SDK logs retries
    stub.script(CHAT, gs.error(429, "RESOURCE_EXHAUSTED", echo), gs.reply(draw_call()))
    stub.script(IMAGE, gs.reply(gs.image(gs.png())))
    stub.script(CHAT, gs.reply(gs.text("Done.")))
    stub.script(CHAT, gs.error(400, "INVALID_ARGUMENT", f"API key {KEY} not valid"))
    conversation_id = studio.conversations.create(OWNER)["id"]

    async def scenario() -> Outcome:
        await turn(studio, conversation_id, "A ring")
        return await turn(studio, conversation_id, "Another")

    outcome = run(studio, scenario)
    assert "INVALID_ARGUMENT" in outcome.error and "[redacted]" in outcome.error
    assert "quota exceeded for key [redacted]" in caplog.text  # the retry was logged, redacted
    assert KEY not in outcome.error and KEY not in caplog.text and KEY not in repr(studio.settings)
    assert KEY not in json.dumps(studio.conversations.get(OWNER, conversation_id))
    for request in stub.calls():
        assert request.headers["x-goog-api-key"] == KEY
        assert KEY not in request.query and KEY.encode() not in request.raw


@pytest.mark.skipif(
    not os.environ.get("GEMINI_API_KEY") or bool(os.environ.get("GEMINI_BASE_URL")),
    reason="live smoke test: needs a real GEMINI_API_KEY and no GEMINI_BASE_URL",
)
def test_live_gemini_smoke(tmp_path: Path) -> None:
    live = Settings.from_env({**os.environ, "STORAGE_DIR": str(tmp_path / "storage")})
    studio = build_studio(live)
    try:
        conversation_id = studio.conversations.create(OWNER)["id"]
        message = "Draw one simple 18K yellow gold solitaire ring with a round diamond, 2D."
        outcome = run(studio, lambda: turn(studio, conversation_id, message))
        assert outcome.error == "" and (outcome.text or outcome.images)
    finally:
        studio.db.dispose()
