"""The desk's endpoints through gradio_client against the real app: reference images, compare,
catalogue, export and package, each for the request's own user."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import urllib.request
import zipfile
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from PIL import Image

from core.properties import ImageType
from tests.conftest import OWNER, RunningApp

GPS = 0x8825
RUBY = {"jewelry_type": "ring", "gemstone": "ruby", "metal": "rose gold"}


def photo_with_gps(path: Path) -> Path:
    """A JPEG as a phone writes it: EXIF with the place it was taken."""
    exif = Image.Exif()
    exif[GPS] = {1: "N", 2: (10.0, 46.0, 30.0), 3: "E", 4: (106.0, 40.0, 0.0)}
    exif[0x010F] = "PhoneMaker"
    Image.new("RGB", (320, 240), "crimson").save(path, format="JPEG", exif=exif.tobytes())
    assert Image.open(path).getexif().get_ifd(GPS)
    return path


def api_error(client: Client, *args: object, api_name: str) -> str:
    with pytest.raises(Exception) as info:
        client.predict(*args, api_name=api_name)
    return str(info.value)


def new_conversation(client: Client) -> int:
    return client.predict("", "", api_name="/create_conversation")["id"]


def someone_elses_design(app: RunningApp) -> int:
    """A design in another user's studio, made through the same services the API uses."""
    studio = app.studio
    theirs = studio.conversations.create("another designer")["id"]
    made = asyncio.run(studio.designs.generate("another designer", "", RUBY, theirs))
    return made["images"][0]["id"]


def test_a_reference_photo_is_stored_without_its_location(
    client: Client, running_app: RunningApp, tmp_path: Path
) -> None:
    conversation_id = new_conversation(client)
    photo = photo_with_gps(tmp_path / "customer ring.jpg")
    result = client.predict(
        conversation_id, "a rose gold ring like this", [handle_file(str(photo))], api_name="/chat"
    )
    (attachment,) = result["user_message"]["attachments"]
    assert attachment["name"] == "customer ring.jpg" and attachment["mime_type"] == "image/jpeg"
    stored = running_app.studio.files.local_path(attachment["image_path"])
    assert Image.open(stored).getexif().get_ifd(GPS) == {}
    assert b"PhoneMaker" not in stored.read_bytes()
    served = urllib.request.urlopen(running_app.url.rstrip("/") + attachment["image_url"])
    assert served.status == 200 and served.read() == stored.read_bytes()
    assert "read only the text" in result["assistant_message"]["content"]
    conversation = client.predict(conversation_id, api_name="/get_conversation")
    assert conversation["messages"][0]["attachments"] == [attachment]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        ("text_renamed", "notes.png is not a PNG, JPEG or WebP image"),
        ("five", "at most 4 reference images per message, not 5"),
        ("too_wide", "wide.png is 5000 × 20 px; reference images may be at most 4096 px a side"),
    ],
)
def test_bad_reference_images_are_refused_and_nothing_is_stored(
    client: Client, running_app: RunningApp, tmp_path: Path, make: str, words: str
) -> None:
    if make == "text_renamed":
        (tmp_path / "notes.png").write_text("remember: the customer wants rose gold")
        files = [tmp_path / "notes.png"]
    elif make == "five":
        files = [tmp_path / f"{i}.png" for i in range(5)]
        for file in files:
            Image.new("RGB", (16, 16), "gold").save(file)
    else:
        files = [tmp_path / "wide.png"]
        Image.new("L", (5000, 20)).save(files[0])
    conversation_id = new_conversation(client)
    before = {p for p in running_app.settings.files_dir.rglob("*") if p.is_file()}
    refs = [handle_file(str(f)) for f in files]
    assert words in api_error(client, conversation_id, "a ring", refs, api_name="/chat")
    assert client.predict(conversation_id, api_name="/get_conversation")["messages"] == []
    assert {p for p in running_app.settings.files_dir.rglob("*") if p.is_file()} == before


def test_compare_designs(client: Client, running_app: RunningApp) -> None:
    conversation_id = new_conversation(client)
    gold = client.predict("", RUBY, conversation_id, 1, api_name="/generate_2d")["images"][0]
    silver = client.predict("", {**RUBY, "metal": "silver"}, conversation_id, 1,
                            api_name="/generate_3d")["images"][0]  # fmt: skip
    result = client.predict([gold["id"], silver["id"]], api_name="/compare_designs")
    assert [d["id"] for d in result["designs"]] == [gold["id"], silver["id"]]
    assert result["designs"][0]["image_url"].startswith("/gradio_api/file=")
    differences = result["differences"]
    assert differences["metal"] == ["rose gold", "silver"] and differences["karat"] == [18, None]
    assert differences["image_type"] == ["2d", "3d"] and "gemstone" not in differences
    theirs = someone_elses_design(running_app)
    assert f"no design with id {theirs}" in api_error(
        client, [gold["id"], theirs], api_name="/compare_designs"
    )
    assert "no design with id 999999" in api_error(
        client, [gold["id"], 999999], api_name="/compare_designs"
    )
    assert "compare 2 to 4 designs, not 1" in api_error(
        client, [gold["id"]], api_name="/compare_designs"
    )


