"""The true-scale sheet: an A4 page whose views, scale bar and text are true to the piece."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from core.engine import render_design
from core.engine.pdf import DPI, sheet_pdf
from core.properties import DesignProperties

PT_PER_MM = 72 / 25.4
A4_PT = (210 * PT_PER_MM, 297 * PT_PER_MM)


def _sheet(**changes: object) -> tuple[bytes, dict]:
    props = DesignProperties(**changes)
    spec = render_design(props, "2d").spec
    return sheet_pdf(props, spec, "Design #7"), spec


@pytest.fixture(scope="module")
def ring() -> tuple[bytes, dict]:
    return _sheet(ring_size=7, carat=0.5)


def _page(pdf: bytes):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader, reader.pages[0]


def _drawings(pdf: bytes) -> tuple[list[tuple[float, float]], list[tuple[Image.Image, float]]]:
    """Filled rectangles (width, height in pt) and placed images (image, pt per pixel), in order."""
    reader, page = _page(pdf)
    images = {image.name.rsplit(".", 1)[0]: image.image for image in page.images}
    rects, placed, matrix = [], [], None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"re":
            rects.append((float(operands[2]), float(operands[3])))
        elif operator == b"cm":
            matrix = [float(v) for v in operands]
        elif operator == b"Do":
            image = images[str(operands[0]).lstrip("/")]
            placed.append((image, matrix[0] / image.width))
    return rects, placed


def _drawn_mm(image: Image.Image, pt_per_px: float) -> tuple[float, float]:
    """Width and height on paper (mm) of what is drawn in an image (its opaque pixels)."""
    alpha = np.asarray(image.getchannel("A")) > 0
    rows, cols = np.nonzero(alpha)
    mm_per_px = pt_per_px / PT_PER_MM
    return (np.ptp(cols) + 1) * mm_per_px, (np.ptp(rows) + 1) * mm_per_px


def test_the_page_is_a4(ring: tuple[bytes, dict]) -> None:
    _, page = _page(ring[0])
    assert [float(v) for v in page.mediabox[2:]] == pytest.approx(A4_PT, abs=0.01)


def test_the_scale_bar_is_ten_millimetres(ring: tuple[bytes, dict]) -> None:
    rects, _ = _drawings(ring[0])
    bars = [w for w, h in rects if h < 2 * PT_PER_MM]
    assert bars == [pytest.approx(10 * PT_PER_MM, abs=0.01)]


def test_views_are_raster_at_300_dpi_and_true_to_size(ring: tuple[bytes, dict]) -> None:
    _, placed = _drawings(ring[0])
    assert DPI >= 300
    for _, pt_per_px in placed:
        assert pt_per_px == pytest.approx(72 / DPI, rel=1e-3)
    width, _, height = ring[1]["dimensions_mm"]
    # Outline pixels add up to one pixel (0.085 mm) on each side.
    front, side, top, detail = (_drawn_mm(image, scale) for image, scale in placed)
    assert front == pytest.approx((width, height), abs=0.25)
    assert top[0] == pytest.approx(width, abs=0.25)
    enlarged = detail[0] / width
    assert round(enlarged) in (2, 3, 4, 5)
    assert detail == pytest.approx((width * round(enlarged), height * round(enlarged)), abs=0.6)


def test_the_text_gives_the_key_dimensions_and_how_to_print(ring: tuple[bytes, dict]) -> None:
    pdf, spec = ring
    _, page = _page(pdf)
    text = page.extract_text()
    assert "Print at 100 %" in text and "In ở tỉ lệ 100 %" in text
    assert f"Inner diameter {spec['inner_diameter_mm']:.2f} mm" in text
    assert f"VN (ni) {spec['ring_size_vn']:g}" in text
    assert f"Band {spec['band_width_mm']:g} mm wide × {spec['band_thickness_mm']:g} mm" in text
    length, width, depth = spec["main_stone_mm"]
    assert f"{length:.2f} × {width:.2f} × {depth:.2f} mm" in text
    assert "Overall {:.2f} × {:.2f} × {:.2f} mm".format(*spec["dimensions_mm"]) in text
    assert f"{spec['metal_weight_g']:.3f} g" in text and "Design #7" in text


def test_a_necklace_sheet_draws_the_pendant_and_names_the_stock_chain() -> None:
    pdf, spec = _sheet(jewelry_type="necklace", chain_length_mm=500)
    _, placed = _drawings(pdf)
    front = _drawn_mm(*placed[0])
    assert max(front) < 30  # the pendant, not the half-metre chain
    text = _page(pdf)[1].extract_text()
    assert "Stock findings (not cast): chain, chain 500 mm" in text
    assert "DETAIL · FRONT" in text  # a small piece gets an enlarged view too


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (.ci/run has it)")
def test_printed_at_100_percent_the_bar_measures_ten_mm(
    ring: tuple[bytes, dict], tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(ring[0])
    # 254 dpi is 10 pixels to the millimetre.
    subprocess.run(["pdftoppm", "-r", "254", "-png", str(sheet), str(tmp_path / "p")], check=True)
    page = np.asarray(Image.open(next(tmp_path.glob("p*.png"))).convert("L"))
    assert page.shape == pytest.approx((2970, 2100), abs=1)
    # The bar is the only solid black run 10 mm long near the bottom-left corner.
    rows = page[-240:, :400] < 60
    longest = max(_longest_run(row) for row in rows)
    assert longest == pytest.approx(100, abs=2)


def _longest_run(row: np.ndarray) -> int:
    best = run = 0
    for dark in row:
        run = run + 1 if dark else 0
        best = max(best, run)
    return best
