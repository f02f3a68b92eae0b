"""The request parser, in English and Vietnamese: pure text in, changes and intent out."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from core.parser import Unclear, detect_language, parse_request
from core.properties import DesignProperties, merge_properties
from core.ring_sizes import load_vn_chart

EXACT_CHANGES = [
    # The two examples of the brief.
    (
        "a rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain",
        {"jewelry_type": "ring", "metal": "rose gold", "gemstone": "diamond",
         "gem_shape": "oval", "carat": 1.0, "style": "vintage", "finish": "milgrain"},
    ),
    (
        "Nhẫn vàng trắng 18K đính kim cương 5 ly, kiểu tối giản",
        {"jewelry_type": "ring", "metal": "white gold", "karat": 18, "gemstone": "diamond",
         "carat": 0.46, "style": "minimalist"},
    ),
    # A change names only what changes.
    ("make it platinum", {"metal": "platinum"}),
    ("đổi sang vàng hồng", {"metal": "rose gold"}),
    ("thinner band", {"band_width_mm": 2.0}),
    ("bản dày hơn", {"band_width_mm": 4.0}),
    ("nhẫn mỏng", {"jewelry_type": "ring", "band_width_mm": 2.0}),
    # Jewelry types, with "ring" inside "earrings" and "dây chuyền" inside "mặt dây chuyền".
    ("pearl earrings", {"jewelry_type": "earrings", "gemstone": "pearl"}),
    ("diamond studs", {"jewelry_type": "earrings", "gemstone": "diamond", "earring_style": "stud"}),
    ("bông tai ruby", {"jewelry_type": "earrings", "gemstone": "ruby"}),
    ("hoa tai ngọc trai", {"jewelry_type": "earrings", "gemstone": "pearl"}),
    ("mặt dây chuyền hồng ngọc", {"jewelry_type": "pendant", "gemstone": "ruby"}),
    ("mặt dây bạc", {"jewelry_type": "pendant", "metal": "silver"}),
    ("dây chuyền bạch kim", {"jewelry_type": "necklace", "metal": "platinum"}),
    ("a silver chain", {"jewelry_type": "necklace", "metal": "silver"}),
    ("a bracelet on a thin chain", {"jewelry_type": "bracelet", "band_width_mm": 2.0}),
    ("lắc tay vàng hồng", {"jewelry_type": "bracelet", "metal": "rose gold"}),
    ("vòng tay thạch anh tím", {"jewelry_type": "bracelet", "gemstone": "amethyst"}),
    ("a gold bangle", {"jewelry_type": "bracelet", "metal": "yellow gold"}),
    ("nhẫn cưới trơn", {"jewelry_type": "ring", "gemstone": "none"}),
    ("nhẫn đính hôn kim cương", {"jewelry_type": "ring", "gemstone": "diamond"}),
    ("a plain platinum wedding band 6mm wide",
     {"jewelry_type": "ring", "gemstone": "none", "metal": "platinum", "band_width_mm": 6.0}),
    # Metals: "vàng" inside "vàng trắng"/"vàng hồng", "bạc" versus "bạch kim".
    ("vàng", {"metal": "yellow gold"}),
    ("vàng vàng 14K", {"metal": "yellow gold", "karat": 14}),
    ("bạch kim", {"metal": "platinum"}),
    ("bạc", {"metal": "silver"}),
    ("sterling silver", {"metal": "silver"}),
    ("nhẫn vàng 9999", {"jewelry_type": "ring", "metal": "yellow gold", "karat": 24}),
    ("nhẫn vàng ta", {"jewelry_type": "ring", "metal": "yellow gold", "karat": 24}),
    ("nhẫn vàng tây", {"jewelry_type": "ring", "metal": "yellow gold", "karat": 18}),
    ("vàng tây 14k", {"metal": "yellow gold", "karat": 14}),
    ("vàng 750", {"metal": "yellow gold", "karat": 18}),
    ("24 karat gold", {"metal": "yellow gold", "karat": 24}),
    ("18 carat gold ring", {"metal": "yellow gold", "karat": 18, "jewelry_type": "ring"}),
    ("14K white gold", {"metal": "white gold", "karat": 14}),
    # Later mentions win; "from", "instead of", "than" mark the old value.
    ("switch from yellow gold to white gold", {"metal": "white gold"}),
    ("rose gold instead of yellow gold", {"metal": "rose gold"}),
    ("đổi từ vàng sang bạch kim", {"metal": "platinum"}),
    # Stones and "no stone".
    ("lam ngọc", {"gemstone": "sapphire"}),
    ("ngọc lục bảo", {"gemstone": "emerald"}),
    ("a topaz pendant", {"jewelry_type": "pendant", "gemstone": "topaz"}),
    ("no stone", {"gemstone": "none"}),
    ("không đá", {"gemstone": "none"}),
    ("không đính đá", {"gemstone": "none"}),
    ("without a stone", {"gemstone": "none"}),
    ("nhẫn ngọc bích xanh dương", {"jewelry_type": "ring", "gemstone": "sapphire"}),
    # Shapes: "emerald cut" is a shape, "emerald" alone a stone.
    ("emerald cut emerald earrings",
     {"gem_shape": "emerald", "gemstone": "emerald", "jewelry_type": "earrings"}),
    ("an emerald-cut diamond", {"gem_shape": "emerald", "gemstone": "diamond"}),
    ("an emerald ring", {"gemstone": "emerald", "jewelry_type": "ring"}),
    ("kim cương giọt nước", {"gemstone": "diamond", "gem_shape": "pear"}),
    ("đá bầu dục", {"gem_shape": "oval"}),
    ("giác vuông", {"gem_shape": "princess"}),
    ("marquise", {"gem_shape": "marquise"}),
    ("cushion cut sapphire", {"gem_shape": "cushion", "gemstone": "sapphire"}),
    ("heart-shaped diamond ring", {"gem_shape": "heart", "gemstone": "diamond",
                                   "jewelry_type": "ring"}),
    ("kim cương hình trái tim", {"gemstone": "diamond", "gem_shape": "heart"}),
    # Carat and stone sizes in "ly" (mm of diameter).
    ("1.5 carat", {"carat": 1.5}),
    ("0,5 ct", {"carat": 0.5}),
    ("2ct", {"carat": 2.0}),
    ("half a carat", {"carat": 0.5}),
    ("kim cương 5 ly", {"gemstone": "diamond", "carat": 0.46}),
    ("a 6.5 mm diamond", {"gemstone": "diamond", "carat": 1.0}),
    ("a 3mm band with a 6mm diamond",
     {"band_width_mm": 3.0, "gemstone": "diamond", "carat": 0.79}),
    # Ring sizes: US, EU (ISO circumference), inner diameter, and Vietnamese through the chart
    # (assets/vn_ring_sizes.csv: ni N = N + 40 mm, so ni 12 = 52 mm = US (52 − 36.5367) / 2.5535).
    ("size 7", {"ring_size": 7.0}),
    ("US 6.5", {"ring_size": 6.5}),
    ("cỡ US 7", {"ring_size": 7.0}),
    ("cỡ 7", {"ring_size": 4.1}),
    ("cỡ nhẫn 12", {"ring_size": 6.06}),
    ("size 12 ni", {"ring_size": 6.06}),
    ("ni 12,5", {"ring_size": 6.25}),
    ("nhẫn vàng 18K ni 12",
     {"jewelry_type": "ring", "metal": "yellow gold", "karat": 18, "ring_size": 6.06}),
    ("ring size 8,5", {"ring_size": 8.5}),  # the size, not a change of piece
    ("size 54", {"ring_size": 7.0}),
    ("EU 52", {"ring_size": 6.0}),
    ("inner diameter 17.3 mm", {"ring_size": 7.0}),
    ("nhẫn ni 12", {"jewelry_type": "ring", "ring_size": 6.06}),
    ("cỡ 54", {"ring_size": 7.0}),
    # Band width.
    ("3mm band", {"band_width_mm": 3.0}),
    ("band width 4 mm", {"band_width_mm": 4.0}),
    ("bản 4 ly", {"band_width_mm": 4.0}),
    ("bản rộng 5 ly", {"band_width_mm": 5.0}),
    ("thick band", {"band_width_mm": 4.0}),
    ("a thin 1.8 mm band", {"band_width_mm": 1.8}),
    # Settings and side stones, styles, finishes.
    ("prong set", {"setting": "prong"}),
    ("ổ chấu", {"setting": "prong"}),
    ("6 chấu", {"setting": "prong", "prong_count": 6}),
    ("ổ bốn chấu", {"setting": "prong", "prong_count": 4}),
    ("a six-prong solitaire", {"setting": "prong", "prong_count": 6, "accent_stones": "none"}),
    ("4 prongs", {"setting": "prong", "prong_count": 4}),
    ("bezel", {"setting": "bezel"}),
    ("halo", {"accent_stones": "halo"}),
    ("pavé band", {"accent_stones": "pavé shoulders"}),
    ("pave", {"accent_stones": "pavé shoulders"}),
    ("đính đá", {"accent_stones": "pavé shoulders"}),
    ("channel set", {"accent_stones": "channel"}),
    ("a three-stone ring", {"jewelry_type": "ring", "accent_stones": "three-stone"}),
    ("nhẫn ba viên đá", {"jewelry_type": "ring", "accent_stones": "three-stone"}),
    # Band profiles ("flat" alone still asks for a flat drawing).
    ("court", {"band_profile": "court"}),
    ("a flat band", {"band_profile": "flat"}),
    ("bản dẹt", {"band_profile": "flat"}),
    ("D-shape", {"band_profile": "D-shape"}),
    ("half round band", {"band_profile": "D-shape"}),
    ("knife-edge", {"band_profile": "knife-edge"}),
    ("sống dao", {"band_profile": "knife-edge"}),
    ("comfort fit", {"band_profile": "comfort fit"}),
    # Earring styles, chains, wrists, pearls in mm.
    ("bông tai tròn", {"jewelry_type": "earrings", "earring_style": "hoop"}),
    ("khoen tai bạc", {"jewelry_type": "earrings", "earring_style": "hoop", "metal": "silver"}),
    ("hoop earrings", {"jewelry_type": "earrings", "earring_style": "hoop"}),
    ("drop earrings", {"jewelry_type": "earrings", "earring_style": "drop"}),
    ("bông tai dài", {"jewelry_type": "earrings", "earring_style": "drop"}),
    ("dây chuyền dài 45 cm", {"jewelry_type": "necklace", "chain_length_mm": 450}),
    ("dây dài 50cm", {"chain_length_mm": 500}),
    ("an 18 inch chain", {"jewelry_type": "necklace", "chain_length_mm": 457}),
    ("a 600 mm necklace", {"jewelry_type": "necklace", "chain_length_mm": 600}),
    ("lắc tay cho cổ tay 15,5 cm", {"jewelry_type": "bracelet", "wrist_mm": 155.0}),
    ("wrist 170 mm", {"wrist_mm": 170.0}),
    ("ngọc trai 8 ly", {"gemstone": "pearl", "pearl_mm": 8.0}),
    ("7.5mm pearl studs",
     {"gemstone": "pearl", "jewelry_type": "earrings", "earring_style": "stud", "pearl_mm": 7.5}),
    ("cổ điển", {"style": "classic"}),
    ("hiện đại", {"style": "modern"}),
    ("art-deco", {"style": "art deco"}),
    ("floral", {"style": "floral"}),
    ("bóng", {"finish": "polished"}),
    ("mờ", {"finish": "matte"}),
    ("xước", {"finish": "brushed"}),
    ("hammered", {"finish": "hammered"}),
    ("viền hạt", {"finish": "milgrain"}),
    # Motifs become notes only when they are not a field.
    ("a lotus pendant", {"jewelry_type": "pendant", "style": "floral", "notes": "motif: lotus"}),
    ("mặt dây hoa sen", {"jewelry_type": "pendant", "style": "floral", "notes": "motif: lotus"}),
    ("a heart pendant with pavé",
     {"jewelry_type": "pendant", "accent_stones": "pavé shoulders", "notes": "motif: heart"}),
    ("hoa tai hoa văn", {"jewelry_type": "earrings"}),
    # Engraving keeps its case and is not read as properties.
    ('engraved "Forever"', {"engraving": "Forever"}),
    ('khắc chữ "Mãi mãi"', {"engraving": "Mãi mãi"}),
    ("engrave “Ruby & Minh” inside", {"engraving": "Ruby & Minh"}),
    ("no engraving", {"engraving": ""}),
    # Nothing to change.
    ("hello", {}),
    ("xin chào", {}),
    ("", {}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "changes"), EXACT_CHANGES)
def test_changes_are_exactly_what_the_text_says(text: str, changes: dict) -> None:
    assert parse_request(text).changes == changes


@pytest.mark.parametrize(("text", "changes"), EXACT_CHANGES)
def test_changes_are_valid_properties(text: str, changes: dict) -> None:
    merged = merge_properties(DesignProperties(), changes)
    assert {k: merged.to_dict()[k] for k in changes if k != "karat"} == {
        k: v for k, v in changes.items() if k != "karat"
    }


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("draw 3 designs of a ring", 3),
        ("2 options please", 2),
        ("vẽ vài mẫu nhẫn", 3),
        ("ba mẫu bông tai", 3),
        ("hai mẫu", 2),
        ("a few variations", 3),
        ("show me 2 more", 2),
        ("10 designs", 4),
        ("a ring", 1),
        ("draw 2 rings", 2),
        ("a 1 ct ring, size 7", 1),
    ],
)
def test_count(text: str, count: int) -> None:
    assert parse_request(text).count == count


def test_count_above_the_limit_is_capped_and_reported() -> None:
    request = parse_request("10 designs of a ring")
    assert request.count == 4 and Unclear.COUNT_CAPPED in request.unclear


def test_the_number_of_designs_still_names_the_piece() -> None:
    assert parse_request("2 rings in silver").changes == {"jewelry_type": "ring", "metal": "silver"}


@pytest.mark.parametrize(
    ("text", "image_type", "stated"),
    [
        ("a ring", "2d", False),
        ("show it in 3D", "3d", True),
        ("a 3d model of the pendant", "3d", True),
        ("mô hình 3D", "3d", True),
        ("xem 3 chiều", "3d", True),
        ("render it", "3d", True),
        ("a 2D sketch", "2d", True),
        ("3 designs", "2d", False),
    ],
)
def test_image_type(text: str, image_type: str, stated: bool) -> None:
    request = parse_request(text)
    assert (request.image_type, request.image_type_stated) == (image_type, stated)


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("a rose gold ring with a ruby", True),
        ("Draw me a pendant", True),
        ("make it platinum", True),
        ("thinner band", True),
        ("Can you design a pearl necklace?", True),
        ("How about platinum?", True),
        ("What would it look like in rose gold?", True),
        ("thử vàng hồng xem sao", True),
        ("vẽ lại", True),
        ("3D please", True),
        ("Vẽ cho tôi nhẫn kim cương", True),
        ("nhẫn hình ngôi sao", True),
        ("hello", False),
        ("xin chào", False),
        ("thanks!", False),
        ("What is milgrain?", False),
        ("Is platinum heavier than gold?", False),
        ("Which stone suits a vintage ring?", False),
        ("Nhẫn này làm bằng gì?", False),
        ("Kim cương 1 ct giá bao nhiêu?", False),
        ("I love it", False),
    ],
)
def test_design_request_versus_question_or_greeting(text: str, wants: bool) -> None:
    assert parse_request(text).wants_design is wants


def test_questions_greetings_and_thanks_are_recognised() -> None:
    assert parse_request("What is milgrain?").is_question
    assert parse_request("hello there").small_talk == "greeting"
    assert parse_request("Chào bạn").small_talk == "greeting"
    assert parse_request("cảm ơn nhé").small_talk == "thanks"
    assert parse_request("a ring").small_talk == ""


def test_redraw_is_a_request_without_changes() -> None:
    request = parse_request("draw it again")
    assert request.wants_design and request.redraw and request.changes == {}
    assert not parse_request("make it bigger").redraw


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("a rose gold ring", "en"),
        ("a pavé band", "en"),
        ("nhẫn vàng hồng", "vi"),
        ("Đổi sang bạch kim", "vi"),
        ("xin chao, cho toi mau nhan", "vi"),
        ("18k", None),
        ("3D", None),
    ],
)
def test_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language
    assert parse_request(text).language == (language or "en")


@pytest.mark.parametrize(
    ("text", "unclear"),
    [
        ("nhẫn ni 50", Unclear.VIETNAMESE_SIZE),
        ("size ni 2", Unclear.VIETNAMESE_SIZE),
        ("nhẫn ngọc bích", Unclear.JADE_OR_SAPPHIRE),
        ("size 30", Unclear.RING_SIZE),
        ("16k gold", Unclear.KARAT),
        ('engraved "' + "x" * 41 + '"', Unclear.ENGRAVING_TOO_LONG),
    ],
)
def test_what_is_deliberately_left_unchanged_is_reported(text: str, unclear: Unclear) -> None:
    request = parse_request(text)
    assert unclear in request.unclear
    assert not {"ring_size", "gemstone", "karat", "engraving"} & set(request.changes)


def test_unicode_is_normalised_before_reading() -> None:
    decomposed = unicodedata.normalize("NFD", "nhẫn vàng hồng")
    assert parse_request(decomposed).changes == {"jewelry_type": "ring", "metal": "rose gold"}
    assert parse_request("ROSE GOLD RING").changes == {"jewelry_type": "ring", "metal": "rose gold"}


def test_vietnamese_sizes_follow_the_chart_they_are_given(tmp_path: Path) -> None:
    chart = tmp_path / "workshop.csv"
    chart.write_text("vn_size,inner_circumference_mm\n10,49.6\n12,51.6\n", encoding="utf-8")
    sizes = load_vn_chart(chart)
    assert parse_request("ni 12", sizes).changes == {
        "ring_size": round((51.6 - 36.5367) / 2.5535, 2)
    }
    assert Unclear.VIETNAMESE_SIZE in parse_request("ni 14", sizes).unclear
