"""Design properties as a person reads them, in English or Vietnamese.

Shared by the offline designer's answers and the studio's screens (form choices, captions,
the spec table), so a value has one wording in each language.
"""

from __future__ import annotations

from typing import Any

from core.properties import DesignProperties

# fmt: off
EN_VALUES: dict[str, dict[str, str]] = {"accent_stones": {"none": "no accent stones"}}
VI_VALUES: dict[str, dict[str, str]] = {
    "jewelry_type": {"ring": "nhẫn", "necklace": "dây chuyền", "pendant": "mặt dây chuyền",
                     "earrings": "bông tai", "bracelet": "lắc tay"},
    "metal": {"yellow gold": "vàng", "white gold": "vàng trắng", "rose gold": "vàng hồng",
              "platinum": "bạch kim", "silver": "bạc"},
    "gemstone": {"diamond": "kim cương", "ruby": "hồng ngọc", "sapphire": "sapphire",
                 "emerald": "ngọc lục bảo", "pearl": "ngọc trai", "amethyst": "thạch anh tím",
                 "topaz": "topaz", "none": "không đính đá"},
    "gem_shape": {"round": "tròn", "oval": "oval", "princess": "vuông (princess)",
                  "cushion": "cushion", "emerald": "emerald (chữ nhật)", "pear": "giọt nước",
                  "marquise": "marquise", "heart": "trái tim"},
    "setting": {"prong": "ổ chấu", "bezel": "ổ viền", "halo": "ổ halo", "pavé": "đính pavé",
                "channel": "ổ ray"},
    "accent_stones": {"none": "không đá phụ", "halo": "ổ halo", "pavé shoulders": "vai đính pavé",
                      "channel": "ổ ray", "three-stone": "ba viên đá"},
    "band_profile": {"court": "mặt cong (court)", "flat": "bản dẹt", "D-shape": "chữ D",
                     "knife-edge": "sống dao", "comfort fit": "lòng êm (comfort fit)"},
    "earring_style": {"stud": "nụ", "drop": "dáng dài", "hoop": "khoen tròn"},
    "style": {"classic": "cổ điển", "vintage": "vintage", "modern": "hiện đại",
              "minimalist": "tối giản", "floral": "hoa lá", "art deco": "art deco"},
    "finish": {"polished": "bóng", "matte": "mờ", "brushed": "xước", "hammered": "vân búa",
               "milgrain": "viền hạt (milgrain)"},
}
_WORDS: dict[str, tuple[str, str]] = {  # (English, Vietnamese)
    "no_stone": ("no stone", "không đính đá"),
    "band": (", {w} mm band", ", bản {w} mm"),
    "engraved": (", engraved “{text}”", ", khắc chữ “{text}”"),
}
# fmt: on


def _word(key: str, lang: str, **values: Any) -> str:
    english, vietnamese = _WORDS[key]
    return (vietnamese if lang == "vi" else english).format(**values)


def num(value: float, lang: str) -> str:
    """'0.5' in English, '0,5' in Vietnamese."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def value_text(name: str, value: Any, lang: str) -> str:
    """A property value as a person reads it ('1 ct', 'US 7', 'bạch kim')."""
    if name == "carat":
        return f"{num(value, lang)} ct"
    if name in {"band_width_mm", "pearl_mm", "chain_length_mm", "wrist_mm"}:
        return f"{num(value, lang)} mm"
    if name == "prong_count":
        return f"{value} chấu" if lang == "vi" else f"{value} prongs"
    if name == "ring_size":
        return f"US {num(value, lang)}"
    if name == "karat":
        return f"{value}K" if value else "—"
    if name in {"engraving", "notes"}:
        return f"“{value}”" if value else "—"
    if name == "gemstone" and value == "none":
        return _word("no_stone", lang)
    values = VI_VALUES if lang == "vi" else EN_VALUES
    return values.get(name, {}).get(str(value), str(value))


def describe(p: DesignProperties, lang: str) -> str:
    """The piece in one phrase, in the user's language."""
    text = p.summary()
    if lang == "vi":
        vi = {name: value_text(name, value, "vi") for name, value in p.to_dict().items()}
        karat = f" {p.karat}K" if p.karat else ""
        cut = (
            vi["pearl_mm"]
            if p.gemstone.value == "pearl"
            else f"dáng {vi['gem_shape']} {vi['carat']}"
        )
        accents = f", {vi['accent_stones']}" if p.accent_stones.value != "none" else ""
        stone = (
            f"{vi['gemstone']} {cut}, {vi['setting']}{accents}"
            if p.gemstone.value != "none"
            else vi["gemstone"]
        )
        text = (
            f"{vi['jewelry_type']} {vi['metal']}{karat}, {stone}, phong cách {vi['style']}, "
            f"bề mặt {vi['finish']}"
        )
    if p.jewelry_type.value == "ring":
        text += _word("band", lang, w=num(p.band_width_mm, lang))
    return text + (_word("engraved", lang, text=p.engraving) if p.engraving else "")


def with_article(text: str) -> str:
    """'a vintage ring' / 'an art deco ring'."""
    return ("an " if text[:1] in "aeiou8" else "a ") + text
