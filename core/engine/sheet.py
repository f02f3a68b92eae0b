"""The 2D design sheet: perspective render, two measured views and a legend, house style."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from core.engine import annotate
from core.engine.model import Model
from core.engine.shading import Scene
from core.engine.theme import colors, font
from core.engine.views import (
    View,
    hero_direction,
    hero_focus,
    moved,
    place,
    render,
    technical_views,
)
from core.properties import AccentStones, DesignProperties, Gemstone, JewelryType, Setting

Box = tuple[int, int, int, int]

SHEET = (1280, 900)
HERO = (48, 128, 736, 700)
TOP = (760, 128, 1232, 404)
SIDE = (760, 424, 1232, 700)
LEGEND_Y = 724


def _box(box: Box, s: float) -> Box:
    return tuple(round(v * s) for v in box)


def _panel(draw: ImageDraw.ImageDraw, box: Box, title: str, s: float) -> None:
    draw.rectangle(box, fill=colors()["panel"], outline=colors()["rule"], width=1)
    draw.text(
        (box[0] + 12 * s, box[1] + 9 * s),
        title.upper(),
        font=font(max(7, round(11 * s)), True),
        fill=colors()["muted"],
    )


def _header(draw: ImageDraw.ImageDraw, props: DesignProperties, spec: dict, s: float) -> None:
    ink, gold, muted = colors()["ink"], colors()["gold"], colors()["muted"]
    title = f"PNJ · {props.jewelry_type.value.title()}"
    draw.text((48 * s, 26 * s), title, font=font(round(34 * s), True), fill=ink)
    draw.text((48 * s, 74 * s), props.summary(), font=font(round(15 * s)), fill=muted)
    variation = spec.get("variation", "as briefed")
    right = f"Design sheet · {variation}"
    f = font(round(13 * s))
    w = draw.textlength(right, font=f)
    draw.text((1232 * s - w, 40 * s), right, font=f, fill=muted)
    draw.line([(48 * s, 106 * s), (1232 * s, 106 * s)], fill=gold, width=max(1, round(2 * s)))


def _hero(sheet: Image.Image, scene: Scene, props: DesignProperties, s: float) -> None:
    box = _box(HERO, s)
    draw = ImageDraw.Draw(sheet)
    _panel(draw, box, "Perspective", s)
    size = (box[2] - box[0] - 2, box[3] - box[1] - 2)
    view = View("hero", hero_direction(props.jewelry_type))
    shot = render(scene, view, size, 40 * s, True, focus=hero_focus(scene, props.jewelry_type))
    place(sheet, shot, (box[0] + 1, box[1] + 1))


def _technical(
    sheet: Image.Image, scene: Scene, model: Model, props: DesignProperties, spec: dict, s: float
) -> None:
    draw = ImageDraw.Draw(sheet)
    for view, box in zip(technical_views(props.jewelry_type), (TOP, SIDE), strict=True):
        box = _box(box, s)
        _panel(draw, box, view.title, s)
        subset = _pendant_faces(scene, model) if view.title == "Pendant detail" else None
        # Extra room on the right for the vertical dimension's label.
        size = (box[2] - box[0] - 2 - round(56 * s), box[3] - box[1] - 2)
        shot = render(scene, view, size, 52 * s, False, subset)
        place(sheet, shot, (box[0] + 1, box[1] + 1))
        camera = moved(shot.camera, box[0] + 1, box[1] + 1)
        pts = scene.vertices if subset is None else scene.vertices[np.unique(scene.faces[subset])]
        annotate.overall_dimensions(draw, camera, pts, s)
        if view.title == "Side profile" and spec.get("inner_diameter_mm"):
            d = spec["inner_diameter_mm"]
            annotate.diameter_line(draw, camera, d / 2, f"Ø {d:.2f} mm", s)


def _pendant_faces(scene: Scene, model: Model) -> np.ndarray:
    names = [p.name for p in model.parts]
    keep = np.array([n != "chain" for n in names])
    return keep[scene.face_part]


def legend_columns(props: DesignProperties, spec: dict) -> list[tuple[str, list[str]]]:
    """The legend's columns of lines: piece, metal, stones, sizes."""
    style = spec.get("earring_style")
    piece = [
        props.jewelry_type.value.title() + (f" ({style})" if style else ""),
        f"Style: {props.style.value}",
        f"Finish: {props.finish.value}",
        _setting_line(props) if spec["stone_count"] else "No stones",
    ]
    if props.engraving:
        piece.append(f"Engraving: “{props.engraving}”")
    metal = [
        spec["alloy"],
        f"Density {spec['density_g_cm3']:g} g/cm³",
        f"Cast {spec['metal_weight_g']:.2f} g = {spec['metal_weight_chi']:.2f} chỉ",
    ]
    if spec.get("findings"):
        metal.append(f"+ {', '.join(spec['findings'])} {spec['findings_weight_g']:.2f} g")
    return [
        ("Piece", piece),
        ("Metal", metal),
        ("Stones", _stone_lines(spec)),
        ("Sizes", _size_lines(props, spec)),
    ]


