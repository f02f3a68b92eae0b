"""A small software rasteriser in numpy: cameras, and a z-buffer of triangle ids.

Every triangle is cut into pixel rows, each row into the exact span of pixel centres
it covers, and all spans of all triangles are expanded into fragments in one array
operation; a max-depth scatter then keeps the nearest fragment per pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

_CHUNK_ROWS = 1 << 16  # triangle rows per array operation: bounds memory


@dataclass(frozen=True)
class Camera:
    """World → screen: a rotation (rows right, up, back), an eye, a focal length in px."""

    rotation: np.ndarray
    eye: np.ndarray
    focal: float
    centre: tuple[float, float]
    size: tuple[int, int]  # width, height in px
    ortho: bool = False

    def to_camera(self, points: np.ndarray) -> np.ndarray:
        """Points in camera space (the camera looks down -z)."""
        return (points - self.eye) @ self.rotation.T

    def project(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Screen x, y (px, y down) and a depth key that grows towards the viewer."""
        cam = self.to_camera(points)
        if self.ortho:
            u, v, key = cam[:, 0], cam[:, 1], cam[:, 2]
        else:
            inv = 1.0 / np.maximum(-cam[:, 2], 1e-6)
            u, v, key = cam[:, 0] * inv, cam[:, 1] * inv, inv
        return self.centre[0] + self.focal * u, self.centre[1] - self.focal * v, key


def look_from(direction: ArrayLike, up: ArrayLike = (0.0, 0.0, 1.0)) -> np.ndarray:
    """Camera rotation looking at the origin from `direction` (rows right, up, back)."""
    back = np.asarray(direction, float)
    back /= np.linalg.norm(back)
    right = np.cross(np.asarray(up, float), back)
    right /= np.linalg.norm(right)
    return np.stack([right, np.cross(back, right), back])


