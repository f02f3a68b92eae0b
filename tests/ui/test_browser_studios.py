"""STUDIO_AUTH=browser and password in a real Chromium: every visitor sees only their own studio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gradio_client import Client

from core.settings import AuthMode, Settings
from tests.conftest import PASSWORDS, RunningApp, launch_app, launch_with_accounts
from tests.ui.conftest import open_studio, shoot

PEARL = "a silver pendant with a pearl"
HOOPS = "Bông tai vàng 18K đính kim cương"  # Vietnamese: 18K gold earrings with diamonds


@pytest.fixture(scope="module")
def browser_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    storage = tmp_path_factory.mktemp("browser-mode") / "storage"
    app = launch_app(Settings(storage_dir=storage, studio_auth=AuthMode.BROWSER))
    yield app
    app.close()


@pytest.fixture
def visitors(browser: object) -> Iterator[tuple[object, object]]:
    """Two separate browsers (contexts): their own localStorage, cookies and sessions."""
    contexts = [browser.new_context(viewport={"width": 1440, "height": 1000}) for _ in range(2)]
    yield tuple(context.new_page() for context in contexts)
    for context in contexts:
        context.close()


def chat(page: object, text: str) -> None:
    page.fill("#message-input textarea", text)
    page.click("#send")
    page.wait_for_selector("#design-gallery img", timeout=60_000)
    page.wait_for_selector("#send:not([disabled])", timeout=30_000)


def listed(page: object) -> str:
    return page.locator("#conversation-list").inner_text()


def shows_only(page: object, mine: str, theirs: str) -> None:
    """The page's studio lists its own conversation and designs, never the other visitor's."""
    page.wait_for_selector("#design-gallery img", timeout=30_000)
    assert mine[:20] in listed(page) and theirs[:20] not in listed(page)


def test_each_browser_sees_only_its_own_studio_across_reloads_and_tabs(
    visitors: tuple[object, object], browser_app: RunningApp
) -> None:
    first, second = visitors
    open_studio(first, browser_app.url)
    chat(first, PEARL)
    open_studio(second, browser_app.url)
    assert PEARL[:20] not in listed(second)
    assert second.locator("#design-gallery img").count() == 0
    chat(second, HOOPS)
    shoot(second, "browser-mode-second-visitor")

    first.reload()
    shows_only(first, PEARL, HOOPS)
    assert "Your own studio in this browser" in first.locator("#account").inner_text()
    shoot(first, "browser-mode-first-visitor-after-reload")

    tab = first.context.new_page()  # another tab of the same browser: the same studio
    open_studio(tab, browser_app.url)
    shows_only(tab, PEARL, HOOPS)
    second.reload()
    shows_only(second, HOOPS, PEARL)


def test_a_forged_studio_id_gets_a_new_empty_studio(
    visitors: tuple[object, object], browser_app: RunningApp
) -> None:
    page, _ = visitors
    open_studio(page, browser_app.url)
    chat(page, PEARL)
    page.evaluate(
        "() => { for (const k of Object.keys(localStorage)) localStorage.setItem(k, 'forged'); }"
    )
    open_studio(page, browser_app.url)
    assert page.locator("#design-gallery img").count() == 0
    assert PEARL[:20] not in listed(page)


def test_api_clients_get_their_own_studio(
    visitors: tuple[object, object], browser_app: RunningApp
) -> None:
    page, _ = visitors
    open_studio(page, browser_app.url)
    chat(page, PEARL)
    shown = page.locator("#conversation-list label").count()
    assert shown == 1
    client, other = Client(browser_app.url, verbose=False), Client(browser_app.url, verbose=False)
    assert client.predict(api_name="/list_conversations") == []
    mine = client.predict("API studio", "", api_name="/create_conversation")
    assert [c["id"] for c in client.predict(api_name="/list_conversations")] == [mine["id"]]
    assert other.predict(api_name="/list_conversations") == []
    with pytest.raises(Exception, match=f"no conversation with id {mine['id']}"):
        other.predict(mine["id"], api_name="/get_conversation")
    page.reload()
    open_studio(page, browser_app.url)
    assert "API studio" not in listed(page)


@pytest.fixture(scope="module")
def password_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    storage = tmp_path_factory.mktemp("password-mode") / "storage"
    app = launch_with_accounts(Settings(storage_dir=storage))
    yield app
    app.close()


@pytest.mark.parametrize("width", [1440, 390])
def test_sign_in_page_then_the_signed_in_studio(
    browser: object, password_app: RunningApp, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(password_app.url)
        page.wait_for_selector("input[type=password]", timeout=30_000)
        shoot(page, f"password-sign-in-{width}")
        page.locator("input[type=text]").first.fill("lan")
        page.fill("input[type=password]", "wrong password")
        page.keyboard.press("Enter")
        page.wait_for_selector("text=Incorrect", timeout=30_000)
        page.locator("input[type=text]").first.fill("lan")  # the form clears after a refusal
        page.fill("input[type=password]", PASSWORDS["lan"])
        page.keyboard.press("Enter")
        page.wait_for_selector("#send:not([disabled])", timeout=30_000)  # the studio, signed in
        page.wait_for_selector("#account:has-text('Signed in as')", timeout=30_000)
        assert "lan" in page.locator("#account").inner_text()
        shoot(page, f"password-signed-in-{width}")
    finally:
        context.close()
