"""The catalogue frame, its filters and its CSV/JSON export, on real engine specs."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pandas as pd
import pytest

from core.catalogue import (
    COLUMNS,
    CatalogueEntry,
    CatalogueFilter,
    catalogue_frame,
    export_bytes,
    folded,
    selected_designs,
)
from core.engine.api import render_design_at
from core.errors import StudioError
from core.properties import DesignProperties, ImageType, parse_properties


def entry(
    design_id: int, conversation: str, prompt: str, day: int, **changes: Any
) -> CatalogueEntry:
    properties = parse_properties(changes)
    kind = ImageType.THREE_D if design_id % 2 else ImageType.TWO_D
    design = {
        "id": design_id,
        "conversation_id": 100 + design_id // 10,
        "image_type": kind.value,
        "prompt": prompt,
        "image_path": f"c1/{design_id}.png",
        "properties": properties.to_dict(),
        "spec": render_design_at(properties, kind, 0, scale=0.05).spec,
        "created_at": f"2026-03-{day:02d}T10:00:00+00:00",
    }
    return CatalogueEntry(design, conversation)


@pytest.fixture(scope="module")
def entries() -> list[CatalogueEntry]:
    return [
        entry(1, "Nhẫn cưới", "Nhẫn vàng hồng đính kim cương", 1, metal="rose gold"),
        entry(2, "Spring line", "platinum ruby ring", 3, metal="platinum", gemstone="ruby"),
        entry(11, "Spring line", "pearl pendant", 2, jewelry_type="pendant", gemstone="pearl"),
        entry(12, "Plain", "wedding band", 4, gemstone="none", engraving="Mãi mãi"),
        entry(13, "Earrings", "studs", 5, jewelry_type="earrings", metal="white gold"),
    ]


def ids(frame: Any) -> list[int]:
    return frame["id"].tolist()


def test_every_design_newest_first_with_the_catalogue_columns(entries) -> None:
    frame = catalogue_frame(entries, CatalogueFilter())
    assert list(frame.columns) == COLUMNS and ids(frame) == [13, 12, 2, 11, 1]
    row = frame.set_index("id").loc[2]
    assert (row["conversation"], row["jewelry_type"], row["metal"], row["gemstone"]) == (
        "Spring line", "ring", "platinum", "ruby",
    )  # fmt: skip
    assert row["metal_weight_g"] == entries[1].design["spec"]["metal_weight_g"] > 0
    assert row["metal_weight_chi"] == pytest.approx(row["metal_weight_g"] / 3.75, abs=1e-3)
    assert row["thumbnail"] == "c1/2.png" and pd.isna(row["karat"])
    assert pd.isna(frame.set_index("id").loc[12, "carat"])  # a plain band has no stone carat
    assert pd.isna(frame.set_index("id").loc[11, "carat"])  # a pearl goes by mm, not carat
    assert frame.set_index("id").loc[1, "karat"] == 18 and str(frame["karat"].dtype) == "Int64"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (CatalogueFilter(jewelry_type="ring"), [12, 2, 1]),
        (CatalogueFilter(metal="Platinum"), [2]),
        (CatalogueFilter(gemstone="none"), [12]),
        (CatalogueFilter(jewelry_type="ring", gemstone="diamond"), [1]),
        (CatalogueFilter(query="RUBY"), [2]),
        (CatalogueFilter(query="spring"), [2, 11]),  # the conversation's title
        (CatalogueFilter(query="nhan vang"), [1]),  # without accents finds "Nhẫn vàng"
        (CatalogueFilter(query="mãi"), [12]),  # a property value (the engraving)
        (CatalogueFilter(query="  "), [13, 12, 2, 11, 1]),
        (CatalogueFilter(jewelry_type="", metal=None, gemstone=""), [13, 12, 2, 11, 1]),
        (CatalogueFilter(jewelry_type="bracelet"), []),
    ],
)
def test_filters(entries, filters: CatalogueFilter, expected: list[int]) -> None:
    assert ids(catalogue_frame(entries, filters)) == expected


def test_selected_designs_carry_their_conversation(entries) -> None:
    (ruby,) = selected_designs(entries, CatalogueFilter(gemstone="ruby"))
    assert ruby["id"] == 2 and ruby["conversation_title"] == "Spring line"
    assert ruby["spec"] == entries[1].design["spec"]


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        (CatalogueFilter(jewelry_type="hat"), "jewelry_type: 'hat' is not one of ring, necklace"),
        (CatalogueFilter(metal="tin"), "metal: 'tin' is not one of yellow gold"),
        (CatalogueFilter(gemstone="glass"), "gemstone: 'glass' is not one of diamond"),
        (CatalogueFilter(query="x" * 201), "query is too long"),
    ],
)
def test_a_filter_that_cannot_match_is_refused(entries, filters, words: str) -> None:
    with pytest.raises(StudioError, match=words):
        catalogue_frame(entries, filters)


def test_empty_catalogue() -> None:
    frame = catalogue_frame([], CatalogueFilter(metal="silver"))
    assert list(frame.columns) == COLUMNS and frame.empty
    header = export_bytes([], "csv").decode().splitlines()
    assert header[0].startswith("id,conversation_id,") and len(header) == 1
    assert json.loads(export_bytes([], "json")) == []


def test_csv_has_one_row_per_design_with_property_and_spec_columns(entries) -> None:
    data = export_bytes(entries, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [int(r["id"]) for r in rows] == [e.design["id"] for e in entries]
    columns = list(rows[0])
    assert columns[:2] == ["id", "conversation_id"]
    assert set(DesignProperties.model_fields) <= set(columns)
    for name in ("metal_weight_g", "metal_weight_chi", "stone_count", "bail_centre_mm"):
        assert name in columns  # spec columns, including one only pendants have
    first = rows[0]
    assert first["conversation"] == "Nhẫn cưới" and first["prompt"].startswith("Nhẫn vàng")
    assert float(first["metal_weight_g"]) == entries[0].design["spec"]["metal_weight_g"]
    assert json.loads(first["dimensions_mm"]) == entries[0].design["spec"]["dimensions_mm"]
    assert first["karat"] == "18" and rows[1]["karat"] == ""  # no "18.0", no "nan"
    assert first["bail_centre_mm"] == "" and json.loads(rows[2]["bail_centre_mm"])[2] > 0
    assert "stones" not in columns  # each stone's placement stays in spec.json


def test_json_export_holds_the_same_rows(entries) -> None:
    rows = json.loads(export_bytes(entries, "JSON").decode("utf-8"))
    assert [r["id"] for r in rows] == [1, 2, 11, 12, 13]
    assert rows[0]["metal"] == "rose gold" and rows[0]["engraving"] == ""
    assert rows[3]["engraving"] == "Mãi mãi" and rows[1]["karat"] is None
    assert rows[0]["dimensions_mm"] == entries[0].design["spec"]["dimensions_mm"]


def test_unknown_export_format(entries) -> None:
    with pytest.raises(StudioError, match="format must be one of csv, json, not 'xlsx'"):
        export_bytes(entries, "xlsx")


def test_folding_reads_vietnamese_without_accents() -> None:
    assert folded("Đồng hồ VÀNG") == "dong ho vang"
