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
from core.designers.offline_phrases import BAND_KINDS, FIELD_NAMES, PHRASES, say
from core.designers.status_lines import drawing_line
from core.messages import ToolName
from core.parser import ParsedRequest, detect_language, parse_request
from core.properties import (
    GOLD_KARATS,
    MAX_COUNT,
    DesignProperties,
    PropertiesError,
    field_choices,
    field_limits,
    merge_properties,
    parse_properties,
    properties_json_schema,
)
from core.ring_sizes import VietnameseSizes
from core.wording import describe, num, value_text, with_article

Remark = tuple[str, dict[str, Any]]  # a PHRASES key and its values


def _variant(p: DesignProperties, options: list[str], turn_index: int = 0) -> str:
    """A stable choice among phrasings: answers vary with the piece and turn, never at random."""
    return options[(zlib.crc32(p.summary().encode()) + turn_index) % len(options)]


# Craft remarks: each returns a phrase about the piece, or None --------------------------

# fmt: off
SHAPE_RATIOS = {"oval": "1.35–1.5", "cushion": "1.0–1.2", "emerald": "1.3–1.5",
                "pear": "1.5–1.75", "marquise": "1.75–2.25"}  # length ÷ width, docs/reference.md
# fmt: on


def _band_remark(p: DesignProperties, lang: str) -> Remark | None:
    """A solitaire's band is usually no wider than about a third of the stone's diameter."""
    if p.jewelry_type.value != "ring" or p.gemstone.value != "diamond":
        return None
    diameter = 6.5 * p.carat ** (1 / 3)  # round brilliant, docs/reference.md
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
    if p.accent_stones.value == "halo":
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
    inner = 11.63 + 0.8128 * p.ring_size  # US size → inner diameter, docs/reference.md
    return "ring_size", {"size": num(p.ring_size, lang), "inner": num(round(inner, 1), lang)}


REMARKS = (  # (rule, the fields it speaks about), most important first
    (_band_remark, {"band_width_mm", "carat", "gemstone", "jewelry_type"}),
    (_metal_remark, {"metal", "karat"}),
    (_finish_remark, {"finish", "style"}),
    (_stone_remark, {"gemstone", "setting", "accent_stones", "gem_shape", "band_width_mm"}),
    (_size_remark, {"ring_size"}),
)


def craft_remark(p: DesignProperties, about: set[str], lang: str, strict: bool = False) -> str:
    """The most relevant craft note: one about the given fields, else (unless strict) the first."""
    found = [(remark, fields) for rule, fields in REMARKS if (remark := rule(p, lang))]
    relevant = [remark for remark, fields in found if fields & about]
    fallback = [] if strict else [remark for remark, _ in found]
    chosen = (relevant or fallback or [None])[0]
    return say(chosen[0], lang, **chosen[1]) if chosen else ""


def next_step(p: DesignProperties, view: str, turn_index: int, lang: str, count: int = 1) -> str:
    """One suggestion of what to try next, varied by the piece (never what was just done)."""
    keys = ["next_count"] if count == 1 else []
    keys += ["next_metal"]
    keys += ["next_3d"] if view == "2d" else []
    keys += ["next_engraving"] if p.jewelry_type.value == "ring" and not p.engraving else []
    plain = p.setting.value == "prong" and p.accent_stones.value == "none"
    keys += ["next_setting"] if p.gemstone.value != "none" and plain else []
    other = "white gold" if p.metal.value == "rose gold" else "rose gold"
    return say(_variant(p, keys, turn_index), lang, metal=value_text("metal", other, lang))


# Answers ----------------------------------------------------------------------------------


def unclear_notes(request: ParsedRequest, p: DesignProperties, lang: str) -> list[str]:
    """Why some things the user said did not change the design."""
    low, high = field_limits("ring_size")
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
    low, high = field_limits(name)
    if low is None:  # a text field: its maximum length
        return say("up_to", lang, high=properties_json_schema()["properties"][name]["maxLength"])
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
    suggestion = next_step(p, view, turn_index, lang, request.count)
    return " ".join(part for part in parts if part) + "\n\n" + suggestion


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
        if view := entry.meta.designed_view():
            return view
        if entry.image_ids:
            return "2d"
    return None


def pending_changes(
    history: list[HistoryEntry], vn_sizes: VietnameseSizes | None = None
) -> dict[str, Any]:
    """Changes asked for since the latest design but not drawn yet (e.g. before 'which piece?')."""
    changes: dict[str, Any] = {}
    for entry in reversed(history):
        if last_design_view([entry]) is not None:
            break
        request = parse_request(entry.content, vn_sizes) if entry.role == "user" else None
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


def references_note(count: int, request: ParsedRequest, lang: str) -> str:
    """Say plainly that attached pictures are not read; ask for words when there are none."""
    note = say("refs_1", lang) if count == 1 else say("refs_n", lang, n=count)
    return note if request.wants_design else f"{note} {say('refs_describe', lang)}"


class OfflineDesigner(Designer):
    """Designs from English or Vietnamese requests without any network or model."""

    name = "offline"

    def __init__(self, vn_sizes: VietnameseSizes | None = None) -> None:
        self.vn_sizes = vn_sizes  # the Vietnamese ring-size chart ("ni 12"); bundled if None

    async def respond(self, turn: Turn) -> AsyncIterator[TurnEvent]:
        """Parse the message, draw through the shared tools when asked, and answer."""
        request, lang = parse_request(turn.message, self.vn_sizes), reply_language(turn)
        if turn.tools.references:
            yield TextDelta(references_note(len(turn.tools.references), request, lang) + "\n\n")
        last_view = last_design_view(turn.history) or turn.earlier_view
        established = last_view is not None
        changes = {**pending_changes(turn.history, self.vn_sizes), **request.changes}
        if not will_draw(request, changes, turn.tools.properties, established):
            yield TextDelta(
                conversation_reply(request, changes, turn.tools.properties, established, lang)
            )
            return
        view = request.image_type if request.image_type_stated else (last_view or "2d")
        count, base = request.count, turn.tools.properties
        yield Status(drawing_line(view, count, turn.language or lang))
        args = {"properties": changes, "image_type": view, "count": count}
        result = await turn.tools.call(ToolName.GENERATE, args)
        if "error" in result:
            yield TextDelta(error_reply(result["error"], changes, base, lang))
            return
        drawn = parse_properties(result["properties"])
        before, after = base.to_dict(), drawn.to_dict()
        changed = {k: after[k] for k in changes if k in after and after[k] != before.get(k)}
        turn_index = turn.position  # varies the suggestion from one turn to the next
        yield TextDelta(design_reply(drawn, request, changed, view, established, turn_index, lang))
