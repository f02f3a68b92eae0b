"""Refusals: the API's English words stay, and each has its Vietnamese wording."""

from __future__ import annotations

import string

import pytest

from core.errors import WORDING, Refusal, StudioError
from core.studio import Studio
from tests.conftest import OWNER


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_refusal_is_worded_in_both_languages_with_the_same_values() -> None:
    assert set(WORDING) == set(Refusal)
    for reason, (english, vietnamese) in WORDING.items():
        assert english and vietnamese and english != vietnamese, reason
        assert _fields(english) == _fields(vietnamese), reason


def test_a_refusal_speaks_english_to_the_api_and_vietnamese_on_request(studio: Studio) -> None:
    with pytest.raises(StudioError) as caught:
        studio.conversations.get(OWNER, 987)
    assert str(caught.value) == "no conversation with id 987"
    assert caught.value.text("en") == "no conversation with id 987"
    assert caught.value.text("vi") == "Không có cuộc trò chuyện nào mang mã 987."
    with pytest.raises(StudioError) as caught:
        studio.turns.stream(OWNER, None, "x" * 4001)
    assert caught.value.text("vi") == "Tin nhắn quá dài (4001 ký tự; tối đa 4000)."


def test_plain_text_errors_read_the_same_in_every_language() -> None:
    error = StudioError("the image model is busy")
    assert error.reason is None and error.text("vi") == "the image model is busy"
