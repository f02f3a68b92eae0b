"""One download per design: the zip's contents, and the scratch folder that hands it out."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

from core.engine.api import render_design_at
from core.package import design_package, package_name
from core.properties import DesignProperties, ImageType
from core.scratch import Scratch


def stored_design(tmp_path: Path, kind: ImageType) -> tuple[dict, dict[str, Path]]:
    properties = DesignProperties(metal="platinum", gemstone="sapphire")
    rendering = render_design_at(properties, kind, 0, scale=0.1)
    files = {"png": tmp_path / "d.png"}
    files["png"].write_bytes(rendering.png)
    if kind is ImageType.THREE_D:
        files["glb"], files["stl"] = tmp_path / "d.glb", tmp_path / "d.stl"
        files["glb"].write_bytes(rendering.glb or b"")
        files["stl"].write_bytes(rendering.stl or b"")
    design = {
        "id": 12,
        "image_type": kind.value,
        "properties": properties.to_dict(),
        "spec": rendering.spec,
        "created_at": "2026-04-05T09:30:12.5+00:00",
    }
    return design, files


def test_a_3d_package_holds_picture_spec_and_models(tmp_path: Path) -> None:
    design, files = stored_design(tmp_path, ImageType.THREE_D)
    data = design_package(design, files)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == [
        "design-12.png", "design-12.glb", "design-12.stl", "spec.json", "properties.json",
    ]  # fmt: skip
    assert archive.testzip() is None
    for kind in ("png", "glb", "stl"):
        assert archive.read(f"design-12.{kind}") == files[kind].read_bytes()
    assert json.loads(archive.read("spec.json")) == design["spec"]
    assert json.loads(archive.read("properties.json"))["metal"] == "platinum"
    assert archive.getinfo("spec.json").date_time == (2026, 4, 5, 9, 30, 12)
    assert design_package(design, files) == data  # the same design packs to the same bytes
    assert package_name(12) == "design-12.zip"


def test_a_2d_package_has_no_models(tmp_path: Path) -> None:
    design, files = stored_design(tmp_path, ImageType.TWO_D)
    names = zipfile.ZipFile(io.BytesIO(design_package(design, files))).namelist()
    assert names == ["design-12.png", "spec.json", "properties.json"]


def test_scratch_files_keep_their_name_and_are_swept(tmp_path: Path) -> None:
    scratch = Scratch(tmp_path / "scratch", keep_s=60)
    first = scratch.write("design-1.zip", b"one")
    second = scratch.write("design-1.zip", b"two")
    assert first.name == second.name == "design-1.zip" and first != second
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert not list(first.parent.glob(".*.part"))
    scratch.sweep(now=time.time() + 30)
    assert first.exists()
    scratch.sweep(now=time.time() + 61)
    assert not first.exists() and not second.exists()
    scratch.close()
    assert not scratch.root.exists()
