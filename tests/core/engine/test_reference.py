"""The engine against docs/reference.md: the figures it documents are the ones it uses."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from core import ring_sizes
from core.engine import geometry
from core.engine.build import build_model
from core.engine.options import Options
from core.engine.outlines import outline_area
from core.engine.solid import castable_solid
from core.engine.spec import build_spec
from core.properties import DesignProperties, GemShape, Metal

REFERENCE = Path(__file__).resolve().parents[3] / "docs" / "reference.md"


def _table(heading: str) -> list[list[str]]:
    """Rows (cells as text) of the first table after the line that starts with `heading`."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    rows, inside = [], False
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            inside = True
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not set(cells[0]) <= set("-: "):
                rows.append(cells)
        elif inside:
            break
    return rows[1:]  # without the header row


def _alloy(name: str) -> dict:
    if name.startswith("Pt950"):
        return {"metal": Metal.PLATINUM, "karat": None}
    if "silver" in name:
        return {"metal": Metal.SILVER, "karat": None}
    karat, colour = re.fullmatch(r"(\d+)K (\w+ gold)", name).groups()
    return {"metal": Metal(colour), "karat": int(karat)}


_DENSITIES = [(row[0], float(row[1])) for row in _table("Densities (g/cm³)")]


def test_the_density_table_covers_every_metal() -> None:
    metals = {_alloy(name)["metal"] for name, _ in _DENSITIES}
    assert metals == set(Metal)
    assert len(_DENSITIES) == 13


@pytest.mark.parametrize(("alloy", "density"), _DENSITIES, ids=[a for a, _ in _DENSITIES])
def test_weight_is_volume_times_the_documented_density(alloy: str, density: float) -> None:
    props = DesignProperties(gemstone="none", style="modern", **_alloy(alloy)).normalized()
    model = build_model(props, Options())
    solid = castable_solid(model)
    spec = build_spec(model, solid, props)
    assert spec["density_g_cm3"] == density
    assert "density_note" not in spec
    assert spec["metal_weight_g"] == pytest.approx(solid.volume_mm3 / 1000 * density, abs=6e-4)


def test_platinum_is_pt950_with_ruthenium() -> None:
    # docs/reference.md: 1 / (0.95 / 21.45 + 0.05 / 12.45) = 20.7 g/cm³.
    assert dict(_DENSITIES)["Pt950 platinum"] == pytest.approx(
        1 / (0.95 / 21.45 + 0.05 / 12.45), abs=0.01
    )


def _chart(cell: str) -> list[tuple[float, str, list[float]]]:
    """'0.5 = 6 × 4; 1 = 34.87 mm²' → [(0.5, 'mm', [6, 4]), (1, 'mm²', [34.87])]."""
    rows = []
    for entry in cell.removeprefix("face-up area: ").split("; "):
        carat, size = entry.split(" = ")
        unit = "mm²" if size.endswith("mm²") else "mm"
        numbers = [float(v) for v in size.removesuffix(" mm²").split(" × ")]
        rows.append((float(carat), unit, numbers))
    return rows


_SIZES = [
    (GemShape(row[0]), float(row[1]), entry)
    for row in _table("### Stone sizes by cut")
    for entry in _chart(row[2])
]


def test_every_cut_has_a_chart_and_the_engine_uses_its_k() -> None:
    assert {shape for shape, _, _ in _SIZES} == set(GemShape)
    for shape, k, _ in _SIZES:
        assert geometry.FACE_UP_MM_AT_1_CT[shape] == k


@pytest.mark.parametrize(("shape", "entry"), [(s, e) for s, _, e in _SIZES], ids=lambda v: str(v))
def test_stones_follow_the_published_chart_of_their_cut(shape: GemShape, entry: tuple) -> None:
    carat, unit, numbers = entry
    length, width, _ = geometry.stone_dims_mm(shape, carat)
    if unit == "mm²":  # a face-up area
        drawn = outline_area(shape, length / width) * width**2
        assert drawn == pytest.approx(numbers[0], rel=0.06)
    else:  # length × width, or the side of a square or round stone
        published = math.sqrt(numbers[0] * numbers[-1])
        assert math.sqrt(length * width) == pytest.approx(published, rel=0.06)


def test_hearts_are_no_longer_a_tenth_too_large() -> None:
    length, width, _ = geometry.stone_dims_mm(GemShape.HEART, 1.0)
    assert (length, width) == pytest.approx((6.41, 6.41), abs=0.01)  # the chart: 6.5 mm


_US_CHART = {
    5: (49.3, 15.70),
    6: (51.9, 16.51),
    7: (54.4, 17.32),
    8: (57.0, 18.14),
    9: (59.5, 18.95),
}


@pytest.mark.parametrize(("us", "sizes"), _US_CHART.items())
def test_us_sizes_follow_the_printable_chart(us: int, sizes: tuple[float, float]) -> None:
    circumference, diameter = sizes
    assert ring_sizes.inner_diameter_mm(us) == pytest.approx(diameter, abs=0.01)
    assert math.pi * ring_sizes.inner_diameter_mm(us) == pytest.approx(circumference, abs=0.05)


# agentcalc.com: 14K bands at US 7 (17.35 mm inside), inner circumference × w × t × 12.91
# (its 8 × 3 mm row breaks its own formula; docs/reference.md leaves it out).
_CALCULATOR_BANDS = [(4.0, 2.0, 5.6), (6.0, 2.0, 8.4)]


@pytest.mark.parametrize(("width", "thickness", "grams"), _CALCULATOR_BANDS)
def test_plain_bands_against_the_published_calculator_table(
    width: float, thickness: float, grams: float
) -> None:
    props = DesignProperties(
        gemstone="none", band_profile="flat", style="modern", band_width_mm=width,
        metal="yellow gold", karat=14, ring_size=7,
    ).normalized()  # fmt: skip
    default = geometry.band_thickness_mm(props.style, width)
    model = build_model(props, Options(thickness_scale=thickness / default))
    spec = build_spec(model, castable_solid(model), props)
    assert spec["band_thickness_mm"] == pytest.approx(thickness)
    # The table's formula takes the inner circumference; the band is the whole annulus.
    expected = grams * (17.32 + thickness) / 17.35 * 13.05 / 12.91
    assert spec["metal_weight_g"] == pytest.approx(expected, rel=0.02)
