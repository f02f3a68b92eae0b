"""The words the request parser knows, in English and Vietnamese.

Data only: regex alternatives ("rings?|nhẫn") and the tables built on them.
`core.parser` compiles these and owns the rules that apply them.
"""

from __future__ import annotations

from typing import Any

# Terms and their property changes ---------------------------------------------------

STONE_WORDS = (
    r"diamonds?|rub(?:y|ies)|sapphires?|emeralds?|pearls?|amethysts?|topaz|stones?|gems?|"
    r"kim cương|đá|hồng ngọc|lam ngọc|ngọc lục bảo|ngọc trai|thạch anh tím|viên"
)
# Markers for terms the parser resolves from context; they never become properties.
HEART, JADE, MOTIF, WEAK_TYPE = "_heart", "_jade_or_sapphire", "_motif", "_weak_type"
_YELLOW = {"metal": "yellow gold"}

# (alternatives, changes). Overlaps resolve to the longest match, so "vàng trắng"
# beats "vàng", "emerald cut" beats "emerald" and "mặt dây chuyền" beats "dây chuyền".
# fmt: off
TERM_TABLE: tuple[tuple[str, dict[str, Any]], ...] = (
    (r"rings?|engagement rings?|wedding (?:bands?|rings?)|eternity bands?|"
     r"nhẫn(?: cưới| đính hôn| cầu hôn)?", {"jewelry_type": "ring"}),
    (r"necklaces?|chokers?|dây chuyền|dây cổ|vòng cổ|kiềng", {"jewelry_type": "necklace"}),
    (r"chains?", {WEAK_TYPE: "necklace"}),  # "a bracelet on a thin chain" stays a bracelet
    (r"pendants?|pendant necklaces?|mặt dây(?: chuyền)?", {"jewelry_type": "pendant"}),
    (r"earrings?|ear rings?|bông tai|hoa tai|khuyên tai", {"jewelry_type": "earrings"}),
    (r"studs?(?: earrings?)?|(?:bông|hoa) tai nụ|nụ tai",
     {"jewelry_type": "earrings", "earring_style": "stud"}),
    (r"drop earrings?|drops|dangle(?: earrings?|s)?|dangling(?: earrings?)?|"
     r"(?:bông|hoa) tai (?:dài|rủ|giọt|treo)|tòn ten",
     {"jewelry_type": "earrings", "earring_style": "drop"}),
    (r"hoops?(?: earrings?)?|huggies?|(?:bông|hoa|khuyên) tai (?:tròn|khoen)|khoen(?: tai)?",
     {"jewelry_type": "earrings", "earring_style": "hoop"}),
    (r"bracelets?|bangles?|cuffs?|lắc tay|vòng tay|vòng đeo tay", {"jewelry_type": "bracelet"}),
    (r"rose gold|pink gold|red gold|vàng hồng", {"metal": "rose gold"}),
    (r"white gold|vàng trắng", {"metal": "white gold"}),
    (r"yellow gold|gold|golden|vàng(?: vàng)?", _YELLOW),
    (r"vàng ta|vàng 9999|vàng nguyên chất|pure gold", {**_YELLOW, "karat": 24}),
    # "vàng tây" is 10K-18K alloy gold, read as 18K (docs/reference.md, Metals).
    (r"vàng tây", {**_YELLOW, "karat": 18}),
    (r"platinum|bạch kim|pt ?950", {"metal": "platinum"}),
    (r"silver|sterling(?: silver)?|bạc(?: 925| ý)?|925 silver", {"metal": "silver"}),
    (r"diamonds?|kim cương", {"gemstone": "diamond"}),
    (r"rub(?:y|ies)|hồng ngọc", {"gemstone": "ruby"}),
    (r"sapphires?|lam ngọc", {"gemstone": "sapphire"}),
    (r"ngọc bích", {JADE: True}),
    (r"emeralds?|ngọc lục bảo", {"gemstone": "emerald"}),
    (r"pearls?|ngọc trai", {"gemstone": "pearl"}),
    (r"amethysts?|thạch anh tím", {"gemstone": "amethyst"}),
    (r"topaz(?:es)?|hoàng ngọc", {"gemstone": "topaz"}),
    (r"no (?:stones?|gems?|gemstones?|diamonds?)|without (?:a |any )?(?:stones?|gems?|diamonds?)"
     r"|stoneless|plain(?: band| metal)?|trơn|bỏ đá|không (?:có |gắn |đính |cần |dùng )?đá",
     {"gemstone": "none"}),
    (r"round(?: brilliant)?(?: cut)?|brilliant cut|tròn", {"gem_shape": "round"}),
    (r"ovals?(?: cut)?|bầu dục", {"gem_shape": "oval"}),
    (r"princess(?: cut)?|square(?: cut)?|vuông", {"gem_shape": "princess"}),
    (r"cushion(?: cut)?", {"gem_shape": "cushion"}),
    (r"emerald (?:cut|shape|shaped)|(?:giác|dáng|kiểu|cắt) emerald|rectangular|chữ nhật",
     {"gem_shape": "emerald"}),
    (r"pear(?: shaped?| cut)?|tear ?drop|giọt nước|giọt lệ", {"gem_shape": "pear"}),
    (r"marquise(?: cut)?|navette", {"gem_shape": "marquise"}),
    (r"heart(?: shaped?| cut)?|trái tim|hình tim", {HEART: True}),
    (r"prongs?(?: set| setting)?|claws?|(?:ổ )?chấu", {"setting": "prong"}),
    (r"(?:4|four|bốn) (?:prongs?|claws?|chấu)(?: set| setting)?|(?:ổ )?(?:4|bốn) chấu",
     {"setting": "prong", "prong_count": 4}),
    (r"(?:6|six|sáu) (?:prongs?|claws?|chấu)(?: set| setting)?|(?:ổ )?(?:6|sáu) chấu",
     {"setting": "prong", "prong_count": 6}),
    (r"bezel(?: set| setting)?|(?:ổ |bọc )?viền", {"setting": "bezel"}),
    # Side stones were settings once; they are accent_stones now (see core.properties).
    (r"(?:ổ )?halo|vòng hào quang", {"accent_stones": "halo"}),
    (r"pavé|pave|micro ?pav[ée]|(?:pavé |pave )?shoulders|đính đá(?: tấm)?|đá tấm|nạm đá|"
     r"vai (?:nhẫn )?đính đá", {"accent_stones": "pavé shoulders"}),
    (r"channel(?: set| setting)?|(?:ổ )?ray", {"accent_stones": "channel"}),
    (r"three ?stones?|trilogy|trinity|(?:3|ba) (?:viên )?đá|ba viên",
     {"accent_stones": "three-stone"}),
    (r"solitaire|no (?:side|accent) stones|(?:ổ )?đá đơn|một viên đá", {"accent_stones": "none"}),
    (r"court(?: shape| profile| band)?|domed?(?: band)?|mặt cong", {"band_profile": "court"}),
    (r"flat (?:band|profile|top|court)|bản (?:dẹt|phẳng)|dẹt|mặt phẳng", {"band_profile": "flat"}),
    (r"d ?shaped?(?: band| profile)?|half ?round|bán nguyệt|chữ d", {"band_profile": "D-shape"}),
    (r"knife ?edged?(?: band| profile)?|sống dao|lưỡi dao|cạnh dao",
     {"band_profile": "knife-edge"}),
    (r"comfort ?fit|comfort band|đeo êm|lòng (?:cong|tròn|êm)", {"band_profile": "comfort fit"}),
    (r"classic|timeless|cổ điển|truyền thống", {"style": "classic"}),
    (r"vintage|antique|retro|victorian|edwardian|hoài cổ", {"style": "vintage"}),
    (r"modern|contemporary|sleek|hiện đại", {"style": "modern"}),
    (r"minimalist|minimalistic|minimal|simple|tối giản|đơn giản", {"style": "minimalist"}),
    (r"floral|flowers?|hoa|bông hoa|hoa lá", {"style": "floral"}),
    (r"art deco|deco", {"style": "art deco"}),
    (r"lotus|hoa sen", {"style": "floral", MOTIF: "lotus"}),
    (r"hoa văn", {}),  # "ornament", not a flower
    (r"polished|high polish|shiny|glossy|mirror|bóng|đánh bóng|sáng bóng", {"finish": "polished"}),
    (r"matte?|frosted|mờ|nhám", {"finish": "matte"}),
    (r"brushed|satin|xước|chải xước", {"finish": "brushed"}),
    (r"hammered|vân búa|dập búa", {"finish": "hammered"}),
    (r"milgrain|mill grain|beaded edges?|viền hạt", {"finish": "milgrain"}),
    (r"infinity|vô cực", {MOTIF: "infinity"}),
    (r"leaf|leaves|chiếc lá", {MOTIF: "leaf"}),
    (r"butterfly|butterflies|bướm", {MOTIF: "butterfly"}),
    (r"stars?|ngôi sao", {MOTIF: "star"}),  # "sao" alone is "why"
    (r"crescent|moon|trăng khuyết|mặt trăng", {MOTIF: "moon"}),
    (r"dragon|rồng", {MOTIF: "dragon"}),
    (r"phoenix|phượng(?: hoàng)?", {MOTIF: "phoenix"}),
    (r"thin(?:ner)?|slim(?:mer)?|narrow(?:er)?|delicate|mỏng|mảnh|bản nhỏ|nhỏ bản",
     {"band_width_mm": 2.0}),
    (r"thick(?:er)?|wide|wider|chunky|dày|bản to|to bản|bản lớn", {"band_width_mm": 4.0}),
)
# fmt: on

