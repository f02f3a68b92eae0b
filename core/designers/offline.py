"""The embedded offline designer: reads the request, draws through the tools, answers warmly.

No network and no model: `core.parser` reads English or Vietnamese into property
changes, the shared tool path draws and stores the designs, and the answer is
composed from the resulting properties with a craft remark and a next step.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator
from typing import Any

from core.designers.base import Designer, HistoryEntry, Status, TextDelta, Turn, TurnEvent
from core.parser import ParsedRequest, detect_language, parse_request
from core.properties import (
    GOLD_KARATS,
    MAX_COUNT,
    DesignProperties,
    PropertiesError,
    field_choices,
    merge_properties,
    parse_properties,
)

Texts = tuple[str, str]  # (English, Vietnamese)

# fmt: off
PHRASES: dict[str, Texts] = {
    "status_2d_1": ("Drawing your design…", "Đang vẽ mẫu của bạn…"),
    "status_3d_1": ("Rendering your design in 3D…", "Đang dựng mẫu 3D của bạn…"),
    "status_2d_n": ("Drawing {n} designs…", "Đang vẽ {n} mẫu…"),
    "status_3d_n": ("Rendering {n} 3D designs…", "Đang dựng {n} mẫu 3D…"),
    "changed": ("Done — I changed {changes} and kept everything else. It's now {a_desc}.",
                "Xong! Mình đã đổi {changes}, giữ nguyên các chi tiết khác. Giờ mẫu là {desc}."),
    "in_3d": ("Here it is in 3D: your {desc}.", "Đây là bản 3D của mẫu {desc}."),
    "again_1": ("Here is a fresh take on your {desc}.", "Đây là một phương án mới cho mẫu {desc}."),
    "again_n": ("Here are {n} new variations on your {desc}.",
                "Đây là {n} phương án mới cho mẫu {desc}."),
    "first_1a": ("Here's your design: {a_desc}.", "Mẫu của bạn đây: {desc}."),
    "first_1b": ("Here it is — {a_desc}.", "Đây là thiết kế {desc} của bạn."),
    "first_1c": ("Your design is ready: {a_desc}.", "Mình đã vẽ xong: {desc}."),
    "first_na": ("Here are {n} designs of {a_desc}.", "Đây là {n} mẫu {desc}."),
    "first_nb": ("{n} variations are ready — {a_desc}.", "Mình đã vẽ {n} phương án: {desc}."),
    "with_3d": ("The 3D model comes with it, so you can turn it around.",
                "Kèm theo là mô hình 3D để bạn xoay xem mọi góc."),
    "notes": ("I've kept “{notes}” in the design notes.",
              "Mình đã ghi “{notes}” vào ghi chú thiết kế."),
    "band_wide": ("One craft note: at {w} mm the band is wider than a third of the diamond's "
                  "≈{d} mm diameter; about {limit} mm or less keeps the stone the star.",
                  "Lưu ý nhỏ: bản {w} mm đang rộng hơn một phần ba đường kính viên kim cương "
                  "(≈{d} mm); khoảng {limit} mm trở xuống sẽ giúp viên đá nổi bật hơn."),
    "band_ok": ("The {w} mm band stays within a third of the diamond's ≈{d} mm diameter, so the "
                "stone keeps the focus — the usual proportion for a solitaire.",
                "Bản {w} mm không quá một phần ba đường kính viên kim cương (≈{d} mm), nên viên "
                "đá vẫn là tâm điểm — đúng tỉ lệ quen thuộc của nhẫn một đá."),
    "gold_24": ("24K gold is very soft: it scratches and bends easily and holds stones less "
                "securely, which is why set jewelry is usually made in 18K.",
                "Vàng 24K (vàng 9999) rất mềm, dễ trầy, dễ cong và giữ đá kém chắc, nên trang "
                "sức gắn đá thường làm bằng vàng 18K."),
    "platinum": ("Platinum is dense (about 20.1 g/cm³ for Pt 950 against 15.58 for 18K yellow "
                 "gold), so the same piece weighs roughly 30% more and feels substantial.",
                 "Bạch kim rất đặc (Pt 950 khoảng 20,1 g/cm³, so với 15,58 của vàng 18K), nên "
                 "cùng một mẫu sẽ nặng hơn khoảng 30%, đeo rất đằm tay."),
    "silver": ("Sterling silver is light (10.4 g/cm³) and kind to the budget; it can tarnish "
               "over time, but a polished surface is easy to refresh.",
               "Bạc 925 nhẹ (10,4 g/cm³) và dễ tiếp cận; bạc có thể xỉn màu theo thời gian, "
               "nhưng bề mặt bóng rất dễ đánh lại."),
    "milgrain_fit": ("Milgrain — the row of tiny beads along the edges — suits this look "
                     "perfectly.",
                     "Viền hạt (milgrain) — hàng hạt li ti chạy dọc mép — rất hợp với phong "
                     "cách này."),
    "milgrain_clash": ("Milgrain leans vintage; on a clean {style} line a plain polished edge "
                       "may read crisper — worth comparing.",
                       "Viền hạt mang hơi hướng cổ điển; với phong cách {style}, mép trơn bóng "
                       "có thể tinh tế hơn — bạn thử so sánh nhé."),
    "plain_band": ("At {w} mm this plain band reads {kind}: 2–3 mm is narrow, 4–5 mm classic, "
                   "6–8 mm wide.",
                   "Với bản {w} mm, nhẫn trơn này thuộc dáng {kind}: 2–3 mm là bản nhỏ, 4–5 mm "
                   "cổ điển, 6–8 mm bản to."),
    "halo": ("The halo of small stones frames the centre stone and makes it look larger.",
             "Vòng đá nhỏ của ổ halo ôm lấy viên chủ, giúp viên đá trông to hơn."),
    "shape_ratio": ("A {shape} stone is typically {ratio} times as long as it is wide.",
                    "Đá dáng {shape} thường dài gấp {ratio} lần chiều rộng."),
    "ring_size": ("US size {size} is about {inner} mm inside diameter.",
                  "Cỡ US {size} tương ứng đường kính trong khoảng {inner} mm."),
    "next_count": ("Want to compare? Ask for “3 options” and I'll draw them side by side.",
                   "Muốn so sánh? Bạn cứ xin “3 mẫu” để xem cạnh nhau."),
    "next_metal": ("Curious about another metal? Just say “make it {metal}”.",
                   "Muốn thử màu kim loại khác, bạn cứ nói “đổi sang {metal}”."),
    "next_3d": ("Say “3D” and I'll render it with a 3D model.",
                "Bạn nói “3D” là mình dựng mô hình 3D ngay."),
    "next_engraving": ("I can also engrave a short message inside the band (up to 40 characters).",
                       "Mình có thể khắc một dòng chữ bên trong nhẫn (tối đa 40 ký tự)."),
    "next_setting": ("A halo or bezel setting would give it a different character.",
                     "Thử ổ halo hoặc ổ viền sẽ mang lại một vẻ khác hẳn."),
    "vietnamese_ring_size": ("I kept the ring size at US {size}: Vietnamese “ni” sizes have no "
                             "standard chart I can rely on, so please tell me the US size or "
                             "the inner diameter in mm.",
                             "Mình giữ cỡ nhẫn US {size} vì cỡ “ni” chưa có bảng quy đổi chuẩn "
                             "để mình dựa vào — bạn cho mình cỡ US hoặc đường kính trong (mm) "
                             "nhé."),
    "jade_or_sapphire": ("“Ngọc bích” can mean jade or sapphire, so I kept the stone as {stone}. "
                         "Say “sapphire” for the blue stone (jade isn't one I can draw yet).",
                         "“Ngọc bích” có thể là cẩm thạch hoặc sapphire, nên mình tạm giữ đá là "
                         "{stone}. Nếu bạn muốn đá xanh dương, cứ nói “sapphire” (cẩm thạch "
                         "thì mình chưa vẽ được)."),
    "unknown_ring_size": ("I didn't recognise that ring size; I take US sizes {low}–{high} or "
                          "an EU size such as 54.",
                          "Mình chưa hiểu cỡ nhẫn đó; mình nhận cỡ US từ {low} đến {high} hoặc "
                          "cỡ EU như 54."),
    "unknown_karat": ("Gold comes in {karats} here, so I kept {karat}.",
              "Tuổi vàng chỉ có {karats}, nên mình giữ {karat}."),
    "engraving_too_long": ("The engraving is longer than 40 characters, so I left it out; could "
                           "you shorten it?",
                           "Dòng chữ khắc dài hơn 40 ký tự nên mình chưa đưa vào; bạn rút gọn "
                           "giúp mình nhé?"),
    "count_capped": ("I draw at most {max} designs at a time.",
                     "Mỗi lần mình vẽ tối đa {max} mẫu."),
    "relative_size": ("Tell me the exact size — e.g. “1.5 ct” or “7 ly” for the stone, “3 mm” "
                      "for the band — and I'll redraw it.",
                      "Bạn cho mình kích thước cụ thể nhé — ví dụ “1,5 ct” hoặc “7 ly” cho viên "
                      "đá, “3 mm” cho bản nhẫn — mình sẽ vẽ lại ngay."),
    "already": ("Your design already has that: {a_desc}. What would you like to change?",
                "Mẫu hiện tại đã như vậy rồi: {desc}. Bạn muốn đổi gì nhé?"),
    "bad_value": ("{label} {value} is not possible (allowed: {allowed})",
                  "{label} {value} chưa hợp lệ (cho phép: {allowed})"),
    "error": ("I couldn't draw that yet: {detail}. Give me a value in range and I'll draw it.",
              "Mình chưa vẽ được mẫu này: {detail}. Bạn cho mình giá trị hợp lệ là mình vẽ ngay."),
    "ask_piece": ("What shall we make — {pieces}? Tell me the metal and stone too, e.g. “an 18K "
                  "rose gold ring with a 1 ct oval diamond”.",
                  "Mình làm món nào nhé — {pieces}? Cho mình biết thêm kim loại và loại đá, ví "
                  "dụ “nhẫn vàng hồng 18K đính kim cương oval 1 ct”."),
    "ask_next": ("Shall I change something on your design, or start a new piece?",
                 "Bạn muốn mình chỉnh mẫu hiện tại hay làm một món mới?"),
    "unsure": ("I'm not sure what to change yet. Tell me, for example, the metal, stone, cut, "
               "carat, band width, setting, style, finish, ring size or an engraving.",
               "Mình chưa rõ bạn muốn đổi gì. Bạn có thể nói ví dụ kim loại, loại đá, dáng đá, "
               "carat, bản rộng, kiểu ổ, phong cách, bề mặt, cỡ nhẫn hoặc chữ khắc."),
    "which_piece": ("Happy to design it! Which piece should it be — {pieces}?",
                    "Mình rất sẵn lòng! Bạn muốn làm món nào — {pieces}?"),
    "noted": ("I've noted: {noted}.", "Mình đã ghi nhận: {noted}."),
    "no_fact": ("Good question! I'm at my best turning ideas into designs.",
                "Câu hỏi hay! Mình giỏi nhất là biến ý tưởng thành mẫu thiết kế."),
    "thanks": ("My pleasure!", "Rất vui được giúp bạn!"),
    "hello": ("Hello! I'm your jewelry designer.",
              "Xin chào! Mình là nhà thiết kế trang sức của bạn."),
    "hello_again": ("Glad you're here!", "Rất vui được tiếp tục cùng bạn!"),
    "pieces": ("a ring, necklace, pendant, earrings or a bracelet",
               "nhẫn, dây chuyền, mặt dây chuyền, bông tai hay lắc tay"),
    "change": ("{field} to {value}", "{field} sang {value}"),
    "and": (" and ", " và "),
    "no_stone": ("no stone", "không đính đá"),
    "point": (".", ","),
    "band": (", {w} mm band", ", bản {w} mm"),
    "engraved": (", engraved “{text}”", ", khắc chữ “{text}”"),
    "up_to": ("up to {high} characters", "tối đa {high} ký tự"),
}
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
    "style": {"classic": "cổ điển", "vintage": "vintage", "modern": "hiện đại",
              "minimalist": "tối giản", "floral": "hoa lá", "art deco": "art deco"},
    "finish": {"polished": "bóng", "matte": "mờ", "brushed": "xước", "hammered": "vân búa",
               "milgrain": "viền hạt (milgrain)"},
}
FIELD_NAMES: dict[str, Texts] = {
    "jewelry_type": ("the piece", "kiểu trang sức"), "metal": ("the metal", "kim loại"),
    "karat": ("the karat", "tuổi vàng"), "gemstone": ("the stone", "đá chính"),
    "gem_shape": ("the cut", "dáng đá"), "carat": ("the stone weight", "trọng lượng đá"),
    "ring_size": ("the ring size", "cỡ nhẫn"), "band_width_mm": ("the band width", "bản rộng"),
    "setting": ("the setting", "kiểu ổ"), "style": ("the style", "phong cách"),
    "finish": ("the finish", "bề mặt"), "engraving": ("the engraving", "chữ khắc"),
    "notes": ("the notes", "ghi chú"),
}
SHAPE_RATIOS = {"oval": "1.35–1.5", "cushion": "1.0–1.2", "emerald": "1.3–1.5",
                "pear": "1.5–1.75", "marquise": "1.75–2.25"}  # length ÷ width, jewelry.md
BAND_KINDS = {"delicate": "thanh mảnh", "classic": "cổ điển", "bold": "bản to"}
# fmt: on

Remark = tuple[str, dict[str, Any]]  # a PHRASES key and its values


def say(key: str, lang: str, **values: Any) -> str:
    """A phrase in the user's language, filled in."""
    english, vietnamese = PHRASES[key]
    return (vietnamese if lang == "vi" else english).format(**values)