def _setting_line(props: DesignProperties) -> str:
    held = f"{props.prong_count} prongs" if props.setting is Setting.PRONG else "bezel"
    if props.gemstone is Gemstone.PEARL:
        held = "pearl cup"
    if props.accent_stones is AccentStones.NONE:
        return f"Setting: {held}"
    return f"Setting: {held}, {props.accent_stones.value}"


def _stone_lines(spec: dict) -> list[str]:
    if not spec["stone_count"]:
        return ["None"]
    lines = []
    if spec.get("main_stone"):
        dims = " × ".join(f"{v:.1f}" for v in spec["main_stone_mm"][:2])
        count = f"{spec['main_stone_count']} × " if spec["main_stone_count"] > 1 else ""
        lines += [
            f"{count}{spec['main_stone']}",
            f"{dims} mm, depth {spec['main_stone_mm'][2]:.1f}",
        ]
    if spec.get("side_stone_count"):
        dims = " × ".join(f"{v:.1f}" for v in spec["side_stone_mm"][:2])
        lines.append(
            f"{spec['side_stone_count']} side stones {spec['side_carat_each']:g} ct, {dims} mm"
        )
    if spec["accent_stone_count"]:
        size = spec["accent_stone_mm"][0]
        shape = spec["accent_stone_shape"]
        lines.append(f"{spec['accent_stone_count']} {shape} accents {size:.1f} mm")
    lines.append(f"{spec['stone_count']} stones · {spec['total_carat']:.2f} ct total")
    return lines


def _size_lines(props: DesignProperties, spec: dict) -> list[str]:
    dims = " × ".join(f"{v:.1f}" for v in spec["dimensions_mm"])
    lines = []
    if props.jewelry_type is JewelryType.RING:
        vn = spec.get("ring_size_vn")
        lines.append(
            f"US {spec['ring_size_us']:g} · EU {spec['ring_size_eu']} · UK {spec['ring_size_uk']}"
            + (f" · VN {vn:g}" if vn is not None else "")
        )
        lines.append(f"Inner Ø {spec['inner_diameter_mm']:.2f} mm")
    if "band_width_mm" in spec:
        band = f"{spec['band_width_mm']:g} × {spec['band_thickness_mm']:g} mm"
        lines.append(f"Band {band}, {spec['band_profile']}")
    if "inner_axes_mm" in spec:
        a, b = spec["inner_axes_mm"]
        lines.append(f"Inside {a:g} × {b:g} mm (wrist {spec['wrist_circumference_mm']:g})")
    if "chain" in spec:
        lines.append(f"{spec['chain']} chain {spec['chain_width_mm']:g} mm")
        lines.append(f"Chain length {spec['chain_length_mm']:g} mm (stock)")
    lines.append(f"Overall {dims} mm")
    return lines


def _legend(draw: ImageDraw.ImageDraw, props: DesignProperties, spec: dict, s: float) -> None:
    y = LEGEND_Y * s
    col_w = (1232 - 48) / 4
    for i, (title, lines) in enumerate(legend_columns(props, spec)):
        x = (48 + i * col_w) * s
        draw.text((x, y), title.upper(), font=font(round(12 * s), True), fill=colors()["gold"])
        for j, line in enumerate(lines[:6]):
            draw.text(
                (x, y + (24 + j * 21) * s), line, font=font(round(14 * s)), fill=colors()["ink"]
            )
    note = (
        "Dimensions in mm · weight = model volume × alloy density (estimate) · "
        "PNJ Jewelry AI Designer"
    )
    draw.text((48 * s, 872 * s), note, font=font(round(11 * s)), fill=colors()["muted"])


def design_sheet(
    model: Model, scene: Scene, props: DesignProperties, spec: dict, scale: float = 1.0
) -> Image.Image:
    """The finished sheet as an RGB image (SHEET size times scale)."""
    size = (round(SHEET[0] * scale), round(SHEET[1] * scale))
    sheet = Image.new("RGBA", size, colors()["paper"] + (255,))
    draw = ImageDraw.Draw(sheet)
    _header(draw, props, spec, scale)
    _hero(sheet, scene, props, scale)
    _technical(sheet, scene, model, props, spec, scale)
    _legend(ImageDraw.Draw(sheet), props, spec, scale)
    return sheet.convert("RGB")
