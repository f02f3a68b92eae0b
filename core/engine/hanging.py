"""Pieces that hang: pendants (bail and chain loop), earring pairs, necklaces with a chain.

World frame: millimetres, z up, the front faces the viewer at -y.
"""

from __future__ import annotations

import numpy as np

from core.engine.brief import carat_of, side_stone, the_stone
from core.engine.chain import chain_through
from core.engine.model import Model, Role
from core.engine.options import Options
from core.engine.outlines import outline
from core.engine.primitives import (
    Mesh,
    circle,
    cylinder,
    frame_matrix,
    loft,
    smooth_path,
    sweep,
    torus,
    translation,
    tube,
)
from core.engine.settings import build_head, head_to, prong_radius
from core.engine.stones import Stone
from core.properties import AccentStones, DesignProperties, EarringStyle, GemShape

FRONT = (0.0, -1.0, 0.0)
UP, DOWN, ACROSS = (0.0, 0.0, 1.0), (0.0, 0.0, -1.0), (1.0, 0.0, 0.0)
XZ_PLANE = frame_matrix((0, 0, 0), (1, 0, 0), FRONT)  # local xy → world xz, facing front
ALONG_Y = frame_matrix((0, 0, 0), (1, 0, 0), (0, 1, 0))  # local z → world +y (backwards)


def _head_frame(stone: Stone, props: DesignProperties, cup_behind: bool) -> np.ndarray:
    """Where a hanging stone's head goes: facing front, a pearl's cup behind it or on top."""
    if stone.is_pearl:
        return head_to((0, 0, 0), ACROSS, FRONT if cup_behind else DOWN)
    point_down = props.gem_shape is GemShape.HEART  # a heart hangs point down
    return head_to((0, 0, 0), DOWN if point_down else UP, FRONT)


def _hanging_head(props: DesignProperties, cup_behind: bool = False) -> Model:
    """The stone in its head facing front (one prong at the top), or a plain metal charm."""
    stone = the_stone(props)
    if stone is None:
        charm = Model()
        charm.add("charm", Role.METAL, _charm(props.gem_shape))
        return charm.transformed(head_to((0, 0, 0), UP, FRONT))
    # Hanging pieces have no shoulders: any side stones but a three-stone become a halo frame.
    halo = props.accent_stones in (
        AccentStones.HALO,
        AccentStones.PAVE_SHOULDERS,
        AccentStones.CHANNEL,
    )
    base = stone.pavilion * 1.05
    # A prong on the top point (pointed placement) takes the jump ring or bail.
    head = build_head(
        stone, props.setting, props.prong_count, base, True, carat_of(stone, props), halo
    )
    model = head.transformed(_head_frame(stone, props, cup_behind))
    side = side_stone(props)
    if side is not None:
        _add_side_stones(model, props, stone, side, cup_behind)
    return model


def _add_side_stones(
    model: Model, props: DesignProperties, stone: Stone, side: Stone, cup_behind: bool
) -> None:
    """A side stone in its own head left and right of the centre, tied by a bar."""
    gap = stone.width / 2 + side.width / 2 + 1.2 * prong_radius(stone)
    reach, side_reach = stone.pavilion * 1.05, side.pavilion * 1.05
    carat = carat_of(side, props)
    head = build_head(
        side, props.setting, props.prong_count, side_reach, True, carat, role=Role.SIDE_STONE
    )
    for x in (-gap, gap):
        frame = translation(x, 0, 0) @ _head_frame(side, props, cup_behind)
        model.extend(head.transformed(frame))
    # The bar runs behind the heads, or over the cups of pearls that hang from the top.
    on_top = stone.is_pearl and not cup_behind
    axis = 2 if on_top else 1
    points = np.zeros((3, 3))
    points[:, 0] = (-gap, 0, gap)
    points[:, axis] = np.array([side_reach, reach, side_reach]) * 0.95
    bar = smooth_path(points, 12)
    model.add("side bar", Role.METAL, sweep(bar, prong_radius(side), 8))


def _charm(shape: GemShape) -> Mesh:
    """A bevelled metal plate in the outline of the chosen shape."""
    width = 11.0
    length = width * {GemShape.MARQUISE: 1.6, GemShape.PEAR: 1.4, GemShape.OVAL: 1.3}.get(
        shape, 1.0
    )
    rings = []
    for scale, z in ((0.9, -0.7), (1.0, -0.35), (1.0, 0.35), (0.9, 0.8)):
        pts = outline(shape, 64, length * scale, width * scale)
        rings.append(np.column_stack([pts, np.full(len(pts), z)]))
    return loft(np.stack(rings), np.array([0, 0, -0.7]), np.array([0, 0, 0.8]))


def _metal_points(model: Model) -> np.ndarray:
    return np.concatenate([p.mesh.vertices for p in model.parts if p.role is Role.METAL])


def _metal_top(model: Model) -> float:
    """Highest metal near the vertical axis, where a jump ring can be soldered."""
    pts = _metal_points(model)
    near = pts[np.abs(pts[:, 0]) < 1.0]
    return float((near if len(near) else pts)[:, 2].max())


def _size(model: Model) -> float:
    verts = np.concatenate([p.mesh.vertices for p in model.parts])
    return float(np.ptp(verts[:, 2]))


