"""Banded pieces: rings and bangles, with their head and side stones.

World frame for every piece: millimetres, z up, the viewer in front at -y. A ring's
finger runs along y, its stone on top.
"""

from __future__ import annotations

import math

import numpy as np

from core import ring_sizes
from core.engine import geometry
from core.engine.bands import (
    BandSection,
    Shoulders,
    band_mesh,
    channel_row,
    outer_sites,
    pave_row,
)
from core.engine.brief import carat_of, is_pointed, side_stone, the_stone
from core.engine.model import Model, Role
from core.engine.options import Options
from core.engine.outlines import outline_normals
from core.engine.primitives import circle, frame_matrix
from core.engine.settings import build_head, head_to, prong_radius
from core.engine.stones import Stone
from core.properties import AccentStones, DesignProperties, Finish, Setting

# Band plane (xy, head at +y, width along z) → world (xz, head at +z, width along y).
BAND_TO_WORLD = frame_matrix((0, 0, 0), (1, 0, 0), (0, -1, 0))
ALONG_FINGER = (0.0, 0.0, 1.0)  # in the band plane: a stone's length runs along the finger


def _seat_height(stone: Stone, setting: Setting) -> float:
    """Girdle height above the band's outer surface: bezels sit lower than prongs."""
    if stone.is_pearl:
        return stone.pavilion * 1.15  # high enough to show the cup under it
    low = setting is Setting.BEZEL
    return stone.pavilion * (0.55 if low else 0.8) + 0.25


def _head(
    props: DesignProperties, stone: Stone, halo: bool = False, role: Role = Role.MAIN_STONE
) -> tuple[Model, float]:
    """A stone's head for a band, and how high its girdle sits above the band."""
    sit = _seat_height(stone, props.setting)
    pointed = is_pointed(props)
    carat = carat_of(stone, props)
    head = build_head(
        stone, props.setting, props.prong_count, sit + 0.4, pointed, carat, halo, role
    )
    return head, sit


def _mount(
    model: Model,
    props: DesignProperties,
    path: np.ndarray,
    normals: np.ndarray,
    thickness: float,
    arc_limit: float,
) -> None:
    """Put the head and any side stones on a band whose outer surface is `thickness` out."""
    stone = the_stone(props)
    if stone is None:
        return
    top = float((path + normals * thickness)[:, 1].max())
    halo = props.accent_stones is AccentStones.HALO
    head, sit = _head(props, stone, halo)
    model.extend(head.transformed(head_to((0, top + sit, 0), ALONG_FINGER, (0, 1, 0))))
    clear = stone.width / 2 + (2.2 if halo else 0.9)
    side = side_stone(props)
    if side is not None:
        clear = _add_side_stones(model, props, stone, side, path, normals, thickness)
    row = {AccentStones.PAVE_SHOULDERS: pave_row, AccentStones.CHANNEL: channel_row}.get(
        props.accent_stones
    )
    if row is not None:
        model.extend(
            row(Shoulders(path, normals, thickness, props.band_width_mm, clear, arc_limit))
        )


def _add_side_stones(
    model: Model,
    props: DesignProperties,
    stone: Stone,
    side: Stone,
    path: np.ndarray,
    normals: np.ndarray,
    thickness: float,
) -> float:
    """Two smaller stones in their own heads either side of the centre; returns their reach."""
    reach = stone.width / 2 + side.width / 2 + 1.2 * prong_radius(stone)
    sites, directions = outer_sites(path, normals, thickness, reach, reach + 1e-3, 1.0)
    head, sit = _head(props, side, role=Role.SIDE_STONE)
    for site, n in zip(sites, directions, strict=True):
        origin = (*(site + n * sit), 0.0)
        model.extend(head.transformed(head_to(origin, ALONG_FINGER, (*n, 0.0))))
    return reach + side.width / 2 + 0.6


def _add_band(
    model: Model,
    name: str,
    props: DesignProperties,
    path: np.ndarray,
    normals: np.ndarray,
    thickness: float,
) -> None:
    section = BandSection(props.band_profile, thickness, props.band_width_mm)
    milgrain = props.finish is Finish.MILGRAIN
    model.add(name, Role.METAL, band_mesh(path, normals, section, milgrain))
    model.facts["band_section_mm2"] = round(section.area(), 3)


def _band_facts(props: DesignProperties, thickness: float) -> dict:
    return {
        "band_width_mm": props.band_width_mm,
        "band_thickness_mm": round(thickness, 2),
        "band_profile": props.band_profile.value,
    }


def build_ring(props: DesignProperties, opts: Options) -> Model:
    """A ring sized from its US size: band, head and side stones."""
    inner = ring_sizes.inner_diameter_mm(props.ring_size)
    thickness = geometry.band_thickness_mm(props.style, props.band_width_mm) * opts.thickness_scale
    path = circle(96, inner / 2, phase=0.5)
    normals = path / (inner / 2)
    model = Model()
    _add_band(model, "band", props, path, normals, thickness)
    _mount(model, props, path, normals, thickness, math.pi * (inner / 2 + thickness) * 0.42)
    model.facts.update(inner_diameter_mm=round(inner, 2), **_band_facts(props, thickness))
    return model.transformed(BAND_TO_WORLD)


def build_bangle(props: DesignProperties, opts: Options) -> Model:
    """An oval bangle sized from the wrist, with the stone on top."""
    a, b = geometry.bangle_semi_axes_mm(props.wrist_mm)
    thickness = max(1.8, geometry.band_thickness_mm(props.style, props.band_width_mm))
    thickness *= opts.thickness_scale
    t = (np.arange(144) + 0.5) * (2 * np.pi / 144)
    path = np.column_stack([a * np.cos(t), b * np.sin(t)])
    normals = outline_normals(path)
    model = Model()
    _add_band(model, "bangle", props, path, normals, thickness)
    _mount(model, props, path, normals, thickness, 0.18 * math.pi * (a + b))
    model.facts.update(
        wrist_circumference_mm=props.wrist_mm,
        inner_circumference_mm=round(props.wrist_mm + geometry.BANGLE_EASE_MM, 1),
        inner_axes_mm=[round(2 * a, 1), round(2 * b, 1)],
        **_band_facts(props, thickness),
    )
    return model.transformed(BAND_TO_WORLD)