def test_list_designs_filters_across_conversations(client: Client, running_app: RunningApp) -> None:
    first, second = new_conversation(client), new_conversation(client)
    client.predict("first", {**RUBY, "metal": "platinum"}, first, 1, api_name="/generate_2d")
    lotus_bracelet = {"jewelry_type": "bracelet", "gemstone": "none", "notes": "dây lắc hoa sen"}
    client.predict("second", lotus_bracelet, second, 1, api_name="/generate_2d")
    theirs = someone_elses_design(running_app)
    everything = client.predict(api_name="/list_designs")
    assert theirs not in [d["id"] for d in everything]
    assert {first, second} <= {d["conversation_id"] for d in everything}
    platinum = client.predict(None, "platinum", None, "", api_name="/list_designs")
    assert platinum and {d["properties"]["metal"] for d in platinum} == {"platinum"}
    lotus = client.predict(query="hoa sen", api_name="/list_designs")
    assert [d["conversation_id"] for d in lotus] == [second]
    bracelets = client.predict(jewelry_type="bracelet", gemstone="none", api_name="/list_designs")
    assert [d["properties"]["notes"] for d in bracelets] == ["dây lắc hoa sen"]
    assert "metal: 'tin' is not one of" in api_error(client, None, "tin", api_name="/list_designs")


def test_export_designs_as_csv_and_json(client: Client) -> None:
    conversation_id = new_conversation(client)
    made = client.predict("export me", RUBY, conversation_id, 2, api_name="/generate_3d")
    ids = [image["id"] for image in made["images"]]
    path = Path(client.predict(api_name="/export_designs"))
    assert path.suffix == ".csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    listed = client.predict(api_name="/list_designs")
    assert len(rows) == len(listed) and len({r["id"] for r in rows}) == len(rows)
    by_id = {int(r["id"]): r for r in rows}
    for image in made["images"]:
        row = by_id[image["id"]]
        assert int(row["conversation_id"]) == conversation_id and row["metal"] == "rose gold"
        assert float(row["metal_weight_g"]) == image["spec"]["metal_weight_g"]
    data = json.loads(Path(client.predict("json", api_name="/export_designs")).read_text("utf-8"))
    assert {row["id"] for row in data} == {int(r["id"]) for r in rows} >= set(ids)
    assert "format must be one of csv, json, not 'xml'" in api_error(
        client, "xml", api_name="/export_designs"
    )


def test_get_package(client: Client, running_app: RunningApp) -> None:
    conversation_id = new_conversation(client)
    three_d = client.predict("", RUBY, conversation_id, 1, api_name="/generate_3d")["images"][0]
    two_d = client.predict("", RUBY, conversation_id, 1, api_name="/generate_2d")["images"][0]
    archive = zipfile.ZipFile(client.predict(three_d["id"], api_name="/get_package"))
    stem = f"design-{three_d['id']}"
    assert archive.namelist() == [f"{stem}.png", f"{stem}.glb", f"{stem}.stl", "spec.json",
                                  "properties.json"]  # fmt: skip
    png = Path(client.predict(three_d["id"], api_name="/get_image")).read_bytes()
    assert archive.read(f"{stem}.png") == png
    assert archive.read(f"{stem}.glb")[:4] == b"glTF"
    assert json.loads(archive.read("spec.json")) == three_d["spec"]
    flat = zipfile.ZipFile(client.predict(two_d["id"], api_name="/get_package"))
    assert flat.namelist() == [f"design-{two_d['id']}.png", "spec.json", "properties.json"]
    theirs = someone_elses_design(running_app)
    assert f"no design with id {theirs}" in api_error(client, theirs, api_name="/get_package")
    assert "no design with id 424242" in api_error(client, 424242, api_name="/get_package")


def test_form_designs_made_through_the_service_show_in_the_conversation(
    client: Client, running_app: RunningApp
) -> None:
    conversation_id = new_conversation(client)
    asyncio.run(running_app.studio.designs.generate_from_form(
        OWNER, conversation_id, RUBY, 2, ImageType.TWO_D))  # fmt: skip
    messages = client.predict(conversation_id, api_name="/get_conversation")["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[0]["content"].startswith("Generated 2 2D designs from the form:")
    assert len(messages[1]["images"]) == 2
