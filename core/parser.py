"""Reads a designer's request, in English or Vietnamese, into property changes and intent.

Pure text work, no I/O. Only what the text says becomes a change, so "make it
platinum" yields {"metal": "platinum"} and the conversation keeps the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from core.properties import GOLD_KARATS, MAX_COUNT


class Unclear(StrEnum):
    """Things a request mentioned that the parser deliberately did not turn into changes."""

    VIETNAMESE_SIZE = "vietnamese_ring_size"  # "ni 12": no verified chart
    JADE_OR_SAPPHIRE = "jade_or_sapphire"  # "ngọc bích" without a colour
    RING_SIZE = "unknown_ring_size"  # a size outside US 3-15 and EU 40-76
    KARAT = "unknown_karat"  # e.g. "16k"
    ENGRAVING_TOO_LONG = "engraving_too_long"
    COUNT_CAPPED = "count_capped"
    RELATIVE_SIZE = "relative_size"  # "bigger", "to hơn": needs a number


@dataclass(frozen=True)
class ParsedRequest:
    """What a message asks for: property changes plus how to draw them."""

    changes: dict[str, Any] = field(default_factory=dict)
    image_type: str = "2d"
    image_type_stated: bool = False
    count: int = 1
    wants_design: bool = False
    redraw: bool = False  # "again", "another one", "vẽ lại": a new take with nothing changed
    language: str = "en"
    is_question: bool = False
    small_talk: str = ""  # "greeting" | "thanks" | ""
    unclear: tuple[Unclear, ...] = ()


def _rx(alternatives: str) -> re.Pattern[str]:
    """A pattern that matches whole words only (Vietnamese letters count as word characters)."""
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_STONE_WORDS = (
    r"diamonds?|rub(?:y|ies)|sapphires?|emeralds?|pearls?|amethysts?|topaz|stones?|gems?|"
    r"kim cương|đá|hồng ngọc|lam ngọc|ngọc lục bảo|ngọc trai|thạch anh tím|viên"
)
_HEART, _JADE, _MOTIF, _WEAK_TYPE = "_heart", "_jade_or_sapphire", "_motif", "_weak_type"
_YELLOW = {"metal": "yellow gold"}

# (alternatives, changes). Overlaps resolve to the longest match, so "vàng trắng"
# beats "vàng", "emerald cut" beats "emerald" and "mặt dây chuyền" beats "dây chuyền".
# fmt: off
_TERM_TABLE: tuple[tuple[str, dict[str, Any]], ...] = (
    (r"rings?|engagement rings?|wedding (?:bands?|rings?)|eternity bands?|"
     r"nhẫn(?: cưới| đính hôn| cầu hôn)?", {"jewelry_type": "ring"}),
    (r"necklaces?|chokers?|dây chuyền|dây cổ|vòng cổ|kiềng", {"jewelry_type": "necklace"}),
    (r"chains?", {_WEAK_TYPE: "necklace"}),  # "a bracelet on a thin chain" stays a bracelet
    (r"pendants?|pendant necklaces?|mặt dây(?: chuyền)?", {"jewelry_type": "pendant"}),
    (r"earrings?|ear rings?|studs?|hoops?|bông tai|hoa tai|khuyên tai",
     {"jewelry_type": "earrings"}),
    (r"bracelets?|bangles?|cuffs?|lắc tay|vòng tay|vòng đeo tay", {"jewelry_type": "bracelet"}),
    (r"rose gold|pink gold|red gold|vàng hồng", {"metal": "rose gold"}),
    (r"white gold|vàng trắng", {"metal": "white gold"}),
    (r"yellow gold|gold|golden|vàng(?: vàng)?", _YELLOW),
    (r"vàng ta|vàng 9999|vàng nguyên chất|pure gold", {**_YELLOW, "karat": 24}),
    # "vàng tây" is 10K-18K alloy gold (jewelry.md); 18K is the usual jewellery grade.
    (r"vàng tây", {**_YELLOW, "karat": 18}),
    (r"platinum|bạch kim|pt ?950", {"metal": "platinum"}),
    (r"silver|sterling(?: silver)?|bạc(?: 925| ý)?|925 silver", {"metal": "silver"}),
    (r"diamonds?|kim cương", {"gemstone": "diamond"}),
    (r"rub(?:y|ies)|hồng ngọc", {"gemstone": "ruby"}),
    (r"sapphires?|lam ngọc", {"gemstone": "sapphire"}),
    (r"ngọc bích", {_JADE: True}),
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
    (r"heart(?: shaped?| cut)?|trái tim|hình tim", {_HEART: True}),
    (r"prongs?(?: set| setting)?|claws?|(?:ổ )?chấu|(?:4|6|bốn|sáu) chấu", {"setting": "prong"}),
    (r"bezel(?: set| setting)?|(?:ổ |bọc )?viền", {"setting": "bezel"}),
    (r"(?:ổ )?halo|vòng hào quang", {"setting": "halo"}),
    (r"pavé|pave|micro ?pav[ée]|đính đá(?: tấm)?|đá tấm|nạm đá", {"setting": "pavé"}),
    (r"channel(?: set| setting)?|(?:ổ )?ray", {"setting": "channel"}),
    (r"classic|timeless|cổ điển|truyền thống", {"style": "classic"}),
    (r"vintage|antique|retro|victorian|edwardian|hoài cổ", {"style": "vintage"}),
    (r"modern|contemporary|sleek|hiện đại", {"style": "modern"}),
    (r"minimalist|minimalistic|minimal|simple|tối giản|đơn giản", {"style": "minimalist"}),
    (r"floral|flowers?|hoa|bông hoa|hoa lá", {"style": "floral"}),
    (r"art deco|deco", {"style": "art deco"}),
    (r"lotus|hoa sen", {"style": "floral", _MOTIF: "lotus"}),
    (r"hoa văn", {}),  # "ornament", not a flower
    (r"polished|high polish|shiny|glossy|mirror|bóng|đánh bóng|sáng bóng", {"finish": "polished"}),
    (r"matte?|frosted|mờ|nhám", {"finish": "matte"}),
    (r"brushed|satin|xước|chải xước", {"finish": "brushed"}),
    (r"hammered|vân búa|dập búa", {"finish": "hammered"}),
    (r"milgrain|mill grain|beaded edges?|viền hạt", {"finish": "milgrain"}),
    (r"infinity|vô cực", {_MOTIF: "infinity"}),
    (r"leaf|leaves|chiếc lá", {_MOTIF: "leaf"}),
    (r"butterfly|butterflies|bướm", {_MOTIF: "butterfly"}),
    (r"stars?|ngôi sao", {_MOTIF: "star"}),  # "sao" alone is "why"
    (r"crescent|moon|trăng khuyết|mặt trăng", {_MOTIF: "moon"}),
    (r"dragon|rồng", {_MOTIF: "dragon"}),
    (r"phoenix|phượng(?: hoàng)?", {_MOTIF: "phoenix"}),
    (r"thin(?:ner)?|slim(?:mer)?|narrow(?:er)?|delicate|mỏng|mảnh|bản nhỏ|nhỏ bản",
     {"band_width_mm": 2.0}),
    (r"thick(?:er)?|wide|wider|chunky|dày|bản to|to bản|bản lớn", {"band_width_mm": 4.0}),
)
# fmt: on
_TERMS = tuple((_rx(alts), changes) for alts, changes in _TERM_TABLE)

_NEGATED = re.compile(
    r"(?:instead of|rather than|not(?: too| so| very)?|no longer|than|(?<!made )from|"
    r"thay vì|thay cho|(?<!làm )từ|không phải|bỏ|hơn)\s*$"
)
_STONE_NEAR_BEFORE = re.compile(rf"(?:{_STONE_WORDS})\s+(?:hình |giác |dáng |cắt )?$")
_STONE_NEAR_AFTER = re.compile(rf"^\s+(?:{_STONE_WORDS})(?!\w)")
_BLUE = _rx(r"blue|xanh (?:dương|lam|nước biển|biển)")


def _find_terms(text: str) -> list[tuple[int, int, dict[str, Any]]]:
    """Every vocabulary term in the text, overlaps resolved to the longest, in text order."""
    found = [
        (m.start(), m.end(), order, changes)
        for order, (pattern, changes) in enumerate(_TERMS)
        for m in pattern.finditer(text)
    ]
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
    taken: list[tuple[int, int, dict[str, Any]]] = []
    for start, end, _, changes in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, changes))
    return sorted(taken, key=lambda t: t[0])


def _term_changes(text: str) -> tuple[dict[str, Any], list[Unclear]]:
    """Property changes named by words; a later mention wins, negated ones ("not gold") don't."""
    changes: dict[str, Any] = {}
    motifs: list[str] = []
    unclear: list[Unclear] = []
    weak_type = None
    for start, end, term in _find_terms(text):
        if _NEGATED.search(text[max(0, start - 24) : start]):
            continue
        if _HEART in term:
            near_stone = _STONE_NEAR_BEFORE.search(text[:start]) or _STONE_NEAR_AFTER.match(
                text[end:]
            )
            cut_word = text[start:end].endswith(("cut", "shaped", "shape"))
            term = {"gem_shape": "heart"} if near_stone or cut_word else {_MOTIF: "heart"}
        if _JADE in term:
            if not _BLUE.search(text):
                unclear.append(Unclear.JADE_OR_SAPPHIRE)
                continue
            term = {"gemstone": "sapphire"}
        if _MOTIF in term and term[_MOTIF] not in motifs:
            motifs.append(term[_MOTIF])
        weak_type = term.get(_WEAK_TYPE, weak_type)
        changes.update({k: v for k, v in term.items() if not k.startswith("_")})
    if weak_type and "jewelry_type" not in changes:
        changes["jewelry_type"] = weak_type
    if motifs:
        changes["notes"] = f"motif: {', '.join(motifs)}"
    return changes, unclear


