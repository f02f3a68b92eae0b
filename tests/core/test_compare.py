"""Compare: the fields that differ between 2–4 designs, per design, from the real engine's spec."""

from __future__ import annotations

from typing import Any

import pytest

from core.compare import compare_designs
from core.design_fields import design_fields
from core.engine.api import render_design_at
from core.errors import StudioError
from core.properties import DesignProperties, ImageType, parse_properties


def design(design_id: int, variant: int = 0, kind: str = "2d", **changes: Any) -> dict[str, Any]:
    properties = parse_properties(changes)
    rendering = render_design_at(properties, ImageType(kind), variant, scale=0.05)
    return {
        "id": design_id,
        "image_type": kind,
        "properties": properties.to_dict(),
        "spec": rendering.spec,
    }


def test_only_differing_fields_are_listed_with_one_value_per_design() -> None:
    gold, platinum = design(1), design(2, metal="platinum")
    result = compare_designs([gold, platinum])
    differences = result["differences"]
    assert [d["id"] for d in result["designs"]] == [1, 2]
    assert differences["metal"] == ["yellow gold", "platinum"]
    assert differences["karat"] == [18, None]
    assert differences["alloy"] == [gold["spec"]["alloy"], platinum["spec"]["alloy"]]
    weights = differences["metal_weight_g"]
    assert weights[1] > weights[0]  # platinum is denser than 18K gold
    for same_field in ("jewelry_type", "gemstone", "carat", "ring_size", "stone_count"):
        assert same_field not in differences
    assert "dimensions_mm" not in differences  # same geometry, list compared as a whole


def test_three_designs_and_nested_spec_values() -> None:
    plain, oval, wide = design(1), design(2, variant=3), design(3, band_width_mm=4.0)
    assert oval["spec"]["variant_properties"]["gem_shape"] == "oval"  # variant 3: an oval stone
    differences = compare_designs([plain, oval, wide])["differences"]
    assert differences["band_width_mm"] == [2.5, 2.5, 4.0]
    assert differences["variation"] == ["as briefed", "oval stone instead of round", "as briefed"]
    assert differences["variant_properties.gem_shape"] == [None, "oval", None]
    assert not any(k.startswith("variant_properties.metal") for k in differences)  # unchanged
    assert all(len(values) == 3 for values in differences.values())


def test_lists_differ_element_by_element_and_numbers_within_rounding() -> None:
    a, b = design(1), design(2)
    b["spec"]["dimensions_mm"] = [
        *a["spec"]["dimensions_mm"][:2],
        a["spec"]["dimensions_mm"][2] + 1,
    ]
    b["spec"]["metal_weight_g"] = a["spec"]["metal_weight_g"] + 1e-9
    differences = compare_designs([a, b])["differences"]
    assert differences["dimensions_mm"] == [a["spec"]["dimensions_mm"], b["spec"]["dimensions_mm"]]
    assert "metal_weight_g" not in differences


def test_a_spec_field_named_like_a_property_keeps_both() -> None:
    drops = design(1, jewelry_type="earrings", earring_style="drop")
    fields = design_fields(drops)  # the spec says which style was drawn (a variant may change it)
    assert fields["earring_style"] == "drop" and fields["spec.earring_style"] == "drop"
    assert "spec.jewelry_type" not in fields  # repeats the property


@pytest.mark.parametrize("count", [0, 1, 5])
def test_two_to_four_designs(count: int) -> None:
    designs = [design(i, kind="2d") for i in range(count)] if count < 2 else [design(1)] * count
    with pytest.raises(StudioError, match=f"compare 2 to 4 designs, not {count}"):
        compare_designs(designs)


def test_the_same_design_twice_is_refused() -> None:
    one = design(7)
    with pytest.raises(StudioError, match="an id is given twice"):
        compare_designs([one, one])


def test_every_property_is_a_field() -> None:
    assert set(DesignProperties.model_fields) <= set(design_fields(design(1)))
