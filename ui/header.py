"""The header: the studio's name, who is designing, and the language switch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.settings import Settings
from ui.i18n import DEFAULT, SWITCH, t

# The page reports the browser's languages; the switch's own value is remembered separately.
BROWSER_LANGUAGES_JS = "(choice, browser) => [choice, navigator.languages.join(',')]"
MARK_PAGE_LANGUAGE_JS = "(lang) => { document.documentElement.lang = lang; }"


@dataclass
class Header:
    brand: gr.HTML
    language: gr.Radio  # the screen language every handler reads ('en' or 'vi')
    choice: gr.BrowserState  # the person's own switch, remembered in their browser
    browser: gr.Textbox  # navigator.languages, filled in by the page on load

    def words(self, lang: str, settings: Settings) -> dict[gr.components.Component, Any]:
        """The header in a language."""
        return {
            self.brand: brand_html(lang, settings),
            self.language: gr.update(value=lang, label=t(lang, "app.language")),
        }


def build_header(settings: Settings) -> Header:
    """Brand, mode note and the EN / VI switch."""
    with gr.Row(elem_id="header", equal_height=True):
        brand = gr.HTML(brand_html(DEFAULT, settings), elem_id="brand", scale=8)
        language = gr.Radio(
            SWITCH,
            value=DEFAULT,
            label=t(DEFAULT, "app.language"),
            show_label=False,
            elem_id="language-switch",
            container=False,
            scale=1,
            min_width=120,
        )
    choice = gr.BrowserState("", storage_key="pnj-studio-language")
    browser = gr.Textbox(visible=False)
    return Header(brand, language, choice, browser)


def mode_note(lang: str, settings: Settings) -> str:
    """Who is designing: Gemini (with its models) or the offline designer."""
    if settings.designer_name == "gemini":
        return t(
            lang,
            "app.mode_gemini",
            chat_model=settings.chat_model,
            image_model=settings.image_model,
        )
    return t(lang, "app.mode_offline")


def brand_html(lang: str, settings: Settings) -> str:
    """The studio's name and the mode note."""
    return f"<h1>{t(lang, 'app.title')}</h1><p>{mode_note(lang, settings)}</p>"
