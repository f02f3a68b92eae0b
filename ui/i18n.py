"""The screen language: which one a person gets, and the words and examples of each.

Gradio 6.31 only switches to languages it ships translations for (Vietnamese is not one),
so the studio picks the language itself and relabels its components from these tables.
"""

from __future__ import annotations

from typing import Any

from core.wording import value_text
from ui.texts import en, vi

DEFAULT = "en"
TABLES: dict[str, dict[str, str]] = {"en": en.TEXTS, "vi": vi.TEXTS}
EXAMPLES: dict[str, list[str]] = {"en": en.EXAMPLES, "vi": vi.EXAMPLES}
SWITCH = [("EN", "en"), ("VI", "vi")]  # the header switch: (shown, language)


def supported(lang: str | None) -> str:
    """The language if the studio speaks it, else the default."""
    return lang if lang in TABLES else DEFAULT


def has(key: str) -> bool:
    """Whether the tables have words for `key`."""
    return key in TABLES[DEFAULT]


def t(lang: str, key: str, **values: Any) -> str:
    """The words for `key` in a language, filled in."""
    return TABLES[supported(lang)][key].format(**values)


def choose_language(choice: str | None, browser: str | None, accept_language: str | None) -> str:
    """The person's own switch if set, else their browser's first language we speak.

    `browser` is navigator.languages joined by commas; `accept_language` the request header
    (it stands in when the page's script did not run, e.g. for an API client).
    """
    if choice in TABLES:
        return choice
    for tag in [*_split(browser), *_ranked(accept_language)]:
        primary = tag.split("-")[0].strip().lower()
        if primary in TABLES:
            return primary
    return DEFAULT


def _split(tags: str | None) -> list[str]:
    return [tag.strip() for tag in (tags or "").split(",") if tag.strip()]


def _ranked(header: str | None) -> list[str]:
    """Accept-Language tags, most preferred first ('vi-VN,vi;q=0.9,en;q=0.8')."""
    ranked = []
    for index, item in enumerate(_split(header)):
        tag, _, params = item.partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag.strip()))
    return [tag for quality, _, tag in sorted(ranked) if quality < 0]


def choices(name: str, values: list[Any], lang: str) -> list[tuple[str, Any]]:
    """Dropdown choices of a property: (the value as a person reads it, the value)."""
    return [(value_text(name, value, lang), value) for value in values]
