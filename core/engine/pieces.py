"""Banded pieces: rings and bangles, with their head and accent rows.

World frame for every piece: millimetres, z up, the viewer in front at -y. A ring's
finger runs along y, its stone on top.
"""

from __future__ import annotations

import math

import numpy as np

from core.engine import geometry
from core.engine.bands import band_mesh, band_profile, channel_row, milgrain, pave_row
from core.engine.materials import gem_for
from core.engine.model import Model, Role
from core.engine.options import POINTED, Options
from core.engine.outlines import outline_normals
from core.engine.primitives import circle, frame_matrix
from core.engine.settings import build_head, head_to
from core.engine.stones import Stone, main_stone
from core.properties import DesignProperties, Finish, Gemstone, Setting

# Band plane (xy, head at +y, width along z) → world (xz, head at +z, width along y).
BAND_TO_WORLD = frame_matrix((0, 0, 0), (1, 0, 0), (0, -1, 0))


def the_stone(props: DesignProperties) -> Stone | None:
    """The main stone a brief asks for, or None."""
    if props.gemstone is Gemstone.NONE:
        return None
    gem = gem_for(props.gemstone)
    pearl = props.gemstone is Gemstone.PEARL
    return main_stone(props.gem_shape, props.carat, gem.specific_gravity, pearl)


def head_setting(setting: Setting) -> Setting:
    """Pavé and channel describe the band; the centre stone itself then sits in prongs."""
    return Setting.PRONG if setting in (Setting.PAVE, Setting.CHANNEL) else setting


def _seat_height(stone: Stone, setting: Setting) -> float:
    """Girdle height above the band's outer surface: bezels sit lower than prongs."""
    if stone.is_pearl:
        return stone.pavilion * 1.15  # high enough to show the cup under it
    low = setting is Setting.BEZEL
    return stone.pavilion * (0.55 if low else 0.8) + 0.25


def _mount(
    model: Model,
    props: DesignProperties,
    opts: Options,
    path: np.ndarray,
    normals: np.ndarray,
    thickness: float,
    arc_limit: float,
) -> None:
    """Put head and accent rows on a band whose outer top is at `path·y + thickness`."""
    stone = the_stone(props)
    top = float((path + normals * thickness)[:, 1].max())
    clear = 1.2
    if stone is not None:
        sit = _seat_height(stone, head_setting(props.setting))
        pointed = props.gem_shape in POINTED
        head = build_head(stone, head_setting(props.setting), opts.prongs, sit + 0.4, pointed)
        # Length runs along the finger (band width axis z); table faces up (+y).
        model.extend(head.transformed(head_to((0, top + sit, 0), (0, 0, 1), (0, 1, 0))))
        halo = head.accent_count and props.setting is Setting.HALO
        clear = stone.width / 2 + (2.2 if halo else 0.9)
    row = {Setting.PAVE: pave_row, Setting.CHANNEL: channel_row}.get(props.setting)
    if row is not None and stone is not None:
        width = props.band_width_mm
        model.extend(row(path, normals, thickness, width, clear, arc_limit))


def build_ring(props: DesignProperties, opts: Options) -> Model:
    """A ring sized from its US size: band, head and accents."""
    inner = geometry.inner_diameter_mm(props.ring_size)
    thickness = geometry.band_thickness_mm(props.style, props.band_width_mm) * opts.thickness_scale
    path = circle(96, inner / 2, phase=0.5)
    normals = path / (inner / 2)
    model = Model()
    _add_band(model, "band", props, path, normals, _profile(opts, thickness, props))
    _mount(model, props, opts, path, normals, thickness, math.pi * (inner / 2 + thickness) * 0.42)
    model.facts.update(
        inner_diameter_mm=round(inner, 2),
        band_width_mm=props.band_width_mm,
        band_thickness_mm=round(thickness, 2),
        band_profile=opts.band_profile,
    )
    return model.transformed(BAND_TO_WORLD)


def _add_band(
    model: Model,
    name: str,
    props: DesignProperties,
    path: np.ndarray,
    normals: np.ndarray,
    profile: np.ndarray,
) -> None:
    model.add(name, Role.METAL, band_mesh(path, normals, profile))
    if props.finish is Finish.MILGRAIN:
        model.add("milgrain", Role.METAL, milgrain(path, normals, profile))


def _profile(opts: Options, thickness: float, props: DesignProperties) -> np.ndarray:
    return band_profile(opts.band_profile, thickness, props.band_width_mm)


def build_bangle(props: DesignProperties, opts: Options) -> Model:
    """An oval bangle sized from a default wrist, with the stone on top."""
    a, b = geometry.bangle_semi_axes_mm()
    thickness = max(1.8, geometry.band_thickness_mm(props.style, props.band_width_mm))
    thickness *= opts.thickness_scale
    t = (np.arange(144) + 0.5) * (2 * np.pi / 144)
    path = np.column_stack([a * np.cos(t), b * np.sin(t)])
    normals = outline_normals(path)
    model = Model()
    _add_band(model, "bangle", props, path, normals, _profile(opts, thickness, props))
    _mount(model, props, opts, path, normals, thickness, 0.18 * math.pi * (a + b))
    model.facts.update(
        wrist_circumference_mm=geometry.DEFAULT_WRIST_MM,
        inner_circumference_mm=round(geometry.DEFAULT_WRIST_MM + geometry.BANGLE_EASE_MM, 1),
        inner_axes_mm=[round(2 * a, 1), round(2 * b, 1)],
        band_width_mm=props.band_width_mm,
        band_thickness_mm=round(thickness, 2),
        band_profile=opts.band_profile,
    )
    return model.transformed(BAND_TO_WORLD)
