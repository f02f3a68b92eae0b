"""Side-by-side comparison of 2–4 designs: every property and spec field that differs."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from core.design_fields import design_fields
from core.errors import Refusal, StudioError

MIN_COMPARED, MAX_COMPARED = 2, 4
# Spec figures are rounded to 0.01 mm / g at most; closer values are the same figure.
TOLERANCE = 1e-6


def same(a: Any, b: Any) -> bool:
    """Equal as a designer reads them: numbers within rounding, lists element by element."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def compare_designs(designs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """{'designs': [...], 'differences': {field: [value per design]}}; equal fields left out."""
    if not MIN_COMPARED <= len(designs) <= MAX_COMPARED:
        raise StudioError(
            Refusal.COMPARE_COUNT, low=MIN_COMPARED, high=MAX_COMPARED, count=len(designs)
        )
    ids = [design.get("id") for design in designs]
    if len(set(ids)) != len(ids):
        raise StudioError(Refusal.COMPARE_TWICE)
    rows = [design_fields(design) for design in designs]
    names = list(dict.fromkeys(name for row in rows for name in row))
    differences = {}
    for name in names:
        values = [row.get(name) for row in rows]
        if not all(same(values[0], value) for value in values[1:]):
            differences[name] = values
    return {"designs": list(designs), "differences": differences}
