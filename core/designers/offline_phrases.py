"""What the offline designer says, in English and Vietnamese.

Data and wording only; `core.designers.offline` decides which phrase to use when. Property
values as a person reads them are in `core.wording`.
"""

from __future__ import annotations

from typing import Any

Texts = tuple[str, str]  # (English, Vietnamese)

# fmt: off
PHRASES: dict[str, Texts] = {
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
    "refs_1": ("I can see the reference image you attached, but as the offline designer I read "
               "only the text of your message, not pictures.",
               "Mình đã nhận ảnh tham khảo bạn gửi kèm, nhưng trình thiết kế ngoại tuyến chỉ đọc "
               "phần chữ trong tin nhắn, không xem được ảnh."),
    "refs_n": ("I can see the {n} reference images you attached, but as the offline designer I "
               "read only the text of your message, not pictures.",
               "Mình đã nhận {n} ảnh tham khảo bạn gửi kèm, nhưng trình thiết kế ngoại tuyến chỉ "
               "đọc phần chữ trong tin nhắn, không xem được ảnh."),
    "refs_describe": ("Describe what you like in them (the piece, metal, stones, style) and I'll "
                      "draw it.",
                      "Bạn mô tả giúp mình điều bạn thích trong ảnh (kiểu trang sức, kim loại, "
                      "đá, phong cách) để mình vẽ nhé."),
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
    "platinum": ("Platinum is dense (about 20.7 g/cm³ for Pt 950 against 15.53 for 18K yellow "
                 "gold), so the same piece weighs roughly a third more and feels substantial.",
                 "Bạch kim rất đặc (Pt 950 khoảng 20,7 g/cm³, so với 15,53 của vàng 18K), nên "
                 "cùng một mẫu sẽ nặng hơn khoảng một phần ba, đeo rất đằm tay."),
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
    "vietnamese_ring_size": ("I kept the ring size at US {size}: that Vietnamese size is off "
                             "the size chart I use, so please tell me the US size or the inner "
                             "diameter in mm.",
                             "Mình giữ cỡ nhẫn US {size} vì cỡ “ni” đó nằm ngoài bảng size mình "
                             "đang dùng — bạn cho mình cỡ US hoặc đường kính trong (mm) nhé."),
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
    "point": (".", ","),
    "up_to": ("up to {high} characters", "tối đa {high} ký tự"),
}
FIELD_NAMES: dict[str, Texts] = {
    "jewelry_type": ("the piece", "kiểu trang sức"), "metal": ("the metal", "kim loại"),
    "karat": ("the karat", "tuổi vàng"), "gemstone": ("the stone", "đá chính"),
    "gem_shape": ("the cut", "dáng đá"), "carat": ("the stone weight", "trọng lượng đá"),
    "ring_size": ("the ring size", "cỡ nhẫn"), "band_width_mm": ("the band width", "bản rộng"),
    "setting": ("the setting", "kiểu ổ"), "prong_count": ("the prongs", "số chấu"),
    "accent_stones": ("the side stones", "đá phụ"), "pearl_mm": ("the pearl", "ngọc trai"),
    "band_profile": ("the band profile", "dáng bản"),
    "chain_length_mm": ("the chain length", "độ dài dây"),
    "earring_style": ("the earring style", "kiểu bông tai"), "wrist_mm": ("the wrist", "cổ tay"),
    "style": ("the style", "phong cách"),
    "finish": ("the finish", "bề mặt"), "engraving": ("the engraving", "chữ khắc"),
    "notes": ("the notes", "ghi chú"),
}
BAND_KINDS = {"delicate": "thanh mảnh", "classic": "cổ điển", "bold": "bản to"}
# fmt: on


def say(key: str, lang: str, **values: Any) -> str:
    """A phrase in the user's language, filled in."""
    english, vietnamese = PHRASES[key]
    return (vietnamese if lang == "vi" else english).format(**values)
