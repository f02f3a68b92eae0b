"""Sizes in millimetres: stones, band defaults, bangles (ring sizes are in core.ring_sizes)."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

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
# Face-up size √(length × width) in mm of a 1 ct diamond of each cut: round from the
# 6.5 × ct^(1/3) rule, the others fitted to published carat-to-mm charts
# (docs/reference.md, "Stone sizes by cut"; tests/core/engine/test_reference.py).
FACE_UP_MM_AT_1_CT = {
    GemShape.ROUND: 6.5,
    GemShape.OVAL: 6.65,
    GemShape.PRINCESS: 5.56,
    GemShape.CUSHION: 5.68,
    GemShape.EMERALD: 5.86,
    GemShape.PEAR: 6.95,
    GemShape.MARQUISE: 6.90,
    GemShape.HEART: 6.41,
}


def round_diameter_mm(carat: float, specific_gravity: float = DIAMOND_SG) -> float:
    """Diameter of a round brilliant: 6.5 × ct^(1/3) for diamond, scaled by density."""
    return 6.5 * (carat * DIAMOND_SG / specific_gravity) ** (1 / 3)


def stone_dims_mm(
    shape: GemShape, carat: float, specific_gravity: float = DIAMOND_SG
) -> tuple[float, float, float]:
    """Length, width and depth of a cut stone: a diamond's face-up size by cut, scaled by density.

    A stone of another gem of the same carat is the size of a diamond of carat × 3.52 / SG.
    """
    size = FACE_UP_MM_AT_1_CT[shape] * (carat * DIAMOND_SG / specific_gravity) ** (1 / 3)
    ratio = LENGTH_TO_WIDTH[shape]
    width = size / math.sqrt(ratio)
    return ratio * width, width, TOTAL_DEPTH * width


def carat_of(shape: GemShape, length_mm: float, width_mm: float, sg: float = DIAMOND_SG) -> float:
    """Inverse of stone_dims_mm: the carat of a stone with this girdle size."""
    size = math.sqrt(length_mm * width_mm)
    return (size / FACE_UP_MM_AT_1_CT[shape]) ** 3 * sg / DIAMOND_SG


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
