"""The app in Gemini mode, through gradio_client, against the stand-in Gemini server."""

from __future__ import annotations

import io
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from PIL import Image

from tests import gemini_stub as gs
from tests.conftest import GEMINI_CHAT as CHAT
from tests.conftest import GEMINI_IMAGE as IMAGE
from tests.conftest import GEMINI_KEY as KEY
from tests.conftest import RunningApp


@pytest.fixture(scope="module")
def client(gemini_app: RunningApp) -> Client:
    return Client(gemini_app.url, verbose=False)


def test_chat_runs_the_function_calling_loop_and_returns_images(
    client: Client, gemini_stub: gs.GeminiStub
) -> None:
    call = gs.function_call(
        "generate_jewelry_design",
        {"properties": {"jewelry_type": "earrings", "gemstone": "pearl"}, "image_type": "3d"},
    )
    gemini_stub.script(CHAT, gs.streamed(gs.text("Drawing your pearl studs."), call))
    gemini_stub.script(IMAGE, gs.reply(gs.image(gs.png(900, 900))))
    gemini_stub.script(CHAT, gs.streamed(gs.text("Here they are, in 3D.")))
    conv = client.predict("", "", api_name="/create_conversation")

    result = client.predict(conv["id"], "pearl stud earrings, 3D please", api_name="/chat")

    assert result["assistant_message"]["content"].endswith("Here they are, in 3D.")
    image = result["generated_images"][0]
    assert image["image_type"] == "3d" and image["properties"]["gemstone"] == "pearl"
    assert Path(client.predict(image["id"], api_name="/get_image")).stat().st_size > 0
    assert Path(client.predict(image["id"], api_name="/get_model")).suffix == ".glb"
    assert result["assistant_message"]["metadata"]["designer"] == "gemini"


def test_a_failing_gemini_is_a_clear_error_and_keeps_the_message(
    client: Client, gemini_stub: gs.GeminiStub
) -> None:
    gemini_stub.script(CHAT, *[gs.error(503, "UNAVAILABLE", f"overloaded ({KEY})")] * 2)
    conv = client.predict("", "", api_name="/create_conversation")
    with pytest.raises(Exception) as info:
        client.predict(conv["id"], "a ruby ring", api_name="/chat")
    assert "Gemini" in str(info.value) and KEY not in str(info.value)
    messages = client.predict(conv["id"], api_name="/get_conversation")["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[0]["content"] == "a ruby ring" and KEY not in str(messages)


def test_the_key_is_not_in_the_page_or_config(gemini_app: RunningApp) -> None:
    for path in ("", "config", "gradio_api/info"):
        with urllib.request.urlopen(gemini_app.url + path) as response:
            assert KEY not in response.read().decode()


def test_a_reference_image_reaches_gemini_and_stays_in_the_conversation(
    client: Client, gemini_stub: gs.GeminiStub, tmp_path: Path
) -> None:
    sketch = tmp_path / "sketch.png"
    Image.new("RGB", (120, 90), "navy").save(sketch)
    draw = gs.function_call("generate_jewelry_design", {"properties": {"gemstone": "sapphire"}})
    gemini_stub.script(CHAT, gs.reply(draw))
    gemini_stub.script(IMAGE, gs.reply(gs.image(gs.png(300, 300))))
    gemini_stub.script(CHAT, gs.reply(gs.text("A sapphire ring after your sketch.")))
    conv = client.predict("", "", api_name="/create_conversation")
    asked = len(gemini_stub.calls())

    result = client.predict(
        conv["id"], "a ring like my sketch", [handle_file(str(sketch))], api_name="/chat"
    )

    (attachment,) = result["user_message"]["attachments"]
    chat_request, image_request = gemini_stub.calls()[asked : asked + 2]
    sent = Image.open(io.BytesIO(chat_request.inline_parts(-1)[0][1]))
    assert (sent.format, sent.size) == ("PNG", (120, 90))
    assert chat_request.texts()[-1] == "a ring like my sketch"
    engine_drawing, reference = image_request.inline_parts()
    assert reference == chat_request.inline_parts(-1)[0]  # the same picture, to the image model
    messages = client.predict(conv["id"], api_name="/get_conversation")["messages"]
    assert messages[0]["attachments"][0]["id"] == attachment["id"]
    assert result["assistant_message"]["content"] == "A sapphire ring after your sketch."