# Numbers -------------------------------------------------------------------------

_NUM = r"(\d+(?:[.,]\d+)?)"
_MM = r"\s*(?:mm|ly|li)(?!\w)"
# fmt: off
_EN_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a couple of": 2,
             "couple of": 2, "a few": 3, "few": 3, "several": 3, "some": 3}
_VI_COUNT = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "vài": 3,
             "một vài": 3, "mấy": 3}
# fmt: on
_COUNT_WORDS = {**_EN_COUNT, **_VI_COUNT}
_COUNT_NOUNS = (
    r"designs?|options?|variations?|versions?|variants?|ideas?|concepts?|sketches|alternatives?|"
    r"choices|looks|rings|necklaces|pendants|bracelets|mẫu|phương án|kiểu|thiết kế|lựa chọn|"
    r"bản vẽ|phiên bản|chiếc|cái"
)
_COUNT = re.compile(
    rf"(?<!\w)(\d+|{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))})\s+"
    rf"(?:(?:more|other|different|new|alternative|thêm)\s+)?(?:{_COUNT_NOUNS})(?!\w)"
)
_COUNT_MORE = re.compile(r"(?<!\w)(\d+) more(?!\w)|(?<!\w)(?:more|other) (?:designs|options|ideas)")
_KARAT = re.compile(
    r"(?<![\w.,])(\d{1,2}) ?(?:(?:k|kt|karats?|kara)(?!\w)|(?:carat|ct)(?= (?:gold|vàng)))"
)
_FINENESS = re.compile(r"(?<!\w)(9999|999|916|750|585|417)(?!\w)")
_FINENESS_KARAT = {"9999": 24, "999": 24, "916": 22, "750": 18, "585": 14, "417": 10}
_CARAT = re.compile(rf"(?<![\w.,]){_NUM}\s*(?:ct|cts|carats?|cara|carát)(?!\w)")
_HALF_CARAT = re.compile(r"(?<!\w)(?:half (?:a )?carat|nửa carat)(?!\w)")
_SIZE_MM = rf"({_NUM}{_MM})"  # only this part is consumed: "wedding band 6mm" is still a ring
_BAND = re.compile(
    rf"(?<!\w)(?:band width|band|bản rộng|bản|shank|đai|width)(?: of| là)?\s*{_SIZE_MM}"
    rf"|(?<![\w.,]){_SIZE_MM}(?:\s+wide)?\s+(?:band|bản|shank)(?!\w)"
    rf"|(?<![\w.,]){_SIZE_MM}\s+wide(?!\w)"
)
_STONE_MM = re.compile(rf"(?<![\w.,]){_NUM}{_MM}")
_NI_SIZE = re.compile(rf"(?<!\w)(?:size |cỡ )?ni\s*{_NUM}")
_RING_DIAMETER = re.compile(
    rf"(?<!\w)(inner diameter|internal diameter|đường kính (?:trong|lòng)|circumference|chu vi)"
    rf"(?: of)?\s*{_NUM}\s*(?:mm|ly)?"
)
_SIZE = re.compile(
    rf"(?<!\w)(?:ring size|us size|size us|size|sz|cỡ nhẫn|cỡ|us)\s*(?:us\s*)?{_NUM}"
    rf"(?!\s*(?:mm|ly|li|ct|carat)(?!\w))( ?eu)?"
)
_EU_SIZE = re.compile(rf"(?<!\w)(?:eu|iso)(?: size)?\s*{_NUM}")


