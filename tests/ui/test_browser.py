"""The real app in a real headless Chromium: chat, see the design, reload, see the history."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import RunningApp

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "screenshots"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def ensure_chromium() -> str:
    """Debian's Chromium, installed on the spot where we can; otherwise a loud skip."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, timeout=300)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, timeout=600)
    if not Path(CHROMIUM).exists():
        pytest.skip(f"NO BROWSER: {CHROMIUM} is missing and could not be installed; "
                    "browser test NOT run (apt-get install chromium)")  # fmt: skip
    return CHROMIUM


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def shoot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_chat_shows_design_in_chat_and_gallery_and_survives_reload(
    page: object, running_app: RunningApp
) -> None:
    page.goto(running_app.url)
    page.wait_for_selector("#message-input textarea", timeout=30_000)
    text = "A rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain"
    page.fill("#message-input textarea", text)
    page.click("#send")
    page.wait_for_selector("#chatbot img", timeout=60_000)
    page.wait_for_selector("#design-gallery img", timeout=30_000)
    assert page.locator("#chatbot").inner_text().count(text) == 1
    assert page.locator(".toast-body").count() == 0, "an error toast appeared"
    form_metal = page.locator("#prop-metal input").input_value()
    assert form_metal == "rose gold"
    _assert_image_loaded(page, "#chatbot img")
    shoot(page, "studio-after-chat")

    page.reload()
    page.wait_for_selector("#chatbot img", timeout=30_000)
    assert text in page.locator("#chatbot").inner_text()
    assert page.locator("#design-gallery img").count() >= 1
    assert text[:40] in page.locator("#conversation-list").inner_text()
    shoot(page, "studio-after-reload")


def _assert_image_loaded(page: object, selector: str) -> None:
    script = (
        "img => img.complete ? img.naturalWidth"
        " : new Promise(r => img.onload = () => r(img.naturalWidth))"
    )
    width = page.locator(selector).first.evaluate(script)
    assert width >= 512, f"the design image did not load (naturalWidth={width})"


def test_form_generates_3d_and_gallery_shows_its_model(
    page: object, running_app: RunningApp
) -> None:
    page.goto(running_app.url)
    page.wait_for_selector("#new-conversation", timeout=30_000)
    page.click("#new-conversation")
    page.locator("#prop-jewelry_type input").fill("pendant")
    page.keyboard.press("Enter")
    page.click("#generate-3d")
    page.wait_for_selector("#design-gallery img", timeout=60_000)
    page.locator("#design-gallery img").first.click()
    page.wait_for_selector("#design-spec table", timeout=30_000)
    spec = page.locator("#design-spec").inner_text()
    assert "pendant" in spec and "Metal weight (g)" in spec
    page.wait_for_selector("#design-model canvas[data-engine]", timeout=30_000)
    assert page.locator(".toast-body").count() == 0, "an error toast appeared"
    shoot(page, "studio-3d-selected")


def test_too_long_message_shows_an_error_and_keeps_the_text(
    page: object, running_app: RunningApp
) -> None:
    page.goto(running_app.url)
    page.wait_for_selector("#message-input textarea", timeout=30_000)
    long_text = "a gold ring " * 400  # 4,800 characters
    page.fill("#message-input textarea", long_text)
    page.click("#send")
    toast = page.wait_for_selector(".toast-body", timeout=30_000)
    assert "message is too long" in toast.inner_text()
    assert page.locator("#message-input textarea").input_value() == long_text
    assert page.locator("#message-input textarea").is_enabled()
