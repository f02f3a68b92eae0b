"""Geometry of the design engine: sizes, stones, volumes and weights, checked against hand sums."""

from __future__ import annotations

import math

import numpy as np
import pytest
import trimesh

from core import ring_sizes
from core.engine import geometry
from core.engine.build import build_model
from core.engine.model import Model, Role
from core.engine.options import Options
from core.engine.solid import castable_solid
from core.engine.spec import build_spec
from core.engine.stones import cut_stone, stone_mesh
from core.properties import DesignProperties, GemShape, Gemstone, JewelryType, Setting


def _model(**changes: object) -> tuple[Model, DesignProperties]:
    props = DesignProperties(**changes).normalized()
    return build_model(props, Options()), props


def _spec(model: Model, props: DesignProperties) -> dict:
    return build_spec(model, castable_solid(model), props)


def test_us_7_inner_diameter_is_17_3_mm():
    assert ring_sizes.inner_diameter_mm(7) == pytest.approx(17.3, abs=0.1)


@pytest.mark.parametrize(
    ("us", "eu", "uk", "inner"),
    [
        (5, 49, "J½", 15.7),
        (6, 52, "L½", 16.5),
        (7, 54, "N½", 17.3),
        (8, 57, "P½", 18.2),
        (10, 62, "T½", 19.8),
        (11, 65, "V½", 20.7),
        (12, 67, "X½", 21.5),
    ],
)
def test_ring_size_conversions_match_the_reference_table(us, eu, uk, inner):
    assert ring_sizes.eu_size(us) == eu
    assert ring_sizes.uk_size(us) == uk
    # The table's diameters are rounded charts; the formula stays within 0.15 mm of them.
    assert ring_sizes.inner_diameter_mm(us) == pytest.approx(inner, abs=0.15)


def test_one_carat_round_diamond_is_6_5_mm_and_weighs_one_carat():
    stone = cut_stone(GemShape.ROUND, 1.0, geometry.DIAMOND_SG)
    assert stone.width == pytest.approx(6.5, abs=0.05)
    mesh = stone_mesh(stone)
    extent = np.ptp(mesh.vertices, axis=0)
    assert extent[0] == pytest.approx(6.5, abs=0.05)
    # 1 ct = 0.2 g; diamond 3.52 g/cm³ → 56.8 mm³. The faceted mesh should be close.
    assert mesh.volume() == pytest.approx(0.2 / 3.52 * 1000, rel=0.05)


@pytest.mark.parametrize("shape", list(GemShape))
def test_fancy_shapes_keep_their_length_to_width_ratio(shape):
    length, width, depth = geometry.stone_dims_mm(shape, 1.0)
    assert length / width == pytest.approx(geometry.LENGTH_TO_WIDTH[shape], rel=0.01)
    assert 0.5 * width < depth < 0.7 * width


def test_heavier_stones_of_the_same_carat_are_smaller():
    diamond = geometry.round_diameter_mm(1.0, 3.52)
    ruby = geometry.round_diameter_mm(1.0, 4.00)
    assert ruby < diamond


def test_pearls_are_sized_in_mm_and_weighed_from_their_size():
    model, props = _model(gemstone="pearl", pearl_mm=8.0)
    spec = _spec(model, props)
    assert spec["main_stone_mm"][:2] == [8.0, 8.0]
    assert spec["main_stone"] == "8 mm pearl"
    # A sphere of 8 mm at SG 2.70: π/6 · 8³ mm³ · 2.70 mg/mm³ = 723.8 mg = 3.62 ct.
    assert spec["total_carat"] == pytest.approx(math.pi / 6 * 8**3 * 2.70 / 200, abs=0.002)


def test_plain_flat_band_volume_matches_the_annulus():
    model, props = _model(gemstone="none", band_profile="flat", ring_size=7, band_width_mm=3.0)
    assert model.facts["band_profile"] == "flat"
    inner = ring_sizes.inner_diameter_mm(7)
    outer = inner + 2 * model.facts["band_thickness_mm"]
    annulus = math.pi / 4 * (outer**2 - inner**2) * 3.0
    assert model.merged(Role.METAL).volume() == pytest.approx(annulus, rel=0.02)


def test_known_band_weight_in_18k_yellow_gold():
    # US 7 flat band, 2.5 mm wide, 2.0 mm thick (modern default), by hand:
    # ID 17.32, OD 21.32 → π/4·(21.32² − 17.32²)·2.5 = 303.5 mm³ → × 15.53 g/cm³ = 4.71 g.
    model, props = _model(
        gemstone="none", style="modern", band_profile="flat", band_width_mm=2.5, karat=18
    )
    spec = _spec(model, props)
    assert spec["band_thickness_mm"] == 2.0
    assert spec["metal_weight_g"] == pytest.approx(4.71, rel=0.01)
    assert spec["metal_weight_chi"] == pytest.approx(4.71 / 3.75, rel=0.01)
    assert spec["density_g_cm3"] == 15.53


