"""Numbers in a designer's request: count, karat, ring size, lengths, band and stone sizes.

Each reader takes what it understands out of the text (blanked, positions kept) so later
readers do not read it again. Ring sizes: US unless said otherwise; Vietnamese ("ni 12",
"cỡ 12") through a chart (core.ring_sizes); EU by the inner circumference.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from core import ring_sizes
from core import vocabulary as vocab
from core.properties import GOLD_KARATS
from core.ring_sizes import VietnameseSizes


class Unclear(StrEnum):
    """Things a request mentioned that the parser deliberately did not turn into changes."""

    VIETNAMESE_SIZE = "vietnamese_ring_size"  # "ni 50": outside the Vietnamese chart
    JADE_OR_SAPPHIRE = "jade_or_sapphire"  # "ngọc bích" without a colour
    RING_SIZE = "unknown_ring_size"  # a size outside US 3-15 and EU 40-76
    KARAT = "unknown_karat"  # e.g. "16k"
    ENGRAVING_TOO_LONG = "engraving_too_long"
    COUNT_CAPPED = "count_capped"
    RELATIVE_SIZE = "relative_size"  # "bigger", "to hơn": needs a number


_NUM = r"(\d+(?:[.,]\d+)?)"
_MM = r"\s*(?:mm|ly|li)(?!\w)"
_NOT_A_SIZE = r"(?!\s*(?:mm|ly|li|ct|carat|cm)(?!\w))"
_COUNT = re.compile(
    rf"(?<!\w)(\d+|{'|'.join(sorted(vocab.COUNT_WORDS, key=len, reverse=True))})\s+"
    rf"(?:(?:more|other|different|new|alternative|thêm)\s+)?(?:{vocab.COUNT_NOUNS})(?!\w)"
)
_COUNT_MORE = re.compile(r"(?<!\w)(\d+) more(?!\w)|(?<!\w)(?:more|other) (?:designs|options|ideas)")
_KARAT = re.compile(
    r"(?<![\w.,])(\d{1,2}) ?(?:(?:k|kt|karats?|kara)(?!\w)|(?:carat|ct)(?= (?:gold|vàng)))"
)
_FINENESS = re.compile(r"(?<!\w)(9999|999|916|750|585|417)(?!\w)")
_CARAT = re.compile(rf"(?<![\w.,]){_NUM}\s*(?:ct|cts|carats?|cara|carát)(?!\w)")
_HALF_CARAT = re.compile(r"(?<!\w)(?:half (?:a )?carat|nửa carat)(?!\w)")
_SIZE_MM = rf"({_NUM}{_MM})"  # only this part is consumed: "wedding band 6mm" is still a ring
_BAND = re.compile(
    rf"(?<!\w)(?:band width|band|bản rộng|bản|shank|đai|width)(?: of| là)?\s*{_SIZE_MM}"
    rf"|(?<![\w.,]){_SIZE_MM}(?:\s+wide)?\s+(?:band|bản|shank)(?!\w)"
    rf"|(?<![\w.,]){_SIZE_MM}\s+wide(?!\w)"
)
_STONE_MM = re.compile(rf"(?<![\w.,]){_NUM}{_MM}")
_PEARL = re.compile(r"(?<!\w)(?:pearls?|ngọc trai)(?!\w)")
_RING_DIAMETER = re.compile(
    rf"(?<!\w)(inner diameter|internal diameter|đường kính (?:trong|lòng)|circumference|chu vi)"
    rf"(?: of)?\s*{_NUM}\s*(?:mm|ly)?"
)
_US_SIZE = re.compile(
    rf"(?<!\w)(?:(?:ring size|size|cỡ nhẫn|cỡ) ?us|us ?size|us)\s*{_NUM}{_NOT_A_SIZE}"
)
_VN_SIZE = re.compile(
    rf"(?<!\w)(?:size |cỡ |số )?ni\s*{_NUM}|(?<!\w)(?:size|cỡ)\s*{_NUM}\s*ni(?!\w)"
    rf"|(?<!\w)(?:cỡ nhẫn|cỡ|size nhẫn)\s*{_NUM}{_NOT_A_SIZE}"
)
_SIZE = re.compile(rf"(?<!\w)(?:ring size|size|sz)\s*{_NUM}{_NOT_A_SIZE}( ?eu)?")
_EU_SIZE = re.compile(rf"(?<!\w)(?:eu|iso)(?: size)?\s*{_NUM}")
_WRIST = re.compile(
    rf"(?<!\w)(?:wrist|cổ tay)(?: size| circumference| of| là| khoảng)?\s*{_NUM}\s*(cm|mm)?"
)
_CHAIN_MM = re.compile(
    rf"(?<!\w)(?:chain length|chain|dây(?: chuyền)?(?: dài)?|dài)(?: of| là)?\s*{_NUM}\s*mm(?!\w)"
    rf"|(?<![\w.,]){_NUM}\s*mm(?: long)? (?=chain|necklace|dây)"
)
_CM = re.compile(rf"(?<![\w.,]){_NUM}\s*cm(?!\w)")
_INCHES = re.compile(rf"(?<![\w.,]){_NUM}\s*(?:inch(?:es)?|in(?= (?:chain|necklace))|″)(?!\w)")
INCH_MM = 25.4


def _number(text: str) -> float:
    """'0,5' (Vietnamese decimal comma) and '0.5' are the same number."""
    return float(text.replace(",", "."))


def blank(text: str, match: re.Match[str], group: int = 0) -> str:
    """Remove a consumed match, keeping positions, so later rules don't read it again."""
    start, end = match.span(group)
    return text[:start] + " " * (end - start) + text[end:]


