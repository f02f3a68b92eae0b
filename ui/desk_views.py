"""Pure translations of the desk's results into what its components display."""

from __future__ import annotations

from typing import Any

import pandas as pd

from core.design_fields import design_fields
from core.properties import DesignProperties
from ui.desk import WORDS
from ui.property_form import LABELS as PROPERTY_LABELS
from ui.urls import Locate, file_url
from ui.views import SPEC_LABELS, caption

# Catalogue columns as the table shows them: (core column, header word).
CATALOGUE_COLUMNS = [
    ("thumbnail", "col_design"), ("id", "col_id"), ("conversation", "col_conversation"),
    ("image_type", "col_kind"), ("jewelry_type", "col_type"), ("metal", "col_metal"),
    ("karat", "col_karat"), ("gemstone", "col_stone"), ("carat", "col_carat"),
    ("metal_weight_g", "col_weight_g"), ("metal_weight_chi", "col_weight_chi"),
    ("created_at", "col_created"),
]  # fmt: skip
CATALOGUE_TYPES = ["markdown", "number", "str", "str", "str", "str", "number", "str", "number",
                   "number", "number", "str"]  # fmt: skip


def compare_choices(images: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """The conversation's designs as compare picks, newest first (as the gallery shows them)."""
    return [(caption(image), image["id"]) for image in reversed(images)]


def compare_rows(result: dict[str, Any]) -> list[str]:
    """The fields a comparison shows: every property, the spec a designer reads, any other
    field that differs."""
    shown = ["image_type", *DesignProperties.model_fields, *SPEC_LABELS]
    shown += [name for name in result["differences"] if name not in shown]
    present = set().union(*(design_fields(d) for d in result["designs"]))
    return [name for name in shown if name in present]


def compare_table(result: dict[str, Any]) -> str:
    """A Markdown table: one column per design, differing rows marked and in bold."""
    designs = result["designs"]
    fields = [design_fields(design) for design in designs]
    header = [WORDS["compare_table_field"], *(f"#{d['id']}" for d in designs)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in compare_rows(result):
        values = [_cell(row.get(name)) for row in fields]
        differs = name in result["differences"]
        label = field_label(name)
        if differs:
            label = f"**{label}** ≠ _{WORDS['compare_differs']}_"
            values = [f"**{value}**" if value else value for value in values]
        lines.append("| " + " | ".join([label, *values]) + " |")
    return "\n".join(lines)


def field_label(name: str) -> str:
    """A field as the form and the spec table name it ('Band width (mm)', 'Metal weight (g)')."""
    if name in SPEC_LABELS:
        return SPEC_LABELS[name]
    if name in PROPERTY_LABELS:
        return PROPERTY_LABELS[name]
    return name.replace("_", " ").capitalize() if name in DesignProperties.model_fields else name


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return " × ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("|", "\\|")


def comparison_pictures(result: dict[str, Any], locate: Locate) -> list[tuple[str, str]]:
    """The compared designs' pictures with their captions."""
    return [(str(locate(d["image_path"])), caption(d)) for d in result["designs"]]


def catalogue_table(frame: pd.DataFrame, locate: Locate) -> pd.DataFrame:
    """The catalogue with readable headers and a small picture per design."""
    shown = frame[[column for column, _ in CATALOGUE_COLUMNS]].copy()
    shown["thumbnail"] = [
        f"![#{design_id}]({file_url(locate(path))})"
        for design_id, path in zip(shown["id"], shown["thumbnail"], strict=True)
    ]
    shown["image_type"] = shown["image_type"].str.upper()
    shown["created_at"] = shown["created_at"].dt.strftime("%Y-%m-%d %H:%M")
    return shown.rename(columns={column: WORDS[word] for column, word in CATALOGUE_COLUMNS})
