"""Stone meshes: faceted cuts lofted from their girdle outline, and pearls."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.engine import geometry
from core.engine.outlines import outline
from core.engine.primitives import Mesh, loft, sphere
from core.properties import GemShape

# Proportions as fractions of the width (round brilliant, roughly "ideal").
TABLE = 0.56
CROWN = 0.15
GIRDLE = 0.025
PAVILION = geometry.TOTAL_DEPTH - CROWN - GIRDLE


@dataclass(frozen=True)
class Stone:
    """A stone's cut and size; the mesh has its girdle centred at the origin, table up."""

    shape: GemShape
    length: float
    width: float
    is_pearl: bool = False

    @property
    def crown(self) -> float:
        """Height of the crown (table above the girdle) in mm."""
        return self.width / 2 if self.is_pearl else CROWN * self.width + GIRDLE * self.width / 2

    @property
    def pavilion(self) -> float:
        """Depth below the girdle in mm."""
        return self.width / 2 if self.is_pearl else PAVILION * self.width + GIRDLE * self.width / 2

    @property
    def depth(self) -> float:
        """Total depth in mm."""
        return self.crown + self.pavilion

    def girdle(self, count: int, phase: float = 0.0) -> np.ndarray:
        """Points of the girdle outline (2D)."""
        return outline(self.shape, count, self.length, self.width, phase)

    def segments(self) -> int:
        """Girdle points: few for round (reads as facets), more for fancy outlines."""
        if self.shape in (GemShape.ROUND, GemShape.OVAL):
            return 10 if self.width < 2.5 else 24  # melee: ten facets read at their size
        return 40


def _ring(stone: Stone, count: int, scale: float, z: float, phase: float = 0.0) -> np.ndarray:
    pts = stone.girdle(count, phase) * scale
    return np.column_stack([pts, np.full(count, z)])


def stone_mesh(stone: Stone) -> Mesh:
    """The stone's closed mesh: a pearl sphere, or crown, girdle and pavilion of a cut."""
    if stone.is_pearl:
        return sphere(stone.width / 2, 24)
    n, w = stone.segments(), stone.width
    g = GIRDLE * w / 2
    step_cut = stone.shape in (GemShape.EMERALD, GemShape.PRINCESS)
    # Alternate half-step phases so flat shading shows star and pavilion facets.
    half = 0.0 if step_cut else 0.5
    rings = np.stack(
        [
            _ring(stone, n, 0.45, -stone.pavilion * 0.55, half),
            _ring(stone, n, 1.0, -g),
            _ring(stone, n, 1.0, g),
            _ring(stone, n, 0.82, g + CROWN * w * 0.55, half),
            _ring(stone, n, TABLE, stone.crown),
        ]
    )
    return loft(rings, np.array([0, 0, -stone.pavilion]), np.array([0, 0, stone.crown]))


def cut_stone(shape: GemShape, carat: float, specific_gravity: float) -> Stone:
    """A cut stone of a given weight."""
    length, width, _ = geometry.stone_dims_mm(shape, carat, specific_gravity)
    return Stone(shape, length, width)


def pearl(diameter_mm: float) -> Stone:
    """A round pearl (pearls are sold by size)."""
    return Stone(GemShape.ROUND, diameter_mm, diameter_mm, is_pearl=True)


def melee(diameter: float) -> Stone:
    """A small round accent diamond."""
    return Stone(GemShape.ROUND, diameter, diameter)


def melee_carat(stone: Stone) -> float:
    """Carat of one accent diamond."""
    return geometry.carat_of(stone.shape, stone.length, stone.width)
