"""The real app in a real headless Chromium: chat, see the design, reload, see the history."""

from __future__ import annotations

from core.settings import Settings
from tests.conftest import OWNER, RunningApp, launch_app
from tests.ui.conftest import open_studio, shoot, start_new_conversation


def test_chat_shows_design_in_chat_and_gallery_and_survives_reload(
    page: object, running_app: RunningApp
) -> None:
    open_studio(page, running_app.url)
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
    open_studio(page, running_app.url)
    start_new_conversation(page)
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


def test_vietnamese_size_shows_in_the_spec_and_the_sheet_downloads(
    page: object, running_app: RunningApp
) -> None:
    open_studio(page, running_app.url)
    start_new_conversation(page)
    page.fill("#message-input textarea", "nhẫn vàng 18K ni 12")
    page.click("#send")
    page.wait_for_selector("#design-gallery img", timeout=60_000)
    page.wait_for_selector("#design-spec table", timeout=30_000)  # the newest, without a click
    spec = page.locator("#design-spec").inner_text()
    assert "Ring size VN (ni)\t12" in spec and "Ring size US\t6.06" in spec
    page.click("#sheet-pdf")
    link = page.wait_for_selector("#sheet-file a[download]", timeout=60_000)
    assert link.get_attribute("download").endswith("-sheet.pdf")
    assert page.locator(".toast-body").count() == 0, "an error toast appeared"
    shoot(page, "studio-sheet-pdf")


def test_too_long_message_shows_an_error_and_keeps_the_text(
    page: object, running_app: RunningApp
) -> None:
    open_studio(page, running_app.url)
    long_text = "a gold ring " * 400  # 4,800 characters
    page.fill("#message-input textarea", long_text)
    page.click("#send")
    toast = page.wait_for_selector(".toast-body", timeout=30_000)
    assert "message is too long" in toast.inner_text()
    assert page.locator("#message-input textarea").input_value() == long_text
    assert page.locator("#message-input textarea").is_enabled()


def test_rename_and_delete_a_conversation(page: object, running_app: RunningApp) -> None:
    open_studio(page, running_app.url)
    start_new_conversation(page)
    page.get_by_text("Rename or delete").click()
    title = page.locator("#conversation-title input")
    title.wait_for(state="visible")
    page.wait_for_function(
        "() => document.querySelector('#conversation-title input').value === 'New design'"
    )
    title.fill("Bridal line 2027")
    assert title.input_value() == "Bridal line 2027"
    page.get_by_role("button", name="Rename", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('#conversation-list').innerText.includes('Bridal line 2027')"
    )
    titles = [c["title"] for c in running_app.studio.conversations.list(OWNER)]
    assert "Bridal line 2027" in titles
    page.click("#delete-conversation")
    page.wait_for_function(
        "() => !document.querySelector('#conversation-list').innerText.includes('Bridal line')"
    )
    assert "Bridal line 2027" not in [
        c["title"] for c in running_app.studio.conversations.list(OWNER)
    ]


def test_bad_input_on_an_empty_studio_creates_no_conversation(page: object, tmp_path) -> None:
    app = launch_app(Settings(storage_dir=tmp_path / "storage"))
    try:
        open_studio(page, app.url)
        page.fill("#message-input textarea", "x" * 4001)
        page.click("#send")
        toast = page.wait_for_selector(".toast-body", timeout=30_000)
        assert "message is too long" in toast.inner_text()
        page.locator("#prop-engraving textarea, #prop-engraving input").first.fill("x" * 45)
        page.click("#generate-2d")
        toasts = "[...document.querySelectorAll('.toast-body')].map(t => t.innerText).join(' ')"
        page.wait_for_function(f"() => {toasts}.includes('at most 40 characters')", timeout=30_000)
        assert app.studio.conversations.list(OWNER) == []
    finally:
        app.close()
