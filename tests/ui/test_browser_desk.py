"""The desk in a real headless Chromium: reference images in the chat, compare, the catalogue
with its filters and export, the package download, and form designs in the conversation."""

from __future__ import annotations

import asyncio
import csv
import io
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from core.properties import ImageType
from tests.conftest import OWNER, RunningApp
from tests.ui.axe import report, serious_violations
from tests.ui.conftest import open_studio, shoot, start_new_conversation


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pictures")
    paths = []
    for index, color in enumerate(["crimson", "navy", "gold", "teal", "olive"]):
        paths.append(folder / f"ref-{index}.{'jpg' if index % 2 else 'png'}")
        Image.new("RGB", (240, 180), color).save(paths[-1])
    return paths


def form_designs(app: RunningApp, count: int, kind: ImageType = ImageType.TWO_D, **props) -> int:
    """A conversation with designs made from the form (through the service the form calls).

    Run in a thread of its own: Playwright's sync API holds this thread's event loop.
    """
    coroutine = app.studio.designs.generate_from_form(OWNER, None, props, count, kind)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def toasts(page: object) -> str:
    return " ".join(page.locator(".toast-body").all_inner_texts())


def test_reference_images_show_in_the_users_bubble_and_after_reload(
    page: object, running_app: RunningApp, pictures: list[Path]
) -> None:
    open_studio(page, running_app.url)
    start_new_conversation(page)
    page.set_input_files("#message-input input[type=file]", [str(p) for p in pictures[:2]])
    page.wait_for_selector("#message-input img", timeout=30_000)
    page.fill("#message-input textarea", "a ruby ring in these colours")
    page.click("#send")
    page.wait_for_selector("#design-gallery img", timeout=60_000)
    bubble = page.locator("#chatbot .user-row").first
    assert bubble.locator("img").count() == 2 and "a ruby ring" in bubble.inner_text()
    assert "read only the text" in page.locator("#chatbot").inner_text()
    assert page.locator("#message-input img").count() == 0  # the box is empty again
    assert toasts(page) == ""
    bubble.scroll_into_view_if_needed()
    shoot(page, "desk-reference-images")
    page.reload()
    page.wait_for_selector("#chatbot .user-row img", timeout=30_000)
    assert page.locator("#chatbot .user-row").first.locator("img").count() == 2


def test_five_images_are_refused_and_the_message_is_kept(
    page: object, running_app: RunningApp, pictures: list[Path]
) -> None:
    open_studio(page, running_app.url)
    start_new_conversation(page)
    page.set_input_files("#message-input input[type=file]", [str(p) for p in pictures])
    page.wait_for_function("() => document.querySelectorAll('#message-input img').length === 5")
    page.fill("#message-input textarea", "five references")
    page.click("#send")
    page.wait_for_selector(".toast-body", timeout=30_000)
    assert "at most 4 reference images per message, not 5" in toasts(page)
    assert page.locator("#message-input textarea").input_value() == "five references"
    assert page.locator("#chatbot .user-row").count() == 0


def test_compare_two_with_a_slider_then_three_side_by_side(
    page: object, running_app: RunningApp
) -> None:
    form_designs(running_app, 3, metal="platinum", gemstone="sapphire")
    open_studio(page, running_app.url)
    picks = page.locator("#compare-picks input[type=checkbox]")
    picks.first.wait_for()
    assert picks.count() == 3
    picks.nth(0).check()
    picks.nth(1).check()
    page.click("#compare-button")
    page.wait_for_selector("#compare-panel #compare-table table", timeout=30_000)
    page.wait_for_selector("#compare-slider img", timeout=30_000)
    table = page.locator("#compare-table")
    header = table.locator("th").all_inner_texts()
    assert header[0] == "Field" and all(h.startswith("#") for h in header[1:]) and len(header) == 3
    rows = {row.split("\t")[0].split(" ≠")[0]: row for row in table.locator("tr").all_inner_texts()}
    assert "≠" in rows["Variation"]  # variants differ by design
    assert "≠" not in rows["Metal"] and "platinum" in rows["Metal"]  # the same platinum
    page.locator("#compare-panel").scroll_into_view_if_needed()
    violations = serious_violations(page)
    assert not violations, report(violations)
    shoot(page, "desk-compare-two")
    picks.nth(2).check()
    page.click("#compare-button")
    page.wait_for_function(
        "() => document.querySelectorAll('#compare-table th').length === 4", timeout=30_000
    )
    page.wait_for_selector("#compare-pictures img", timeout=30_000)
    assert not page.locator("#compare-slider").is_visible()
    assert toasts(page) == ""