def _number(text: str) -> float:
    """'0,5' (Vietnamese decimal comma) and '0.5' are the same number."""
    return float(text.replace(",", "."))


def _blank(text: str, match: re.Match[str], group: int = 0) -> str:
    """Remove a consumed match, keeping positions, so later rules don't read it again."""
    start, end = match.span(group)
    return text[:start] + " " * (end - start) + text[end:]


def _us_from_inner_diameter(mm: float) -> float:
    """US size from inner diameter (ID ≈ 11.63 + 0.8128 × US), to the nearest half size."""
    return round((mm - 11.63) / 0.8128 * 2) / 2


def _us_from_eu(eu: float) -> float:
    """US size from an ISO 8653 (EU) size, which is the inner circumference in mm."""
    return _us_from_inner_diameter(eu / 3.14159)


def _read_count(text: str) -> tuple[str, int | None]:
    count = None
    for pattern in (_COUNT, _COUNT_MORE):
        for match in pattern.finditer(text):
            word = match.group(1)
            if word is None:  # "more options"
                count = 3
                continue
            count = int(_COUNT_WORDS.get(word) or word)
            text = _blank(text, match, 1)  # only the number: "2 rings" still names the piece
    return text, count


def _read_ring_size(text: str, changes: dict[str, Any], unclear: list[Unclear]) -> str:
    for match in _NI_SIZE.finditer(text):
        unclear.append(Unclear.VIETNAMESE_SIZE)
        text = _blank(text, match)
    for match in _RING_DIAMETER.finditer(text):
        value = _number(match.group(2))
        is_circumference = match.group(1) in {"circumference", "chu vi"}
        changes["ring_size"] = (
            _us_from_eu(value) if is_circumference else (_us_from_inner_diameter(value))
        )
        text = _blank(text, match)
    for pattern in (_EU_SIZE, _SIZE):
        for match in pattern.finditer(text):
            value = _number(match.group(1))
            eu = pattern is _EU_SIZE or bool(match.group(2))
            if not eu and 3 <= value <= 15:
                changes["ring_size"] = value
            elif 40 <= value <= 76:
                changes["ring_size"] = _us_from_eu(value)
            else:
                unclear.append(Unclear.RING_SIZE)
            text = _blank(text, match)
    return text