def num(value: float, lang: str) -> str:
    """'0.5' in English, '0,5' in Vietnamese."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def value_text(name: str, value: Any, lang: str) -> str:
    """A property value as a person reads it ('1 ct', 'US 7', 'bạch kim')."""
    if name == "carat":
        return f"{num(value, lang)} ct"
    if name == "band_width_mm":
        return f"{num(value, lang)} mm"
    if name == "ring_size":
        return f"US {num(value, lang)}"
    if name == "karat":
        return f"{value}K" if value else "—"
    if name in {"engraving", "notes"}:
        return f"“{value}”" if value else "—"
    if value == "none":
        return PHRASES["no_stone"][lang == "vi"]
    return VI_VALUES.get(name, {}).get(str(value), str(value)) if lang == "vi" else str(value)


def describe(p: DesignProperties, lang: str) -> str:
    """The piece in one phrase, in the user's language."""
    text = p.summary()
    if lang == "vi":
        vi = {name: value_text(name, value, "vi") for name, value in p.to_dict().items()}
        karat = f" {p.karat}K" if p.karat else ""
        stone = (
            f"{vi['gemstone']} dáng {vi['gem_shape']} {vi['carat']}, {vi['setting']}"
            if p.gemstone.value != "none"
            else vi["gemstone"]
        )
        text = (
            f"{vi['jewelry_type']} {vi['metal']}{karat}, {stone}, phong cách {vi['style']}, "
            f"bề mặt {vi['finish']}"
        )
    if p.jewelry_type.value == "ring":
        text += say("band", lang, w=num(p.band_width_mm, lang))
    return text + (say("engraved", lang, text=p.engraving) if p.engraving else "")


