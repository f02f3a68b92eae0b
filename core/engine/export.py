"""Model files: glTF binary with PBR materials (metal and stones as separate nodes), and STL."""

from __future__ import annotations

import numpy as np
import trimesh
from trimesh.visual.material import PBRMaterial
from trimesh.visual.texture import TextureVisuals

from core.engine.materials import ACCENT_GEM, alloy_for, gem_for, roughness_for, srgb_to_linear
from core.engine.model import Model, Role
from core.engine.primitives import Mesh
from core.engine.solid import Solid
from core.properties import DesignProperties, Gemstone


def _materials(props: DesignProperties) -> dict[Role, PBRMaterial]:
    alloy = alloy_for(props.metal, props.karat)
    metal = PBRMaterial(
        name=alloy.name,
        baseColorFactor=[*srgb_to_linear(alloy.color), 1.0],
        metallicFactor=1.0,
        roughnessFactor=roughness_for(props.finish),
    )
    gem = gem_for(props.gemstone)
    pearl = props.gemstone is Gemstone.PEARL
    main = PBRMaterial(
        name=props.gemstone.value,
        baseColorFactor=[*srgb_to_linear(gem.color), gem.opacity],
        metallicFactor=0.0,
        roughnessFactor=0.35 if pearl else 0.05,
        alphaMode="OPAQUE" if pearl else "BLEND",
    )
    accent = PBRMaterial(
        name="accent diamond",
        baseColorFactor=[*srgb_to_linear(ACCENT_GEM.color), ACCENT_GEM.opacity],
        metallicFactor=0.0,
        roughnessFactor=0.05,
        alphaMode="BLEND",
    )
    return {Role.METAL: metal, Role.MAIN_STONE: main, Role.ACCENT: accent}


def to_glb(model: Model, solid: Solid, props: DesignProperties) -> bytes:
    """A .glb (mm, y up as glTF wants): cast metal, stock findings and stones as their own nodes."""
    materials = _materials(props)
    nodes = [
        ("metal", solid.mesh, materials[Role.METAL]),
        ("findings", model.merged(Role.FINDING), materials[Role.METAL]),
        ("main_stone", model.merged(Role.MAIN_STONE), materials[Role.MAIN_STONE]),
        ("side_stones", model.merged(Role.SIDE_STONE), materials[Role.MAIN_STONE]),
        ("accent_stones", model.merged(Role.ACCENT), materials[Role.ACCENT]),
    ]
    scene = trimesh.Scene()
    for name, mesh, material in nodes:
        if not len(mesh.faces):
            continue
        tm = trimesh.Trimesh(z_up_to_y_up(mesh.vertices), mesh.faces, process=False)
        tm.visual = TextureVisuals(material=material)
        scene.add_geometry(tm, node_name=name, geom_name=name)
    scene.metadata["units"] = "mm"
    return scene.export(file_type="glb")


def z_up_to_y_up(vertices: np.ndarray) -> np.ndarray:
    """The engine's z-up, front-at--y frame as glTF's y-up, front-at-+z (a proper rotation)."""
    x, y, z = vertices[:, 0], vertices[:, 1], vertices[:, 2]
    return np.column_stack([x, z, -y])


def to_stl(solid: Solid) -> bytes:
    """Binary STL of the cast metal only (millimetres): one closed solid per piece."""
    return stl_bytes(solid.mesh)


def stl_bytes(mesh: Mesh) -> bytes:
    """Encode a mesh as binary STL."""
    tri = mesh.vertices[mesh.faces].astype(np.float32)
    normal = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    normal /= np.linalg.norm(normal, axis=1, keepdims=True).clip(1e-12)
    record = np.zeros(len(tri), dtype=[("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
    record["n"], record["v"] = normal, tri
    header = b"PNJ Jewelry AI Designer model, units: mm".ljust(80, b" ")
    return header + np.uint32(len(tri)).tobytes() + record.tobytes()
