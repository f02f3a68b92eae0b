"""A true-scale workshop sheet: an A4 PDF with the cast piece's views at 1:1.

Views are orthographic drafting renders at DPI dots to the inch, placed so one pixel is
exactly 25.4 / DPI mm on paper; the scale bar, frames and text are vector. Printed at
100 %, a ruler on the paper measures the piece.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from core.engine.build import build_model
from core.engine.model import Model, Role
from core.engine.options import Options
from core.engine.theme import ASSETS
from core.engine.variants import vary
from core.engine.views import View, build_scene, render_at_scale
from core.properties import DesignProperties

DPI = 300
PX_PER_MM = DPI / 25.4
PAGE_W, PAGE_H = A4[0] / mm, A4[1] / mm  # 210 × 297
MARGIN = 12.0
GAP = 8.0
SCALE_BAR_MM = 10.0
DETAIL_MM = 100.0  # a detail enlarges the piece k times up to about this size (k = 2..5)
SLOT_MM = 26.0  # the narrowest a view's slot may be, so captions never run together
PRINT_NOTE = "Print at 100 % (actual size, no “fit to page”) · In ở tỉ lệ 100 % (kích thước thật)"
_VIEWS = (
    View("Front", (0.0, -1.0, 0.0)),
    View("Side", (1.0, 0.0, 0.0)),
    View("Top", (0.0, 0.0, 1.0), (0.0, 1.0, 0.0)),
)


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str]:
    """The house font (DejaVu: it has Vietnamese letters), registered with reportlab once."""
    for name, file in (("House", "DejaVuSans.ttf"), ("House-Bold", "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(ASSETS / "fonts" / file)))
    return "House", "House-Bold"


@dataclass
class _Page:
    """A canvas in millimetres with a pen that moves down the page."""

    canvas: Canvas
    y: float = PAGE_H - MARGIN

    def text(self, x: float, y: float, line: str, size: float = 9, bold: bool = False) -> None:
        regular, heavy = _fonts()
        self.canvas.setFont(heavy if bold else regular, size)
        self.canvas.drawString(x * mm, y * mm, line)


def sheet_pdf(
    properties: DesignProperties, spec: dict[str, Any], title: str = "", dpi: int = DPI
) -> bytes:
    """The A4 sheet of a design from its stored brief and spec (the variant is in the spec)."""
    brief = properties.normalized()
    props, opts, _ = vary(brief, Options(), int(spec.get("variant", 0)))
    cast = _cast_parts(build_model(props, opts))
    out = io.BytesIO()
    page = _Page(Canvas(out, pagesize=A4, pageCompression=1))
    page.canvas.setTitle(f"PNJ workshop sheet {title}".strip())
    _header(page, props, title)
    _views(page, cast, props, dpi / 25.4)
    _dimensions(page, spec, cast)
    _scale_bar(page)
    page.canvas.showPage()
    page.canvas.save()
    return out.getvalue()


def _cast_parts(model: Model) -> Model:
    """What is drawn to scale: the cast piece and its stones, without stock findings."""
    kept = [p for p in model.parts if p.role is not Role.FINDING]
    return Model(parts=kept, stones=model.stones, facts=model.facts)


def _header(page: _Page, props: DesignProperties, title: str) -> None:
    top = PAGE_H - MARGIN - 6
    page.text(MARGIN, top, f"PNJ · {props.jewelry_type.value.title()} · workshop sheet", 15, True)
    if title:
        page.text(PAGE_W - MARGIN - 30, top, title, 10, True)
    page.text(MARGIN, top - 6, props.summary(), 8.5)
    page.canvas.setFillColorRGB(0.62, 0.13, 0.1)
    page.text(MARGIN, top - 12, PRINT_NOTE, 9, True)
    page.canvas.setFillColorRGB(0, 0, 0)
    page.y = top - 20


def _views(page: _Page, model: Model, props: DesignProperties, px: float) -> None:
    """The three views at 1:1 in a row (wrapping), then an enlarged detail if the piece is small.

    `px` is pixels per millimetre of paper: an image w pixels wide is placed w / px mm wide.
    """
    scene = build_scene(model, props)
    x, row_h = MARGIN, 0.0
    for view in _VIEWS:
        shot = render_at_scale(scene, view, px)
        w, h = shot.image.width / px, shot.image.height / px
        if x + w > PAGE_W - MARGIN and x > MARGIN:
            x, page.y, row_h = MARGIN, page.y - row_h - GAP, 0.0
        _place(page, shot.image, x, page.y - 5 - h, w, h, f"{view.title.upper()} · 1:1")
        x, row_h = x + max(w, SLOT_MM) + GAP, max(row_h, h + 5)
    page.y -= row_h + GAP
    largest = float(np.ptp(scene.vertices, axis=0).max())
    enlarge = min(5, int(DETAIL_MM // largest))
    if enlarge >= 2:
        shot = render_at_scale(scene, _VIEWS[0], px * enlarge)
        w, h = shot.image.width / px, shot.image.height / px
        label = f"DETAIL · FRONT · {enlarge}:1 (enlarged, not to scale)"
        _place(page, shot.image, MARGIN, page.y - 5 - h, w, h, label)
        page.y -= h + 5 + GAP


def _place(
    page: _Page, image: Image.Image, x: float, y: float, w: float, h: float, label: str
) -> None:
    """An image at (x, y) mm, w × h mm on paper, with a caption above it."""
    page.canvas.drawImage(ImageReader(image), x * mm, y * mm, w * mm, h * mm, mask="auto")
    page.canvas.setStrokeColorRGB(0.75, 0.72, 0.66)
    page.canvas.setLineWidth(0.3)
    page.canvas.rect(x * mm, y * mm, w * mm, h * mm)
    page.text(x, y + h + 1.5, label, 7, True)


def dimension_lines(spec: dict[str, Any], cast: Model | None = None) -> list[str]:
    """The key dimensions as lines of text: sizes, band, stones, overall, weight."""
    lines = _size_lines(spec) + _stone_lines(spec)
    w, d, h = spec["dimensions_mm"]
    lines.append(f"Overall {w:.2f} × {d:.2f} × {h:.2f} mm (width × depth × height)")
    if cast is not None and spec.get("findings"):
        points = np.concatenate([p.mesh.vertices for p in cast.parts])
        w, d, h = np.ptp(points, axis=0)
        lines.append(f"Cast piece {w:.2f} × {d:.2f} × {h:.2f} mm (drawn above)")
    return lines + _weight_lines(spec)


def _size_lines(spec: dict[str, Any]) -> list[str]:
    lines = []
    if spec.get("inner_diameter_mm"):
        vn = spec.get("ring_size_vn")
        lines.append(
            f"Inner diameter {spec['inner_diameter_mm']:.2f} mm · circumference "
            f"{spec['inner_circumference_mm']:.2f} mm · US {spec['ring_size_us']:g} · "
            f"EU {spec['ring_size_eu']} · UK {spec['ring_size_uk']}"
            + (f" · VN (ni) {vn:g}" if vn is not None else "")
        )
    if spec.get("inner_axes_mm"):
        a, b = spec["inner_axes_mm"]
        lines.append(f"Inside {a:g} × {b:g} mm for a {spec['wrist_circumference_mm']:g} mm wrist")
    if spec.get("band_width_mm") and spec.get("band_thickness_mm"):
        lines.append(
            f"Band {spec['band_width_mm']:g} mm wide × {spec['band_thickness_mm']:g} mm thick, "
            f"{spec['band_profile']} profile"
        )
    return lines


def _weight_lines(spec: dict[str, Any]) -> list[str]:
    lines = [
        f"Cast metal {spec['alloy']}: {spec['metal_weight_g']:.3f} g = "
        f"{spec['metal_weight_chi']:.3f} chỉ ({spec['density_g_cm3']:g} g/cm³)"
    ]
    if spec.get("findings"):
        chain = f", chain {spec['chain_length_mm']:g} mm" if spec.get("chain_length_mm") else ""
        lines.append(
            f"Stock findings (not cast): {', '.join(spec['findings'])}{chain}, "
            f"{spec['findings_weight_g']:.2f} g"
        )
    return lines


def _stone_lines(spec: dict[str, Any]) -> list[str]:
    lines = []
    if spec.get("main_stone"):
        length, width, depth = spec["main_stone_mm"]
        lines.append(
            f"Main stone {spec['main_stone']}: {length:.2f} × {width:.2f} × {depth:.2f} mm"
        )
    if spec.get("side_stone_count"):
        length, width, _ = spec["side_stone_mm"]
        lines.append(
            f"Side stones {spec['side_stone_count']} × {spec['side_carat_each']:g} ct: "
            f"{length:.2f} × {width:.2f} mm"
        )
    if spec.get("accent_stone_count"):
        size = spec["accent_stone_mm"][0]
        lines.append(
            f"Accents {spec['accent_stone_count']} × {spec['accent_stone_shape']} {size:.2f} mm "
            f"({spec['accent_carat_each']:g} ct each) · total {spec['total_carat']:g} ct"
        )
    return lines


def _dimensions(page: _Page, spec: dict[str, Any], cast: Model) -> None:
    lines = dimension_lines(spec, cast)
    top = max(page.y, MARGIN + 24 + 5 * len(lines))
    page.text(MARGIN, top, "KEY DIMENSIONS (mm)", 8, True)
    for i, line in enumerate(lines):
        page.text(MARGIN, top - 5 * (i + 1), line, 8.5)


def _scale_bar(page: _Page) -> None:
    """A 10 mm bar with end and middle ticks, to check the print against a ruler."""
    c, x, y = page.canvas, MARGIN, MARGIN + 6
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)
    c.rect(x * mm, y * mm, SCALE_BAR_MM * mm, 1.2 * mm, stroke=0, fill=1)
    c.setLineWidth(0.4)
    for tick in (0.0, SCALE_BAR_MM / 2, SCALE_BAR_MM):
        c.line((x + tick) * mm, (y - 1.2) * mm, (x + tick) * mm, (y + 2.4) * mm)
    page.text(x + SCALE_BAR_MM + 3, y, "10 mm scale bar: measure it to check the print", 8)
    page.text(x, MARGIN, PRINT_NOTE, 7.5)
