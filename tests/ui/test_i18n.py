"""The language tables and the choice of language."""

from __future__ import annotations

import string

import pytest

from core.parser import parse_request
from core.properties import DesignProperties
from ui.i18n import EXAMPLES, TABLES, choices, choose_language, t
from ui.views import SPEC_KEYS


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_word_with_the_same_blanks() -> None:
    english, vietnamese = TABLES["en"], TABLES["vi"]
    assert set(english) == set(vietnamese)
    for key, text in english.items():
        assert vietnamese[key].strip(), key
        assert _fields(text) == _fields(vietnamese[key]), key


def test_every_property_and_spec_line_has_a_label() -> None:
    for lang in TABLES:
        for name in DesignProperties.model_fields:
            assert t(lang, f"field.{name}")
        for key in SPEC_KEYS:
            assert t(lang, f"spec.{key}")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_examples_are_requests_the_offline_designer_can_draw(lang: str) -> None:
    assert len(EXAMPLES[lang]) == len(EXAMPLES["en"])
    for example in EXAMPLES[lang]:
        request = parse_request(example)
        assert request.wants_design and "jewelry_type" in request.changes, example


def test_property_choices_read_in_the_language_and_keep_their_values() -> None:
    assert choices("metal", ["rose gold", "platinum"], "vi") == [
        ("vàng hồng", "rose gold"),
        ("bạch kim", "platinum"),
    ]
    assert choices("metal", ["rose gold"], "en") == [("rose gold", "rose gold")]


@pytest.mark.parametrize(
    ("choice", "browser", "header", "expected"),
    [
        ("vi", "en-US", "en-US", "vi"),  # the person's own switch wins
        ("", "vi-VN,en-US", None, "vi"),  # navigator.languages, first one we speak
        ("", "fr-FR,vi", "en", "vi"),
        ("", "", "vi-VN,vi;q=0.9,en;q=0.8", "vi"),  # no script: the request header
        ("", "", "fr;q=0.9, en;q=0.5, vi;q=0.8", "vi"),  # by quality, not position
        ("", "", "vi;q=0, en", "en"),  # q=0 means "not this one"
        ("", "de-DE", "ja", "en"),  # nothing we speak: English
        ("xx", None, None, "en"),
    ],
)
def test_the_language_comes_from_the_switch_then_the_browser(
    choice: str, browser: str | None, header: str | None, expected: str
) -> None:
    assert choose_language(choice, browser, header) == expected
