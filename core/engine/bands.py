"""Bands (rings and bangles): cross-section profiles, the band itself, pavé and channel rows.

A band is built in its own plane (xy, +y = top where the head sits) with the width
along z; the piece builder turns it upright afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from core.engine.model import Model, Role
from core.engine.primitives import Mesh, concat, frame_matrix, instances, sphere, tube
from core.engine.stones import Stone, melee, melee_carat
from core.properties import BandProfile, GemShape


@dataclass(frozen=True)
class BandSection:
    """A band's cross-section: d from the inner surface outwards, at h across the width."""

    kind: BandProfile
    thickness: float
    width: float

    def outer(self, h: np.ndarray) -> np.ndarray:
        """Outer surface height d at each h."""
        t, u = self.thickness, 2 * h / self.width
        if self.kind is BandProfile.FLAT:
            return np.full_like(h, t)
        if self.kind is BandProfile.KNIFE_EDGE:
            return t * (0.55 + 0.45 * (1 - np.abs(u)))
        if self.kind is BandProfile.COMFORT_FIT:  # flat on top with rounded shoulders
            return t * (0.75 + 0.25 * np.sqrt(np.clip(1 - u**6, 0, 1)))
        return t * (0.6 + 0.4 * _dome(u))

    def inner(self, h: np.ndarray) -> np.ndarray:
        """Inner surface height d at each h: court and comfort fit curve the inside too."""
        inside = {BandProfile.COURT: 0.28, BandProfile.COMFORT_FIT: 0.4}.get(self.kind, 0.0)
        return inside * self.thickness * (1 - _dome(2 * h / self.width))

    def heights(self, samples: int = 9) -> np.ndarray:
        """Where the profile is sampled across the width (a flat band needs only its edges)."""
        count = 2 if self.kind is BandProfile.FLAT else samples
        return np.linspace(-self.width / 2, self.width / 2, count)

    def profile(self, h: np.ndarray | None = None) -> np.ndarray:
        """Closed (d, h) polygon: the outer side across, then the inner side back."""
        h = self.heights() if h is None else h
        outer = np.column_stack([self.outer(h), h])
        return np.concatenate([outer, np.column_stack([self.inner(h), h])[::-1]])

    def area(self) -> float:
        """Cross-section area in mm² (of the drawn polygon)."""
        d, h = self.profile().T
        return float(abs(np.dot(d, np.roll(h, -1)) - np.dot(h, np.roll(d, -1))) / 2)


def _dome(u: np.ndarray) -> np.ndarray:
    return np.sqrt(np.clip(1 - u**2, 0, 1))


def band_mesh(
    path: np.ndarray, normals: np.ndarray, section: BandSection, milgrain: bool = False
) -> Mesh:
    """The band: its profile swept round the inner path (beaded along both edges for milgrain)."""
    if not milgrain:
        return tube(path, normals, section.profile())
    bead = float(np.clip(section.width * 0.1, 0.25, 0.4))
    edge = section.width / 2 - bead * 1.1
    base = section.heights()
    ridge_h = np.outer([-1, 1], edge + bead * np.array([-0.8, 0, 0.8])).ravel()
    h = np.unique(np.concatenate([base, ridge_h]))
    seg = np.linalg.norm(np.diff(path, axis=0, append=path[:1]), axis=1)
    arc = np.concatenate([[0], np.cumsum(seg)])
    at = np.linspace(0, arc[-1], 2 * int(arc[-1] // (bead * 2.2)), endpoint=False)
    closed_p, closed_n = np.vstack([path, path[:1]]), np.vstack([normals, normals[:1]])
    pts = np.column_stack([np.interp(at, arc, closed_p[:, i]) for i in (0, 1)])
    nrm = np.column_stack([np.interp(at, arc, closed_n[:, i]) for i in (0, 1)])
    nrm /= np.linalg.norm(nrm, axis=1, keepdims=True)
    # A ridge along each edge, swelling into a bead at every other sample.
    ridge = np.clip(1 - ((np.abs(h) - edge) / bead) ** 2, 0, 1)
    swell = bead * np.where(np.arange(len(at)) % 2 == 0, 0.9, 0.2)
    outer = section.outer(h)[None, :] + swell[:, None] * ridge[None, :]
    inner = np.broadcast_to(section.inner(base)[::-1], (len(at), len(base)))
    sides = [
        np.stack([outer, np.broadcast_to(h, outer.shape)], -1),
        np.stack([inner, np.broadcast_to(base[::-1], inner.shape)], -1),
    ]
    return tube(pts, nrm, np.concatenate(sides, axis=1))


@dataclass(frozen=True)
class Shoulders:
    """A band's outer surface either side of its head, where accent rows go."""

    path: np.ndarray
    normals: np.ndarray
    thickness: float
    width: float
    keep_clear: float  # arc length kept free either side of the top (the head)
    arc_limit: float  # arc length either side of the top where the row ends

    def sites(self, pitch: float) -> tuple[np.ndarray, np.ndarray]:
        """Points and normals along the shoulders, `pitch` apart."""
        return outer_sites(
            self.path, self.normals, self.thickness, self.keep_clear, self.arc_limit, pitch
        )


def outer_sites(
    path: np.ndarray,
    normals: np.ndarray,
    radial: float,
    keep_clear: float,
    arc_limit: float,
    pitch: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Points and normals on the band's outer top arc, from `keep_clear` on, `pitch` apart."""
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


def pave_row(band: Shoulders) -> Model:
    """Accent diamonds set into the band's outer surface, with beads between them."""
    size = float(np.clip(min(1.5, band.width * 0.55), 0.8, 1.5))
    rows = max(1, int((band.width - 0.5) // (size * 1.15)))
    offsets = (np.arange(rows) - (rows - 1) / 2) * size * 1.15
    sites, ns = band.sites(size * 1.12)
    small = melee(size)
    mats = _row_matrices(sites, ns, offsets, sink=small.crown * 0.45)
    model = Model()
    model.add_stones("pavé stones", Role.ACCENT, small, mats, melee_carat(small))
    bead_mats = mats.copy()
    bead_mats[:, :3, 3] += bead_mats[:, :3, 0] * size * 0.56 + bead_mats[:, :3, 2] * size * 0.18
    model.add("pavé beads", Role.METAL, instances(sphere(size * 0.17, 6), bead_mats))
    return model


def channel_row(band: Shoulders) -> Model:
    """Square accent stones in a channel between two raised rails along the band."""
    wall = float(np.clip(band.width * 0.14, 0.35, 0.6))
    size = max(0.8, band.width - 2 * wall - 0.1)
    small = Stone(GemShape.PRINCESS, size, size)
    sites, ns = band.sites(size * 1.02)
    mats = _row_matrices(sites, ns, [0.0], sink=small.crown * 0.3)
    model = Model()
    model.add_stones("channel stones", Role.ACCENT, small, mats, melee_carat(small))
    rails = []
    for side in (-1, 1):
        z0 = side * (band.width / 2 - wall / 2)
        rail = np.array(
            [
                [band.thickness - 0.3, z0 - wall / 2],
                [band.thickness + small.crown * 0.8, z0 - wall / 2],
                [band.thickness + small.crown * 0.8, z0 + wall / 2],
                [band.thickness - 0.3, z0 + wall / 2],
            ]
        )
        rails.append(tube(band.path, band.normals, rail))
    model.add("channel rails", Role.METAL, concat(rails))
    return model
