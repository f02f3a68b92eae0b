"""Choices behind a drawing that the properties do not hold: variants change these."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """How heavy the metal is drawn (1 is the style's default thickness)."""

    thickness_scale: float = 1.0