NEGATIONS = (  # a term right after one of these is not asked for: "not gold", "thay vì bạc"
    r"instead of|rather than|not(?: too| so| very)?|no longer|than|(?<!made )from|"
    r"thay vì|thay cho|(?<!làm )từ|không phải|bỏ|hơn"
)
BLUE = r"blue|xanh (?:dương|lam|nước biển|biển)"  # makes "ngọc bích" a sapphire

# Numbers ----------------------------------------------------------------------------

# fmt: off
EN_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a couple of": 2,
            "couple of": 2, "a few": 3, "few": 3, "several": 3, "some": 3}
VI_COUNT = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "vài": 3,
            "một vài": 3, "mấy": 3}
# fmt: on
COUNT_WORDS = {**EN_COUNT, **VI_COUNT}
COUNT_NOUNS = (
    r"designs?|options?|variations?|versions?|variants?|ideas?|concepts?|sketches|alternatives?|"
    r"choices|looks|rings|necklaces|pendants|bracelets|mẫu|phương án|kiểu|thiết kế|lựa chọn|"
    r"bản vẽ|phiên bản|chiếc|cái"
)
FINENESS_KARAT = {"9999": 24, "999": 24, "916": 22, "750": 18, "585": 14, "417": 10}

# Engraving, view, intent, language ----------------------------------------------------

