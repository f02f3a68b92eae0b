"""Workshop sheets (PDF) written on demand to a private temp folder, for Gradio to serve."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from core.studio import Studio


@lru_cache(maxsize=1)
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="pnj-sheets-"))


def write_sheet(studio: Studio, owner: str, image_id: int) -> str:
    """The path of a design's freshly made true-scale sheet (owner-checked by the studio)."""
    pdf = studio.designs.sheet(owner, image_id)
    path = _folder() / f"design-{image_id}-sheet.pdf"
    path.write_bytes(pdf)
    return str(path)
