"""Pure translations of the desk's results into what its components display, in a language."""

from __future__ import annotations

from typing import Any

import pandas as pd

from core.design_fields import design_fields
from core.properties import DesignProperties, field_choices
from core.wording import num, value_text
from ui.i18n import has, t
from ui.urls import Locate, file_url
from ui.views import SPEC_KEYS, caption

# The catalogue's columns, in order, and how the table types them.
CATALOGUE_COLUMNS = [
    "thumbnail", "id", "conversation", "image_type", "jewelry_type", "metal", "karat",
    "gemstone", "carat", "metal_weight_g", "metal_weight_chi", "created_at",
]  # fmt: skip
CATALOGUE_TYPES = ["markdown", "number", "str", "str", "str", "str", "number", "str", "number",
                   "number", "number", "str"]  # fmt: skip
WORDED = ("jewelry_type", "metal", "gemstone")  # values shown in the person's language


def compare_choices(images: list[dict[str, Any]], lang: str) -> list[tuple[str, int]]:
    """The conversation's designs as compare picks, newest first (as the gallery shows them)."""
    return [(caption(image, lang), image["id"]) for image in reversed(images)]


def compare_rows(result: dict[str, Any]) -> list[str]:
    """The fields a comparison shows: every property, the spec a designer reads, and any
    other field that differs."""
    shown = ["image_type", *DesignProperties.model_fields, *SPEC_KEYS]
    shown += [name for name in result["differences"] if name not in shown]
    present = set().union(*(design_fields(d) for d in result["designs"]))
    return [name for name in shown if name in present]


def field_label(name: str, lang: str) -> str:
    """A field as the form and the spec table name it ('Band width (mm)', 'Metal weight (g)')."""
    for key in (f"field.{name}", f"spec.{name}", f"col.{name}"):
        if has(key):
            return t(lang, key)
    return name


def compare_table(result: dict[str, Any], lang: str) -> str:
    """A Markdown table: one column per design, differing rows marked and in bold."""
    designs = result["designs"]
    fields = [design_fields(design) for design in designs]
    header = [t(lang, "compare.field"), *(f"#{d['id']}" for d in designs)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in compare_rows(result):
        values = [cell(name, row.get(name), lang) for row in fields]
        label = field_label(name, lang)
        if name in result["differences"]:
            label = f"**{label}** ≠ _{t(lang, 'compare.differs')}_"
            values = [f"**{value}**" for value in values]
        lines.append("| " + " | ".join([label, *values]) + " |")
    return "\n".join(lines)


def cell(name: str, value: Any, lang: str) -> str:
    """One value as a person reads it: words in their language, numbers with their comma."""
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return " × ".join(cell("", v, lang) for v in value)
    if name == "image_type":
        return str(value).upper()
    if name in DesignProperties.model_fields and (field_choices(name) or name == "karat"):
        return value_text(name, value, lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return num(value, lang)
    return str(value).replace("|", "\\|")


def comparison_pictures(result: dict[str, Any], locate: Locate, lang: str) -> list[tuple[str, str]]:
    """The compared designs' pictures with their captions."""
    return [(str(locate(d["image_path"])), caption(d, lang)) for d in result["designs"]]


def catalogue_table(frame: pd.DataFrame, locate: Locate, lang: str) -> pd.DataFrame:
    """The catalogue with headers in the person's language and a small picture per design."""
    shown = frame[CATALOGUE_COLUMNS].copy()
    shown["thumbnail"] = [
        f"![#{design_id}]({file_url(locate(path))})"
        for design_id, path in zip(shown["id"], shown["thumbnail"], strict=True)
    ]
    for name in WORDED:
        shown[name] = shown[name].map(lambda value, name=name: value_text(name, value, lang))
    shown["image_type"] = shown["image_type"].str.upper()
    shown["created_at"] = shown["created_at"].dt.strftime("%Y-%m-%d %H:%M")
    return shown.rename(columns={column: t(lang, f"col.{column}") for column in CATALOGUE_COLUMNS})