def _read_karat(text: str, changes: dict[str, Any], unclear: list[Unclear]) -> str:
    for match in _KARAT.finditer(text):
        value = int(match.group(1))
        if value in GOLD_KARATS:
            changes["karat"] = value
        elif 8 <= value <= 24:
            unclear.append(Unclear.KARAT)
        text = _blank(text, match)
    if re.search(r"vàng|gold", text):
        for match in _FINENESS.finditer(text):
            changes["karat"] = _FINENESS_KARAT[match.group(1)]
            text = _blank(text, match)
    return text


def _read_sizes(text: str, changes: dict[str, Any]) -> str:
    """Band width and stone size; a stone in mm ("kim cương 5 ly") becomes carat."""
    for match in _BAND.finditer(text):
        group = next(i for i in (1, 3, 5) if match.group(i))
        changes["band_width_mm"] = _number(match.group(group + 1))
        text = _blank(text, match, group)
    for match in _HALF_CARAT.finditer(text):
        changes["carat"] = 0.5
        text = _blank(text, match)
    for match in _CARAT.finditer(text):
        changes["carat"] = _number(match.group(1))
        text = _blank(text, match)
    for match in _STONE_MM.finditer(text):
        # Round brilliant: diameter ≈ 6.5 × ct^(1/3) mm, so ct = (d / 6.5)^3.
        changes["carat"] = round((_number(match.group(1)) / 6.5) ** 3, 2)
        text = _blank(text, match)
    return text


