"""What the builders produce: named parts, where each stone sits, and the facts the spec needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import numpy as np

from core.engine.primitives import Mesh, concat, instances
from core.engine.stones import Stone, stone_mesh

MIRROR_X = np.diag([-1.0, 1.0, 1.0, 1.0])


class Role(StrEnum):
    METAL = "metal"  # cast: joined into the piece's solid
    FINDING = "findings"  # stock findings (chain, ear nuts): drawn and weighed, bought, not cast
    MAIN_STONE = "main_stone"
    SIDE_STONE = "side_stones"  # a three-stone piece's smaller stones of the main gem
    ACCENT = "accent_stones"  # small diamonds: halo, pavé, channel


STONE_ROLES = (Role.MAIN_STONE, Role.SIDE_STONE, Role.ACCENT)


@dataclass(frozen=True)
class Part:
    """One closed mesh (one or more shells) with the material it is made of."""

    name: str
    role: Role
    mesh: Mesh


@dataclass(frozen=True)
class Placement:
    """Where one stone sits: its frame (girdle centre at the origin, table up) in the piece."""

    stone: Stone
    role: Role
    matrix: np.ndarray
    carat: float

    @property
    def position(self) -> np.ndarray:
        """Girdle centre in mm."""
        return self.matrix[:3, 3]

    @property
    def table_axis(self) -> np.ndarray:
        """Unit vector the table faces."""
        axis = self.matrix[:3, 2]
        return axis / np.linalg.norm(axis)


@dataclass
class Model:
    """A whole piece, in millimetres: parts, stone placements and measurable facts."""

    parts: list[Part] = field(default_factory=list)
    stones: list[Placement] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, role: Role, mesh: Mesh) -> None:
        """Add a part (empty meshes are skipped)."""
        if len(mesh.faces):
            self.parts.append(Part(name, role, mesh))

    def add_stones(
        self, name: str, role: Role, stone: Stone, matrices: np.ndarray, carat: float
    ) -> None:
        """Add stones of one cut and weight, one per 4×4 frame, as a part and as placements."""
        if len(matrices):
            self.add(name, role, instances(stone_mesh(stone), np.asarray(matrices)))
            self.stones += [Placement(stone, role, m, carat) for m in matrices]

    def extend(self, other: Model) -> None:
        """Take over another model's parts and stones (pairs of earrings, pendant on a chain)."""
        self.parts.extend(other.parts)
        self.stones.extend(other.stones)

    def of_role(self, role: Role) -> list[Placement]:
        """The stones of one role."""
        return [s for s in self.stones if s.role is role]

    def merged(self, role: Role) -> Mesh:
        """All parts of one role as one mesh."""
        return concat([p.mesh for p in self.parts if p.role is role])

    def transformed(self, matrix: np.ndarray) -> Model:
        """A copy with every part and stone moved by a 4×4 matrix."""
        return self._remeshed(lambda mesh: mesh.transformed(matrix), matrix)

    def mirrored_x(self) -> Model:
        """A mirror-image copy (the other earring of a pair)."""
        return self._remeshed(lambda mesh: mesh.mirrored_x(), MIRROR_X)

    def _remeshed(self, change: Callable[[Mesh], Mesh], matrix: np.ndarray) -> Model:
        parts = [Part(p.name, p.role, change(p.mesh)) for p in self.parts]
        stones = [replace(s, matrix=matrix @ s.matrix) for s in self.stones]
        return replace(self, parts=parts, stones=stones, facts=dict(self.facts))
