"""The spec sheet as data: sizes, weights, stones, from the model's real geometry.

Weights: the cast solid's volume × the alloy's density (docs/reference.md, Metals), so the
`.stl` and `metal_weight_g` agree. Stone positions are in the `.stl`'s frame (mm, z up,
front towards -y).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from core import ring_sizes
from core.engine.materials import alloy_for
from core.engine.model import Model, Placement, Role
from core.engine.solid import Solid
from core.engine.stones import Stone
from core.properties import DesignProperties, Gemstone, JewelryType

CHI_G = 3.75  # 1 chỉ = 3.75 g (docs/reference.md, Metals)
_STONE_ROLE_NAMES = {Role.MAIN_STONE: "main", Role.SIDE_STONE: "side", Role.ACCENT: "accent"}


def _dims(stone: Stone | None) -> list[float] | None:
    if stone is None:
        return None
    return [round(stone.length, 2), round(stone.width, 2), round(stone.depth, 2)]


def build_spec(
    model: Model,
    solid: Solid,
    props: DesignProperties,
    vn_sizes: ring_sizes.VietnameseSizes | None = None,
) -> dict[str, Any]:
    """Everything a workshop needs, JSON-ready."""
    alloy = alloy_for(props.metal, props.karat)
    weight = solid.volume_mm3 / 1000 * alloy.density_g_cm3
    verts = np.concatenate([p.mesh.vertices for p in model.parts])
    spec: dict[str, Any] = {
        "jewelry_type": props.jewelry_type.value,
        "alloy": alloy.name,
        "density_g_cm3": alloy.density_g_cm3,
        "metal_volume_mm3": round(solid.volume_mm3, 1),
        "metal_weight_g": round(weight, 3),
        "metal_weight_chi": round(weight / CHI_G, 3),
        "metal_bodies": solid.bodies,
        **_findings(model, alloy.density_g_cm3),
        **_stones(model, props),
        "dimensions_mm": [round(float(x), 2) for x in np.ptp(verts, axis=0)],
        **_ring_sizes(props, vn_sizes or ring_sizes.vn_chart()),
        **model.facts,
    }
    if alloy.density_note:
        spec["density_note"] = alloy.density_note
    return spec


def _stones(model: Model, props: DesignProperties) -> dict[str, Any]:
    """Counts, sizes and carats by role, and every stone's place."""
    main, sides = model.of_role(Role.MAIN_STONE), model.of_role(Role.SIDE_STONE)
    accents = model.of_role(Role.ACCENT)
    return {
        "stone_count": len(model.stones),
        "main_stone": _main_stone_name(props, main),
        "main_stone_mm": _dims(main[0].stone if main else None),
        "main_stone_count": len(main),
        "side_stone_count": len(sides),
        "side_stone_mm": _dims(sides[0].stone if sides else None),
        "side_carat_each": round(sides[0].carat, 3) if sides else 0.0,
        "accent_stone_count": len(accents),
        "accent_stone_mm": _dims(accents[0].stone if accents else None),
        "accent_stone_shape": accents[0].stone.shape.value if accents else None,
        "accent_carat_each": round(accents[0].carat, 4) if accents else 0.0,
        "total_carat": round(sum(s.carat for s in model.stones), 3),
        "stones": [_stone_entry(s) for s in model.stones],
    }


def _findings(model: Model, density: float) -> dict[str, Any]:
    """Stock findings (chain, ear nuts) are weighed apart: they are bought, not cast."""
    parts = [p for p in model.parts if p.role is Role.FINDING]
    if not parts:
        return {}
    volume = sum(p.mesh.volume() for p in parts)
    return {
        "findings": sorted({p.name for p in parts}),
        "findings_weight_g": round(volume / 1000 * density, 2),
    }


def _stone_entry(placement: Placement) -> dict[str, Any]:
    stone = placement.stone
    return {
        "role": _STONE_ROLE_NAMES[placement.role],
        "shape": "pearl" if stone.is_pearl else stone.shape.value,
        "size_mm": _dims(stone),
        "carat": round(placement.carat, 4),
        "position_mm": [round(float(v), 2) for v in placement.position],
        "table_axis": [round(float(v), 3) for v in placement.table_axis],
    }


def _main_stone_name(props: DesignProperties, main: list[Placement]) -> str | None:
    if not main:
        return None
    if props.gemstone is Gemstone.PEARL:
        return f"{main[0].stone.width:g} mm pearl"
    return f"{props.carat:g} ct {props.gem_shape.value} {props.gemstone.value}"


def _ring_sizes(props: DesignProperties, vn_sizes: ring_sizes.VietnameseSizes) -> dict[str, Any]:
    if props.jewelry_type is not JewelryType.RING:
        return {
            "inner_diameter_mm": None,
            "ring_size_us": None,
            "ring_size_eu": None,
            "ring_size_uk": None,
            "ring_size_vn": None,
        }
    inner = ring_sizes.inner_diameter_mm(props.ring_size)
    return {
        "inner_diameter_mm": round(inner, 2),
        "inner_circumference_mm": round(math.pi * inner, 2),
        "ring_size_us": props.ring_size,
        "ring_size_eu": ring_sizes.eu_size(props.ring_size),
        "ring_size_uk": ring_sizes.uk_size(props.ring_size),
        "ring_size_vn": vn_sizes.size_of_us(props.ring_size),
    }
