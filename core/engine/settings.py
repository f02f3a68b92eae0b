"""Heads that hold a stone: prongs, bezel, halo, pearl cup.

Everything here is in the stone's frame: girdle centred on the origin, table up (+z),
length along x. `base` is how far below the girdle the head reaches (a band, a back).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from core.engine.model import Model, Role
from core.engine.outlines import outline_normals
from core.engine.primitives import (
    Mesh,
    circle,
    concat,
    frame_matrix,
    instances,
    lathe,
    smooth_path,
    sphere,
    sweep,
    translation,
    tube,
)
from core.engine.stones import Stone, melee, melee_carat
from core.properties import Setting


def prong_radius(stone: Stone) -> float:
    """Prong wire radius: sturdier for bigger stones."""
    return float(np.clip(0.07 * stone.width + 0.15, 0.35, 0.8))


def _prong_sites(stone: Stone, count: int, pointed: bool) -> tuple[np.ndarray, np.ndarray]:
    """Girdle points and outward normals where prongs go (tips first on pointed cuts)."""
    dense = stone.girdle(360)
    normals = outline_normals(dense)
    angles = np.degrees(np.arctan2(dense[:, 1] / stone.width, dense[:, 0] / stone.length))
    offset = 0.0 if pointed else 180.0 / count
    targets = (offset + 360.0 * np.arange(count) / count + 180) % 360 - 180
    diff = np.abs((angles[None, :] - targets[:, None] + 180) % 360 - 180)
    idx = diff.argmin(axis=1)
    return dense[idx], normals[idx]


def prongs(stone: Stone, count: int, base: float, pointed: bool) -> Mesh:
    """Claw prongs rising from below the stone, over the girdle, onto the crown."""
    r = prong_radius(stone)
    pav, crown = stone.pavilion, stone.crown
    meshes = []
    for p, e in zip(*_prong_sites(stone, count, pointed), strict=True):
        ctrl = [
            [*(0.3 * p), -base],
            [*(0.55 * p + e * r), -0.6 * pav],
            [*(p + e * r * 0.9), 0.0],
            [*(0.94 * p + e * r * 0.5), 0.55 * crown],
        ]
        path = smooth_path(ctrl, 10)
        radius = np.linspace(r * 1.05, r * 0.85, len(path))
        meshes.append(sweep(path, radius, 8))
    return concat(meshes)


def _girdle_path(stone: Stone, count: int, scale: float) -> tuple[np.ndarray, np.ndarray]:
    pts = stone.girdle(count) * scale
    return pts, outline_normals(pts)


def basket_rail(stone: Stone) -> Mesh:
    """The gallery wire that ties the prongs together under the stone."""
    path, normals = _girdle_path(stone, 48, 0.6)
    wire = circle(8, prong_radius(stone) * 0.7)
    offset = prong_radius(stone) * 0.6
    return tube(path, normals, wire + [offset, 0]).transformed(
        translation(0, 0, -0.5 * stone.pavilion)
    )


def bezel(stone: Stone, base: float) -> Mesh:
    """A metal collar around the girdle, lipped over the crown, tapering down to the base."""
    wall = float(np.clip(0.1 * stone.width, 0.5, 0.9))
    path, normals = _girdle_path(stone, 64, 1.0)
    lip = 0.35 * stone.crown + 0.05
    profile = np.array(
        [[-0.2, lip], [-0.05, 0.0], [0.0, -base], [wall * 0.7, -base], [wall, 0.0], [wall, lip]]
    )
    scales = np.array([1.0, 1.0, 0.55, 0.6, 1.0, 1.0])
    return tube(path, normals, profile, scales)


def pearl_cup(stone: Stone, base: float, wide: bool = False) -> Mesh:
    """A solid cup under a pearl (wide enough to meet a halo's basket when `wide`).

    Cutting the pearl out of the metal leaves its round seat.
    """
    r = stone.width / 2
    radii = np.array([0.55 if wide else 0.3, 0.6 if wide else 0.5, 0.72]) * r
    return lathe([-base, -0.9 * r, -0.55 * r], radii, 32)


def halo_ring(stone: Stone, base: float) -> tuple[Mesh, Stone, np.ndarray]:
    """A ring of accent diamonds round the main stone on a metal frame: (metal, stone, frames)."""
    small = melee(float(np.clip(0.17 * stone.width, 0.9, 1.6)))
    gap = 0.25
    path, normals = _girdle_path(stone, 90, 1.0)
    centres = path + normals * (small.width / 2 + gap)
    seg = np.linalg.norm(np.diff(centres, axis=0, append=centres[:1]), axis=1)
    arc = np.concatenate([[0], np.cumsum(seg)])
    count = max(8, int(arc[-1] // (small.width * 1.08)))
    at = np.linspace(0, arc[-1], count, endpoint=False)
    xy = np.column_stack(
        [np.interp(at, arc, np.append(centres[:, i], centres[0, i])) for i in (0, 1)]
    )
    z = -0.2 * small.width
    mats = np.stack([translation(x, y, z) for x, y in xy])
    outer = gap * 2 + small.width + 0.35
    below = z - small.pavilion - 0.3
    # The frame narrows into a basket that reaches down to the band or back.
    frame_profile = np.array(
        [[0.05, z - 0.05], [0.0, -base], [0.5, -base], [outer, below], [outer, z - 0.05]]
    )
    scales = np.array([1.0, 0.45, 0.45, 1.0, 1.0])
    frame = tube(path, normals, frame_profile, scales)
    beads = instances(sphere(small.width * 0.16, 6), mats + _bead_shift(xy, small, z))
    return concat([frame, beads]), small, mats


def _bead_shift(xy: np.ndarray, small: Stone, z: float) -> np.ndarray:
    # Beads sit between neighbouring accents, just above their girdles.
    mid = (xy + np.roll(xy, -1, axis=0)) / 2 - xy
    shift = np.zeros((len(xy), 4, 4))
    shift[:, :2, 3] = mid
    shift[:, 2, 3] = small.crown * 0.5
    return shift


def build_head(
    stone: Stone,
    setting: Setting,
    prong_count: int,
    base: float,
    pointed: bool,
    carat: float,
    halo: bool = False,
    role: Role = Role.MAIN_STONE,
) -> Model:
    """A stone (of `carat`) in its head; `base` is the head's reach below the girdle."""
    head = Model()
    head.add_stones(
        "main stone" if role is Role.MAIN_STONE else "side stones", role, stone, [np.eye(4)], carat
    )
    if stone.is_pearl:
        head.add("pearl cup", Role.METAL, pearl_cup(stone, base, wide=halo))
    elif setting is Setting.BEZEL:
        head.add("bezel", Role.METAL, bezel(stone, base))
    else:
        head.add("prongs", Role.METAL, prongs(stone, prong_count, base, pointed))
        if not halo:  # a halo's basket ties the prongs together instead
            head.add("gallery rail", Role.METAL, basket_rail(stone))
    if halo:
        _add_halo(head, stone, base)
    return head


def _add_halo(head: Model, stone: Stone, base: float) -> None:
    metal, small, mats = halo_ring(stone, base)
    head.add("halo frame", Role.METAL, metal)
    head.add_stones("halo stones", Role.ACCENT, small, mats, melee_carat(small))


def head_to(origin: ArrayLike, length_axis: ArrayLike, table_axis: ArrayLike) -> np.ndarray:
    """Matrix placing a head: its length along `length_axis`, table facing `table_axis`."""
    return frame_matrix(origin, length_axis, table_axis)
