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
from core.engine.solid import castable_solid
from core.engine.spec import build_spec
from core.properties import DesignProperties, Metal

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


_ROUND_CHART = {0.25: 4.1, 0.5: 5.1, 0.75: 5.8, 1: 6.4, 1.5: 7.4, 2: 8.1, 3: 9.3}


@pytest.mark.parametrize(("carat", "mm"), _ROUND_CHART.items())
def test_round_diamonds_follow_the_retail_chart(carat: float, mm: float) -> None:
    assert geometry.round_diameter_mm(carat) == pytest.approx(mm, rel=0.03)


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