def _probe(
    vertices: np.ndarray, direction: ArrayLike, up: ArrayLike, ortho: bool, distance_factor: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rotation and eye looking at the vertices, and their screen (u, v) at focal 1, v up."""
    rot = look_from(direction, up)
    lo, hi = vertices.min(axis=0), vertices.max(axis=0)
    middle, radius = (lo + hi) / 2, float(np.linalg.norm(hi - lo)) / 2 + 1e-6
    eye = middle + rot[2] * radius * distance_factor
    u, v, _ = Camera(rot, eye, 1.0, (0.0, 0.0), (1, 1), ortho).project(vertices)
    return rot, eye, u, -v


def _centred(
    rot: np.ndarray,
    eye: np.ndarray,
    u: np.ndarray,
    v: np.ndarray,
    focal: float,
    size: tuple[int, int],
    ortho: bool,
) -> Camera:
    cx = size[0] / 2 - focal * (u.max() + u.min()) / 2
    cy = size[1] / 2 + focal * (v.max() + v.min()) / 2
    return Camera(rot, eye, float(focal), (float(cx), float(cy)), size, ortho)


def fit_camera(
    vertices: np.ndarray,
    direction: ArrayLike,
    size: tuple[int, int],
    margin: float,
    ortho: bool,
    up: ArrayLike = (0.0, 0.0, 1.0),
    distance_factor: float = 3.2,
) -> Camera:
    """A camera looking from `direction` that frames the vertices with a margin (px)."""
    rot, eye, u, v = _probe(vertices, direction, up, ortho, distance_factor)
    width, height = size
    usable_w, usable_h = max(width - 2 * margin, 1.0), max(height - 2 * margin, 1.0)
    focal = min(usable_w / max(np.ptp(u), 1e-9), usable_h / max(np.ptp(v), 1e-9))
    return _centred(rot, eye, u, v, focal, size, ortho)


def scale_camera(
    vertices: np.ndarray,
    direction: ArrayLike,
    px_per_mm: float,
    margin: int,
    up: ArrayLike = (0.0, 0.0, 1.0),
) -> Camera:
    """An orthographic camera at a fixed scale; the image is sized to the vertices plus margin."""
    rot, eye, u, v = _probe(vertices, direction, up, True, 3.2)
    size = (
        int(np.ceil(np.ptp(u) * px_per_mm)) + 2 * margin,
        int(np.ceil(np.ptp(v) * px_per_mm)) + 2 * margin,
    )
    return _centred(rot, eye, u, v, px_per_mm, size, True)


@dataclass(frozen=True)
class Frame:
    """The z-buffer result: the triangle seen at each pixel (-1 for none)."""

    triangle: np.ndarray  # (h, w) int32
    coef: np.ndarray  # (m, 6) barycentric planes per face, for shading


def _signed_area(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (x[:, 1] - x[:, 0]) * (y[:, 2] - y[:, 0]) - (x[:, 2] - x[:, 0]) * (y[:, 1] - y[:, 0])


def rasterize(camera: Camera, vertices: np.ndarray, faces: np.ndarray, cull: bool = True) -> Frame:
    """Z-buffer the triangles: which triangle is nearest at each pixel centre."""
    width, height = camera.size
    sx, sy, key = camera.project(vertices)
    x, y, z = sx[faces], sy[faces], key[faces]  # (m, 3) each
    area = _signed_area(x, y)
    coef = _edge_coefficients(x, y, area)
    # Screen y points down, so outward (counter-clockwise) faces have negative area here.
    keep = area < -1e-9 if cull else np.abs(area) > 1e-9
    xmin, xmax = _min3(x), _max3(x)
    y0 = np.maximum(np.ceil(_min3(y) - 0.5), 0).astype(np.int64)
    y1 = np.minimum(np.floor(_max3(y) - 0.5), height - 1).astype(np.int64)
    keep &= (y1 >= y0) & (xmax >= 0) & (xmin <= width)
    ids = np.nonzero(keep)[0]
    planes = _planes(coef, z)
    zbuf = np.full(width * height, -np.inf, dtype=np.float32)
    frags = []
    rows = y1[ids] - y0[ids] + 1
    bounds = np.searchsorted(np.cumsum(rows), np.arange(_CHUNK_ROWS, rows.sum(), _CHUNK_ROWS))
    for chunk in np.split(ids, bounds):
        pix, depth, tri = _spans(chunk, y0, y1, planes, xmin, xmax, width)
        np.maximum.at(zbuf, pix, depth)
        frags.append((pix, depth, tri))
    triangle = np.full(width * height, -1, dtype=np.int32)
    for pix, depth, tri in frags:
        win = depth >= zbuf[pix]
        triangle[pix[win]] = tri[win]
    return Frame(triangle.reshape(height, width), coef.astype(np.float32))


def _planes(coef: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Per triangle, (a, b, c) of the three edge weights and the depth, as planes in x, y."""
    w0, w1 = coef[:, 0:3], coef[:, 3:6]
    w2 = -w0 - w1
    w2[:, 2] += 1.0
    depth = w0 * z[:, 0:1] + w1 * z[:, 1:2] + w2 * z[:, 2:3]
    return np.stack([w0, w1, w2, depth], axis=1)  # (m, 4, 3)


def _max3(a: np.ndarray) -> np.ndarray:
    # Reducing a length-3 axis with .max(axis=1) is several times slower than this.
    return np.maximum(np.maximum(a[:, 0], a[:, 1]), a[:, 2])


def _min3(a: np.ndarray) -> np.ndarray:
    return np.minimum(np.minimum(a[:, 0], a[:, 1]), a[:, 2])


def _spans(
    t: np.ndarray,
    y0: np.ndarray,
    y1: np.ndarray,
    planes: np.ndarray,
    xmin: np.ndarray,
    xmax: np.ndarray,
    width: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fragments (pixel, depth, triangle) of triangles t, built row span by row span."""
    counts = y1[t] - y0[t] + 1
    row_tri = np.repeat(t, counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    row_y = y0[row_tri] + (np.arange(len(row_tri)) - first)
    cy = row_y + 0.5
    p = planes[row_tri]  # (r, 4, 3)
    a, rest = p[:, :3, 0], p[:, :3, 1] * cy[:, None] + p[:, :3, 2]  # weight = a·x + rest
    with np.errstate(divide="ignore", invalid="ignore"):
        edge = -rest / a
    inside_row = rest >= 0
    lo = np.where(a > 1e-12, edge, np.where((a < -1e-12) | inside_row, -np.inf, np.inf))
    hi = np.where(a < -1e-12, edge, np.where((a > 1e-12) | inside_row, np.inf, -np.inf))
    # Clamp to the triangle's x-range: guards tiny-area blow-ups and empty (±inf) rows.
    x_lo, x_hi = xmin[row_tri] - 1e-6, xmax[row_tri] + 1e-6
    lo = np.clip(_max3(lo), x_lo, x_hi + 1.0)
    hi = np.clip(_min3(hi), x_lo - 1.0, x_hi)
    left = np.maximum(np.ceil(lo - 0.5 - 1e-7), 0).astype(np.int64)
    right = np.minimum(np.floor(hi - 0.5 + 1e-7), width - 1).astype(np.int64)
    n = np.maximum(right - left + 1, 0)
    frag_row = np.repeat(np.arange(len(n)), n)
    px = np.arange(len(frag_row)) + np.repeat(left - (np.cumsum(n) - n), n)
    slope = p[:, 3, 0]
    base = p[:, 3, 1] * cy + p[:, 3, 2] + slope * 0.5
    depth = (slope[frag_row] * px + base[frag_row]).astype(np.float32)
    return np.repeat(row_y * width, n) + px, depth, row_tri[frag_row].astype(np.int32)


def _edge_coefficients(x: np.ndarray, y: np.ndarray, area: np.ndarray) -> np.ndarray:
    """Per triangle, (a, b, c) of two barycentric weights as planes w = a·px + b·py + c."""
    inv = 1.0 / np.where(np.abs(area) > 1e-12, area, 1.0)
    a0 = (y[:, 1] - y[:, 2]) * inv
    b0 = (x[:, 2] - x[:, 1]) * inv
    c0 = (x[:, 1] * y[:, 2] - x[:, 2] * y[:, 1]) * inv
    a1 = (y[:, 2] - y[:, 0]) * inv
    b1 = (x[:, 0] - x[:, 2]) * inv
    c1 = (x[:, 2] * y[:, 0] - x[:, 0] * y[:, 2]) * inv
    return np.stack([a0, b0, c0, a1, b1, c1], axis=1)


def barycentric(frame: Frame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For covered pixels: their flat indices, triangle ids and barycentric weights (n, 3)."""
    rows, cols = np.nonzero(frame.triangle >= 0)
    tri = frame.triangle[rows, cols]
    pix = rows * frame.triangle.shape[1] + cols
    cx = cols.astype(np.float32) + 0.5
    cy = rows.astype(np.float32) + 0.5
    c = frame.coef[tri]
    w0 = c[:, 0] * cx + c[:, 1] * cy + c[:, 2]
    w1 = c[:, 3] * cx + c[:, 4] * cy + c[:, 5]
    weights = np.column_stack([w0, w1, 1.0 - w0 - w1])
    return pix, tri, np.clip(weights, 0.0, 1.0)