def with_article(text: str) -> str:
    """'a vintage ring' / 'an art deco ring'."""
    return ("an " if text[:1] in "aeiou8" else "a ") + text


def _variant(p: DesignProperties, options: list[str], turn_index: int = 0) -> str:
    """A stable choice among phrasings: answers vary with the piece and turn, never at random."""
    return options[(zlib.crc32(p.summary().encode()) + turn_index) % len(options)]


# Craft remarks: each returns a phrase about the piece, or None --------------------------


def _band_remark(p: DesignProperties, lang: str) -> Remark | None:
    """A solitaire's band is usually no wider than about a third of the stone's diameter."""
    if p.jewelry_type.value != "ring" or p.gemstone.value != "diamond":
        return None
    diameter = 6.5 * p.carat ** (1 / 3)  # round brilliant, jewelry.md
    limit = diameter / 3
    values = {"w": num(p.band_width_mm, lang), "d": num(round(diameter, 1), lang)}
    if p.band_width_mm > limit + 0.05:
        return "band_wide", {**values, "limit": num(round(limit, 1), lang)}
    return "band_ok", values


def _metal_remark(p: DesignProperties, lang: str) -> Remark | None:
    if p.karat == 24:
        return "gold_24", {}
    return (p.metal.value, {}) if p.metal.value in {"platinum", "silver"} else None


