"""A long conversation in Chromium: the latest messages and designs first, earlier on request."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from core.settings import Settings
from core.studio import DESIGNS_SHOWN, MESSAGES_SHOWN
from data import repository as repo
from data.models import GeneratedImage
from tests.conftest import OWNER, RunningApp, launch_app
from tests.ui.conftest import open_studio, shoot

NOTES = 60  # plain messages after the first, drawn turn: it falls outside the first window


@pytest.fixture(scope="module")
def long_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    app = launch_app(Settings(storage_dir=tmp_path_factory.mktemp("paging") / "storage"))
    studio = app.studio
    conv = studio.conversations.create(OWNER, "Long conversation")["id"]
    first = "A rose-gold ring with a 1 ct oval diamond"
    design = asyncio.run(studio.turns.run(OWNER, conv, first))["generated_images"][0]
    with studio.db.transaction() as session:
        for n in range(NOTES):
            role = "user" if n % 2 == 0 else "assistant"
            repo.create_message(
                session=session, conversation_id=conv, role=role, content=f"note {n:02d}"
            )
        row = repo.get_image(session=session, image_id=design["id"])
        for _ in range(DESIGNS_SHOWN + 1):  # more designs than a gallery page, same files
            copy = row.model_dump(exclude={"id", "message_id", "created_at"})
            repo.create_image(session=session, image=GeneratedImage(**copy))
    yield app
    app.close()


def test_latest_messages_first_then_earlier_on_request(page: object, long_app: RunningApp) -> None:
    open_studio(page, long_app.url)
    chat, earlier = page.locator("#chatbot"), page.locator("#load-earlier")
    page.wait_for_selector("#chatbot :text('note 59')")
    assert earlier.is_visible()
    assert "note 09" not in chat.inner_text() and "note 10" in chat.inner_text()
    assert MESSAGES_SHOWN == 50  # 50 newest: notes 10..59
    shoot(page, "paging-latest-messages")
    earlier.click()
    page.wait_for_selector("#chatbot :text('note 00')")
    assert "rose-gold ring" in chat.inner_text()
    page.wait_for_selector("#load-earlier", state="hidden")
    shoot(page, "paging-all-messages")


def test_gallery_shows_a_page_of_designs_then_more(page: object, long_app: RunningApp) -> None:
    open_studio(page, long_app.url)
    gallery = page.locator("#design-gallery")
    page.wait_for_selector("#more-designs", state="visible")
    assert gallery.locator("img").count() == DESIGNS_SHOWN
    page.click("#more-designs")
    page.wait_for_function(
        "n => document.querySelectorAll('#design-gallery img').length === n",
        arg=DESIGNS_SHOWN + 2,
    )
    page.wait_for_selector("#more-designs", state="hidden")


def test_narrow_window_shows_the_earlier_button(browser: object, long_app: RunningApp) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    narrow = context.new_page()
    try:
        open_studio(narrow, long_app.url)
        narrow.wait_for_selector("#load-earlier", state="visible")
        box = narrow.locator("#load-earlier").bounding_box()
        assert box["width"] <= 390
        shoot(narrow, "paging-390px")
    finally:
        context.close()
