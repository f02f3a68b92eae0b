"""Reads a designer's request, in English or Vietnamese, into property changes and intent.

Pure text work, no I/O. Only what the text says becomes a change, so "make it
platinum" yields {"metal": "platinum"} and the conversation keeps the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from core import vocabulary as vocab
from core.properties import MAX_COUNT
from core.quantities import Unclear, blank, read_numbers
from core.ring_sizes import VietnameseSizes, vn_chart

__all__ = ["ParsedRequest", "Unclear", "detect_language", "parse_request"]


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
        text = blank(text, match)
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


def parse_request(text: str, vn_sizes: VietnameseSizes | None = None) -> ParsedRequest:
    """Read a request into property changes, view, count, intent and language.

    Vietnamese ring sizes are read with `vn_sizes` (the bundled chart when None).
    """
    original = unicodedata.normalize("NFC", text or "")
    engraving: dict[str, Any] = {}
    unclear: list[Unclear] = []
    normal = _normalise(_read_engraving(original, engraving, unclear))
    working, view = _read_view(normal)
    working, numbers, count, number_unclear = read_numbers(working, vn_sizes or vn_chart())
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