def _jump_ring(model: Model, size: float) -> tuple[float, float]:
    """A chain loop on top of the head, facing front; returns its top z and wire radius."""
    wire = float(np.clip(size * 0.04, 0.3, 0.5))
    major = float(np.clip(size * 0.08 + 0.6, 0.9, 1.6))
    centre = _metal_top(model) + major - wire * 1.5
    ring = torus(major, wire, 20, 8).transformed(translation(0, 0, centre) @ XZ_PLANE)
    model.add("chain loop", Role.METAL, ring)
    return centre + major + wire, wire


def add_bail(model: Model, size: float) -> np.ndarray:
    """Jump ring and bail above the head; returns the centre of the bail's hole."""
    top, wire = _jump_ring(model, size)
    half_h, half_d = 1.7 + size * 0.08, 1.1
    t = (np.arange(32) + 0.5) * (2 * np.pi / 32)
    path = np.column_stack([half_h * np.cos(t), half_d * np.sin(t)])
    normals = np.column_stack([np.cos(t) / half_h, np.sin(t) / half_d])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    centre = np.array([0.0, 0.0, top + half_h - wire * 2.5])
    # The bail's loop stands in the yz plane so the chain runs through it along x.
    place = frame_matrix(centre, (0, 0, 1), (-1, 0, 0))
    model.add("bail", Role.METAL, tube(path, normals, circle(8, wire * 1.1)).transformed(place))
    return centre


def build_pendant(props: DesignProperties, opts: Options) -> Model:
    """A pendant: the head, a chain loop and a bail."""
    model = _hanging_head(props)
    size = _size(model)
    model.facts["bail_centre_mm"] = add_bail(model, size).round(2).tolist()
    return model


def build_necklace(props: DesignProperties, opts: Options) -> Model:
    """A pendant on a chain (stock, bought by length) running through its bail."""
    model = build_pendant(props, opts)
    hole = np.array(model.facts["bail_centre_mm"])
    chain, facts = chain_through(hole, props.band_width_mm, props.chain_length_mm)
    model.extend(chain)
    model.facts.update(facts)
    return model


def _stud(props: DesignProperties) -> Model:
    """One stud earring: the head on a back plate with a post, and an ear nut (stock)."""
    model = _hanging_head(props, cup_behind=True)
    pts = _metal_points(model)
    plate_r = 0.6 * _plate_reach(model)
    near = pts[np.hypot(pts[:, 0], pts[:, 2]) < plate_r]
    back = float((near if len(near) else pts)[:, 1].max())
    model.add(
        "back plate", Role.METAL, cylinder(plate_r, back - 0.5, back + 0.3, 24).transformed(ALONG_Y)
    )
    model.add("post", Role.METAL, cylinder(0.4, back, back + 10.0, 10).transformed(ALONG_Y))
    nut = cylinder(2.0, back + 5.0, back + 5.8, 20).transformed(ALONG_Y)
    model.add("ear nut", Role.FINDING, nut)
    return model


def _plate_reach(model: Model) -> float:
    """Half the width of the head's metal: a back plate of 0.6 of it meets prongs or bezel."""
    pts = _metal_points(model)
    return float(min(np.ptp(pts[:, 0]), np.ptp(pts[:, 2])) / 2)


def _drop(props: DesignProperties) -> Model:
    """One drop earring: the head hanging from a jump ring on a shepherd's-hook ear wire."""
    model = _hanging_head(props)
    top, wire = _jump_ring(model, _size(model))
    z = top - wire
    hook = smooth_path(
        [
            [0, 0, z],
            [0, 0, z + 5],
            [0, 2.5, z + 10],
            [0, 7, z + 10.5],
            [0, 10, z + 6],
            [0, 10.5, z],
        ],
        28,
    )
    model.add("ear wire", Role.METAL, sweep(hook, 0.4, 8))
    return model


def _hoop(props: DesignProperties) -> Model:
    """A hoop facing front, its post at the top and any stone hanging from its bottom."""
    radius, thick = 7.5, 1.6
    width = min(props.band_width_mm, 4.0)
    path = circle(64, radius)
    profile = np.array([[0, -width / 2], [thick, -width / 2], [thick, width / 2], [0, width / 2]])
    model = Model()
    if the_stone(props) is not None:
        head = _hanging_head(props)
        drop = -(radius + thick) + 0.4 - _metal_top(head)
        model.extend(head.transformed(translation(0, 0, drop)))
    model.add("hoop", Role.METAL, tube(path, path / radius, profile).transformed(XZ_PLANE))
    post = frame_matrix((0, 0, radius + thick / 2), (1, 0, 0), (0, 1, 0))
    model.add("post", Role.METAL, cylinder(0.4, -0.5, 10.0, 10).transformed(post))
    return model


_EARRINGS = {EarringStyle.STUD: _stud, EarringStyle.DROP: _drop, EarringStyle.HOOP: _hoop}


def build_earrings(props: DesignProperties, opts: Options) -> Model:
    """A pair: the right earring is the left one's mirror image."""
    one = _EARRINGS[props.earring_style](props)
    verts = np.concatenate([p.mesh.vertices for p in one.parts])
    half = float(np.abs(verts[:, 0]).max())
    gap = max(6.0, half * 1.2)
    pair = one.transformed(translation(-(half + gap / 2), 0, 0))
    pair.extend(one.mirrored_x().transformed(translation(half + gap / 2, 0, 0)))
    pair.facts["earring_style"] = props.earring_style.value
    pair.facts["earring_length_mm"] = round(float(np.ptp(verts[:, 2])), 2)
    return pair
