"""Closed triangle meshes from three generators: tubes on closed paths, lofts and sweeps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike


@dataclass(frozen=True)
class Mesh:
    """A closed triangle mesh in millimetres, outward-facing."""

    vertices: np.ndarray  # (n, 3) float64
    faces: np.ndarray  # (m, 3) int64

    def transformed(self, matrix: np.ndarray) -> Mesh:
        """This mesh moved by a 4×4 affine matrix (rotation + translation, no mirror)."""
        return Mesh(self.vertices @ matrix[:3, :3].T + matrix[:3, 3], self.faces)

    def volume(self) -> float:
        """Enclosed volume in mm³ (signed: negative means inside-out)."""
        return signed_volume(self.vertices, self.faces)

    def mirrored_x(self) -> Mesh:
        """Mirror image across the x = 0 plane, faces re-wound to stay outward."""
        return Mesh(self.vertices * np.array([-1.0, 1.0, 1.0]), self.faces[:, ::-1].copy())


def signed_volume(vertices: np.ndarray, faces: np.ndarray) -> float:
    """Signed volume of a closed triangle mesh (divergence theorem)."""
    a, b, c = (vertices[faces[:, i]] for i in range(3))
    return float(np.einsum("ij,ij->i", a, np.cross(b, c)).sum() / 6.0)


def concat(meshes: Sequence[Mesh]) -> Mesh:
    """One mesh holding several closed shells (vertices are not shared between them)."""
    meshes = [m for m in meshes if len(m.faces)]
    if not meshes:
        return Mesh(np.zeros((0, 3)), np.zeros((0, 3), dtype=np.int64))
    offsets = np.cumsum([0] + [len(m.vertices) for m in meshes[:-1]])
    faces = np.concatenate([m.faces + off for m, off in zip(meshes, offsets, strict=True)])
    return Mesh(np.concatenate([m.vertices for m in meshes]), faces)


def _outward(vertices: np.ndarray, faces: np.ndarray) -> Mesh:
    # Generators know their topology, not their orientation: fix it once, by volume sign.
    if signed_volume(vertices, faces) < 0:
        faces = faces[:, ::-1]
    return Mesh(vertices, np.ascontiguousarray(faces))


def _grid_faces(rows: int, cols: int, wrap_rows: bool) -> np.ndarray:
    """Quads between ring i and i+1 (columns always wrap), as triangle pairs."""
    last = rows if wrap_rows else rows - 1
    i = np.arange(last)[:, None]
    j = np.arange(cols)[None, :]
    a = i * cols + j
    b = i * cols + (j + 1) % cols
    c = ((i + 1) % rows) * cols + (j + 1) % cols
    d = ((i + 1) % rows) * cols + j
    quads = np.stack([a, b, c, d], axis=-1).reshape(-1, 4)
    return np.concatenate([quads[:, [0, 1, 2]], quads[:, [0, 2, 3]]])


def tube(
    path: np.ndarray, normals: np.ndarray, profile: np.ndarray, scales: np.ndarray | None = None
) -> Mesh:
    """Sweep a closed (d, h) profile along a closed planar path (xy, with outward normals).

    A point of the profile lands at path·scale + normal·d, at height h on z: a band, a
    bezel wall, a chain link or a rail, depending on path and profile. Scales (one per
    profile point, about the origin) let a wall taper, like a bezel cup. A profile of
    shape (n, m, 2) gives each of the n path points its own (a beaded wire).
    """
    profile = np.broadcast_to(profile, (len(path), *profile.shape[-2:]))
    base = path[:, None, :] if scales is None else path[:, None, :] * scales[None, :, None]
    pts = base + normals[:, None, :] * profile[:, :, 0:1]
    vertices = np.concatenate([pts, profile[:, :, 1:2]], axis=-1).reshape(-1, 3)
    return _outward(vertices, _grid_faces(len(path), profile.shape[1], wrap_rows=True))


def loft(rings: np.ndarray, bottom: np.ndarray, top: np.ndarray) -> Mesh:
    """Skin a stack of rings (k, m, 3) and close both ends with fans to two cap points."""
    k, m, _ = rings.shape
    vertices = np.concatenate([rings.reshape(-1, 3), bottom[None], top[None]])
    sides = _grid_faces(k, m, wrap_rows=False)
    j = np.arange(m)
    b_idx, t_idx = k * m, k * m + 1
    bottom_fan = np.stack([np.full(m, b_idx), (j + 1) % m, j], axis=-1)
    last = (k - 1) * m
    top_fan = np.stack([np.full(m, t_idx), last + j, last + (j + 1) % m], axis=-1)
    return _outward(vertices, np.concatenate([sides, bottom_fan, top_fan]))


def circle(count: int, radius: float = 1.0, phase: float = 0.0) -> np.ndarray:
    """`count` points of a circle in the xy plane, counter-clockwise."""
    t = (np.arange(count) + phase) * (2 * np.pi / count)
    return np.stack([np.cos(t), np.sin(t)], axis=-1) * radius


def torus(major: float, minor: float, major_seg: int = 24, minor_seg: int = 8) -> Mesh:
    """A round wire ring in the xy plane: jump rings, bails, chain links."""
    path = circle(major_seg, major)
    return tube(path, path / major, circle(minor_seg, minor))


def sphere(radius: float, seg: int = 12) -> Mesh:
    """A UV sphere centred on the origin."""
    lat = np.linspace(0, np.pi, seg // 2 + 1)[1:-1]
    ring = circle(seg)
    rings = np.stack([np.column_stack([ring * np.sin(a), np.full(seg, -np.cos(a))]) for a in lat])
    return loft(rings * radius, np.array([0, 0, -radius]), np.array([0, 0, radius]))


def lathe(heights: ArrayLike, radii: ArrayLike, seg: int = 12) -> Mesh:
    """A solid of revolution about z: circles of `radii` at `heights`, capped on the axis."""
    heights, radii = np.asarray(heights, float), np.asarray(radii, float)
    ring = circle(seg)
    rings = np.stack(
        [np.column_stack([ring * r, np.full(seg, z)]) for z, r in zip(heights, radii, strict=True)]
    )
    return loft(rings, np.array([0, 0, heights[0]]), np.array([0, 0, heights[-1]]))


def cylinder(radius: float, z0: float, z1: float, seg: int = 12) -> Mesh:
    """A closed cylinder along z from z0 to z1."""
    return lathe([z0, z1], [radius, radius], seg)


def _frames(path: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tangents and parallel-transported normals along an open 3D path."""
    tangent = np.gradient(path, axis=0)
    tangent /= np.linalg.norm(tangent, axis=1, keepdims=True)
    seed = np.array([0.0, 0.0, 1.0]) if abs(tangent[0, 2]) < 0.9 else np.array([1.0, 0, 0])
    normal = np.cross(tangent[0], seed)
    normals = []
    for t in tangent:
        normal = normal - t * np.dot(normal, t)
        normal /= np.linalg.norm(normal)
        normals.append(normal)
    normals = np.array(normals)
    return tangent, normals, np.cross(tangent, normals)


