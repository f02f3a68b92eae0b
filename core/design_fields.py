"""A design as flat, named fields: what compare, the catalogue and its exports line up."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.properties import DesignProperties

SPEC_REPEATS = {"jewelry_type"}
SPEC_DETAIL = {"stones"}  # every stone's size and position: spec.json's, not a field


def design_fields(design: Mapping[str, Any]) -> dict[str, Any]:
    """A design as flat fields: image type, properties, then spec (nested dicts dotted).

    A spec key that names a property too (the drawn `earring_style`, which a variant may
    change) becomes 'spec.<key>'; the spec's `jewelry_type` repeats the property's. The list of
    `stones` (each stone's size and position) stays in the spec, not in the fields.
    """
    fields: dict[str, Any] = {"image_type": design.get("image_type")}
    properties = design.get("properties") or {}
    for name in DesignProperties.model_fields:
        fields[name] = properties.get(name)
    for key, value in flatten(_spec(design.get("spec") or {}, properties)).items():
        if key not in SPEC_REPEATS and key not in SPEC_DETAIL:
            fields[f"spec.{key}" if key in fields else key] = value
    return fields


def _spec(spec: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, Any]:
    """The spec with `variant_properties` cut to what the variant changed from the brief."""
    drawn = spec.get("variant_properties") or {}
    changed = {key: value for key, value in drawn.items() if properties.get(key) != value}
    return {**spec, "variant_properties": changed}


def flatten(values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts as dotted keys ('variant_properties.setting'); lists stay whole values."""
    flat: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat
