"""Gemini set-up errors through the real google-genai SDK, against the loopback stand-in."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from google.genai import types

from core.designers.base import DesignerError
from core.gemini.client import GeminiClient
from tests import gemini_stub as gs
from tests.conftest import GEMINI_CHAT, GEMINI_IMAGE, GEMINI_KEY, gemini_settings


@pytest.fixture
def stub() -> Iterator[gs.GeminiStub]:
    """A stand-in that knows only the configured chat and image models."""
    with gs.GeminiStub(known_models={GEMINI_CHAT, GEMINI_IMAGE}) as server:
        yield server


def _failure(stub: gs.GeminiStub, tmp_path: Path, call: str, model: str) -> str:
    """Run one SDK call for `model` and return the DesignerError's message."""
    client = GeminiClient(gemini_settings(tmp_path / "storage", stub.url))
    contents = [types.Content(role="user", parts=[types.Part(text="a ring")])]
    config = types.GenerateContentConfig()

    async def scenario() -> None:
        try:
            if call == "stream":
                async for _ in client.stream(model, contents, config):
                    pass
            else:
                await client.generate(model, contents, config)
        finally:
            await client.aclose()

    with pytest.raises(DesignerError) as caught:
        asyncio.run(scenario())
    return str(caught.value)


def test_an_unknown_chat_model_names_the_id_and_the_setting(
    stub: gs.GeminiStub, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        message = _failure(stub, tmp_path, "stream", "gemini-9-nonexistent")
    assert "'gemini-9-nonexistent'" in message
    assert "CHAT_MODEL=" in message and "IMAGE_MODEL" not in message
    assert "404 NOT_FOUND" in message
    assert GEMINI_KEY not in message and GEMINI_KEY not in caplog.text
    assert [r.model for r in stub.calls()] == ["gemini-9-nonexistent"], "a 404 is not retried"
    assert stub.calls()[0].headers["x-goog-api-key"] == GEMINI_KEY  # the SDK really sent it


def test_an_unknown_image_model_names_the_image_setting(
    stub: gs.GeminiStub, tmp_path: Path
) -> None:
    message = _failure(stub, tmp_path, "generate", "nano-banana-typo")
    assert "image model 'nano-banana-typo'" in message
    assert "IMAGE_MODEL=" in message and "CHAT_MODEL" not in message
    assert GEMINI_KEY not in message


def test_a_known_model_is_answered_normally(stub: gs.GeminiStub, tmp_path: Path) -> None:
    stub.script(GEMINI_IMAGE, gs.reply(gs.text("ok")))
    client = GeminiClient(gemini_settings(tmp_path / "storage", stub.url))
    contents = [types.Content(role="user", parts=[types.Part(text="a ring")])]

    async def scenario() -> types.GenerateContentResponse:
        try:
            return await client.generate(GEMINI_IMAGE, contents, types.GenerateContentConfig())
        finally:
            await client.aclose()

    assert asyncio.run(scenario()).text == "ok"