def _finish_remark(p: DesignProperties, lang: str) -> Remark | None:
    if p.finish.value != "milgrain":
        return None
    if p.style.value in {"vintage", "art deco", "classic"}:
        return "milgrain_fit", {}
    return "milgrain_clash", {"style": value_text("style", p.style.value, lang)}


def _stone_remark(p: DesignProperties, lang: str) -> Remark | None:
    if p.gemstone.value == "none":
        if p.jewelry_type.value != "ring":
            return None
        w = p.band_width_mm
        kind = "delicate" if w < 4 else "bold" if w >= 6 else "classic"
        return "plain_band", {"w": num(w, lang), "kind": BAND_KINDS[kind] if lang == "vi" else kind}
    if p.setting.value == "halo":
        return "halo", {}
    ratio = SHAPE_RATIOS.get(p.gem_shape.value)
    if ratio and p.gemstone.value != "pearl":
        shape = value_text("gem_shape", p.gem_shape.value, lang)
        return "shape_ratio", {
            "shape": shape,
            "ratio": ratio.replace(".", PHRASES["point"][lang == "vi"]),
        }
    return None


def _size_remark(p: DesignProperties, lang: str) -> Remark | None:
    if p.jewelry_type.value != "ring":
        return None
    inner = 11.63 + 0.8128 * p.ring_size  # US size → inner diameter, jewelry.md
    return "ring_size", {"size": num(p.ring_size, lang), "inner": num(round(inner, 1), lang)}


