"""Distinct, plausible variations of one brief: what changes for variant 1, 2, 3…"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from core.engine.options import Options
from core.properties import (
    AccentStones,
    BandProfile,
    DesignProperties,
    EarringStyle,
    GemShape,
    Gemstone,
    JewelryType,
    ProngCount,
    Setting,
)

Change = tuple[DesignProperties, Options, str]
Variation = Callable[[DesignProperties, Options], Change | None]

_PROFILE_CYCLE = (
    BandProfile.COURT,
    BandProfile.KNIFE_EDGE,
    BandProfile.FLAT,
    BandProfile.D_SHAPE,
    BandProfile.COMFORT_FIT,
)
_BANDED = (JewelryType.RING, JewelryType.BRACELET)


def _cut(props: DesignProperties) -> bool:
    return props.gemstone not in (Gemstone.NONE, Gemstone.PEARL)


def _with(props: DesignProperties, opts: Options, what: str, **changes: Any) -> Change:
    return props.model_copy(update=changes), opts, what


def _prongs(props: DesignProperties, opts: Options) -> Change | None:
    if not _cut(props) or props.setting is Setting.BEZEL:
        return None
    count = ProngCount.FOUR if props.prong_count is ProngCount.SIX else ProngCount.SIX
    return _with(props, opts, f"{count} prongs instead of {props.prong_count}", prong_count=count)


def _profile(props: DesignProperties, opts: Options) -> Change | None:
    if props.jewelry_type not in _BANDED:
        return None
    nxt = _PROFILE_CYCLE[(_PROFILE_CYCLE.index(props.band_profile) + 1) % len(_PROFILE_CYCLE)]
    what = f"{nxt} band instead of {props.band_profile}"
    return _with(props, opts, what, band_profile=nxt)


def _halo(props: DesignProperties, opts: Options) -> Change | None:
    if props.gemstone is Gemstone.NONE:
        return None
    if props.accent_stones is AccentStones.HALO:
        return _with(props, opts, "solitaire without the halo", accent_stones=AccentStones.NONE)
    return _with(props, opts, "halo of accent diamonds added", accent_stones=AccentStones.HALO)


def _three_stone(props: DesignProperties, opts: Options) -> Change | None:
    if not _cut(props) or props.accent_stones is AccentStones.THREE_STONE:
        return None
    what = "three-stone: two side stones added"
    return _with(props, opts, what, accent_stones=AccentStones.THREE_STONE)


def _shape(props: DesignProperties, opts: Options) -> Change | None:
    if not _cut(props):
        return None
    alt = GemShape.OVAL if props.gem_shape is GemShape.ROUND else GemShape.ROUND
    return _with(props, opts, f"{alt} stone instead of {props.gem_shape}", gem_shape=alt)


def _bezel(props: DesignProperties, opts: Options) -> Change | None:
    if props.gemstone is Gemstone.NONE or props.setting is Setting.BEZEL:
        return None
    return _with(props, opts, f"bezel setting instead of {props.setting}", setting=Setting.BEZEL)


def _earring_style(props: DesignProperties, opts: Options) -> Change | None:
    if props.jewelry_type is not JewelryType.EARRINGS:
        return None
    nxt = EarringStyle.DROP if props.earring_style is EarringStyle.STUD else EarringStyle.STUD
    return _with(props, opts, f"{nxt}s instead", earring_style=nxt)


def _width(props: DesignProperties, opts: Options) -> Change | None:
    wider = round(min(12.0, props.band_width_mm + 1.5), 1)
    if wider == props.band_width_mm:
        wider = round(props.band_width_mm - 1.5, 1)
    what = "chain" if props.jewelry_type is JewelryType.NECKLACE else "band"
    text = f"{what} {wider:g} mm wide instead of {props.band_width_mm:g} mm"
    return _with(props, opts, text, band_width_mm=wider)


def _heavier(props: DesignProperties, opts: Options) -> Change | None:
    return props, replace(opts, thickness_scale=1.3), "30 % heavier metal"


_ORDER: tuple[Variation, ...] = (
    _halo,
    _prongs,
    _shape,
    _profile,
    _earring_style,
    _three_stone,
    _bezel,
    _width,
    _heavier,
)


def vary(props: DesignProperties, opts: Options, variant: int) -> Change:
    """The brief for variant n: 0 is as given; each later one differs in a different way."""
    if variant <= 0:
        return props, opts, "as briefed"
    candidates = [c for c in (v(props, opts) for v in _ORDER) if c is not None]
    first = candidates[(variant - 1) % len(candidates)]
    if variant <= len(candidates):
        return first
    # Past the list, combine two changes so later variants still differ.
    second_of = _ORDER[variant % len(_ORDER)]
    second = second_of(first[0], first[1])
    if second is None:
        return first
    return second[0], second[1], f"{first[2]}; {second[2]}"
