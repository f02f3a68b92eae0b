"""The property form, generated from the one properties model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.properties import GOLD_KARATS, MAX_COUNT, DesignProperties, field_choices, field_limits

LABELS = {"band_width_mm": "Band width (mm)", "ring_size": "Ring size (US)", "carat": "Carat"}
NO_KARAT = "—"
PER_ROW = 2  # two fields a row keeps the whole form visible beside the gallery


@dataclass
class PropertyForm:
    """The form's components, in the model's field order, plus its buttons."""

    fields: dict[str, gr.components.Component]
    count: gr.Slider
    generate_2d: gr.Button
    generate_3d: gr.Button

    @property
    def inputs(self) -> list[gr.components.Component]:
        return list(self.fields.values())

    def values(self, properties: dict[str, Any]) -> dict[gr.components.Component, Any]:
        """Component updates showing these properties (fields a design lacks keep theirs)."""
        shown = {**properties, "karat": properties.get("karat") or NO_KARAT}
        return {c: shown[name] for name, c in self.fields.items() if name in shown}


def build_property_form() -> PropertyForm:
    """One input per property: dropdowns for choices, numbers for sizes, text for the rest."""
    defaults = DesignProperties().to_dict()
    fields: dict[str, gr.components.Component] = {}
    with gr.Group(elem_id="property-form"):
        for row in rows(list(DesignProperties.model_fields)):
            with gr.Row(equal_height=True):
                for name in row:
                    info = DesignProperties.model_fields[name]
                    fields[name] = _field(name, info, defaults[name])
    with gr.Row():
        count = gr.Slider(1, MAX_COUNT, value=1, step=1, label="Variations", scale=2)
    with gr.Row():
        generate_2d = gr.Button("Generate 2D", variant="primary", elem_id="generate-2d")
        generate_3d = gr.Button("Generate 3D", variant="secondary", elem_id="generate-3d")
    return PropertyForm(fields, count, generate_2d, generate_3d)


def rows(names: list[str], per_row: int = PER_ROW) -> list[list[str]]:
    """Fields laid out `per_row` a row, in order; the last row may be shorter."""
    return [names[i : i + per_row] for i in range(0, len(names), per_row)]


def _field(name: str, info: Any, default: Any) -> gr.components.Component:
    label = LABELS.get(name, name.replace("_", " ").capitalize())
    choices = field_choices(name)
    if choices:
        return gr.Dropdown(choices, value=default, label=label, elem_id=f"prop-{name}")
    if name == "karat":
        karats = [NO_KARAT, *GOLD_KARATS]
        return gr.Dropdown(karats, value=default or NO_KARAT, label=label, elem_id=f"prop-{name}")
    if info.annotation is float:
        low, high = field_limits(name)
        return gr.Number(
            value=default,
            label=label,
            minimum=low,
            maximum=high,
            step=0.05,
            elem_id=f"prop-{name}",
        )
    return gr.Textbox(
        value=default,
        label=label,
        max_lines=3,
        placeholder=info.description,
        elem_id=f"prop-{name}",
    )


def form_properties(
    form: PropertyForm, values: dict[gr.components.Component, Any]
) -> dict[str, Any]:
    """The form's values as a properties dict (validated by the studio, not here)."""
    properties = {name: values[component] for name, component in form.fields.items()}
    if properties.get("karat") in (NO_KARAT, "", None):
        properties["karat"] = None
    return properties
