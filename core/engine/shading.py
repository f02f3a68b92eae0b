"""Colour for every covered pixel: studio-lit metal, faceted stones, pearls, drafting tone."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.engine.raster import Camera, Frame, barycentric

METAL, GEM, PEARL = 0, 1, 2


@dataclass(frozen=True)
class Look:
    """How one material is drawn: kind (METAL/GEM/PEARL), colour, roughness."""

    kind: int
    color: tuple[float, float, float]
    roughness: float = 0.1
    hammered: bool = False


@dataclass(frozen=True)
class Scene:
    """A whole piece as triangle soup ready to draw: positions, faces, normals, materials."""

    vertices: np.ndarray
    faces: np.ndarray
    face_look: np.ndarray  # (m,) index into looks
    face_part: np.ndarray  # (m,) part index, for outlines
    corner_normals: np.ndarray  # (m, 3, 3)
    face_normals: np.ndarray  # (m, 3)
    face_centres: np.ndarray  # (m, 3)
    looks: tuple[Look, ...]


def corner_normals(
    vertices: np.ndarray, faces: np.ndarray, crease_deg: float = 40.0
) -> tuple[np.ndarray, np.ndarray]:
    """Smooth normals per triangle corner, kept sharp across creases; plus face normals."""
    a, b, c = (vertices[faces[:, i]] for i in range(3))
    cross = np.cross(b - a, c - a)
    face_n = cross / np.linalg.norm(cross, axis=1, keepdims=True).clip(1e-12)
    vert_n = np.zeros_like(vertices)
    for i in range(3):
        for axis in range(3):
            vert_n[:, axis] += np.bincount(faces[:, i], cross[:, axis], len(vertices))
    vert_n /= np.linalg.norm(vert_n, axis=1, keepdims=True).clip(1e-12)
    corners = vert_n[faces]  # (m, 3, 3)
    sharp = np.einsum("mkj,mj->mk", corners, face_n) < np.cos(np.radians(crease_deg))
    corners = np.where(sharp[..., None], face_n[:, None, :], corners)
    return corners, face_n


def _env(r: np.ndarray, softness: float) -> np.ndarray:
    """A studio environment seen in reflections: soft boxes above, a darker floor."""
    up = r[:, 2]
    # cos(2·azimuth + 0.6) from the direction itself: no trig per pixel.
    inv = 1 / np.sqrt(r[:, 0] ** 2 + r[:, 1] ** 2 + np.float32(1e-6))
    cx, sy = r[:, 0] * inv, r[:, 1] * inv
    cos2, sin2 = cx * cx - sy * sy, 2 * cx * sy
    boxes = 0.5 + 0.5 * (cos2 * np.float32(np.cos(0.6)) - sin2 * np.float32(np.sin(0.6)))
    sky = np.clip((up + np.float32(0.15)) * np.float32(1 / (0.5 + softness)), 0, 1)
    sky = sky * np.sqrt(sky)
    d = up - np.float32(0.25)
    band = np.clip(1 - d * d * np.float32(1 / (0.06 + softness * 0.6)), 0, 1) ** 2
    # The floor is a light studio sweep, so even downward reflections stay fairly bright.
    return 0.3 + 0.55 * sky * (0.55 + 0.45 * boxes) + 0.4 * band * boxes


LIGHT = (np.array([-0.45, -0.55, 0.7]) / np.linalg.norm([-0.45, -0.55, 0.7])).astype(np.float32)


def _half_vector(v: np.ndarray) -> np.ndarray:
    h = LIGHT + v
    return h * (1 / np.sqrt(_dot(h, h)))[:, None]


def _metal(look: Look, n: np.ndarray, v: np.ndarray, r: np.ndarray, tri: np.ndarray) -> np.ndarray:
    env = _env(r, look.roughness)
    shininess = 8 + 120 * (1 - look.roughness) ** 3
    spec = np.clip(_dot(n, _half_vector(v)), 0, 1) ** shininess * (1.2 - look.roughness)
    diffuse = np.clip(n @ LIGHT, 0, 1)
    base = np.asarray(look.color, np.float32)
    return base * (0.1 + 0.95 * env[:, None] + 0.15 * diffuse[:, None]) + spec[:, None] * 0.9


def _facet_hash(n: np.ndarray) -> np.ndarray:
    """A fixed pseudo-random 0..1 per facet (by its normal, so a split table stays one)."""
    x = np.sin(n @ np.float32([12.9898, 78.233, 37.719])) * np.float32(43758.547)
    return x - np.floor(x)


def _gem(look: Look, n: np.ndarray, v: np.ndarray, r: np.ndarray, tri: np.ndarray) -> np.ndarray:
    base = np.asarray(look.color, np.float32)
    # Light returns through the crown: facets facing the viewer glow with the body colour,
    # others reflect the studio (bright above, dark below) with a per-facet scatter.
    facing = np.clip(_dot(n, v), 0, 1)
    sky = np.clip(r[:, 2] * 0.8 + 0.45, 0, 1)
    scatter = _facet_hash(np.round(n, 3))
    tone = 0.15 + 0.7 * sky * (0.3 + 0.7 * scatter) + 0.3 * facing**3
    glint = np.clip(_dot(n, _half_vector(v)), 0, 1) ** 60
    sparkle = (scatter > 0.88) * facing * 0.35
    white = np.float32(0.15) if base.mean() > 0.8 else np.float32(0.05)
    return base * tone[:, None] + (glint + sparkle + white)[:, None]


def _pearl(look: Look, n: np.ndarray, v: np.ndarray, r: np.ndarray, tri: np.ndarray) -> np.ndarray:
    diffuse = np.clip(n @ LIGHT, 0, 1)
    rim = 1 - np.clip(_dot(n, v), 0, 1)
    spec = np.clip(_dot(n, _half_vector(v)), 0, 1) ** 30
    base = np.asarray(look.color, np.float32)
    tint = np.float32([0.95, 0.85, 0.9])  # orient: a faint pink sheen at the rim
    return (
        base * (0.5 + 0.5 * diffuse[:, None])
        + rim[:, None] ** 2 * tint * 0.25
        + spec[:, None] * 0.5
    )


_SHADERS = {METAL: _metal, GEM: _gem, PEARL: _pearl}


def _dents(centres: np.ndarray) -> np.ndarray:
    """A fixed random tilt per face: small facets catch light like hammer marks."""
    seeds = centres @ np.float32(
        [[12.99, 78.23, 37.72], [39.35, 11.13, 83.16], [27.17, 61.59, 5.43]]
    )
    x = np.sin(seeds) * np.float32(43758.547)
    return (x - np.floor(x) - 0.5) * np.float32(0.35)


def _dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise dot product of (n, 3) arrays."""
    return a[:, 0] * b[:, 0] + a[:, 1] * b[:, 1] + a[:, 2] * b[:, 2]


