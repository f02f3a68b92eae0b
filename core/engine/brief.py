"""The stones a brief asks for: the main stone and, for a three-stone piece, its side stones."""

from __future__ import annotations

from core.engine import geometry
from core.engine.materials import gem_for
from core.engine.stones import Stone, cut_stone, pearl
from core.properties import AccentStones, DesignProperties, GemShape, Gemstone

POINTED = (GemShape.PEAR, GemShape.MARQUISE, GemShape.HEART)
SIDE_STONE_SHARE = 0.4  # each side stone of a three-stone piece, in carat of the centre stone


def the_stone(props: DesignProperties) -> Stone | None:
    """The main stone, or None."""
    if props.gemstone is Gemstone.NONE:
        return None
    if props.gemstone is Gemstone.PEARL:
        return pearl(props.pearl_mm)
    return cut_stone(props.gem_shape, props.carat, gem_for(props.gemstone).specific_gravity)


def side_stone(props: DesignProperties) -> Stone | None:
    """Each side stone of a three-stone piece (the centre's cut, smaller), or None."""
    if props.accent_stones is not AccentStones.THREE_STONE or props.gemstone is Gemstone.NONE:
        return None
    if props.gemstone is Gemstone.PEARL:
        return pearl(round(props.pearl_mm * 0.75, 1))
    carat = props.carat * SIDE_STONE_SHARE
    return cut_stone(props.gem_shape, carat, gem_for(props.gemstone).specific_gravity)


def is_pointed(props: DesignProperties) -> bool:
    """Whether the cut has a point a prong should cover."""
    return props.gem_shape in POINTED and props.gemstone is not Gemstone.PEARL


def carat_of(stone: Stone, props: DesignProperties) -> float:
    """The weight of the brief's main or side stone: the brief's carat, or a pearl's by size."""
    sg = gem_for(props.gemstone).specific_gravity
    if stone.is_pearl:
        return geometry.pearl_carat(stone.width, sg)
    main = the_stone(props)
    return props.carat if stone == main else props.carat * SIDE_STONE_SHARE
