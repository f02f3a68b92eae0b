"""Turning a model into pictures: the scene to draw, view directions per piece, renders."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

from core.engine.materials import ACCENT_GEM, alloy_for, gem_for, roughness_for
from core.engine.model import Model, Role
from core.engine.raster import Camera, Frame, fit_camera, rasterize, scale_camera
from core.engine.shading import GEM, METAL, PEARL, Look, Scene, corner_normals, drafting, shade
from core.properties import DesignProperties, Finish, Gemstone, JewelryType

# Index into looks_for(): metal (cast or stock), the main gem, accent diamonds.
_LOOK_OF_ROLE = {
    Role.METAL: 0,
    Role.FINDING: 0,
    Role.MAIN_STONE: 1,
    Role.SIDE_STONE: 1,
    Role.ACCENT: 2,
}


def looks_for(props: DesignProperties) -> tuple[Look, Look, Look]:
    """Metal, main stone and accent looks for a brief."""
    metal = Look(
        METAL,
        alloy_for(props.metal, props.karat).color,
        roughness_for(props.finish),
        hammered=props.finish is Finish.HAMMERED,
    )
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
        look.append(np.full(len(p.mesh.faces), _LOOK_OF_ROLE[p.role]))
        part.append(np.full(len(p.mesh.faces), index))
    v, f = np.concatenate(verts), np.concatenate(faces)
    corners, face_n = corner_normals(v, f)
    return Scene(
        v.astype(np.float32),
        f,
        np.concatenate(look),
        np.concatenate(part),
        corners.astype(np.float32),
        face_n.astype(np.float32),
        v[f].mean(axis=1).astype(np.float32),
        looks_for(props),
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
    if kind is JewelryType.EARRINGS:
        return (0.4, -1.0, 0.3)
    return (0.5, -1.0, 0.35)


def technical_views(kind: JewelryType) -> tuple[View, View]:
    """The two orthographic views of the sheet."""
    if kind in _BANDED:
        return View("Top view", (0, 0, 1), (0, 1, 0)), View("Side profile", (0, -1, 0))
    if kind is JewelryType.NECKLACE:
        return View("Front view", (0, -1, 0)), View("Pendant detail", (0, -1, 0))
    return View("Front view", (0, -1, 0)), View("Side profile", (1, 0, 0))


@dataclass(frozen=True)
class Shot:
    """A rendered view: RGBA (transparent background), its edge pixels, its camera."""

    image: Image.Image
    edges: Image.Image  # "L" mask of silhouette and part-boundary pixels
    camera: Camera


def hero_focus(scene: Scene, kind: JewelryType) -> np.ndarray | None:
    """Points the 3/4 shot frames: a necklace's pendant and the chain near it, else all."""
    if kind is not JewelryType.NECKLACE:
        return None
    z = scene.vertices[:, 2]
    return scene.vertices[z < z.min() + 32.0]


def render(
    scene: Scene,
    view: View,
    size: tuple[int, int],
    margin: float,
    photo: bool,
    subset: np.ndarray | None = None,
    focus: np.ndarray | None = None,
) -> Shot:
    """Render a view (photographic or drafting) framed to `size` with a margin in px.

    `subset` (a face mask) limits what is drawn; `focus` (points) limits what is framed.
    """
    used = scene.vertices if subset is None else scene.vertices[np.unique(scene.faces[subset])]
    if focus is not None:
        used = focus
    camera = fit_camera(used, view.direction, size, margin, not photo, view.up)
    if subset is not None:
        scene = _restrict(scene, subset)
    return _shoot(scene, camera, photo)


def render_at_scale(scene: Scene, view: View, px_per_mm: float, margin: int = 3) -> Shot:
    """An orthographic drafting render at a fixed scale: px_per_mm pixels to the millimetre."""
    camera = scale_camera(scene.vertices, view.direction, px_per_mm, margin, view.up)
    return _shoot(scene, camera, photo=False)


def _shoot(scene: Scene, camera: Camera, photo: bool) -> Shot:
    frame = rasterize(camera, scene.vertices, scene.faces)
    pix, rgb = (shade if photo else drafting)(scene, frame, camera)
    width, height = camera.size
    rgba = np.zeros((height * width, 4), np.uint8)
    rgba[pix, :3] = (np.clip(rgb, 0, 1) * 255 + 0.5).astype(np.uint8)
    rgba[pix, 3] = 255
    image = Image.fromarray(rgba.reshape(height, width, 4), "RGBA")
    return Shot(image, _edge_mask(frame, scene.face_part), camera)


def _edge_mask(frame: Frame, face_part: np.ndarray) -> Image.Image:
    """Pixels on either side of a silhouette or a boundary between parts."""
    tri = frame.triangle
    height, width = tri.shape
    rows, cols = np.nonzero((tri >= 0).any(axis=1))[0], np.nonzero((tri >= 0).any(axis=0))[0]
    mask = np.zeros((height, width), np.uint8)
    if not len(rows):
        return Image.fromarray(mask, "L")
    r0, r1 = max(rows[0] - 1, 0), min(rows[-1] + 2, height)
    c0, c1 = max(cols[0] - 1, 0), min(cols[-1] + 2, width)
    crop = tri[r0:r1, c0:c1]
    part = np.where(crop >= 0, face_part[np.maximum(crop, 0)], -1)
    edge = np.zeros(part.shape, bool)
    horizontal = part[:, 1:] != part[:, :-1]
    vertical = part[1:] != part[:-1]
    edge[:, 1:] |= horizontal
    edge[:, :-1] |= horizontal
    edge[1:] |= vertical
    edge[:-1] |= vertical
    mask[r0:r1, c0:c1] = edge * np.uint8(255)
    return Image.fromarray(mask, "L")


# A small Gaussian: blending edge pixels with their neighbours stands in for supersampling.
_SOFTEN = [(dy, dx, (2 - abs(dy)) * (2 - abs(dx)) / 16) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def place(canvas: Image.Image, shot: Shot, xy: tuple[int, int]) -> None:
    """Composite a shot onto an RGBA canvas and smooth its edges against what lies below."""
    canvas.alpha_composite(shot.image, xy)
    bbox = shot.edges.getbbox()
    if bbox is None:
        return
    left, top = xy[0] + bbox[0] - 1, xy[1] + bbox[1] - 1
    box = (left, top, xy[0] + bbox[2] + 1, xy[1] + bbox[3] + 1)
    region = np.array(canvas.crop(box))
    edges = np.asarray(shot.edges.crop((bbox[0] - 1, bbox[1] - 1, bbox[2] + 1, bbox[3] + 1)))
    rows, cols = np.nonzero(edges[1:-1, 1:-1])
    rows, cols = rows + 1, cols + 1
    # Only edge pixels are filtered: a few thousand, not the whole picture.
    soft = sum(region[rows + dy, cols + dx].astype(np.float32) * w for dy, dx, w in _SOFTEN)
    region[rows, cols] = (soft + 0.5).astype(np.uint8)
    canvas.paste(Image.fromarray(region, "RGBA"), (left, top))


def moved(camera: Camera, dx: float, dy: float) -> Camera:
    """The same camera drawing into a canvas offset by (dx, dy)."""
    return replace(camera, centre=(camera.centre[0] + dx, camera.centre[1] + dy))


def _restrict(scene: Scene, subset: np.ndarray) -> Scene:
    return Scene(
        scene.vertices,
        scene.faces[subset],
        scene.face_look[subset],
        scene.face_part[subset],
        scene.corner_normals[subset],
        scene.face_normals[subset],
        scene.face_centres[subset],
        scene.looks,
    )