def _read_numbers(text: str) -> tuple[str, dict[str, Any], int | None, list[Unclear]]:
    """Numeric properties and the count, with their text blanked out."""
    changes: dict[str, Any] = {}
    unclear: list[Unclear] = []
    text, count = _read_count(text)
    text = _read_karat(text, changes, unclear)
    text = _read_ring_size(text, changes, unclear)
    text = _read_sizes(text, changes)
    return text, changes, count, unclear


# Engraving, view, intent, language ---------------------------------------------------

_QUOTED = r'"([^"\n]+)"|“([^”\n]+)”|\'([^\'\n]+)\'|‘([^’\n]+)’|«([^»\n]+)»'
_ENGRAVING = re.compile(
    rf"(?:engrav\w*|inscri\w*|personali[sz]ed|khắc)[^\"“‘«\n]{{0,30}}?(?:{_QUOTED})",
    re.IGNORECASE,
)
_NO_ENGRAVING = _rx(
    r"no engraving|without (?:an |the )?engraving|remove the engraving|"
    r"không khắc(?: chữ)?|bỏ (?:chữ khắc|khắc chữ)"
)
_VIEW = _rx(
    r"3 ?d|three d|three dimensional|render(?:ed|ing)?|mô hình|3 chiều|ba chiều|"
    r"dựng hình|(?P<flat>2 ?d|flat|sketch|phác thảo)"
)
_VERBS = _rx(
    r"draw|design|sketch|create|make|show|render|generate|want|need|looking for|i'?d like|"
    r"would like|give me|try|change|switch|swap|turn|convert|update|redo|again|another|"
    r"how about|what about|let'?s|see|view|do (?:it|one|this|that)|go (?:with|for)|prefer|use|"
    r"vẽ|thiết kế|tạo|làm|xem|đổi|thay|chuyển|muốn|cần|thử|phác thảo|dựng|lấy|chọn|thêm|lại|nữa"
)
_SUGGESTION = _rx(
    r"how about|what about|xem sao|thử xem|what would .{0,60} look like|"
    r"trông (?:sẽ )?(?:như thế nào|ra sao)"
)
_QUESTION_WORDS = _rx(
    r"what|why|how|which|when|where|who|difference|explain|tell me|is it true|"
    r"gì|sao|tại sao|bao nhiêu|thế nào|nào|khác nhau|giải thích|có nên|nên chọn|có phải"
)
_QUESTION_START = re.compile(r"^(?:is|are|do|does|did|should|can|could|would|will|có)\b")
_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|greetings|xin chào|chào|alo)\b"
)
_RELATIVE = _rx(r"bigger|larger|smaller|to hơn|lớn hơn|nhỏ hơn|bé hơn")
_REDRAW = _rx(r"again|another(?: one)?|redo|redraw|new take|one more|lại|nữa|mẫu khác|mẫu mới")
_THANKS = _rx(r"thanks?|thank you|cảm ơn|cám ơn")
_VI_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_LOANWORDS = {"pavé", "café", "fiancé", "fiancée", "résumé", "rosé", "née", "déco", "à", "crème"}
_VI_PLAIN_WORDS = _rx(r"xin chao|chao ban|nhan|khong|duoc|giup|cho toi|mau nhan|vang trang")


