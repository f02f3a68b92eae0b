"""The property form follows the one properties model, whatever its size."""

from __future__ import annotations

import gradio as gr
import pytest

from core.properties import DesignProperties
from ui.property_form import build_property_form, form_properties, rows


@pytest.mark.parametrize("count", [0, 1, 2, 5, 12, 13])
def test_rows_keep_every_field_in_order(count: int) -> None:
    names = [f"f{i}" for i in range(count)]
    laid_out = rows(names)
    assert [n for row in laid_out for n in row] == names
    assert all(len(row) == 2 for row in laid_out[:-1]) and all(1 <= len(r) <= 2 for r in laid_out)


def test_form_has_one_input_per_property_and_reads_back_what_it_shows() -> None:
    with gr.Blocks():
        form = build_property_form()
    assert list(form.fields) == list(DesignProperties.model_fields)
    shown = DesignProperties(metal="platinum", karat=None, carat=1.5).to_dict()
    updates = form.values(shown)
    values = {component: updates[component] for component in form.fields.values()}
    assert form_properties(form, values) == shown


def test_a_design_without_newer_properties_leaves_those_fields_alone() -> None:
    with gr.Blocks():
        form = build_property_form()
    old = DesignProperties().to_dict()
    old.pop("notes")
    assert form.fields["notes"] not in form.values(old)
