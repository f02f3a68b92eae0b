"""GEMINI_MAX_CALLS_PER_DAY: the server's Gemini calls are counted and capped, with a clear word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gradio_client import Client

from core.limits import Limits
from tests import gemini_stub as gs
from tests.clock import ManualClock
from tests.conftest import GEMINI_CHAT as CHAT
from tests.conftest import GEMINI_IMAGE as IMAGE
from tests.conftest import RunningApp, gemini_settings, launch_app


@pytest.fixture(scope="module")
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture(scope="module")
def capped_app(
    gemini_stub: gs.GeminiStub, tmp_path_factory: pytest.TempPathFactory, clock: ManualClock
) -> Iterator[RunningApp]:
    storage = tmp_path_factory.mktemp("gemini-cap") / "storage"
    settings = gemini_settings(
        storage, gemini_stub.url, gemini_timeout_s=5.0, turn_deadline_s=20.0,
        limits=Limits(gemini_calls_per_day=4),
    )  # fmt: skip
    app = launch_app(settings, clock=clock)
    yield app
    app.close()


def script_a_drawing_turn(stub: gs.GeminiStub) -> None:
    """Three calls: the chat asks to draw, the image model draws, the chat answers."""
    call = gs.function_call("generate_jewelry_design", {"properties": {"jewelry_type": "ring"}})
    stub.script(CHAT, gs.streamed(gs.text("Drawing."), call))
    stub.script(IMAGE, gs.reply(gs.image(gs.png(900, 900))))
    stub.script(CHAT, gs.streamed(gs.text("Here it is.")))


def test_calls_are_capped_for_the_whole_server(
    capped_app: RunningApp, gemini_stub: gs.GeminiStub, clock: ManualClock
) -> None:
    client = Client(capped_app.url, verbose=False)
    conversation = client.predict("", "", api_name="/create_conversation")["id"]
    script_a_drawing_turn(gemini_stub)
    first = client.predict(conversation, "a gold ring", api_name="/chat")
    assert first["generated_images"]  # three calls spent, one left

    call = gs.function_call("generate_jewelry_design", {"properties": {"metal": "platinum"}})
    gemini_stub.script(CHAT, gs.streamed(gs.text("Redrawing."), call))
    sent = len(gemini_stub.calls())
    with pytest.raises(Exception) as refused:
        client.predict(conversation, "now in platinum", api_name="/chat")
    # The fourth call (chat) went out; the fifth (image) was refused, and the turn says why.
    assert "The studio has used its 4 Gemini calls for today; try again in 24 h." in str(
        refused.value
    )
    assert len(gemini_stub.calls()) == sent + 1

    messages = client.predict(conversation, api_name="/get_conversation")["messages"]
    with pytest.raises(Exception, match="used its 4 Gemini calls for today"):
        client.predict(conversation, "and a pendant", api_name="/chat")
    after = client.predict(conversation, api_name="/get_conversation")["messages"]
    assert after == messages  # refused before anything was stored
    assert len(gemini_stub.calls()) == sent + 1  # and before Gemini was asked

    assert [m["role"] for m in messages[-2:]] == ["user", "assistant"]  # the turn's own note
    assert "used its 4 Gemini calls" in messages[-1]["content"]

    clock.advance(days=1)
    gemini_stub.script(CHAT, gs.streamed(gs.text("Happy to help again.")))
    answer = client.predict(conversation, "hello again", api_name="/chat")["assistant_message"]
    assert answer["content"] == "Happy to help again."
