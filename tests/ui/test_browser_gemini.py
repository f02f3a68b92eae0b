"""Gemini mode in the browser: text streams in as it arrives, a status shows while drawing."""

from __future__ import annotations

from tests import gemini_stub as gs
from tests.conftest import GEMINI_CHAT, GEMINI_IMAGE, GEMINI_KEY, RunningApp
from tests.ui.conftest import open_studio, shoot


def test_answer_streams_and_status_shows_while_drawing(
    page: object, gemini_app: RunningApp, gemini_stub: gs.GeminiStub
) -> None:
    draw = gs.function_call("generate_jewelry_design", {"properties": {"metal": "rose gold"}})
    first, later = "Lovely idea, a rose-gold ring.", " Let me draw it for you."
    gemini_stub.script(
        GEMINI_CHAT, gs.streamed(gs.text(first), gs.text(later), draw, chunk_delay=2.0)
    )
    gemini_stub.script(GEMINI_IMAGE, gs.reply(gs.image(gs.png(800, 600)), delay=3.0))
    gemini_stub.script(GEMINI_CHAT, gs.streamed(gs.text("Here it is.")))
    open_studio(page, gemini_app.url)
    assert GEMINI_KEY not in page.content()
    assert "Gemini" in page.locator("#brand").inner_text()

    page.fill("#message-input textarea", "a rose-gold ring")
    page.click("#send")
    page.wait_for_function(
        "t => document.querySelector('#chatbot').innerText.includes(t)", arg=first, timeout=15_000
    )
    assert later.strip() not in page.locator("#chatbot").inner_text(), "text did not stream"
    status = page.wait_for_selector("#turn-status :text('Drawing')", timeout=15_000)
    assert "Drawing" in status.inner_text()
    shoot(page, "gemini-drawing")
    page.wait_for_selector("#chatbot img", timeout=30_000)
    page.wait_for_function(
        "() => document.querySelector('#chatbot').innerText.includes('Here it is.')",
        timeout=15_000,
    )
    assert page.locator("#design-gallery img").count() == 1
