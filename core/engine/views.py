"""Turning a model into pictures: the scene to draw, view directions per piece, renders."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from core.engine.materials import ACCENT_GEM, alloy_for, gem_for, roughness_for
from core.engine.model import Model, Role
from core.engine.raster import Camera, fit_camera, rasterize
from core.engine.shading import GEM, METAL, PEARL, Look, Scene, corner_normals, drafting, shade
from core.properties import DesignProperties, Gemstone, JewelryType

_ROLE_ORDER = (Role.METAL, Role.MAIN_STONE, Role.ACCENT)


def looks_for(props: DesignProperties) -> tuple[Look, Look, Look]:
    """Metal, main stone and accent looks for a brief."""
    metal = Look(METAL, alloy_for(props.metal, props.karat).color, roughness_for(props.finish))
    gem = gem_for(props.gemstone)
    kind = PEARL if props.gemstone is Gemstone.PEARL else GEM
    return metal, Look(kind, gem.color), Look(GEM, ACCENT_GEM.color)


def build_scene(model: Model, props: DesignProperties) -> Scene:
    """All parts as one triangle soup with per-face look and part ids."""
    verts, faces, look, part = [], [], [], []
    offset = 0
    for index, p in enumerate(model.parts):
        verts.append(p.mesh.vertices)
        faces.append(p.mesh.faces + offset)
        offset += len(p.mesh.vertices)
        look.append(np.full(len(p.mesh.faces), _ROLE_ORDER.index(p.role)))
        part.append(np.full(len(p.mesh.faces), index))
    v, f = np.concatenate(verts), np.concatenate(faces)
    corners, face_n = corner_normals(v, f)
    return Scene(
        v.astype(np.float32), f, np.concatenate(look), np.concatenate(part),
        corners.astype(np.float32), face_n.astype(np.float32), looks_for(props),
    )


@dataclass(frozen=True)
class View:
    """A named direction to look from, with the screen's up."""

    title: str
    direction: tuple[float, float, float]
    up: tuple[float, float, float] = (0.0, 0.0, 1.0)


_BANDED = (JewelryType.RING, JewelryType.BRACELET)


def hero_direction(kind: JewelryType) -> tuple[float, float, float]:
    """The 3/4 view a product shot uses for this kind of piece."""
    if kind in _BANDED:
        return (0.62, -1.0, 0.55)
    if kind is JewelryType.NECKLACE:
        return (0.25, -1.0, 0.45)
    return (0.55, -1.0, 0.35)


def technical_views(kind: JewelryType) -> tuple[View, View]:
    """The two orthographic views of the sheet."""
    if kind in _BANDED:
        return View("Top view", (0, 0, 1), (0, 1, 0)), View("Side profile", (0, -1, 0))
    if kind is JewelryType.NECKLACE:
        return View("Front view", (0, -1, 0)), View("Pendant detail", (0, -1, 0))
    return View("Front view", (0, -1, 0)), View("Side profile", (1, 0, 0))


def _image(frame_shape, pix: np.ndarray, rgb: np.ndarray, ss: int) -> Image.Image:
    """RGBA image (transparent background) from coloured pixels, box-filtered down by ss."""
    height, width = frame_shape
    rgba = np.zeros((height * width, 4), np.uint8)
    rgba[pix, :3] = (np.clip(rgb, 0, 1) * 255 + 0.5).astype(np.uint8)
    rgba[pix, 3] = 255
    img = Image.fromarray(rgba.reshape(height, width, 4), "RGBA")
    return img.reduce(ss) if ss > 1 else img


def render(
    scene: Scene, view: View, size: tuple[int, int], ss: int, margin: float,
    photo: bool, subset: np.ndarray | None = None,
) -> tuple[Image.Image, Camera]:
    """Render a view as an RGBA image (transparent background) and its camera (final px)."""
    faces = scene.faces if subset is None else scene.faces[subset]
    used = scene.vertices[np.unique(faces)]
    big = (size[0] * ss, size[1] * ss)
    camera = fit_camera(used, view.direction, big, margin * ss, not photo, view.up)
    if subset is not None:
        scene = _restrict(scene, subset)
    frame = rasterize(camera, scene.vertices, scene.faces)
    pix, rgb = (shade if photo else drafting)(scene, frame, camera)
    final = Camera(
        camera.rotation, camera.eye, camera.focal / ss,
        (camera.centre[0] / ss, camera.centre[1] / ss), size, camera.ortho,
    )
    return _image(frame.triangle.shape, pix, rgb, ss), final


def _restrict(scene: Scene, subset: np.ndarray) -> Scene:
    return Scene(
        scene.vertices, scene.faces[subset], scene.face_look[subset], scene.face_part[subset],
        scene.corner_normals[subset], scene.face_normals[subset], scene.looks,
    )
