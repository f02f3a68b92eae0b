"""GeminiArtist: Gemini's image model draws and edits; our engine adds the spec and 3D model."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence

from google.genai import types
from PIL import Image, UnidentifiedImageError

from core.attachments import ReferenceImage
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
# A fresh design: the engine's drawing (640 px wide, ~70-90 ms) is the image model's structural
# reference. An edit sends the earlier image instead, so the engine only gives the spec and
# models there and draws tiny (~15 ms instead of ~330 at full size).
REFERENCE_SCALE = 0.5
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
    scale: float,
    vn_sizes: VietnameseSizes | None = None,
) -> Rendering:
    """The engine's rendering of the same design: its spec, and for 3D its .glb/.stl."""
    return await pool.run(
        "engine_companion",
        render_design_at,
        properties,
        image_type,
        variant,
        scale,
        vn_sizes,
    )


def image_part(data: bytes, mime_type: str) -> types.Part:
    """An inline image for a request."""
    return types.Part.from_bytes(data=data, mime_type=mime_type)


def _forget(task: asyncio.Future[Rendering]) -> None:
    if not task.cancelled():
        task.exception()


def _kept(png: bytes, engine: Rendering, image_type: ImageType) -> Rendering:
    """Gemini's picture with the engine's spec, and for 3D the engine's models."""
    three_d = image_type is ImageType.THREE_D
    return Rendering(
        png=png,
        glb=engine.glb if three_d else None,
        stl=engine.stl if three_d else None,
        spec=engine.spec,
    )


class GeminiArtist:
    """Draws with Gemini's image model over the engine's drawing; edits send the earlier image."""

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
        self,
        properties: DesignProperties,
        image_type: ImageType,
        variant: int,
        prompt: str,
        references: Sequence[ReferenceImage] = (),
    ) -> Rendering:
        """Draw one variant: the engine's drawing, the designer's references, then the brief."""
        engine = await companion(
            self.pool, properties, image_type, variant, REFERENCE_SCALE, self.vn_sizes
        )
        variation = str(engine.spec.get("variation") or "") if variant else ""
        brief = design_prompt(properties, image_type, variation, prompt, len(references))
        parts = [
            image_part(engine.png, "image/png"),
            *(image_part(r.data, r.mime_type) for r in references),
            types.Part(text=brief),
        ]
        return _kept(await self._picture(parts, image_type), engine, image_type)

    async def edit(
        self,
        source_png: bytes,
        properties: DesignProperties,
        image_type: ImageType,
        instruction: str,
    ) -> Rendering:
        """Change an earlier design: its PNG goes to the image model with the instruction."""
        parts = [
            image_part(source_png, "image/png"),
            types.Part(text=edit_prompt(properties, image_type, instruction)),
        ]
        engine = asyncio.ensure_future(
            companion(self.pool, properties, image_type, 0, COMPANION_SCALE, self.vn_sizes)
        )
        engine.add_done_callback(_forget)
        try:
            png = await self._picture(parts, image_type)
        except BaseException:
            engine.cancel()
            raise
        return _kept(png, await engine, image_type)

    async def _picture(self, parts: list[types.Part], image_type: ImageType) -> bytes:
        """Ask the image model for one picture; return it verified, as PNG."""
        contents = [types.Content(role="user", parts=parts)]
        response = await self.client.generate(
            self.model, contents, image_config(self.model, image_type)
        )
        return await asyncio.to_thread(verified_png, picture(response))