@pytest.mark.parametrize(
    ("metal", "karat", "density"),
    [
        ("platinum", None, 20.70),
        ("silver", None, 10.36),
        ("rose gold", 14, 13.03),
        ("white gold", 18, 14.69),
        ("yellow gold", 24, 19.32),
    ],
)
def test_density_is_chosen_by_metal_and_karat(metal, karat, density):
    model, props = _model(gemstone="none", metal=metal, karat=karat)
    assert _spec(model, props)["density_g_cm3"] == density


def test_density_without_a_reference_value_says_so():
    model, props = _model(gemstone="none", metal="white gold", karat=22)
    spec = _spec(model, props)
    assert spec["density_g_cm3"] == 17.86
    assert "no reference density" in spec["density_note"]


_CASES = [
    {"jewelry_type": t, "setting": s, "accent_stones": a, "gem_shape": g}
    for t in JewelryType
    for s, a, g in [
        ("prong", "none", "round"),
        ("bezel", "none", "heart"),
        ("prong", "halo", "pear"),
        ("prong", "pavé shoulders", "oval"),
        ("prong", "channel", "princess"),
        ("bezel", "three-stone", "cushion"),
    ]
] + [{"jewelry_type": t, "gemstone": gem} for t in JewelryType for gem in ("none", "pearl")]


@pytest.mark.parametrize("changes", _CASES, ids=lambda c: "-".join(map(str, c.values())))
def test_every_part_is_a_closed_outward_mesh(changes):
    model, _ = _model(**changes)
    assert model.parts
    for part in model.parts:
        tm = trimesh.Trimesh(part.mesh.vertices, part.mesh.faces)
        assert tm.is_watertight, part.name
        assert tm.is_winding_consistent, part.name
        assert part.mesh.volume() > 0, part.name


def test_halo_adds_accent_stones_to_count_and_carat():
    model, props = _model(accent_stones="halo", carat=1.0)
    spec = _spec(model, props)
    assert spec["accent_stone_count"] >= 12
    assert spec["stone_count"] == 1 + spec["accent_stone_count"]
    expected = 1.0 + spec["accent_stone_count"] * spec["accent_carat_each"]
    assert spec["total_carat"] == pytest.approx(expected, abs=0.002)


def test_no_gemstone_means_no_stones():
    model, props = _model(gemstone="none", accent_stones="halo")
    spec = _spec(model, props)
    assert spec["stone_count"] == 0 and spec["total_carat"] == 0
    assert not any(p.role is not Role.METAL for p in model.parts)


def test_earrings_are_a_mirrored_pair():
    model, props = _model(jewelry_type="earrings")
    spec = _spec(model, props)
    assert spec["main_stone_count"] == 2
    verts = np.concatenate([p.mesh.vertices for p in model.parts])
    assert verts[:, 0].min() == pytest.approx(-verts[:, 0].max(), abs=1e-6)


def test_ring_spec_sizes_and_non_ring_spec_has_none():
    model, props = _model(ring_size=7)
    spec = _spec(model, props)
    assert spec["inner_diameter_mm"] == pytest.approx(17.32, abs=0.01)
    assert (spec["ring_size_us"], spec["ring_size_eu"], spec["ring_size_uk"]) == (7, 54, "N½")
    model, props = _model(jewelry_type="pendant")
    spec = _spec(model, props)
    assert spec["inner_diameter_mm"] is None and spec["ring_size_us"] is None


def test_the_ring_hole_really_has_the_inner_diameter():
    model, _ = _model(gemstone="none", ring_size=9)
    band = model.merged(Role.METAL).vertices
    radius = np.hypot(band[:, 0], band[:, 2]).min()
    assert 2 * radius == pytest.approx(ring_sizes.inner_diameter_mm(9), rel=0.005)


@pytest.mark.parametrize("wrist", [140.0, 160.0, 190.0])
def test_bangle_fits_the_wrist(wrist: float):
    model, props = _model(jewelry_type="bracelet", gemstone=Gemstone.NONE, wrist_mm=wrist)
    a, b = geometry.bangle_semi_axes_mm(wrist)
    t = np.linspace(0, 2 * np.pi, 2001)
    perimeter = np.hypot(np.diff(a * np.cos(t)), np.diff(b * np.sin(t))).sum()
    assert perimeter == pytest.approx(wrist + geometry.BANGLE_EASE_MM, rel=0.01)
    # The band's inside really has that size: its extent across is the inner axis plus bands.
    spec = _spec(model, props)
    assert spec["wrist_circumference_mm"] == wrist
    inside = np.concatenate([p.mesh.vertices for p in model.parts if p.role is Role.METAL])
    across = np.ptp(inside[:, 0]) - 2 * spec["band_thickness_mm"]
    assert across == pytest.approx(2 * a, rel=0.01)


def test_bezel_and_prong_heads_differ_in_metal():
    prong, _ = _model(setting=Setting.PRONG)
    bezel, _ = _model(setting=Setting.BEZEL)
    assert {p.name for p in prong.parts} != {p.name for p in bezel.parts}


def test_stored_designs_with_halo_pave_or_channel_settings_still_draw_them():
    for old, accent in (("halo", "halo"), ("pavé", "pavé shoulders"), ("channel", "channel")):
        props = DesignProperties.model_validate({"setting": old})
        assert (props.setting, props.accent_stones) == ("prong", accent)
        assert _spec(*_model(**props.to_dict()))["accent_stone_count"] > 4