def _surface(
    scene: Scene, frame: Frame, camera: Camera
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Covered pixels with their face, smooth normal, view vector and reflection vector."""
    pix, tri, w = barycentric(frame)
    n = np.einsum("nk,nkj->nj", w, scene.corner_normals[tri])
    is_gem = np.array([look.kind == GEM for look in scene.looks])[scene.face_look[tri]]
    n[is_gem] = scene.face_normals[tri[is_gem]]  # facets stay flat
    hammered = np.array([look.hammered for look in scene.looks])[scene.face_look[tri]]
    if hammered.any():
        n[hammered] += _dents(scene.face_centres[tri[hammered]])
    n *= 1 / np.sqrt(_dot(n, n)).clip(1e-6)[:, None]
    if camera.ortho:
        v = np.broadcast_to(camera.rotation[2].astype(np.float32), n.shape)
    else:
        # The view direction hardly changes across one small face: take it per face.
        v = (camera.eye.astype(np.float32) - scene.face_centres)[tri]
        v *= 1 / np.sqrt(_dot(v, v))[:, None]
    r = 2 * _dot(n, v)[:, None] * n - v
    return pix, tri, n, v, r


def shade(scene: Scene, frame: Frame, camera: Camera) -> tuple[np.ndarray, np.ndarray]:
    """Photographic colours (n, 3) in 0..1 for the covered pixels (flat indices)."""
    pix, tri, n, v, r = _surface(scene, frame, camera)
    rgb = np.empty((len(pix), 3), np.float32)
    look_ids = scene.face_look[tri]
    for i, look in enumerate(scene.looks):
        sel = look_ids == i
        if sel.any():
            rgb[sel] = _SHADERS[look.kind](look, n[sel], v[sel], r[sel], tri[sel])
    return pix, rgb


def drafting(scene: Scene, frame: Frame, camera: Camera) -> tuple[np.ndarray, np.ndarray]:
    """Technical-drawing tone: pale wash by light, stones tinted, dark outlines and creases."""
    pix, tri, n, v, _ = _surface(scene, frame, camera)
    light = 0.55 + 0.45 * np.clip(_dot(n, v), 0, 1)
    colors = np.array([_draft_color(look) for look in scene.looks], np.float32)
    rgb = colors[scene.face_look[tri]] * light[:, None] + (1 - light[:, None]) * 0.35
    edge = _edges(frame.triangle.shape, pix, scene.face_part[tri], n)
    # Outline pixels that fall on the background are added as extra dark pixels.
    rgb = np.concatenate([rgb, np.tile(np.float32([0.16, 0.15, 0.14]), (len(edge), 1))])
    return np.concatenate([pix, edge]), rgb


def _draft_color(look: Look) -> np.ndarray:
    base = np.asarray(look.color, np.float32)
    if look.kind == METAL:
        return 0.75 + 0.25 * base  # mostly paper-white with a hint of the alloy
    return 0.55 + 0.45 * base


def _edges(
    shape: tuple[int, int], pix: np.ndarray, part: np.ndarray, normal: np.ndarray
) -> np.ndarray:
    """Flat indices of outline pixels: where the part changes or the surface folds sharply."""
    height, width = shape
    if not len(pix):
        return pix
    rows, cols = pix // width, pix % width
    r0, c0 = max(rows.min() - 1, 0), max(cols.min() - 1, 0)
    h, w = min(rows.max() + 2, height) - r0, min(cols.max() + 2, width) - c0
    local = (rows - r0) * w + (cols - c0)
    part_img = np.full(h * w, -1, np.int32)
    part_img[local] = part
    n_img = np.zeros((h * w, 3), np.float32)
    n_img[local] = normal
    part_img, n_img = part_img.reshape(h, w), n_img.reshape(h, w, 3)
    edge = np.zeros((h, w), bool)
    for a, b, na, nb, out in (
        (part_img[:-1], part_img[1:], n_img[:-1], n_img[1:], edge[:-1]),
        (part_img[:, :-1], part_img[:, 1:], n_img[:, :-1], n_img[:, 1:], edge[:, :-1]),
    ):
        fold = np.einsum("...j,...j->...", na, nb) < 0.55
        out |= (a != b) | (fold & (a >= 0))
    er, ec = np.nonzero(edge)
    return ((er + r0) * width + ec + c0).astype(pix.dtype)