def detect_language(text: str) -> str | None:
    """'vi' for Vietnamese (diacritics or Vietnamese words), 'en' for other words, else None."""
    text = unicodedata.normalize("NFC", text).casefold()
    words = re.findall(r"\w+", text)
    if any(w not in _LOANWORDS and _VI_LETTERS.intersection(w) for w in words):
        return "vi"
    if _VI_PLAIN_WORDS.search(text):
        return "vi"
    return "en" if any(re.fullmatch(r"[a-zé]{2,}", w) for w in words) else None


def _read_engraving(text: str, changes: dict[str, Any], unclear: list[Unclear]) -> str:
    """Quoted engraving text, taken from the original (case kept) and removed from the text."""
    match = _ENGRAVING.search(text)
    if match is None:
        if _NO_ENGRAVING.search(text.casefold()):
            changes["engraving"] = ""
        return text
    words = next(g for g in match.groups() if g is not None).strip()
    if len(words) > 40:
        unclear.append(Unclear.ENGRAVING_TOO_LONG)
    else:
        changes["engraving"] = words
    return text[: match.start()] + " " + text[match.end() :]


def _normalise(text: str) -> str:
    text = text.casefold().replace("’", "'")
    text = re.sub(r"(?<=\w)[-_/](?=\w)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _read_view(text: str) -> tuple[str, str | None]:
    kind = None
    for match in _VIEW.finditer(text):
        kind = "2d" if match.group("flat") else "3d"
        text = _blank(text, match)
    return text, kind


def _intent(text: str, has_signal: bool) -> tuple[bool, bool]:
    """(wants_design, is_question) from verbs, question words and the changes found."""
    text = text.replace("ngôi sao", "star")  # "sao" alone asks "why"
    plain = _SUGGESTION.sub(" ", text)
    strong_question = bool(_QUESTION_WORDS.search(plain))
    is_question = strong_question or text.endswith("?") or bool(_QUESTION_START.match(text))
    suggests = plain != text
    has_verb = suggests or bool(_VERBS.search(plain))
    wants = (has_verb and not strong_question) or (has_signal and not is_question)
    return wants, is_question


def parse_request(text: str) -> ParsedRequest:
    """Read a request into property changes, view, count, intent and language."""
    original = unicodedata.normalize("NFC", text or "")
    engraving: dict[str, Any] = {}
    unclear: list[Unclear] = []
    normal = _normalise(_read_engraving(original, engraving, unclear))
    working, view = _read_view(normal)
    working, numbers, count, number_unclear = _read_numbers(working)
    terms, term_unclear = _term_changes(working)
    changes = {**terms, **numbers, **engraving}
    unclear += number_unclear + term_unclear
    if _RELATIVE.search(working):
        unclear.append(Unclear.RELATIVE_SIZE)
    if count is not None and count > MAX_COUNT:
        unclear.append(Unclear.COUNT_CAPPED)
    count = max(1, min(count or 1, MAX_COUNT))
    has_signal = bool(changes) or count > 1 or view is not None
    wants, is_question = _intent(normal, has_signal)
    small_talk = (
        "greeting" if _GREETING.match(normal) else "thanks" if _THANKS.search(normal) else ""
    )
    return ParsedRequest(
        changes=changes,
        image_type=view or "2d",
        image_type_stated=view is not None,
        count=count,
        wants_design=wants,
        redraw=wants and bool(_REDRAW.search(normal)),
        language=detect_language(original) or "en",
        is_question=is_question,
        small_talk=small_talk,
        unclear=tuple(dict.fromkeys(unclear)),
    )
