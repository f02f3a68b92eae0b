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
        ({"prong_count": 5}, "prong_count: 5 is not allowed (choose one of: 4, 6)"),
        ({"band_profile": "square"}, "band_profile: 'square' is not allowed (choose one of: court"),
        ({"chain_length_mm": 900}, "chain_length_mm: 900 is out of range (400 to 760)"),
        ({"wrist_mm": 90}, "wrist_mm: 90 is out of range (130 to 210)"),
        ({"pearl_mm": 30}, "pearl_mm: 30 is out of range (2 to 16)"),
        ({"setting": "tension"}, "setting: 'tension' is not allowed (choose one of: prong, bezel)"),
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


# A design stored by the release before accent_stones and the other new fields.
OLD_STORED = {
    "jewelry_type": "ring",
    "metal": "white gold",
    "karat": 18,
    "gemstone": "diamond",
    "gem_shape": "oval",
    "carat": 1.0,
    "ring_size": 6.5,
    "band_width_mm": 2.5,
    "setting": "halo",
    "style": "vintage",
    "finish": "milgrain",
    "engraving": "Mãi mãi",
    "notes": "",
}


def test_designs_stored_before_the_new_fields_still_load() -> None:
    props = parse_properties(OLD_STORED)
    assert props.setting == "prong" and props.accent_stones == "halo"
    kept = {k: v for k, v in props.to_dict().items() if k in OLD_STORED and k != "setting"}
    assert kept == {k: v for k, v in OLD_STORED.items() if k != "setting"}
    new = set(props.to_dict()) - set(OLD_STORED)
    assert new == {
        "pearl_mm",
        "prong_count",
        "accent_stones",
        "band_profile",
        "chain_length_mm",
        "earring_style",
        "wrist_mm",
    }
    defaults = DesignProperties().to_dict()
    assert {k: props.to_dict()[k] for k in new - {"accent_stones"}} == {
        k: defaults[k] for k in new - {"accent_stones"}
    }


@pytest.mark.parametrize(
    ("setting", "accents"), [("pavé", "pavé shoulders"), ("channel", "channel"), ("bezel", "none")]
)
def test_side_stones_that_were_settings_become_accent_stones(setting: str, accents: str) -> None:
    props = parse_properties({**OLD_STORED, "setting": setting})
    assert props.accent_stones == accents
    # An edit that names the old setting replaces the side stones too.
    merged = merge_properties(
        parse_properties({"accent_stones": "three-stone"}), {"setting": "halo"}
    )
    assert merged.accent_stones == "halo"


def test_prong_count_is_an_integer_choice_in_the_schema() -> None:
    schema = properties_json_schema()["properties"]
    assert schema["prong_count"] == {
        "description": "Prongs holding the stone.",
        "type": "integer",
        "enum": [4, 6],
    }
    assert schema["accent_stones"]["enum"] == [
        "none",
        "halo",
        "pavé shoulders",
        "channel",
        "three-stone",
    ]
    assert parse_properties({"prong_count": 6}).prong_count == 6