def test_catalogue_filters_sorts_and_exports(
    page: object, running_app: RunningApp, tmp_path: Path
) -> None:
    form_designs(running_app, 1, jewelry_type="bracelet", metal="silver", gemstone="none")
    form_designs(running_app, 2, ImageType.THREE_D, jewelry_type="pendant", metal="rose gold",
                 gemstone="pearl", notes="hoa sen")  # fmt: skip
    everything = running_app.studio.desk.list_designs(OWNER, _no_filter())
    open_studio(page, running_app.url)
    page.get_by_role("tab", name="Catalogue").click()
    page.wait_for_selector("#catalogue-table .virtual-row .body-cell", timeout=30_000)
    count = page.locator("#catalogue-count")
    assert count.inner_text() == f"{len(everything)} of {len(everything)} designs"
    page.locator("#catalogue-metal input").fill("silver")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#catalogue-count').innerText"
                           f".startsWith('1 of {len(everything)}')")  # fmt: skip
    assert _column(page, 4) == ["bracelet"]
    page.locator("#catalogue-metal input").fill("any")
    page.keyboard.press("Enter")
    page.fill("#catalogue-query textarea, #catalogue-query input", "hoa sen")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#catalogue-count').innerText"
                           f".startsWith('2 of {len(everything)}')")  # fmt: skip
    weights = _column(page, 9)  # weight (g), newest first: variant 1 is heavier than variant 0
    assert len(weights) == 2 and weights != sorted(weights, key=float)
    header = page.locator("#catalogue-table th:visible").nth(9)
    header.hover()  # the cell menu shows on hover
    header.locator("button[aria-label='Open cell menu']").click()
    page.get_by_role("menuitem", name="Sort ascending").click()
    page.wait_for_function(
        "() => { const cells = [...document.querySelectorAll("
        "'#catalogue-table .virtual-row .body-cell[data-testid$=\"-9\"]')];"
        " return cells.length === 2 && +cells[0].innerText <= +cells[1].innerText; }"
    )
    assert _column(page, 9) == sorted(weights, key=float)
    violations = serious_violations(page)
    assert not violations, report(violations)
    shoot(page, "desk-catalogue")
    with page.expect_download() as download:
        page.click("#export-csv")
        page.locator("#export-file a").first.click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert {int(r["id"]) for r in rows} == {d["id"] for d in everything}
    assert "metal_weight_g" in rows[0] and "conversation_id" in rows[0]


def _no_filter() -> object:
    from core.catalogue import CatalogueFilter

    return CatalogueFilter()


def _column(page: object, index: int) -> list[str]:
    """The shown values of one catalogue column (0-based), top to bottom."""
    cells = page.locator(f"#catalogue-table .virtual-row .body-cell[data-testid$='-{index}']")
    return [text.strip() for text in cells.all_inner_texts()]


def test_the_package_downloads_beside_the_selected_design(
    page: object, running_app: RunningApp
) -> None:
    form_designs(running_app, 1, ImageType.THREE_D, jewelry_type="earrings", gemstone="ruby")
    open_studio(page, running_app.url)
    page.locator("#design-gallery img").first.click()
    button = page.locator("#package-download")
    button.wait_for(state="visible", timeout=30_000)
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.endswith(".zip")
    names = zipfile.ZipFile(download.value.path()).namelist()
    assert [n.rsplit(".", 1)[-1] for n in names[:3]] == ["png", "glb", "stl"]
    assert names[3:] == ["spec.json", "properties.json"]


def test_form_designs_appear_in_the_chat_and_stay_after_reload(
    page: object, running_app: RunningApp
) -> None:
    # An empty conversation opens first: no 3D viewer is torn down while it loads a model.
    running_app.studio.conversations.create(OWNER)
    open_studio(page, running_app.url)
    assert page.locator("#chatbot img").count() == 0
    page.click("#generate-2d")
    page.wait_for_selector("#chatbot img", timeout=60_000)
    chat = page.locator("#chatbot")
    assert "Generated 1 2D design from the form" in chat.inner_text()
    assert "Here is the 2D design from the form (#" in chat.inner_text()
    assert chat.locator(".bot-row img, .message-row:not(.user-row) img").count() >= 1
    shoot(page, "desk-form-in-chat")
    page.reload()
    page.wait_for_selector("#chatbot img", timeout=30_000)
    text = page.locator("#chatbot").inner_text()
    assert text.index("Generated 1 2D design") < text.index("Here is the 2D design")


def test_narrow_window(page: object, running_app: RunningApp) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_studio(page, running_app.url)
    assert page.locator("#compare-picks").is_visible()
    shoot(page, "desk-studio-390")
    page.get_by_role("tab", name="Catalogue").click()
    page.wait_for_selector("#catalogue-table table", timeout=30_000)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page scrolls sideways ({width} px)"
    shoot(page, "desk-catalogue-390")


def test_the_desk_speaks_vietnamese(browser: object, running_app: RunningApp) -> None:
    form_designs(running_app, 2, metal="rose gold", gemstone="pearl")
    context = browser.new_context(locale="vi-VN", viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    try:
        open_studio(page, running_app.url)
        page.wait_for_function("() => document.documentElement.lang === 'vi'")
        assert "So sánh mẫu (chọn 2–4)" in page.locator("#compare-row").inner_text()
        assert page.locator("#package-download").inner_text() == "Tải gói mẫu (.zip)"
        picks = page.locator("#compare-picks input[type=checkbox]")
        picks.nth(0).check()
        picks.nth(1).check()
        page.click("#compare-button")
        page.wait_for_selector("#compare-table table", timeout=30_000)
        table = page.locator("#compare-table").inner_text()
        assert "Thuộc tính" in table and "khác nhau" in table and "vàng hồng" in table
        page.get_by_role("tab", name="Danh mục").click()
        page.wait_for_selector("#catalogue-table .virtual-row .body-cell", timeout=30_000)
        assert " trên " in page.locator("#catalogue-count").inner_text()
        headers = page.locator("#catalogue-table th").all_inner_texts()
        assert "Trọng lượng (chỉ)" in headers and "Kim loại" in headers
        assert "ngọc trai" in _column(page, 7)
        shoot(page, "desk-catalogue-vi")
    finally:
        context.close()
