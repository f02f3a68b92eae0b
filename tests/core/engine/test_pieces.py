"""Each new property changes the piece, measurably: counted, sliced and measured here."""

from __future__ import annotations

import manifold3d as m3d
import numpy as np
import pytest

from core.engine.bands import BandSection
from core.engine.build import build_model
from core.engine.model import Model, Role
from core.engine.options import Options
from core.engine.solid import castable_solid
from core.engine.spec import build_spec
from core.properties import BandProfile, DesignProperties


def _model(**changes: object) -> tuple[Model, DesignProperties]:
    props = DesignProperties(**changes).normalized()
    return build_model(props, Options()), props


def _spec(**changes: object) -> dict:
    model, props = _model(**changes)
    return build_spec(model, castable_solid(model), props)


def _manifold(vertices: np.ndarray, faces: np.ndarray) -> m3d.Manifold:
    mesh = m3d.Mesh64(
        vert_properties=np.ascontiguousarray(vertices, dtype=np.float64),
        tri_verts=np.ascontiguousarray(faces, dtype=np.uint32),
    )
    return m3d.Manifold(mesh)


def _part(model: Model, name: str) -> m3d.Manifold:
    part = next(p for p in model.parts if p.name == name)
    return _manifold(part.mesh.vertices, part.mesh.faces)


@pytest.mark.parametrize("kind", ["ring", "pendant", "bracelet"])
def test_prong_count_is_the_number_of_prongs(kind: str) -> None:
    for count in (4, 6):
        model, _ = _model(jewelry_type=kind, prong_count=count)
        assert len(_part(model, "prongs").decompose()) == count
    four, six = _spec(jewelry_type=kind, prong_count=4), _spec(jewelry_type=kind, prong_count=6)
    assert six["metal_volume_mm3"] > four["metal_volume_mm3"]


def _band_section_area(model: Model) -> float:
    """Area of the band cut across at its bottom (the plane x = 0, below the finger)."""
    band = _part(model, "band").rotate((0, 90, 0))  # the plane x = 0 becomes z = 0
    pieces = band.slice(0.0).decompose()
    bottom = min(pieces, key=lambda piece: piece.bounds()[0])
    return bottom.area()


def test_band_profiles_have_their_cross_sections() -> None:
    areas = {}
    for profile in BandProfile:
        model, props = _model(gemstone="none", band_profile=profile, band_width_mm=3.0)
        thickness = model.facts["band_thickness_mm"]
        drawn = BandSection(profile, thickness, 3.0).area()
        assert _band_section_area(model) == pytest.approx(drawn, rel=0.01)
        areas[profile] = drawn / (3.0 * thickness)
    # A flat band fills its width × thickness; the domed and bevelled ones less.
    assert areas[BandProfile.FLAT] == pytest.approx(1.0)
    assert (
        areas[BandProfile.FLAT]
        > areas[BandProfile.D_SHAPE]
        > areas[BandProfile.COMFORT_FIT]
        > areas[BandProfile.COURT]
        > areas[BandProfile.KNIFE_EDGE]
    )
    assert areas[BandProfile.D_SHAPE] == pytest.approx(0.6 + 0.4 * np.pi / 4, abs=0.02)


@pytest.mark.parametrize("length", [406, 457, 610, 760])
def test_chain_length_sets_the_chain(length: int) -> None:
    model, _ = _model(jewelry_type="necklace", chain_length_mm=length)
    spec = build_spec(model, castable_solid(model), DesignProperties(chain_length_mm=length))
    chain = next(p for p in model.parts if p.name == "chain").mesh.vertices
    # The chain is laid as a loop whose drop is a fixed share (0.4) of its length.
    assert np.ptp(chain[:, 2]) == pytest.approx(0.40 * length, rel=0.02)
    assert spec["chain_length_mm"] == length


def test_earring_styles_differ_in_size() -> None:
    sizes = {
        style: _spec(jewelry_type="earrings", earring_style=style)["dimensions_mm"]
        for style in ("stud", "drop", "hoop")
    }
    width, depth, height = range(3)
    # A stud is barely taller than its stone (5.2 mm for 0.5 ct) and has a 10 mm post behind.
    assert sizes["stud"][height] < 9 and sizes["stud"][depth] > 10
    # A drop hangs from an ear wire: far taller than the stud.
    assert sizes["drop"][height] > sizes["stud"][height] + 10
    # A hoop is 18.2 mm across (7.5 mm radius + 1.6 mm wire), with its stone below it.
    hoop_model, _ = _model(jewelry_type="earrings", earring_style="hoop", gemstone="none")
    hoop = next(p for p in hoop_model.parts if p.name == "hoop").mesh.vertices
    assert np.ptp(hoop[:, 2]) == pytest.approx(2 * (7.5 + 1.6), abs=0.05)
    assert sizes["hoop"][height] > 2 * (7.5 + 1.6)


def test_accent_stones_are_the_stones_they_say() -> None:
    plain = _spec(carat=1.0)
    assert plain["stone_count"] == 1 and plain["accent_stone_count"] == 0
    halo = _spec(carat=1.0, accent_stones="halo")
    assert halo["accent_stone_count"] >= 12 and halo["accent_stone_shape"] == "round"
    pave = _spec(carat=1.0, accent_stones="pavé shoulders")
    assert pave["accent_stone_count"] >= 10
    channel = _spec(carat=1.0, accent_stones="channel")
    assert channel["accent_stone_shape"] == "princess"
    three = _spec(carat=1.0, gemstone="ruby", accent_stones="three-stone")
    assert (three["main_stone_count"], three["side_stone_count"]) == (1, 2)
    assert three["side_carat_each"] == pytest.approx(0.4)
    assert three["total_carat"] == pytest.approx(1.8)
    sides = [s for s in three["stones"] if s["role"] == "side"]
    # One either side of the centre, along the band, the same cut, smaller.
    assert sorted(np.sign([s["position_mm"][0] for s in sides])) == [-1, 1]
    assert sides[0]["size_mm"][1] < three["main_stone_mm"][1]


def test_pearls_are_sized_by_pearl_mm() -> None:
    for mm in (6.0, 9.5):
        model, _ = _model(jewelry_type="pendant", gemstone="pearl", pearl_mm=mm)
        pearl = model.of_role(Role.MAIN_STONE)[0]
        assert (pearl.stone.width, pearl.stone.is_pearl) == (mm, True)
        vertices = next(p for p in model.parts if p.name == "main stone").mesh.vertices
        assert np.ptp(vertices[:, 0]) == pytest.approx(mm, rel=0.01)
