"""The 3D product preview: a 3/4 render on a soft studio background with a contact shadow."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from core.engine.shading import Scene
from core.engine.theme import colors
from core.engine.views import View, hero_direction, hero_focus, place, render
from core.properties import DesignProperties

PREVIEW = (1024, 768)


def _backdrop(size: tuple[int, int]) -> Image.Image:
    top, bottom = np.array(colors()["preview_top"]), np.array(colors()["preview_bottom"])
    t = np.linspace(0, 1, size[1])[:, None, None] ** 1.5
    rows = (top * (1 - t) + bottom * t).astype(np.uint8)
    return Image.fromarray(np.broadcast_to(rows, (size[1], size[0], 3)).copy(), "RGB").convert(
        "RGBA"
    )


def _shadow(piece: Image.Image, s: float) -> Image.Image:
    """A soft shadow from the piece's silhouette, dropped a little below it."""
    alpha = piece.getchannel("A").point(lambda a: a * 0.28)
    small = alpha.reduce(4).filter(ImageFilter.GaussianBlur(6 * s))
    blurred = small.resize(piece.size, Image.Resampling.BILINEAR)
    shadow = Image.new("RGBA", piece.size, colors()["shadow"] + (0,))
    shadow.putalpha(blurred)
    return shadow


def product_preview(scene: Scene, props: DesignProperties, scale: float = 1.0) -> Image.Image:
    """The preview image (PREVIEW size times scale), RGB."""
    size = (round(PREVIEW[0] * scale), round(PREVIEW[1] * scale))
    view = View("preview", hero_direction(props.jewelry_type))
    shot = render(scene, view, size, 70 * scale, True, focus=hero_focus(scene, props.jewelry_type))
    image = _backdrop(size)
    offset = (round(6 * scale), round(14 * scale))
    image.alpha_composite(_shadow(shot.image, scale), offset)
    place(image, shot, (0, 0))
    return image.convert("RGB")
