"""The engine's public contract."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from core.engine.build import build_model
from core.engine.export import to_glb, to_stl
from core.engine.options import Options
from core.engine.png import encode_png
from core.engine.preview import product_preview
from core.engine.sheet import design_sheet
from core.engine.solid import castable_solid
from core.engine.spec import build_spec
from core.engine.variants import vary
from core.engine.views import build_scene
from core.properties import DesignProperties, ImageType
from core.ring_sizes import VietnameseSizes

MIN_SCALE = 0.05


@dataclass(frozen=True)
class Rendering:
    """One finished design: the image, and for 3D the model files, plus its spec."""

    png: bytes
    glb: bytes | None = None
    stl: bytes | None = None
    spec: dict[str, Any] = field(default_factory=dict)


def render_design(
    properties: DesignProperties,
    image_type: ImageType,
    variant: int = 0,
    vn_sizes: VietnameseSizes | None = None,
) -> Rendering:
    """Draw one design (variant 0 is the brief as given; 1.. are distinct variations).

    `vn_sizes` is the Vietnamese ring-size chart the spec uses (the bundled one when None).
    """
    return render_design_at(properties, image_type, variant, 1.0, vn_sizes)


def render_design_at(
    properties: DesignProperties,
    image_type: ImageType,
    variant: int = 0,
    scale: float = 1.0,
    vn_sizes: VietnameseSizes | None = None,
) -> Rendering:
    """render_design with an image scale (< 1 draws a smaller, cheaper image, same code path).

    Scales below MIN_SCALE are raised to it: smaller images would hold no drawing.
    """
    scale = max(scale, MIN_SCALE)
    brief = properties.normalized()
    props, opts, description = vary(brief, Options(), variant)
    model = build_model(props, opts)
    two_d = ImageType(image_type) is ImageType.TWO_D
    solid = castable_solid(model, mesh=not two_d)
    spec = build_spec(model, solid, props, vn_sizes)
    spec.update(variant=variant, variation=description)
    if props != brief:
        spec["variant_properties"] = props.to_dict()
    scene = build_scene(model, props)
    if two_d:
        image = design_sheet(model, scene, props, spec, scale)
        return Rendering(_png(image, props, spec), None, None, spec)
    image = product_preview(scene, props, scale)
    return Rendering(_png(image, props, spec), to_glb(model, solid, props), to_stl(solid), spec)


def _png(image: Image.Image, props: DesignProperties, spec: dict[str, Any]) -> bytes:
    """PNG bytes with the properties and spec as JSON text chunks."""
    text = {
        "properties": json.dumps(props.to_dict(), ensure_ascii=False),
        "spec": json.dumps(spec, ensure_ascii=False),
    }
    return encode_png(image, text)
