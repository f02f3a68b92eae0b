"""The property form, generated from the one properties model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.properties import GOLD_KARATS, MAX_COUNT, DesignProperties, field_choices, field_limits
from ui.i18n import DEFAULT, choices, t

NO_KARAT = "—"
PER_ROW = 2  # two fields a row keeps the whole form visible beside the gallery
HINTED = ("engraving", "notes")  # free-text fields, with a hint as placeholder


@dataclass
class PropertyForm:
    """The form's components, in the model's field order, plus its buttons."""

    panel: gr.Accordion
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

    def words(self, lang: str) -> dict[Any, Any]:
        """Every label, hint and choice of the form in a language."""
        updates: dict[Any, Any] = {
            self.panel: gr.update(label=t(lang, "form.title")),
            self.count: gr.update(label=t(lang, "form.count")),
            self.generate_2d: gr.update(value=t(lang, "form.generate_2d")),
            self.generate_3d: gr.update(value=t(lang, "form.generate_3d")),
        }
        for name, component in self.fields.items():
            updates[component] = gr.update(**_field_words(name, lang))
        return updates


def build_property_form() -> PropertyForm:
    """One input per property: dropdowns for choices, numbers for sizes, text for the rest."""
    defaults = DesignProperties().to_dict()
    fields: dict[str, gr.components.Component] = {}
    with gr.Accordion(t(DEFAULT, "form.title"), open=True, elem_id="properties") as panel:
        with gr.Group(elem_id="property-form"):
            for row in rows(list(DesignProperties.model_fields)):
                with gr.Row(equal_height=True):
                    for name in row:
                        info = DesignProperties.model_fields[name]
                        fields[name] = _field(name, info, defaults[name])
        with gr.Row():
            count = gr.Slider(
                1, MAX_COUNT, value=1, step=1, label=t(DEFAULT, "form.count"), scale=2
            )
        with gr.Row():
            generate_2d = gr.Button(
                t(DEFAULT, "form.generate_2d"), variant="primary", elem_id="generate-2d"
            )
            generate_3d = gr.Button(
                t(DEFAULT, "form.generate_3d"), variant="secondary", elem_id="generate-3d"
            )
    return PropertyForm(panel, fields, count, generate_2d, generate_3d)


def rows(names: list[str], per_row: int = PER_ROW) -> list[list[str]]:
    """Fields laid out `per_row` a row, in order; the last row may be shorter."""
    return [names[i : i + per_row] for i in range(0, len(names), per_row)]


def _field_words(name: str, lang: str) -> dict[str, Any]:
    """A field's label, and its choices or hint, in a language."""
    words: dict[str, Any] = {"label": t(lang, f"field.{name}")}
    if values := field_choices(name):
        words["choices"] = choices(name, values, lang)
    if name in HINTED:
        words["placeholder"] = t(lang, f"hint.{name}")
    return words


def _field(name: str, info: Any, default: Any) -> gr.components.Component:
    words, elem_id = _field_words(name, DEFAULT), f"prop-{name}"
    if "choices" in words:
        return gr.Dropdown(value=default, elem_id=elem_id, **words)
    if name == "karat":
        karats = [NO_KARAT, *GOLD_KARATS]
        return gr.Dropdown(karats, value=default or NO_KARAT, elem_id=elem_id, **words)
    if info.annotation is float:
        low, high = field_limits(name)
        return gr.Number(
            value=default, minimum=low, maximum=high, step=0.05, elem_id=elem_id, **words
        )
    return gr.Textbox(value=default, max_lines=3, elem_id=elem_id, **words)


def form_properties(
    form: PropertyForm, values: dict[gr.components.Component, Any]
) -> dict[str, Any]:
    """The form's values as a properties dict (validated by the studio, not here)."""
    properties = {name: values[component] for name, component in form.fields.items()}
    if properties.get("karat") in (NO_KARAT, "", None):
        properties["karat"] = None
    return properties