def _first(match: re.Match[str]) -> float:
    return _number(next(g for g in match.groups() if g is not None))


def _us_from_circumference(mm: float) -> float:
    """US size of an inner circumference, to the nearest half size."""
    return round(ring_sizes.us_from_circumference(mm) * 2) / 2


def _read_count(text: str) -> tuple[str, int | None]:
    count = None
    for pattern in (_COUNT, _COUNT_MORE):
        for match in pattern.finditer(text):
            word = match.group(1)
            if word is None:  # "more options"
                count = 3
                continue
            count = int(vocab.COUNT_WORDS.get(word) or word)
            text = blank(text, match, 1)  # only the number: "2 rings" still names the piece
    return text, count


def _read_ring_size(
    text: str, changes: dict[str, Any], unclear: list[Unclear], vn_sizes: VietnameseSizes
) -> str:
    for match in _RING_DIAMETER.finditer(text):
        value = _number(match.group(2))
        is_circumference = match.group(1) in {"circumference", "chu vi"}
        mm = value if is_circumference else value * 3.14159
        changes["ring_size"] = _us_from_circumference(mm)
        text = blank(text, match)
    for match in _US_SIZE.finditer(text):
        _us_or_eu(_first(match), False, changes, unclear)
        text = blank(text, match)
    for match in _VN_SIZE.finditer(text):
        value = _first(match)
        if vn_sizes.covers(value):
            changes["ring_size"] = vn_sizes.us_size(value)
        elif "ni" in match.group(0):
            unclear.append(Unclear.VIETNAMESE_SIZE)
        else:  # "cỡ 54": an EU size
            _us_or_eu(value, False, changes, unclear)
        text = blank(text, match)
    for pattern in (_EU_SIZE, _SIZE):
        for match in pattern.finditer(text):
            eu = pattern is _EU_SIZE or bool(match.group(2))
            _us_or_eu(_number(match.group(1)), eu, changes, unclear)
            text = blank(text, match)
    return text


def _us_or_eu(value: float, eu: bool, changes: dict[str, Any], unclear: list[Unclear]) -> None:
    if not eu and 3 <= value <= 15:
        changes["ring_size"] = value
    elif 40 <= value <= 76:
        changes["ring_size"] = _us_from_circumference(value)
    else:
        unclear.append(Unclear.RING_SIZE)


def _read_karat(text: str, changes: dict[str, Any], unclear: list[Unclear]) -> str:
    for match in _KARAT.finditer(text):
        value = int(match.group(1))
        if value in GOLD_KARATS:
            changes["karat"] = value
        elif 8 <= value <= 24:
            unclear.append(Unclear.KARAT)
        text = blank(text, match)
    if re.search(r"vàng|gold", text):
        for match in _FINENESS.finditer(text):
            changes["karat"] = vocab.FINENESS_KARAT[match.group(1)]
            text = blank(text, match)
    return text


def _read_lengths(text: str, changes: dict[str, Any]) -> str:
    """Wrist size ("cổ tay 16 cm") and chain length ("dây dài 45 cm", "18 inch", "450 mm chain").

    Values go through as said; the properties model says when one is out of range.
    """
    for match in _WRIST.finditer(text):
        value = _number(match.group(1))
        in_mm = match.group(2) == "mm" or (match.group(2) is None and value > 40)
        changes["wrist_mm"] = value if in_mm else value * 10
        text = blank(text, match)
    for pattern, scale in ((_CHAIN_MM, 1.0), (_CM, 10.0), (_INCHES, INCH_MM)):
        for match in pattern.finditer(text):
            changes["chain_length_mm"] = round(_first(match) * scale)
            # Only the number and unit: "dây chuyền 45 cm" still names a necklace.
            number = next(i for i, g in enumerate(match.groups(), 1) if g is not None)
            start = match.start(number)
            text = text[:start] + " " * (match.end() - start) + text[match.end() :]
    return text


def _read_sizes(text: str, changes: dict[str, Any]) -> str:
    """Band width and stone size; a stone in mm ("kim cương 5 ly") becomes carat, a pearl's not."""
    for match in _BAND.finditer(text):
        group = next(i for i in (1, 3, 5) if match.group(i))
        changes["band_width_mm"] = _number(match.group(group + 1))
        text = blank(text, match, group)
    for match in _HALF_CARAT.finditer(text):
        changes["carat"] = 0.5
        text = blank(text, match)
    for match in _CARAT.finditer(text):
        changes["carat"] = _number(match.group(1))
        text = blank(text, match)
    pearl = bool(_PEARL.search(text))
    for match in _STONE_MM.finditer(text):
        mm = _number(match.group(1))
        if pearl:  # pearls are sold by size
            changes["pearl_mm"] = mm
        else:  # a round brilliant: d ≈ 6.5 × ct^(1/3) mm (docs/reference.md, Stones)
            changes["carat"] = round((mm / 6.5) ** 3, 2)
        text = blank(text, match)
    return text


def read_numbers(
    text: str, vn_sizes: VietnameseSizes
) -> tuple[str, dict[str, Any], int | None, list[Unclear]]:
    """Numeric properties and the count, with their text blanked out."""
    changes: dict[str, Any] = {}
    unclear: list[Unclear] = []
    text, count = _read_count(text)
    text = _read_karat(text, changes, unclear)
    text = _read_ring_size(text, changes, unclear, vn_sizes)
    text = _read_lengths(text, changes)
    text = _read_sizes(text, changes)
    return text, changes, count, unclear
