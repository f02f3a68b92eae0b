"""Take the README's screenshots of the real app (offline designer) in headless Chromium.

    python docs/screenshots.py          # writes docs/studio-en.png, studio-vi.png, studio-phone.png

Each is reduced to a 256-colour PNG so the three stay small.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.settings import Settings  # noqa: E402
from tests.conftest import launch_app  # noqa: E402
from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SHOTS = [  # (file, browser language, viewport, what the designer asks)
    ("studio-en.png", "en-US", (1280, 900), "3 options of a rose gold ring with a 1 ct oval "
     "diamond, vintage milgrain, in 3D"),
    ("studio-vi.png", "vi-VN", (1280, 900), "Nhẫn vàng trắng 18K đính kim cương 5 ly, kiểu tối "
     "giản, dạng 3D"),
    ("studio-phone.png", "vi-VN", (390, 844), "Mặt dây chuyền vàng hồng đính ngọc trai"),
]  # fmt: skip


def take(page: Page, url: str, message: str, path: Path) -> None:
    """Start a conversation, ask for a design, wait for it and its 3D view, shoot the screen."""
    page.goto(url)
    page.wait_for_selector("#new-conversation:not([disabled])", timeout=30_000)
    page.click("#new-conversation")
    page.wait_for_function("() => !document.querySelector('#design-gallery img')")
    page.fill("#message-input textarea", message)
    page.click("#send")
    page.wait_for_selector("#design-gallery img", timeout=90_000)
    page.wait_for_selector("#send:not([disabled])", timeout=30_000)
    if "3D" in message:
        page.wait_for_selector("#design-model canvas", timeout=30_000)
        page.wait_for_timeout(8000)  # the 3D viewer loads the model and draws it
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(path))
    small = Image.open(path).convert("RGB").quantize(256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> None:
    app = launch_app(Settings(storage_dir=Path(tempfile.mkdtemp()) / "storage"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, locale, (width, height), message in SHOTS:
                viewport = {"width": width, "height": height}
                context = browser.new_context(locale=locale, viewport=viewport)
                take(context.new_page(), app.url, message, ROOT / "docs" / name)
                context.close()
            browser.close()
    finally:
        app.close()


if __name__ == "__main__":
    main()
