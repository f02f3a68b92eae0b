"""The house style: colours from assets/theme.json and the bundled DejaVu fonts."""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

ASSETS = Path(__file__).resolve().parents[2] / "assets"


@lru_cache(maxsize=1)
def colors() -> dict[str, tuple[int, int, int]]:
    """Named house colours as RGB tuples."""
    raw = json.loads((ASSETS / "theme.json").read_text(encoding="utf-8"))["colors"]
    return {
        name: tuple(int(value[i : i + 2], 16) for i in (1, 3, 5)) for name, value in raw.items()
    }


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The house font at a pixel size (one instance per thread: renders run in parallel)."""
    return _font(size, bold, threading.get_ident())


@lru_cache(maxsize=128)
def _font(size: int, bold: bool, thread: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(ASSETS / "fonts" / name), size)