REMARKS = (  # (rule, the fields it speaks about), most important first
    (_band_remark, {"band_width_mm", "carat", "gemstone", "jewelry_type"}),
    (_metal_remark, {"metal", "karat"}),
    (_finish_remark, {"finish", "style"}),
    (_stone_remark, {"gemstone", "setting", "gem_shape", "band_width_mm"}),
    (_size_remark, {"ring_size"}),
)


def craft_remark(p: DesignProperties, about: set[str], lang: str, strict: bool = False) -> str:
    """The most relevant craft note: one about the given fields, else (unless strict) the first."""
    found = [(remark, fields) for rule, fields in REMARKS if (remark := rule(p, lang))]
    relevant = [remark for remark, fields in found if fields & about]
    fallback = [] if strict else [remark for remark, _ in found]
    chosen = (relevant or fallback or [None])[0]
    return say(chosen[0], lang, **chosen[1]) if chosen else ""


def next_step(p: DesignProperties, view: str, turn_index: int, lang: str) -> str:
    """One suggestion of what to try next, varied by the piece."""
    keys = ["next_count", "next_metal"]
    keys += ["next_3d"] if view == "2d" else []
    keys += ["next_engraving"] if p.jewelry_type.value == "ring" and not p.engraving else []
    keys += ["next_setting"] if p.gemstone.value != "none" and p.setting.value == "prong" else []
    other = "white gold" if p.metal.value == "rose gold" else "rose gold"
    return say(_variant(p, keys, turn_index), lang, metal=value_text("metal", other, lang))


# Answers ----------------------------------------------------------------------------------


def _limits(name: str) -> tuple[Any, Any]:
    """(minimum, maximum) of a numeric field, or (None, maximum length) of a text field."""
    low = high = None
    for meta in DesignProperties.model_fields[name].metadata:
        low = getattr(meta, "ge", low)
        high = getattr(meta, "le", getattr(meta, "max_length", high))
    return low, high


