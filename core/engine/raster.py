"""A small software rasteriser in numpy: cameras, and a z-buffer of triangle ids.

Triangles are grouped by the size of their screen bounding box, so each group is
rasterised as one array operation (every candidate pixel of every triangle at once).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_CHUNK_CELLS = 1 << 21  # candidate pixels per array operation: bounds memory


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

    def view_dirs(self, points: np.ndarray) -> np.ndarray:
        """Unit vectors from points towards the eye."""
        if self.ortho:
            return np.broadcast_to(self.rotation[2], points.shape)
        d = self.eye - points
        return d / np.linalg.norm(d, axis=1, keepdims=True)


def look_from(direction, up=(0.0, 0.0, 1.0)) -> np.ndarray:
    """Camera rotation looking at the origin from `direction` (rows right, up, back)."""
    back = np.asarray(direction, float)
    back /= np.linalg.norm(back)
    right = np.cross(np.asarray(up, float), back)
    right /= np.linalg.norm(right)
    return np.stack([right, np.cross(back, right), back])


def fit_camera(
    vertices: np.ndarray, direction, size: tuple[int, int], margin: float, ortho: bool,
    up=(0.0, 0.0, 1.0), distance_factor: float = 3.2,
) -> Camera:
    """A camera looking from `direction` that frames the vertices with a margin (px)."""
    rot = look_from(direction, up)
    lo, hi = vertices.min(axis=0), vertices.max(axis=0)
    middle, radius = (lo + hi) / 2, float(np.linalg.norm(hi - lo)) / 2 + 1e-6
    eye = middle + rot[2] * radius * distance_factor
    probe = Camera(rot, eye, 1.0, (0.0, 0.0), size, ortho)
    u, v, _ = probe.project(vertices)
    v = -v
    width, height = size
    focal = min((width - 2 * margin) / np.ptp(u), (height - 2 * margin) / np.ptp(v))
    cx = width / 2 - focal * (u.max() + u.min()) / 2
    cy = height / 2 + focal * (v.max() + v.min()) / 2
    return Camera(rot, eye, float(focal), (float(cx), float(cy)), size, ortho)


@dataclass(frozen=True)
class Frame:
    """The z-buffer result: the triangle seen at each pixel (-1 for none)."""

    triangle: np.ndarray  # (h, w) int32
    coef: np.ndarray  # (m, 6) barycentric planes per face, for shading


# Box sizes are rounded up to these classes so triangles of similar size share one pass;
# coarse classes mean fewer passes, at the price of some empty candidate pixels.
_CLASSES = np.unique(np.maximum(np.round(1.6 ** np.arange(24)), 4).astype(np.int64))


def _size_class(n: np.ndarray) -> np.ndarray:
    return _CLASSES[np.searchsorted(_CLASSES, n)]


def _split_slivers(x, y, z, tid, rounds: int = 6):
    """Halve long thin triangles (a post seen at an angle) whose boxes are mostly empty."""
    for _ in range(rounds):
        box = (np.ptp(x, axis=1) + 1) * (np.ptp(y, axis=1) + 1)
        area = np.abs((x[:, 1] - x[:, 0]) * (y[:, 2] - y[:, 0]) - (x[:, 2] - x[:, 0]) * (y[:, 1] - y[:, 0]))
        bad = (box > 1024) & (area < box * 0.5)
        if not bad.any():
            break
        x, y, z, tid = _halve(x, y, z, tid, bad)
    return x, y, z, tid


def _halve(x, y, z, tid, bad):
    """Split the `bad` triangles at the midpoint of their longest edge."""
    bx, by, bz = x[bad], y[bad], z[bad]
    lengths = np.stack([np.hypot(bx[:, (i + 1) % 3] - bx[:, i], by[:, (i + 1) % 3] - by[:, i]) for i in range(3)], 1)
    edge = lengths.argmax(axis=1)
    rows = np.arange(len(bx))
    i, j, k = edge, (edge + 1) % 3, (edge + 2) % 3
    halves = []
    for arr in (bx, by, bz):
        mid = (arr[rows, i] + arr[rows, j]) / 2
        first = np.stack([arr[rows, i], mid, arr[rows, k]], 1)
        second = np.stack([mid, arr[rows, j], arr[rows, k]], 1)
        halves.append(np.concatenate([first, second]))
    keep = ~bad
    new_tid = np.concatenate([tid[bad], tid[bad]])
    return (
        np.concatenate([x[keep], halves[0]]),
        np.concatenate([y[keep], halves[1]]),
        np.concatenate([z[keep], halves[2]]),
        np.concatenate([tid[keep], new_tid]),
    )


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
    tid = np.nonzero(keep)[0]
    x, y, z, tid = _split_slivers(x[keep], y[keep], z[keep], tid)
    sub_coef = _edge_coefficients(x, y, _signed_area(x, y))
    x0 = np.maximum(np.ceil(x.min(axis=1) - 0.5), 0).astype(np.int64)
    x1 = np.minimum(np.floor(x.max(axis=1) - 0.5), width - 1).astype(np.int64)
    y0 = np.maximum(np.ceil(y.min(axis=1) - 0.5), 0).astype(np.int64)
    y1 = np.minimum(np.floor(y.max(axis=1) - 0.5), height - 1).astype(np.int64)
    ids = np.nonzero((x1 >= x0) & (y1 >= y0))[0]
    bw, bh = _size_class(x1[ids] - x0[ids] + 1), _size_class(y1[ids] - y0[ids] + 1)
    zbuf = np.full(width * height, -np.inf, dtype=np.float32)
    frags = []
    group = bw * 65536 + bh
    for g in np.unique(group):
        tris = ids[group == g]
        gw, gh = int(g // 65536), int(g % 65536)
        step = max(1, _CHUNK_CELLS // (gw * gh))
        for start in range(0, len(tris), step):
            t = tris[start : start + step]
            pix, depth, tri = _fragments(t, gw, gh, x0, y0, x1, y1, sub_coef, z, width)
            np.maximum.at(zbuf, pix, depth)
            frags.append((pix, depth, tri))
    triangle = np.full(width * height, -1, dtype=np.int32)
    for pix, depth, tri in frags:
        win = depth >= zbuf[pix]
        triangle[pix[win]] = tid[tri[win]]
    return Frame(triangle.reshape(height, width), coef.astype(np.float32))


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


def _fragments(t, gw, gh, x0, y0, x1, y1, coef, z, width):
    """Covered pixels of triangles `t` whose boxes fit gw × gh: (pixel, depth, triangle)."""
    px = x0[t][:, None] + np.arange(gw)[None, :]  # (n, gw)
    py = y0[t][:, None] + np.arange(gh)[None, :]  # (n, gh)
    cx, cy = (px + 0.5).astype(np.float32), (py + 0.5).astype(np.float32)
    c = coef[t].astype(np.float32)
    # The weights are planes, so each splits into a column part plus a row part; pixels
    # outside the triangle's true box get -inf and fail the inside test for free.
    outside_x = px > x1[t][:, None]
    ax0 = np.where(outside_x, -np.inf, c[:, 0:1] * cx + c[:, 2:3]).astype(np.float32)
    ax1 = c[:, 3:4] * cx + c[:, 5:6]
    by0 = np.where(py > y1[t][:, None], -np.inf, c[:, 1:2] * cy).astype(np.float32)
    by1 = c[:, 4:5] * cy
    w0 = ax0[:, None, :] + by0[:, :, None]  # (n, gh, gw)
    w1 = ax1[:, None, :] + by1[:, :, None]
    inside = (w0 >= 0) & (w1 >= 0) & (w0 + w1 <= 1)
    hit = np.flatnonzero(inside)
    a, b = w0.ravel()[hit], w1.ravel()[hit]
    # Flat order is triangle-major, so each triangle's fragments are one run.
    tri = np.repeat(t.astype(np.int32), inside.sum(axis=(1, 2)))
    zt = z[tri]
    depth = (a * zt[:, 0] + b * zt[:, 1] + (1 - a - b) * zt[:, 2]).astype(np.float32)
    pix = ((py * width).astype(np.int32)[:, :, None] + px.astype(np.int32)[:, None, :]).ravel()[hit]
    return pix, depth, tri


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
