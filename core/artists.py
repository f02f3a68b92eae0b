"""Artists draw designs for the tools; the offline one is the parametric engine."""

from __future__ import annotations

import anyio

from core.engine import Rendering, render_design
from core.properties import DesignProperties, ImageType
from core.ring_sizes import VietnameseSizes


class OfflineArtist:
    """Draws every design with the parametric engine, off the event loop."""

    def __init__(self, vn_sizes: VietnameseSizes | None = None) -> None:
        self.vn_sizes = vn_sizes  # the Vietnamese ring-size chart specs use (bundled if None)

    async def draw(
        self, properties: DesignProperties, image_type: ImageType, variant: int, prompt: str
    ) -> Rendering:
        """Render one variant of the design."""
        return await self._render(properties, image_type, variant)

    async def edit(
        self,
        source_png: bytes,
        properties: DesignProperties,
        image_type: ImageType,
        instruction: str,
    ) -> Rendering:
        """Redraw with the changed properties; the engine keeps the piece's identity by design."""
        return await self._render(properties, image_type, 0)

    async def _render(
        self, properties: DesignProperties, image_type: ImageType, variant: int
    ) -> Rendering:
        return await anyio.to_thread.run_sync(
            render_design, properties, image_type, variant, self.vn_sizes
        )
