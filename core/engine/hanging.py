"""Pieces that hang: pendants (bail and chain loop), earring pairs, necklaces with a chain.

World frame: millimetres, z up, the front faces the viewer at -y.
"""

from __future__ import annotations

import numpy as np

from core.engine.chain import chain_through
from core.engine.model import Model, Role
from core.engine.options import POINTED, Options
from core.engine.outlines import outline
from core.engine.pieces import head_setting, the_stone
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
from core.engine.settings import build_head, head_to
from core.properties import DesignProperties, GemShape, Setting

FRONT = (0.0, -1.0, 0.0)
XZ_PLANE = frame_matrix((0, 0, 0), (1, 0, 0), FRONT)  # local xy → world xz, facing front


def _hanging_head(props: DesignProperties, opts: Options) -> Model:
    """The stone in its head facing front, or a metal charm when there is no stone."""
    stone = the_stone(props)
    point_down = props.gem_shape is GemShape.HEART
    length_axis = (0, 0, -1) if point_down else (0, 0, 1)
    if stone is None:
        charm = Model()
        charm.add("charm", Role.METAL, _charm(props.gem_shape))
        return charm.transformed(head_to((0, 0, 0), length_axis, FRONT))
    setting = head_setting(props.setting)
    if props.setting is Setting.PAVE:
        setting = Setting.HALO  # a pavé pendant is a pavé frame round the stone
    if props.setting is Setting.CHANNEL:
        setting = Setting.BEZEL
    base = stone.pavilion * 1.05
    pointed = props.gem_shape in POINTED
    head = build_head(stone, setting, opts.prongs, base, pointed)
    return head.transformed(head_to((0, 0, 0), length_axis, FRONT))


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


def _top(model: Model) -> float:
    return max(float(p.mesh.vertices[:, 2].max()) for p in model.parts)


def _jump_ring(model: Model, size: float) -> tuple[float, float]:
    """A chain loop on top of the head, facing front; returns its top z and wire radius."""
    wire = float(np.clip(size * 0.04, 0.3, 0.5))
    major = float(np.clip(size * 0.08 + 0.6, 0.9, 1.6))
    centre = _top(model) + major - wire * 1.5
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
    model = _hanging_head(props, opts)
    size = _size(model)
    model.facts["bail_centre_mm"] = add_bail(model, size).round(2).tolist()
    return model


def _size(model: Model) -> float:
    verts = np.concatenate([p.mesh.vertices for p in model.parts])
    return float(np.ptp(verts[:, 2]))


def build_necklace(props: DesignProperties, opts: Options) -> Model:
    """A pendant on a chain running through its bail."""
    model = build_pendant(props, opts)
    hole = np.array(model.facts["bail_centre_mm"])
    chain, facts = chain_through(hole, props.band_width_mm)
    model.extend(chain)
    model.facts.update(facts)
    return model


def _stud(props: DesignProperties, opts: Options) -> Model:
    """One stud earring: the head, a post behind it and an ear nut."""
    model = _hanging_head(props, opts)
    back = max(float(p.mesh.vertices[:, 1].max()) for p in model.parts)
    along_y = frame_matrix((0, 0, 0), (1, 0, 0), (0, 1, 0))
    model.add("post", Role.METAL, cylinder(0.4, back - 0.6, back + 10.0, 10).transformed(along_y))
    nut = cylinder(2.0, back + 5.0, back + 5.8, 20).transformed(along_y)
    model.add("ear nut", Role.METAL, nut)
    return model


def _drop(props: DesignProperties, opts: Options) -> Model:
    """One drop earring: the head hanging from a jump ring on a shepherd's-hook ear wire."""
    model = _hanging_head(props, opts)
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
    """A plain hoop, facing front, with its post at the top."""
    radius, thick = 7.5, 1.6
    width = min(props.band_width_mm, 4.0)
    path = circle(64, radius)
    profile = np.array([[0, -width / 2], [thick, -width / 2], [thick, width / 2], [0, width / 2]])
    model = Model()
    model.add("hoop", Role.METAL, tube(path, path / radius, profile).transformed(XZ_PLANE))
    along_y = frame_matrix((0, 0, radius + thick / 2), (1, 0, 0), (0, 1, 0))
    model.add("post", Role.METAL, cylinder(0.4, -0.5, 10.0, 10).transformed(along_y))
    return model


def build_earrings(props: DesignProperties, opts: Options) -> Model:
    """A pair: the right earring is the left one's mirror image."""
    if the_stone(props) is None:
        one = _hoop(props)
    else:
        one = _drop(props, opts) if opts.earring_drop else _stud(props, opts)
    verts = np.concatenate([p.mesh.vertices for p in one.parts])
    half = float(np.abs(verts[:, 0]).max())
    gap = max(6.0, half * 1.2)
    pair = one.transformed(translation(-(half + gap / 2), 0, 0))
    pair.extend(one.mirrored_x().transformed(translation(half + gap / 2, 0, 0)))
    pair.facts["style"] = (
        "hoops" if the_stone(props) is None else ("drops" if opts.earring_drop else "studs")
    )
    return pair
