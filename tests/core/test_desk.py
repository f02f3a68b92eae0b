"""The desk on a real studio: compare, catalogue, export and package, each for its owner only."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import zipfile
from typing import Any

import pytest

from core.catalogue import CatalogueFilter
from core.errors import StudioError
from core.properties import ImageType
from core.studio import Studio
from tests.conftest import OWNER

OTHER = "another designer"
PEARL_PENDANT = {"jewelry_type": "pendant", "gemstone": "pearl", "notes": "hoa sen"}


def draw(studio: Studio, owner: str, conversation_id: int, kind: ImageType, **props: Any) -> dict:
    result = asyncio.run(studio.designs.generate(owner, "brief", props, conversation_id, 1, kind))
    return result["images"][0]


@pytest.fixture
def desk_studio(studio: Studio) -> tuple[Studio, dict[str, Any]]:
    rings = studio.conversations.create(OWNER, "Rings")["id"]
    pendants = studio.conversations.create(OWNER, "Mặt dây")["id"]
    theirs = studio.conversations.create(OTHER, "Theirs")["id"]
    made = {
        "gold": draw(studio, OWNER, rings, ImageType.TWO_D),
        "platinum": draw(studio, OWNER, rings, ImageType.THREE_D, metal="platinum"),
        "pendant": draw(studio, OWNER, pendants, ImageType.TWO_D, **PEARL_PENDANT),
        "theirs": draw(studio, OTHER, theirs, ImageType.TWO_D, metal="platinum"),
    }
    return studio, made


def test_compare_my_designs_only(desk_studio) -> None:
    studio, made = desk_studio
    ids = [made["gold"]["id"], made["platinum"]["id"]]
    result = studio.desk.compare(OWNER, ids)
    assert [d["id"] for d in result["designs"]] == ids
    assert result["differences"]["metal"] == ["yellow gold", "platinum"]
    assert result["differences"]["image_type"] == ["2d", "3d"]
    theirs = made["theirs"]["id"]
    with pytest.raises(StudioError, match=f"^no design with id {theirs}$"):
        studio.desk.compare(OWNER, [ids[0], theirs])
    with pytest.raises(StudioError, match="^no design with id 999999$"):
        studio.desk.compare(OWNER, [ids[0], 999999])
    with pytest.raises(StudioError, match="compare 2 to 4 designs, not 5"):
        studio.desk.compare(OWNER, list(range(1, 6)))


def test_catalogue_spans_my_conversations_and_filters(desk_studio) -> None:
    studio, made = desk_studio
    frame, total = studio.desk.catalogue(OWNER, CatalogueFilter())
    assert total == 3 and studio.desk.catalogue(OWNER, CatalogueFilter(metal="silver"))[1] == 3
    mine = [made[k]["id"] for k in ("pendant", "platinum", "gold")]
    assert frame["id"].tolist() == mine  # newest first; the other designer's is not there
    assert set(frame["conversation"]) == {"Rings", "Mặt dây"}
    assert frame["thumbnail"].map(lambda p: studio.files.local_path(p).is_file()).all()
    found = studio.desk.list_designs(OWNER, CatalogueFilter(metal="platinum"))
    assert [d["id"] for d in found] == [made["platinum"]["id"]]
    found = studio.desk.list_designs(OWNER, CatalogueFilter(query="mat day"))
    assert [d["conversation_title"] for d in found] == ["Mặt dây"]
    found = studio.desk.list_designs(OWNER, CatalogueFilter(query="sen"))  # the notes
    assert [d["id"] for d in found] == [made["pendant"]["id"]]
    theirs = studio.desk.list_designs(OTHER, CatalogueFilter())
    assert [d["id"] for d in theirs] == [made["theirs"]["id"]]


def test_export_csv_and_json(desk_studio) -> None:
    studio, made = desk_studio
    path = studio.desk.export(OWNER, "csv")
    assert path.name.startswith("pnj-designs-") and path.suffix == ".csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [int(r["id"]) for r in rows] == [made[k]["id"] for k in ("gold", "platinum", "pendant")]
    assert rows[2]["conversation"] == "Mặt dây" and rows[2]["jewelry_type"] == "pendant"
    assert float(rows[1]["metal_weight_g"]) == made["platinum"]["spec"]["metal_weight_g"]
    data = json.loads(studio.desk.export(OWNER, "json").read_text(encoding="utf-8"))
    assert [row["id"] for row in data] == [int(r["id"]) for r in rows]
    with pytest.raises(StudioError, match="format must be one of csv, json"):
        studio.desk.export(OWNER, "pdf")


def test_package_of_my_design_only(desk_studio) -> None:
    studio, made = desk_studio
    design = made["platinum"]
    path = studio.desk.package(OWNER, design["id"])
    assert path.name == f"design-{design['id']}.zip"
    archive = zipfile.ZipFile(path)
    stem = f"design-{design['id']}"
    assert archive.namelist()[:3] == [f"{stem}.png", f"{stem}.glb", f"{stem}.stl"]
    png = studio.files.local_path(design["image_path"]).read_bytes()
    assert archive.read(f"{stem}.png") == png
    assert json.loads(archive.read("spec.json")) == design["spec"]
    theirs = made["theirs"]["id"]
    with pytest.raises(StudioError, match=f"^no design with id {theirs}$"):
        studio.desk.package(OWNER, theirs)


def test_sheet_of_my_design_only(desk_studio) -> None:
    studio, made = desk_studio
    design = made["platinum"]
    path = studio.desk.sheet(OWNER, design["id"])
    assert path.name == f"design-{design['id']}-sheet.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    assert path.is_relative_to(studio.desk.scratch.root)  # swept with the other scratch files
    theirs = made["theirs"]["id"]
    with pytest.raises(StudioError, match=f"^no design with id {theirs}$"):
        studio.desk.sheet(OWNER, theirs)


def test_form_designs_are_a_turn_of_the_conversation(studio: Studio) -> None:
    conversation_id = asyncio.run(studio.designs.generate_from_form(
        OWNER, None, {"metal": "rose gold"}, 2, ImageType.THREE_D))  # fmt: skip
    asyncio.run(studio.turns.run(OWNER, conversation_id, "make it platinum"))
    again = asyncio.run(studio.designs.generate_from_form(
        OWNER, conversation_id, {"metal": "silver"}, 1, ImageType.TWO_D))  # fmt: skip
    assert again == conversation_id
    conversation = studio.conversations.get(OWNER, conversation_id)
    messages, images = conversation["messages"], conversation["images"]
    assert [m["role"] for m in messages] == ["user", "assistant"] * 3
    asked, answer = messages[0], messages[1]
    assert asked["content"].startswith("Generated 2 3D designs from the form: classic 18K rose")
    first_ids = [images[0]["id"], images[1]["id"]]
    assert answer["images"] == first_ids and answer["content"] == (
        f"Here are the 2 3D designs from the form (#{first_ids[0]}, #{first_ids[1]})."
    )
    assert answer["metadata"]["designer"] == "form"
    assert answer["metadata"]["tool_calls"][0]["name"] == "generate_jewelry_design"
    assert all(image["message_id"] == answer["id"] for image in images[:2])
    assert messages[4]["content"].startswith("Generated 1 2D design from the form: classic silver")
    assert messages[5]["images"] == [images[3]["id"]]  # after the chat's platinum design
    assert conversation["title"] == "classic 18K rose gold ring, 0.5 ct round diamond"
    # the chat built on the form's design: "make it platinum" kept the rose gold design's rest
    assert images[2]["properties"]["metal"] == "platinum"


def test_form_designs_in_a_vietnamese_conversation_speak_vietnamese(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    asyncio.run(studio.turns.run(OWNER, conversation_id, "xin chào"))
    asyncio.run(studio.designs.generate_from_form(
        OWNER, conversation_id, {"metal": "platinum"}, 1, ImageType.TWO_D))  # fmt: skip
    asked, answer = studio.conversations.get(OWNER, conversation_id)["messages"][2:]
    assert asked["content"].startswith("Tạo 1 mẫu 2D từ bảng thuộc tính: nhẫn bạch kim")
    assert answer["content"].startswith("Đây là mẫu 2D từ bảng thuộc tính (#")


def test_bad_form_input_stores_nothing(studio: Studio) -> None:
    with pytest.raises(StudioError, match="metal: 'tin' is not allowed"):
        asyncio.run(studio.designs.generate_from_form(
            OWNER, None, {"metal": "tin"}, 1, ImageType.TWO_D))  # fmt: skip
    assert studio.conversations.list(OWNER) == []
