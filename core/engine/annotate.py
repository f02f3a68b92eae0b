"""Dimension lines in mm on orthographic views: extension lines, arrows, centred labels."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from PIL import ImageDraw

from core.engine.raster import Camera
from core.engine.theme import colors, font

Ink = tuple[int, int, int]


def _arrow(
    draw: ImageDraw.ImageDraw, tip: ArrayLike, direction: ArrayLike, size: float, fill: Ink
) -> None:
    d = np.asarray(direction, float)
    d /= np.linalg.norm(d)
    side = np.array([-d[1], d[0]])
    tip = np.asarray(tip, float)
    back = tip - d * size
    draw.polygon(
        [tuple(tip), tuple(back + side * size * 0.35), tuple(back - side * size * 0.35)], fill=fill
    )


def dimension(
    draw: ImageDraw.ImageDraw,
    a: ArrayLike,
    b: ArrayLike,
    label: str,
    s: float,
    offset: ArrayLike = (0.0, 0.0),
) -> None:
    """A dimension line from a to b (px), shifted by offset, arrows inwards, label centred."""
    ink = colors()["dimension"]
    a, b = np.asarray(a, float), np.asarray(b, float)
    off = np.asarray(offset, float)
    pa, pb = a + off, b + off
    if np.linalg.norm(off) > 0:
        unit = off / np.linalg.norm(off)
        for p, q in ((a, pa), (b, pb)):
            draw.line([tuple(p + unit * 3 * s), tuple(q + unit * 4 * s)], fill=ink, width=1)
    draw.line([tuple(pa), tuple(pb)], fill=ink, width=max(1, round(s)))
    size = 7 * s
    _arrow(draw, pa, pa - pb, size, ink)
    _arrow(draw, pb, pb - pa, size, ink)
    _label(draw, (pa + pb) / 2, pb - pa, label, s)


def _label(
    draw: ImageDraw.ImageDraw, centre: np.ndarray, along: np.ndarray, text: str, s: float
) -> None:
    f = font(max(8, round(12 * s)))
    box = draw.textbbox((0, 0), text, font=f)
    w, h = box[2] - box[0], box[3] - box[1]
    horizontal = abs(along[0]) >= abs(along[1])
    if horizontal:
        x, y = centre[0] - w / 2, centre[1] - h - 5 * s
    else:
        x, y = centre[0] + 6 * s, centre[1] - h / 2
    pad = 2 * s
    draw.rectangle([x - pad, y - pad, x + w + pad, y + h + pad + 2 * s], fill=colors()["panel"])
    draw.text((x, y - box[1]), text, font=f, fill=colors()["ink"])


def screen_box(camera: Camera, points: np.ndarray) -> tuple[float, float, float, float]:
    """Screen bounding box (x0, y0, x1, y1) of world points in a view."""
    x, y, _ = camera.project(points)
    return float(x.min()), float(y.min()), float(x.max()), float(y.max())


def overall_dimensions(
    draw: ImageDraw.ImageDraw, camera: Camera, points: np.ndarray, s: float
) -> None:
    """Width below and height to the right of a view's silhouette, in mm."""
    x0, y0, x1, y1 = screen_box(camera, points)
    mm = 1.0 / camera.focal
    gap = 16 * s
    dimension(draw, (x0, y1), (x1, y1), f"{(x1 - x0) * mm:.1f} mm", s, (0, gap))
    dimension(draw, (x1, y0), (x1, y1), f"{(y1 - y0) * mm:.1f} mm", s, (gap, 0))


def diameter_line(
    draw: ImageDraw.ImageDraw,
    camera: Camera,
    half: float,
    label: str,
    s: float,
    axis: ArrayLike = (1, 0, 0),
) -> None:
    """An inside-diameter line across the hole of a ring or bangle, through its centre."""
    ax = np.asarray(axis, float)
    pts = np.stack([-ax * half, ax * half])
    x, y, _ = camera.project(pts)
    dimension(draw, (x[0], y[0]), (x[1], y[1]), label, s)
