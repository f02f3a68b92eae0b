"""Image-model prompts built from the properties: a 2D design sheet or a 3D product render."""

from __future__ import annotations

from core.properties import (
    AccentStones,
    DesignProperties,
    Gemstone,
    ImageType,
    JewelryType,
    Setting,
)

SHEET_TEMPLATE = """\
A professional jewelry design sheet of one {piece}, drawn by hand-rendering in pencil \
and gouache on warm white paper, in the style of a high-jewelry atelier.
Views: a large three-quarter view, plus small front, side and top orthographic views \
with thin dimension lines. Neat handwritten annotations of materials.
The piece: {summary}.
Metal: {metal}, {finish} finish. {stone}
Design brief: {brief}
{variation}No watermark, no logo, no people, no hands."""

RENDER_TEMPLATE = """\
A photorealistic 3D product render of one {piece} for an e-commerce catalogue: \
studio lighting with soft reflections, seamless light grey background, subtle \
contact shadow, sharp focus, true-to-life metal and gemstone materials, physically \
based rendering, three-quarter hero angle.
The piece: {summary}.
Metal: {metal}, {finish} finish. {stone}
Design brief: {brief}
{variation}No text, no watermark, no logo, no people, no hands."""

# The engine's drawing of the same properties goes first, so the render and the true-size
# model show the same piece.
STRUCTURE_NOTE = """\
The first image is a technical drawing of this exact piece, true to size, from our CAD \
engine. Use it as the structural reference: keep its proportions, stone count and \
setting exactly as drawn (the same number and size of stones, prongs, band width and \
silhouette); change only the drawing style, materials, lighting and background as \
described above, and leave out its lettering."""

REFERENCES_NOTE = """\
The next {count} image{s} {are} the designer's own reference{s}: take motif, mood and \
detailing from {them}, while the structure of the technical drawing and the stated \
properties stay as they are."""

EDIT_TEMPLATE = """\
Edit this jewelry {kind}. Keep the same piece: its identity, proportions, camera \
angle, composition, lighting and background stay as they are.
Change only this: {instruction}
After the change the piece is: {summary}.
{style_note}"""

RENDER_NOTE = "Keep it a photorealistic studio render."
SHEET_NOTE = "Keep the hand-drawn design sheet style."


def _piece(properties: DesignProperties) -> str:
    p, kind = properties, properties.jewelry_type
    if kind is JewelryType.RING:
        return f"ring (US size {p.ring_size:g}, {p.band_profile} band {p.band_width_mm:g} mm wide)"
    if kind is JewelryType.EARRINGS:
        return f"pair of {p.earring_style} earrings"
    if kind is JewelryType.BRACELET:
        return f"bracelet ({p.band_width_mm:g} mm wide, for a {p.wrist_mm:g} mm wrist)"
    return f"{kind} (on a {p.chain_length_mm:g} mm chain, {p.band_width_mm:g} mm wide)"


def _stone(properties: DesignProperties) -> str:
    p = properties
    if p.gemstone is Gemstone.NONE:
        return "No gemstone."
    if p.gemstone is Gemstone.PEARL:
        main = f"Main stone: a pearl of {p.pearl_mm:g} mm"
    else:
        main = f"Main stone: a {p.carat:g} ct {p.gem_shape}-cut {p.gemstone}"
    held = f"{p.prong_count}-prong setting" if p.setting is Setting.PRONG else "bezel setting"
    accents = "" if p.accent_stones is AccentStones.NONE else f", with {p.accent_stones} accents"
    return f"{main} in a {held}{accents}."


def _metal(properties: DesignProperties) -> str:
    return f"{properties.karat}K {properties.metal}" if properties.karat else str(properties.metal)


def design_prompt(
    properties: DesignProperties,
    image_type: ImageType,
    variation: str = "",
    brief: str = "",
    references: int = 0,
) -> str:
    """The prompt for a new design drawn over the engine's drawing (a 2D sheet or a 3D render).

    `variation` is what the engine's variant changed ('halo of accent diamonds added');
    `references` is how many of the designer's own images follow the drawing.
    """
    template = RENDER_TEMPLATE if image_type is ImageType.THREE_D else SHEET_TEMPLATE
    text = template.format(
        piece=_piece(properties),
        summary=properties.summary(),
        metal=_metal(properties),
        finish=properties.finish,
        stone=_stone(properties),
        brief=(brief or properties.notes or properties.summary()).strip()[:1500],
        variation=f"This variation: {variation}.\n" if variation else "",
    )
    notes = [STRUCTURE_NOTE]
    if references:
        plural = references > 1
        notes.append(
            REFERENCES_NOTE.format(
                count=references,
                s="s" if plural else "",
                are="are" if plural else "is",
                them="them" if plural else "it",
            )
        )
    return "\n".join([text, *notes])


def edit_prompt(properties: DesignProperties, image_type: ImageType, instruction: str) -> str:
    """The prompt that goes with the earlier image when a design is changed."""
    three_d = image_type is ImageType.THREE_D
    return EDIT_TEMPLATE.format(
        kind="product render" if three_d else "design sheet",
        instruction=instruction.strip()[:1000],
        summary=properties.summary(),
        style_note=RENDER_NOTE if three_d else SHEET_NOTE,
    )


def aspect_ratio(image_type: ImageType) -> str:
    """Sheets are landscape (several views); renders are square catalogue shots."""
    return "1:1" if image_type is ImageType.THREE_D else "4:3"
