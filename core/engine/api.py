"""The engine's public contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.properties import DesignProperties, ImageType


@dataclass(frozen=True)
class Rendering:
    """One finished design: the image, and for 3D the model files, plus its spec."""

    png: bytes
    glb: bytes | None = None
    stl: bytes | None = None
    spec: dict[str, Any] = field(default_factory=dict)


def render_design(
    properties: DesignProperties, image_type: ImageType, variant: int = 0
) -> Rendering:
    """Draw one design (variant 0 is the brief as given; 1.. are distinct variations)."""
    raise NotImplementedError("the engine is being built")
