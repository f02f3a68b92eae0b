"""The header: the studio's name, who is designing, and the language switch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.settings import AuthMode, Settings
from ui.i18n import DEFAULT, SWITCH, t

# The page reports the browser's languages; the switch's own value is remembered separately.
BROWSER_LANGUAGES_JS = "(choice, browser, key) => [choice, navigator.languages.join(','), key]"
STUDIO_KEY = "pnj-studio"  # the browser's localStorage key for its studio id (browser mode)
MARK_PAGE_LANGUAGE_JS = "(lang) => { document.documentElement.lang = lang; }"


@dataclass
class Header:
    brand: gr.HTML
    language: gr.Radio  # the screen language every handler reads ('en' or 'vi')
    choice: gr.BrowserState  # the person's own switch, remembered in their browser
    browser: gr.Textbox  # navigator.languages, filled in by the page on load
    account: gr.Markdown  # whose studio this is (sign-in modes)
    studio_key: gr.BrowserState  # browser mode: the signed id of this browser's studio

    def words(self, lang: str, settings: Settings) -> dict[gr.components.Component, Any]:
        """The header in a language."""
        return {
            self.brand: brand_html(lang, settings),
            self.language: gr.update(value=lang, label=t(lang, "app.language")),
        }


def build_header(settings: Settings, state_key: str | None = None) -> Header:
    """Brand, mode note, whose studio it is (sign-in modes) and the EN / VI switch."""
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
        # Narrow windows put the account line below the brand (assets/studio.css).
        account = gr.Markdown(
            elem_id="account", visible=settings.studio_auth.signs_in, scale=2, min_width=200
        )
        if settings.studio_auth is AuthMode.HF:
            gr.LoginButton(scale=1, min_width=180)
    choice = gr.BrowserState("", storage_key="pnj-studio-language")
    browser = gr.Textbox(visible=False)
    studio_key = gr.BrowserState(None, storage_key=STUDIO_KEY, secret=state_key)
    return Header(brand, language, choice, browser, account, studio_key)


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
