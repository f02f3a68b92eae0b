"""Artists draw designs for the tools; the offline one is the parametric engine."""

from __future__ import annotations

from collections.abc import Sequence

from core.attachments import ReferenceImage
from core.drawing import DrawingPool
from core.engine import Rendering, render_design
from core.properties import DesignProperties, ImageType
from core.ring_sizes import VietnameseSizes


class OfflineArtist:
    """Draws every design with the parametric engine, in the bounded drawing pool."""

    def __init__(self, pool: DrawingPool, vn_sizes: VietnameseSizes | None = None) -> None:
        self.pool = pool
        self.vn_sizes = vn_sizes  # the Vietnamese ring-size chart specs use (bundled if None)

    async def draw(
        self,
        properties: DesignProperties,
        image_type: ImageType,
        variant: int,
        prompt: str,
        references: Sequence[ReferenceImage] = (),
    ) -> Rendering:
        """Render one variant of the design (the engine reads properties, not pictures)."""
        return await self.pool.run(
            "engine", render_design, properties, image_type, variant, self.vn_sizes
        )

    async def edit(
        self,
        source_png: bytes,
        properties: DesignProperties,
        image_type: ImageType,
        instruction: str,
    ) -> Rendering:
        """Redraw with the changed properties; the engine keeps the piece's identity by design."""
        return await self.pool.run(
            "engine", render_design, properties, image_type, 0, self.vn_sizes
        )
