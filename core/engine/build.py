"""One entry point from a brief to a model: pick the builder for the kind of piece."""

from __future__ import annotations

from core.engine.hanging import build_earrings, build_necklace, build_pendant
from core.engine.model import Model
from core.engine.options import Options
from core.engine.pieces import build_bangle, build_ring
from core.properties import DesignProperties, JewelryType

_BUILDERS = {
    JewelryType.RING: build_ring,
    JewelryType.BRACELET: build_bangle,
    JewelryType.PENDANT: build_pendant,
    JewelryType.NECKLACE: build_necklace,
    JewelryType.EARRINGS: build_earrings,
}


def build_model(props: DesignProperties, opts: Options) -> Model:
    """The piece's meshes in millimetres, with the facts the spec reports."""
    return _BUILDERS[props.jewelry_type](props, opts)