def unclear_notes(request: ParsedRequest, p: DesignProperties, lang: str) -> list[str]:
    """Why some things the user said did not change the design."""
    low, high = _limits("ring_size")
    values = {
        "size": num(p.ring_size, lang),
        "stone": value_text("gemstone", p.gemstone.value, lang),
        "low": num(low, lang),
        "high": num(high, lang),
        "max": MAX_COUNT,
        "karat": value_text("karat", p.karat, lang),
        "karats": ", ".join(f"{k}K" for k in GOLD_KARATS),
    }
    return [say(item.value, lang, **values) for item in request.unclear]


def allowed_values(name: str, lang: str) -> str:
    """What a field accepts, in words."""
    choices = field_choices(name)
    if choices:
        return ", ".join(value_text(name, choice, lang) for choice in choices)
    if name == "karat":
        return ", ".join(f"{k}K" for k in GOLD_KARATS)
    low, high = _limits(name)
    if low is None:
        return say("up_to", lang, high=high)
    return f"{value_text(name, low, lang)} – {value_text(name, high, lang)}"


def error_reply(error: str, changes: dict[str, Any], base: DesignProperties, lang: str) -> str:
    """A tool error in plain words: which value was wrong and what is allowed."""
    problems = []
    for name, value in changes.items():
        try:
            merge_properties(base, {name: value})
        except PropertiesError:
            label = FIELD_NAMES.get(name, (name, name))[lang == "vi"]
            problems.append(
                say(
                    "bad_value",
                    lang,
                    label=label,
                    value=value_text(name, value, lang),
                    allowed=allowed_values(name, lang),
                )
            )
    detail = "; ".join(problems) or error
    return say("error", lang, detail=detail)


def _change_list(changed: dict[str, Any], lang: str) -> str:
    """'the metal to platinum and the band width to 2 mm'."""
    items = [
        say("change", lang, field=FIELD_NAMES[name][lang == "vi"], value=value_text(name, v, lang))
        for name, v in changed.items()
    ]
    return ", ".join(items[:-1]) + say("and", lang) + items[-1] if len(items) > 1 else items[0]


def opening(p: DesignProperties, changed: dict[str, Any], count: int, view: str,
            established: bool, lang: str) -> str:  # fmt: skip
    """The first sentence: what was drawn, and what changed."""
    desc = describe(p, lang)
    values = {"desc": desc, "a_desc": with_article(desc), "n": count}
    if established and changed:
        return say("changed", lang, changes=_change_list(changed, lang), **values)
    if established and view == "3d" and count == 1:
        return say("in_3d", lang, **values)
    if established:
        return say("again_1" if count == 1 else "again_n", lang, **values)
    keys = ["first_1a", "first_1b", "first_1c"] if count == 1 else ["first_na", "first_nb"]
    return say(_variant(p, keys), lang, **values)


def design_reply(p: DesignProperties, request: ParsedRequest, changed: dict[str, Any], view: str,
                 established: bool, turn_index: int, lang: str) -> str:  # fmt: skip
    """A designer's answer about finished designs: the piece, a craft note, what next."""
    parts = [opening(p, changed, request.count, view, established, lang)]
    parts += [say("with_3d", lang)] if view == "3d" else []
    parts.append(craft_remark(p, set(changed) or set(request.changes), lang))
    parts += [say("notes", lang, notes=p.notes)] if "notes" in changed and p.notes else []
    parts += unclear_notes(request, p, lang)
    return " ".join(part for part in parts if part) + "\n\n" + next_step(p, view, turn_index, lang)


def conversation_reply(request: ParsedRequest, changes: dict[str, Any], p: DesignProperties,
                       established: bool, lang: str) -> str:  # fmt: skip
    """An answer without drawing: a greeting, a short fact, or a question back."""
    pieces = say("pieces", lang)
    ask = say("ask_next", lang) if established else say("ask_piece", lang, pieces=pieces)
    if request.wants_design and established:
        desc = describe(p, lang)  # the notes below say what is unclear, if anything
        first = say("already", lang, desc=desc, a_desc=with_article(desc)) if changes else ""
        first = "" if request.unclear else first or say("unsure", lang)
        ask = ""
    elif request.wants_design:
        noted = ", ".join(_noted(name, value, lang) for name, value in changes.items())
        first, ask = say("which_piece", lang, pieces=pieces), say("noted", lang, noted=noted)
        ask = ask if noted else ""
    elif request.is_question:
        first = _question_answer(changes, p, lang)
    elif request.unclear:
        first = ""  # the notes below are the answer
    elif request.small_talk == "thanks":
        first = say("thanks", lang)
    else:
        first = say("hello_again" if established else "hello", lang)
    return " ".join(part for part in [first, *unclear_notes(request, p, lang), ask] if part)


