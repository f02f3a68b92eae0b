"""GeminiArtist: Gemini's image model draws and edits; our engine adds the spec and 3D model."""

from __future__ import annotations

import asyncio
import io

from google.genai import types
from PIL import Image, UnidentifiedImageError

from core.drawing import DrawingPool
from core.engine import Rendering
from core.engine.api import render_design_at
from core.gemini.client import GeminiClient
from core.gemini.prompts import aspect_ratio, design_prompt, edit_prompt
from core.gemini.responses import (
    NO_IMAGE_REASONS,
    SAFETY_REASONS,
    block_reason,
    finish_reason,
    images,
    text,
)
from core.properties import DesignProperties, ImageType
from core.ring_sizes import VietnameseSizes
from core.tools import ToolError

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_SIDE = 2048
# The engine's own picture is not kept (Gemini's is), so draw it tiny: ~15 ms instead of ~330.
COMPANION_SCALE = 0.1


def image_config(model: str, image_type: ImageType) -> types.GenerateContentConfig:
    """Ask for an image (and allow text, which older image models require)."""
    config = types.GenerateContentConfig(
        response_modalities=["TEXT", "IMAGE"],
        automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
    )
    # gemini-2.0 image generation predates ImageConfig and rejects it.
    if not model.startswith("gemini-2.0"):
        config.image_config = types.ImageConfig(aspect_ratio=aspect_ratio(image_type))
    return config


def picture(response: types.GenerateContentResponse) -> bytes:
    """The image bytes of an answer, or a ToolError saying why there is none."""
    reason = block_reason(response)
    if reason:
        raise ToolError(f"The image request was blocked ({reason}). Rephrase the brief.")
    found = images(response)
    if found:
        return found[0][0]
    finish = finish_reason(response)
    if finish in SAFETY_REASONS:
        raise ToolError(
            f"The image model refused this design for safety reasons ({finish}). "
            "Adjust the brief, or tell the designer."
        )
    if finish in NO_IMAGE_REASONS:
        raise ToolError(f"The image model returned no image ({finish}). Try a clearer brief.")
    said = text(response)
    if said:
        raise ToolError(f"The image model answered with text only, no image: {said[:300]}")
    raise ToolError(f"The image model returned no image (finish reason: {finish or 'none'}).")


def verified_png(data: bytes) -> bytes:
    """Check the bytes decode as an image; return them as PNG at most MAX_SIDE px a side."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ToolError("The image model sent an image over 20 MB; it was not kept.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data)) as decoded:
            decoded.load()
            mode = "RGBA" if decoded.mode in ("RGBA", "LA", "P") else "RGB"
            picture = decoded.convert(mode)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ToolError("The image model sent data that is not a readable image.") from None
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


async def companion(
    pool: DrawingPool,
    properties: DesignProperties,
    image_type: ImageType,
    variant: int,
    vn_sizes: VietnameseSizes | None = None,
) -> Rendering:
    """The engine's rendering of the same design: its spec, and for 3D its .glb/.stl."""
    return await pool.run(
        "engine_companion",
        render_design_at,
        properties,
        image_type,
        variant,
        COMPANION_SCALE,
        vn_sizes,
    )


def _forget(task: asyncio.Future[Rendering]) -> None:
    if not task.cancelled():
        task.exception()


class GeminiArtist:
    """Draws with Gemini's image model; edits send the earlier image back with the change."""

    def __init__(
        self,
        client: GeminiClient,
        model: str,
        pool: DrawingPool,
        vn_sizes: VietnameseSizes | None = None,
    ) -> None:
        self.client = client
        self.model = model
        self.pool = pool
        self.vn_sizes = vn_sizes

    async def draw(
        self, properties: DesignProperties, image_type: ImageType, variant: int, prompt: str
    ) -> Rendering:
        """Draw one variant of a design from its properties and brief."""
        brief = design_prompt(properties, image_type, variant, prompt)
        return await self._paint([types.Part(text=brief)], properties, image_type, variant)

    async def edit(
        self,
        source_png: bytes,
        properties: DesignProperties,
        image_type: ImageType,
        instruction: str,
    ) -> Rendering:
        """Change an earlier design: its PNG goes to the image model with the instruction."""
        parts = [
            types.Part.from_bytes(data=source_png, mime_type="image/png"),
            types.Part(text=edit_prompt(properties, image_type, instruction)),
        ]
        return await self._paint(parts, properties, image_type, 0)

    async def _paint(
        self,
        parts: list[types.Part],
        properties: DesignProperties,
        image_type: ImageType,
        variant: int,
    ) -> Rendering:
        engine = asyncio.ensure_future(
            companion(self.pool, properties, image_type, variant, self.vn_sizes)
        )
        engine.add_done_callback(_forget)
        try:
            contents = [types.Content(role="user", parts=parts)]
            response = await self.client.generate(
                self.model, contents, image_config(self.model, image_type)
            )
            png = await asyncio.to_thread(verified_png, picture(response))
        except BaseException:
            engine.cancel()
            raise
        model = await engine
        glb, stl = (model.glb, model.stl) if image_type is ImageType.THREE_D else (None, None)
        return Rendering(png=png, glb=glb, stl=stl, spec=model.spec)
