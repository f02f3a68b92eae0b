"""The castable solid: one closed metal body per piece, and the spec's weight is the file's."""

from __future__ import annotations

import io

import manifold3d as m3d
import numpy as np
import pytest
import trimesh

from core.engine.api import render_design_at
from core.properties import DesignProperties, JewelryType

DRAFT = 0.1  # the model files do not depend on the image scale

_CASES = [
    {"jewelry_type": kind, **extra}
    for kind in JewelryType
    for extra in (
        {},
        {"gemstone": "none"},
        {"accent_stones": "halo", "gem_shape": "pear"},
        {"accent_stones": "pavé shoulders", "gem_shape": "oval", "prong_count": 6},
        {"accent_stones": "channel", "gem_shape": "princess", "finish": "milgrain"},
        {"accent_stones": "three-stone", "setting": "bezel", "gem_shape": "heart"},
        {"gemstone": "pearl", "pearl_mm": 9},
    )
] + [
    {"jewelry_type": "earrings", "earring_style": style, "gemstone": gem}
    for style in ("stud", "drop", "hoop")
    for gem in ("diamond", "pearl", "none")
]


def _manifold(mesh: trimesh.Trimesh) -> m3d.Manifold:
    vertices = np.ascontiguousarray(mesh.vertices, dtype=np.float32)
    faces = np.ascontiguousarray(mesh.faces, dtype=np.uint32)
    return m3d.Manifold(m3d.Mesh(vert_properties=vertices, tri_verts=faces))


def _files(changes: dict) -> tuple[trimesh.Trimesh, trimesh.Scene, dict]:
    rendering = render_design_at(DesignProperties(**changes), "3d", scale=DRAFT)
    stl = trimesh.load(io.BytesIO(rendering.stl), file_type="stl")
    glb = trimesh.load(io.BytesIO(rendering.glb), file_type="glb")
    return stl, glb, rendering.spec


@pytest.mark.parametrize("changes", _CASES, ids=lambda c: "-".join(map(str, c.values())))
def test_stl_is_one_closed_solid_per_piece_weighing_what_the_spec_says(changes: dict) -> None:
    stl, _, spec = _files(changes)
    pieces = 2 if changes["jewelry_type"] == "earrings" else 1
    assert stl.body_count == pieces
    assert spec["metal_bodies"] == pieces
    assert stl.is_watertight
    assert stl.is_winding_consistent
    assert stl.volume > 0  # outward-facing
    weight = stl.volume / 1000 * spec["density_g_cm3"]
    assert weight == pytest.approx(spec["metal_weight_g"], rel=0.01)
    assert spec["metal_weight_chi"] == pytest.approx(spec["metal_weight_g"] / 3.75, abs=0.002)


def test_stl_holds_only_the_metal_and_the_glb_keeps_the_stones_apart() -> None:
    stl, glb, spec = _files({"accent_stones": "halo"})
    assert set(glb.geometry) == {"metal", "main_stone", "accent_stones"}
    metal = glb.geometry["metal"]
    assert len(stl.faces) == len(metal.faces)
    assert stl.volume == pytest.approx(metal.volume, rel=1e-3)
    # The stones are cut out of the metal: no metal is left inside any of them.
    for name in ("main_stone", "accent_stones"):
        stones = _manifold(glb.geometry[name])
        overlap = m3d.Manifold.batch_boolean([_manifold(metal), stones], m3d.OpType.Intersect)
        assert overlap.volume() < 1e-3 * stones.volume()
    assert spec["stone_count"] == 1 + spec["accent_stone_count"]


def test_stock_findings_are_weighed_but_not_cast() -> None:
    stl, glb, spec = _files({"jewelry_type": "necklace"})
    assert "findings" in glb.geometry
    assert spec["findings"] == ["chain"]
    chain = glb.geometry["findings"]
    assert spec["findings_weight_g"] == pytest.approx(
        chain.volume / 1000 * spec["density_g_cm3"], rel=0.01
    )
    # The .stl is the pendant alone: far smaller than the chain laid out.
    assert stl.extents.max() < 40 < chain.extents.max()


def test_every_stone_has_its_size_and_place_in_the_spec() -> None:
    _, glb, spec = _files({"accent_stones": "pavé shoulders", "carat": 1.0})
    stones = spec["stones"]
    assert len(stones) == spec["stone_count"]
    main = [s for s in stones if s["role"] == "main"]
    assert len(main) == 1 and main[0]["size_mm"] == spec["main_stone_mm"]
    assert main[0]["table_axis"] == pytest.approx([0, 0, 1], abs=1e-3)  # faces up on a ring
    assert main[0]["carat"] == 1.0
    accents = [s for s in stones if s["role"] == "accent"]
    assert len(accents) == spec["accent_stone_count"]
    assert spec["total_carat"] == pytest.approx(1.0 + sum(s["carat"] for s in accents), abs=0.002)
    # Positions are in the .stl's frame (z up); the .glb is y up, so its z is the spec's -y.
    gem = glb.geometry["main_stone"]
    centre_y_up = gem.vertices.mean(axis=0)
    x, y, z = main[0]["position_mm"]
    assert [x, z, -y] == pytest.approx(centre_y_up, abs=0.6)
    assert np.ptp([s["position_mm"][2] for s in accents]) > 0  # they follow the band