ENGRAVING_WORDS = r"engrav\w*|inscri\w*|personali[sz]ed|khắc"
NO_ENGRAVING = (
    r"no engraving|without (?:an |the )?engraving|remove the engraving|"
    r"không khắc(?: chữ)?|bỏ (?:chữ khắc|khắc chữ)"
)
THREE_D = r"3 ?d|three d|three dimensional|render(?:ed|ing)?|mô hình|3 chiều|ba chiều|dựng hình"
FLAT = r"2 ?d|flat(?! (?:band|profile|top|court))|sketch|phác thảo"
VERBS = (
    r"draw|design|sketch|create|make|show|render|generate|want|need|looking for|i'?d like|"
    r"would like|give me|try|change|switch|swap|turn|convert|update|redo|again|another|"
    r"how about|what about|let'?s|see|view|do (?:it|one|this|that)|go (?:with|for)|prefer|use|"
    r"vẽ|thiết kế|tạo|làm|xem|đổi|thay|chuyển|muốn|cần|thử|phác thảo|dựng|lấy|chọn|thêm|lại|nữa"
)
SUGGESTIONS = (
    r"how about|what about|xem sao|thử xem|what would .{0,60} look like|"
    r"trông (?:sẽ )?(?:như thế nào|ra sao)"
)
QUESTION_WORDS = (
    r"what|why|how|which|when|where|who|difference|explain|tell me|is it true|"
    r"gì|sao|tại sao|bao nhiêu|thế nào|nào|khác nhau|giải thích|có nên|nên chọn|có phải"
)
QUESTION_STARTS = r"is|are|do|does|did|should|can|could|would|will|có"
GREETINGS = r"hi|hello|hey|hiya|good (?:morning|afternoon|evening)|greetings|xin chào|chào|alo"
RELATIVE_SIZES = r"bigger|larger|smaller|to hơn|lớn hơn|nhỏ hơn|bé hơn"
REDRAW = r"again|another(?: one)?|redo|redraw|new take|one more|lại|nữa|mẫu khác|mẫu mới"
THANKS = r"thanks?|thank you|cảm ơn|cám ơn"
VI_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
LOANWORDS = {"pavé", "café", "fiancé", "fiancée", "résumé", "rosé", "née", "déco", "à", "crème"}
VI_PLAIN_WORDS = r"xin chao|chao ban|nhan|khong|duoc|giup|cho toi|mau nhan|vang trang"  # no accents
