"""What the builders produce: named parts (metal or stone) and the facts the spec needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import numpy as np

from core.engine.primitives import Mesh, concat
from core.engine.stones import Stone


class Role(StrEnum):
    METAL = "metal"
    MAIN_STONE = "main_stone"
    ACCENT = "accent_stones"


@dataclass(frozen=True)
class Part:
    """One closed mesh with the material it is made of."""

    name: str
    role: Role
    mesh: Mesh


@dataclass
class Model:
    """A whole piece, in millimetres, plus its measurable facts."""

    parts: list[Part] = field(default_factory=list)
    main_stone: Stone | None = None
    main_count: int = 0
    accent_stone: Stone | None = None
    accent_count: int = 0
    facts: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, role: Role, mesh: Mesh) -> None:
        """Add a part (empty meshes are skipped)."""
        if len(mesh.faces):
            self.parts.append(Part(name, role, mesh))

    def extend(self, other: Model) -> None:
        """Take over another model's parts and stones (pairs of earrings, pendant on a chain)."""
        self.parts.extend(other.parts)
        self.main_stone = self.main_stone or other.main_stone
        self.main_count += other.main_count
        self.accent_stone = self.accent_stone or other.accent_stone
        self.accent_count += other.accent_count

    def merged(self, role: Role) -> Mesh:
        """All parts of one role as one mesh."""
        return concat([p.mesh for p in self.parts if p.role is role])

    def transformed(self, matrix: np.ndarray) -> Model:
        """A copy with every part moved by a 4×4 matrix."""
        return self._remeshed(lambda mesh: mesh.transformed(matrix))

    def mirrored_x(self) -> Model:
        """A mirror-image copy (the other earring of a pair)."""
        return self._remeshed(lambda mesh: mesh.mirrored_x())

    def _remeshed(self, change: Callable[[Mesh], Mesh]) -> Model:
        parts = [Part(p.name, p.role, change(p.mesh)) for p in self.parts]
        return replace(self, parts=parts, facts=dict(self.facts))
