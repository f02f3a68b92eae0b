"""The castable metal: a piece's cast parts joined into closed solids, with the stones' seats cut.

manifold3d does the booleans: the union of every cast shell, minus every stone, gives one
closed, consistently oriented solid per piece (two for a pair of earrings). Stock findings
(chain, ear nuts) are bought, not cast, so they stay out.
"""

from __future__ import annotations

from dataclasses import dataclass

import manifold3d as m3d
import numpy as np

from core.engine.model import STONE_ROLES, Model, Role
from core.engine.primitives import Mesh

SLIVER_MM = 1e-4  # edges shorter than this are collapsed
STL_RESOLUTION_MM = 1e-5  # positions closer than this are one vertex once written as float32
PINCH_GAP_MM = 1e-3  # how far apart vertices at a pinch are moved


@dataclass(frozen=True)
class Solid:
    """The cast metal: its mesh (all bodies; None when not asked for), volume in mm³, bodies."""

    mesh: Mesh | None
    volume_mm3: float
    bodies: int


def _shells(mesh: Mesh) -> list[m3d.Manifold]:
    """A part's closed shells as separate manifolds (shells of one part may overlap)."""
    solid = m3d.Manifold(
        m3d.Mesh64(
            vert_properties=np.ascontiguousarray(mesh.vertices, dtype=np.float64),
            tri_verts=np.ascontiguousarray(mesh.faces, dtype=np.uint32),
        )
    )
    if solid.status() != m3d.Error.NoError:
        raise ValueError(f"not a closed mesh: {solid.status()}")
    return solid.decompose()


def castable_solid(model: Model, mesh: bool = True) -> Solid:
    """Union of the cast metal parts, minus the stones (their seats), ready to print as STL.

    With `mesh` False only the volume and bodies are worked out (a 2D sheet needs no STL);
    the volume is the same to a part in ten million.
    """
    metal = [s for p in model.parts if p.role is Role.METAL for s in _shells(p.mesh)]
    solid = m3d.Manifold.batch_boolean(metal, m3d.OpType.Add)
    stones = [s for p in model.parts if p.role in STONE_ROLES for s in _shells(p.mesh)]
    if stones:
        solid = m3d.Manifold.batch_boolean([solid, *stones], m3d.OpType.Subtract)
    if not mesh:
        return Solid(None, float(solid.volume()), len(solid.decompose()))
    # Booleans leave slivers where surfaces touch; collapsing edges under a micron removes them.
    solid = solid.simplify(SLIVER_MM)
    out = solid.to_mesh64()
    vertices = np.asarray(out.vert_properties)[:, :3]
    faces = np.asarray(out.tri_verts, dtype=np.int64)
    printable = Mesh(_separate_pinches(vertices, faces), faces)
    return Solid(printable, float(solid.volume()), len(solid.decompose()))


def _separate_pinches(vertices: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Move apart distinct vertices that share a position, each a micron into its own side.

    A boolean result may touch itself at a point or along an edge (a prong meeting a
    girdle corner): valid for manifold3d, but an STL reader merges vertices by position
    and would see a non-manifold edge there.
    """
    shared = _same_position(vertices)
    if not shared.any():
        return vertices
    a, b, c = (vertices[faces[:, i]] for i in range(3))
    face_normals = np.cross(b - a, c - a)
    corners = faces.ravel()
    normals = np.stack(
        [np.bincount(corners, np.repeat(face_normals[:, k], 3), len(vertices)) for k in range(3)],
        axis=1,
    )
    normals /= np.linalg.norm(normals, axis=1, keepdims=True).clip(1e-12)
    moved = vertices.copy()
    moved[shared] -= normals[shared] * PINCH_GAP_MM
    return moved


def _same_position(vertices: np.ndarray) -> np.ndarray:
    """A mask of the vertices that share their (STL-resolution) position with another."""
    grid = np.round(vertices.astype(np.float32) / STL_RESOLUTION_MM).astype(np.int64)
    # One integer per position (a hash; a rare collision only moves a vertex by a micron).
    key = grid[:, 0] * 73856093 ^ grid[:, 1] * 19349663 ^ grid[:, 2] * 83492791
    order = np.argsort(key)
    same = np.flatnonzero(key[order][1:] == key[order][:-1])
    shared = np.zeros(len(vertices), bool)
    shared[order[same]] = shared[order[same + 1]] = True
    return shared
