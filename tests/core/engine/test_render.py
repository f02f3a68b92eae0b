"""The engine's rendered outputs: sheets, previews, model files, metadata and variants."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
import trimesh
from PIL import Image

from core.engine import Rendering, render_design
from core.engine.api import render_design_at
from core.properties import (
    AccentStones,
    DesignProperties,
    GemShape,
    Gemstone,
    ImageType,
    JewelryType,
    Metal,
    Setting,
)

DRAFT = 0.3  # the full matrix renders small images through the same code path


def _image(rendering: Rendering) -> Image.Image:
    image = Image.open(io.BytesIO(rendering.png))
    image.load()
    return image


def _not_blank(image: Image.Image, min_piece_fraction: float = 0.01) -> None:
    pixels = np.asarray(image.convert("RGB"), dtype=float)
    assert pixels.std() > 8.0
    background = pixels[2, 2]
    differs = np.abs(pixels - background).sum(axis=-1) > 40
    assert differs.mean() > min_piece_fraction


@pytest.fixture(scope="module")
def ring_2d() -> Rendering:
    return render_design(DesignProperties(), "2d")


@pytest.fixture(scope="module")
def ring_3d() -> Rendering:
    return render_design(DesignProperties(accent_stones="halo"), "3d")


def test_sheet_is_wide_and_carries_properties_and_spec(ring_2d):
    image = _image(ring_2d)
    assert image.width >= 1024
    _not_blank(image)
    assert json.loads(image.text["properties"]) == DesignProperties().to_dict()
    spec = json.loads(image.text["spec"])
    assert spec == json.loads(json.dumps(ring_2d.spec))
    assert spec["inner_diameter_mm"] == pytest.approx(17.3, abs=0.1)
    assert ring_2d.glb is None and ring_2d.stl is None


def test_spec_has_the_promised_fields(ring_2d):
    for key in (
        "inner_diameter_mm",
        "ring_size_us",
        "ring_size_eu",
        "ring_size_uk",
        "metal_weight_g",
        "metal_weight_chi",
        "stone_count",
        "total_carat",
        "main_stone_mm",
        "dimensions_mm",
        "density_g_cm3",
        "alloy",
        "variation",
    ):
        assert key in ring_2d.spec
    assert ring_2d.spec["metal_weight_chi"] == pytest.approx(
        ring_2d.spec["metal_weight_g"] / 3.75, abs=0.002
    )
    assert ring_2d.spec["main_stone_mm"][0] == pytest.approx(5.16, abs=0.05)  # 0.5 ct round


def test_preview_is_large_and_light(ring_3d):
    image = _image(ring_3d)
    assert min(image.size) >= 768
    _not_blank(image)
    corner = np.asarray(image.convert("RGB"))[5, 5]
    assert corner.mean() > 220  # clean light background
    assert "properties" in image.text and "spec" in image.text


def test_glb_has_metal_and_stones_as_separate_pbr_meshes(ring_3d):
    scene = trimesh.load(io.BytesIO(ring_3d.glb), file_type="glb")
    assert set(scene.geometry) == {"metal", "main_stone", "accent_stones"}
    metal = scene.geometry["metal"].visual.material
    assert metal.metallicFactor == pytest.approx(1.0)
    stone = scene.geometry["main_stone"].visual.material
    assert stone.alphaMode == "BLEND"
    assert stone.baseColorFactor[3] < 255
    extent = scene.extents
    assert 15 < extent.max() < 40  # millimetres, not metres


def test_glb_without_stones_has_only_metal():
    rendering = render_design_at(DesignProperties(gemstone="none"), "3d", scale=DRAFT)
    scene = trimesh.load(io.BytesIO(rendering.glb), file_type="glb")
    assert list(scene.geometry) == ["metal"]


@pytest.mark.parametrize("kind", list(JewelryType))
def test_variants_are_distinct(kind):
    props = DesignProperties(jewelry_type=kind)
    renders = [render_design_at(props, "2d", v, scale=DRAFT) for v in range(4)]
    descriptions = [r.spec["variation"] for r in renders]
    assert descriptions[0] == "as briefed"
    assert len(set(descriptions)) == 4
    assert len({r.png for r in renders}) == 4
    fingerprints = {
        (
            r.spec["metal_weight_g"],
            r.spec["total_carat"],
            r.spec["stone_count"],
            tuple(r.spec["dimensions_mm"]),
        )
        for r in renders
    }
    assert len(fingerprints) == 4


def test_variant_properties_are_recorded_when_they_change():
    rendering = render_design_at(DesignProperties(), "2d", 1, scale=DRAFT)
    assert rendering.spec["variant_properties"]["accent_stones"] == "halo"
    assert json.loads(_image(rendering).text["properties"])["accent_stones"] == "halo"


@pytest.mark.parametrize("kind", list(JewelryType))
@pytest.mark.parametrize("metal", list(Metal))
def test_every_type_metal_and_shape_renders(kind, metal):
    for shape in GemShape:
        props = DesignProperties(jewelry_type=kind, metal=metal, gem_shape=shape).normalized()
        # Every shape as a sheet; two (one pointed) as models too, the slower path.
        for image_type in ("2d", "3d") if shape in (GemShape.ROUND, GemShape.HEART) else ("2d",):
            rendering = render_design_at(props, image_type, scale=DRAFT)
            _not_blank(_image(rendering))
            json.dumps(rendering.spec)
            if image_type == "3d":
                assert rendering.glb and rendering.stl


@pytest.mark.parametrize("gem", list(Gemstone))
def test_every_gemstone_setting_and_accent_renders(gem):
    # Every setting and accent with a diamond, a pearl and no stone; the others once each.
    accent_list = list(AccentStones) if gem in ("diamond", "pearl", "none") else [AccentStones.HALO]
    for setting in Setting:
        for accents in accent_list:
            props = DesignProperties(gemstone=gem, setting=setting, accent_stones=accents)
            _not_blank(_image(render_design_at(props, "2d", scale=DRAFT)))


def test_full_size_render_of_each_type_is_recognisable_size():
    for kind in JewelryType:
        image = _image(render_design(DesignProperties(jewelry_type=kind), "3d"))
        _not_blank(image, min_piece_fraction=0.03)


@pytest.mark.parametrize("scale", [0.1, 0.01])
def test_tiny_companion_renders_still_work(scale):
    for kind in JewelryType:
        rendering = render_design_at(DesignProperties(jewelry_type=kind), "3d", 1, scale=scale)
        assert rendering.glb and rendering.spec["metal_weight_g"] > 0


def test_renders_are_deterministic_and_thread_safe():
    from concurrent.futures import ThreadPoolExecutor

    jobs = [
        (DesignProperties(jewelry_type=k), t, v)
        for k in JewelryType
        for t in ("2d", "3d")
        for v in (0, 1)
    ]
    serial = [render_design_at(*job, scale=DRAFT).png for job in jobs]
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(lambda job: render_design_at(*job, scale=DRAFT).png, jobs))
    assert serial == parallel


def test_glb_is_y_up_so_a_pendant_hangs_upright_in_viewers():
    rendering = render_design(DesignProperties(jewelry_type=JewelryType.PENDANT), ImageType.THREE_D)
    scene = trimesh.load(io.BytesIO(rendering.glb), file_type="glb")
    metal = scene.geometry["metal"]
    width, height, depth = metal.extents
    assert height > width and height > depth  # a pendant is taller than wide, along glTF's +y
    bail_top = metal.vertices[:, 1].max()
    stone = scene.geometry["main_stone"]
    assert stone.vertices[:, 1].max() < bail_top  # the stone hangs below the bail
