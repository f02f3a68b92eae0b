"""The one properties model: validation, errors that name the field, the tool schema."""

from __future__ import annotations

import pytest

from core.properties import (
    DesignProperties,
    PropertiesError,
    field_choices,
    merge_properties,
    parse_properties,
    properties_json_schema,
)
from core.tools import tool_declarations


def test_defaults_are_a_valid_piece() -> None:
    props = parse_properties({})
    assert props.jewelry_type == "ring" and props.karat == 18


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"colour": "red"}, "unknown property 'colour' (allowed: jewelry_type, metal"),
        ({"metal": "bronze"}, "metal: 'bronze' is not allowed (choose one of: yellow gold"),
        ({"gem_shape": "trillion"}, "gem_shape: 'trillion' is not allowed"),
        ({"carat": 0}, "carat: 0 is out of range (0.05 to 10)"),
        ({"ring_size": 40}, "ring_size: 40 is out of range (3 to 15)"),
        ({"band_width_mm": -1}, "band_width_mm: -1 is out of range (1 to 12)"),
        ({"karat": 15}, "karat: karat must be one of 10, 14, 18, 22, 24"),
        ({"engraving": "x" * 41}, "engraving: String should have at most 40 characters"),
        ({"carat": "heavy"}, "carat: Input should be a valid number"),
    ],
)
def test_bad_properties_name_the_field_and_what_is_allowed(raw: dict, message: str) -> None:
    with pytest.raises(PropertiesError) as info:
        parse_properties(raw)
    assert message in str(info.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(PropertiesError) as info:
        parse_properties({"metal": "tin", "carat": 99})
    assert "metal:" in str(info.value) and "carat:" in str(info.value)


def test_properties_must_be_an_object() -> None:
    with pytest.raises(PropertiesError, match="must be an object"):
        parse_properties(["ring"])  # type: ignore[arg-type]


def test_karat_follows_the_metal() -> None:
    assert parse_properties({"metal": "platinum", "karat": 18}).karat is None
    assert parse_properties({"metal": "rose gold", "karat": None}).karat == 18


def test_merge_changes_only_what_is_given() -> None:
    base = parse_properties({"metal": "white gold", "gemstone": "ruby", "carat": 1.2})
    merged = merge_properties(base, {"metal": "platinum"})
    assert merged.metal == "platinum" and merged.gemstone == "ruby" and merged.carat == 1.2


def test_schema_comes_from_the_model() -> None:
    schema = properties_json_schema()
    assert list(schema["properties"]) == list(DesignProperties.model_fields)
    assert schema["properties"]["metal"]["enum"] == field_choices("metal")
    assert schema["properties"]["carat"]["minimum"] == 0.05
    assert schema["additionalProperties"] is False


def test_tool_declarations_embed_the_properties_schema() -> None:
    declarations = {d["name"]: d for d in tool_declarations()}
    assert set(declarations) == {"generate_jewelry_design", "edit_design"}
    generate = declarations["generate_jewelry_design"]
    assert generate["description"].startswith("Draw new jewelry designs")
    nested = generate["parameters"]["properties"]["properties"]
    assert nested["properties"] == properties_json_schema()["properties"]
    assert generate["parameters"]["properties"]["count"]["maximum"] == 4