def sweep(path: np.ndarray, radius: float | np.ndarray, seg: int = 8) -> Mesh:
    """A round wire along an open 3D path with domed ends: prongs, ear wires, posts."""
    tangent, normal, binormal = _frames(path)
    radius = np.broadcast_to(np.asarray(radius, float), (len(path),))
    ring = circle(seg)
    offsets = ring[None, :, 0:1] * normal[:, None, :] + ring[None, :, 1:2] * binormal[:, None, :]
    rings = path[:, None, :] + offsets * radius[:, None, None]
    bottom = path[0] - tangent[0] * radius[0] * 0.7
    top = path[-1] + tangent[-1] * radius[-1] * 0.7
    return loft(rings, bottom, top)


def smooth_path(points: Sequence[Sequence[float]], samples: int = 12) -> np.ndarray:
    """A Catmull-Rom curve through control points (ends kept)."""
    p = np.asarray(points, float)
    p = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    out = []
    per = max(2, samples // (len(p) - 3))
    for i in range(1, len(p) - 2):
        t = np.linspace(0, 1, per, endpoint=False)[:, None]
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(
            0.5
            * (
                2 * p1
                + (-p0 + p2) * t
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3
            )
        )
    out.append(p[-2][None])
    return np.vstack(out)


def instances(mesh: Mesh, matrices: np.ndarray) -> Mesh:
    """Many copies of one mesh, each moved by a 4×4 matrix, as one mesh."""
    if len(matrices) == 0:
        return concat([])
    verts = np.einsum("kij,nj->kni", matrices[:, :3, :3], mesh.vertices) + matrices[:, None, :3, 3]
    n = len(mesh.vertices)
    faces = mesh.faces[None] + (np.arange(len(matrices)) * n)[:, None, None]
    return Mesh(verts.reshape(-1, 3), faces.reshape(-1, 3))


def frame_matrix(origin: ArrayLike, x_axis: ArrayLike, z_axis: ArrayLike) -> np.ndarray:
    """A 4×4 matrix mapping local x/z axes onto the given directions at an origin."""
    z = np.asarray(z_axis, float)
    z = z / np.linalg.norm(z)
    x = np.asarray(x_axis, float)
    x = x - z * np.dot(x, z)
    x = x / np.linalg.norm(x)
    m = np.eye(4)
    m[:3, 0], m[:3, 1], m[:3, 2], m[:3, 3] = x, np.cross(z, x), z, origin
    return m


def translation(x: float, y: float, z: float) -> np.ndarray:
    """A 4×4 translation."""
    m = np.eye(4)
    m[:3, 3] = (x, y, z)
    return m
