"""The catalogue: every design of a designer as a pandas DataFrame, filtered, and exported.

Input is a list of `CatalogueEntry` (a design dict and its conversation's title); the query
that finds them lives with the other services.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pandas as pd

from core.design_fields import design_fields
from core.errors import Refusal, StudioError
from core.properties import Gemstone, JewelryType, Metal

# What the catalogue shows, in order; `thumbnail` is the picture's path in the file store.
COLUMNS = [
    "id", "thumbnail", "conversation_id", "conversation", "image_type", "jewelry_type",
    "metal", "karat", "gemstone", "carat", "metal_weight_g", "metal_weight_chi", "created_at",
]  # fmt: skip
# The export leads with these, then every property, then every spec field.
EXPORT_LEAD = ["id", "conversation_id", "conversation", "prompt", "created_at"]
# Nullable numbers: a missing karat or carat stays missing (no 18.0, no NaN), and sorts.
NUMBERS = {
    "karat": "Int64",
    "carat": "Float64",
    "metal_weight_g": "Float64",
    "metal_weight_chi": "Float64",
}
FORMATS = ("csv", "json")
MAX_QUERY = 200


@dataclass(frozen=True)
class CatalogueEntry:
    """One design as the catalogue needs it."""

    design: dict[str, Any]
    conversation: str


@dataclass(frozen=True)
class CatalogueFilter:
    """What the designer narrows the catalogue to; empty fields match everything."""

    jewelry_type: str | None = None
    metal: str | None = None
    gemstone: str | None = None
    query: str = ""

    def checked(self) -> CatalogueFilter:
        """The filter with blanks as None, or a StudioError naming a value that cannot match."""
        query = (self.query or "").strip()
        if len(query) > MAX_QUERY:
            raise StudioError(Refusal.QUERY_TOO_LONG, length=len(query), limit=MAX_QUERY)
        return CatalogueFilter(
            _choice("jewelry_type", self.jewelry_type, JewelryType),
            _choice("metal", self.metal, Metal),
            _choice("gemstone", self.gemstone, Gemstone),
            query,
        )


def _choice(name: str, value: str | None, allowed: type[StrEnum]) -> str | None:
    if value is None or not str(value).strip():
        return None
    text = str(value).strip().lower()
    choices = [member.value for member in allowed]
    if text not in choices:
        raise StudioError(Refusal.FILTER_VALUE, name=name, value=value, allowed=", ".join(choices))
    return text


def folded(text: str) -> str:
    """Lower case without accents, so 'nhan vang' finds 'Nhẫn vàng' (đ reads as d)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _haystack(entry: CatalogueEntry) -> str:
    properties = entry.design.get("properties") or {}
    words = [entry.design.get("prompt") or "", entry.conversation]
    words += [str(value) for value in properties.values() if value not in (None, "")]
    return folded(" ".join(words))


def _row(entry: CatalogueEntry) -> dict[str, Any]:
    design = entry.design
    properties, spec = design.get("properties") or {}, design.get("spec") or {}
    row = {name: properties.get(name) for name in ("jewelry_type", "metal", "karat", "gemstone")}
    row |= {
        "id": design["id"],
        "thumbnail": design["image_path"],
        "conversation_id": design.get("conversation_id"),
        "conversation": entry.conversation,
        "image_type": design.get("image_type"),
        # a pearl is sized in mm, not carat (its size is in the properties)
        "carat": None if row["gemstone"] in {"none", "pearl"} else properties.get("carat"),
        "metal_weight_g": spec.get("metal_weight_g"),
        "metal_weight_chi": spec.get("metal_weight_chi"),
        "created_at": pd.Timestamp(design["created_at"]),
        "search": _haystack(entry),
    }
    return row


def catalogue_frame(entries: Sequence[CatalogueEntry], filters: CatalogueFilter) -> pd.DataFrame:
    """The designs that pass the filter, newest first, one row each, COLUMNS in order."""
    filters = filters.checked()
    rows = [_row(entry) for entry in entries]
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "search"]).astype(NUMBERS)
    mask = pd.Series(True, index=frame.index)
    for name in ("jewelry_type", "metal", "gemstone"):
        wanted = getattr(filters, name)
        if wanted:
            mask &= frame[name] == wanted
    if filters.query:
        mask &= frame["search"].str.contains(folded(filters.query), regex=False)
    selected = frame[mask].sort_values(["created_at", "id"], ascending=False)
    return selected[COLUMNS].reset_index(drop=True)


def selected_designs(
    entries: Sequence[CatalogueEntry], filters: CatalogueFilter
) -> list[dict[str, Any]]:
    """The design dicts that pass the filter, newest first, each with its conversation title."""
    by_id = {entry.design["id"]: entry for entry in entries}
    ids = catalogue_frame(entries, filters)["id"].tolist()
    return [{**by_id[i].design, "conversation_title": by_id[i].conversation} for i in ids]


def export_rows(entries: Sequence[CatalogueEntry]) -> list[dict[str, Any]]:
    """One flat row per design: EXPORT_LEAD, image type, every property, every spec field."""
    rows = [_export_row(entry) for entry in entries]
    columns = _export_columns(rows)
    return [{name: row.get(name) for name in columns} for row in rows]


def _export_row(entry: CatalogueEntry) -> dict[str, Any]:
    lead = {name: entry.design.get(name) for name in EXPORT_LEAD}
    return lead | {"conversation": entry.conversation} | design_fields(entry.design)


def _export_columns(rows: list[dict[str, Any]]) -> list[str]:
    """Columns in order of first appearance (spec fields differ between kinds of piece)."""
    first = rows or [dict.fromkeys(EXPORT_LEAD) | design_fields({})]
    return list(dict.fromkeys(name for row in first for name in row))


def export_bytes(entries: Sequence[CatalogueEntry], fmt: str) -> bytes:
    """The catalogue as UTF-8 CSV (lists as JSON text) or as a JSON array of rows."""
    fmt = (fmt or "").strip().lower()
    if fmt not in FORMATS:
        raise StudioError(Refusal.EXPORT_FORMAT, allowed=", ".join(FORMATS), format=fmt)
    rows = export_rows(entries)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_export_columns(rows))
    writer.writerows([_cell(value) for value in row.values()] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> Any:
    """CSV cells: lists as JSON text (a dimension triple stays one cell), None as empty."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value
