"""Distinct, plausible variations of one brief: what changes for variant 1, 2, 3…"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from core.engine.options import POINTED, Options
from core.properties import DesignProperties, GemShape, Gemstone, JewelryType, Setting

Change = tuple[DesignProperties, Options, str]
Variation = Callable[[DesignProperties, Options], Change | None]

_PROFILE_CYCLE = ("court", "knife-edge", "flat", "d-shape")


def _prongs(props: DesignProperties, opts: Options) -> Change | None:
    if props.gemstone in (Gemstone.NONE, Gemstone.PEARL) or props.setting is Setting.BEZEL:
        return None
    count = 4 if opts.prongs == 6 else 6
    return props, replace(opts, prongs=count), f"{count} prongs instead of {opts.prongs}"


def _profile(props: DesignProperties, opts: Options) -> Change | None:
    if props.jewelry_type not in (JewelryType.RING, JewelryType.BRACELET):
        return None
    nxt = (
        _PROFILE_CYCLE[(_PROFILE_CYCLE.index(opts.band_profile) + 1) % 4]
        if (opts.band_profile in _PROFILE_CYCLE)
        else "court"
    )
    return props, replace(opts, band_profile=nxt), f"{nxt} band instead of {opts.band_profile}"


def _halo(props: DesignProperties, opts: Options) -> Change | None:
    if props.gemstone is Gemstone.NONE:
        return None
    if props.setting is Setting.HALO:
        new = props.model_copy(update={"setting": Setting.PRONG})
        return new, opts, "solitaire without the halo"
    new = props.model_copy(update={"setting": Setting.HALO})
    return new, opts, "halo of accent diamonds added"


def _shape(props: DesignProperties, opts: Options) -> Change | None:
    if props.gemstone in (Gemstone.NONE, Gemstone.PEARL):
        return None
    alt = GemShape.OVAL if props.gem_shape is GemShape.ROUND else GemShape.ROUND
    prongs = 6 if alt in POINTED else 4
    new = props.model_copy(update={"gem_shape": alt})
    return new, replace(opts, prongs=prongs), f"{alt} stone instead of {props.gem_shape}"


def _bezel(props: DesignProperties, opts: Options) -> Change | None:
    if props.gemstone is Gemstone.NONE or props.setting is Setting.BEZEL:
        return None
    new = props.model_copy(update={"setting": Setting.BEZEL})
    return new, opts, f"bezel setting instead of {props.setting}"


def _drop(props: DesignProperties, opts: Options) -> Change | None:
    if props.jewelry_type is not JewelryType.EARRINGS or props.gemstone is Gemstone.NONE:
        return None
    kind = "studs" if opts.earring_drop else "drops"
    return props, replace(opts, earring_drop=not opts.earring_drop), f"{kind} instead"


def _width(props: DesignProperties, opts: Options) -> Change | None:
    wider = round(min(12.0, props.band_width_mm + 1.5), 1)
    if wider == props.band_width_mm:
        wider = round(props.band_width_mm - 1.5, 1)
    new = props.model_copy(update={"band_width_mm": wider})
    what = "chain" if props.jewelry_type is JewelryType.NECKLACE else "band"
    return new, opts, f"{what} {wider:g} mm wide instead of {props.band_width_mm:g} mm"


def _heavier(props: DesignProperties, opts: Options) -> Change | None:
    return props, replace(opts, thickness_scale=1.3), "30 % heavier metal"


_ORDER: tuple[Variation, ...] = (_halo, _prongs, _shape, _profile, _drop, _bezel, _width, _heavier)


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
