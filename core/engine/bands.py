"""Bands (rings and bangles): cross-section profiles, the band itself, pavé and channel rows.

A band is built in its own plane (xy, +y = top where the head sits) with the width
along z; the piece builder turns it upright afterwards.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from core.engine.model import Model, Role
from core.engine.primitives import Mesh, concat, frame_matrix, instances, sphere, tube
from core.engine.stones import Stone, melee, stone_mesh
from core.properties import GemShape


def band_profile(kind: str, thickness: float, width: float, samples: int = 7) -> np.ndarray:
    """Closed (d, h) cross-section: d from the inner surface outwards, h across the width."""
    if kind == "flat":
        # A true rectangle, so the band's volume is the analytic annulus.
        return np.array(
            [[0, -width / 2], [thickness, -width / 2], [thickness, width / 2], [0, width / 2]]
        )
    h = np.linspace(-width / 2, width / 2, samples)
    u = 2 * h / width
    dome = np.sqrt(np.clip(1 - u**2, 0, 1))
    if kind == "knife-edge":
        outer = thickness * (0.55 + 0.45 * (1 - np.abs(u)))
    else:
        outer = thickness * (0.6 + 0.4 * dome)
    # Court and comfort fits curve the inside too; D-shape and knife-edge keep it flat.
    curved_inside = kind in ("court", "comfort")
    inner = 0.28 * thickness * (1 - dome) if curved_inside else np.zeros_like(h)
    return np.concatenate([np.column_stack([outer, h]), np.column_stack([inner, h])[::-1]])


def band_mesh(path: np.ndarray, normals: np.ndarray, profile: np.ndarray) -> Mesh:
    """The band: the profile swept round its inner path."""
    return tube(path, normals, profile)


def _outer_sites(
    path: np.ndarray,
    normals: np.ndarray,
    radial: float,
    keep_clear: float,
    arc_limit: float,
    pitch: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Points along the band's outer top arc, outside the head's clearance, `pitch` apart."""
    outer = path + normals * radial
    top = int(np.argmax(outer[:, 1]))
    order = np.roll(np.arange(len(outer)), -top)
    pts = outer[order]
    seg = np.linalg.norm(np.diff(pts, axis=0, append=pts[:1]), axis=1)
    arc = np.concatenate([[0], np.cumsum(seg)[:-1]])
    total = seg.sum()
    signed = np.where(arc > total / 2, arc - total, arc)
    wanted = np.arange(keep_clear, arc_limit, pitch)
    at = np.concatenate([wanted, -wanted])
    sorted_idx = np.argsort(signed)
    xs, ns = [], []
    for i in (0, 1):
        xs.append(np.interp(at, signed[sorted_idx], pts[sorted_idx, i]))
        ns.append(np.interp(at, signed[sorted_idx], normals[order][sorted_idx, i]))
    n = np.column_stack(ns)
    return np.column_stack(xs), n / np.linalg.norm(n, axis=1, keepdims=True)


def _row_matrices(
    sites: np.ndarray, normals: np.ndarray, offsets: ArrayLike, sink: float
) -> np.ndarray:
    mats = []
    for (x, y), (nx, ny) in zip(sites, normals, strict=True):
        for z in offsets:
            origin = (x - nx * sink, y - ny * sink, z)
            mats.append(frame_matrix(origin, (-ny, nx, 0.0), (nx, ny, 0.0)))
    return np.array(mats) if mats else np.zeros((0, 4, 4))


def pave_row(
    path: np.ndarray,
    normals: np.ndarray,
    thickness: float,
    width: float,
    keep_clear: float,
    arc_limit: float,
) -> Model:
    """Accent diamonds set into the band's outer surface, with beads between them."""
    size = float(np.clip(min(1.5, width * 0.55), 0.8, 1.5))
    rows = max(1, int((width - 0.5) // (size * 1.15)))
    offsets = (np.arange(rows) - (rows - 1) / 2) * size * 1.15
    sites, ns = _outer_sites(path, normals, thickness, keep_clear, arc_limit, size * 1.12)
    small = melee(size)
    mats = _row_matrices(sites, ns, offsets, sink=small.crown * 0.45)
    model = Model(accent_stone=small, accent_count=len(mats))
    model.add("pavé stones", Role.ACCENT, instances(stone_mesh(small), mats))
    bead_mats = mats.copy()
    bead_mats[:, :3, 3] += bead_mats[:, :3, 0] * size * 0.56 + bead_mats[:, :3, 2] * size * 0.18
    model.add("pavé beads", Role.METAL, instances(sphere(size * 0.17, 6), bead_mats))
    return model


def channel_row(
    path: np.ndarray,
    normals: np.ndarray,
    thickness: float,
    width: float,
    keep_clear: float,
    arc_limit: float,
) -> Model:
    """Square accent stones in a channel between two raised rails along the band."""
    wall = float(np.clip(width * 0.14, 0.35, 0.6))
    size = max(0.8, width - 2 * wall - 0.1)
    small = Stone(GemShape.PRINCESS, size, size)
    sites, ns = _outer_sites(path, normals, thickness, keep_clear, arc_limit, size * 1.02)
    mats = _row_matrices(sites, ns, [0.0], sink=small.crown * 0.3)
    model = Model(accent_stone=small, accent_count=len(mats))
    model.add("channel stones", Role.ACCENT, instances(stone_mesh(small), mats))
    rails = []
    for side in (-1, 1):
        z0 = side * (width / 2 - wall / 2)
        rail = np.array(
            [
                [thickness - 0.3, z0 - wall / 2],
                [thickness + small.crown * 0.8, z0 - wall / 2],
                [thickness + small.crown * 0.8, z0 + wall / 2],
                [thickness - 0.3, z0 + wall / 2],
            ]
        )
        rails.append(tube(path, normals, rail))
    model.add("channel rails", Role.METAL, concat(rails))
    return model


def milgrain(path: np.ndarray, normals: np.ndarray, profile: np.ndarray) -> Mesh:
    """Rows of tiny beads along both outer edges of a band (the milgrain finish)."""
    width = np.ptp(profile[:, 1])
    bead = float(np.clip(width * 0.07, 0.16, 0.3))
    edge_h = width / 2 - bead * 0.7
    # Outer surface height (radial d) near each edge, read off the profile's outer side.
    outer = profile[profile[:, 0] >= profile[:, 0].max() * 0.5]
    edge_d = float(np.interp(edge_h, np.sort(outer[:, 1]), outer[np.argsort(outer[:, 1]), 0]))
    seg = np.linalg.norm(np.diff(path, axis=0, append=path[:1]), axis=1)
    arc = np.concatenate([[0], np.cumsum(seg)])
    count = int(arc[-1] // (bead * 2.2))
    at = np.linspace(0, arc[-1], count, endpoint=False)
    closed_p, closed_n = np.vstack([path, path[:1]]), np.vstack([normals, normals[:1]])
    pts = np.column_stack([np.interp(at, arc, closed_p[:, i]) for i in (0, 1)])
    nrm = np.column_stack([np.interp(at, arc, closed_n[:, i]) for i in (0, 1)])
    centres = pts + nrm * (edge_d - bead * 0.35)
    mats = np.tile(np.eye(4), (2 * count, 1, 1))
    mats[:, :2, 3] = np.vstack([centres, centres])
    mats[:, 2, 3] = np.repeat([-edge_h, edge_h], count)
    return instances(sphere(bead, 6), mats)