def _noted(name: str, value: Any, lang: str) -> str:
    """'platinum', but 'band width 6 mm': bare numbers need their field."""
    text = value_text(name, value, lang)
    if name in {"band_width_mm", "engraving", "notes"}:
        return f"{FIELD_NAMES[name][lang == 'vi'].removeprefix('the ')} {text}"
    return text


def _question_answer(changes: dict[str, Any], p: DesignProperties, lang: str) -> str:
    """A short fact about what the question mentions, when there is one to give."""
    try:
        asked = merge_properties(p, changes)
    except PropertiesError:
        return say("no_fact", lang)
    fact = craft_remark(asked, set(changes), lang, strict=True) if changes else ""
    return fact or say("no_fact", lang)


# The designer ------------------------------------------------------------------------------


def last_design_view(history: list[HistoryEntry]) -> str | None:
    """The image type of the conversation's latest design, or None if nothing was drawn."""
    for entry in reversed(history):
        for call in reversed(entry.metadata.get("tool_calls") or []):
            images = (call.get("result") or {}).get("images") or []
            if images:
                return images[0].get("image_type", "2d")
        if entry.image_ids:
            return "2d"
    return None


def pending_changes(history: list[HistoryEntry]) -> dict[str, Any]:
    """Changes asked for since the latest design but not drawn yet (e.g. before 'which piece?')."""
    changes: dict[str, Any] = {}
    for entry in reversed(history):
        if last_design_view([entry]) is not None:
            break
        request = parse_request(entry.content) if entry.role == "user" else None
        if request and request.wants_design:
            changes = {**request.changes, **changes}  # walking backwards: later wins
    return changes


def reply_language(turn: Turn) -> str:
    """The language of this message, else of the user's latest message that has one."""
    for text in [turn.message] + [e.content for e in reversed(turn.history) if e.role == "user"]:
        if language := detect_language(text):
            return language
    return "en"


def will_draw(
    request: ParsedRequest, changes: dict[str, Any], current: DesignProperties, established: bool
) -> bool:
    """Draw only a clear request: a named piece, or a real change to a design that exists."""
    if not request.wants_design:
        return False
    if not established:
        return "jewelry_type" in changes
    now = current.to_dict()
    differs = any(now.get(name) != value for name, value in changes.items())
    return differs or request.redraw or request.count > 1 or request.image_type_stated


class OfflineDesigner(Designer):
    """Designs from English or Vietnamese requests without any network or model."""

    name = "offline"

    async def respond(self, turn: Turn) -> AsyncIterator[TurnEvent]:
        """Parse the message, draw through the shared tools when asked, and answer."""
        request, lang = parse_request(turn.message), reply_language(turn)
        last_view = last_design_view(turn.history)
        established = last_view is not None
        changes = {**pending_changes(turn.history), **request.changes}
        if not will_draw(request, changes, turn.properties, established):
            yield TextDelta(
                conversation_reply(request, changes, turn.properties, established, lang)
            )
            return
        view = request.image_type if request.image_type_stated else (last_view or "2d")
        count, base = request.count, turn.properties
        yield Status(say(f"status_{view}_{'1' if count == 1 else 'n'}", lang, n=count))
        args = {"properties": changes, "image_type": view, "count": count}
        result = await turn.tools.call("generate_jewelry_design", args)
        if "error" in result:
            yield TextDelta(error_reply(result["error"], changes, base, lang))
            return
        drawn = parse_properties(result["properties"])
        before, after = base.to_dict(), drawn.to_dict()
        changed = {k: after[k] for k in changes if k in after and after[k] != before.get(k)}
        turn_index = len(turn.history)  # varies the suggestion from one turn to the next
        yield TextDelta(design_reply(drawn, request, changed, view, established, turn_index, lang))
