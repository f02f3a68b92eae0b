"""The status lines a turn shows while the designer works, in English and Vietnamese."""

from __future__ import annotations

from typing import Any

# fmt: off
STATUS_LINES: dict[str, tuple[str, str]] = {  # (English, Vietnamese)
    "draw_2d_1": ("Drawing your design…", "Đang vẽ mẫu của bạn…"),
    "draw_3d_1": ("Rendering your design in 3D…", "Đang dựng mẫu 3D của bạn…"),
    "draw_2d_n": ("Drawing {n} designs…", "Đang vẽ {n} mẫu…"),
    "draw_3d_n": ("Rendering {n} 3D designs…", "Đang dựng {n} mẫu 3D…"),
    "edit": ("Editing design {ids}…", "Đang chỉnh sửa mẫu {ids}…"),
    "working": ("Working…", "Đang xử lý…"),
}
# fmt: on


def status_line(key: str, lang: str, **values: Any) -> str:
    """A status line in the language ('vi' or anything else for English), filled in."""
    english, vietnamese = STATUS_LINES[key]
    return (vietnamese if lang == "vi" else english).format(**values)


def drawing_line(view: str, count: int, lang: str) -> str:
    """'Drawing 3 designs…', 'Rendering your design in 3D…'."""
    return status_line(f"draw_{view}_{'1' if count == 1 else 'n'}", lang, n=count)
