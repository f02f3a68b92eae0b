"""Design choices the properties leave open (band profile, prongs, drops), with defaults."""

from __future__ import annotations

from dataclasses import dataclass

from core.properties import DesignProperties, GemShape, Gemstone, Style

POINTED = (GemShape.PEAR, GemShape.MARQUISE, GemShape.HEART)

_PROFILE_BY_STYLE = {
    Style.CLASSIC: "court",
    Style.VINTAGE: "d-shape",
    Style.MODERN: "flat",
    Style.MINIMALIST: "flat",
    Style.FLORAL: "d-shape",
    Style.ART_DECO: "knife-edge",
}


@dataclass(frozen=True)
class Options:
    """Choices behind one drawing; variants change these and the properties."""

    band_profile: str = "court"
    prongs: int = 4
    earring_drop: bool = False
    thickness_scale: float = 1.0


def default_options(props: DesignProperties) -> Options:
    """The plain reading of a brief."""
    drop = props.gem_shape in (GemShape.PEAR, GemShape.MARQUISE) or (
        props.gemstone is Gemstone.PEARL and props.style is Style.VINTAGE
    )
    prongs = 6 if props.gem_shape in POINTED else 4
    return Options(_PROFILE_BY_STYLE[props.style], prongs, drop)
