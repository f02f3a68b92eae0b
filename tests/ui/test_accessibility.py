"""axe-core on the real studio in Chromium: no serious or critical violation of our own."""

from __future__ import annotations

from tests.conftest import RunningApp
from tests.ui.axe import report, serious_violations
from tests.ui.conftest import open_studio, show_design, start_new_conversation


def _assert_accessible(page: object, state: str) -> None:
    violations = serious_violations(page)
    assert not violations, f"axe, {state}:\n{report(violations)}"


def test_the_empty_studio_is_accessible(page: object, running_app: RunningApp) -> None:
    open_studio(page, running_app.url)
    start_new_conversation(page)
    _assert_accessible(page, "empty conversation")
    page.get_by_text("Rename or delete").click()
    page.locator("#conversation-title input").wait_for(state="visible")
    _assert_accessible(page, "rename panel open")


def test_a_conversation_with_designs_is_accessible(page: object, running_app: RunningApp) -> None:
    open_studio(page, running_app.url)
    start_new_conversation(page)
    page.fill("#message-input textarea", "3 options of a platinum ring with a ruby, in 3D")
    page.click("#send")
    page.wait_for_selector("#design-gallery img", timeout=60_000)
    page.wait_for_selector("#send:not([disabled])", timeout=30_000)
    _assert_accessible(page, "after a design turn")
    show_design(page, 1)  # the newest is shown already: pick another
    page.wait_for_selector("#design-model canvas", timeout=30_000)
    _assert_accessible(page, "a 3D design selected")


def test_the_check_finds_a_violation_of_ours(page: object, running_app: RunningApp) -> None:
    """The filter excuses only Gradio's markup: a low-contrast button of ours is still caught."""
    open_studio(page, running_app.url)
    start_new_conversation(page)
    page.evaluate(
        "() => { const b = document.createElement('button'); b.id = 'pale';"
        " b.textContent = 'Pale'; b.style.cssText = 'color:#f5d58a;background:#fff';"
        " document.querySelector('#brand').append(b); }"
    )
    violations = serious_violations(page)
    assert [v["id"] for v in violations] == ["color-contrast"]
    assert violations[0]["nodes"][0]["target"] == ["#pale"]
