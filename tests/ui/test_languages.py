"""Vietnamese and English in a real Chromium: the browser's language, the switch, a phone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import OWNER, RunningApp
from tests.ui.axe import report, serious_violations
from tests.ui.conftest import assert_no_page_errors, open_studio, shoot, start_new_conversation

# Every status line the page shows during a turn, recorded as it changes.
RECORD_STATUSES = """() => {
  window.statuses = [];
  const box = document.querySelector('#turn-status');
  new MutationObserver(() => window.statuses.push(box.innerText.trim()))
    .observe(box, {subtree: true, childList: true, characterData: true});
}"""


@pytest.fixture
def browser_page(browser: object) -> Iterator:
    """Pages in fresh browser contexts (a language, a size); no JavaScript errors allowed."""
    contexts, errors = [], []

    def open_page(locale: str, width: int = 1440, height: int = 1000) -> object:
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert_no_page_errors(errors)


def _texts(page: object) -> dict[str, str]:
    return {
        "new": page.locator("#new-conversation").inner_text(),
        "send": page.locator("#send").inner_text(),
        "placeholder": page.locator("#message-input textarea").get_attribute("placeholder"),
        "form": page.locator("#properties").inner_text(),
        "examples": page.locator("#examples").inner_text(),
        "brand": page.locator("#brand").inner_text(),
        "lang": page.evaluate("() => document.documentElement.lang"),
    }


def test_a_vietnamese_browser_works_in_vietnamese(browser_page, running_app: RunningApp) -> None:
    page = browser_page("vi-VN")
    open_studio(page, running_app.url)
    page.wait_for_function("() => document.documentElement.lang === 'vi'")
    texts = _texts(page)
    assert texts["new"] == "+ Mẫu mới" and texts["send"] == "Gửi"
    assert texts["placeholder"] == (
        "Mô tả món trang sức bằng tiếng Việt hoặc tiếng Anh… (đính kèm tối đa 4 ảnh)"
    )
    assert "Loại trang sức" in texts["form"] and "Tạo mẫu 3D" in texts["form"]
    assert "Nhẫn vàng trắng 18K" in texts["examples"] and "ngoại tuyến" in texts["brand"]
    start_new_conversation(page)
    page.evaluate(RECORD_STATUSES)
    page.fill("#message-input textarea", "Cho mình 3 mẫu nhẫn bạch kim đính hồng ngọc, dạng 3D")
    page.click("#send")
    page.wait_for_function(
        "() => document.querySelectorAll('#design-gallery img').length === 3", timeout=60_000
    )
    page.wait_for_selector("#send:not([disabled])")
    statuses = page.evaluate("() => window.statuses")
    assert "⏳ Đang dựng 3 mẫu 3D…" in statuses, statuses
    assert not any("Drawing" in s or "Thinking" in s for s in statuses), statuses
    chat = page.locator("#chatbot").inner_text()
    assert "bạch kim" in chat and "hồng ngọc" in chat  # the offline designer answers in Vietnamese
    assert "🛠️ Đã thiết kế bằng generate_jewelry_design" in chat
    # The newest design is in the detail panel without a click, with its 3D model.
    spec = page.locator("#design-spec").inner_text()
    assert "Trọng lượng kim loại (chỉ)" in spec and "nhẫn bạch kim" in spec
    newest = max(running_app.studio.conversations.list(OWNER), key=lambda c: c["id"])
    assert f"#{_newest_design(running_app, newest['id'])} (3D)" in spec
    page.wait_for_selector("#design-model canvas", timeout=30_000)
    assert page.locator("#design-gallery").inner_text().count("· nhẫn bạch kim") == 3
    violations = serious_violations(page)
    assert not violations, report(violations)
    shoot(page, "studio-vi")


def _newest_design(app: RunningApp, conversation_id: int) -> int:
    return app.studio.conversations.get(OWNER, conversation_id)["images"][-1]["id"]


def test_an_english_browser_works_in_english(browser_page, running_app: RunningApp) -> None:
    page = browser_page("en-US")
    open_studio(page, running_app.url)
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    texts = _texts(page)
    assert texts["new"] == "+ New design" and texts["send"] == "Send"
    assert "Jewelry type" in texts["form"] and "offline" in texts["brand"]
    start_new_conversation(page)
    page.evaluate(RECORD_STATUSES)
    page.fill("#message-input textarea", "a white gold pendant with a pear-shaped emerald")
    page.click("#send")
    page.wait_for_selector("#design-gallery img", timeout=60_000)
    page.wait_for_selector("#send:not([disabled])")
    assert "⏳ Drawing your design…" in page.evaluate("() => window.statuses")
    assert "Metal weight (chỉ)" in page.locator("#design-spec").inner_text()
    assert page.locator("#design-model").is_hidden(), "an empty 3D viewer takes room"
    shoot(page, "studio-en")


def test_the_switch_relabels_everything_and_is_remembered(
    browser_page, running_app: RunningApp
) -> None:
    page = browser_page("en-US")
    open_studio(page, running_app.url)
    page.locator("#language-switch label", has_text="VI").click()
    page.wait_for_function("() => document.querySelector('#send').innerText === 'Gửi'")
    page.wait_for_function("() => document.documentElement.lang === 'vi'")  # marked just after
    assert "Thuộc tính mẫu" in _texts(page)["form"]
    page.locator("#examples button").first.click()
    page.wait_for_function(
        "() => document.querySelector('#message-input textarea').value.startsWith('Nhẫn vàng')"
    )
    page.reload()
    open_studio(page, running_app.url)
    page.wait_for_function("() => document.querySelector('#send').innerText === 'Gửi'")
    assert _texts(page)["new"] == "+ Mẫu mới", "the choice was not remembered"
    page.fill("#message-input textarea", "x" * 4001)
    page.click("#send")
    toast = page.wait_for_selector(".toast-body", timeout=30_000)
    assert "Tin nhắn quá dài (4001 ký tự; tối đa 4000)." in toast.inner_text()
    page.locator("#language-switch label", has_text="EN").click()
    page.wait_for_function("() => document.querySelector('#send').innerText === 'Send'")
    assert "Design properties" in _texts(page)["form"]


def test_the_studio_is_usable_on_a_390_px_phone(browser_page, running_app: RunningApp) -> None:
    page = browser_page("vi-VN", 390, 844)
    open_studio(page, running_app.url)
    overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) == 0, "the page scrolls sideways"
    page.fill("#message-input textarea", "nhẫn vàng hồng đính kim cương, dạng 3D")
    page.locator("#send").click()  # scrolls into view first, as a thumb would
    page.wait_for_selector("#design-gallery img", timeout=60_000)
    page.wait_for_selector("#send:not([disabled])")
    for selector in ("#message-input textarea", "#send", "#design-gallery"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
    page.wait_for_selector("#design-model canvas", timeout=30_000)  # the newest design's model
    violations = serious_violations(page)
    assert not violations, report(violations)
    page.evaluate("() => window.scrollTo(0, 0)")
    shoot(page, "studio-phone")
    page.locator("#design-gallery img").first.click()  # the gallery answers a tap
    page.wait_for_selector("#design-gallery .preview")  # the large view opens
    assert page.evaluate(overflow) == 0, "the page scrolls sideways"
