"""The spec sheet as data: sizes, weights, stones, from the model's real geometry."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from core.engine import geometry
from core.engine.materials import alloy_for
from core.engine.model import Model, Role
from core.engine.stones import Stone, melee_carat
from core.properties import DesignProperties, Gemstone, JewelryType

CHI_G = 3.75  # 1 chỉ = 3.75 g


def _dims(stone: Stone | None) -> list[float] | None:
    if stone is None:
        return None
    return [round(stone.length, 2), round(stone.width, 2), round(stone.depth, 2)]


def build_spec(model: Model, props: DesignProperties) -> dict[str, Any]:
    """Everything a workshop needs, JSON-ready."""
    alloy = alloy_for(props.metal, props.karat)
    volume = model.merged(Role.METAL).volume()
    weight = volume / 1000 * alloy.density_g_cm3
    verts = np.concatenate([p.mesh.vertices for p in model.parts])
    accent_ct = melee_carat(model.accent_stone) if model.accent_stone else 0.0
    main_ct = float(props.carat) if model.main_stone else 0.0
    spec: dict[str, Any] = {
        "jewelry_type": props.jewelry_type.value,
        "alloy": alloy.name,
        "density_g_cm3": alloy.density_g_cm3,
        "metal_volume_mm3": round(volume, 1),
        "metal_weight_g": round(weight, 2),
        "metal_weight_chi": round(weight / CHI_G, 3),
        "stone_count": model.main_count + model.accent_count,
        "main_stone": _main_stone_name(props, model),
        "main_stone_mm": _dims(model.main_stone),
        "main_stone_count": model.main_count,
        "accent_stone_count": model.accent_count,
        "accent_stone_mm": _dims(model.accent_stone),
        "accent_stone_shape": model.accent_stone.shape.value if model.accent_stone else None,
        "accent_carat_each": round(accent_ct, 4),
        "total_carat": round(main_ct * model.main_count + accent_ct * model.accent_count, 3),
        "dimensions_mm": [round(float(x), 2) for x in np.ptp(verts, axis=0)],
        **_ring_sizes(props, model),
        **model.facts,
    }
    if alloy.density_note:
        spec["density_note"] = alloy.density_note
    return spec


def _main_stone_name(props: DesignProperties, model: Model) -> str | None:
    if model.main_stone is None:
        return None
    if props.gemstone is Gemstone.PEARL:
        return f"{model.main_stone.width:.1f} mm pearl ({props.carat:g} ct)"
    return f"{props.carat:g} ct {props.gem_shape.value} {props.gemstone.value}"


def _ring_sizes(props: DesignProperties, model: Model) -> dict[str, Any]:
    if props.jewelry_type is not JewelryType.RING:
        return {
            "inner_diameter_mm": None,
            "ring_size_us": None,
            "ring_size_eu": None,
            "ring_size_uk": None,
        }
    inner = geometry.inner_diameter_mm(props.ring_size)
    return {
        "inner_diameter_mm": round(inner, 2),
        "inner_circumference_mm": round(math.pi * inner, 2),
        "ring_size_us": props.ring_size,
        "ring_size_eu": geometry.eu_size(props.ring_size),
        "ring_size_uk": geometry.uk_size(props.ring_size),
    }
