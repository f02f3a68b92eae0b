"""Every public endpoint, through gradio_client, against the real app (offline designer)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
import trimesh
from gradio_client import Client
from PIL import Image
from pypdf import PdfReader

from core.settings import Settings
from tests.conftest import RunningApp, launch_app

RING = {"jewelry_type": "ring", "metal": "rose gold", "gemstone": "diamond", "gem_shape": "oval",
        "carat": 1.0}  # fmt: skip


def stored_files(app: RunningApp) -> set[Path]:
    return {p for p in app.settings.files_dir.rglob("*") if p.is_file()}


def api_error(client: Client, *args: object, api_name: str) -> str:
    with pytest.raises(Exception) as info:
        client.predict(*args, api_name=api_name)
    return str(info.value)


def test_conversation_crud(client: Client) -> None:
    created = client.predict(
        "Lotus pendant", "for the spring line", api_name="/create_conversation"
    )
    assert created["title"] == "Lotus pendant" and created["description"] == "for the spring line"
    other = client.predict(api_name="/create_conversation")
    listed = client.predict(api_name="/list_conversations")
    assert [c["id"] for c in listed[:2]] == [other["id"], created["id"]]
    updated = client.predict(created["id"], "Lotus pendant v2", "", api_name="/update_conversation")
    assert updated["title"] == "Lotus pendant v2"
    assert client.predict(api_name="/list_conversations")[0]["id"] == created["id"]
    fetched = client.predict(created["id"], api_name="/get_conversation")
    assert fetched["messages"] == [] and fetched["images"] == []
    assert client.predict(other["id"], api_name="/delete_conversation") == {"deleted": other["id"]}
    assert other["id"] not in [c["id"] for c in client.predict(api_name="/list_conversations")]


def test_chat_english_designs_the_described_ring(client: Client, running_app: RunningApp) -> None:
    conv = client.predict("", "", api_name="/create_conversation")
    text = "A rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain"
    result = client.predict(conv["id"], text, api_name="/chat")
    assert result["user_message"]["content"] == text
    assert result["assistant_message"]["content"]
    images = result["generated_images"]
    assert images, result["assistant_message"]
    props = images[0]["properties"]
    assert (props["jewelry_type"], props["metal"], props["gem_shape"]) == (
        "ring",
        "rose gold",
        "oval",
    )
    assert (props["carat"], props["style"], props["finish"]) == (1.0, "vintage", "milgrain")
    calls = result["assistant_message"]["metadata"]["tool_calls"]
    assert calls[0]["name"] == "generate_jewelry_design" and "images" in calls[0]["result"]
    png = Path(client.predict(images[0]["id"], api_name="/get_image"))
    with Image.open(png) as image:
        assert image.width >= 768 and image.getextrema() != ((255, 255), (255, 255), (255, 255))


def test_chat_vietnamese_keeps_and_changes_properties(client: Client) -> None:
    conv = client.predict("", "", api_name="/create_conversation")
    first = client.predict(conv["id"], "Nhẫn vàng trắng 18K đính kim cương 5 ly", api_name="/chat")
    props = first["generated_images"][0]["properties"]
    assert (props["jewelry_type"], props["metal"], props["karat"]) == ("ring", "white gold", 18)
    second = client.predict(conv["id"], "make it platinum", api_name="/chat")
    changed = second["generated_images"][0]["properties"]
    assert changed["metal"] == "platinum" and changed["karat"] is None
    assert {k: v for k, v in changed.items() if k not in {"metal", "karat"}} == {
        k: v for k, v in props.items() if k not in {"metal", "karat"}
    }
    stored = client.predict(conv["id"], api_name="/get_conversation")
    assert [m["role"] for m in stored["messages"]] == ["user", "assistant"] * 2
    assert len(stored["images"]) == 2


def test_generate_2d_and_3d_with_files(client: Client, running_app: RunningApp) -> None:
    conv = client.predict("", "", api_name="/create_conversation")
    two = client.predict("sheet", RING, conv["id"], 2, api_name="/generate_2d")
    assert two["success"] and len(two["images"]) == 2
    assert {i["image_type"] for i in two["images"]} == {"2d"}
    assert two["images"][0]["spec"] != {} and two["images"][0]["conversation_id"] == conv["id"]
    three = client.predict(
        "render", {**RING, "metal": "platinum"}, None, 1, api_name="/generate_3d"
    )
    image = three["images"][0]
    assert image["image_type"] == "3d" and image["conversation_id"] is None
    assert image["properties"]["metal"] == "platinum"
    glb = Path(client.predict(image["id"], api_name="/get_model"))
    assert glb.suffix == ".glb" and len(trimesh.load(glb, force="scene").geometry) >= 1
    stl = Path(client.predict(image["id"], api_name="/get_stl"))
    assert len(trimesh.load(stl).faces) > 100
    spec = client.predict(image["id"], api_name="/get_spec")
    assert spec == image["spec"]


def test_sheet_pdf_is_a_true_scale_a4_of_the_design(client: Client) -> None:
    ring = {**RING, "ring_size": 8}
    image = client.predict("", ring, None, 1, api_name="/generate_3d")["images"][0]
    path = Path(client.predict(image["id"], api_name="/get_sheet_pdf"))
    assert path.suffix == ".pdf" and path.read_bytes().startswith(b"%PDF")
    page = PdfReader(path).pages[0]
    assert [round(float(v), 1) for v in page.mediabox[2:]] == [595.3, 841.9]  # A4
    text = page.extract_text()
    assert f"Design #{image['id']}" in text and "Print at 100 %" in text
    assert f"Inner diameter {image['spec']['inner_diameter_mm']:.2f} mm" in text
    assert f"{image['spec']['metal_weight_g']:.3f} g" in text


@pytest.mark.parametrize(
    ("args", "api_name", "expected"),
    [
        ((999_999,), "/get_conversation", "no conversation with id 999999"),
        ((999_999, "x"), "/chat", "no conversation with id 999999"),
        ((999_999, "t", ""), "/update_conversation", "no conversation"),
        ((999_999,), "/delete_conversation", "no conversation"),
        (("", {"metal": "bronze"}), "/generate_2d", "metal: 'bronze' is not allowed"),
        (("", {"colour": "red"}), "/generate_3d", "unknown property 'colour'"),
        (("", {"carat": 50}), "/generate_2d", "carat: 50 is out of range"),
        (("", {}, None, 9), "/generate_2d", "count must be between 1 and 4"),
        ((999_999,), "/get_image", "no design with id 999999"),
        ((999_999,), "/get_model", "no design with id 999999"),
        ((999_999,), "/get_spec", "no design with id 999999"),
        ((999_999,), "/get_sheet_pdf", "no design with id 999999"),
    ],
)
def test_bad_input_gets_a_clear_error(
    client: Client, args: tuple, api_name: str, expected: str
) -> None:
    assert expected in api_error(client, *args, api_name=api_name)


def test_bad_chat_messages_leave_nothing_written(client: Client, running_app: RunningApp) -> None:
    conv = client.predict("", "", api_name="/create_conversation")
    files_before = stored_files(running_app)
    assert "message must not be empty" in api_error(client, conv["id"], "   ", api_name="/chat")
    assert "message is too long" in api_error(client, conv["id"], "x" * 5000, api_name="/chat")
    assert client.predict(conv["id"], api_name="/get_conversation")["messages"] == []
    assert stored_files(running_app) == files_before


def test_2d_design_has_no_model(client: Client) -> None:
    image = client.predict("", RING, None, 1, api_name="/generate_2d")["images"][0]
    assert "only 3D designs have one" in api_error(client, image["id"], api_name="/get_model")


def test_delete_removes_files(client: Client, running_app: RunningApp) -> None:
    conv = client.predict("", "", api_name="/create_conversation")
    images = client.predict("", RING, conv["id"], 1, api_name="/generate_3d")["images"]
    folder = running_app.settings.files_dir / f"c{conv['id']}"
    assert len(list(folder.iterdir())) == 3  # png, glb, stl
    client.predict(conv["id"], api_name="/delete_conversation")
    assert list(folder.iterdir()) == []
    assert "no design" in api_error(client, images[0]["id"], api_name="/get_image")


def test_restart_keeps_everything(tmp_path: Path) -> None:
    settings = Settings(storage_dir=tmp_path / "storage")
    app = launch_app(settings)
    try:
        client = Client(app.url, verbose=False)
        conv = client.predict("Keep me", "", api_name="/create_conversation")
        client.predict(conv["id"], "a silver pendant with a pearl", api_name="/chat")
    finally:
        app.close()
    app = launch_app(settings)
    try:
        client = Client(app.url, verbose=False)
        stored = client.predict(conv["id"], api_name="/get_conversation")
        assert stored["title"] == "Keep me" and len(stored["messages"]) == 2
        assert Path(client.predict(stored["images"][0]["id"], api_name="/get_image")).is_file()
    finally:
        app.close()


def test_only_the_documented_endpoints_are_public(client: Client) -> None:
    info = client.view_api(return_format="dict", print_info=False)
    assert set(info["named_endpoints"]) == {
        "/create_conversation", "/list_conversations", "/get_conversation", "/update_conversation",
        "/delete_conversation", "/chat", "/generate_2d", "/generate_3d", "/get_image",
        "/get_model", "/get_stl", "/get_spec", "/get_sheet_pdf", "/compare_designs",
        "/list_designs", "/export_designs", "/get_package",
    }  # fmt: skip
    assert not info["unnamed_endpoints"]
    assert all(e["description"] for e in info["named_endpoints"].values())


def test_only_design_files_are_served(client: Client, running_app: RunningApp) -> None:
    image = client.predict("", RING, None, 1, api_name="/generate_2d")["images"][0]
    served = urllib.request.urlopen(running_app.url.rstrip("/") + image["image_url"])
    assert served.status == 200 and served.read(8) == b"\x89PNG\r\n\x1a\n"
    database = running_app.settings.storage_dir.resolve() / "studio.db"
    assert database.is_file()
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{running_app.url}gradio_api/file={database}")
    assert info.value.code in {403, 404}
