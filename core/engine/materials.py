"""Alloys, gem colours and finishes: densities (docs/reference.md), colours for drawing and PBR."""

from __future__ import annotations

from dataclasses import dataclass

from core.properties import Finish, Gemstone, Metal

RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Alloy:
    """One metal alloy: display name, density and display colour (sRGB 0..1)."""

    name: str
    density_g_cm3: float
    color: RGB
    density_note: str = ""


# Densities in g/cm³: JewelCraft's alloy table, chosen per alloy in docs/reference.md (Metals).
_GOLD_DENSITY = {
    (24, Metal.YELLOW_GOLD): 19.32,
    (22, Metal.YELLOW_GOLD): 17.86,
    (18, Metal.YELLOW_GOLD): 15.53,
    (18, Metal.WHITE_GOLD): 14.69,  # nickel white; palladium white is 15.66
    (18, Metal.ROSE_GOLD): 15.02,
    (14, Metal.YELLOW_GOLD): 13.05,
    (14, Metal.WHITE_GOLD): 12.61,  # nickel white; palladium white is 14.6
    (14, Metal.ROSE_GOLD): 13.03,
    (10, Metal.YELLOW_GOLD): 11.47,
    (10, Metal.WHITE_GOLD): 10.99,
    (10, Metal.ROSE_GOLD): 11.52,
}
PLATINUM_DENSITY = 20.70  # Pt950 with ruthenium, the usual casting alloy
SILVER_DENSITY = 10.36  # 925 sterling

# Yellow gold gets paler as the karat drops; these are drawing colours, not standards.
_YELLOW_BY_KARAT = {
    24: (0.93, 0.69, 0.20),
    22: (0.91, 0.71, 0.26),
    18: (0.89, 0.72, 0.34),
    14: (0.87, 0.75, 0.43),
    10: (0.85, 0.77, 0.50),
}
_WHITE_GOLD = (0.86, 0.86, 0.83)
_ROSE_GOLD = (0.89, 0.61, 0.52)
_PLATINUM = (0.80, 0.81, 0.83)
_SILVER = (0.92, 0.92, 0.93)


def alloy_for(metal: Metal, karat: int | None) -> Alloy:
    """The alloy of a metal and karat, with the density used for weights."""
    if metal is Metal.PLATINUM:
        return Alloy("Pt950 platinum", PLATINUM_DENSITY, _PLATINUM)
    if metal is Metal.SILVER:
        return Alloy("925 sterling silver", SILVER_DENSITY, _SILVER)
    karat = karat or 18
    colour = {
        Metal.YELLOW_GOLD: _YELLOW_BY_KARAT.get(karat, _YELLOW_BY_KARAT[18]),
        Metal.WHITE_GOLD: _WHITE_GOLD,
        Metal.ROSE_GOLD: _ROSE_GOLD,
    }[metal]
    name = f"{karat}K {metal.value}"
    density = _GOLD_DENSITY.get((karat, metal))
    if density is not None:
        return Alloy(name, density, colour)
    # The reference has no density for this karat/colour: fall back to the yellow alloy
    # of the same karat and say so, rather than inventing a figure.
    fallback = _GOLD_DENSITY[(karat, Metal.YELLOW_GOLD)]
    note = f"no reference density for {name}; used {karat}K yellow gold ({fallback} g/cm³)"
    return Alloy(name, fallback, colour, note)


@dataclass(frozen=True)
class Gem:
    """How a gemstone looks and weighs."""

    color: RGB
    specific_gravity: float
    opacity: float  # for the glTF material: 1 is opaque


# Specific gravities: docs/reference.md, Stones.
_GEMS = {
    Gemstone.DIAMOND: Gem((0.93, 0.95, 0.98), 3.52, 0.35),
    Gemstone.RUBY: Gem((0.78, 0.06, 0.18), 4.00, 0.75),
    Gemstone.SAPPHIRE: Gem((0.10, 0.22, 0.72), 4.00, 0.75),
    Gemstone.EMERALD: Gem((0.05, 0.58, 0.32), 2.72, 0.75),
    Gemstone.PEARL: Gem((0.96, 0.93, 0.88), 2.70, 1.0),
    Gemstone.AMETHYST: Gem((0.58, 0.30, 0.75), 2.65, 0.7),
    # Blue topaz: the topaz most sold in Vietnam; imperial topaz would be golden.
    Gemstone.TOPAZ: Gem((0.45, 0.72, 0.90), 3.53, 0.6),
}


def gem_for(gemstone: Gemstone) -> Gem:
    """Look and weight of a gemstone (diamond for 'none', used by accent stones)."""
    return _GEMS.get(gemstone, _GEMS[Gemstone.DIAMOND])


ACCENT_GEM = _GEMS[Gemstone.DIAMOND]

_ROUGHNESS = {
    Finish.POLISHED: 0.12,
    Finish.MILGRAIN: 0.18,
    Finish.HAMMERED: 0.3,
    Finish.BRUSHED: 0.45,
    Finish.MATTE: 0.6,
}


def roughness_for(finish: Finish) -> float:
    """PBR roughness of a metal finish."""
    return _ROUGHNESS[finish]


def srgb_to_linear(color: RGB) -> RGB:
    """Convert an sRGB colour to linear, as glTF base colours are linear."""
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in color)
