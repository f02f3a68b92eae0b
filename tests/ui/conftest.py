"""Browser fixtures: Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

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


# Babylon.js, the viewer inside Gradio's Model3D, can throw this once when a shown model is
# cleared mid-frame (a new conversation, a page closing); the page works on. Nothing else is
# excused.
BABYLON_DISPOSED = "Cannot read properties of null (reading 'postProcessManager')"


def assert_no_page_errors(errors: list[str]) -> None:
    """Fail on any JavaScript error the page threw, but Babylon's one known dispose race."""
    ours = [error for error in errors if error != BABYLON_DISPOSED]
    assert not ours, f"JavaScript errors on the page: {ours}"


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert_no_page_errors(errors)


def shoot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def open_studio(page: object, url: str) -> None:
    """Open the studio and wait until its first load has finished (the buttons enable then)."""
    page.goto(url)
    page.wait_for_selector("#send:not([disabled])", timeout=30_000)
    page.wait_for_selector("#new-conversation:not([disabled])", timeout=30_000)


def settle(page: object) -> None:
    """Wait until no component shows an event in progress (Gradio dims those: class 'pending')."""
    page.wait_for_function("() => !document.querySelector('.pending, .generating')")


def show_design(page: object, index: int) -> None:
    """Click the gallery's design at `index` and wait until the detail panel shows it."""
    before = page.locator("#design-spec").inner_text()
    page.locator("#design-gallery img").nth(index).click()
    page.wait_for_function(
        "t => document.querySelector('#design-spec').innerText !== t", arg=before, timeout=30_000
    )
    settle(page)


def start_new_conversation(page: object) -> None:
    """Click 'New design' and wait until the new conversation is listed and shown."""
    entries = page.locator("#conversation-list label")
    before = entries.count()
    page.click("#new-conversation")
    page.wait_for_function(
        "n => document.querySelectorAll('#conversation-list label').length > n", arg=before
    )
    page.wait_for_selector("#conversation-list label.selected, #conversation-list input:checked")
