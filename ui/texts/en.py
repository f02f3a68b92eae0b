"""Every word the studio's screens show, in English."""

# fmt: off
TEXTS: dict[str, str] = {
    # header
    "app.title": "PNJ · AI Jewelry Designer",
    "app.mode_gemini": "Designer: <b>Gemini</b> ({chat_model}, images by {image_model}).",
    "app.mode_offline": "Designer: <b>offline</b> (no GEMINI_API_KEY set): a built-in parser "
                        "and parametric engine design the piece, in English or Vietnamese.",
    "app.language": "Language",
    # sidebar
    "sidebar.new": "+ New design",
    "sidebar.conversations": "Conversations",
    "sidebar.manage": "Rename or delete",
    "sidebar.title": "Title",
    "sidebar.rename": "Rename",
    "sidebar.delete": "Delete",
    "sidebar.untitled": "New design",
    # chat
    "chat.label": "Designer",
    "chat.empty": "<h3>Describe a piece to design</h3><p>{mode}</p>",
    "chat.placeholder": "Describe a piece in English or Vietnamese…",
    "chat.send": "Send",
    "chat.earlier": "↑ Load earlier messages",
    "chat.examples": "Try",
    "chat.thinking": "Thinking…",
    "chat.status": "⏳ {status}",
    "tool.generate_jewelry_design": "🛠️ Designed with {tool}",
    "tool.edit_design": "🛠️ Edited with {tool}",
    "tool.other": "🛠️ Called {tool}",
    "tool.arguments": "Arguments",
    "tool.error": "Error",
    "tool.designs": "Designs",
    "tool.no_designs": "none",
    # gallery and the selected design
    "gallery.label": "Designs",
    "gallery.more": "Show earlier designs",
    "gallery.caption": "#{id} · {kind} · {metal} {piece}",
    "detail.empty": "No designs yet: describe a piece in the chat, or fill in the properties "
                    "and press Generate.",
    "detail.model": "3D model",
    "detail.files": "Files",
    "spec.heading": "Spec",
    "spec.value": "Value",
    "spec.design": "Design",
    "spec.piece": "Piece",
    "spec.variation": "Variation",
    "spec.alloy": "Alloy",
    "spec.inner_diameter_mm": "Inner diameter (mm)",
    "spec.ring_size_us": "Ring size US",
    "spec.ring_size_eu": "Ring size EU",
    "spec.ring_size_uk": "Ring size UK",
    "spec.metal_weight_g": "Metal weight (g)",
    "spec.metal_weight_chi": "Metal weight (chỉ)",
    "spec.stone_count": "Stones",
    "spec.total_carat": "Total carat",
    "spec.main_stone_mm": "Main stone (mm)",
    "spec.dimensions_mm": "Size (mm)",
    # the property form
    "form.title": "Design properties",
    "field.jewelry_type": "Jewelry type",
    "field.metal": "Metal",
    "field.karat": "Karat",
    "field.gemstone": "Gemstone",
    "field.gem_shape": "Gem shape",
    "field.carat": "Carat",
    "field.ring_size": "Ring size (US)",
    "field.band_width_mm": "Band width (mm)",
    "field.setting": "Setting",
    "field.style": "Style",
    "field.finish": "Finish",
    "field.engraving": "Engraving",
    "field.notes": "Notes",
    "hint.engraving": "Text engraved inside, up to 40 characters.",
    "hint.notes": "Free-form design notes.",
    "form.count": "Variations",
    "form.generate_2d": "Generate 2D",
    "form.generate_3d": "Generate 3D",
    # errors
    "error.title": "Error",
}

EXAMPLES: list[str] = [
    "A rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain",
    "Show me 3 options of platinum stud earrings with sapphires, in 3D",
    "A white gold pendant with a pear-shaped emerald, art deco",
    "A minimalist 18K yellow gold wedding band with a brushed finish",
]
# fmt: on
