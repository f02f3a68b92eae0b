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

from core import vocabulary as vocab
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


_TERMS = tuple((_rx(alts), changes) for alts, changes in vocab.TERM_TABLE)
_NEGATED = re.compile(rf"(?:{vocab.NEGATIONS})\s*$")
_STONE_NEAR_BEFORE = re.compile(rf"(?:{vocab.STONE_WORDS})\s+(?:hình |giác |dáng |cắt )?$")
_STONE_NEAR_AFTER = re.compile(rf"^\s+(?:{vocab.STONE_WORDS})(?!\w)")
_BLUE = _rx(vocab.BLUE)


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
        if vocab.HEART in term:
            near_stone = _STONE_NEAR_BEFORE.search(text[:start]) or _STONE_NEAR_AFTER.match(
                text[end:]
            )
            cut_word = text[start:end].endswith(("cut", "shaped", "shape"))
            term = {"gem_shape": "heart"} if near_stone or cut_word else {vocab.MOTIF: "heart"}
        if vocab.JADE in term:
            if not _BLUE.search(text):
                unclear.append(Unclear.JADE_OR_SAPPHIRE)
                continue
            term = {"gemstone": "sapphire"}
        if vocab.MOTIF in term and term[vocab.MOTIF] not in motifs:
            motifs.append(term[vocab.MOTIF])
        weak_type = term.get(vocab.WEAK_TYPE, weak_type)
        changes.update({k: v for k, v in term.items() if not k.startswith("_")})
    if weak_type and "jewelry_type" not in changes:
        changes["jewelry_type"] = weak_type
    if motifs:
        changes["notes"] = f"motif: {', '.join(motifs)}"
    return changes, unclear


# Numbers -------------------------------------------------------------------------

_NUM = r"(\d+(?:[.,]\d+)?)"
_MM = r"\s*(?:mm|ly|li)(?!\w)"
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
            count = int(vocab.COUNT_WORDS.get(word) or word)
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
            changes["karat"] = vocab.FINENESS_KARAT[match.group(1)]
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
    rf"(?:{vocab.ENGRAVING_WORDS})[^\"“‘«\n]{{0,30}}?(?:{_QUOTED})",
    re.IGNORECASE,
)
_NO_ENGRAVING = _rx(vocab.NO_ENGRAVING)
_VIEW = _rx(rf"{vocab.THREE_D}|(?P<flat>{vocab.FLAT})")
_VERBS = _rx(vocab.VERBS)
_SUGGESTION = _rx(vocab.SUGGESTIONS)
_QUESTION_WORDS = _rx(vocab.QUESTION_WORDS)
_QUESTION_START = re.compile(rf"^(?:{vocab.QUESTION_STARTS})\b")
_GREETING = re.compile(rf"^(?:{vocab.GREETINGS})\b")
_RELATIVE = _rx(vocab.RELATIVE_SIZES)
_REDRAW = _rx(vocab.REDRAW)
_THANKS = _rx(vocab.THANKS)
_VI_PLAIN_WORDS = _rx(vocab.VI_PLAIN_WORDS)


def detect_language(text: str) -> str | None:
    """'vi' for Vietnamese (diacritics or Vietnamese words), 'en' for other words, else None."""
    text = unicodedata.normalize("NFC", text).casefold()
    words = re.findall(r"\w+", text)
    if any(w not in vocab.LOANWORDS and vocab.VI_LETTERS.intersection(w) for w in words):
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
