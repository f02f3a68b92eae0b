"""Sizes in millimetres: stones, band defaults, bangles (ring sizes are in core.ring_sizes)."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from core.engine.outlines import outline_area
from core.properties import GemShape, Style

# Band thickness (radial, mm) by style: classic/vintage heavier, minimalist lighter.
_THICKNESS = {
    Style.CLASSIC: 1.8,
    Style.VINTAGE: 1.8,
    Style.MODERN: 2.0,
    Style.MINIMALIST: 1.5,
    Style.FLORAL: 1.7,
    Style.ART_DECO: 1.9,
}


def band_thickness_mm(style: Style, width_mm: float) -> float:
    """Default radial band thickness for a style; wide bands get a little more."""
    return round(_THICKNESS[style] + max(0.0, width_mm - 6.0) * 0.1, 2)


# Length-to-width ratios: the middle of each typical range (docs/reference.md, Stones).
LENGTH_TO_WIDTH = {
    GemShape.ROUND: 1.0,
    GemShape.PRINCESS: 1.0,
    GemShape.CUSHION: 1.1,
    GemShape.OVAL: 1.4,
    GemShape.EMERALD: 1.4,
    GemShape.PEAR: 1.6,
    GemShape.MARQUISE: 2.0,
    GemShape.HEART: 1.0,
}

DIAMOND_SG = 3.52
TOTAL_DEPTH = 0.61  # of the width; good rounds are 57.5–63 % (docs/reference.md, Stones)


def round_diameter_mm(carat: float, specific_gravity: float = DIAMOND_SG) -> float:
    """Diameter of a round brilliant: 6.5 × ct^(1/3) for diamond, scaled by density."""
    return 6.5 * (carat * DIAMOND_SG / specific_gravity) ** (1 / 3)


def stone_dims_mm(
    shape: GemShape, carat: float, specific_gravity: float = DIAMOND_SG
) -> tuple[float, float, float]:
    """Length, width and depth of a cut stone, matching the round's girdle area."""
    diameter = round_diameter_mm(carat, specific_gravity)
    ratio = LENGTH_TO_WIDTH[shape]
    # Outline of length `ratio`, width 1 has this area; scale it to the round's area.
    scale = math.sqrt((math.pi / 4 * diameter**2) / outline_area(shape, ratio))
    width = scale
    return ratio * width, width, TOTAL_DEPTH * width


def carat_of(shape: GemShape, length_mm: float, width_mm: float, sg: float = DIAMOND_SG) -> float:
    """Inverse of stone_dims_mm: the carat of a stone with this girdle size."""
    area = outline_area(shape, length_mm / width_mm) * width_mm**2
    diameter = math.sqrt(4 * area / math.pi)
    return (diameter / 6.5) ** 3 * sg / DIAMOND_SG


def pearl_carat(diameter_mm: float, specific_gravity: float) -> float:
    """Weight in carat of a round pearl of this diameter."""
    return math.pi / 6 * diameter_mm**3 / 1000 * specific_gravity / 0.2


# Bangles here are oval and close-fitting (a hinged-bangle fit): docs/reference.md.
BANGLE_EASE_MM = 15.0
BANGLE_ASPECT = 0.82


@lru_cache(maxsize=8)
def bangle_semi_axes_mm(wrist_mm: float) -> tuple[float, float]:
    """Inner semi-axes (a, b) of an oval bangle whose inner perimeter fits the wrist."""
    perimeter = wrist_mm + BANGLE_EASE_MM
    t = np.linspace(0, 2 * np.pi, 721)
    unit = np.hypot(np.diff(np.cos(t)), np.diff(BANGLE_ASPECT * np.sin(t))).sum()
    a = perimeter / unit
    return float(a), float(a * BANGLE_ASPECT)
