"""One download per design: a zip with its picture, its spec and, for 3D designs, its models."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

# Pictures and GLB models are compressed already; JSON and STL meshes shrink well.
_STORED = {".png", ".glb"}
ZIP_EPOCH = datetime(1980, 1, 1)


def package_name(design_id: int) -> str:
    """'design-12.zip'."""
    return f"design-{design_id}.zip"


def design_package(design: Mapping[str, Any], files: Mapping[str, Path]) -> bytes:
    """A zip of the design: design-<id>.png, spec.json, properties.json, and .glb/.stl if given.

    `files` maps a kind ('png', 'glb', 'stl') to the file's path; entries carry the design's
    creation time, so the same design always packs to the same bytes.
    """
    stamp = _zip_time(design.get("created_at"))
    stem = f"design-{design['id']}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for kind in ("png", "glb", "stl"):
            if kind in files:
                _add(archive, f"{stem}.{kind}", Path(files[kind]).read_bytes(), stamp)
        _add(archive, "spec.json", _json(design.get("spec") or {}), stamp)
        _add(archive, "properties.json", _json(design.get("properties") or {}), stamp)
    return buffer.getvalue()


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def _zip_time(created_at: str | None) -> tuple[int, ...]:
    """ZIP's date format starts in 1980."""
    moment = datetime.fromisoformat(created_at) if created_at else ZIP_EPOCH
    return tuple(max(moment.replace(tzinfo=None), ZIP_EPOCH).timetuple()[:6])


def _add(archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple[int, ...]) -> None:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    stored = Path(name).suffix in _STORED
    entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data)
